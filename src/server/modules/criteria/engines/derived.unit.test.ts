import { describe, expect, it } from 'vitest';
import { LEARNING_TITLES } from '../../../../shared/criteria.js';
import { checkDerivation, computeDerived, DERIVED_FORMULA_LIST, DERIVED_FORMULAS, suggestedValue } from './derived.js';

describe('computeDerived', () => {
  it('a share is numerator × 100 / denominator, unrounded', () => {
    expect(computeDerived({ formula: 'share_members_holding_title', params: { title: 'LEARNING_CITIZEN' } }, { numerator: 9, denominator: 10 })).toBe(90);
    expect(computeDerived({ formula: 'share_members_approved_plan' }, { numerator: 899, denominator: 1000 })).toBe(89.9);
    expect(computeDerived({ formula: 'share_members_mandatory_training_done' }, { numerator: 1, denominator: 3 })).toBeCloseTo(33.333, 3);
    expect(computeDerived({ formula: 'share_residents_holding_title' }, { numerator: 12, denominator: 12 })).toBe(100);
  });

  it('every share formula gives 90 for 9 of 10 (no floating-point 90.00000000000001)', () => {
    for (const f of DERIVED_FORMULA_LIST.filter((f) => f.facts === 'ratio')) {
      expect(computeDerived({ formula: f.code, params: {} }, { numerator: 9, denominator: 10 })).toBe(90);
      expect(computeDerived({ formula: f.code, params: {} }, { numerator: 57, denominator: 100 })).toBe(57);
    }
  });

  it('nothing to count → null', () => {
    expect(computeDerived({ formula: 'share_adults_holding_title' }, { numerator: 0, denominator: 0 })).toBeNull();
    expect(computeDerived({ formula: 'org_emulation_title', params: { minRank: 1 } }, { value: null })).toBeNull();
  });

  it('a boolean formula answers its value', () => {
    expect(computeDerived({ formula: 'org_emulation_title', params: { minRank: 1 } }, { value: true })).toBe(true);
    expect(computeDerived({ formula: 'member_has_approved_plan' }, { value: false })).toBe(false);
  });

  it('throws on an unknown formula or facts of the wrong shape (loader bugs)', () => {
    expect(() => computeDerived({ formula: 'nope' }, { value: true })).toThrow(/Unknown derived formula/);
    expect(() => computeDerived({ formula: 'share_households_holding_title' }, { value: true })).toThrow(/numerator/);
    expect(() => computeDerived({ formula: 'org_emulation_title' }, { numerator: 1, denominator: 2 })).toThrow(/value/);
    expect(() => computeDerived({ formula: 'share_members_holding_title' }, { numerator: 11, denominator: 10 })).toThrow(/bad counts/);
    expect(() => computeDerived({ formula: 'share_members_holding_title' }, { numerator: -1, denominator: 10 })).toThrow(/bad counts/);
  });
});

describe('DERIVED_FORMULAS', () => {
  it('describes every formula in both languages, ratio ones with what is counted', () => {
    expect(Object.keys(DERIVED_FORMULAS).sort()).toEqual([
      'member_has_approved_plan',
      'org_emulation_title',
      'share_adults_holding_title',
      'share_households_holding_title',
      'share_learners_holding_title',
      'share_members_approved_plan',
      'share_members_digital_trained',
      'share_members_emulation_title',
      'share_members_holding_title',
      'share_members_labour_discipline',
      'share_members_mandatory_training_done',
      'share_residents_holding_title',
    ]);
    for (const [code, f] of Object.entries(DERIVED_FORMULAS)) {
      expect(f.code).toBe(code);
      expect(f.description.vi.length).toBeGreaterThan(10);
      expect(f.description.en.length).toBeGreaterThan(10);
      if (f.facts === 'ratio') {
        expect(f.result).toBe('percent');
        expect('numerator' in f && 'denominator' in f).toBe(true);
      } else expect(f.result).toBe('boolean');
    }
  });

  it('checkDerivation: known formulas with valid parameters pass', () => {
    expect(checkDerivation({ formula: 'share_members_emulation_title', params: { minRank: 1 } })).toEqual([]);
    expect(checkDerivation({ formula: 'share_members_holding_title', params: {} })).toEqual([]);
    for (const title of LEARNING_TITLES) expect(checkDerivation({ formula: 'share_households_holding_title', params: { title } })).toEqual([]);
  });

  it('checkDerivation: unknown formula, missing or bad parameters, unknown points rule', () => {
    expect(checkDerivation({ formula: 'share_of_everything', params: {} })[0].message.en).toBe('The formula "share_of_everything" is not in the registry.');
    expect(checkDerivation({ formula: 'org_emulation_title', params: {} })[0].message.en).toBe('The formula org_emulation_title needs the parameter "minRank".');
    expect(checkDerivation({ formula: 'org_emulation_title', params: { minRank: 0 } })).toHaveLength(1);
    expect(checkDerivation({ formula: 'share_members_holding_title', params: { title: 'CITIZEN' } })).toHaveLength(1);
    expect(checkDerivation({ formula: 'share_members_holding_title', params: { pointsRule: 'half' } })).toHaveLength(1);
    expect(checkDerivation({ formula: 'share_members_holding_title', params: { colour: 'red' } })).toHaveLength(1);
  });
});

describe('suggestedValue', () => {
  const pts = (pointsRule?: string) => ({ valueType: 'points' as const, max: 10, step: 0.5, derived: { formula: 'share_members_approved_plan', params: (pointsRule ? { pointsRule } : {}) as Record<string, string> } });
  it('percent and boolean indicators take the raw value', () => {
    expect(suggestedValue({ valueType: 'percent', derived: { formula: 'x', params: {} } }, 91.5)).toBe(91.5);
    expect(suggestedValue({ valueType: 'boolean', derived: { formula: 'x', params: {} } }, true)).toBe(true);
    expect(suggestedValue({ valueType: 'boolean', derived: { formula: 'x', params: {} } }, 50)).toBeNull();
    expect(suggestedValue({ valueType: 'percent' }, 91.5)).toBeNull();
  });
  it('points: guidance (default) proposes nothing', () => {
    expect(suggestedValue(pts(), 100)).toBeNull();
    expect(suggestedValue(pts('guidance'), true)).toBeNull();
  });
  it('points: all_or_nothing', () => {
    expect(suggestedValue(pts('all_or_nothing'), 100)).toBe(10);
    expect(suggestedValue(pts('all_or_nothing'), 99.9)).toBe(0);
    expect(suggestedValue(pts('all_or_nothing'), true)).toBe(10);
    expect(suggestedValue(pts('all_or_nothing'), false)).toBe(0);
  });
  it('points: max_if_true', () => {
    expect(suggestedValue(pts('max_if_true'), true)).toBe(10);
    expect(suggestedValue(pts('max_if_true'), false)).toBeNull();
  });
  it('points: proportional, rounded down to the step', () => {
    expect(suggestedValue(pts('proportional'), 75)).toBe(7.5);
    expect(suggestedValue(pts('proportional'), 79.9)).toBe(7.5);
    expect(suggestedValue(pts('proportional'), 80)).toBe(8);
    expect(suggestedValue(pts('proportional'), 100)).toBe(10);
    expect(suggestedValue({ ...pts('proportional'), step: undefined }, 79)).toBe(7);
  });
  it('null or absent raw value proposes nothing', () => {
    expect(suggestedValue(pts('all_or_nothing'), null)).toBeNull();
    expect(suggestedValue(pts('all_or_nothing'), undefined)).toBeNull();
  });
});
