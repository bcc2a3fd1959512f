import type { Dayjs } from 'dayjs';
import { API_DATE_FORMAT } from '../../components/dates';
import type { OrgOption } from '../org/OrgTreeSelect';
import type { ReorgKind, ReorgPlan, UnitSpec } from './reorgApi';

/**
 * The reorganisation form. Its field names are the plan's (docs/api.md), so an error the server
 * names by field ("successor.name", "successors.1.parentId", "assignments") lands under that field;
 * units are held as picked options ({ value: id, label: name }) and become ids in `toPlan`.
 */

/** A unit the plan creates, or (type 'existing') one that takes the others in. */
export interface UnitValues {
  type: 'new' | 'existing';
  name?: string;
  kindCode?: string;
  code?: string;
  parentId?: OrgOption;
  id?: OrgOption;
}

export interface SplitSuccessorValues extends UnitValues {
  /** Names the successor within the plan (assignments and ownRecordsTo refer to it). */
  key: string;
}

export interface ReorgFormValues {
  kind: ReorgKind;
  // merge
  predecessorIds?: OrgOption[];
  successor?: UnitValues;
  // split
  predecessorId?: OrgOption;
  successors?: SplitSuccessorValues[];
  /** Child unit id → successor key. */
  assignments?: Record<string, string | undefined>;
  ownRecordsTo?: string;
  // transfer
  unitIds?: OrgOption[];
  newParentId?: OrgOption;
  dissolveOldParents?: boolean;
  // all
  renames?: { orgId?: OrgOption; name?: string }[];
  effectiveDate?: Dayjs;
  decisionRef?: string;
  note?: string;
}

const blank = (text: string | undefined) => text?.trim() || null;

function unitSpec(values: UnitValues | undefined): UnitSpec {
  if (values?.type === 'existing') return { type: 'existing', id: values.id?.value ?? '' };
  return {
    type: 'new',
    name: values?.name?.trim() ?? '',
    kindCode: values?.kindCode ?? '',
    code: blank(values?.code),
    parentId: values?.parentId?.value ?? null,
  };
}

/** The plan the form describes (the server checks it; the form only requires what it asks for). */
export function toPlan(v: ReorgFormValues): ReorgPlan {
  const renames = (v.renames ?? []).filter((r) => r.orgId && r.name?.trim()).map((r) => ({ orgId: r.orgId!.value, name: r.name!.trim() }));
  const common = {
    effectiveDate: v.effectiveDate?.format(API_DATE_FORMAT) ?? '',
    decisionRef: blank(v.decisionRef),
    note: blank(v.note),
    ...(renames.length ? { renames } : {}),
  };
  switch (v.kind) {
    case 'merge':
      return { kind: 'merge', predecessorIds: (v.predecessorIds ?? []).map((o) => o.value), successor: unitSpec(v.successor), ...common };
    case 'split':
      return {
        kind: 'split',
        predecessorId: v.predecessorId?.value ?? '',
        successors: (v.successors ?? []).map((s) => ({ ...unitSpec(s), key: s.key })),
        assignments: Object.entries(v.assignments ?? {}).flatMap(([childId, to]) => (to ? [{ childId, to }] : [])),
        ownRecordsTo: v.ownRecordsTo ?? '',
        ...common,
      };
    case 'transfer':
      return {
        kind: 'transfer',
        unitIds: (v.unitIds ?? []).map((o) => o.value),
        newParentId: v.newParentId?.value ?? '',
        dissolveOldParents: !!v.dissolveOldParents,
        ...common,
      };
  }
}

const UNIT_PART = '(type|name|kindCode|code|parentId|id)';
const COMMON_FIELDS = /^(effectiveDate|decisionRef|note|renames(\.\d+\.(orgId|name))?)$/;
const KIND_FIELDS: Record<ReorgKind, RegExp> = {
  merge: new RegExp(`^(predecessorIds|successor(\\.${UNIT_PART})?)$`),
  split: new RegExp(`^(predecessorId|assignments|ownRecordsTo|successors(\\.\\d+(\\.${UNIT_PART})?)?)$`),
  transfer: /^(unitIds|newParentId|dissolveOldParents)$/,
};

/**
 * The form field an API error names ("successors.1.name" → ['successors', 1, 'name']), or null
 * when the form of this kind has no such field (the error is then shown above the buttons).
 */
export function formFieldOf(kind: ReorgKind, field: string | undefined): (string | number)[] | null {
  if (!field || !(COMMON_FIELDS.test(field) || KIND_FIELDS[kind].test(field))) return null;
  const path = field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  // A whole unit (missing, or of the wrong type): its type choice.
  if (path.length === 1 && path[0] === 'successor') return ['successor', 'type'];
  if (path.length === 2 && path[0] === 'successors') return ['successors', path[1], 'type'];
  return path;
}

/** Units chosen for one kind, carried over when the user switches to another kind. */
export function carryUnits(v: ReorgFormValues): Partial<ReorgFormValues> {
  const chosen = v.predecessorIds?.length ? v.predecessorIds : v.unitIds?.length ? v.unitIds : v.predecessorId ? [v.predecessorId] : [];
  if (chosen.length === 0) return {};
  if (v.kind === 'merge' && !v.predecessorIds?.length) return { predecessorIds: chosen };
  if (v.kind === 'transfer' && !v.unitIds?.length) return { unitIds: chosen };
  if (v.kind === 'split' && !v.predecessorId) return { predecessorId: chosen[0] };
  return {};
}

/** Split successors start as two new units. */
export const newSuccessor = (key: string, defaults?: Partial<UnitValues>): SplitSuccessorValues => ({ key, type: 'new', ...defaults });
