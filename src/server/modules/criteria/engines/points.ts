/**
 * The points engine (TT 22/2020, QĐ 324/QĐ-KHVN, QĐ 448/QĐ-KHVN): each applicable indicator gives
 * 0..max points; totals per criterion and overall; the band is the highest whose minimum the total
 * reaches; the title is earned when that band passes and the pass rules hold (QĐ 324: total ≥ 80
 * and no indicator below 5). Inputs must have passed validateInputs (common.ts). Pure.
 *
 * An indicator that does not apply to the subject counts 0 points and is left out of the
 * "no indicator below" rule; the maxima stay those of the set.
 */
import type { AssessmentInputs, CriteriaSetDocument } from '../../../../shared/criteria.js';
import { fmt, isApplicable, resolveValue } from './common.js';
import type { EvaluationContext, IndicatorOutcome, PointsResult, Shortfall } from './types.js';

/** Sums of halves are exact in binary, but keep totals clean whatever the step. */
const clean = (n: number) => Math.round(n * 1000) / 1000;

export function evaluatePoints(doc: CriteriaSetDocument, inputs: AssessmentInputs, ctx: EvaluationContext): PointsResult {
  const points = doc.points;
  if (!points) throw new Error(`Criteria set ${doc.code} has no "points" section`);
  const rules = points.passRules ?? {};
  const indicators: IndicatorOutcome[] = [];
  const shortfalls: Shortfall[] = [];
  const criteria = doc.criteria.map((c) => {
    let total = 0;
    for (const ind of c.indicators) {
      const applicable = isApplicable(ind, ctx.attributes);
      const r = resolveValue(ind, inputs[ind.code], ctx);
      const got = applicable && typeof r.value === 'number' ? r.value : 0;
      total += got;
      indicators.push({
        code: ind.code,
        applicable,
        value: applicable ? r.value : null,
        hasEvidence: r.hasEvidence,
        derived: r.derived,
        overridden: r.overridden,
        ...(r.derivedValue !== undefined ? { derivedValue: r.derivedValue } : {}),
        points: got,
      });
      if (applicable && rules.minEachIndicator !== undefined && got < rules.minEachIndicator) {
        const g = fmt(got);
        const m = fmt(rules.minEachIndicator);
        shortfalls.push({
          indicator: ind.code,
          reason: 'BELOW_MIN_EACH',
          message: { vi: `Chỉ tiêu ${ind.code}: ${g.vi} điểm, dưới mức tối thiểu ${m.vi} điểm của mỗi chỉ tiêu.`, en: `Indicator ${ind.code}: ${g.en} points, below the minimum of ${m.en} for each indicator.` },
        });
      }
    }
    const max = c.max ?? clean(c.indicators.reduce((a, i) => a + (i.max ?? 0), 0));
    return { code: c.code, total: clean(total), max };
  });
  const total = clean(criteria.reduce((a, c) => a + c.total, 0));
  const bands = [...points.bands].sort((a, b) => b.min - a.min);
  const band = bands.find((b) => total >= b.min) ?? null;

  // The lowest total that can pass: the rule's minimum and the lowest passing band.
  const passingMins = bands.filter((b) => b.passes).map((b) => b.min);
  const needed = Math.max(rules.minTotal ?? -Infinity, passingMins.length ? Math.min(...passingMins) : Infinity);
  if (total < needed) {
    const t = fmt(total);
    const n = Number.isFinite(needed) ? fmt(needed) : null;
    shortfalls.unshift({
      indicator: '',
      reason: 'TOTAL_BELOW',
      message: n
        ? { vi: `Tổng điểm ${t.vi}, dưới mức đạt ${n.vi} điểm.`, en: `Total ${t.en} points, below the pass mark of ${n.en}.` }
        : { vi: `Tổng điểm ${t.vi}: bộ tiêu chí không có mức xếp loại đạt.`, en: `Total ${t.en} points: the set has no passing band.` },
    });
  }
  const passed = !!band?.passes && total >= (rules.minTotal ?? -Infinity) && !shortfalls.some((s) => s.reason === 'BELOW_MIN_EACH');
  return {
    engine: 'points',
    total,
    max: points.max,
    criteria,
    band: band ? { code: band.code, name: band.name, passes: band.passes } : null,
    passed,
    shortfalls,
    indicators,
  };
}
