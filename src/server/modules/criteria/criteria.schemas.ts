/**
 * Request schemas of the criteria module, and the checks a criteria-set document must pass before
 * it is saved as a draft: the shape (src/shared/criteria.ts) and its consistency (point maxima add
 * up, thresholds name known levels, codes are unique). Pure: the unit tests call it directly.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { criteriaSetDocument, LEARNING_TITLES, type CriteriaSetDocument } from '../../../shared/criteria.js';
import type { Bilingual } from '../../platform/errors.js';
import { isoDate, optionalText } from '../../platform/http/schemas.js';

export const listQuery = z.object({
  title: z.enum(LEARNING_TITLES).optional(),
  q: z.string().trim().max(200).optional(),
});

export const copySchema = z.object({
  /** The organisation that will own the copy; null: a set of the whole deployment. */
  orgId: z.uuid().nullable(),
  /** A new code; the source's code when absent (an organisation's copy may keep it). */
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_.-]*$/)
    .max(80)
    .optional(),
});

/** The document is checked by validateDocument (its errors name the path inside the document). */
export const draftSchema = z.object({ document: z.unknown() });

export const publishSchema = z.object({ effectiveFrom: isoDate, note: optionalText(500) });

export const importSchema = z.object({ document: z.unknown(), orgId: z.uuid().nullable().default(null) });

export const diffQuery = z.object({ from: z.uuid(), to: z.uuid() });

export const effectiveQuery = z.object({
  title: z.enum(LEARNING_TITLES),
  on: isoDate,
  orgId: z.uuid(),
  citizenGroup: z.enum(['residents', 'workers', 'officials', 'learners']).optional(),
  level: z.enum(['hamlet', 'commune', 'district', 'province', 'national']).optional(),
});

export const calendarQuery = z.object({ orgId: z.uuid() });

export const calendarDateSchema = z
  .object({
    orgId: z.uuid(),
    key: z.string().trim().regex(/^[a-z0-9_.]+$/).max(80),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    yearOffset: z.number().int().min(0).max(1).default(0),
    label: z.string().trim().min(1).max(300),
  })
  .refine((d) => d.day <= DAYS_IN_MONTH[d.month - 1], { message: 'no such day in this month', path: ['day'] });

/** Days per month; 29/02 is allowed (it falls back to 28/02 in a common year). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type CopyInput = z.infer<typeof copySchema>;
export type PublishInput = z.infer<typeof publishSchema>;
export type EffectiveQuery = z.infer<typeof effectiveQuery>;
export type CalendarDateInput = z.infer<typeof calendarDateSchema>;

// ── canonical form ───────────────────────────────────────────────────────────

/** JSON with object keys sorted at every depth, so equal documents give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** sha256 (hex) of the canonical document: tells a changed built-in file from an unchanged one. */
export const checksumOf = (doc: unknown) => createHash('sha256').update(canonicalJson(doc)).digest('hex');

// ── validation ───────────────────────────────────────────────────────────────

export interface DocumentIssue {
  /** Where in the document, e.g. "criteria[1].indicators[0].max". */
  path: string;
  message: Bilingual;
}

/** "criteria[1].indicators[0].max" from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function describeZodIssue(issue: z.core.$ZodIssue): Bilingual {
  const i = issue as z.core.$ZodIssue & { minimum?: unknown; maximum?: unknown; origin?: string; values?: unknown[] };
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? { vi: 'bắt buộc phải có', en: 'is required' } : { vi: `sai kiểu dữ liệu (cần ${issue.expected})`, en: `has the wrong type (expected ${issue.expected})` };
    case 'too_small':
      if (i.origin === 'array') return { vi: `cần ít nhất ${i.minimum} mục`, en: `needs at least ${i.minimum} item(s)` };
      if (i.origin === 'string') return { vi: 'không được để trống', en: 'must not be empty' };
      return { vi: `phải lớn hơn ${issue.inclusive ? 'hoặc bằng ' : ''}${i.minimum}`, en: `must be ${issue.inclusive ? 'at least' : 'greater than'} ${i.minimum}` };
    case 'too_big':
      return { vi: `phải nhỏ hơn hoặc bằng ${i.maximum}`, en: `must be at most ${i.maximum}` };
    case 'invalid_format':
      return { vi: 'sai định dạng', en: 'has the wrong format' };
    case 'invalid_value':
      return { vi: `phải là một trong: ${(i.values ?? []).join(', ')}`, en: `must be one of: ${(i.values ?? []).join(', ')}` };
    case 'invalid_union':
      return { vi: 'không đúng một dạng nào được phép', en: 'matches none of the allowed forms' };
    case 'unrecognized_keys':
      return { vi: `có trường không được phép: ${issue.keys.join(', ')}`, en: `has unknown fields: ${issue.keys.join(', ')}` };
    default:
      return { vi: 'không hợp lệ', en: `is not valid (${issue.message})` };
  }
}

/** The shape check: zod's issues, each with its path and a message in both languages. */
function shapeIssues(error: z.ZodError): DocumentIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const what = describeZodIssue(issue);
    return { path, message: { vi: `Trường "${path || 'tài liệu'}" ${what.vi}.`, en: `The field "${path || 'document'}" ${what.en}.` } };
  });
}

const issue = (path: string, vi: string, en: string): DocumentIssue => ({ path, message: { vi, en } });

/** Codes used more than once. */
function duplicates(codes: string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const c of codes) (seen.has(c) ? twice : seen).add(c);
  return twice;
}

function codeIssues(doc: CriteriaSetDocument): DocumentIssue[] {
  const out: DocumentIssue[] = [];
  const dupCriteria = duplicates(doc.criteria.map((c) => c.code));
  doc.criteria.forEach((c, ci) => {
    if (dupCriteria.has(c.code)) out.push(issue(`criteria[${ci}].code`, `Mã tiêu chí "${c.code}" bị trùng.`, `The criterion code "${c.code}" is used twice.`));
  });
  const dupIndicators = duplicates(doc.criteria.flatMap((c) => c.indicators.map((i) => i.code)));
  doc.criteria.forEach((c, ci) =>
    c.indicators.forEach((ind, ii) => {
      if (dupIndicators.has(ind.code)) out.push(issue(`criteria[${ci}].indicators[${ii}].code`, `Mã chỉ tiêu "${ind.code}" bị trùng trong bộ tiêu chí.`, `The indicator code "${ind.code}" is used twice in the set.`));
    }),
  );
  return out;
}

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1000) / 1000;

function pointsIssues(doc: CriteriaSetDocument): DocumentIssue[] {
  if (!doc.points) return [issue('points', 'Bộ tiêu chí chấm điểm cần có phần "points" (điểm tối đa, các mức xếp loại).', 'A points set needs "points" (maximum and bands).')];
  const out: DocumentIssue[] = [];
  doc.criteria.forEach((c, ci) => {
    c.indicators.forEach((ind, ii) => {
      if (ind.max === undefined) out.push(issue(`criteria[${ci}].indicators[${ii}].max`, `Chỉ tiêu ${ind.code} cần có điểm tối đa.`, `Indicator ${ind.code} needs a maximum.`));
      if (ind.step !== undefined && ind.step !== 1 && ind.step !== 0.5) out.push(issue(`criteria[${ci}].indicators[${ii}].step`, 'Bước điểm chỉ được là 1 hoặc 0,5.', 'The step may only be 1 or 0.5.'));
    });
    const indicatorsTotal = sum(c.indicators.map((i) => i.max ?? 0));
    if (c.max !== undefined && c.max !== indicatorsTotal) {
      out.push(issue(`criteria[${ci}].max`, `Điểm tối đa của tiêu chí ${c.code} là ${c.max} nhưng tổng điểm các chỉ tiêu là ${indicatorsTotal}.`, `Criterion ${c.code} has a maximum of ${c.max} but its indicators add up to ${indicatorsTotal}.`));
    }
  });
  const total = sum(doc.criteria.map((c) => c.max ?? sum(c.indicators.map((i) => i.max ?? 0))));
  if (total !== doc.points.max) {
    out.push(issue('points.max', `Điểm tối đa của bộ tiêu chí là ${doc.points.max} nhưng tổng điểm các tiêu chí là ${total}.`, `The set's maximum is ${doc.points.max} but its criteria add up to ${total}.`));
  }
  const dupBands = duplicates(doc.points.bands.map((b) => b.code));
  doc.points.bands.forEach((b, bi) => {
    if (dupBands.has(b.code)) out.push(issue(`points.bands[${bi}].code`, `Mã xếp loại "${b.code}" bị trùng.`, `The band code "${b.code}" is used twice.`));
    if (b.min > doc.points!.max) out.push(issue(`points.bands[${bi}].min`, `Mức xếp loại ${b.code} bắt đầu từ ${b.min}, vượt điểm tối đa ${doc.points!.max}.`, `Band ${b.code} starts at ${b.min}, above the maximum ${doc.points!.max}.`));
    const prev = doc.points!.bands[bi - 1];
    if (prev && b.min >= prev.min) out.push(issue(`points.bands[${bi}].min`, 'Các mức xếp loại phải xếp từ cao xuống thấp.', 'Bands must be listed from the highest down.'));
  });
  return out;
}

function levelsIssues(doc: CriteriaSetDocument): DocumentIssue[] {
  if (!doc.levels?.length) return [issue('levels', 'Bộ tiêu chí theo mức độ cần có danh sách mức độ ("levels").', 'A levels set needs its list of levels ("levels").')];
  const out: DocumentIssue[] = [];
  const levelCodes = new Set(doc.levels.map((l) => l.code));
  const dupLevels = duplicates(doc.levels.map((l) => l.code));
  doc.levels.forEach((l, li) => {
    if (dupLevels.has(l.code)) out.push(issue(`levels[${li}].code`, `Mã mức độ "${l.code}" bị trùng.`, `The level code "${l.code}" is used twice.`));
  });
  doc.criteria.forEach((c, ci) =>
    c.indicators.forEach((ind, ii) => {
      const at = `criteria[${ci}].indicators[${ii}]`;
      if (!ind.thresholds || Object.keys(ind.thresholds).length === 0) {
        out.push(issue(`${at}.thresholds`, `Chỉ tiêu ${ind.code} cần có ngưỡng cho ít nhất một mức độ.`, `Indicator ${ind.code} needs a threshold for at least one level.`));
        return;
      }
      for (const [level, t] of Object.entries(ind.thresholds)) {
        if (!levelCodes.has(level)) out.push(issue(`${at}.thresholds.${level}`, `Ngưỡng của chỉ tiêu ${ind.code} nêu mức độ "${level}" không có trong bộ tiêu chí.`, `A threshold of indicator ${ind.code} names the level "${level}", which the set does not have.`));
        if (t.kind === 'ordinal' && !ind.scale?.some((s) => s.code === t.value)) {
          out.push(issue(`${at}.thresholds.${level}.value`, `Ngưỡng "${t.value}" của chỉ tiêu ${ind.code} không có trong thang đánh giá (scale).`, `The threshold "${t.value}" of indicator ${ind.code} is not a step of its scale.`));
        }
      }
    }),
  );
  return out;
}

/**
 * Checks a document as an administrator edited or imported it. Answers the parsed document (zod
 * defaults filled) or every problem found, each naming its path in the document.
 */
export function validateDocument(input: unknown): { ok: true; document: CriteriaSetDocument } | { ok: false; issues: DocumentIssue[] } {
  const parsed = criteriaSetDocument.safeParse(input);
  if (!parsed.success) return { ok: false, issues: shapeIssues(parsed.error) };
  const doc = parsed.data;
  const issues = [...codeIssues(doc), ...(doc.engine === 'points' ? pointsIssues(doc) : levelsIssues(doc))];
  if (doc.effectiveTo && doc.effectiveTo < doc.effectiveFrom) {
    issues.push(issue('effectiveTo', 'Ngày hết hiệu lực phải sau ngày có hiệu lực.', 'The end date must be after the start date.'));
  }
  return issues.length ? { ok: false, issues } : { ok: true, document: doc };
}
