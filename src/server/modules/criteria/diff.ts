/**
 * What changed between two versions of a criteria set, criterion by criterion and indicator by
 * indicator (matched by code, not by position, so moving an indicator is not a change of all the
 * others). Pure: the screens show the list; the unit tests pin it.
 */
import type { CriteriaSetDocument, Criterion, Indicator } from '../../../shared/criteria.js';
import { canonicalJson } from './criteria.schemas.js';

export interface DocumentChange {
  /** Where: "points.max", "criteria.2", "criteria.2.indicators.2.4.max". */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  criterion?: string;
  indicator?: string;
  /** The field that changed (for kind 'changed'). */
  field?: string;
  before?: unknown;
  after?: unknown;
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** Fields of an object that differ, in a stable order (the keys of `before` first). */
function changedFields<T extends object>(before: T, after: T, skip: readonly string[]): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !skip.includes(k));
  return keys.filter((k) => !same((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]));
}

function fieldChanges(prefix: string, before: object, after: object, skip: readonly string[], tag: Pick<DocumentChange, 'criterion' | 'indicator'>): DocumentChange[] {
  return changedFields(before, after, skip).map((field) => ({
    path: prefix ? `${prefix}.${field}` : field,
    kind: 'changed' as const,
    ...tag,
    field,
    before: (before as Record<string, unknown>)[field],
    after: (after as Record<string, unknown>)[field],
  }));
}

function indicatorChanges(criterion: string, before: Indicator[], after: Indicator[]): DocumentChange[] {
  const out: DocumentChange[] = [];
  const prefix = (code: string) => `criteria.${criterion}.indicators.${code}`;
  const afterByCode = new Map(after.map((i) => [i.code, i]));
  const beforeCodes = new Set(before.map((i) => i.code));
  for (const b of before) {
    const a = afterByCode.get(b.code);
    if (!a) out.push({ path: prefix(b.code), kind: 'removed', criterion, indicator: b.code, before: b });
    else out.push(...fieldChanges(prefix(b.code), b, a, ['code'], { criterion, indicator: b.code }));
  }
  for (const a of after) if (!beforeCodes.has(a.code)) out.push({ path: prefix(a.code), kind: 'added', criterion, indicator: a.code, after: a });
  return out;
}

function criteriaChanges(before: Criterion[], after: Criterion[]): DocumentChange[] {
  const out: DocumentChange[] = [];
  const afterByCode = new Map(after.map((c) => [c.code, c]));
  const beforeCodes = new Set(before.map((c) => c.code));
  for (const b of before) {
    const a = afterByCode.get(b.code);
    if (!a) {
      out.push({ path: `criteria.${b.code}`, kind: 'removed', criterion: b.code, before: b });
      continue;
    }
    out.push(...fieldChanges(`criteria.${b.code}`, b, a, ['code', 'indicators'], { criterion: b.code }));
    out.push(...indicatorChanges(b.code, b.indicators, a.indicators));
  }
  for (const a of after) if (!beforeCodes.has(a.code)) out.push({ path: `criteria.${a.code}`, kind: 'added', criterion: a.code, after: a });
  return out;
}

/** Set-level fields compared one level deeper, so a changed band says "points.bands". */
const NESTED = ['points', 'scope', 'source'] as const;

/** The changes that turn `before` into `after`. */
export function diffDocuments(before: CriteriaSetDocument, after: CriteriaSetDocument): DocumentChange[] {
  const out: DocumentChange[] = [];
  for (const field of changedFields(before, after, ['criteria', ...NESTED])) {
    out.push({ path: field, kind: 'changed', field, before: (before as Record<string, unknown>)[field], after: (after as Record<string, unknown>)[field] });
  }
  for (const key of NESTED) {
    const b = before[key] as object | undefined;
    const a = after[key] as object | undefined;
    if (b && a) out.push(...fieldChanges(key, b, a, [], {}));
    else if (b || a) out.push({ path: key, kind: b ? 'removed' : 'added', field: key, before: b, after: a });
  }
  out.push(...criteriaChanges(before.criteria, after.criteria));
  return out;
}
