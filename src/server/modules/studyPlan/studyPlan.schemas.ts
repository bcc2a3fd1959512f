import { z } from 'zod';
import { LEARNING_METHODS, LINE_TYPES, PLAN_STATES, SELF_ASSESSMENTS } from '../../../shared/studyPlan.js';
import { keysOf } from '../../../shared/people.js';
import { booleanQuery, isoDate, optionalText, text } from '../../platform/http/schemas.js';
import { PLAN_ACTS } from './workflow.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'YYYY-MM' });

export const year = z.coerce.number().int().min(2020).max(2100);

/** One line of a plan; a new line may come without an id (the server gives it one). */
export const planLineSchema = z.object({
  id: z.uuid().optional(),
  content: text(1000),
  need: optionalText(1000),
  method: z.enum(keysOf(LEARNING_METHODS)),
  provider: optionalText(300),
  fromMonth: month,
  toMonth: month,
  expectedResult: optionalText(500),
  hours: z.number().min(0).max(2000).nullish().transform((v) => v ?? null),
  lineType: z.enum(keysOf(LINE_TYPES)),
  expectedEvidence: optionalText(300),
  note: optionalText(500),
});

export const planContentSchema = z.object({
  selfAssessment: optionalText(3000),
  goals: optionalText(3000),
  lines: z.array(planLineSchema).max(60),
  conditions: optionalText(2000),
  commitment: z.string().trim().max(2000),
});

export const planReportSchema = z.object({
  lines: z
    .array(
      z.object({
        lineId: z.uuid(),
        result: optionalText(1000),
        percent: z.number().int().min(0).max(100),
        evidence: optionalText(500),
        assessment: z.enum(keysOf(SELF_ASSESSMENTS)),
      }),
    )
    .max(60),
  assessment: z.enum(keysOf(SELF_ASSESSMENTS)),
  comment: optionalText(2000),
});

export const startPlanSchema = z.object({
  year,
  /** Start empty, from last year's plan, or from a published template. */
  from: z.enum(['blank', 'previous', 'template']).default('blank'),
  templateId: z.uuid().optional(),
});

export const actSchema = z.object({ comment: optionalText(2000) });

export const actParams = z.object({ id: z.uuid(), act: z.enum(PLAN_ACTS) });

export const approveManySchema = z.object({ planIds: z.array(z.uuid()).min(1).max(500), comment: optionalText(2000) });

export const membersQuery = z.object({
  orgId: z.uuid(),
  year,
  state: z.enum([...keysOf(PLAN_STATES), 'none']).optional(),
  q: z.string().trim().max(200).optional(),
  /** Only members of the unit itself, not of its children. */
  directOnly: booleanQuery,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const summaryQuery = z.object({ orgId: z.uuid(), year });

export const remindSchema = z.object({
  orgId: z.uuid(),
  year,
  /** Only these members; otherwise every member of the subtree who has not yet sent a plan. */
  personIds: z.array(z.uuid()).max(5000).optional(),
});

export const learningYearSchema = z.object({
  orgId: z.uuid(),
  year,
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  planDeadline: isoDate,
  reportDeadline: isoDate,
});

export const templateSchema = z.object({
  orgId: z.uuid(),
  year,
  title: text(300),
  positions: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  content: planContentSchema,
});

export type PlanContentInput = z.infer<typeof planContentSchema>;
export type PlanReportInput = z.infer<typeof planReportSchema>;
export type LearningYearInput = z.infer<typeof learningYearSchema>;
export type TemplateInput = z.infer<typeof templateSchema>;
export type MembersQuery = z.infer<typeof membersQuery>;
