import { describe, expect, it } from 'vitest';
import type { AssessmentInputs, CriteriaSetDocument, SubjectAttribute } from '../../../../shared/criteria.js';
import { loadBuiltinSets } from '../builtin-sets.js';
import { evaluate, validateInputs } from './index.js';
import type { EvaluationContext, LevelsResult } from './types.js';

const sets = new Map(loadBuiltinSets().map((d) => [d.code, d]));
const HUYEN = sets.get('TT24-2023-DVHT-HUYEN')!;
const TINH = sets.get('TT24-2023-DVHT-TINH')!;
const XA = sets.get('TT25-2023-CDHT-XA')!;
const note = [{ kind: 'note' as const, text: 'Biên bản họp tổ đánh giá' }];

/** Level-2 values for every indicator, with evidence (ordinal: the top of the scale). */
function allMet(doc: CriteriaSetDocument): AssessmentInputs {
  const out: AssessmentInputs = {};
  for (const i of doc.criteria.flatMap((c) => c.indicators)) {
    const value = i.valueType === 'boolean' ? true : i.valueType === 'ordinal' ? i.scale!.at(-1)!.code : 100;
    out[i.code] = { value, evidence: note };
  }
  return out;
}
const withValue = (inputs: AssessmentInputs, code: string, value: number | boolean | string | null, evidence = note): AssessmentInputs => ({ ...inputs, [code]: { value, evidence } });
const run = (doc: CriteriaSetDocument, inputs: AssessmentInputs, attributes: SubjectAttribute[] = ['state_body'], derived?: EvaluationContext['derived']) =>
  evaluate(doc, inputs, { attributes, derived }) as LevelsResult;

describe('levels engine: TT 24/2023 thresholds', () => {
  it('every indicator met at level 2 → level L2, nothing missing', () => {
    const r = run(HUYEN, allMet(HUYEN));
    expect(r).toMatchObject({ engine: 'levels', level: 'L2', passed: true, missingForNext: [] });
    expect(r.perLevel.map((l) => [l.level, l.met])).toEqual([['L1', true], ['L2', true]]);
  });

  it.each([
    [100, 'L2'],
    [95, 'L2'],
    [94.9, 'L1'],
    [90, 'L1'],
    [89.9, null],
  ])('2.1 members keeping discipline at %s%% → %s', (value, level) => {
    expect(run(HUYEN, withValue(allMet(HUYEN), '2.1', value)).level).toBe(level);
  });

  it.each([
    [70, 'L2'],
    [69.9, 'L1'],
    [50, 'L1'],
    [49.9, null],
  ])('2.4 language certificates at %s%% → %s', (value, level) => {
    expect(run(HUYEN, withValue(allMet(HUYEN), '2.4', value)).level).toBe(level);
  });

  it.each([
    [97, 'L2'],
    [96.9, 'L1'],
    [95, 'L1'],
    [94.9, null],
  ])('3.1-NH learners holding CDHT at %s%% (a school with learners) → %s', (value, level) => {
    expect(run(HUYEN, withValue(allMet(HUYEN), '3.1-NH', value), ['state_body', 'general_school', 'school_with_learners']).level).toBe(level);
  });

  it('3.1-NH does not apply to a unit without learners: no value needed', () => {
    const inputs = allMet(HUYEN);
    delete inputs['3.1-NH'];
    const r = run(HUYEN, inputs, ['state_body']);
    expect(r.level).toBe('L2');
    expect(r.indicators.find((i) => i.code === '3.1-NH')).toMatchObject({ applicable: false, metAt: { L1: true, L2: true } });
  });

  it('explains a shortfall in both languages', () => {
    const r = run(HUYEN, withValue(allMet(HUYEN), '2.1', 89.9));
    expect(r.missingForNext).toEqual([
      { indicator: '2.1', reason: 'BELOW_THRESHOLD', message: { vi: 'Chỉ tiêu 2.1: 89,9%, chưa đạt tối thiểu 90% của Mức độ 1.', en: 'Indicator 2.1: 89.9%, short of at least 90% for Level 1.' } },
    ]);
  });
});

describe('levels engine: ordinal scales', () => {
  const school: SubjectAttribute[] = ['state_body', 'general_school', 'school_with_learners'];
  it.each([
    ['TOT', 'L2'],
    ['CO_BAN', 'L1'],
    ['CHUA_DAP_UNG', null],
  ])('3.4 digital transformation "%s" (QĐ 4725) → %s', (value, level) => {
    expect(run(HUYEN, withValue(allMet(HUYEN), '3.4', value), school).level).toBe(level);
  });

  it.each([
    ['MUC_3', 'MUC_2', 'L2'],
    ['MUC_2', 'MUC_2', 'L1'],
    ['MUC_3', 'MUC_1', 'L1'],
    ['MUC_1', 'MUC_2', null],
    ['MUC_3', 'CHUA_DAT', null],
  ])('TT 25: PCGD tiểu học %s, xóa mù chữ %s → %s', (primary, literacy, level) => {
    const inputs = withValue(withValue(allMet(XA), '4.2', primary), '4.4', literacy);
    expect(run(XA, inputs, []).level).toBe(level);
  });
});

describe('levels engine: variants by subject attribute (TT 25 disadvantaged communes)', () => {
  it.each([
    [[], 60, 15, 'L2'],
    [[], 50, 12, 'L1'],
    [[], 49.9, 12, null],
    [[], 50, 11.9, null],
    [['disadvantaged_commune'], 50, 12, 'L2'],
    [['disadvantaged_commune'], 49.9, 12, 'L1'],
    [['disadvantaged_commune'], 40, 10, 'L1'],
    [['disadvantaged_commune'], 39.9, 10, null],
    [['disadvantaged_commune'], 40, 9.9, null],
  ] as [SubjectAttribute[], number, number, string | null][])('attributes %j, trained %s%%, university %s%% → %s', (attributes, trained, university, level) => {
    const inputs = withValue(withValue(allMet(XA), '5.2', trained), '5.2-DH', university);
    expect(run(XA, inputs, attributes).level).toBe(level);
  });

  it('names the variant threshold that holds in the message', () => {
    const r = run(XA, withValue(allMet(XA), '5.2', 39), ['disadvantaged_commune']);
    expect(r.missingForNext[0].message.vi).toBe('Chỉ tiêu 5.2: 39%, chưa đạt tối thiểu 40% của Mức độ 1.');
  });
});

describe('levels engine: applicability, evidence, missing values', () => {
  it('a not-applicable indicator does not block (1.3 and 2.4 for an enterprise)', () => {
    const inputs = allMet(HUYEN);
    delete inputs['1.3'];
    delete inputs['2.4'];
    const r = run(HUYEN, inputs, ['enterprise']);
    expect(r.level).toBe('L2');
    expect(r.indicators.find((i) => i.code === '1.3')).toMatchObject({ applicable: false, value: null });
    // …but 1.3 applies to a state body, where a missing value is NOT_ENTERED.
    const state = run(HUYEN, inputs, ['state_body']);
    expect(state.level).toBeNull();
    expect(state.missingForNext.map((s) => [s.indicator, s.reason])).toEqual([['1.3', 'NOT_ENTERED'], ['2.4', 'NOT_ENTERED']]);
  });

  it('an inputs value for a not-applicable indicator is ignored, even if it would be invalid', () => {
    const inputs = withValue(allMet(HUYEN), '2.4', 130);
    expect(validateInputs(HUYEN, inputs, { attributes: ['enterprise'] })).toEqual([]);
    expect(run(HUYEN, inputs, ['enterprise']).level).toBe('L2');
  });

  it('an applicable indicator without evidence is not met (NO_EVIDENCE)', () => {
    const r = run(HUYEN, withValue(allMet(HUYEN), '1.1', true, []));
    expect(r.level).toBeNull();
    expect(r.missingForNext).toMatchObject([{ indicator: '1.1', reason: 'NO_EVIDENCE' }]);
    expect(r.perLevel[1].missing).toMatchObject([{ indicator: '1.1', reason: 'NO_EVIDENCE' }]);
  });

  it('a missing value is NOT_ENTERED, not an input error', () => {
    const inputs = allMet(HUYEN);
    delete inputs['2.3'];
    expect(validateInputs(HUYEN, inputs, { attributes: ['state_body'] })).toEqual([]);
    const r = run(HUYEN, withValue(inputs, '3.2', null));
    expect(r.level).toBeNull();
    expect(r.missingForNext.map((s) => [s.indicator, s.reason])).toEqual([['2.3', 'NOT_ENTERED'], ['3.2', 'NOT_ENTERED']]);
  });

  it('"no" on a yes indicator is BELOW_THRESHOLD', () => {
    expect(run(HUYEN, withValue(allMet(HUYEN), '1.5', false)).missingForNext).toMatchObject([{ indicator: '1.5', reason: 'BELOW_THRESHOLD' }]);
  });

  it('levels are cumulative: level-2 values do not give L2 while level 1 is not met', () => {
    const r = run(HUYEN, withValue(allMet(HUYEN), '1.1', false));
    expect(r.level).toBeNull();
    expect(r.perLevel).toMatchObject([{ level: 'L1', met: false }, { level: 'L2', met: false, missing: [{ indicator: '1.1' }] }]);
  });

  it('lists what is missing for the next level above the one reached', () => {
    const inputs = withValue(withValue(allMet(HUYEN), '2.1', 92), '2.5', 90.5);
    const r = run(HUYEN, inputs);
    expect(r.level).toBe('L1');
    expect(r.missingForNext.map((s) => [s.indicator, s.reason])).toEqual([['2.1', 'BELOW_THRESHOLD'], ['2.5', 'BELOW_THRESHOLD']]);
    expect(r.missingForNext[0].message.en).toBe('Indicator 2.1: 92%, short of at least 95% for Level 2.');
    expect(r.indicators.find((i) => i.code === '2.1')?.metAt).toEqual({ L1: true, L2: false });
  });
});

describe('levels engine: derived values', () => {
  it('uses the derived value when nothing is entered; the records count as evidence', () => {
    const inputs = allMet(TINH);
    delete inputs['3.1'];
    delete inputs['3.3'];
    const r = run(TINH, inputs, ['state_body'], { '3.1': 96.2, '3.3': true });
    expect(r.level).toBe('L2');
    expect(r.indicators.find((i) => i.code === '3.1')).toMatchObject({ value: 96.2, derived: true, overridden: false, hasEvidence: true, derivedValue: 96.2 });
    expect(r.indicators.find((i) => i.code === '3.3')).toMatchObject({ value: true, derived: true });
  });

  it('a derived 899 of 1000 (89.9 %) stays below 90 %', () => {
    const inputs = allMet(TINH);
    delete inputs['3.1'];
    expect(run(TINH, inputs, ['state_body'], { '3.1': (899 * 100) / 1000 }).level).toBeNull();
    expect(run(TINH, inputs, ['state_body'], { '3.1': (900 * 100) / 1000 }).level).toBe('L1');
  });

  it('an entered value that differs from the derived one needs a reason (OVERRIDE_REASON_REQUIRED)', () => {
    const inputs = withValue(allMet(HUYEN), '2.2', 96);
    const c = { attributes: ['state_body'] as SubjectAttribute[], derived: { '2.2': 92.5 } };
    const errors = validateInputs(HUYEN, inputs, c);
    expect(errors).toEqual([
      {
        indicator: '2.2',
        code: 'OVERRIDE_REASON_REQUIRED',
        message: {
          vi: 'Chỉ tiêu 2.2: giá trị nhập (96%) khác với số hệ thống tính từ dữ liệu (92,5%); cần ghi lý do điều chỉnh.',
          en: 'Indicator 2.2: the value entered (96%) differs from the one computed from records (92.5%); give a reason for the change.',
        },
      },
    ]);
    expect(() => evaluate(HUYEN, inputs, c)).toThrow(/2\.2 OVERRIDE_REASON_REQUIRED/);
    const explained = { ...inputs, '2.2': { ...inputs['2.2'], overrideReason: '3 người hoàn thành lớp bồi dưỡng ngoài hệ thống' } };
    const r = evaluate(HUYEN, explained, c) as LevelsResult;
    expect(r.level).toBe('L2');
    expect(r.indicators.find((i) => i.code === '2.2')).toMatchObject({ value: 96, overridden: true, derived: false, derivedValue: 92.5 });
  });

  it('an overridden value needs its own evidence', () => {
    const inputs = withValue(allMet(HUYEN), '3.3', true, []);
    inputs['3.3'].overrideReason = 'Quyết định khen thưởng chưa nhập';
    const r = run(HUYEN, inputs, ['state_body'], { '3.3': false });
    expect(r.missingForNext).toMatchObject([{ indicator: '3.3', reason: 'NO_EVIDENCE' }]);
  });

  it('the same value as the derived one needs no reason', () => {
    const inputs = withValue(allMet(HUYEN), '2.5', 92.5);
    expect(validateInputs(HUYEN, inputs, { attributes: ['state_body'], derived: { '2.5': 92.5 } })).toEqual([]);
  });

  it('a null derived value (nothing to count) proposes nothing', () => {
    const inputs = allMet(HUYEN);
    delete inputs['2.5'];
    const r = run(HUYEN, inputs, ['state_body'], { '2.5': null });
    expect(r.missingForNext).toMatchObject([{ indicator: '2.5', reason: 'NOT_ENTERED' }]);
    expect(r.indicators.find((i) => i.code === '2.5')).toMatchObject({ derivedValue: null, derived: false });
  });
});
