import { z } from 'zod';
import { IT_STANDARDS, LANGUAGE_LEVELS, RECORD_KINDS, RECORD_STATUSES } from '../../../shared/learning.js';
import { keysOf } from '../../../shared/people.js';
import { isoDate, optionalText, text } from '../../platform/http/schemas.js';
import { INDICATORS } from './learningRecord.repo.js';

const year = z.coerce.number().int().min(2000).max(2100);

/** What a record says; the person and unit come from who records it (or `personId`). */
export const recordFields = z.object({
  kind: z.enum(keysOf(RECORD_KINDS)),
  title: text(500),
  provider: optionalText(300),
  startsOn: isoDate.nullish().transform((v) => v ?? null),
  endsOn: isoDate,
  hours: z.number().min(0).max(5000).nullish().transform((v) => v ?? null),
  result: optionalText(300),
  itStandard: z.enum(keysOf(IT_STANDARDS)).nullish().transform((v) => v ?? null),
  language: optionalText(100),
  languageLevel: z.enum(LANGUAGE_LEVELS).nullish().transform((v) => v ?? null),
  certificateNo: optionalText(100),
  mandatoryTrainingId: z.uuid().nullish().transform((v) => v ?? null),
  planLineId: z.uuid().nullish().transform((v) => v ?? null),
});

export const createRecordSchema = recordFields.extend({
  /** Someone else's record (secretariat); omitted: my own. */
  personId: z.uuid().optional(),
});

export const bulkRecordSchema = recordFields.extend({
  orgId: z.uuid(),
  personIds: z.array(z.uuid()).min(1).max(5000),
});

export const verifySchema = z.object({
  decision: z.enum(['verified', 'rejected']),
  reason: optionalText(1000),
});

export const recordListQuery = z.object({
  orgId: z.uuid(),
  year: year.optional(),
  kind: z.enum(keysOf(RECORD_KINDS)).optional(),
  status: z.enum(keysOf(RECORD_STATUSES)).optional(),
  personId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const summaryQuery = z.object({ orgId: z.uuid(), year });

export const factsQuery = z.object({
  orgId: z.uuid(),
  year,
  indicator: z.enum(INDICATORS),
  met: z.enum(['true', 'false']).transform((v) => v === 'true'),
  /** One unit directly under orgId, or 'own' for the members of orgId itself (omitted: all). */
  childId: z.union([z.uuid(), z.literal('own')]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const catalogueEntrySchema = z.object({
  /** The subtree it applies to; null: the whole deployment (system administrators). */
  orgId: z.uuid().nullable(),
  code: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,40}$/),
  title: text(500),
  kind: z.enum(keysOf(RECORD_KINDS)),
  hoursPerYear: z.number().min(0).max(2000),
  categories: z.array(z.enum(['cong_chuc', 'vien_chuc', 'nguoi_lao_dong'])).max(3).default([]),
  leadersOnly: z.boolean().default(false),
  legalBasis: optionalText(500),
  /** Retired: no longer owed from now on (records that named it keep it); false brings it back. */
  retired: z.boolean().default(false),
});

export { year };
export type RecordFields = z.infer<typeof recordFields>;
export type CatalogueEntryInput = z.infer<typeof catalogueEntrySchema>;
