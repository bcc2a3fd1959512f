import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { org } from '../org/org.table.js';
import { person } from './people.table.js';

/**
 * A year's emulation result: for a person, the individual title and labour-discipline standing
 * (TT 24/2023 criteria 2.1 and 2.5); for a unit, the collective title (criterion 3.3).
 * Exactly one of person_id and org_id is set.
 */
export const emulationRecord = pgTable(
  'emulation_record',
  {
    id: id(),
    year: integer('year').notNull(),
    personId: uuid('person_id').references(() => person.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').references(() => org.id),
    titleCode: text('title_code'),
    discipline: text('discipline'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('emulation_person_year_uq').on(t.personId, t.year).where(sql`${t.personId} IS NOT NULL`),
    uniqueIndex('emulation_org_year_uq').on(t.orgId, t.year).where(sql`${t.orgId} IS NOT NULL`),
    check('emulation_subject_ck', sql`(${t.personId} IS NULL) <> (${t.orgId} IS NULL)`),
  ],
);
