/**
 * What both engines share: applicability, the value an indicator is judged on (entered, derived or
 * overridden), number formatting for messages, and input validation. Pure.
 */
import type { Bilingual } from '../../../../shared/api-types.js';
import type { AssessmentInputs, CriteriaSetDocument, Indicator, IndicatorInput, SubjectAttribute } from '../../../../shared/criteria.js';
import { suggestedValue, type DerivedValue } from './derived.js';
import type { EvaluationContext, InputError } from './types.js';

/** evaluate() was given inputs that validateInputs rejects. */
export class InvalidInputsError extends Error {
  constructor(readonly errors: InputError[]) {
    super(`Invalid assessment inputs: ${errors.map((e) => `${e.indicator} ${e.code}`).join('; ')}`);
    this.name = 'InvalidInputsError';
  }
}

/** Whether the indicator applies to a subject with these attributes (any of `anyOf`, none of `noneOf`). */
export function isApplicable(ind: Pick<Indicator, 'appliesTo'>, attributes: readonly SubjectAttribute[]): boolean {
  const a = ind.appliesTo;
  if (!a) return true;
  if (a.anyOf?.length && !a.anyOf.some((x) => attributes.includes(x))) return false;
  if (a.noneOf?.length && a.noneOf.some((x) => attributes.includes(x))) return false;
  return true;
}

export const allIndicators = (doc: CriteriaSetDocument): Indicator[] => doc.criteria.flatMap((c) => c.indicators);

/** A number as Vietnamese ("10,5") and English ("10.5") write it; at most 2 decimals. */
export function fmt(n: number): Bilingual {
  const en = String(Math.round(n * 100) / 100);
  return { vi: en.replace('.', ','), en };
}

/** A value for a message: numbers formatted, percent with "%", booleans as Đạt / Không đạt. */
export function fmtValue(ind: Pick<Indicator, 'valueType' | 'scale'>, v: number | boolean | string): Bilingual {
  if (typeof v === 'boolean') return v ? { vi: 'Đạt', en: 'Met' } : { vi: 'Không đạt', en: 'Not met' };
  if (typeof v === 'string') {
    const step = ind.scale?.find((s) => s.code === v);
    return step ? { vi: step.name.vi, en: step.name.en } : { vi: v, en: v };
  }
  const f = fmt(v);
  return ind.valueType === 'percent' ? { vi: `${f.vi}%`, en: `${f.en}%` } : f;
}

const present = (v: unknown): v is number | boolean | string => v !== null && v !== undefined;

const sameValue = (a: number | boolean | string, b: number | boolean | string) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b;

/** The value an indicator is judged on, and where it came from. */
export interface ResolvedValue {
  value: number | boolean | string | null;
  /** What computeDerived answered (null: no data; undefined: the indicator is not derived or no value was loaded). */
  derivedValue: DerivedValue | undefined;
  /** The value the engine proposes from it (points by the points rule), or null. */
  suggested: number | boolean | null;
  /** The value is the proposed one (nothing was entered). */
  derived: boolean;
  /** A value was entered that differs from the proposed one. */
  overridden: boolean;
  hasEvidence: boolean;
}

/**
 * Entered value first; when nothing is entered, the value proposed from records. Evidence: what the
 * evaluator attached, or the records themselves when the value is the derived one.
 */
export function resolveValue(ind: Indicator, input: IndicatorInput | undefined, ctx: EvaluationContext): ResolvedValue {
  const derivedValue = ind.derived ? ctx.derived?.[ind.code] : undefined;
  const suggested = suggestedValue(ind, derivedValue);
  const entered = input?.value;
  const attached = (input?.evidence?.length ?? 0) > 0;
  if (present(entered)) {
    const overridden = suggested !== null && !sameValue(entered, suggested);
    return { value: entered, derivedValue, suggested, derived: false, overridden, hasEvidence: attached };
  }
  if (suggested !== null) return { value: suggested, derivedValue, suggested, derived: true, overridden: false, hasEvidence: true };
  return { value: null, derivedValue, suggested, derived: false, overridden: false, hasEvidence: attached };
}

// ── validation ───────────────────────────────────────────────────────────────

const error = (indicator: string, code: InputError['code'], vi: string, en: string): InputError => ({ indicator, code, message: { vi, en } });

const EXPECTED: Record<Indicator['valueType'], Bilingual> = {
  points: { vi: 'một số điểm', en: 'a number of points' },
  boolean: { vi: 'Đạt hoặc Không đạt', en: 'met or not met' },
  percent: { vi: 'một tỷ lệ phần trăm', en: 'a percentage' },
  number: { vi: 'một số', en: 'a number' },
  ordinal: { vi: 'một mức của thang đánh giá', en: 'a step of the scale' },
};

/** Whether n is a multiple of step (0.5 → halves; 1 → whole numbers). */
const onStep = (n: number, step: number) => Math.abs(n / step - Math.round(n / step)) < 1e-9;

/** The checks of one entered value against its indicator (type, range, step, scale). */
function valueErrors(ind: Indicator, v: number | boolean | string): InputError[] {
  const name = ind.code;
  const expected = EXPECTED[ind.valueType];
  const wrongType = () => [error(name, 'WRONG_TYPE', `Chỉ tiêu ${name}: cần nhập ${expected.vi}.`, `Indicator ${name}: enter ${expected.en}.`)];
  switch (ind.valueType) {
    case 'boolean':
      return typeof v === 'boolean' ? [] : wrongType();
    case 'ordinal': {
      if (typeof v !== 'string') return wrongType();
      const steps = ind.scale ?? [];
      if (steps.some((s) => s.code === v)) return [];
      const list = steps.map((s) => s.code).join(', ');
      return [error(name, 'UNKNOWN_SCALE_STEP', `Chỉ tiêu ${name}: mức "${v}" không có trong thang đánh giá (${list}).`, `Indicator ${name}: "${v}" is not a step of the scale (${list}).`)];
    }
    default: {
      if (typeof v !== 'number' || !Number.isFinite(v)) return wrongType();
      const f = fmt(v);
      const unit = ind.valueType === 'points' ? { vi: 'điểm ', en: '' } : { vi: '', en: '' };
      const enUnit = ind.valueType === 'points' ? ' points' : ind.valueType === 'percent' ? '%' : '';
      const viUnit = ind.valueType === 'percent' ? '%' : '';
      if (v < 0) return [error(name, 'NEGATIVE', `Chỉ tiêu ${name}: ${unit.vi}${f.vi}${viUnit} không được âm.`, `Indicator ${name}: ${f.en}${enUnit} must not be negative.`)];
      const max = ind.valueType === 'percent' ? 100 : ind.max;
      if (max !== undefined && v > max + 1e-9) {
        const m = fmt(max);
        return [error(name, 'ABOVE_MAX', `Chỉ tiêu ${name}: ${unit.vi}${f.vi}${viUnit} vượt quá tối đa ${m.vi}${viUnit}`, `Indicator ${name}: ${f.en}${enUnit} is above the maximum of ${m.en}${viUnit}`)];
      }
      if (ind.valueType === 'points') {
        const step = ind.step ?? 1;
        if (!onStep(v, step)) {
          const s = fmt(step);
          return step === 1
            ? [error(name, 'NOT_A_STEP', `Chỉ tiêu ${name}: điểm ${f.vi} phải là số nguyên.`, `Indicator ${name}: ${f.en} points must be a whole number.`)]
            : [error(name, 'NOT_A_STEP', `Chỉ tiêu ${name}: điểm ${f.vi} phải là bội số của ${s.vi}.`, `Indicator ${name}: ${f.en} points must be a multiple of ${s.en}.`)];
        }
      }
      return [];
    }
  }
}

/**
 * Every problem with the inputs, each naming its indicator: unknown indicators; for applicable
 * indicators a value of the wrong type, negative, above the maximum (percent: 100), off the step,
 * not on the scale; a value that differs from the one proposed from records without a reason; and,
 * on a points set, an applicable indicator with neither a value nor a proposed one (a total needs
 * every indicator). On a levels set a missing value is not an error: the engine reports it as
 * NOT_ENTERED. Inputs of indicators that do not apply to the subject are ignored (the attributes
 * may have changed since they were entered).
 */
export function validateInputs(doc: CriteriaSetDocument, inputs: AssessmentInputs, ctx: EvaluationContext): InputError[] {
  const out: InputError[] = [];
  const known = new Map(allIndicators(doc).map((i) => [i.code, i]));
  for (const code of Object.keys(inputs)) {
    if (!known.has(code)) out.push(error(code, 'UNKNOWN_INDICATOR', `Bộ tiêu chí không có chỉ tiêu "${code}".`, `The criteria set has no indicator "${code}".`));
  }
  for (const ind of known.values()) {
    if (!isApplicable(ind, ctx.attributes)) continue;
    const input = inputs[ind.code];
    const entered = input?.value;
    if (present(entered)) {
      const errs = valueErrors(ind, entered);
      out.push(...errs);
      if (errs.length) continue;
    }
    const r = resolveValue(ind, input, ctx);
    if (r.overridden && !input?.overrideReason?.trim()) {
      const e = fmtValue(ind, entered as number | boolean | string);
      const s = fmtValue(ind, r.suggested!);
      out.push(
        error(
          ind.code,
          'OVERRIDE_REASON_REQUIRED',
          `Chỉ tiêu ${ind.code}: giá trị nhập (${e.vi}) khác với số hệ thống tính từ dữ liệu (${s.vi}); cần ghi lý do điều chỉnh.`,
          `Indicator ${ind.code}: the value entered (${e.en}) differs from the one computed from records (${s.en}); give a reason for the change.`,
        ),
      );
    }
    if (doc.engine === 'points' && r.value === null) {
      out.push(error(ind.code, 'MISSING', `Chỉ tiêu ${ind.code}: chưa nhập điểm.`, `Indicator ${ind.code}: no points entered.`));
    }
  }
  return out;
}
