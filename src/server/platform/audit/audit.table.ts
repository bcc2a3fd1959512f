import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per change to data, written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    orgId: uuid('org_id'),
    rootId: uuid('root_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_org_idx').on(t.orgId, t.id),
    index('audit_user_idx').on(t.userId, t.id),
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entity, t.entityId),
    // Newest-first pages filtered by kind of change stay index scans on a province's log.
    index('audit_action_id_idx').on(t.action, t.id),
    index('audit_entity_id_idx').on(t.entity, t.id),
  ],
);
