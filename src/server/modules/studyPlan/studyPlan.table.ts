import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PlanContent, PlanReport } from '../../../shared/studyPlan.js';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { org } from '../org/org.table.js';
import { person } from '../people/people.table.js';
import { userAccount } from '../user/user.table.js';

/**
 * A learning year opened by an organisation for its whole subtree: the period and the deadlines
 * for plans and for year-end reports. A member follows the learning year of the nearest unit above
 * (or at) their own that opened one.
 */
export const learningYear = pgTable(
  'learning_year',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    planDeadline: date('plan_deadline', { mode: 'string' }).notNull(),
    reportDeadline: date('report_deadline', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => userAccount.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('learning_year_org_year_uq').on(t.orgId, t.year),
    check('learning_year_dates_ck', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

/**
 * One member's plan for one year. `org_id` is the unit whose head approves it (the member's unit when
 * the plan was started). The content is one JSON document validated by zod (lines keep stable ids);
 * every act that matters keeps a copy in `study_plan_version`.
 */
export const studyPlan = pgTable(
  'study_plan',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    state: text('state').notNull().default('draft'),
    content: jsonb('content').$type<PlanContent>().notNull(),
    report: jsonb('report').$type<PlanReport>(),
    /** The last comment of a reviewer (return, reopen, confirm), shown to the member. */
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => userAccount.id, { onDelete: 'set null' }),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => userAccount.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('study_plan_person_year_uq').on(t.personId, t.year),
    index('study_plan_org_year_idx').on(t.orgId, t.year, t.state),
    check('study_plan_state_ck', sql`${t.state} IN ('draft', 'submitted', 'returned', 'approved', 'reported', 'confirmed')`),
  ],
);

/** A copy of a plan at each act (submitted, approved, returned…): what was approved stays frozen here. */
export const studyPlanVersion = pgTable(
  'study_plan_version',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => studyPlan.id, { onDelete: 'cascade' }),
    no: integer('no').notNull(),
    act: text('act').notNull(),
    stateAfter: text('state_after').notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    report: jsonb('report').$type<PlanReport>(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => userAccount.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('study_plan_version_no_uq').on(t.planId, t.no)],
);

/**
 * A plan template the secretariat publishes for a year, for members of given positions (none:
 * everyone) in its subtree. A member may start a plan from it.
 */
export const planTemplate = pgTable(
  'plan_template',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    positions: text('positions').array().notNull().default(sql`'{}'::text[]`),
    content: jsonb('content').$type<PlanContent>().notNull(),
    createdBy: uuid('created_by').references(() => userAccount.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('plan_template_org_year_idx').on(t.orgId, t.year)],
);
