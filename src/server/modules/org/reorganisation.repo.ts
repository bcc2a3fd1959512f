import { and, asc, count, desc, eq, gte, inArray, isNull, like, lt, not, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/index.js';
import { roleGrant } from '../user/user.table.js';
import { inSubtrees, openOn, type OrgRow } from './org.repo.js';
import { org, orgLineage, reorganisation } from './org.table.js';

export type ReorganisationRow = typeof reorganisation.$inferSelect;

/** A unit reached by walking the lineage, with the link that reached it. */
export interface LineageRow {
  id: string;
  /** The unit on the near side of the link (towards the unit asked about). */
  via: string;
  reorganisationId: string;
  reorganisationKind: string;
  decisionRef: string | null;
  effectiveDate: string;
  depth: number;
  name: string;
  kindCode: string;
  path: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Lineage walks stop this far away (a guard against a cycle made by reopening units). */
const MAX_LINEAGE_DEPTH = 30;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The unit and every unit that became it, transitively (its predecessors, theirs…), so a report on
 * a unit can include what was recorded on the units it replaced. With `asOf`, only reorganisations
 * effective on or before that day count.
 */
export async function rollupOrgIds(tx: Executor, orgId: string, asOf?: string): Promise<string[]> {
  const effective = asOf ? sql`and l.effective_date <= ${asOf}` : sql``;
  const result = await tx.execute(sql`
    with recursive up(id) as (
      select ${orgId}::uuid
      union
      select l.predecessor_id from ${orgLineage} l join up on l.successor_id = up.id
      where l.predecessor_id <> l.successor_id ${effective})
    select id::text as id from up`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** Units of the open subtree of `path` that a close from `day` would reach, except the subtrees that leave. */
const closingSet = (path: string, day: string, leaving: string[]) =>
  and(like(org.path, `${path}%`), openOn(day), leaving.length ? not(inSubtrees(leaving)) : undefined)!;

export const reorganisationRepo = {
  async insert(tx: Executor, row: typeof reorganisation.$inferInsert): Promise<ReorganisationRow> {
    const [created] = await tx.insert(reorganisation).values(row).returning();
    return created;
  },

  async insertLineage(tx: Executor, rows: (typeof orgLineage.$inferInsert)[]): Promise<void> {
    if (rows.length) await tx.insert(orgLineage).values(rows);
  },

  /** Children of the given units open on `day`, in name order. */
  openChildren(tx: Executor, parentIds: string[], day: string): Promise<OrgRow[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    return tx.select().from(org).where(and(inArray(org.parentId, parentIds), openOn(day))).orderBy(asc(org.nameSort), asc(org.id));
  },

  /** Children without an end date of the given parents (null: the roots): the names a newcomer must not take. */
  activeChildren(tx: Executor, parentIds: (string | null)[]) {
    const ids = parentIds.filter((id): id is string => id !== null);
    const where = or(ids.length ? inArray(org.parentId, ids) : undefined, parentIds.includes(null) ? isNull(org.parentId) : undefined);
    if (!where) return Promise.resolve([]);
    return tx.select({ id: org.id, parentId: org.parentId, name: org.name, nameSearch: org.nameSearch }).from(org).where(and(where, isNull(org.validTo)));
  },

  /** Size of each unit's subtree (the unit included, closed units too): what a move rewrites. */
  async subtreeSizes(tx: Executor, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const m = alias(org, 'm');
    const d = alias(org, 'd');
    // A range on the C-collated path ('~' sorts after every character of a path) uses the path index.
    const rows = await tx
      .select({ id: m.id, n: count() })
      .from(m)
      .innerJoin(d, and(gte(d.path, m.path), lt(d.path, sql`${m.path} || '~'`)))
      .where(inArray(m.id, ids))
      .groupBy(m.id);
    return new Map(rows.map((r) => [r.id, r.n]));
  },

  /** How many units a close of `path` from `day` reaches, once the `leaving` subtrees have moved out. */
  countClosing(tx: Executor, path: string, day: string, leaving: string[]): Promise<number> {
    return tx
      .select({ n: count() })
      .from(org)
      .where(closingSet(path, day, leaving))
      .then((r) => r[0].n);
  },

  /** Role grants held on the units that close with `path` (they stay, on closed units). */
  grantsClosing(tx: Executor, path: string, day: string, leaving: string[]) {
    return tx
      .select({ orgId: org.id, orgName: org.name, n: count() })
      .from(roleGrant)
      .innerJoin(org, eq(org.id, roleGrant.orgId))
      .where(closingSet(path, day, leaving))
      .groupBy(org.id, org.name, org.nameSort)
      .orderBy(asc(org.nameSort));
  },

  /** Predecessors (or successors) of a unit, transitively, nearest first; links of a unit to itself are skipped. */
  async walk(tx: Executor, orgId: string, direction: 'predecessors' | 'successors'): Promise<LineageRow[]> {
    const [far, near] = direction === 'predecessors' ? [sql`predecessor_id`, sql`successor_id`] : [sql`successor_id`, sql`predecessor_id`];
    const result = await tx.execute(sql`
      with recursive walk(id, via, reorganisation_id, effective_date, depth) as (
        select l.${far}, l.${near}, l.reorganisation_id, l.effective_date, 1
        from ${orgLineage} l where l.${near} = ${orgId} and l.predecessor_id <> l.successor_id
        union all
        select l.${far}, l.${near}, l.reorganisation_id, l.effective_date, w.depth + 1
        from ${orgLineage} l join walk w on l.${near} = w.id
        where l.predecessor_id <> l.successor_id and w.depth < ${MAX_LINEAGE_DEPTH})
      select w.id::text as "id", w.via::text as "via", w.reorganisation_id::text as "reorganisationId",
        r.kind as "reorganisationKind", r.decision_ref as "decisionRef",
        to_char(w.effective_date, 'YYYY-MM-DD') as "effectiveDate", w.depth as "depth",
        o.name as "name", o.kind_code as "kindCode", o.path as "path",
        to_char(o.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(o.valid_to, 'YYYY-MM-DD') as "validTo"
      from walk w join ${org} o on o.id = w.id join ${reorganisation} r on r.id = w.reorganisation_id
      order by w.depth, w.effective_date desc, o.name_sort`);
    return rowsOf<LineageRow>(result);
  },

  /** Reorganisations with a unit (predecessor or successor) in one of the subtrees, newest first. */
  async list(tx: Executor, scope: string[], q: { orgId?: string; limit: number; offset: number }) {
    const involving = q.orgId ? sql`and ${q.orgId}::uuid in (l.predecessor_id, l.successor_id)` : sql``;
    const visible = sql`exists (select 1 from ${orgLineage} l join ${org} on ${org.id} in (l.predecessor_id, l.successor_id)
      where l.reorganisation_id = ${reorganisation.id} and ${inSubtrees(scope)} ${involving})`;
    const [items, [{ total }]] = await Promise.all([
      tx.select().from(reorganisation).where(visible).orderBy(desc(reorganisation.effectiveDate), desc(reorganisation.createdAt), asc(reorganisation.id)).limit(q.limit).offset(q.offset),
      tx.select({ total: count() }).from(reorganisation).where(visible),
    ]);
    return { items, total };
  },

  findById(tx: Executor, id: string): Promise<ReorganisationRow | undefined> {
    return tx
      .select()
      .from(reorganisation)
      .where(eq(reorganisation.id, id))
      .then((r) => r[0]);
  },

  /** The lineage rows of reorganisations, with both units' names and paths. */
  links(tx: Executor, reorganisationIds: string[]) {
    const p = alias(org, 'p');
    const s = alias(org, 's');
    return tx
      .select({
        reorganisationId: orgLineage.reorganisationId,
        predecessor: { id: p.id, name: p.name, kindCode: p.kindCode, path: p.path, validTo: p.validTo },
        successor: { id: s.id, name: s.name, kindCode: s.kindCode, path: s.path, validTo: s.validTo },
      })
      .from(orgLineage)
      .innerJoin(p, eq(p.id, orgLineage.predecessorId))
      .innerJoin(s, eq(s.id, orgLineage.successorId))
      .where(inArray(orgLineage.reorganisationId, reorganisationIds))
      .orderBy(asc(p.nameSort), asc(s.nameSort));
  },
};

export type LinkRow = Awaited<ReturnType<typeof reorganisationRepo.links>>[number];
