import { describe, expect, it } from 'vitest';
import type { AssessmentInputs, CriteriaSetDocument } from '../../../../shared/criteria.js';
import { loadBuiltinSets } from '../builtin-sets.js';
import { evaluate, InvalidInputsError, validateInputs } from './index.js';
import type { EvaluationContext, PointsResult } from './types.js';

const sets = new Map(loadBuiltinSets().map((d) => [d.code, d]));
const set = (code: string) => sets.get(code)!;
const TT22 = () => set('TT22-2020-DVHT');
const QD324 = () => set('QD324-2023-CDHT-CAN-BO');
const ctx: EvaluationContext = { attributes: [] };
const indicatorsOf = (doc: CriteriaSetDocument) => doc.criteria.flatMap((c) => c.indicators);

/** Every indicator at its maximum, then points taken off in order until the total is reached. */
function inputsForTotal(doc: CriteriaSetDocument, total: number): AssessmentInputs {
  const inds = indicatorsOf(doc);
  const values = new Map(inds.map((i) => [i.code, i.max!]));
  let excess = inds.reduce((a, i) => a + i.max!, 0) - total;
  for (const i of inds) {
    const cut = Math.min(excess, values.get(i.code)!);
    values.set(i.code, values.get(i.code)! - cut);
    excess -= cut;
  }
  return Object.fromEntries([...values].map(([code, value]) => [code, { value, evidence: [] }]));
}
const byValues = (values: Record<string, number>): AssessmentInputs => Object.fromEntries(Object.entries(values).map(([code, value]) => [code, { value, evidence: [] }]));
const points = (doc: CriteriaSetDocument, inputs: AssessmentInputs, c: EvaluationContext = ctx) => evaluate(doc, inputs, c) as PointsResult;

describe('points engine: TT 22/2020 bands', () => {
  it.each([
    [100, 'TOT', true],
    [85, 'TOT', true],
    [84.5, 'KHA', true],
    [70, 'KHA', true],
    [69.5, 'TRUNG_BINH', true],
    [50, 'TRUNG_BINH', true],
    [49.5, 'CHUA_DAT', false],
    [0, 'CHUA_DAT', false],
  ])('total %s → band %s (passes %s)', (total, band, passes) => {
    const r = points(TT22(), inputsForTotal(TT22(), total));
    expect(r.total).toBe(total);
    expect(r.max).toBe(100);
    expect(r.band?.code).toBe(band);
    expect(r.passed).toBe(passes);
    expect(r.shortfalls.some((s) => s.reason === 'TOTAL_BELOW')).toBe(!passes);
  });

  it('totals each criterion against its maximum', () => {
    const r = points(TT22(), inputsForTotal(TT22(), 85));
    expect(r.criteria).toEqual([
      { code: '1', total: 15, max: 30 },
      { code: '2', total: 30, max: 30 },
      { code: '3', total: 40, max: 40 },
    ]);
    expect(r.indicators.find((i) => i.code === '1a')).toMatchObject({ points: 0, applicable: true, derived: false, overridden: false });
    expect(r.indicators.find((i) => i.code === '1b')).toMatchObject({ points: 5 });
  });

  it('names the band in both languages', () => {
    const r = points(TT22(), inputsForTotal(TT22(), 84.5));
    expect(r.band).toEqual({ code: 'KHA', name: { vi: 'Khá', en: 'Fairly good' }, passes: true });
  });

  it('shows guidance percentages without using them as points (2a), proposes 3b from the unit’s emulation title', () => {
    const inputs = inputsForTotal(TT22(), 100);
    delete inputs['3b'];
    const withTitle = points(TT22(), inputs, { attributes: [], derived: { '2a': 97.5, '3b': true } });
    expect(withTitle.total).toBe(100);
    expect(withTitle.indicators.find((i) => i.code === '3b')).toMatchObject({ points: 10, derived: true, derivedValue: true, hasEvidence: true });
    expect(withTitle.indicators.find((i) => i.code === '2a')).toMatchObject({ points: 10, derived: false, overridden: false, derivedValue: 97.5 });
    const withoutTitle = points(TT22(), inputs, { attributes: [], derived: { '3b': false } });
    expect(withoutTitle.total).toBe(90);
    expect(withoutTitle.band?.code).toBe('TOT');
  });

  it('needs a reason to score 3b above what the records show, and then marks it overridden', () => {
    const inputs = inputsForTotal(TT22(), 100);
    const c = { attributes: [], derived: { '3b': false } };
    expect(validateInputs(TT22(), inputs, c)).toMatchObject([{ indicator: '3b', code: 'OVERRIDE_REASON_REQUIRED' }]);
    expect(() => evaluate(TT22(), inputs, c)).toThrow(InvalidInputsError);
    inputs['3b'] = { ...inputs['3b'], overrideReason: 'Quyết định khen thưởng số 12/QĐ-UBND chưa nhập vào hệ thống' };
    const r = points(TT22(), inputs, c);
    expect(r.indicators.find((i) => i.code === '3b')).toMatchObject({ points: 10, overridden: true, derived: false });
  });
});

describe('points engine: QĐ 324 pass rules (≥ 80, no indicator below 5)', () => {
  it('80 with one indicator at 4.5 fails', () => {
    const r = points(QD324(), byValues({ '1': 4.5, '2': 8.5, '3': 8.5, '4': 8.5, '5': 8.5, '6': 8.5, '7': 8.5, '8': 8.5, '9': 8.5, '10': 7.5 }));
    expect(r.total).toBe(80);
    expect(r.band?.code).toBe('DAT');
    expect(r.passed).toBe(false);
    expect(r.shortfalls).toEqual([
      { indicator: '1', reason: 'BELOW_MIN_EACH', message: { vi: 'Chỉ tiêu 1: 4,5 điểm, dưới mức tối thiểu 5 điểm của mỗi chỉ tiêu.', en: 'Indicator 1: 4.5 points, below the minimum of 5 for each indicator.' } },
    ]);
  });

  it('80 with every indicator at 5 or more passes; exactly 5 is enough', () => {
    const r = points(QD324(), byValues({ '1': 5, '2': 8, '3': 9, '4': 8, '5': 8, '6': 8, '7': 8, '8': 8, '9': 9, '10': 9 }));
    expect(r.total).toBe(80);
    expect(r.passed).toBe(true);
    expect(r.band).toMatchObject({ code: 'DAT', passes: true });
    expect(r.shortfalls).toEqual([]);
    expect(r.criteria).toEqual([
      { code: '1', total: 30, max: 40 },
      { code: '2', total: 32, max: 40 },
      { code: '3', total: 18, max: 20 },
    ]);
  });

  it('79.5 with every indicator at 5 or more fails on the total', () => {
    const r = points(QD324(), byValues({ '1': 8, '2': 8, '3': 8, '4': 8, '5': 8, '6': 8, '7': 8, '8': 8, '9': 8, '10': 7.5 }));
    expect(r.total).toBe(79.5);
    expect(r.passed).toBe(false);
    expect(r.band?.code).toBe('CHUA_DAT');
    expect(r.shortfalls).toMatchObject([{ indicator: '', reason: 'TOTAL_BELOW', message: { vi: 'Tổng điểm 79,5, dưới mức đạt 80 điểm.' } }]);
  });

  it('indicator 2: an approved plan in the records proposes 10 points; none proposes nothing', () => {
    const values = { '1': 8, '3': 8, '4': 8, '5': 8, '6': 8, '7': 8, '8': 8, '9': 8, '10': 8 };
    const withPlan = points(QD324(), byValues(values), { attributes: [], derived: { '2': true } });
    expect(withPlan.total).toBe(82);
    expect(withPlan.indicators.find((i) => i.code === '2')).toMatchObject({ points: 10, derived: true });
    expect(validateInputs(QD324(), byValues(values), { attributes: [], derived: { '2': false } })).toMatchObject([{ indicator: '2', code: 'MISSING' }]);
    expect(validateInputs(QD324(), byValues({ ...values, '2': 6 }), { attributes: [], derived: { '2': false } })).toEqual([]);
    expect(validateInputs(QD324(), byValues({ ...values, '2': 6 }), { attributes: [], derived: { '2': true } })).toMatchObject([{ indicator: '2', code: 'OVERRIDE_REASON_REQUIRED' }]);
  });
});

describe('points engine: applicability', () => {
  it('an indicator that does not apply counts 0 and is left out of the minimum per indicator', () => {
    const doc: CriteriaSetDocument = {
      ...QD324(),
      criteria: QD324().criteria.map((c) => ({ ...c, indicators: c.indicators.map((i) => (i.code === '6' ? { ...i, appliesTo: { noneOf: ['enterprise'] } } : i)) })),
    };
    const values = { '1': 10, '2': 10, '3': 10, '4': 10, '5': 10, '7': 10, '8': 10, '9': 5, '10': 5 };
    expect(validateInputs(doc, byValues(values), { attributes: ['enterprise'] })).toEqual([]);
    const r = points(doc, byValues(values), { attributes: ['enterprise'] });
    expect(r.total).toBe(80);
    expect(r.passed).toBe(true);
    expect(r.indicators.find((i) => i.code === '6')).toMatchObject({ applicable: false, points: 0, value: null });
  });
});
