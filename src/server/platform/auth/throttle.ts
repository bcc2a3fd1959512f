import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { loginThrottle } from './auth.table.js';

/**
 * Login rate limits, counted in the database so that every app process shares them:
 * per account, 5 failures in 15 minutes lock it for 15 minutes; per client address,
 * 20 failures in 15 minutes lock the address for 15 minutes.
 *
 * An attempt is counted before the password is checked and taken back when it succeeds, so that
 * guesses sent in parallel cannot check more passwords than the limit allows.
 */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const THROTTLE_RULES = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleRule>;

export const throttleKeys = (ip: string, login: string) => ({ ip: `ip:${ip}`, account: `login:${login}` });

/** Seconds until the first of the keys is unlocked, or 0 when none is locked. */
export async function lockedForSeconds(db: Executor, keys: string[]): Promise<number> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const now = Date.now();
  const until = Math.max(0, ...rows.map((r) => (r.lockedUntil ? r.lockedUntil.getTime() - now : 0)));
  return Math.ceil(until / 1000);
}

/**
 * Counts one attempt on the key (a new window when the last one is over) and returns the count.
 * One statement, so concurrent attempts each get their own number.
 */
export async function countAttempt(db: Executor, key: string, rule: ThrottleRule): Promise<number> {
  const windowStart = new Date(Date.now() - rule.windowMs);
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: new Date() })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then now() else ${loginThrottle.windowStartedAt} end`,
      },
    })
    .returning({ failures: loginThrottle.failures });
  return row.failures;
}

/** Takes back one counted attempt (it succeeded). */
export async function forgiveAttempt(db: Executor, key: string): Promise<void> {
  await db
    .update(loginThrottle)
    .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
    .where(eq(loginThrottle.key, key));
}

/** Locks the key for the rule's lock time and starts a new window. */
export async function lock(db: Executor, key: string, rule: ThrottleRule): Promise<void> {
  await db
    .update(loginThrottle)
    .set({ lockedUntil: new Date(Date.now() + rule.lockMs), failures: 0, windowStartedAt: new Date() })
    .where(eq(loginThrottle.key, key));
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** Forgets counters whose window and lock are over (housekeeping). */
export async function purgeStaleThrottles(db: Executor): Promise<void> {
  const windowMs = Math.max(THROTTLE_RULES.account.windowMs, THROTTLE_RULES.ip.windowMs);
  await db.execute(sql`delete from ${loginThrottle}
    where ${loginThrottle.windowStartedAt} < ${new Date(Date.now() - windowMs)}
      and (${loginThrottle.lockedUntil} is null or ${loginThrottle.lockedUntil} < now())`);
}
