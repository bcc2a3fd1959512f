import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Bilingual } from '../../../shared/api-types.js';
import type { Db, Executor } from '../../db/index.js';
import { requireActor, type RequestContext } from '../http/context.js';
import { notification } from './notification.table.js';

export interface NewNotification {
  userId: string;
  kind: string;
  message: Bilingual;
  link?: string | null;
}

/**
 * Sends messages in the app, in the caller's transaction (a plan returned and its message go
 * together). Reading them is not audited: a message is the system's, not data of the movement.
 */
export async function notify(tx: Executor, rows: NewNotification[]): Promise<void> {
  if (rows.length) await tx.insert(notification).values(rows.map((r) => ({ ...r, link: r.link ?? null })));
}

/** A user's own messages: the list, the unread count, marking read. */
export function createNotificationService(db: Db) {
  return {
    async list(ctx: RequestContext, q: { unreadOnly: boolean; page: number; pageSize: number }) {
      const { userId } = requireActor(ctx);
      const mine = and(eq(notification.userId, userId), q.unreadOnly ? isNull(notification.readAt) : undefined);
      const [items, [{ unread }]] = await Promise.all([
        db
          .select()
          .from(notification)
          .where(mine)
          .orderBy(desc(notification.createdAt), desc(notification.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ unread: count() }).from(notification).where(and(eq(notification.userId, userId), isNull(notification.readAt))),
      ]);
      return {
        items: items.map((n) => ({ id: n.id, kind: n.kind, message: n.message, link: n.link, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })),
        unread,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Marks the given messages (or all) read; other users' ids are ignored. */
    async markRead(ctx: RequestContext, ids: string[] | 'all') {
      const { userId } = requireActor(ctx);
      const rows = await db
        .update(notification)
        .set({ readAt: new Date() })
        .where(and(eq(notification.userId, userId), isNull(notification.readAt), ids === 'all' ? undefined : inArray(notification.id, ids)))
        .returning({ id: notification.id });
      return { marked: rows.length };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
