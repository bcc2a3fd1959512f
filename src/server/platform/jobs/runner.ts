import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../db/index.js';
import { AppError, notFound, type Bilingual } from '../errors.js';
import { requireActor, type RequestContext } from '../http/context.js';
import { describeFailure } from '../http/errors.js';
import { job } from './job.table.js';

export type JobRow = typeof job.$inferSelect;

export interface JobContext {
  job: JobRow;
  /** Reports progress (0..1) with an optional message; written to the job row for the UI. */
  progress(fraction: number, message?: Bilingual): Promise<void>;
}

/**
 * A job handler does its work and returns a function that stores the result inside the
 * transaction that also marks the job succeeded, so that a crash before that point leaves
 * nothing half-applied and the job is simply run again.
 */
export type JobHandler = (ctx: JobContext) => Promise<(tx: Tx) => Promise<unknown>>;

export interface JobView {
  id: string;
  kind: string;
  state: JobRow['state'];
  progress: number;
  message: Bilingual | null;
  result: unknown;
  error: Bilingual | null;
  createdAt: string;
  finishedAt: string | null;
}

export const presentJob = (j: JobRow): JobView => ({
  id: j.id,
  kind: j.kind,
  state: j.state,
  progress: j.progress,
  message: j.message as Bilingual | null,
  result: j.result,
  error: j.error as Bilingual | null,
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

/** The job was taken over by another worker after this one stalled; its result is dropped. */
class JobLostError extends Error {}

/** A running job whose heartbeat is older than this is taken to be dead (its process crashed). */
const STALE_AFTER_MS = 60_000;
const HEARTBEAT_MS = 10_000;

/** Periodic clean-up that any process may run (expired sessions, old login counters). */
const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

export function createJobRunner(database: Database, opts: { pollMs?: number; worker?: string; housekeeping?: ((db: Database['db']) => Promise<void>)[] } = {}) {
  const { db } = database;
  const handlers = new Map<string, JobHandler>();
  const worker = opts.worker ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollMs = opts.pollMs ?? 500;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = true;

  /**
   * Jobs left running by a process that died: queued again while attempts remain, else failed.
   * On PGlite only one process can own the data, so every running job at start is an orphan.
   */
  async function recoverOrphans(all: boolean): Promise<void> {
    const stale = all ? sql`true` : sql`${job.heartbeatAt} < now() - ${`${STALE_AFTER_MS} milliseconds`}::interval`;
    await db
      .update(job)
      .set({
        state: sql`case when ${job.attempts} < ${job.maxAttempts} then 'queued' else 'failed' end`,
        lockedBy: null,
        error: sql`case when ${job.attempts} < ${job.maxAttempts} then null else ${JSON.stringify({
          vi: 'Công việc bị gián đoạn và đã thử lại quá số lần cho phép.',
          en: 'The job was interrupted and ran out of retries.',
        })}::jsonb end`,
        finishedAt: sql`case when ${job.attempts} < ${job.maxAttempts} then null else now() end`,
      })
      .where(and(eq(job.state, 'running'), stale));
  }

  async function claim(): Promise<JobRow | undefined> {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return undefined;
    const result = await db.execute(sql`
      update ${job} set state = 'running', locked_by = ${worker}, attempts = attempts + 1,
        heartbeat_at = now(), started_at = coalesce(started_at, now())
      where id = (
        select id from ${job}
        where state = 'queued' and run_after <= now() and kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
        order by created_at
        for update skip locked
        limit 1)
      returning id`);
    const id = (result as unknown as { rows: { id: string }[] }).rows[0]?.id;
    return id ? db.query.job.findFirst({ where: eq(job.id, id) }) : undefined;
  }

  async function runOne(row: JobRow): Promise<void> {
    const handler = handlers.get(row.kind)!;
    const beat = setInterval(() => {
      db.update(job).set({ heartbeatAt: new Date() }).where(and(eq(job.id, row.id), eq(job.lockedBy, worker))).catch(() => {});
    }, HEARTBEAT_MS);
    try {
      const store = await handler({
        job: row,
        progress: async (fraction, message) => {
          await db
            .update(job)
            .set({ progress: Math.max(0, Math.min(1, fraction)), message: message ?? null, heartbeatAt: new Date() })
            .where(and(eq(job.id, row.id), eq(job.lockedBy, worker)));
        },
      });
      await db.transaction(async (tx) => {
        // Still ours? A worker that stalled past the heartbeat may have lost the job to another.
        const [owned] = await tx
          .update(job)
          .set({ state: 'succeeded', progress: 1, finishedAt: new Date(), lockedBy: null })
          .where(and(eq(job.id, row.id), eq(job.lockedBy, worker), eq(job.state, 'running')))
          .returning({ id: job.id });
        if (!owned) throw new JobLostError();
        const result = await store(tx);
        await tx.update(job).set({ result: result ?? null }).where(eq(job.id, row.id));
      });
    } catch (err) {
      if (err instanceof JobLostError) return;
      const message: Bilingual =
        err instanceof AppError ? err.messages : { vi: 'Công việc gặp lỗi không mong muốn.', en: 'The job failed unexpectedly.' };
      const retry = row.attempts < row.maxAttempts && !(err instanceof AppError);
      await db
        .update(job)
        .set(
          retry
            ? { state: 'queued', lockedBy: null, runAfter: new Date(Date.now() + 2000 * row.attempts) }
            : { state: 'failed', error: message, finishedAt: new Date(), lockedBy: null },
        )
        .where(and(eq(job.id, row.id), eq(job.lockedBy, worker)));
      if (!(err instanceof AppError)) console.error(`job ${row.kind} ${row.id} failed:`, JSON.stringify(describeFailure(err)));
    } finally {
      clearInterval(beat);
    }
  }

  let lastHousekeeping = 0;

  async function tick(): Promise<void> {
    try {
      if (Date.now() - lastHousekeeping > HOUSEKEEPING_EVERY_MS) {
        lastHousekeeping = Date.now();
        for (const task of opts.housekeeping ?? []) await task(db);
      }
      await recoverOrphans(false);
      for (let next = await claim(); next && !stopped; next = await claim()) await runOne(next);
    } catch (err) {
      if (!stopped) console.error('job runner:', JSON.stringify(describeFailure(err)));
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = null;
        schedule();
      });
    }, pollMs);
  }

  return {
    register(kind: string, handler: JobHandler) {
      handlers.set(kind, handler);
    },

    async start() {
      await recoverOrphans(database.engine === 'pglite');
      stopped = false;
      schedule();
    },

    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },

    /** Queues a job (inside the caller's transaction when given one). */
    async enqueue(tx: Executor, ctx: RequestContext, kind: string, payload: unknown, orgId: string | null = null): Promise<JobView> {
      const [created] = await tx
        .insert(job)
        .values({ kind, payload: payload as object, createdBy: ctx.actor?.userId ?? null, orgId })
        .returning();
      return presentJob(created);
    },

    /** A job as its owner sees it. */
    async get(ctx: RequestContext, id: string): Promise<JobView> {
      const row = await db.query.job.findFirst({ where: eq(job.id, id) });
      if (!row || !ctx.actor || row.createdBy !== ctx.actor.userId) {
        throw notFound({ vi: 'Không tìm thấy công việc.', en: 'Job not found.' });
      }
      return presentJob(row);
    },

    async listOwn(ctx: RequestContext, page: number, pageSize: number) {
      const userId = requireActor(ctx).userId;
      const rows = await db
        .select()
        .from(job)
        .where(eq(job.createdBy, userId))
        .orderBy(desc(job.createdAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(job).where(eq(job.createdBy, userId));
      return { items: rows.map(presentJob), total, page, pageSize };
    },

    /** Runs queued jobs now (tests use it instead of waiting for the poll). */
    drain: async () => {
      for (let next = await claim(); next; next = await claim()) await runOne(next);
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
