import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { containsPattern } from '../../db/columns.js';
import { org } from '../org/org.table.js';
import { inSubtrees } from '../org/org.repo.js';
import { roleGrant, userAccount } from './user.table.js';

export type UserRow = typeof userAccount.$inferSelect;


export const userRepo = {
  findById(db: Executor, id: string): Promise<UserRow | undefined> {
    return db.query.userAccount.findFirst({ where: eq(userAccount.id, id) });
  },

  findByLogin(db: Executor, login: string): Promise<UserRow | undefined> {
    return db.query.userAccount.findFirst({ where: eq(userAccount.login, login) });
  },

  async lockTable(tx: Executor): Promise<void> {
    await tx.execute(sql`lock table ${userAccount} in share row exclusive mode`);
  },

  count(db: Executor): Promise<number> {
    return db
      .select({ n: sql<number>`count(*)::int` })
      .from(userAccount)
      .then((r) => r[0].n);
  },

  /**
   * Users whose home organisation lies in one of the subtrees, in Vietnamese name order. A scope of
   * '/' (a system administrator) needs no subtree test, and its count no join with `org`.
   */
  async list(db: Executor, scope: string[], q: { key?: string; limit: number; offset: number }) {
    const everything = scope.includes('/');
    const search = q.key ? or(like(userAccount.nameSearch, containsPattern(q.key)), like(userAccount.login, containsPattern(q.key))) : undefined;
    const where = and(everything ? undefined : inSubtrees(scope), search);
    const counted = db.select({ total: sql<number>`count(*)::int` }).from(userAccount);
    const [items, [{ total }]] = await Promise.all([
      db
        .select({ user: userAccount, homeOrgName: org.name, homeOrgPath: org.path })
        .from(userAccount)
        .innerJoin(org, eq(org.id, userAccount.homeOrgId))
        .where(where)
        .orderBy(asc(userAccount.nameSort), asc(userAccount.id))
        .limit(q.limit)
        .offset(q.offset),
      everything ? counted.where(search) : counted.innerJoin(org, eq(org.id, userAccount.homeOrgId)).where(where),
    ]);
    return { items, total };
  },

  /** Grants of the given users, with their organisation's path and name. */
  grantsOf(db: Executor, userIds: string[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .select({ id: roleGrant.id, userId: roleGrant.userId, orgId: roleGrant.orgId, role: roleGrant.role, orgPath: org.path, orgName: org.name })
      .from(roleGrant)
      .innerJoin(org, eq(org.id, roleGrant.orgId))
      .where(inArray(roleGrant.userId, userIds))
      .orderBy(asc(org.depth), asc(org.nameSort));
  },

  /** Inserts an account; null when the login is taken (also by a concurrent insert). */
  async insert(db: Executor, row: typeof userAccount.$inferInsert): Promise<UserRow | null> {
    const [created] = await db.insert(userAccount).values(row).onConflictDoNothing({ target: userAccount.login }).returning();
    return created ?? null;
  },

  async update(db: Executor, id: string, patch: Partial<typeof userAccount.$inferInsert>): Promise<UserRow> {
    const [updated] = await db
      .update(userAccount)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(userAccount.id, id))
      .returning();
    return updated;
  },

  async insertGrant(db: Executor, row: typeof roleGrant.$inferInsert) {
    const [created] = await db.insert(roleGrant).values(row).onConflictDoNothing().returning();
    return created;
  },

  async deleteGrant(db: Executor, userId: string, grantId: string) {
    const [deleted] = await db
      .delete(roleGrant)
      .where(and(eq(roleGrant.id, grantId), eq(roleGrant.userId, userId)))
      .returning();
    return deleted;
  },
};
