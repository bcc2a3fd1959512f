import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { loginThrottle } from './auth.table.js';

/**
 * Login rate limits, counted in the database so that every app process shares them:
 * per account, 5 failures in 15 minutes lock it for 15 minutes; per client address,
 * 20 failures in 15 minutes lock the address for 15 minutes.
 */
export const THROTTLE_RULES = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

export const throttleKeys = (ip: string, login: string) => ({ ip: `ip:${ip}`, account: `login:${login}` });

/** Seconds until the first of the keys is unlocked, or 0 when none is locked. */
export async function lockedForSeconds(db: Executor, keys: string[]): Promise<number> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const now = Date.now();
  const until = Math.max(0, ...rows.map((r) => (r.lockedUntil ? r.lockedUntil.getTime() - now : 0)));
  return Math.ceil(until / 1000);
}

/** Counts one failure on the key; returns true when this failure locked it. */
export async function recordFailure(db: Executor, key: string, rule: { maxFailures: number; windowMs: number; lockMs: number }): Promise<boolean> {
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
    .returning();
  if (row.failures >= rule.maxFailures) {
    await db
      .update(loginThrottle)
      .set({ lockedUntil: new Date(Date.now() + rule.lockMs), failures: 0, windowStartedAt: new Date() })
      .where(eq(loginThrottle.key, key));
    return true;
  }
  return false;
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
