import { describe, expect, it } from 'vitest';
import { searchKey } from '../../../shared/vn-text.js';
import type { AppError } from '../../platform/errors.js';
import builtInKinds from './org-kinds.json' with { type: 'json' };
import type { KindRule } from './org-rules.js';
import { kindFamily, namedUnitIds, planReorganisation, receivingParentIds, type PlanUnit } from './reorganisation-plan.js';
import type { ReorgPlan } from './reorganisation.js';

const DAY = '2025-07-01';

function unit(id: string, parent: PlanUnit | null, name: string, kindCode: string, validTo: string | null = null): PlanUnit {
  return { id, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, name, nameSearch: searchKey(name), kindCode, validFrom: null, validTo };
}

/** Province P; district D (a root) with communes A, B, C and their hamlets; agency G with nested departments. */
function tree(overrides: Partial<Record<string, Partial<PlanUnit>>> = {}) {
  const P = unit('P', null, 'Tỉnh An Giang', 'province');
  const E = unit('E', P, 'Xã Mỹ Đức', 'commune');
  const D = unit('D', null, 'Huyện Giang Thành', 'district');
  const A = unit('A', D, 'Xã Phú Lợi', 'commune');
  const B = unit('B', D, 'Xã Phú Mỹ', 'commune');
  const C = unit('C', D, 'Xã Tân Khánh Hòa', 'commune');
  const W = unit('W', D, 'Thị trấn Giang Thành', 'ward');
  const N = unit('N', D, 'Phòng Nội vụ', 'department');
  const a1 = unit('a1', A, 'Ấp Phú Hòa', 'hamlet');
  const a2 = unit('a2', A, 'Ấp Một', 'hamlet');
  const b1 = unit('b1', B, 'Ấp Mỹ Lợi', 'hamlet');
  const c1 = unit('c1', C, 'Ấp Khánh Tân', 'hamlet');
  const G = unit('G', null, 'Sở Tư pháp', 'agency');
  const X = unit('X', G, 'Phòng X', 'department');
  const Y = unit('Y', X, 'Tổ Y', 'department');
  const Z = unit('Z', X, 'Tổ Z', 'department');
  const all = [P, E, D, A, B, C, W, N, a1, a2, b1, c1, G, X, Y, Z].map((u) => ({ ...u, ...overrides[u.id] }));
  return Object.fromEntries(all.map((u) => [u.id, u])) as Record<string, PlanUnit>;
}

function inputFor(units: Record<string, PlanUnit>) {
  const all = Object.values(units);
  const byParent = (open: (u: PlanUnit) => boolean) => {
    const m = new Map<string, PlanUnit[]>();
    for (const u of all.filter(open)) m.set(u.parentId ?? '', [...(m.get(u.parentId ?? '') ?? []), u]);
    return m;
  };
  return {
    kinds: builtInKinds.kinds,
    units: new Map(all.map((u) => [u.id, u])),
    openChildren: byParent((u) => u.validTo === null || u.validTo > DAY),
    activeChildren: byParent((u) => u.validTo === null),
    newId: (key: string) => `new-${key}`,
  };
}

const common = { effectiveDate: DAY, decisionRef: 'Nghị quyết 1654/NQ-UBTVQH15' };
const merge = (extra: Partial<Extract<ReorgPlan, { kind: 'merge' }>> = {}): ReorgPlan => ({
  kind: 'merge',
  predecessorIds: ['A', 'B', 'C'],
  successor: { type: 'new', name: 'Xã Giang Thành', kindCode: 'commune', parentId: 'P' },
  ...common,
  ...extra,
});
const split = (extra: Partial<Extract<ReorgPlan, { kind: 'split' }>> = {}): ReorgPlan => ({
  kind: 'split',
  predecessorId: 'A',
  successors: [
    { type: 'new', key: 'bac', name: 'Xã Phú Lợi Bắc', kindCode: 'commune', parentId: 'P' },
    { type: 'existing', key: 'my-duc', id: 'E' },
  ],
  assignments: [
    { childId: 'a1', to: 'bac' },
    { childId: 'a2', to: 'my-duc' },
  ],
  ownRecordsTo: 'bac',
  ...common,
  ...extra,
});
const transfer = (extra: Partial<Extract<ReorgPlan, { kind: 'transfer' }>> = {}): ReorgPlan => ({
  kind: 'transfer',
  unitIds: ['A', 'B'],
  newParentId: 'P',
  ...common,
  ...extra,
});

function failure(plan: ReorgPlan, units = tree()): AppError {
  try {
    planReorganisation(plan, inputFor(units));
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the plan to be refused');
}

describe('merge', () => {
  it('into a new unit: the open children move, the predecessors close and link to it', () => {
    const effects = planReorganisation(merge(), inputFor(tree()));
    expect(effects.creates).toEqual([{ key: 'successor', id: 'new-successor', name: 'Xã Giang Thành', kindCode: 'commune', code: null, parentId: 'P', field: 'successor' }]);
    expect(effects.moves.map((m) => [m.id, m.fromParentId, m.toParentId])).toEqual([
      ['a1', 'A', 'new-successor'],
      ['a2', 'A', 'new-successor'],
      ['b1', 'B', 'new-successor'],
      ['c1', 'C', 'new-successor'],
    ]);
    expect(effects.closes).toEqual(['A', 'B', 'C']);
    expect(effects.lineage).toEqual(['A', 'B', 'C'].map((id) => ({ predecessorId: id, successorId: 'new-successor' })));
    expect(effects.transfers).toEqual(['A', 'B', 'C'].map((id) => ({ fromOrgId: id, toOrgId: 'new-successor' })));
    expect(effects.mainOrgId).toBe('new-successor');
  });

  it('absorbing: the successor stays open and keeps its children', () => {
    const effects = planReorganisation(merge({ successor: { type: 'existing', id: 'A' } }), inputFor(tree()));
    expect(effects.creates).toEqual([]);
    expect(effects.moves.map((m) => m.id)).toEqual(['b1', 'c1']);
    expect(effects.closes).toEqual(['B', 'C']);
    expect(effects.lineage).toEqual([
      { predecessorId: 'B', successorId: 'A' },
      { predecessorId: 'C', successorId: 'A' },
    ]);
    expect(failure(merge({ successor: { type: 'existing', id: 'E' } })).field).toBe('successor.id');
  });

  it('leaves closed children where they are', () => {
    const effects = planReorganisation(merge(), inputFor(tree({ a2: { validTo: '2024-01-01' } })));
    expect(effects.moves.map((m) => m.id)).not.toContain('a2');
  });

  it('lets communes and wards merge, not communes and districts or departments', () => {
    const kinds: KindRule[] = builtInKinds.kinds;
    expect(kindFamily('ward', kinds)).toBe(kindFamily('commune', kinds));
    expect(kindFamily('district', kinds)).not.toBe(kindFamily('commune', kinds));
    expect(planReorganisation(merge({ predecessorIds: ['A', 'W'] }), inputFor(tree())).closes).toEqual(['A', 'W']);
    expect(failure(merge({ predecessorIds: ['A', 'N'] }))).toMatchObject({ code: 'KIND_FAMILY_MISMATCH', field: 'predecessorIds' });
    const asDistrict = merge({ successor: { type: 'new', name: 'Huyện Mới', kindCode: 'district', parentId: 'P' } });
    expect(failure(asDistrict)).toMatchObject({ code: 'KIND_FAMILY_MISMATCH', field: 'successor.kindCode' });
  });

  it('refuses a name taken at the target level, but not one given up by a unit that closes', () => {
    const taken = merge({ successor: { type: 'new', name: 'xã mỹ đức', kindCode: 'commune', parentId: 'P' } });
    expect(failure(taken)).toMatchObject({ status: 409, code: 'ORG_NAME_TAKEN', field: 'successor.name' });
    const reused = merge({ successor: { type: 'new', name: 'Xã Phú Lợi', kindCode: 'commune', parentId: 'D' } });
    expect(planReorganisation(reused, inputFor(tree())).creates[0].name).toBe('Xã Phú Lợi');
  });

  it('refuses two moved children with one name unless one is renamed', () => {
    const units = tree({ b1: { name: 'Ấp Một', nameSearch: searchKey('Ấp Một') } });
    expect(failure(merge(), units)).toMatchObject({ code: 'ORG_NAME_TAKEN', field: 'renames', extra: { orgId: 'b1' } });
    const effects = planReorganisation(merge({ renames: [{ orgId: 'b1', name: 'Ấp Một B' }] }), inputFor(units));
    expect(effects.moves.find((m) => m.id === 'b1')!.newName).toBe('Ấp Một B');
    expect(failure(merge({ renames: [{ orgId: 'E', name: 'X' }] })).field).toBe('renames');
  });

  it('refuses a unit listed twice, nested units, and units closed on the date', () => {
    expect(failure(merge({ predecessorIds: ['A', 'A'] }))).toMatchObject({ status: 400, field: 'predecessorIds' });
    expect(failure(merge({ predecessorIds: ['D', 'A'] }))).toMatchObject({ code: 'NESTED_UNITS' });
    expect(failure(merge(), tree({ B: { validTo: DAY } }))).toMatchObject({ code: 'NOT_OPEN_ON_DATE', field: 'predecessorIds' });
    expect(planReorganisation(merge(), inputFor(tree({ B: { validTo: '2025-07-02' } }))).closes).toContain('B');
  });

  it('refuses a new unit inside a unit that closes', () => {
    const inside = merge({ successor: { type: 'new', name: 'Xã Trong', kindCode: 'commune', parentId: 'a1' } });
    expect(failure(inside)).toMatchObject({ code: 'SUCCESSOR_INSIDE_PREDECESSOR', field: 'successor.parentId' });
  });
});

describe('split', () => {
  it('moves each child to its assigned successor; the predecessor links to all of them', () => {
    const effects = planReorganisation(split(), inputFor(tree()));
    expect(effects.creates.map((c) => c.id)).toEqual(['new-bac']);
    expect(effects.moves.map((m) => [m.id, m.toParentId])).toEqual([
      ['a1', 'new-bac'],
      ['a2', 'E'],
    ]);
    expect(effects.closes).toEqual(['A']);
    expect(effects.lineage).toEqual([
      { predecessorId: 'A', successorId: 'new-bac' },
      { predecessorId: 'A', successorId: 'E' },
    ]);
    expect(effects.transfers).toEqual([{ fromOrgId: 'A', toOrgId: 'new-bac' }]);
  });

  it('names every child left without a successor', () => {
    const err = failure(split({ assignments: [{ childId: 'a1', to: 'bac' }] }));
    expect(err).toMatchObject({ status: 400, field: 'assignments', extra: { missing: ['a2'] } });
    expect(err.messages.vi).toContain('Ấp Một');
  });

  it('refuses unknown children and keys, and records sent to no successor', () => {
    expect(failure(split({ assignments: [{ childId: 'b1', to: 'bac' }] })).field).toBe('assignments');
    expect(failure(split({ assignments: [{ childId: 'a1', to: 'nam' }, { childId: 'a2', to: 'bac' }] })).field).toBe('assignments');
    expect(failure(split({ ownRecordsTo: 'nam' })).field).toBe('ownRecordsTo');
    const same = split({ successors: [{ type: 'existing', key: 'x', id: 'E' }, { type: 'existing', key: 'y', id: 'E' }] });
    expect(failure(same).field).toBe('successors');
    const intoChild = split({ successors: [{ type: 'existing', key: 'bac', id: 'a1' }, { type: 'existing', key: 'my-duc', id: 'E' }] });
    expect(failure(intoChild)).toMatchObject({ code: 'SUCCESSOR_INSIDE_PREDECESSOR', field: 'successors.0.id' });
  });
});

describe('transfer', () => {
  it('moves units under the new parent; dissolving closes the old parent and links it to the new one', () => {
    const kept = planReorganisation(transfer(), inputFor(tree()));
    expect(kept.moves.map((m) => [m.id, m.fromParentId, m.toParentId])).toEqual([
      ['A', 'D', 'P'],
      ['B', 'D', 'P'],
    ]);
    expect(kept.closes).toEqual([]);
    expect(kept.transfers).toEqual([]);
    // each transferred unit is linked to itself: the reorganisation is on its record
    expect(kept.lineage).toEqual([
      { predecessorId: 'A', successorId: 'A' },
      { predecessorId: 'B', successorId: 'B' },
    ]);
    const dissolved = planReorganisation(transfer({ dissolveOldParents: true }), inputFor(tree()));
    expect(dissolved.closes).toEqual(['D']);
    expect(dissolved.lineage).toContainEqual({ predecessorId: 'D', successorId: 'P' });
    expect(dissolved.transfers).toEqual([{ fromOrgId: 'D', toOrgId: 'P' }]);
  });

  it('refuses roots, units already there, cycles, kinds that cannot stand there, and closing the target', () => {
    expect(failure(transfer({ unitIds: ['D'] }))).toMatchObject({ code: 'ROOT_CANNOT_MOVE', field: 'unitIds' });
    expect(failure(transfer({ unitIds: ['E'] }))).toMatchObject({ code: 'ALREADY_UNDER_PARENT' });
    expect(failure(transfer({ unitIds: ['A'], newParentId: 'a1' }))).toMatchObject({ code: 'MOVE_INTO_OWN_SUBTREE', field: 'newParentId' });
    const hamlet = failure(transfer({ unitIds: ['a1'] }));
    expect(hamlet).toMatchObject({ code: 'KIND_NOT_ALLOWED_UNDER_PARENT', field: 'newParentId' });
    expect(hamlet.messages.vi).toContain('Ấp Phú Hòa');
    expect(failure(transfer({ unitIds: ['Y'], newParentId: 'Z', dissolveOldParents: true }))).toMatchObject({ code: 'DISSOLVE_CLOSES_TARGET' });
    expect(failure(transfer({ unitIds: ['A', 'a1'] }))).toMatchObject({ code: 'NESTED_UNITS' });
  });
});

describe('what the service loads', () => {
  it('names the units to authorise and the parents whose names matter', () => {
    expect(namedUnitIds(merge())).toEqual(['A', 'B', 'C', 'P']);
    expect(namedUnitIds(split())).toEqual(['A', 'P', 'E']);
    expect(namedUnitIds(transfer())).toEqual(['A', 'B', 'P']);
    expect(receivingParentIds(merge({ successor: { type: 'new', name: 'Tỉnh Mới', kindCode: 'province', parentId: null } }))).toEqual([null]);
    expect(receivingParentIds(split())).toEqual(['P', 'E']);
  });
});
