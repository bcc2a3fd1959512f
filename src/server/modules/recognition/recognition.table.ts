import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AssessmentInputs, SubjectAttribute } from '../../../shared/criteria.js';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { criteriaSetVersion } from '../criteria/criteria.table.js';
import type { EvaluationResult } from '../criteria/engines/types.js';
import { org } from '../org/org.table.js';
import { clan, household, person } from '../people/people.table.js';
import { userAccount } from '../user/user.table.js';

/**
 * The subject of a title: exactly one of person (Công dân học tập), household (Gia đình học tập),
 * clan (Dòng họ học tập) or organisation (Cộng đồng học tập, Đơn vị học tập) is set.
 */
const subjectColumns = () => ({
  subjectKind: text('subject_kind').notNull(),
  personId: uuid('person_id').references(() => person.id, { onDelete: 'cascade' }),
  householdId: uuid('household_id').references(() => household.id, { onDelete: 'cascade' }),
  clanId: uuid('clan_id').references(() => clan.id, { onDelete: 'cascade' }),
  subjectOrgId: uuid('subject_org_id').references(() => org.id),
});
const oneSubject = (t: { subjectKind: unknown; personId: unknown; householdId: unknown; clanId: unknown; subjectOrgId: unknown }) =>
  sql`(${t.subjectKind} = 'person' AND ${t.personId} IS NOT NULL AND ${t.householdId} IS NULL AND ${t.clanId} IS NULL AND ${t.subjectOrgId} IS NULL)
   OR (${t.subjectKind} = 'household' AND ${t.householdId} IS NOT NULL AND ${t.personId} IS NULL AND ${t.clanId} IS NULL AND ${t.subjectOrgId} IS NULL)
   OR (${t.subjectKind} = 'clan' AND ${t.clanId} IS NOT NULL AND ${t.personId} IS NULL AND ${t.householdId} IS NULL AND ${t.subjectOrgId} IS NULL)
   OR (${t.subjectKind} = 'org' AND ${t.subjectOrgId} IS NOT NULL AND ${t.personId} IS NULL AND ${t.householdId} IS NULL AND ${t.clanId} IS NULL)`;

/**
 * A registration (đăng ký) of a subject for a title in a year, and where its case stands:
 * registered → submitted (self-assessment sent) → reviewed (accepted by the level above) or
 * returned → … → recognised by a decision, or not_recognised; withdrawn at any point before.
 * `org_id` is the organisation whose subtree the case belongs to (the person's unit, the household's
 * hamlet, the clan's commune, the subject organisation itself): who sees and reviews it follows it.
 */
export const titleRegistration = pgTable(
  'title_registration',
  {
    id: id(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    ...subjectColumns(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    /** Công dân học tập: the QĐ 324 citizen group the person registered in. */
    citizenGroup: text('citizen_group'),
    state: text('state').notNull().default('registered'),
    /** The last reviewer's comment (returned, not recognised), shown to the subject. */
    reviewComment: text('review_comment'),
    registeredBy: uuid('registered_by').references(() => userAccount.id, { onDelete: 'set null' }),
    /** The draft (or issued) decision whose annexed list holds this reviewed registration. */
    decisionId: uuid('decision_id').references((): AnyPgColumn => recognitionDecision.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('title_registration_decision_idx').on(t.decisionId).where(sql`${t.decisionId} IS NOT NULL`),
    uniqueIndex('title_registration_person_uq').on(t.title, t.year, t.personId).where(sql`${t.personId} IS NOT NULL`),
    uniqueIndex('title_registration_household_uq').on(t.title, t.year, t.householdId).where(sql`${t.householdId} IS NOT NULL`),
    uniqueIndex('title_registration_clan_uq').on(t.title, t.year, t.clanId).where(sql`${t.clanId} IS NOT NULL`),
    uniqueIndex('title_registration_org_uq').on(t.title, t.year, t.subjectOrgId).where(sql`${t.subjectOrgId} IS NOT NULL`),
    index('title_registration_org_year_idx').on(t.orgId, t.year, t.title, t.state),
    check('title_registration_subject_ck', oneSubject(t)),
    check(
      'title_registration_state_ck',
      sql`${t.state} IN ('registered', 'submitted', 'returned', 'reviewed', 'recognised', 'not_recognised', 'withdrawn')`,
    ),
  ],
);

/**
 * An assessment of a registration against one criteria-set version: the subject's own (stage
 * 'self') and the level above's (stage 'review', which may adjust values with a comment per
 * indicator). Inputs, the derived values with the records they came from, and the engine's result
 * are kept as they were when it was saved.
 */
export const titleAssessment = pgTable(
  'title_assessment',
  {
    id: id(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => titleRegistration.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    criteriaVersionId: uuid('criteria_version_id')
      .notNull()
      .references(() => criteriaSetVersion.id),
    attributes: text('attributes').array().$type<SubjectAttribute[]>().notNull().default(sql`'{}'::text[]`),
    inputs: jsonb('inputs').$type<AssessmentInputs>().notNull(),
    /** Derived values at the time: { [indicator]: { value, numerator, denominator, sources: [...] } }. */
    derived: jsonb('derived').$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb('result').$type<EvaluationResult>(),
    comment: text('comment'),
    assessedBy: uuid('assessed_by').references(() => userAccount.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('title_assessment_stage_uq').on(t.registrationId, t.stage),
    check('title_assessment_stage_ck', sql`${t.stage} IN ('self', 'review')`),
  ],
);

/** What happened to a registration, by whom and when, with the figures then: the subject sees it all. */
export const registrationEvent = pgTable(
  'registration_event',
  {
    id: id(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => titleRegistration.id, { onDelete: 'cascade' }),
    act: text('act').notNull(),
    stateAfter: text('state_after').notNull(),
    comment: text('comment'),
    /** The result's headline then (total and band, or level). */
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    actorId: uuid('actor_id').references(() => userAccount.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('registration_event_registration_idx').on(t.registrationId, t.createdAt)],
);

/**
 * A recognition decision (quyết định công nhận): number, date, signer, issuing body, for one title
 * and year; its annexed list is the recognitions that point to it. Drafted, then issued (frozen).
 */
export const recognitionDecision = pgTable(
  'recognition_decision',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    number: text('number'),
    signedOn: date('signed_on', { mode: 'string' }),
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    issuingBody: text('issuing_body').notNull(),
    state: text('state').notNull().default('draft'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => userAccount.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => userAccount.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('recognition_decision_org_year_idx').on(t.orgId, t.year, t.title),
    check('recognition_decision_state_ck', sql`${t.state} IN ('draft', 'issued')`),
  ],
);

/**
 * A title held: who, which title and year, the result (band or level), valid from the decision for
 * the set's validity, revoked with a reason. `certificate_code` is random (128 bits, base32): the
 * public verification page finds the recognition by it and cannot be enumerated. Derived indicators
 * read these rows (held in a year, not revoked).
 */
export const recognition = pgTable(
  'recognition',
  {
    id: id(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => recognitionDecision.id),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => titleRegistration.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    ...subjectColumns(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    /** Band code (points) or level code (levels) the decision recognises. */
    outcome: text('outcome'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    certificateCode: text('certificate_code').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => userAccount.id, { onDelete: 'set null' }),
    revokeReason: text('revoke_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('recognition_registration_uq').on(t.registrationId),
    uniqueIndex('recognition_certificate_code_uq').on(t.certificateCode),
    index('recognition_decision_idx').on(t.decisionId),
    index('recognition_person_idx').on(t.personId, t.title, t.year).where(sql`${t.personId} IS NOT NULL`),
    index('recognition_household_idx').on(t.householdId, t.title, t.year).where(sql`${t.householdId} IS NOT NULL`),
    index('recognition_org_year_idx').on(t.orgId, t.year, t.title),
    check('recognition_subject_ck', oneSubject(t)),
  ],
);
