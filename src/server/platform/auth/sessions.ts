import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { session } from './auth.table.js';

/** Sessions live in the database so that any app process serves any request. */
export const SESSION_COOKIE = 'hoctap_session';
/** Idle time after which a session ends, and its absolute lifetime. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionStore {
  create(tx: Executor, userId: string): Promise<{ token: string; csrfToken: string }>;
  find(db: Executor, token: string): Promise<{ id: string; userId: string; csrfToken: string } | null>;
  destroy(db: Executor, token: string): Promise<void>;
}

export function createSessionStore(secret: string): SessionStore {
  /** The database keeps an HMAC of the token: a copy of the table does not open sessions. */
  const idOf = (token: string) => createHmac('sha256', secret).update(token).digest('base64url');

  return {
    async create(tx, userId) {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      await tx.insert(session).values({ id: idOf(token), userId, csrfToken, expiresAt: new Date(Date.now() + SESSION_MAX_MS) });
      return { token, csrfToken };
    },

    async find(db, token) {
      if (!token || token.length > 200) return null;
      const id = idOf(token);
      const now = Date.now();
      const row = await db.query.session.findFirst({
        where: and(eq(session.id, id), gt(session.expiresAt, new Date(now)), gt(session.lastSeenAt, new Date(now - SESSION_IDLE_MS))),
      });
      if (!row) return null;
      if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await db.update(session).set({ lastSeenAt: new Date(now) }).where(eq(session.id, id));
      }
      return { id, userId: row.userId, csrfToken: row.csrfToken };
    },

    async destroy(db, token) {
      await db.delete(session).where(eq(session.id, idOf(token)));
    },
  };
}

export async function deleteSessionsOf(tx: Executor, userId: string, exceptId?: string): Promise<void> {
  await tx.delete(session).where(and(eq(session.userId, userId), exceptId ? sql`${session.id} <> ${exceptId}` : undefined));
}

/** Removes expired sessions (run now and then by the job runner's housekeeping). */
export async function purgeExpiredSessions(db: Executor): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, new Date()));
}
