import { and, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/index.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { org } from '../org/org.table.js';
import { inSubtrees } from '../org/org.repo.js';
import { userAccount } from '../user/user.table.js';

export interface AuditFilter {
  /** Subtrees the reader may see; rows without an organisation only when `includeUnscoped`. */
  scope: string[];
  includeUnscoped: boolean;
  userId?: string;
  entity?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/**
 * The audit is a read model over every module's history: it joins the organisation and the
 * account tables for names and subtree filtering, read-only.
 */
function where(f: AuditFilter, beforeId?: number): SQL {
  return and(
    f.includeUnscoped ? or(inSubtrees(f.scope), isNull(auditLog.orgId)) : inSubtrees(f.scope),
    f.userId ? eq(auditLog.userId, f.userId) : undefined,
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
    beforeId ? lt(auditLog.id, beforeId) : undefined,
  )!;
}

/** The changed account, for its name in the list (the acting user is joined as `userAccount`). */
const subject = alias(userAccount, 'subject');

export const auditRepo = {
  /**
   * One page, newest first. The page's ids are found first (an index scan that needs only the
   * organisation's path), and names are joined to those rows alone: a commune's page costs ~2 ms
   * instead of ~30 ms at a million rows (bench/README.md).
   */
  page(db: Executor, f: AuditFilter, limit: number, beforeId?: number) {
    const pageIds = db
      .select({ id: auditLog.id })
      .from(auditLog)
      .leftJoin(org, eq(org.id, auditLog.orgId))
      .where(where(f, beforeId))
      .orderBy(desc(auditLog.id))
      .limit(limit)
      .as('page_ids');
    return db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        userId: auditLog.userId,
        userName: userAccount.displayName,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        // What the row is about, by name: the unit for 'org' rows, the account for 'user' rows.
        entityName: sql<string | null>`case ${auditLog.entity} when 'org' then ${org.name} when 'user' then ${subject.displayName} end`,
        orgId: auditLog.orgId,
        orgName: org.name,
        orgPath: org.path,
        before: auditLog.before,
        after: auditLog.after,
        requestId: auditLog.requestId,
        ip: auditLog.ip,
      })
      .from(pageIds)
      .innerJoin(auditLog, eq(auditLog.id, pageIds.id))
      .leftJoin(org, eq(org.id, auditLog.orgId))
      .leftJoin(userAccount, eq(userAccount.id, auditLog.userId))
      .leftJoin(subject, sql`${subject.id} = case when ${auditLog.entity} = 'user' then ${auditLog.entityId}::uuid end`)
      .orderBy(desc(auditLog.id));
  },

  count(db: Executor, f: AuditFilter): Promise<number> {
    return db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .leftJoin(org, eq(org.id, auditLog.orgId))
      .where(where(f))
      .then((r) => r[0].n);
  },
};

export type AuditRow = Awaited<ReturnType<typeof auditRepo.page>>[number];
