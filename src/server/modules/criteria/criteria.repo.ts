import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CriteriaSetDocument } from '../../../shared/criteria.js';
import type { Executor } from '../../db/index.js';
import { org } from '../org/org.table.js';
import { userAccount } from '../user/user.table.js';
import { calendarDate, criteriaSet, criteriaSetVersion } from './criteria.table.js';

export type CriteriaSetRow = typeof criteriaSet.$inferSelect;
export type CriteriaVersionRow = typeof criteriaSetVersion.$inferSelect;
export type CalendarDateRow = typeof calendarDate.$inferSelect;

/** A set with its organisation (null for a set of the deployment). */
export interface SetWithOrg {
  set: CriteriaSetRow;
  orgName: string | null;
  orgPath: string | null;
  orgDepth: number | null;
}

/** Key of the advisory lock that serialises loading the built-in sets (several processes start together). */
const BUILTIN_LOCK = 7311002024;

/**
 * Sets visible from some organisation paths: the deployment's, those of organisations above any
 * of them (rules that apply to them) and those inside their subtrees.
 */
function visibleFrom(paths: string[]): SQL {
  if (paths.includes('/')) return sql`true`;
  const near = paths.flatMap((p) => [sql`${org.path} like ${p + '%'}`, sql`${p} like ${org.path} || '%'`]);
  return or(isNull(criteriaSet.orgId), ...near)!;
}

const versionMeta = {
  id: criteriaSetVersion.id,
  setId: criteriaSetVersion.setId,
  no: criteriaSetVersion.no,
  state: criteriaSetVersion.state,
  effectiveFrom: criteriaSetVersion.effectiveFrom,
  effectiveTo: criteriaSetVersion.effectiveTo,
  checksum: criteriaSetVersion.checksum,
  note: criteriaSetVersion.note,
  publishedAt: criteriaSetVersion.publishedAt,
  createdAt: criteriaSetVersion.createdAt,
};
export type VersionMeta = { [K in keyof typeof versionMeta]: CriteriaVersionRow[K] };

export const criteriaRepo = {
  lockBuiltins(tx: Executor) {
    return tx.execute(sql`select pg_advisory_xact_lock(${BUILTIN_LOCK})`);
  },

  /** Sets visible from `paths`, optionally of one title. */
  listSets(tx: Executor, f: { paths: string[]; title?: string }): Promise<SetWithOrg[]> {
    return tx
      .select({ set: criteriaSet, orgName: org.name, orgPath: org.path, orgDepth: org.depth })
      .from(criteriaSet)
      .leftJoin(org, eq(org.id, criteriaSet.orgId))
      .where(and(visibleFrom(f.paths), f.title ? eq(criteriaSet.title, f.title) : undefined))
      .orderBy(asc(criteriaSet.title), asc(criteriaSet.code), asc(org.path));
  },

  /** Versions (without documents) of some sets, newest first. */
  versionsOf(tx: Executor, setIds: string[]): Promise<VersionMeta[]> {
    if (setIds.length === 0) return Promise.resolve([]);
    return tx.select(versionMeta).from(criteriaSetVersion).where(inArray(criteriaSetVersion.setId, setIds)).orderBy(desc(criteriaSetVersion.no));
  },

  /** Versions of one set with who published them, newest first. */
  versionHistory(tx: Executor, setId: string) {
    return tx
      .select({ ...versionMeta, publishedByName: userAccount.displayName })
      .from(criteriaSetVersion)
      .leftJoin(userAccount, eq(userAccount.id, criteriaSetVersion.publishedBy))
      .where(eq(criteriaSetVersion.setId, setId))
      .orderBy(desc(criteriaSetVersion.no));
  },

  documentsOf(tx: Executor, versionIds: string[]): Promise<{ id: string; document: CriteriaSetDocument }[]> {
    if (versionIds.length === 0) return Promise.resolve([]);
    return tx.select({ id: criteriaSetVersion.id, document: criteriaSetVersion.document }).from(criteriaSetVersion).where(inArray(criteriaSetVersion.id, versionIds));
  },

  async findSet(tx: Executor, id: string): Promise<SetWithOrg | undefined> {
    const [row] = await tx
      .select({ set: criteriaSet, orgName: org.name, orgPath: org.path, orgDepth: org.depth })
      .from(criteriaSet)
      .leftJoin(org, eq(org.id, criteriaSet.orgId))
      .where(eq(criteriaSet.id, id));
    return row;
  },

  /** A set and its newest version, locked for a change of its versions. */
  async lockSet(tx: Executor, id: string) {
    await tx.execute(sql`select 1 from ${criteriaSet} where ${criteriaSet.id} = ${id} for update`);
  },

  async findSetByCode(tx: Executor, orgId: string | null, code: string): Promise<CriteriaSetRow | undefined> {
    const [row] = await tx
      .select()
      .from(criteriaSet)
      .where(and(orgId ? eq(criteriaSet.orgId, orgId) : isNull(criteriaSet.orgId), eq(criteriaSet.code, code)));
    return row;
  },

  async findVersion(tx: Executor, id: string) {
    const [row] = await tx
      .select({ version: criteriaSetVersion, set: criteriaSet, orgPath: org.path })
      .from(criteriaSetVersion)
      .innerJoin(criteriaSet, eq(criteriaSet.id, criteriaSetVersion.setId))
      .leftJoin(org, eq(org.id, criteriaSet.orgId))
      .where(eq(criteriaSetVersion.id, id));
    return row;
  },

  async draftOf(tx: Executor, setId: string): Promise<CriteriaVersionRow | undefined> {
    const [row] = await tx.select().from(criteriaSetVersion).where(and(eq(criteriaSetVersion.setId, setId), eq(criteriaSetVersion.state, 'draft')));
    return row;
  },

  /** The newest published version of a set. */
  async latestPublished(tx: Executor, setId: string): Promise<CriteriaVersionRow | undefined> {
    const [row] = await tx
      .select()
      .from(criteriaSetVersion)
      .where(and(eq(criteriaSetVersion.setId, setId), eq(criteriaSetVersion.state, 'published')))
      .orderBy(desc(criteriaSetVersion.no))
      .limit(1);
    return row;
  },

  async maxNo(tx: Executor, setId: string): Promise<number> {
    const [row] = await tx.select({ n: sql<number>`coalesce(max(${criteriaSetVersion.no}), 0)::int` }).from(criteriaSetVersion).where(eq(criteriaSetVersion.setId, setId));
    return row.n;
  },

  async insertSet(tx: Executor, values: typeof criteriaSet.$inferInsert): Promise<CriteriaSetRow> {
    const [row] = await tx.insert(criteriaSet).values(values).returning();
    return row;
  },

  async insertVersion(tx: Executor, values: typeof criteriaSetVersion.$inferInsert): Promise<CriteriaVersionRow> {
    const [row] = await tx.insert(criteriaSetVersion).values(values).returning();
    return row;
  },

  async updateVersion(tx: Executor, id: string, set: Partial<typeof criteriaSetVersion.$inferInsert>): Promise<CriteriaVersionRow> {
    const [row] = await tx
      .update(criteriaSetVersion)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(criteriaSetVersion.id, id))
      .returning();
    return row;
  },

  async touchSet(tx: Executor, id: string) {
    await tx.update(criteriaSet).set({ updatedAt: new Date() }).where(eq(criteriaSet.id, id));
  },

  async deleteSet(tx: Executor, id: string) {
    await tx.delete(criteriaSet).where(eq(criteriaSet.id, id));
  },

  async deleteVersion(tx: Executor, id: string) {
    await tx.delete(criteriaSetVersion).where(eq(criteriaSetVersion.id, id));
  },

  /**
   * Published versions of a title in force on a day, of the deployment or of an organisation at or
   * above `orgPath`, with their organisation's depth (null for the deployment's).
   */
  effectiveCandidates(tx: Executor, q: { title: string; on: string; orgPath: string }) {
    return tx
      .select({ version: criteriaSetVersion, set: criteriaSet, orgName: org.name, orgDepth: org.depth })
      .from(criteriaSetVersion)
      .innerJoin(criteriaSet, eq(criteriaSet.id, criteriaSetVersion.setId))
      .leftJoin(org, eq(org.id, criteriaSet.orgId))
      .where(
        and(
          eq(criteriaSet.title, q.title),
          eq(criteriaSetVersion.state, 'published'),
          sql`${criteriaSetVersion.effectiveFrom} <= ${q.on}`,
          sql`(${criteriaSetVersion.effectiveTo} is null or ${criteriaSetVersion.effectiveTo} >= ${q.on})`,
          or(isNull(criteriaSet.orgId), sql`${q.orgPath} like ${org.path} || '%'`),
        ),
      )
      .orderBy(sql`${org.depth} desc nulls last`, desc(criteriaSetVersion.effectiveFrom), asc(criteriaSet.code));
  },

  // ── calendar ──────────────────────────────────────────────────────────────
  /** Dates set by organisations at or above `orgPath`, with their depth. */
  calendarAbove(tx: Executor, orgPath: string) {
    return tx
      .select({ row: calendarDate, orgName: org.name, depth: org.depth })
      .from(calendarDate)
      .innerJoin(org, eq(org.id, calendarDate.orgId))
      .where(sql`${orgPath} like ${org.path} || '%'`);
  },

  async findCalendarDate(tx: Executor, orgId: string, key: string): Promise<CalendarDateRow | undefined> {
    const [row] = await tx.select().from(calendarDate).where(and(eq(calendarDate.orgId, orgId), eq(calendarDate.key, key)));
    return row;
  },

  async insertCalendarDate(tx: Executor, values: typeof calendarDate.$inferInsert): Promise<CalendarDateRow> {
    const [row] = await tx.insert(calendarDate).values(values).returning();
    return row;
  },

  async updateCalendarDate(tx: Executor, id: string, set: Partial<typeof calendarDate.$inferInsert>): Promise<CalendarDateRow> {
    const [row] = await tx
      .update(calendarDate)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(calendarDate.id, id))
      .returning();
    return row;
  },

  async deleteCalendarDate(tx: Executor, id: string) {
    await tx.delete(calendarDate).where(eq(calendarDate.id, id));
  },
};
