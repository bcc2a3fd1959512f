import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { criteriaSetDocument, type CriteriaSetDocument } from '../../../shared/criteria.js';
import { BUILTIN_SET_FILES, loadBuiltinSets, parseBuiltinSet } from './builtin-sets.js';
import { checkDerivation, isDerivedFormula } from './engines/derived.js';

const dir = new URL('../../../../criteria/sets/', import.meta.url);
const filesOnDisk = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const docs = loadBuiltinSets();
const byCode = new Map(docs.map((d) => [d.code, d]));
const indicators = (d: CriteriaSetDocument) => d.criteria.flatMap((c) => c.indicators);
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1000) / 1000;

describe('built-in criteria sets (criteria/sets)', () => {
  it('loads every file of the folder, and only those', () => {
    expect(Object.keys(BUILTIN_SET_FILES).sort()).toEqual(filesOnDisk);
    expect(docs).toHaveLength(filesOnDisk.length);
    expect(new Set(docs.map((d) => d.code)).size).toBe(docs.length);
  });

  it.each(filesOnDisk)('%s parses against criteriaSetDocument as it is on disk', (file) => {
    const raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    expect(criteriaSetDocument.safeParse(raw).success).toBe(true);
    expect(() => parseBuiltinSet(file, raw)).not.toThrow();
    // Bilingual everywhere: no empty text, names and texts in both languages.
    const doc = parseBuiltinSet(file, raw);
    for (const i of indicators(doc)) {
      expect(i.text.vi.trim().length, `${file} ${i.code}`).toBeGreaterThan(0);
      expect(i.text.en.trim().length, `${file} ${i.code}`).toBeGreaterThan(0);
    }
  });

  it('a broken file is refused naming the file and the path', () => {
    const bad = JSON.parse(JSON.stringify(BUILTIN_SET_FILES['tt22-2020-dvht.json']));
    bad.criteria[0].indicators[0].max = 12;
    expect(() => parseBuiltinSet('tt22-2020-dvht.json', bad)).toThrow(/criteria\/sets\/tt22-2020-dvht\.json .*criteria\[0\]\.max/);
    const unknownFormula = JSON.parse(JSON.stringify(BUILTIN_SET_FILES['tt22-2020-dvht.json']));
    unknownFormula.criteria[1].indicators[0].derived.formula = 'share_of_nothing';
    expect(() => parseBuiltinSet('tt22-2020-dvht.json', unknownFormula)).toThrow(/indicator 2a: The formula "share_of_nothing" is not in the registry/);
  });

  describe.each(docs.filter((d) => d.engine === 'points').map((d) => [d.code, d] as const))('points set %s', (_code, doc) => {
    it('indicator maxima add up to each criterion maximum and to the set maximum', () => {
      for (const c of doc.criteria) {
        expect(c.max, `criterion ${c.code}`).toBeDefined();
        expect(sum(c.indicators.map((i) => i.max!)), `criterion ${c.code}`).toBe(c.max);
      }
      expect(sum(doc.criteria.map((c) => c.max!))).toBe(doc.points!.max);
    });
    it('every indicator is points, with a maximum and the step 0.5', () => {
      for (const i of indicators(doc)) expect(i, i.code).toMatchObject({ valueType: 'points', step: 0.5, max: expect.any(Number) });
    });
    it('bands go from the highest down, end at 0, and at least one passes', () => {
      const mins = doc.points!.bands.map((b) => b.min);
      expect(mins).toEqual([...mins].sort((a, b) => b - a));
      expect(mins.at(-1)).toBe(0);
      expect(doc.points!.bands.some((b) => b.passes)).toBe(true);
    });
  });

  describe.each(docs.filter((d) => d.engine === 'levels').map((d) => [d.code, d] as const))('levels set %s', (_code, doc) => {
    const levels = new Set(doc.levels!.map((l) => l.code));
    it('every threshold names an existing level, every ordinal threshold a step of its scale', () => {
      for (const i of indicators(doc)) {
        expect(Object.keys(i.thresholds ?? {}).length, i.code).toBeGreaterThan(0);
        for (const [level, t] of Object.entries(i.thresholds!)) {
          expect(levels.has(level), `${i.code} → ${level}`).toBe(true);
          if (t.kind === 'ordinal') expect(i.scale?.map((s) => s.code), `${i.code} → ${t.value}`).toContain(t.value);
        }
      }
    });
    it('value types fit the thresholds; evidence is required; recognition lasts 36 months', () => {
      for (const i of indicators(doc)) {
        const kinds = new Set(Object.values(i.thresholds!).map((t) => t.kind));
        const expected = i.valueType === 'boolean' ? 'yes' : i.valueType === 'ordinal' ? 'ordinal' : 'min';
        expect([...kinds], i.code).toEqual([expected]);
        expect(i.evidenceRequired, i.code).toBe(true);
      }
      expect(doc.validityMonths).toBe(36);
    });
    it('ordinal thresholds rise with the level', () => {
      for (const i of indicators(doc).filter((x) => x.valueType === 'ordinal')) {
        const steps = i.scale!.map((s) => s.code);
        const at = doc.levels!.map((l) => steps.indexOf((i.thresholds![l.code] as { value: string }).value));
        expect(at, i.code).toEqual([...at].sort((a, b) => a - b));
      }
    });
  });

  it('every derived indicator names a formula of the registry with valid parameters', () => {
    let count = 0;
    for (const doc of docs) {
      for (const i of indicators(doc)) {
        if (!i.derived) continue;
        count += 1;
        expect(isDerivedFormula(i.derived.formula), `${doc.code} ${i.code}`).toBe(true);
        expect(checkDerivation(i.derived), `${doc.code} ${i.code}`).toEqual([]);
      }
    }
    expect(count).toBeGreaterThanOrEqual(20);
  });

  it('TT 22/2020: 100 points, bands 85 / 70 / 50, ends the day before TT 24 took effect; 2a, 2b, 2c, 2d, 3a, 3b derived', () => {
    const d = byCode.get('TT22-2020-DVHT')!;
    expect(d.points!.bands.map((b) => [b.code, b.min, b.passes])).toEqual([['TOT', 85, true], ['KHA', 70, true], ['TRUNG_BINH', 50, true], ['CHUA_DAT', 0, false]]);
    expect(d.effectiveTo).toBe('2024-01-25');
    expect(indicators(d).map((i) => [i.code, i.max])).toEqual([['1a', 10], ['1b', 10], ['1c', 10], ['2a', 10], ['2b', 5], ['2c', 10], ['2d', 5], ['3a', 25], ['3b', 10], ['3c', 5]]);
    expect(indicators(d).filter((i) => i.derived).map((i) => [i.code, i.derived!.formula])).toEqual([
      ['2a', 'share_members_approved_plan'],
      ['2b', 'share_members_labour_discipline'],
      ['2c', 'share_members_mandatory_training_done'],
      ['2d', 'share_members_emulation_title'],
      ['3a', 'share_members_holding_title'],
      ['3b', 'org_emulation_title'],
    ]);
  });

  it.each(['TT24-2023-DVHT-HUYEN', 'TT24-2023-DVHT-TINH'])('%s: levels L1/L2 from 26/01/2024, applicability and derived indicators', (code) => {
    const d = byCode.get(code)!;
    expect(d).toMatchObject({ effectiveFrom: '2024-01-26', validityMonths: 36, engine: 'levels', source: { status: 'confirmed', issuedOn: '2023-12-11' } });
    const by = new Map(indicators(d).map((i) => [i.code, i]));
    expect(by.get('1.3')!.appliesTo).toEqual({ anyOf: ['state_body'] });
    expect(by.get('2.4')!.appliesTo).toEqual({ noneOf: ['enterprise'] });
    expect(by.get('3.1-NH')!.appliesTo).toEqual({ anyOf: ['school_with_learners'] });
    expect(by.get('3.4')!.appliesTo).toEqual({ anyOf: ['general_school'] });
    expect(by.get('2.1')!.derived?.formula).toBe('share_members_labour_discipline');
    expect(by.get('2.2')!.derived?.formula).toBe('share_members_mandatory_training_done');
    expect(by.get('2.3')!.derived?.formula).toBe('share_members_digital_trained');
    expect(by.get('2.5')!.derived).toEqual({ formula: 'share_members_emulation_title', params: { minRank: 1 } });
    expect(by.get('3.1')!.derived?.formula).toBe('share_members_holding_title');
    expect(by.get('3.3')!.derived).toEqual({ formula: 'org_emulation_title', params: { minRank: 1 } });
    expect(by.get('2.1')!.thresholds).toEqual({ L1: { kind: 'min', value: 90 }, L2: { kind: 'min', value: 95 } });
    expect(by.get('3.1-NH')!.thresholds).toEqual({ L1: { kind: 'min', value: 95 }, L2: { kind: 'min', value: 97 } });
  });

  it('TT 24 province: 3.5 universities (QĐ 4740), 3.6 vocational schools', () => {
    const by = new Map(indicators(byCode.get('TT24-2023-DVHT-TINH')!).map((i) => [i.code, i]));
    expect(by.get('3.5')!.appliesTo).toEqual({ anyOf: ['university'] });
    expect(by.get('3.5')!.text.vi).toContain('4740');
    expect(by.get('3.6')!.appliesTo).toEqual({ anyOf: ['vocational_school'] });
  });

  it('TT 25/2023 commune: 5 criteria, the 15 indicators of the circular (5.2 entered as two shares), from 12/02/2024', () => {
    const d = byCode.get('TT25-2023-CDHT-XA')!;
    expect(d).toMatchObject({ effectiveFrom: '2024-02-12', validityMonths: 36, title: 'LEARNING_COMMUNITY', scope: { level: 'commune' } });
    expect(d.criteria.map((c) => c.indicators.length)).toEqual([3, 3, 3, 4, 3]);
    expect(indicators(d).filter((i) => !i.code.includes('-'))).toHaveLength(15);
    const by = new Map(indicators(d).map((i) => [i.code, i]));
    expect(by.get('5.1')!.derived).toEqual({ formula: 'share_residents_holding_title', params: { title: 'LEARNING_CITIZEN' } });
    expect(by.get('5.2')!.thresholds!.L1).toEqual({ kind: 'min', value: 50, variants: [{ when: 'disadvantaged_commune', value: 40 }] });
    expect(by.get('5.2')!.thresholds!.L2).toEqual({ kind: 'min', value: 60, variants: [{ when: 'disadvantaged_commune', value: 50 }] });
    expect(by.get('4.2')!.thresholds).toEqual({ L1: { kind: 'ordinal', value: 'MUC_2' }, L2: { kind: 'ordinal', value: 'MUC_3' } });
  });

  it('QĐ 324: four groups, 3 competencies × 10 indicators × 10 points, pass at 80 with none below 5, wording marked incomplete', () => {
    const groups = docs.filter((d) => d.title === 'LEARNING_CITIZEN');
    expect(groups.map((d) => d.scope.citizenGroups).sort()).toEqual([['learners'], ['officials'], ['residents'], ['workers']]);
    for (const d of groups) {
      expect(d.criteria.map((c) => c.indicators.length)).toEqual([4, 4, 2]);
      expect(d.points!.passRules).toEqual({ minTotal: 80, minEachIndicator: 5 });
      expect(d.points!.bands.map((b) => [b.code, b.min, b.passes])).toEqual([['DAT', 80, true], ['CHUA_DAT', 0, false]]);
      expect(d.source.status).toBe('partial');
      expect(indicators(d).every((i) => i.incomplete === true && i.max === 10)).toBe(true);
      expect(indicators(d).find((i) => i.code === '2')!.derived).toEqual({ formula: 'member_has_approved_plan', params: { pointsRule: 'max_if_true' } });
    }
  });

  it('QĐ 448: family, clan and hamlet sets, partial, with the collective shares derived', () => {
    for (const [code, title, formula] of [
      ['QD448-2015-GDHT', 'LEARNING_FAMILY', 'share_adults_holding_title'],
      ['QD448-2015-DHHT', 'LEARNING_CLAN', 'share_households_holding_title'],
      ['QD448-2015-CDHT-THON', 'LEARNING_COMMUNITY', 'share_households_holding_title'],
    ] as const) {
      const d = byCode.get(code)!;
      expect(d).toMatchObject({ title, engine: 'points', source: { status: 'partial' }, points: { max: 100 } });
      expect(indicators(d).some((i) => i.derived?.formula === formula), code).toBe(true);
      expect(indicators(d).some((i) => i.incomplete && i.guidance?.vi.includes('Nội dung cần được quản trị viên bổ sung') && i.guidance.en.includes('To be completed by the administrator')), code).toBe(true);
    }
    const gdht = byCode.get('QD448-2015-GDHT')!;
    expect(gdht.criteria[0]).toMatchObject({ max: 30 });
    expect(gdht.criteria[0].indicators.every((i) => !i.incomplete)).toBe(true);
  });
});
