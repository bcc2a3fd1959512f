import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { storedFile } from '../../platform/files/file.table.js';
import { org } from '../org/org.table.js';
import { userAccount } from '../user/user.table.js';

/**
 * One run of the import wizard: the uploaded file, what was detected, the mapping the user
 * confirmed, and the outcome. Rows are never kept here, only counts and the problems found.
 */
export const dataImport = pgTable(
  'data_import',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    fileName: text('file_name').notNull(),
    state: text('state').notNull(),
    /** Sheets, header row, encoding and suggested columns found by the analysis. */
    analysis: jsonb('analysis'),
    /** What the user confirmed: sheet, header row, column → field, duplicates policy. */
    settings: jsonb('settings'),
    /** Counts of the last check or of the import (new, updated, skipped, errors). */
    summary: jsonb('summary'),
    errorFileId: uuid('error_file_id').references(() => storedFile.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('data_import_user_idx').on(t.userId, t.createdAt)],
);

/** A problem found in one cell (or row) of an import file, as Excel numbers it. */
export const dataImportIssue = pgTable(
  'data_import_issue',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => dataImport.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    sheet: text('sheet').notNull(),
    rowNumber: integer('row_number').notNull(),
    column: text('column'),
    header: text('header'),
    value: text('value'),
    severity: text('severity').notNull(),
    code: text('code').notNull(),
    messageVi: text('message_vi').notNull(),
    messageEn: text('message_en').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** Column headers a user mapped by hand, remembered for their next file of the same kind. */
export const importMapping = pgTable(
  'import_mapping',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    headerKey: text('header_key').notNull(),
    fieldKey: text('field_key').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.headerKey] })],
);
