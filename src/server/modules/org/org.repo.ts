import { and, asc, eq, gt, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { OrgSummary } from '../../../shared/api-types.js';
import type { Executor } from '../../db/index.js';
import { containsPattern } from '../../db/columns.js';
import { org, orgKind } from './org.table.js';

export type OrgRow = typeof org.$inferSelect;
export type OrgKindRow = typeof orgKind.$inferSelect;

/** `path LIKE p%` for any of the subtree paths; false when there are none. */
export function inSubtrees(paths: string[], column = org.path): SQL {
  if (paths.length === 0) return sql`false`;
  return or(...paths.map((p) => like(column, `${p}%`)))!;
}

/** Open on the given day: no end date, or an end date after it. */
export function openOn(day: string): SQL {
  return or(isNull(org.validTo), gt(org.validTo, day))!;
}

const childCount = (includeClosed: boolean, day: string) =>
  sql<number>`(select count(*)::int from ${org} c where c.parent_id = "org"."id"${
    includeClosed ? sql`` : sql` and (c.valid_to is null or c.valid_to > ${day})`
  })`.as('child_count');

const summaryColumns = (includeClosed: boolean, day: string) => ({
  id: org.id,
  rootId: org.rootId,
  parentId: org.parentId,
  path: org.path,
  name: org.name,
  kindCode: org.kindCode,
  code: org.code,
  validFrom: org.validFrom,
  validTo: org.validTo,
  childCount: childCount(includeClosed, day),
});

/** An organisation as the repository reads it: the API's summary before presentation, with its place in the tree. */
export type OrgSummaryRow = Omit<OrgSummary, 'closed'> & { rootId: string; path: string };

/** Key of the advisory lock that serialises changes to the shape of the tree. */
const TREE_LOCK = 7311002024;

export const orgRepo = {
  /**
   * Serialises structural changes (create, move, rename, close, reopen, kinds) until the end of
   * the transaction, so that concurrent moves cannot leave stale paths or make a cycle. Such
   * changes are rare even in a province; reads are never blocked.
   */
  async lockTree(tx: Executor): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK})`);
  },

  findById(db: Executor, id: string): Promise<OrgRow | undefined> {
    return db.query.org.findFirst({ where: eq(org.id, id) });
  },

  /** Every unit of a subtree, its top included (imports resolve names against it). */
  subtree(db: Executor, path: string): Promise<OrgRow[]> {
    return db.select().from(org).where(like(org.path, `${path}%`));
  },

  findByIds(db: Executor, ids: string[]): Promise<OrgRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.select().from(org).where(inArray(org.id, ids));
  },

  summary(db: Executor, id: string, day: string): Promise<OrgSummaryRow | undefined> {
    return db
      .select(summaryColumns(true, day))
      .from(org)
      .where(eq(org.id, id))
      .then((r) => r[0]);
  },

  async children(
    db: Executor,
    where: SQL,
    opts: { includeClosed: boolean; day: string; limit: number; offset: number },
  ): Promise<{ items: OrgSummaryRow[]; total: number }> {
    const filter = opts.includeClosed ? where : and(where, openOn(opts.day))!;
    const [items, [{ total }]] = await Promise.all([
      db
        .select(summaryColumns(opts.includeClosed, opts.day))
        .from(org)
        .where(filter)
        .orderBy(asc(org.nameSort), asc(org.id))
        .limit(opts.limit)
        .offset(opts.offset),
      db.select({ total: sql<number>`count(*)::int` }).from(org).where(filter),
    ]);
    return { items, total };
  },

  async search(
    db: Executor,
    key: string,
    scope: string[],
    opts: { includeClosed: boolean; day: string; limit: number; offset: number },
  ): Promise<{ items: OrgSummaryRow[]; total: number }> {
    return orgRepo.children(db, and(like(org.nameSearch, containsPattern(key)), inSubtrees(scope))!, opts);
  },

  siblingWithName(db: Executor, parentId: string | null, nameSearch: string, exceptId?: string) {
    return db
      .select({ id: org.id })
      .from(org)
      .where(
        and(
          parentId ? eq(org.parentId, parentId) : isNull(org.parentId),
          eq(org.nameSearch, nameSearch),
          isNull(org.validTo),
          exceptId ? sql`${org.id} <> ${exceptId}` : undefined,
        ),
      )
      .limit(1)
      .then((r) => r[0]);
  },

  async insert(db: Executor, row: typeof org.$inferInsert): Promise<OrgRow> {
    const [created] = await db.insert(org).values(row).returning();
    return created;
  },

  async update(db: Executor, id: string, patch: Partial<typeof org.$inferInsert>): Promise<OrgRow> {
    const [updated] = await db
      .update(org)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(org.id, id))
      .returning();
    return updated;
  },

  /** Re-roots a subtree: every path under `oldPath` gets `newPath` instead, in one statement. */
  async moveSubtree(db: Executor, oldPath: string, newPath: string, depthDelta: number, rootId: string): Promise<number> {
    const result = await db
      .update(org)
      .set({
        path: sql`${newPath} || substr(${org.path}, ${oldPath.length + 1})`,
        depth: sql`${org.depth} + ${depthDelta}`,
        rootId,
        updatedAt: new Date(),
      })
      .where(like(org.path, `${oldPath}%`))
      .returning({ id: org.id });
    return result.length;
  },

  /**
   * Sets the end date on every unit of a subtree that was open then; returns each changed unit
   * with the end date it had before (null, or a later scheduled end), for the audit.
   */
  async closeSubtree(db: Executor, path: string, validTo: string): Promise<{ id: string; previous: string | null }[]> {
    const result = await db.execute(sql`
      with target as (
        select id, valid_to from ${org}
        where path like ${`${path}%`} and (valid_to is null or valid_to > ${validTo})
        for update)
      update ${org} set valid_to = ${validTo}, updated_at = now()
      from target where ${org.id} = target.id
      returning ${org.id} as id, to_char(target.valid_to, 'YYYY-MM-DD') as previous`);
    return (result as unknown as { rows: { id: string; previous: string | null }[] }).rows;
  },

  /** Reopens the units of a subtree that were closed on the given date (together with its top). */
  async reopenSubtree(db: Executor, path: string, closedOn: string): Promise<number> {
    const result = await db
      .update(org)
      .set({ validTo: null, updatedAt: new Date() })
      .where(and(like(org.path, `${path}%`), eq(org.validTo, closedOn)))
      .returning({ id: org.id });
    return result.length;
  },

  /** The distinct kinds of an organisation's direct children. */
  childKinds(db: Executor, parentId: string): Promise<string[]> {
    return db
      .selectDistinct({ kindCode: org.kindCode })
      .from(org)
      .where(eq(org.parentId, parentId))
      .then((rows) => rows.map((r) => r.kindCode));
  },

  kinds(db: Executor): Promise<OrgKindRow[]> {
    return db.select().from(orgKind).orderBy(asc(orgKind.sortOrder));
  },

  async saveKind(db: Executor, kind: typeof orgKind.$inferInsert): Promise<OrgKindRow> {
    const [saved] = await db
      .insert(orgKind)
      .values(kind)
      .onConflictDoUpdate({ target: orgKind.code, set: { nameVi: kind.nameVi, nameEn: kind.nameEn, canBeRoot: kind.canBeRoot, parentKinds: kind.parentKinds, mergeGroup: kind.mergeGroup ?? null } })
      .returning();
    return saved;
  },

  async upsertMissingKinds(db: Executor, kinds: (typeof orgKind.$inferInsert)[]): Promise<void> {
    if (kinds.length) await db.insert(orgKind).values(kinds).onConflictDoNothing();
  },

  countAll(db: Executor): Promise<number> {
    return db
      .select({ n: sql<number>`count(*)::int` })
      .from(org)
      .then((r) => r[0].n);
  },
};
