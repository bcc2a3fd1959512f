import { z } from 'zod';
import { assessmentInputs, learningTitle, subjectAttribute, subjectKind } from '../../../shared/criteria.js';
import { CITIZEN_GROUPS } from '../../../shared/people.js';
import { isoDate, optionalText, text } from '../../platform/http/schemas.js';
import { REGISTRATION_STATES } from './workflow.js';

export const year = z.coerce.number().int().min(2015).max(2100);
const citizenGroup = z.enum(Object.keys(CITIZEN_GROUPS) as [keyof typeof CITIZEN_GROUPS, ...(keyof typeof CITIZEN_GROUPS)[]]);

export const registerSchema = z.object({
  year,
  title: learningTitle,
  subjectKind,
  subjectId: z.uuid(),
  /** Công dân học tập: the QĐ 324 group; the person's recorded group when absent. */
  citizenGroup: citizenGroup.optional(),
});

export const registerBulkSchema = z.object({
  year,
  title: learningTitle,
  subjectKind,
  subjectIds: z.array(z.uuid()).min(1).max(5000),
  citizenGroup: citizenGroup.optional(),
});

export const casesQuery = z.object({
  year: year.optional(),
  title: learningTitle.optional(),
  orgId: z.uuid().optional(),
  state: z.enum(REGISTRATION_STATES).optional(),
  citizenGroup: citizenGroup.optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const mineQuery = z.object({ year: year.optional() });

export const assessmentSchema = z.object({
  criteriaVersionId: z.uuid().optional(),
  /** Absent: those saved before, else the ones prefilled from the organisation's kind. */
  attributes: z.array(subjectAttribute).max(20).optional(),
  inputs: assessmentInputs,
  comment: optionalText(4000),
});

export const reviewSchema = z.object({
  act: z.enum(['accept', 'return', 'reject']),
  comment: optionalText(2000),
});

export const withdrawSchema = z.object({ reason: optionalText(2000) });

export const reviewBulkSchema = z.object({
  registrationIds: z.array(z.uuid()).min(1).max(5000),
  act: z.literal('accept'),
  comment: optionalText(2000),
});

export const summaryQuery = z.object({ year, orgId: z.uuid().optional(), title: learningTitle.optional() });

export const decisionsQuery = z.object({
  year: year.optional(),
  title: learningTitle.optional(),
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const decisionFields = {
  issuingBody: text(300),
  number: optionalText(100),
  signedOn: isoDate.nullish().transform((v) => v ?? null),
  signerName: optionalText(200),
  signerPosition: optionalText(200),
};
const registrationIds = z.array(z.uuid()).max(5000);

export const decisionSchema = z.object({ orgId: z.uuid(), year, title: learningTitle, ...decisionFields, registrationIds: registrationIds.default([]) });
/** Only the fields given change; `registrationIds` given replaces the list. */
export const decisionUpdateSchema = z.object({ ...decisionFields, registrationIds }).partial();

export const recognitionsQuery = z.object({
  year: year.optional(),
  title: learningTitle.optional(),
  orgId: z.uuid().optional(),
  state: z.enum(['valid', 'revoked', 'expired']).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const revokeSchema = z.object({ reason: text(2000) });

export type RegisterInput = z.infer<typeof registerSchema>;
export type RegisterBulkInput = z.infer<typeof registerBulkSchema>;
export type CasesQuery = z.infer<typeof casesQuery>;
export type AssessmentInput = z.infer<typeof assessmentSchema>;
export type DecisionInput = z.infer<typeof decisionSchema>;
export type DecisionUpdate = z.infer<typeof decisionUpdateSchema>;
export type RecognitionsQuery = z.infer<typeof recognitionsQuery>;
