import { index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';

/** Background jobs, claimed with FOR UPDATE SKIP LOCKED by any app process. */
export const job = pgTable(
  'job',
  {
    id: id(),
    kind: text('kind').notNull(),
    state: text('state', { enum: ['queued', 'running', 'succeeded', 'failed'] }).notNull().default('queued'),
    payload: jsonb('payload').notNull(),
    progress: real('progress').notNull().default(0),
    message: jsonb('message'),
    result: jsonb('result'),
    error: jsonb('error'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text('locked_by'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    orgId: uuid('org_id'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('job_queue_idx').on(t.state, t.runAfter), index('job_owner_idx').on(t.createdBy, t.createdAt)],
);
