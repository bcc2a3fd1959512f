import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { storedFile } from '../../platform/files/file.table.js';
import { org } from '../org/org.table.js';
import { person } from '../people/people.table.js';
import { userAccount } from '../user/user.table.js';

/**
 * A training a catalogue says members owe each year (bồi dưỡng bắt buộc), for the members of a
 * subtree (org_id; null: the whole deployment) of the given categories (none: all), leaders only or
 * not. Loaded from criteria/mandatory-training.json when missing; the secretariat edits it. A retired
 * entry (`retired_at`) is no longer owed; records that named it keep the link.
 */
export const mandatoryTraining = pgTable(
  'mandatory_training',
  {
    id: id(),
    orgId: uuid('org_id').references(() => org.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    /** Verified hours of the year that complete it; 0: one verified record is enough. */
    hoursPerYear: numeric('hours_per_year', { mode: 'number' }).notNull().default(0),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    leadersOnly: boolean('leaders_only').notNull().default(false),
    legalBasis: text('legal_basis'),
    /** When the entry stopped being owed; null: in force. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('mandatory_training_code_uq').on(sql`coalesce(${t.orgId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.code)],
);

/**
 * What a member learned: a course, the mandatory yearly training, an IT or language level… with
 * dates, hours, result and evidence files. `org_id` is the member's unit when it was recorded (who
 * verifies it and who sees it); `year` is the year it counts for (the year it ended).
 */
export const learningRecord = pgTable(
  'learning_record',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    provider: text('provider'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    hours: numeric('hours', { mode: 'number' }),
    result: text('result'),
    itStandard: text('it_standard'),
    language: text('language'),
    languageLevel: text('language_level'),
    certificateNo: text('certificate_no'),
    mandatoryTrainingId: uuid('mandatory_training_id').references(() => mandatoryTraining.id, { onDelete: 'set null' }),
    /** The plan line it fulfils, if any (study_plan content line id). */
    planLineId: uuid('plan_line_id'),
    /** Records entered together for many attendees share a batch id. */
    batchId: uuid('batch_id'),
    status: text('status').notNull().default('pending'),
    reviewedBy: uuid('reviewed_by').references(() => userAccount.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    createdBy: uuid('created_by').references(() => userAccount.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('learning_record_person_idx').on(t.personId, t.year),
    index('learning_record_org_idx').on(t.orgId, t.year, t.status),
    check('learning_record_status_ck', sql`${t.status} IN ('pending', 'verified', 'rejected')`),
    check('learning_record_dates_ck', sql`${t.startsOn} IS NULL OR ${t.startsOn} <= ${t.endsOn}`),
    check('learning_record_level_ck', sql`${t.languageLevel} IS NULL OR ${t.languageLevel} IN ('1', '2', '3', '4', '5', '6', 'A', 'B', 'C')`),
  ],
);

/** Evidence files of a record (certificate scans, attendance lists). */
export const learningEvidence = pgTable(
  'learning_evidence',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => learningRecord.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.fileId] })],
);
