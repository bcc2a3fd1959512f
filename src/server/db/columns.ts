import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A text column compared byte by byte. Sort keys (see src/shared/vn-text.ts) are ASCII strings
 * built so that byte order is Vietnamese order; the C collation keeps PGlite and PostgreSQL
 * identical and lets a plain btree serve ORDER BY and prefix LIKE.
 */
export const textC = customType<{ data: string }>({
  dataType: () => 'text COLLATE "C"',
});

export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A LIKE pattern matching text that contains `key` literally (%, _ and \ escaped). */
export const containsPattern = (key: string) => `%${key.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
