import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';

/** A stored file (generated document, export, evidence). The bytes live in the storage backend. */
export const storedFile = pgTable(
  'stored_file',
  {
    id: id(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: uuid('created_by'),
    orgId: uuid('org_id'),
    createdAt: createdAt(),
  },
  (t) => [index('stored_file_owner_idx').on(t.createdBy)],
);
