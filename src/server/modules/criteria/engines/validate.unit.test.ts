import { describe, expect, it } from 'vitest';
import type { AssessmentInputs } from '../../../../shared/criteria.js';
import { loadBuiltinSets } from '../builtin-sets.js';
import { evaluate, InvalidInputsError, validateInputs } from './index.js';

const sets = new Map(loadBuiltinSets().map((d) => [d.code, d]));
const TT22 = sets.get('TT22-2020-DVHT')!;
const HUYEN = sets.get('TT24-2023-DVHT-HUYEN')!;
const XA = sets.get('TT25-2023-CDHT-XA')!;
const ctx = { attributes: [] };

/** A full, valid TT 22 input with one value changed. */
function tt22With(code: string, value: unknown): AssessmentInputs {
  const inputs: AssessmentInputs = {};
  for (const i of TT22.criteria.flatMap((c) => c.indicators)) inputs[i.code] = { value: i.max!, evidence: [] };
  inputs[code] = { value: value as number, evidence: [] };
  return inputs;
}

describe('validateInputs: points', () => {
  it('accepts a full input', () => {
    expect(validateInputs(TT22, tt22With('2a', 9.5), ctx)).toEqual([]);
  });

  it('rejects a score above the maximum, naming the indicator in both languages', () => {
    expect(validateInputs(TT22, tt22With('2a', 10.5), ctx)).toEqual([
      { indicator: '2a', code: 'ABOVE_MAX', message: { vi: 'Chỉ tiêu 2a: điểm 10,5 vượt quá tối đa 10', en: 'Indicator 2a: 10.5 points is above the maximum of 10' } },
    ]);
    expect(validateInputs(TT22, tt22With('3a', 25.5), ctx)).toMatchObject([{ indicator: '3a', code: 'ABOVE_MAX', message: { vi: 'Chỉ tiêu 3a: điểm 25,5 vượt quá tối đa 25' } }]);
    expect(validateInputs(TT22, tt22With('3a', 25), ctx)).toEqual([]);
  });

  it('rejects a negative score', () => {
    expect(validateInputs(TT22, tt22With('1b', -0.5), ctx)).toEqual([
      { indicator: '1b', code: 'NEGATIVE', message: { vi: 'Chỉ tiêu 1b: điểm -0,5 không được âm.', en: 'Indicator 1b: -0.5 points must not be negative.' } },
    ]);
    expect(validateInputs(TT22, tt22With('1b', 0), ctx)).toEqual([]);
  });

  it('rejects a score off the step of 0.5', () => {
    expect(validateInputs(TT22, tt22With('1c', 7.3), ctx)).toEqual([
      { indicator: '1c', code: 'NOT_A_STEP', message: { vi: 'Chỉ tiêu 1c: điểm 7,3 phải là bội số của 0,5.', en: 'Indicator 1c: 7.3 points must be a multiple of 0.5.' } },
    ]);
  });

  it('wants whole numbers where the set gives no step', () => {
    const doc = { ...TT22, criteria: TT22.criteria.map((c) => ({ ...c, indicators: c.indicators.map((i) => ({ ...i, step: undefined })) })) };
    expect(validateInputs(doc, tt22With('1c', 7.5), ctx)).toMatchObject([{ indicator: '1c', code: 'NOT_A_STEP', message: { vi: 'Chỉ tiêu 1c: điểm 7,5 phải là số nguyên.' } }]);
  });

  it('rejects a value of the wrong type', () => {
    expect(validateInputs(TT22, tt22With('2b', '5'), ctx)).toEqual([
      { indicator: '2b', code: 'WRONG_TYPE', message: { vi: 'Chỉ tiêu 2b: cần nhập một số điểm.', en: 'Indicator 2b: enter a number of points.' } },
    ]);
    expect(validateInputs(TT22, tt22With('2b', true), ctx)).toMatchObject([{ indicator: '2b', code: 'WRONG_TYPE' }]);
    expect(validateInputs(TT22, tt22With('2b', Number.NaN), ctx)).toMatchObject([{ indicator: '2b', code: 'WRONG_TYPE' }]);
  });

  it('rejects a missing score (null or absent) on a points set', () => {
    const inputs = tt22With('2b', null);
    delete inputs['3c'];
    expect(validateInputs(TT22, inputs, ctx)).toEqual([
      { indicator: '2b', code: 'MISSING', message: { vi: 'Chỉ tiêu 2b: chưa nhập điểm.', en: 'Indicator 2b: no points entered.' } },
      { indicator: '3c', code: 'MISSING', message: { vi: 'Chỉ tiêu 3c: chưa nhập điểm.', en: 'Indicator 3c: no points entered.' } },
    ]);
  });

  it('a guidance percentage does not stand in for missing points', () => {
    const inputs = tt22With('2a', null);
    expect(validateInputs(TT22, inputs, { attributes: [], derived: { '2a': 100 } })).toMatchObject([{ indicator: '2a', code: 'MISSING' }]);
  });

  it('rejects an unknown indicator', () => {
    const inputs = { ...tt22With('1a', 10), '9z': { value: 3, evidence: [] } };
    expect(validateInputs(TT22, inputs, ctx)).toEqual([
      { indicator: '9z', code: 'UNKNOWN_INDICATOR', message: { vi: 'Bộ tiêu chí không có chỉ tiêu "9z".', en: 'The criteria set has no indicator "9z".' } },
    ]);
  });

  it('evaluate refuses invalid input with InvalidInputsError carrying the errors', () => {
    try {
      evaluate(TT22, tt22With('2a', 10.5), ctx);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidInputsError);
      expect((err as InvalidInputsError).errors).toMatchObject([{ indicator: '2a', code: 'ABOVE_MAX' }]);
    }
  });
});

describe('validateInputs: levels', () => {
  const c = { attributes: ['state_body' as const, 'general_school' as const] };
  it('rejects a percentage above 100 or below 0', () => {
    expect(validateInputs(HUYEN, { '2.1': { value: 100.5, evidence: [] } }, c)).toEqual([
      { indicator: '2.1', code: 'ABOVE_MAX', message: { vi: 'Chỉ tiêu 2.1: 100,5% vượt quá tối đa 100%', en: 'Indicator 2.1: 100.5% is above the maximum of 100%' } },
    ]);
    expect(validateInputs(HUYEN, { '2.1': { value: -1, evidence: [] } }, c)).toMatchObject([{ indicator: '2.1', code: 'NEGATIVE' }]);
  });

  it('rejects a yes/no indicator given a number, a percentage given a yes', () => {
    expect(validateInputs(HUYEN, { '1.1': { value: 1, evidence: [] }, '2.1': { value: true, evidence: [] } }, c)).toEqual([
      { indicator: '1.1', code: 'WRONG_TYPE', message: { vi: 'Chỉ tiêu 1.1: cần nhập Đạt hoặc Không đạt.', en: 'Indicator 1.1: enter met or not met.' } },
      { indicator: '2.1', code: 'WRONG_TYPE', message: { vi: 'Chỉ tiêu 2.1: cần nhập một tỷ lệ phần trăm.', en: 'Indicator 2.1: enter a percentage.' } },
    ]);
  });

  it('rejects a step that is not on the scale', () => {
    expect(validateInputs(HUYEN, { '3.4': { value: 'KHA', evidence: [] } }, c)).toEqual([
      {
        indicator: '3.4',
        code: 'UNKNOWN_SCALE_STEP',
        message: { vi: 'Chỉ tiêu 3.4: mức "KHA" không có trong thang đánh giá (CHUA_DAP_UNG, CO_BAN, TOT).', en: 'Indicator 3.4: "KHA" is not a step of the scale (CHUA_DAP_UNG, CO_BAN, TOT).' },
      },
    ]);
    expect(validateInputs(XA, { '4.2': { value: 2, evidence: [] } }, { attributes: [] })).toMatchObject([{ indicator: '4.2', code: 'WRONG_TYPE' }]);
  });

  it('accepts partial input (missing values are reported by the engine, not rejected)', () => {
    expect(validateInputs(HUYEN, {}, c)).toEqual([]);
  });
});
