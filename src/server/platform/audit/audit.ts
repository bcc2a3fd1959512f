import type { Executor } from '../../db/index.js';
import { SYSTEM_USER_ID, type RequestContext } from '../http/context.js';
import { auditLog } from './audit.table.js';

/** Keys whose values never reach the audit log. */
const SECRET_KEYS = /pass(word)?|hash|token|secret|session|csrf/i;

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.test(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

export interface AuditEntryInput {
  action: string;
  entity: string;
  entityId?: string | null;
  orgId?: string | null;
  rootId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit row. Call it with the transaction that makes the change, so the change and
 * its record commit or roll back together.
 */
export async function recordAudit(tx: Executor, ctx: RequestContext, entry: AuditEntryInput): Promise<void> {
  await recordAudits(tx, ctx, [entry]);
}

/** Writes audit rows in one statement (bulk work such as imports). */
export async function recordAudits(tx: Executor, ctx: RequestContext, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(entries.map((entry) => ({
    userId: ctx.actor && ctx.actor.userId !== SYSTEM_USER_ID ? ctx.actor.userId : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    orgId: entry.orgId ?? null,
    rootId: entry.rootId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  })));
}
