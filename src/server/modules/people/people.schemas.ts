import { z } from 'zod';
import { AGE_BANDS, CITIZEN_GROUPS, HOUSEHOLD_RELATIONS, QUALIFICATIONS, SEXES, STAFF_CATEGORIES, keysOf } from '../../../shared/people.js';
import { isoDate, text } from '../../platform/http/schemas.js';

/** Request shapes of the people routes (and of the rows an import produces). */
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const citizenIdSchema = z.string().regex(/^\d{12}$/, 'a citizen ID has 12 digits');
export const phoneSchema = z.string().regex(/^0\d{9,10}$/, 'a phone number has 10 or 11 digits starting with 0');

export const languageSchema = z.object({
  language: text(40),
  kind: z.enum(['foreign', 'ethnic']),
  certificate: optionalText(80).transform((v) => v ?? null),
  level: z.number().int().min(1).max(6).nullable(),
});

export const personFieldsSchema = z.object({
  fullName: text(200),
  birthDate: isoDate.nullish(),
  sex: z.enum(keysOf(SEXES)).nullish(),
  ethnicity: optionalText(60),
  citizenId: citizenIdSchema.nullish(),
  phone: phoneSchema.nullish(),
  email: z.email().max(200).nullish(),
  residenceOrgId: z.uuid().nullish(),
  address: optionalText(300),
  householdId: z.uuid().nullish(),
  householdRelation: z.enum(keysOf(HOUSEHOLD_RELATIONS)).nullish(),
  generalEducation: optionalText(20),
  qualification: z.enum(keysOf(QUALIFICATIONS)).nullish(),
  qualificationMajor: optionalText(200),
  languages: z.array(languageSchema).max(10).optional(),
  itSkill: optionalText(200),
  occupation: optionalText(120),
  citizenGroup: z.enum(keysOf(CITIZEN_GROUPS)).nullish(),
  note: optionalText(1000),
  userId: z.uuid().nullish(),
});

export const membershipFieldsSchema = z.object({
  orgId: z.uuid(),
  position: optionalText(200),
  isLeader: z.boolean().optional(),
  category: z.enum(keysOf(STAFF_CATEGORIES)),
  rank: optionalText(200),
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
});

export const peopleQuerySchema = z.object({
  kind: z.enum(['staff', 'resident']).default('staff'),
  orgId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  sex: z.enum(keysOf(SEXES)).optional(),
  ageBand: z.enum(keysOf(AGE_BANDS)).optional(),
  ethnicity: z.string().trim().max(60).optional(),
  citizenGroup: z.enum(keysOf(CITIZEN_GROUPS)).optional(),
  category: z.enum(keysOf(STAFF_CATEGORIES)).optional(),
  position: z.string().trim().max(200).optional(),
  isLeader: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(['name', '-name', 'birthDate', '-birthDate']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
