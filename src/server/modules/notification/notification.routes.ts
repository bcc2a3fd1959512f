import { z } from 'zod';
import type { ZApp } from '../../platform/http/app-types.js';
import { booleanQuery, pageQuery } from '../../platform/http/schemas.js';
import type { NotificationService } from '../../platform/notifications/notifications.js';

const tags = ['notifications'];

export function notificationRoutes(app: ZApp, notifications: NotificationService) {
  app.get(
    '/api/v1/notifications',
    { schema: { tags, summary: 'My messages, newest first, with the unread count', querystring: z.object({ unreadOnly: booleanQuery, ...pageQuery }) } },
    async (request) => notifications.list(request.ctx, { ...request.query, unreadOnly: request.query.unreadOnly ?? false }),
  );

  app.post(
    '/api/v1/notifications/read',
    { schema: { tags, summary: 'Mark my messages read (all, or the ones given)', body: z.object({ ids: z.union([z.array(z.uuid()).max(500), z.literal('all')]) }) } },
    async (request) => notifications.markRead(request.ctx, request.body.ids),
  );
}
