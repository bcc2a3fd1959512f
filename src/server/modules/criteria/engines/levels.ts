/**
 * The levels engine (TT 24/2023, TT 25/2023): each indicator has a threshold per level; at a level
 * an indicator is met when it does not apply to the subject ("không áp dụng": it does not block),
 * when the level does not test it, or when its value reaches the threshold and, if the set requires
 * evidence, it has some (TT 24/2023 Điều 9: "không có minh chứng phù hợp được đánh giá là không
 * đạt"). A level is met when every indicator is met at it AND the level below is met (levels are
 * cumulative: mức độ 2 needs mức độ 1). The subject reaches the highest level met. Inputs must have
 * passed validateInputs (common.ts). Pure.
 *
 * Levels are those of `doc.levels`, lowest first. Reasons, in the order they are checked:
 * NOT_ENTERED (no value entered and none derived), BELOW_THRESHOLD, NO_EVIDENCE.
 */
import type { Bilingual } from '../../../../shared/api-types.js';
import type { AssessmentInputs, CriteriaSetDocument, Indicator, SubjectAttribute, Threshold } from '../../../../shared/criteria.js';
import { fmtValue, isApplicable, resolveValue } from './common.js';
import type { EvaluationContext, IndicatorOutcome, LevelsResult, Shortfall } from './types.js';

/** The minimum that holds for the subject: the first variant whose attribute it has, else the base value. */
export function minFor(t: Extract<Threshold, { kind: 'min' }>, attributes: readonly SubjectAttribute[]): number {
  return t.variants?.find((v) => attributes.includes(v.when))?.value ?? t.value;
}

/** Whether a value reaches a threshold. A value of the wrong type never does. */
export function reaches(ind: Pick<Indicator, 'scale'>, t: Threshold, value: number | boolean | string, attributes: readonly SubjectAttribute[]): boolean {
  switch (t.kind) {
    case 'yes':
      return value === true;
    case 'min':
      return typeof value === 'number' && value >= minFor(t, attributes);
    case 'ordinal': {
      if (typeof value !== 'string') return false;
      const steps = (ind.scale ?? []).map((s) => s.code);
      const at = steps.indexOf(value);
      const need = steps.indexOf(t.value);
      return at >= 0 && need >= 0 && at >= need;
    }
  }
}

/** The threshold in words, for messages. */
function describeThreshold(ind: Indicator, t: Threshold, attributes: readonly SubjectAttribute[]): Bilingual {
  switch (t.kind) {
    case 'yes':
      return { vi: 'Đạt', en: 'met' };
    case 'min': {
      const v = fmtValue(ind, minFor(t, attributes));
      return { vi: `tối thiểu ${v.vi}`, en: `at least ${v.en}` };
    }
    case 'ordinal': {
      const v = fmtValue(ind, t.value);
      return { vi: `tối thiểu "${v.vi}"`, en: `at least "${v.en}"` };
    }
  }
}

export function evaluateLevels(doc: CriteriaSetDocument, inputs: AssessmentInputs, ctx: EvaluationContext): LevelsResult {
  const levels = doc.levels ?? [];
  if (!levels.length) throw new Error(`Criteria set ${doc.code} has no levels`);
  const missingAt = new Map<string, Shortfall[]>(levels.map((l) => [l.code, []]));
  const indicators: IndicatorOutcome[] = [];

  for (const ind of doc.criteria.flatMap((c) => c.indicators)) {
    const applicable = isApplicable(ind, ctx.attributes);
    const r = resolveValue(ind, inputs[ind.code], ctx);
    const metAt: Record<string, boolean> = {};
    for (const level of levels) {
      const t = ind.thresholds?.[level.code];
      if (!applicable || !t) {
        metAt[level.code] = true;
        continue;
      }
      const levelName = level.name;
      const need = describeThreshold(ind, t, ctx.attributes);
      let shortfall: Shortfall | null = null;
      if (r.value === null) {
        shortfall = {
          indicator: ind.code,
          reason: 'NOT_ENTERED',
          message: { vi: `Chỉ tiêu ${ind.code}: chưa có số liệu (${levelName.vi} cần ${need.vi}).`, en: `Indicator ${ind.code}: not entered (${levelName.en} needs ${need.en}).` },
        };
      } else if (!reaches(ind, t, r.value, ctx.attributes)) {
        const got = fmtValue(ind, r.value);
        shortfall = {
          indicator: ind.code,
          reason: 'BELOW_THRESHOLD',
          message: { vi: `Chỉ tiêu ${ind.code}: ${got.vi}, chưa đạt ${need.vi} của ${levelName.vi}.`, en: `Indicator ${ind.code}: ${got.en}, short of ${need.en} for ${levelName.en}.` },
        };
      } else if (ind.evidenceRequired && !r.hasEvidence) {
        shortfall = {
          indicator: ind.code,
          reason: 'NO_EVIDENCE',
          message: { vi: `Chỉ tiêu ${ind.code}: chưa có minh chứng (không có minh chứng phù hợp được đánh giá là không đạt).`, en: `Indicator ${ind.code}: no evidence attached (an indicator without evidence is not met).` },
        };
      }
      metAt[level.code] = shortfall === null;
      if (shortfall) missingAt.get(level.code)!.push(shortfall);
    }
    indicators.push({
      code: ind.code,
      applicable,
      value: applicable ? r.value : null,
      hasEvidence: r.hasEvidence,
      derived: r.derived,
      overridden: r.overridden,
      ...(r.derivedValue !== undefined ? { derivedValue: r.derivedValue } : {}),
      metAt,
    });
  }

  let below = true;
  let reached: string | null = null;
  const perLevel = levels.map((l) => {
    const missing = missingAt.get(l.code)!;
    const met = below && missing.length === 0;
    below = met;
    if (met) reached = l.code;
    return { level: l.code, met, missing };
  });
  const nextIndex = reached === null ? 0 : levels.findIndex((l) => l.code === reached) + 1;
  const missingForNext = nextIndex < levels.length ? perLevel[nextIndex].missing : [];
  return { engine: 'levels', level: reached, passed: reached !== null, perLevel, missingForNext, indicators };
}
