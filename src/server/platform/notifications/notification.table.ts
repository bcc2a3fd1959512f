import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Bilingual } from '../../../shared/api-types.js';
import { createdAt, id } from '../../db/columns.js';
import { userAccount } from '../../modules/user/user.table.js';

/** A message to one user in the app ("your plan was returned"), with where to go. */
export const notification = pgTable(
  'notification',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    message: jsonb('message').$type<Bilingual>().notNull(),
    /** A path of the web app, e.g. '/study-plans/<id>'. */
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notification_user_idx').on(t.userId, t.createdAt)],
);
