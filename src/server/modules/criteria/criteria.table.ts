import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CriteriaSetDocument } from '../../../shared/criteria.js';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { org } from '../org/org.table.js';
import { userAccount } from '../user/user.table.js';

/**
 * A criteria set (bộ tiêu chí) by its stable code. `org_id` null: a set of the deployment (the
 * built-in sets shipped in criteria/sets/, edited by a system administrator); otherwise a set an
 * organisation made for its subtree (usually a copy of a built-in one with local rules).
 */
export const criteriaSet = pgTable(
  'criteria_set',
  {
    id: id(),
    code: text('code').notNull(),
    orgId: uuid('org_id').references(() => org.id),
    title: text('title').notNull(),
    /** Where it came from: 'builtin' (a file of criteria/sets), 'copy' (of another set), 'import' (a file). */
    origin: text('origin').notNull(),
    copiedFromVersionId: uuid('copied_from_version_id'),
    createdBy: uuid('created_by').references(() => userAccount.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('criteria_set_code_uq').on(sql`coalesce(${t.orgId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.code),
    index('criteria_set_title_idx').on(t.title),
  ],
);

/**
 * One version of a set: the whole document, frozen once published. An evaluation keeps the version
 * it used, so publishing a new one never changes a past result. At most one draft per set; a
 * published version holds from `effective_from` until the next published version's date.
 */
export const criteriaSetVersion = pgTable(
  'criteria_set_version',
  {
    id: id(),
    setId: uuid('set_id')
      .notNull()
      .references(() => criteriaSet.id, { onDelete: 'cascade' }),
    no: integer('no').notNull(),
    state: text('state').notNull().default('draft'),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    document: jsonb('document').$type<CriteriaSetDocument>().notNull(),
    /** sha256 of the canonical document, to tell a changed built-in file from an unchanged one. */
    checksum: text('checksum').notNull(),
    note: text('note'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => userAccount.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => userAccount.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('criteria_set_version_no_uq').on(t.setId, t.no),
    uniqueIndex('criteria_set_version_draft_uq').on(t.setId).where(sql`${t.state} = 'draft'`),
    check('criteria_set_version_state_ck', sql`${t.state} IN ('draft', 'published')`),
  ],
);

/**
 * A date of the yearly calendar of an organisation's subtree (TT 24/2023: dossier by 15/01, decision
 * by 15/02). Defaults ship in criteria/calendar.json (org_id null); a unit overrides a key for its
 * subtree. A member follows the nearest unit at or above theirs that set the key.
 */
export const calendarDate = pgTable(
  'calendar_date',
  {
    id: id(),
    orgId: uuid('org_id').references(() => org.id),
    key: text('key').notNull(),
    /** Month and day; `year_offset` 1 when the date falls in the year after the one evaluated. */
    month: integer('month').notNull(),
    day: integer('day').notNull(),
    yearOffset: integer('year_offset').notNull().default(0),
    label: text('label').notNull(),
    source: text('source'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('calendar_date_key_uq').on(sql`coalesce(${t.orgId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.key),
    check('calendar_date_day_ck', sql`${t.month} BETWEEN 1 AND 12 AND ${t.day} BETWEEN 1 AND 31`),
  ],
);
