import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { containsPattern } from '../../db/columns.js';
import { storedFile } from '../../platform/files/file.table.js';
import { org } from '../org/org.table.js';
import { membership, person } from '../people/people.table.js';
import { studyPlan } from '../studyPlan/studyPlan.table.js';
import { learningEvidence, learningRecord, mandatoryTraining } from './learningRecord.table.js';

export type LearningRecordRow = typeof learningRecord.$inferSelect;
export type MandatoryTrainingRow = typeof mandatoryTraining.$inferSelect;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export const COUNT_CAP = 10_000;

/** The indicators a member either meets or not in a year (see `factsSql`). */
export const INDICATORS = ['planApproved', 'mandatoryDone', 'leaderTrained', 'digitalTrained', 'itJoined', 'languageJoined', 'languageCertified'] as const;
export type Indicator = (typeof INDICATORS)[number];

export interface FactsScope {
  path: string;
  year: number;
  /** The day on which membership decides who is counted. */
  day: string;
}

/**
 * One row per member of a subtree on a day (a person with several memberships counts once), with the
 * facts the seeds' shares need, all from the records: an approved plan; every mandatory training of
 * the catalogue in force that applies to them done (verified hours of the year ≥ the hours, or one verified
 * record when no hours are set); leaders with a verified leadership training (any year up to this
 * one); verified training for digital transformation, IT and languages in the year; the level of the
 * latest verified language certificate. Membership, person, org and study_plan are read here
 * (read-side join, docs/decisions.md).
 */
function factsSql(s: FactsScope) {
  return sql`
    with members as (
      select distinct on (m.person_id) m.person_id, m.org_id, m.is_leader, m.category, o.path
      from ${membership} m join ${org} o on o.id = m.org_id
      where o.path like ${s.path + '%'}
        and (m.valid_from is null or m.valid_from <= ${s.day}) and (m.valid_to is null or m.valid_to > ${s.day})
      order by m.person_id, m.is_leader desc, m.valid_from desc nulls last
    ),
    entries as (
      select mt.id, mt.kind, mt.hours_per_year, mt.categories, mt.leaders_only, eo.path as org_path
      from ${mandatoryTraining} mt left join ${org} eo on eo.id = mt.org_id
      where mt.retired_at is null
    ),
    owed as (
      select mem.person_id, e.id as entry_id, e.kind, e.hours_per_year
      from members mem join entries e
        on (e.org_path is null or mem.path like e.org_path || '%')
       and (cardinality(e.categories) = 0 or mem.category = any(e.categories))
       and (not e.leaders_only or mem.is_leader)
    ),
    owed_done as (
      select o.person_id, bool_and(coalesce(r.hours, 0) >= o.hours_per_year and coalesce(r.n, 0) > 0) as done
      from owed o
      left join lateral (
        select sum(coalesce(lr.hours, 0)) as hours, count(*) as n from ${learningRecord} lr
        where lr.person_id = o.person_id and lr.year = ${s.year} and lr.status = 'verified'
          and (lr.mandatory_training_id = o.entry_id or (lr.mandatory_training_id is null and lr.kind = o.kind))
      ) r on true
      group by o.person_id
    ),
    rec as (
      select lr.person_id,
        bool_or(lr.kind = 'leadership_training') as leader_trained,
        bool_or(lr.kind = 'digital_transformation' and lr.year = ${s.year}) as digital_trained,
        bool_or(lr.kind in ('it_skill', 'digital_transformation') and lr.year = ${s.year}) as it_joined,
        bool_or(lr.kind = 'foreign_language' and lr.year = ${s.year}) as language_joined,
        (array_agg(lr.language_level order by lr.ends_on desc) filter (where lr.kind = 'foreign_language' and lr.language_level is not null))[1] as language_level
      from ${learningRecord} lr join members mem on mem.person_id = lr.person_id
      where lr.status = 'verified' and lr.year <= ${s.year}
      group by lr.person_id
    )
    select mem.person_id as "personId", p.full_name as "fullName", p.name_sort as "nameSort",
      mem.org_id as "orgId", o.name as "orgName", split_part(substr(mem.path, ${s.path.length + 1}), '/', 1) as "childId",
      mem.is_leader as "isLeader",
      coalesce(sp.state in ('approved', 'reported', 'confirmed'), false) as "planApproved",
      (od.person_id is not null) as "owesMandatory",
      coalesce(od.done, false) as "mandatoryDone",
      coalesce(rec.leader_trained, false) as "leaderTrained",
      coalesce(rec.digital_trained, false) as "digitalTrained",
      coalesce(rec.it_joined, false) as "itJoined",
      coalesce(rec.language_joined, false) as "languageJoined",
      (rec.language_level is not null) as "languageCertified",
      rec.language_level as "languageLevel"
    from members mem
    join ${person} p on p.id = mem.person_id
    join ${org} o on o.id = mem.org_id
    left join ${studyPlan} sp on sp.person_id = mem.person_id and sp.year = ${s.year}
    left join owed_done od on od.person_id = mem.person_id
    left join rec on rec.person_id = mem.person_id`;
}

export interface FactRow {
  personId: string;
  fullName: string;
  orgId: string;
  orgName: string;
  childId: string;
  isLeader: boolean;
  planApproved: boolean;
  owesMandatory: boolean;
  mandatoryDone: boolean;
  leaderTrained: boolean;
  digitalTrained: boolean;
  itJoined: boolean;
  languageJoined: boolean;
  languageCertified: boolean;
  languageLevel: string | null;
}

export interface UnitTally {
  childId: string;
  members: number;
  leaders: number;
  owing: number;
  planApproved: number;
  mandatoryDone: number;
  leaderTrained: number;
  digitalTrained: number;
  itJoined: number;
  languageJoined: number;
  languageCertified: number;
  levels: Record<string, number>;
}

export interface RecordFilter {
  paths: string[];
  year?: number;
  kind?: string;
  status?: string;
  personId?: string;
  nameKey?: string;
}

function recordWhere(f: RecordFilter): SQL {
  return and(
    sql`(${sql.join(
      f.paths.map((p) => sql`${org.path} like ${p + '%'}`),
      sql` or `,
    )})`,
    f.year ? eq(learningRecord.year, f.year) : undefined,
    f.kind ? eq(learningRecord.kind, f.kind) : undefined,
    f.status ? eq(learningRecord.status, f.status) : undefined,
    f.personId ? eq(learningRecord.personId, f.personId) : undefined,
    f.nameKey ? sql`(${person.nameSearch} like ${containsPattern(f.nameKey)} or lower(${learningRecord.title}) like ${containsPattern(f.nameKey)})` : undefined,
  )!;
}

const recordColumns = { record: learningRecord, fullName: person.fullName, userId: person.userId, orgName: org.name, orgPath: org.path };

export const learningRecordRepo = {
  // ── catalogue ─────────────────────────────────────────────────────────────
  async insertMissingGlobal(tx: Executor, entries: (typeof mandatoryTraining.$inferInsert)[]) {
    const existing = new Set((await tx.select({ code: mandatoryTraining.code }).from(mandatoryTraining).where(isNull(mandatoryTraining.orgId))).map((r) => r.code));
    const missing = entries.filter((e) => !existing.has(e.code));
    if (missing.length) await tx.insert(mandatoryTraining).values(missing);
  },

  /** Entries that apply somewhere in a subtree: the deployment's, those above it, those inside it. */
  catalogueFor(tx: Executor, path: string) {
    return tx
      .select({ entry: mandatoryTraining, orgName: org.name, orgPath: org.path })
      .from(mandatoryTraining)
      .leftJoin(org, eq(org.id, mandatoryTraining.orgId))
      .where(sql`${mandatoryTraining.orgId} is null or ${path} like ${org.path} || '%' or ${org.path} like ${path + '%'}`)
      .orderBy(asc(mandatoryTraining.code));
  },

  findEntry(tx: Executor, id: string) {
    return tx
      .select({ entry: mandatoryTraining, orgPath: org.path })
      .from(mandatoryTraining)
      .leftJoin(org, eq(org.id, mandatoryTraining.orgId))
      .where(eq(mandatoryTraining.id, id))
      .then((r) => r[0]);
  },

  async saveEntry(tx: Executor, id: string | null, row: typeof mandatoryTraining.$inferInsert): Promise<MandatoryTrainingRow> {
    if (id) {
      const [u] = await tx.update(mandatoryTraining).set({ ...row, updatedAt: new Date() }).where(eq(mandatoryTraining.id, id)).returning();
      return u;
    }
    const [c] = await tx.insert(mandatoryTraining).values(row).returning();
    return c;
  },

  // ── records ───────────────────────────────────────────────────────────────
  find(tx: Executor, id: string) {
    return tx
      .select(recordColumns)
      .from(learningRecord)
      .innerJoin(person, eq(person.id, learningRecord.personId))
      .innerJoin(org, eq(org.id, learningRecord.orgId))
      .where(eq(learningRecord.id, id))
      .then((r) => r[0]);
  },

  async list(tx: Executor, f: RecordFilter, limit: number, offset: number) {
    const where = recordWhere(f);
    const [items, [{ total }]] = await Promise.all([
      tx
        .select(recordColumns)
        .from(learningRecord)
        .innerJoin(person, eq(person.id, learningRecord.personId))
        .innerJoin(org, eq(org.id, learningRecord.orgId))
        .where(where)
        .orderBy(desc(learningRecord.endsOn), asc(person.nameSort), asc(learningRecord.id))
        .limit(limit)
        .offset(offset),
      tx
        .select({ total: count() })
        .from(learningRecord)
        .innerJoin(person, eq(person.id, learningRecord.personId))
        .innerJoin(org, eq(org.id, learningRecord.orgId))
        .where(where),
    ]);
    return { items, total };
  },

  async insert(tx: Executor, rows: (typeof learningRecord.$inferInsert)[]): Promise<LearningRecordRow[]> {
    return rows.length ? tx.insert(learningRecord).values(rows).returning() : [];
  },

  async update(tx: Executor, id: string, set: Partial<typeof learningRecord.$inferInsert>): Promise<LearningRecordRow> {
    const [u] = await tx
      .update(learningRecord)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(learningRecord.id, id))
      .returning();
    return u;
  },

  remove(tx: Executor, id: string) {
    return tx.delete(learningRecord).where(eq(learningRecord.id, id));
  },

  evidenceOf(tx: Executor, recordIds: string[]) {
    if (recordIds.length === 0) return Promise.resolve([]);
    return tx
      .select({ recordId: learningEvidence.recordId, id: storedFile.id, name: storedFile.name, contentType: storedFile.contentType, size: storedFile.size, storageKey: storedFile.storageKey })
      .from(learningEvidence)
      .innerJoin(storedFile, eq(storedFile.id, learningEvidence.fileId))
      .where(inArray(learningEvidence.recordId, recordIds))
      .orderBy(asc(learningEvidence.createdAt));
  },

  addEvidence(tx: Executor, recordId: string, fileId: string) {
    return tx.insert(learningEvidence).values({ recordId, fileId });
  },

  removeEvidence(tx: Executor, recordId: string, fileId: string) {
    return tx.delete(learningEvidence).where(and(eq(learningEvidence.recordId, recordId), eq(learningEvidence.fileId, fileId))).returning();
  },

  /** Members of a subtree on a day, by person id (for bulk entry: each attendee must be one). */
  async membersAmong(tx: Executor, path: string, day: string, personIds: string[]) {
    if (personIds.length === 0) return [];
    const rows = await tx.execute(sql`
      select distinct on (m.person_id) m.person_id as "personId", m.org_id as "orgId", p.user_id as "userId", p.full_name as "fullName"
      from ${membership} m join ${org} o on o.id = m.org_id join ${person} p on p.id = m.person_id
      where m.person_id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)}) and o.path like ${path + '%'}
        and (m.valid_from is null or m.valid_from <= ${day}) and (m.valid_to is null or m.valid_to > ${day})
      order by m.person_id, m.is_leader desc, m.valid_from desc nulls last`);
    return rowsOf<{ personId: string; orgId: string; userId: string | null; fullName: string }>(rows);
  },

  // ── shares ────────────────────────────────────────────────────────────────
  /** The indicators counted per direct child of the subtree's root ('' for the root itself). */
  async tallies(tx: Executor, s: FactsScope): Promise<UnitTally[]> {
    // One pass over the facts, grouped by unit and language level; the levels are then folded per unit.
    const rows = await tx.execute(sql`
      select f."childId", coalesce(f."languageLevel", 'none') as level,
        count(*)::int as members,
        count(*) filter (where f."isLeader")::int as leaders,
        count(*) filter (where f."owesMandatory")::int as owing,
        count(*) filter (where f."planApproved")::int as "planApproved",
        count(*) filter (where f."mandatoryDone")::int as "mandatoryDone",
        count(*) filter (where f."isLeader" and f."leaderTrained")::int as "leaderTrained",
        count(*) filter (where f."digitalTrained")::int as "digitalTrained",
        count(*) filter (where f."itJoined")::int as "itJoined",
        count(*) filter (where f."languageJoined")::int as "languageJoined",
        count(*) filter (where f."languageCertified")::int as "languageCertified"
      from (${factsSql(s)}) f group by 1, 2`);
    const byChild = new Map<string, UnitTally>();
    for (const { level, ...r } of rowsOf<Omit<UnitTally, 'levels'> & { level: string }>(rows)) {
      const t = byChild.get(r.childId);
      if (!t) {
        byChild.set(r.childId, { ...r, levels: { [level]: r.members } });
        continue;
      }
      for (const k of ['members', 'leaders', 'owing', ...INDICATORS] as const) t[k] += r[k];
      t.levels[level] = r.members;
    }
    return [...byChild.values()];
  },

  /** Members behind one number: those who meet (or not) an indicator, in Vietnamese order. */
  async factsOf(tx: Executor, s: FactsScope, filter: { indicator: Indicator; met: boolean; childId?: string }, limit: number, offset: number) {
    const column = sql.raw(`"${filter.indicator}"`);
    const eligible = filter.indicator === 'leaderTrained' ? sql`and f."isLeader"` : filter.indicator === 'mandatoryDone' ? sql`and f."owesMandatory"` : sql``;
    const child = filter.childId !== undefined ? sql`and f."childId" = ${filter.childId}` : sql``;
    const base = sql`select * from (${factsSql(s)}) f where f.${column} = ${filter.met} ${eligible} ${child}`;
    const [items, [{ total }]] = await Promise.all([
      tx.execute(sql`${base} order by f."nameSort", f."personId" limit ${limit} offset ${offset}`).then(rowsOf<FactRow>),
      tx.execute(sql`select count(*)::int as total from (${base} limit ${COUNT_CAP + 1}) x`).then(rowsOf<{ total: number }>),
    ]);
    return { items, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP };
  },
};

/**
 * Members' mandatory-training standing that derived indicators count (recognition/derived-facts.ts),
 * as a SQL relation of `(id, label, sort, owes, done)`: the member, their name and sort key, whether
 * any mandatory training applies to them, and whether they did all of it. The same facts as the
 * shares above (`factsSql`), so the two screens never disagree; the planner drops the joins of the
 * facts this relation does not read.
 */
export const learningRecordRelations = {
  mandatoryStanding(s: FactsScope): SQL {
    return sql`select f."personId" as id, f."fullName" as label, f."nameSort" as sort, f."owesMandatory" as owes, f."mandatoryDone" as done
      from (${factsSql(s)}) f`;
  },
  /** Members with a verified digital-transformation training of the year, as `(id, label, sort, done)`. */
  digitalTraining(s: FactsScope): SQL {
    return sql`select f."personId" as id, f."fullName" as label, f."nameSort" as sort, f."digitalTrained" as done
      from (${factsSql(s)}) f`;
  },
};
