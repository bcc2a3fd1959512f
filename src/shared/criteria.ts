/**
 * A criteria set (bộ tiêu chí) as a document: what an administrator edits, exports and imports as a
 * file, and what an evaluation freezes by version. Built-in sets ship as JSON files in
 * `criteria/sets/` with their source; the engines (server/modules/criteria/engines) read only this.
 *
 * Shape: criteria set → criteria (tiêu chí) → indicators (chỉ tiêu / chỉ số). The engine decides how
 * indicators are judged:
 * - `points`: each indicator is given 0..max points (halves where `step` is 0.5); totals per criterion
 *   and overall; the band is the first whose minimum the total reaches; `passRules` add conditions
 *   ("no indicator below 5").
 * - `levels`: each indicator has a threshold per level; an applicable indicator is met at a level when
 *   its value reaches that level's threshold and it has evidence; the subject reaches the highest level
 *   whose every applicable indicator is met.
 * An indicator may be `derived`: its value is computed from records (formula + params) and shown with
 * the records it came from; an evaluator who types over it must give a reason.
 */
import { z } from 'zod';

export const bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });

/** The five learning titles (danh hiệu) of the movement. */
export const LEARNING_TITLES = ['LEARNING_CITIZEN', 'LEARNING_FAMILY', 'LEARNING_CLAN', 'LEARNING_COMMUNITY', 'LEARNING_UNIT'] as const;
export const learningTitle = z.enum(LEARNING_TITLES);
export type LearningTitle = z.infer<typeof learningTitle>;

/** What a title is given to: a person (CDHT), a household (GĐHT), a clan (DHHT), an organisation (CĐHT, ĐVHT). */
export const SUBJECT_KINDS = ['person', 'household', 'clan', 'org'] as const;
export const subjectKind = z.enum(SUBJECT_KINDS);
export type SubjectKind = z.infer<typeof subjectKind>;

/** The titles' names, for messages. */
export const TITLE_NAMES: Record<LearningTitle, { vi: string; en: string }> = {
  LEARNING_CITIZEN: { vi: 'Công dân học tập', en: 'Learning citizen' },
  LEARNING_FAMILY: { vi: 'Gia đình học tập', en: 'Learning family' },
  LEARNING_CLAN: { vi: 'Dòng họ học tập', en: 'Learning clan' },
  LEARNING_COMMUNITY: { vi: 'Cộng đồng học tập', en: 'Learning community' },
  LEARNING_UNIT: { vi: 'Đơn vị học tập', en: 'Learning unit' },
};

export const TITLE_SUBJECT: Record<LearningTitle, SubjectKind> = {
  LEARNING_CITIZEN: 'person',
  LEARNING_FAMILY: 'household',
  LEARNING_CLAN: 'clan',
  LEARNING_COMMUNITY: 'org',
  LEARNING_UNIT: 'org',
};

/**
 * Attributes of a subject that decide which indicators apply and which threshold variant holds
 * (TT 24/2023: the budget indicator only for state bodies and public service units; digital
 * transformation levels only for schools; TT 25/2023: disadvantaged communes). The evaluation
 * records the attributes it used; they are prefilled from the organisation's kind.
 */
export const SUBJECT_ATTRIBUTES = {
  state_body: { vi: 'Cơ quan nhà nước, đơn vị sự nghiệp công lập', en: 'State body or public service unit' },
  public_preschool: { vi: 'Nhà trẻ, trường mẫu giáo, mầm non công lập', en: 'Public pre-school' },
  general_school: { vi: 'Cơ sở giáo dục phổ thông, GDTX', en: 'General or continuing education school' },
  university: { vi: 'Cơ sở giáo dục đại học', en: 'University' },
  vocational_school: { vi: 'Cơ sở giáo dục nghề nghiệp', en: 'Vocational school' },
  school_with_learners: { vi: 'Cơ sở giáo dục có Người học (theo TT 24/2023 Điều 2)', en: 'School with learners (TT 24/2023 art. 2)' },
  enterprise: { vi: 'Doanh nghiệp, hợp tác xã, tổ chức kinh tế', en: 'Enterprise or cooperative' },
  disadvantaged_commune: { vi: 'Xã thuộc vùng khó khăn', en: 'Disadvantaged commune' },
} as const;
export type SubjectAttribute = keyof typeof SUBJECT_ATTRIBUTES;
export const subjectAttribute = z.enum(Object.keys(SUBJECT_ATTRIBUTES) as [SubjectAttribute, ...SubjectAttribute[]]);

/** Applies when the subject has any of `anyOf` and none of `noneOf` (both optional). */
export const applicability = z.object({
  anyOf: z.array(subjectAttribute).optional(),
  noneOf: z.array(subjectAttribute).optional(),
});
export type Applicability = z.infer<typeof applicability>;

/** An ordered scale for `ordinal` indicators, lowest first (e.g. QĐ 4725 digital-transformation levels). */
export const scaleStep = z.object({ code: z.string().min(1), name: bilingual });

/**
 * What an indicator's value must reach at one level. `yes`: the value is true. `min`: a number
 * (percent or count) at least `value`, or `when` a subject attribute holds, that variant's value.
 * `ordinal`: at least the scale step `value`.
 */
export const threshold = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yes') }),
  z.object({
    kind: z.literal('min'),
    value: z.number(),
    variants: z.array(z.object({ when: subjectAttribute, value: z.number() })).optional(),
  }),
  z.object({ kind: z.literal('ordinal'), value: z.string().min(1) }),
]);
export type Threshold = z.infer<typeof threshold>;

/** A value computed from records. The formula names a function of the derived-indicator registry. */
export const derivation = z.object({
  formula: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).default({}),
});
export type Derivation = z.infer<typeof derivation>;

export const indicator = z.object({
  /** Stable within the set ("2.4", "CS5"); evaluations key their inputs by it. */
  code: z.string().min(1),
  text: bilingual,
  /** How the value is entered: points (points engine), yes/no, a percentage, a number, a scale step. */
  valueType: z.enum(['points', 'boolean', 'percent', 'number', 'ordinal']),
  /** Points engine: the maximum, and the step (1 or 0.5). */
  max: z.number().positive().optional(),
  step: z.number().positive().optional(),
  /** Levels engine: the threshold per level code. A level without an entry does not test the indicator. */
  thresholds: z.record(z.string(), threshold).optional(),
  scale: z.array(scaleStep).optional(),
  appliesTo: applicability.optional(),
  /** Whether the indicator needs evidence to count (TT 24/2023 Điều 9: "không có minh chứng … không đạt"). */
  evidenceRequired: z.boolean().default(false),
  derived: derivation.optional(),
  guidance: bilingual.optional(),
  /** Part of the text is not known: shown as "to be completed by the administrator". */
  incomplete: z.boolean().optional(),
});
export type Indicator = z.infer<typeof indicator>;

export const criterion = z.object({
  code: z.string().min(1),
  name: bilingual,
  /** Points engine: the criterion's maximum (the sum of its indicators' maxima). */
  max: z.number().positive().optional(),
  indicators: z.array(indicator).min(1),
});
export type Criterion = z.infer<typeof criterion>;

export const band = z.object({
  code: z.string().min(1),
  name: bilingual,
  /** The lowest total in the band (inclusive); bands are listed from the highest. */
  min: z.number(),
  /** Whether the band earns the title. */
  passes: z.boolean(),
});

export const level = z.object({ code: z.string().min(1), name: bilingual });

export const criteriaSetDocument = z.object({
  /** Stable code of the set across its versions, e.g. "TT24-2023-DVHT-TINH". */
  code: z.string().regex(/^[A-Z0-9][A-Z0-9_.-]*$/),
  name: bilingual,
  title: learningTitle,
  /** Which subjects and at which level the set is for (commune, province, agency kind, citizen group). */
  scope: z.object({
    level: z.enum(['hamlet', 'commune', 'district', 'province', 'national']).optional(),
    citizenGroups: z.array(z.enum(['residents', 'workers', 'officials', 'learners'])).optional(),
    orgKinds: z.array(z.string()).optional(),
    description: bilingual,
  }),
  source: z.object({
    document: z.string().min(1),
    issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    issuer: z.string().optional(),
    articles: z.string().optional(),
    url: z.string().optional(),
    /** "confirmed" or "partial" (criteria.md's [C] and [P]). */
    status: z.enum(['confirmed', 'partial']),
    note: z.string().optional(),
  }),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  effectiveTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Months a recognition stays valid (TT 24/2023: 36), counted from the decision. */
  validityMonths: z.number().int().positive().optional(),
  engine: z.enum(['points', 'levels']),
  points: z
    .object({
      max: z.number().positive(),
      bands: z.array(band).min(1),
      /** Extra conditions to pass: a total of at least `minTotal`; no indicator below `minEachIndicator`. */
      passRules: z.object({ minTotal: z.number().optional(), minEachIndicator: z.number().optional() }).default({}),
    })
    .optional(),
  levels: z.array(level).optional(),
  criteria: z.array(criterion).min(1),
});
export type CriteriaSetDocument = z.infer<typeof criteriaSetDocument>;

/** Evidence behind one indicator: an uploaded file, a learning record, a link, or a note. */
export const evidenceRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), fileId: z.string().uuid(), name: z.string().optional() }),
  z.object({ kind: z.literal('learningRecord'), recordId: z.string().uuid() }),
  z.object({ kind: z.literal('link'), url: z.string().url() }),
  z.object({ kind: z.literal('note'), text: z.string().min(1).max(2000) }),
]);
export type EvidenceRef = z.infer<typeof evidenceRef>;

/** What an evaluator entered for one indicator. */
export const indicatorInput = z.object({
  value: z.union([z.number(), z.boolean(), z.string()]).nullable(),
  evidence: z.array(evidenceRef).default([]),
  /** Required when the value differs from the derived one. */
  overrideReason: z.string().max(2000).optional(),
  comment: z.string().max(2000).optional(),
});
export type IndicatorInput = z.infer<typeof indicatorInput>;
export const assessmentInputs = z.record(z.string(), indicatorInput);
export type AssessmentInputs = z.infer<typeof assessmentInputs>;
