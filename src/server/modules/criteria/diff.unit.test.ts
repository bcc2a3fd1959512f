import { describe, expect, it } from 'vitest';
import type { CriteriaSetDocument } from '../../../shared/criteria.js';
import { dateFor, resolveCalendar, type CalendarDefault } from './calendar.js';
import { canonicalJson, checksumOf, formatPath, validateDocument } from './criteria.schemas.js';
import { diffDocuments } from './diff.js';

const bi = (vi: string) => ({ vi, en: vi });

/** A small points set in the shape of TT 22/2020 (two criteria). */
function pointsDoc(): CriteriaSetDocument {
  return {
    code: 'UNIT-POINTS',
    name: bi('Đơn vị học tập (thử)'),
    title: 'LEARNING_UNIT',
    scope: { description: bi('Thử') },
    source: { document: 'Thông tư 22/2020/TT-BGDĐT', status: 'confirmed' },
    effectiveFrom: '2020-10-01',
    engine: 'points',
    points: { max: 30, bands: [{ code: 'TOT', name: bi('Tốt'), min: 25, passes: true }, { code: 'CHUA', name: bi('Chưa đạt'), min: 0, passes: false }], passRules: {} },
    criteria: [
      {
        code: '1',
        name: bi('Điều kiện'),
        max: 20,
        indicators: [
          { code: '1a', text: bi('Kế hoạch'), valueType: 'points', max: 10, evidenceRequired: false },
          { code: '1b', text: bi('Quy định'), valueType: 'points', max: 10, evidenceRequired: false },
        ],
      },
      { code: '2', name: bi('Kết quả'), max: 10, indicators: [{ code: '2a', text: bi('Tự học'), valueType: 'points', max: 10, evidenceRequired: false }] },
    ],
  };
}

function levelsDoc(): CriteriaSetDocument {
  return {
    code: 'UNIT-LEVELS',
    name: bi('Đơn vị học tập mức độ'),
    title: 'LEARNING_UNIT',
    scope: { description: bi('Thử') },
    source: { document: 'Thông tư 24/2023/TT-BGDĐT', status: 'confirmed' },
    effectiveFrom: '2024-01-26',
    engine: 'levels',
    levels: [{ code: 'L1', name: bi('Mức độ 1') }, { code: 'L2', name: bi('Mức độ 2') }],
    criteria: [
      {
        code: '2',
        name: bi('Kết quả'),
        indicators: [{ code: '2.1', text: bi('Kỷ luật'), valueType: 'percent', thresholds: { L1: { kind: 'min', value: 90 }, L2: { kind: 'min', value: 95 } }, evidenceRequired: true }],
      },
    ],
  };
}

describe('validateDocument', () => {
  it('accepts a consistent points set and a levels set', () => {
    expect(validateDocument(pointsDoc())).toMatchObject({ ok: true });
    expect(validateDocument(levelsDoc())).toMatchObject({ ok: true });
  });

  it('names the path of a shape error, e.g. criteria[1].indicators[0].max', () => {
    const doc = pointsDoc() as any;
    doc.criteria[1].indicators[0].max = -5;
    const r = validateDocument(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].path).toBe('criteria[1].indicators[0].max');
      expect(r.issues[0].message.vi).toMatch(/lớn hơn 0/);
    }
  });

  it('finds maxima that do not add up, unknown levels and duplicate codes', () => {
    const doc = pointsDoc();
    doc.criteria[0].indicators[0].max = 15;
    const r = validateDocument(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['criteria[0].max']);

    const levels = levelsDoc();
    levels.criteria[0].indicators[0].thresholds = { L3: { kind: 'yes' } };
    levels.criteria[0].indicators.push({ ...levels.criteria[0].indicators[0], thresholds: { L1: { kind: 'yes' } } });
    const r2 = validateDocument(levels);
    if (r2.ok) throw new Error('expected issues');
    expect(r2.issues.map((i) => i.path)).toEqual(['criteria[0].indicators[0].code', 'criteria[0].indicators[1].code', 'criteria[0].indicators[0].thresholds.L3']);
  });

  it('asks a points set for its bands and a levels set for its levels', () => {
    const doc = pointsDoc();
    delete doc.points;
    const r = validateDocument(doc);
    expect(!r.ok && r.issues[0].path).toBe('points');
  });
});

describe('canonical form', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":2,"y":1}]},"b":1}');
    expect(checksumOf({ a: 1, b: 2 })).toBe(checksumOf({ b: 2, a: 1 }));
    expect(formatPath(['criteria', 1, 'indicators', 0, 'max'])).toBe('criteria[1].indicators[0].max');
  });
});

describe('diffDocuments', () => {
  it('is empty for the same document', () => {
    expect(diffDocuments(pointsDoc(), pointsDoc())).toEqual([]);
  });

  it('matches indicators by code, not position', () => {
    const after = pointsDoc();
    after.criteria[0].indicators.reverse();
    expect(diffDocuments(pointsDoc(), after)).toEqual([]);
  });

  it('lists changed fields, added and removed criteria and indicators', () => {
    const after = pointsDoc();
    after.name = bi('Đơn vị học tập (sửa)');
    after.points!.max = 35;
    after.criteria[0].indicators[0].max = 15;
    after.criteria[0].max = 25;
    after.criteria[1].indicators = [{ code: '2b', text: bi('Mới'), valueType: 'points', max: 10, evidenceRequired: false }];
    after.criteria.push({ code: '3', name: bi('Tác dụng'), indicators: [{ code: '3a', text: bi('x'), valueType: 'points', max: 5, evidenceRequired: false }] });
    const changes = diffDocuments(pointsDoc(), after);
    expect(changes).toEqual([
      { path: 'name', kind: 'changed', field: 'name', before: bi('Đơn vị học tập (thử)'), after: bi('Đơn vị học tập (sửa)') },
      { path: 'points.max', kind: 'changed', field: 'max', before: 30, after: 35 },
      { path: 'criteria.1.max', kind: 'changed', criterion: '1', field: 'max', before: 20, after: 25 },
      { path: 'criteria.1.indicators.1a.max', kind: 'changed', criterion: '1', indicator: '1a', field: 'max', before: 10, after: 15 },
      expect.objectContaining({ path: 'criteria.2.indicators.2a', kind: 'removed', criterion: '2', indicator: '2a' }),
      expect.objectContaining({ path: 'criteria.2.indicators.2b', kind: 'added', criterion: '2', indicator: '2b' }),
      expect.objectContaining({ path: 'criteria.3', kind: 'added', criterion: '3' }),
    ]);
  });

  it('sees a changed threshold of one level', () => {
    const after = levelsDoc();
    after.criteria[0].indicators[0].thresholds!.L2 = { kind: 'min', value: 97 };
    expect(diffDocuments(levelsDoc(), after)).toEqual([
      { path: 'criteria.2.indicators.2.1.thresholds', kind: 'changed', criterion: '2', indicator: '2.1', field: 'thresholds', before: levelsDoc().criteria[0].indicators[0].thresholds, after: after.criteria[0].indicators[0].thresholds },
    ]);
  });
});

describe('calendar', () => {
  const defaults: CalendarDefault[] = [
    { key: 'unit.dossier', step: 'dossier', month: 1, day: 15, yearOffset: 1, label: bi('Nộp hồ sơ'), source: 'TT 24/2023', status: 'confirmed' },
    { key: 'citizen.registration', step: 'registration', month: 2, day: 29, yearOffset: 0, label: bi('Đăng ký'), source: 'local', status: 'local' },
  ];
  const override = (depth: number, day: number, orgName: string) => ({ orgId: `o${depth}`, orgName, depth, key: 'unit.dossier', month: 1, day, yearOffset: 1, label: 'Nộp hồ sơ', source: null });

  it('takes the nearest organisation’s date, else the default', () => {
    const entries = resolveCalendar(defaults, [override(2, 20, 'Phòng'), override(0, 10, 'Sở')]);
    expect(entries[0]).toMatchObject({ key: 'unit.dossier', day: 20, setBy: { orgName: 'Phòng' }, default: { day: 15 } });
    expect(entries[1]).toMatchObject({ key: 'citizen.registration', day: 29, setBy: null });
  });

  it('dates the next year with yearOffset and keeps 29/02 within the month', () => {
    expect(dateFor(defaults[0], 2024)).toBe('2025-01-15');
    expect(dateFor(defaults[1], 2023)).toBe('2023-02-28');
    expect(dateFor(defaults[1], 2024)).toBe('2024-02-29');
  });
});
