/**
 * Planning a reorganisation, without a database: from a plan and the units it names, what is
 * created, moved, closed and linked, or the first rule it breaks (an AppError naming the field).
 * The service loads the input, authorises, then calls `planReorganisation`; preview and apply share it.
 */
import { AppError, invalid, ruleBroken } from '../../platform/errors.js';
import { isOpenOn, kindRuleError, nameFields, type KindRule } from './org-rules.js';
import type { OrgRow } from './org.repo.js';
import type { MergePlan, ReorgPlan, ReorgTransfer, SplitPlan, TransferPlan } from './reorganisation.js';

export type PlanUnit = Pick<OrgRow, 'id' | 'parentId' | 'path' | 'name' | 'nameSearch' | 'kindCode' | 'validFrom' | 'validTo'>;

export interface SiblingName {
  id: string;
  name: string;
  nameSearch: string;
}

export interface PlanInput {
  kinds: KindRule[];
  /** Every unit the plan names, the parents of transferred units and the open children of predecessors. */
  units: ReadonlyMap<string, PlanUnit>;
  /** Children open on the effective date of each merge or split predecessor, by parent id. */
  openChildren: ReadonlyMap<string, PlanUnit[]>;
  /** Children without an end date of each parent that receives units, by parent id ('' for the roots). */
  activeChildren: ReadonlyMap<string, SiblingName[]>;
  /** The id a unit to create gets (provisional in a preview). */
  newId(key: string): string;
}

export interface PlannedUnit {
  key: string;
  id: string;
  name: string;
  kindCode: string;
  code: string | null;
  parentId: string | null;
  /** Where the plan gave it, for errors: 'successor' or 'successors.<i>'. */
  field: string;
}

export interface PlannedMove {
  id: string;
  fromParentId: string;
  toParentId: string;
  newName: string | null;
}

export interface PlannedLink {
  predecessorId: string;
  successorId: string;
}

export interface ReorgEffects {
  creates: PlannedUnit[];
  moves: PlannedMove[];
  /** Units closed from the effective date, with their remaining open subtrees. */
  closes: string[];
  lineage: PlannedLink[];
  /** Records of each closing unit go to its successor (given to the participants). */
  transfers: ReorgTransfer[];
  /** The unit the reorganisation is filed under (its audit row). */
  mainOrgId: string;
}

/** Kinds merge and split with the kinds of their merge group (data: org-kinds.json), others only with themselves. */
export const kindFamily = (kindCode: string, kinds: KindRule[]) => kinds.find((k) => k.code === kindCode)?.mergeGroup ?? `kind:${kindCode}`;

/** The ids the plan names: each must exist and the actor must manage it. */
export function namedUnitIds(plan: ReorgPlan): string[] {
  switch (plan.kind) {
    case 'merge':
      return [...plan.predecessorIds, ...(plan.successor.type === 'new' ? [plan.successor.parentId] : [])].filter(isId);
    case 'split':
      return [plan.predecessorId, ...plan.successors.map((s) => (s.type === 'new' ? s.parentId : s.id))].filter(isId);
    case 'transfer':
      return [...plan.unitIds, plan.newParentId];
  }
}

/** Units whose open children move: the merge predecessors and the split predecessor. */
export function predecessorIdsWithChildren(plan: ReorgPlan): string[] {
  if (plan.kind === 'merge') return plan.predecessorIds.filter((id) => plan.successor.type === 'new' || id !== plan.successor.id);
  return plan.kind === 'split' ? [plan.predecessorId] : [];
}

/** Existing parents that receive units or new units (null: the roots), for the name check. */
export function receivingParentIds(plan: ReorgPlan): (string | null)[] {
  switch (plan.kind) {
    case 'merge':
      return [plan.successor.type === 'new' ? plan.successor.parentId : plan.successor.id];
    case 'split':
      return plan.successors.map((s) => (s.type === 'new' ? s.parentId : s.id));
    case 'transfer':
      return [plan.newParentId];
  }
}

/** Whether the plan creates a root (system administrators only). */
export const createsRoot = (plan: ReorgPlan) =>
  (plan.kind === 'merge' && plan.successor.type === 'new' && plan.successor.parentId === null) ||
  (plan.kind === 'split' && plan.successors.some((s) => s.type === 'new' && s.parentId === null));

export function planReorganisation(plan: ReorgPlan, input: PlanInput): ReorgEffects {
  const effects = plan.kind === 'merge' ? planMerge(plan, input) : plan.kind === 'split' ? planSplit(plan, input) : planTransfer(plan, input);
  const renamed = withRenames(effects, plan.renames ?? [], input);
  checkMoveKinds(renamed, input, moveField(plan));
  checkSiblingNames(renamed, input);
  return renamed;
}

// ── merge ───────────────────────────────────────────────────────────────────

function planMerge(plan: MergePlan, input: PlanInput): ReorgEffects {
  const preds = unitsOf(plan.predecessorIds, input, 'predecessorIds');
  preds.forEach((p) => requireOpen(p, plan.effectiveDate, 'predecessorIds'));
  requireNotNested(preds, 'predecessorIds');
  requireOneFamily(preds, input.kinds, 'predecessorIds');

  let successor: { id: string; kindCode: string };
  const creates: PlannedUnit[] = [];
  if (plan.successor.type === 'existing') {
    if (!plan.predecessorIds.includes(plan.successor.id)) {
      throw invalid('successor.id', 'Đơn vị tiếp nhận phải là một trong các đơn vị được hợp nhất.', 'The absorbing unit must be one of the units merged.');
    }
    successor = unitOf(plan.successor.id, input, 'successor.id');
  } else {
    const created = planNewUnit(plan.successor, 'successor', 'successor', preds, plan.effectiveDate, input);
    requireFamily(created, preds[0], input.kinds, 'successor.kindCode');
    creates.push(created);
    successor = created;
  }

  const closing = preds.filter((p) => p.id !== successor.id);
  return {
    creates,
    moves: closing.flatMap((p) => childrenOf(p, input).map((c) => ({ id: c.id, fromParentId: p.id, toParentId: successor.id, newName: null }))),
    closes: closing.map((p) => p.id),
    lineage: closing.map((p) => ({ predecessorId: p.id, successorId: successor.id })),
    transfers: closing.map((p) => ({ fromOrgId: p.id, toOrgId: successor.id })),
    mainOrgId: successor.id,
  };
}

// ── split ───────────────────────────────────────────────────────────────────

function planSplit(plan: SplitPlan, input: PlanInput): ReorgEffects {
  const pred = unitOf(plan.predecessorId, input, 'predecessorId');
  requireOpen(pred, plan.effectiveDate, 'predecessorId');
  requireDistinct(plan.successors.map((s) => s.key), 'successors', (key) => key);

  const creates: PlannedUnit[] = [];
  const byKey = new Map<string, { id: string; kindCode: string }>();
  plan.successors.forEach((s, i) => {
    const field = `successors.${i}`;
    let target: { id: string; kindCode: string; name: string };
    if (s.type === 'new') {
      const created = planNewUnit(s, s.key, field, [pred], plan.effectiveDate, input);
      creates.push(created);
      target = created;
    } else {
      const existing = unitOf(s.id, input, `${field}.id`);
      requireOpen(existing, plan.effectiveDate, `${field}.id`);
      if (existing.path.startsWith(pred.path)) throw successorInside(pred, `${field}.id`);
      target = existing;
    }
    requireFamily(target, pred, input.kinds, `${field}.kindCode`);
    byKey.set(s.key, target);
  });
  requireDistinct([...byKey.values()].map((t) => t.id), 'successors', (id) => input.units.get(id)?.name ?? id);
  if (!byKey.has(plan.ownRecordsTo)) {
    throw invalid('ownRecordsTo', `"${plan.ownRecordsTo}" không phải là một đơn vị mới của kế hoạch.`, `"${plan.ownRecordsTo}" is not one of the plan's successors.`);
  }

  const assigned = assignmentsOf(plan, childrenOf(pred, input), byKey);
  return {
    creates,
    moves: assigned.map(({ child, to }) => ({ id: child.id, fromParentId: pred.id, toParentId: to, newName: null })),
    closes: [pred.id],
    lineage: [...byKey.values()].map((t) => ({ predecessorId: pred.id, successorId: t.id })),
    transfers: [{ fromOrgId: pred.id, toOrgId: byKey.get(plan.ownRecordsTo)!.id }],
    mainOrgId: pred.id,
  };
}

/** Every open child of the predecessor assigned to exactly one successor. */
function assignmentsOf(plan: SplitPlan, children: PlanUnit[], byKey: Map<string, { id: string }>) {
  const childById = new Map(children.map((c) => [c.id, c]));
  const targetOf = new Map<string, string>();
  for (const a of plan.assignments) {
    if (!childById.has(a.childId)) {
      throw invalid('assignments', 'Có đơn vị được phân công không phải là đơn vị trực thuộc đang hoạt động của đơn vị được chia.', 'An assigned unit is not an open child of the unit split.');
    }
    if (targetOf.has(a.childId)) {
      throw invalid('assignments', `"${childById.get(a.childId)!.name}" được phân công nhiều lần.`, `"${childById.get(a.childId)!.name}" is assigned more than once.`);
    }
    const to = byKey.get(a.to);
    if (!to) throw invalid('assignments', `"${a.to}" không phải là một đơn vị mới của kế hoạch.`, `"${a.to}" is not one of the plan's successors.`);
    targetOf.set(a.childId, to.id);
  }
  const missing = children.filter((c) => !targetOf.has(c.id));
  if (missing.length) {
    const names = missing.slice(0, 5).map((c) => `"${c.name}"`).join(', ') + (missing.length > 5 ? ', …' : '');
    throw new AppError(
      400,
      'INVALID_INPUT',
      { vi: `Chưa chọn đơn vị mới cho ${missing.length} đơn vị trực thuộc: ${names}.`, en: `${missing.length} child unit(s) have no successor assigned: ${names}.` },
      'assignments',
      { missing: missing.map((c) => c.id) },
    );
  }
  return children.map((child) => ({ child, to: targetOf.get(child.id)! }));
}

// ── transfer ────────────────────────────────────────────────────────────────

function planTransfer(plan: TransferPlan, input: PlanInput): ReorgEffects {
  const units = unitsOf(plan.unitIds, input, 'unitIds');
  const target = unitOf(plan.newParentId, input, 'newParentId');
  requireOpen(target, plan.effectiveDate, 'newParentId');
  for (const u of units) {
    requireOpen(u, plan.effectiveDate, 'unitIds');
    if (!u.parentId) throw ruleBroken('ROOT_CANNOT_MOVE', `Không thể chuyển tổ chức gốc "${u.name}".`, `The root organisation "${u.name}" cannot be moved.`, 'unitIds');
    if (u.parentId === target.id) throw ruleBroken('ALREADY_UNDER_PARENT', `"${u.name}" đã trực thuộc "${target.name}".`, `"${u.name}" is already under "${target.name}".`, 'unitIds');
    if (target.path.startsWith(u.path)) {
      throw ruleBroken('MOVE_INTO_OWN_SUBTREE', 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.', 'A unit cannot be moved under itself or its own subunits.', 'newParentId');
    }
  }
  requireNotNested(units, 'unitIds');

  const oldParents = plan.dissolveOldParents ? unitsOf([...new Set(units.map((u) => u.parentId!))], input, 'unitIds') : [];
  for (const p of oldParents) {
    requireOpen(p, plan.effectiveDate, 'dissolveOldParents');
    if (target.path.startsWith(p.path)) {
      throw ruleBroken('DISSOLVE_CLOSES_TARGET', `Giải thể "${p.name}" sẽ đóng cả "${target.name}".`, `Dissolving "${p.name}" would close "${target.name}" too.`, 'dissolveOldParents');
    }
  }
  return {
    creates: [],
    moves: units.map((u) => ({ id: u.id, fromParentId: u.parentId!, toParentId: target.id, newName: null })),
    closes: oldParents.map((p) => p.id),
    lineage: [...units.map((u) => ({ predecessorId: u.id, successorId: u.id })), ...oldParents.map((p) => ({ predecessorId: p.id, successorId: target.id }))],
    transfers: oldParents.map((p) => ({ fromOrgId: p.id, toOrgId: target.id })),
    mainOrgId: target.id,
  };
}

// ── checks shared by the three ──────────────────────────────────────────────

const moveField = (plan: ReorgPlan) => (plan.kind === 'merge' ? 'successor' : plan.kind === 'split' ? 'assignments' : 'newParentId');

function withRenames(effects: ReorgEffects, renames: { orgId: string; name: string }[], input: PlanInput): ReorgEffects {
  const byId = new Map<string, string>();
  for (const r of renames) {
    if (byId.has(r.orgId)) throw invalid('renames', 'Một đơn vị được đổi tên nhiều lần.', 'A unit is renamed more than once.');
    if (!effects.moves.some((m) => m.id === r.orgId)) {
      const name = input.units.get(r.orgId)?.name;
      throw invalid('renames', `Chỉ đổi tên được đơn vị được chuyển${name ? `; "${name}" không được chuyển` : ''}.`, `Only units that move can be renamed${name ? `; "${name}" does not move` : ''}.`);
    }
    byId.set(r.orgId, nameFields(r.name).name);
  }
  return { ...effects, moves: effects.moves.map((m) => ({ ...m, newName: byId.get(m.id) ?? null })) };
}

function checkMoveKinds(effects: ReorgEffects, input: PlanInput, field: string) {
  const kindOf = (id: string) => input.units.get(id)?.kindCode ?? effects.creates.find((c) => c.id === id)!.kindCode;
  for (const m of effects.moves) {
    const unit = input.units.get(m.id)!;
    const problem = kindRuleError(input.kinds, unit.kindCode, kindOf(m.toParentId), field, unit.name);
    if (problem) throw problem;
  }
}

/** After the change, no two units without an end date may share a name under one parent. */
function checkSiblingNames(effects: ReorgEffects, input: PlanInput) {
  const leaving = new Set([...effects.moves.map((m) => m.id), ...effects.closes]);
  const arrivals = new Map<string, { nameSearch: string; name: string; field: string; orgId: string }[]>();
  const arrive = (parentId: string | null, orgId: string, name: string, field: string) => {
    const key = parentId ?? '';
    arrivals.set(key, [...(arrivals.get(key) ?? []), { nameSearch: nameFields(name).nameSearch, name, field, orgId }]);
  };
  const nameOf = (id: string) => input.units.get(id)?.name ?? effects.creates.find((c) => c.id === id)?.name;
  effects.creates.forEach((c) => arrive(c.parentId, c.id, c.name, `${c.field}.name`));
  effects.moves.forEach((m) => arrive(m.toParentId, m.id, m.newName ?? input.units.get(m.id)!.name, 'renames'));

  for (const [parentId, incoming] of arrivals) {
    const seen = new Map((input.activeChildren.get(parentId) ?? []).filter((s) => !leaving.has(s.id)).map((s) => [s.nameSearch, s.name]));
    const under = parentId ? nameOf(parentId) : undefined;
    for (const a of incoming) {
      if (seen.has(a.nameSearch)) {
        throw new AppError(
          409,
          'ORG_NAME_TAKEN',
          under
            ? { vi: `"${under}" sẽ có hai đơn vị tên "${a.name}"; hãy đổi tên một đơn vị.`, en: `"${under}" would have two units named "${a.name}"; rename one of them.` }
            : { vi: `Đã có đơn vị gốc tên "${a.name}".`, en: `A top-level unit named "${a.name}" already exists.` },
          a.field,
          // The unit that arrives (moved or created) with the name that clashes, for the form to point at.
          { name: a.name, orgId: a.orgId },
        );
      }
      seen.set(a.nameSearch, a.name);
    }
  }
}

function planNewUnit(
  spec: { name: string; kindCode: string; code?: string | null; parentId: string | null },
  key: string,
  field: string,
  closing: PlanUnit[],
  effectiveDate: string,
  input: PlanInput,
): PlannedUnit {
  const parent = spec.parentId === null ? null : unitOf(spec.parentId, input, `${field}.parentId`);
  if (parent) {
    requireOpen(parent, effectiveDate, `${field}.parentId`);
    const inside = closing.find((p) => parent.path.startsWith(p.path));
    if (inside) throw successorInside(inside, `${field}.parentId`);
  }
  const problem = kindRuleError(input.kinds, spec.kindCode, parent?.kindCode ?? null, `${field}.kindCode`);
  if (problem) throw problem;
  return { key, id: input.newId(key), name: nameFields(spec.name).name, kindCode: spec.kindCode, code: spec.code ?? null, parentId: parent?.id ?? null, field };
}

function unitOf(id: string, input: PlanInput, field: string): PlanUnit {
  const unit = input.units.get(id);
  if (!unit) throw invalid(field, 'Không tìm thấy đơn vị.', 'Unit not found.');
  return unit;
}

function unitsOf(ids: string[], input: PlanInput, field: string): PlanUnit[] {
  requireDistinct(ids, field, (id) => input.units.get(id)?.name ?? id);
  return ids.map((id) => unitOf(id, input, field));
}

const childrenOf = (unit: PlanUnit, input: PlanInput) => input.openChildren.get(unit.id) ?? [];

function requireDistinct(values: string[], field: string, label: (v: string) => string) {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw invalid(field, `"${label(v)}" được nêu nhiều lần.`, `"${label(v)}" is listed more than once.`);
    seen.add(v);
  }
}

function requireOpen(unit: PlanUnit, day: string, field: string) {
  if (!isOpenOn(unit, day)) {
    throw ruleBroken('NOT_OPEN_ON_DATE', `"${unit.name}" không hoạt động vào ngày hiệu lực ${day}.`, `"${unit.name}" is not open on the effective date ${day}.`, field);
  }
}

/** No unit may be listed together with one of its own ancestors. */
function requireNotNested(units: PlanUnit[], field: string) {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    const ancestor = u.path
      .split('/')
      .filter((id) => id && id !== u.id)
      .find((id) => byId.has(id));
    if (ancestor) {
      const a = byId.get(ancestor)!;
      throw ruleBroken('NESTED_UNITS', `"${u.name}" nằm trong "${a.name}": chỉ nêu một trong hai.`, `"${u.name}" is inside "${a.name}": list only one of them.`, field);
    }
  }
}

function requireOneFamily(units: PlanUnit[], kinds: KindRule[], field: string) {
  for (const u of units.slice(1)) requireFamily(u, units[0], kinds, field);
}

function requireFamily(unit: { kindCode: string; name: string }, like: { kindCode: string; name: string }, kinds: KindRule[], field: string) {
  if (kindFamily(unit.kindCode, kinds) === kindFamily(like.kindCode, kinds)) return;
  const label = (code: string) => kinds.find((k) => k.code === code) ?? { nameVi: code, nameEn: code };
  const [a, b] = [label(unit.kindCode), label(like.kindCode)];
  throw ruleBroken(
    'KIND_FAMILY_MISMATCH',
    `"${unit.name}" (${a.nameVi}) và "${like.name}" (${b.nameVi}) không cùng cấp.`,
    `"${unit.name}" (${a.nameEn}) and "${like.name}" (${b.nameEn}) are not of the same level.`,
    field,
  );
}

const successorInside = (pred: PlanUnit, field: string) =>
  ruleBroken(
    'SUCCESSOR_INSIDE_PREDECESSOR',
    `Đơn vị tiếp nhận không thể nằm trong "${pred.name}", đơn vị sẽ ngừng hoạt động.`,
    `The successor cannot stand inside "${pred.name}", which closes.`,
    field,
  );

const isId = (id: string | null): id is string => id !== null;
