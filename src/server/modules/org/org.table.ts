import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, textC, updatedAt } from '../../db/columns.js';

/** Kinds of organisation, loaded from org-kinds.json at start and editable afterwards. */
export const orgKind = pgTable('org_kind', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  canBeRoot: boolean('can_be_root').notNull().default(false),
  parentKinds: text('parent_kinds').array().notNull().default(sql`'{}'::text[]`),
  /** Kinds with the same group may merge and split with each other (xã, phường, đặc khu). */
  mergeGroup: text('merge_group'),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * The organisation tree. `path` is the materialised path of ids ('/<root>/<child>/…/<self>/'),
 * so "everything under X" is `path LIKE X.path || '%'`, served by a text_pattern_ops index.
 */
export const org = pgTable(
  'org',
  {
    id: id(),
    rootId: uuid('root_id').notNull(),
    parentId: uuid('parent_id'),
    path: textC('path').notNull(),
    depth: integer('depth').notNull(),
    name: text('name').notNull(),
    nameSearch: text('name_search').notNull(),
    nameSort: textC('name_sort').notNull(),
    kindCode: text('kind_code')
      .notNull()
      .references(() => orgKind.code),
    code: text('code'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('org_path_idx').on(t.path),
    index('org_parent_idx').on(t.parentId, t.nameSort),
    index('org_root_idx').on(t.rootId),
    index('org_name_search_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
  ],
);

/**
 * A reorganisation decided by an authority: units merged, split, transferred or renamed on an
 * effective date. Its lineage rows link each predecessor to its successors, so figures recorded
 * for the old units roll up into the new ones.
 */
export const reorganisation = pgTable('reorganisation', {
  id: id(),
  kind: text('kind').notNull(),
  effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
  decisionRef: text('decision_ref'),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});

export const orgLineage = pgTable(
  'org_lineage',
  {
    reorganisationId: uuid('reorganisation_id')
      .notNull()
      .references(() => reorganisation.id),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => org.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => org.id),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reorganisationId, t.predecessorId, t.successorId] }),
    index('org_lineage_predecessor_idx').on(t.predecessorId),
    index('org_lineage_successor_idx').on(t.successorId),
  ],
);
