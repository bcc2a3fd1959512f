import { and, asc, desc, eq, inArray, isNull, max, or, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { containsPattern } from '../../db/columns.js';
import { org } from '../org/org.table.js';
import { membership, person } from '../people/people.table.js';
import { roleGrant, userAccount } from '../user/user.table.js';
import { learningYear, planTemplate, studyPlan, studyPlanVersion } from './studyPlan.table.js';

export type StudyPlanRow = typeof studyPlan.$inferSelect;
export type LearningYearRow = typeof learningYear.$inferSelect;
export type PlanTemplateRow = typeof planTemplate.$inferSelect;
export type PlanVersionRow = typeof studyPlanVersion.$inferSelect;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Lists of members count exactly up to this many rows. */
export const COUNT_CAP = 10_000;

export interface MemberFilter {
  /** The subtree's path. */
  path: string;
  year: number;
  /** The day on which membership decides who is expected (the year's end, or today if earlier). */
  day: string;
  /** A plan state, or 'none' for members without a plan. */
  state?: string;
  nameKey?: string;
  /** Only members in this unit itself (not its children). */
  orgId?: string;
}

/**
 * Members expected to act in a subtree on a day: one row per person (a person with several open
 * memberships counts once, in their leading or latest one), with their plan of the year if any.
 * Membership and org are read here (read-side join, see docs/decisions.md).
 */
function membersSql(f: MemberFilter) {
  return sql`
    with members as (
      select distinct on (m.person_id) m.person_id, m.org_id, m.position, m.is_leader
      from ${membership} m join ${org} o on o.id = m.org_id
      where o.path like ${f.path + '%'}
        and (m.valid_from is null or m.valid_from <= ${f.day}) and (m.valid_to is null or m.valid_to > ${f.day})
      order by m.person_id, m.is_leader desc, m.valid_from desc nulls last
    )
    select p.id as "personId", p.full_name as "fullName", p.name_sort as "nameSort", p.user_id as "userId",
      mem.org_id as "orgId", o.name as "orgName", o.path as "orgPath", mem.position, mem.is_leader as "isLeader",
      sp.id as "planId", coalesce(sp.state, 'none') as state, sp.submitted_at as "submittedAt", sp.updated_at as "updatedAt"
    from members mem
    join ${person} p on p.id = mem.person_id
    join ${org} o on o.id = mem.org_id
    left join ${studyPlan} sp on sp.person_id = mem.person_id and sp.year = ${f.year}
    where true
      ${f.state ? sql`and coalesce(sp.state, 'none') = ${f.state}` : sql``}
      ${f.nameKey ? sql`and p.name_search like ${containsPattern(f.nameKey)}` : sql``}
      ${f.orgId ? sql`and mem.org_id = ${f.orgId}` : sql``}`;
}

export interface MemberPlanRow {
  personId: string;
  fullName: string;
  userId: string | null;
  orgId: string;
  orgName: string;
  orgPath: string;
  position: string | null;
  isLeader: boolean;
  planId: string | null;
  state: string;
  submittedAt: Date | string | null;
  updatedAt: Date | string | null;
}

export const studyPlanRepo = {
  // ── learning years ────────────────────────────────────────────────────────

  /** The learning year a unit follows: its own, or that of the nearest unit above that opened one. */
  async yearFor(tx: Executor, orgPath: string, year: number): Promise<(LearningYearRow & { orgName: string }) | undefined> {
    const [row] = await tx
      .select({ ly: learningYear, orgName: org.name })
      .from(learningYear)
      .innerJoin(org, eq(org.id, learningYear.orgId))
      .where(and(eq(learningYear.year, year), sql`${orgPath} like ${org.path} || '%'`))
      .orderBy(desc(org.depth))
      .limit(1);
    return row && { ...row.ly, orgName: row.orgName };
  },

  yearsOf(tx: Executor, orgId: string) {
    return tx.select().from(learningYear).where(eq(learningYear.orgId, orgId)).orderBy(desc(learningYear.year));
  },

  async saveYear(tx: Executor, row: typeof learningYear.$inferInsert): Promise<LearningYearRow> {
    const [saved] = await tx
      .insert(learningYear)
      .values(row)
      .onConflictDoUpdate({
        target: [learningYear.orgId, learningYear.year],
        set: { startsOn: row.startsOn, endsOn: row.endsOn, planDeadline: row.planDeadline, reportDeadline: row.reportDeadline, updatedAt: new Date() },
      })
      .returning();
    return saved;
  },

  findYear(tx: Executor, orgId: string, year: number) {
    return tx
      .select()
      .from(learningYear)
      .where(and(eq(learningYear.orgId, orgId), eq(learningYear.year, year)))
      .then((r) => r[0]);
  },

  // ── plans ─────────────────────────────────────────────────────────────────

  findPlan(tx: Executor, id: string) {
    return tx
      .select({ plan: studyPlan, fullName: person.fullName, userId: person.userId, orgName: org.name, orgPath: org.path })
      .from(studyPlan)
      .innerJoin(person, eq(person.id, studyPlan.personId))
      .innerJoin(org, eq(org.id, studyPlan.orgId))
      .where(eq(studyPlan.id, id))
      .then((r) => r[0]);
  },

  /** Several plans with their owners and units, locked for update (bulk approval). */
  lockPlans(tx: Executor, ids: string[]) {
    return tx
      .select({ plan: studyPlan, fullName: person.fullName, userId: person.userId, orgName: org.name, orgPath: org.path })
      .from(studyPlan)
      .innerJoin(person, eq(person.id, studyPlan.personId))
      .innerJoin(org, eq(org.id, studyPlan.orgId))
      .where(inArray(studyPlan.id, ids))
      .for('update', { of: studyPlan });
  },

  findPlanOf(tx: Executor, personId: string, year: number) {
    return tx
      .select()
      .from(studyPlan)
      .where(and(eq(studyPlan.personId, personId), eq(studyPlan.year, year)))
      .then((r) => r[0]);
  },

  async insertPlan(tx: Executor, row: typeof studyPlan.$inferInsert): Promise<StudyPlanRow> {
    const [created] = await tx.insert(studyPlan).values(row).returning();
    return created;
  },

  async updatePlan(tx: Executor, id: string, set: Partial<typeof studyPlan.$inferInsert>): Promise<StudyPlanRow> {
    const [updated] = await tx
      .update(studyPlan)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(studyPlan.id, id))
      .returning();
    return updated;
  },

  async addVersion(tx: Executor, row: Omit<typeof studyPlanVersion.$inferInsert, 'no'>): Promise<PlanVersionRow> {
    const [{ last }] = await tx.select({ last: max(studyPlanVersion.no) }).from(studyPlanVersion).where(eq(studyPlanVersion.planId, row.planId));
    const [created] = await tx
      .insert(studyPlanVersion)
      .values({ ...row, no: (last ?? 0) + 1 })
      .returning();
    return created;
  },

  versions(tx: Executor, planId: string) {
    return tx.select().from(studyPlanVersion).where(eq(studyPlanVersion.planId, planId)).orderBy(asc(studyPlanVersion.no));
  },

  /** What the plan's document prints of the member: person facts, position in the plan's unit, approver's name. */
  async documentFacts(tx: Executor, plan: StudyPlanRow) {
    const [p] = await tx.select().from(person).where(eq(person.id, plan.personId));
    const [m] = await tx
      .select({ position: membership.position })
      .from(membership)
      .where(and(eq(membership.personId, plan.personId), eq(membership.orgId, plan.orgId)))
      .orderBy(sql`${membership.validFrom} desc nulls last`)
      .limit(1);
    const approver = plan.approvedBy ? (await tx.select({ name: userAccount.displayName }).from(userAccount).where(eq(userAccount.id, plan.approvedBy)))[0] : undefined;
    return { person: p, position: m?.position ?? null, approverName: approver?.name ?? null };
  },

  // ── members and their plans in a subtree ──────────────────────────────────

  async members(tx: Executor, f: MemberFilter, limit: number, offset: number) {
    const [items, [{ total }]] = await Promise.all([
      tx.execute(sql`${membersSql(f)} order by p.name_sort, p.id limit ${limit} offset ${offset}`).then(rowsOf<MemberPlanRow>),
      tx.execute(sql`select count(*)::int as total from (${membersSql(f)} limit ${COUNT_CAP + 1}) x`).then(rowsOf<{ total: number }>),
    ]);
    return { items, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP };
  },

  /**
   * Counts of plan states per direct child of the subtree's root (and the root itself, key ''),
   * for the roll-up: one row per (child, state).
   */
  async stateCounts(tx: Executor, f: MemberFilter) {
    const rows = await tx
      .execute(
        sql`select split_part(substr(x."orgPath", ${f.path.length + 1}), '/', 1) as "childId", x.state, count(*)::int as n
            from (${membersSql(f)}) x group by 1, 2`,
      )
      .then(rowsOf<{ childId: string; state: string; n: number }>);
    return rows;
  },

  /** Users holding `role` exactly on a unit (for messages to the unit's heads). */
  holdersOf(tx: Executor, orgId: string, role: string) {
    return tx
      .select({ userId: roleGrant.userId })
      .from(roleGrant)
      .where(and(eq(roleGrant.orgId, orgId), eq(roleGrant.role, role)))
      .then((r) => r.map((x) => x.userId));
  },

  // ── templates ─────────────────────────────────────────────────────────────

  /** Templates of a year published by the unit or a unit above it. */
  templatesFor(tx: Executor, orgPath: string, year: number) {
    return tx
      .select({ template: planTemplate, orgName: org.name })
      .from(planTemplate)
      .innerJoin(org, eq(org.id, planTemplate.orgId))
      .where(and(eq(planTemplate.year, year), sql`${orgPath} like ${org.path} || '%'`))
      .orderBy(asc(planTemplate.title));
  },

  templatesOf(tx: Executor, where: SQL) {
    return tx.select({ template: planTemplate, orgName: org.name, orgPath: org.path }).from(planTemplate).innerJoin(org, eq(org.id, planTemplate.orgId)).where(where).orderBy(desc(planTemplate.year), asc(planTemplate.title));
  },

  findTemplate(tx: Executor, id: string) {
    return studyPlanRepo.templatesOf(tx, eq(planTemplate.id, id)).then((r) => r[0]);
  },

  async saveTemplate(tx: Executor, id: string | null, row: typeof planTemplate.$inferInsert): Promise<PlanTemplateRow> {
    if (id) {
      const [updated] = await tx.update(planTemplate).set({ ...row, updatedAt: new Date() }).where(eq(planTemplate.id, id)).returning();
      return updated;
    }
    const [created] = await tx.insert(planTemplate).values(row).returning();
    return created;
  },

  deleteTemplate(tx: Executor, id: string) {
    return tx.delete(planTemplate).where(eq(planTemplate.id, id));
  },
};

/**
 * Plans that derived indicators count (recognition/derived-facts.ts), as a SQL relation of
 * `(subject_id, source_id)`: the member and their plan of the year in one of `states`. Composed by the
 * caller with the population counted into one set-based statement.
 */
export const studyPlanRelations = {
  plansIn(year: number, states: readonly string[]): SQL {
    return sql`select sp.person_id as subject_id, sp.id as source_id from ${studyPlan} sp
      where sp.year = ${year} and sp.state = any(${sql.param([...states])}::text[])`;
  },
};
