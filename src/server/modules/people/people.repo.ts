import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { containsPattern } from '../../db/columns.js';
import { org } from '../org/org.table.js';
import { inSubtrees } from '../org/org.repo.js';
import { clan, clanHousehold, household, membership, person } from './people.table.js';

export type PersonRow = typeof person.$inferSelect;
export type NewPersonRow = typeof person.$inferInsert;
export type MembershipRow = typeof membership.$inferSelect;
export type HouseholdRow = typeof household.$inferSelect;
export type ClanRow = typeof clan.$inferSelect;

/** Lists count exactly up to this many rows, then say "more than". */
export const COUNT_CAP = 10_000;

export interface PeopleFilter {
  /** Subtrees (paths) to list; ['/'] is everything. */
  paths: string[];
  nameKey?: string;
  /** Exact citizen ID or phone number. */
  identifier?: string;
  sex?: string;
  /** Born in (after, onOrBefore]: an age band on the day. */
  born?: { after: string; onOrBefore: string };
  ethnicity?: string;
  citizenGroup?: string;
  category?: string;
  position?: string;
  isLeader?: boolean;
  sort: 'name' | '-name' | 'birthDate' | '-birthDate';
  limit: number;
  offset: number;
}

/** Memberships that hold on `day`: started on or before it, not ended by it. */
export function membershipOn(day: string): SQL {
  return and(or(isNull(membership.validFrom), lte(membership.validFrom, day)), or(isNull(membership.validTo), gt(membership.validTo, day)))!;
}

const inPaths = (paths: string[]) => (paths.includes('/') ? undefined : inSubtrees(paths));

function personConditions(f: PeopleFilter): (SQL | undefined)[] {
  return [
    f.nameKey ? like(person.nameSearch, containsPattern(f.nameKey)) : undefined,
    f.identifier ? or(eq(person.citizenId, f.identifier), eq(person.phone, f.identifier)) : undefined,
    f.sex ? eq(person.sex, f.sex) : undefined,
    f.born ? and(gt(person.birthDate, f.born.after), lte(person.birthDate, f.born.onOrBefore)) : undefined,
    f.ethnicity ? eq(person.ethnicity, f.ethnicity) : undefined,
    f.citizenGroup ? eq(person.citizenGroup, f.citizenGroup) : undefined,
  ];
}

function personOrder(sort: PeopleFilter['sort']) {
  const dir = sort.startsWith('-') ? desc : asc;
  const primary = sort.endsWith('birthDate') ? [dir(person.birthDate), asc(person.nameSort)] : [dir(person.nameSort)];
  return [...primary, asc(person.id)];
}

const listedPerson = {
  id: person.id,
  fullName: person.fullName,
  birthDate: person.birthDate,
  sex: person.sex,
  ethnicity: person.ethnicity,
  citizenId: person.citizenId,
  phone: person.phone,
  citizenGroup: person.citizenGroup,
};

async function cappedCount(db: Executor, from: (q: any) => any): Promise<{ total: number; capped: boolean }> {
  const rows = from(db.select({ one: sql`1` })).limit(COUNT_CAP + 1).as('t');
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(rows);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/**
 * How resident lists choose their query shape (tests lower them to exercise every shape on small data):
 * * `smallSubtree`: subtrees of at most this many units are listed by their ids rather than by path;
 * * `matchesFirstLimit`: a name search over the province (or a larger subtree), sorted by name, is
 *   answered "matches first" when the planner expects at most this many people to match the name.
 *   Matching first costs about what the matches cost to read (4 M residents: 60–310 ms up to 170 k
 *   matches); above the limit the matches are dense enough for the walk along person_name_sort_idx
 *   to meet a page of them early ("an", 2.6 M matches: 1.7 s matched first, 5 ms walked). The
 *   estimate can be twice the truth ("hung": 307 k estimated, 152 k found, 1.8 s walked, 0.28 s
 *   matched first), hence the margin. bench/README.md, "Province name search".
 */
export const listTuning = { smallSubtree: 1000, matchesFirstLimit: 500_000 };

/**
 * Where residents are looked for, and how a name is matched there. Within a commune or a district,
 * the units' ids are fetched first and the name is checked on their residents' rows: left to itself
 * the planner probes the trigram index once per hamlet and a common name in one commune took 12 s at
 * province scale (bench/README.md). Province-wide, the trigram index is the right tool.
 */
function residentConditions(f: PeopleFilter, units: { id: string }[] | null): (SQL | undefined)[] {
  if (units === null) return [inPaths(f.paths), ...personConditions(f)];
  const inUnits = units.length ? inArray(person.residenceOrgId, units.map((u) => u.id)) : sql`false`;
  // `|| ''` keeps the trigram index out of this plan; the name is checked on the subtree's rows.
  const name = f.nameKey ? sql`(${person.nameSearch} || '') like ${containsPattern(f.nameKey)}` : undefined;
  return [inUnits, name, ...personConditions({ ...f, nameKey: undefined })];
}

/** The units of a small subtree, or null for a province-wide list (or a large subtree). */
async function smallSubtree(db: Executor, paths: string[]) {
  if (paths.includes('/')) return null;
  const units = await db.select({ id: org.id }).from(org).where(inSubtrees(paths)).limit(listTuning.smallSubtree + 1);
  return units.length > listTuning.smallSubtree ? null : units;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The planner's estimate of the people whose name contains the key: EXPLAIN without ANALYZE, about
 * a millisecond. Whatever the subtree, matching first costs what the trigram index returns.
 */
async function estimatedNameMatches(db: Executor, nameKey: string): Promise<number> {
  const [row] = rowsOf<Record<string, unknown>>(await db.execute(sql`explain (format json) select 1 from ${person} where ${like(person.nameSearch, containsPattern(nameKey))}`));
  const value = Object.values(row ?? {})[0];
  const plan = (typeof value === 'string' ? JSON.parse(value) : value) as { Plan: { 'Plan Rows': number } }[];
  return plan[0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY;
}

/**
 * Residents found by name, "matches first": every match's id and sort key through the trigram index
 * (materialised, so the planner cannot walk person_name_sort_idx instead), the page's ids by name,
 * then the page's rows; the matches are counted (up to the cap) in the same statement, from the
 * materialised matches rather than by a second trigram scan. Left to itself the planner
 * walks the name order filtering by name, expecting matches to be spread along it; but names sort
 * by given name first, so a full name's matches cluster ("nguyen thi thuy" all sort under "thuy")
 * and the walk read 3.2 M rows (3.2 s) before the first one.
 */
async function residentsMatchesFirst(db: Executor, f: PeopleFilter & { nameKey: string }) {
  const conditions = personConditions(f);
  const matches = f.paths.includes('/')
    ? db.select({ id: person.id, nameSort: person.nameSort }).from(person).where(and(isNotNull(person.residenceOrgId), ...conditions))
    : db.select({ id: person.id, nameSort: person.nameSort }).from(person).innerJoin(org, eq(org.id, person.residenceOrgId)).where(and(inSubtrees(f.paths), ...conditions));
  const dir = f.sort === '-name' ? sql`desc` : sql`asc`;
  const rows = rowsOf<ResidentListRow & { matches: number }>(
    await db.execute(sql`
      with m as materialized (${matches}),
      page as (select id, name_sort from m order by name_sort ${dir}, id limit ${f.limit} offset ${f.offset})
      select ${person.id} as "id", ${person.fullName} as "fullName", ${person.birthDate} as "birthDate", ${person.sex} as "sex",
             ${person.ethnicity} as "ethnicity", ${person.citizenId} as "citizenId", ${person.phone} as "phone",
             ${person.citizenGroup} as "citizenGroup", ${org.id} as "orgId", ${org.name} as "orgName", ${org.path} as "orgPath",
             ${person.householdId} as "householdId", ${person.householdRelation} as "householdRelation",
             (select count(*) from (select 1 from m limit ${COUNT_CAP + 1}) c)::int as "matches"
        from page join ${person} on ${person.id} = page.id join ${org} on ${org.id} = ${person.residenceOrgId}
       order by page.name_sort ${dir}, page.id`),
  );
  const n = rows.length ? Number(rows[0]!.matches) : f.offset === 0 ? 0 : null;
  const items = rows.map(({ matches: _m, ...r }) => r as ResidentListRow);
  return { items, n };
}

export const peopleRepo = {
  /** Current staff of the subtrees: one row per membership that holds on `day`. */
  async listStaff(db: Executor, f: PeopleFilter, day: string) {
    const where = and(
      inPaths(f.paths),
      membershipOn(day),
      ...personConditions(f),
      f.category ? eq(membership.category, f.category) : undefined,
      f.position ? eq(membership.position, f.position) : undefined,
      f.isLeader !== undefined ? eq(membership.isLeader, f.isLeader) : undefined,
    );
    const from = (q: any) => q.from(membership).innerJoin(person, eq(person.id, membership.personId)).innerJoin(org, eq(org.id, membership.orgId)).where(where);
    const [items, count] = await Promise.all([
      from(
        db.select({
          ...listedPerson,
          orgId: org.id,
          orgName: org.name,
          orgPath: org.path,
          membershipId: membership.id,
          position: membership.position,
          category: membership.category,
          isLeader: membership.isLeader,
        }),
      )
        .orderBy(...personOrder(f.sort), asc(membership.id))
        .limit(f.limit)
        .offset(f.offset) as Promise<StaffListRow[]>,
      cappedCount(db, from),
    ]);
    return { items, ...count };
  },

  /** Residents of the subtrees (by the hamlet or unit they live in). */
  async listResidents(db: Executor, f: PeopleFilter) {
    const units = await smallSubtree(db, f.paths);
    const where = and(...residentConditions(f, units));
    const from = (q: any) => q.from(person).innerJoin(org, eq(org.id, person.residenceOrgId)).where(where);
    // Province-wide (or a large subtree), by name: the planner's estimate of the matches picks the shape.
    if (units === null && f.nameKey && !f.sort.endsWith('birthDate') && (await estimatedNameMatches(db, f.nameKey)) <= listTuning.matchesFirstLimit) {
      const { items, n } = await residentsMatchesFirst(db, { ...f, nameKey: f.nameKey });
      // A page past the end has no row to carry the count: count as other lists do.
      const count = n === null ? await cappedCount(db, from) : { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
      return { items, ...count };
    }
    const [items, count] = await Promise.all([
      from(
        db.select({ ...listedPerson, orgId: org.id, orgName: org.name, orgPath: org.path, householdId: person.householdId, householdRelation: person.householdRelation }),
      )
        .orderBy(...personOrder(f.sort))
        .limit(f.limit)
        .offset(f.offset) as Promise<ResidentListRow[]>,
      cappedCount(db, from),
    ]);
    return { items, ...count };
  },

  /** Distinct positions held in the subtrees on `day`, for the filter. */
  async positions(db: Executor, paths: string[], day: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ position: membership.position })
      .from(membership)
      .innerJoin(org, eq(org.id, membership.orgId))
      .where(and(inPaths(paths), membershipOn(day), sql`${membership.position} is not null`))
      .limit(500);
    return rows.map((r) => r.position!);
  },

  findById(db: Executor, id: string): Promise<PersonRow | undefined> {
    return db.query.person.findFirst({ where: eq(person.id, id) });
  },

  findByCitizenIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.select({ id: person.id, citizenId: person.citizenId }).from(person).where(inArray(person.citizenId, ids));
  },

  /** Where a person lives and works: the organisations that decide who may see them. */
  async placesOf(db: Executor, personId: string) {
    const p = await db.query.person.findFirst({ where: eq(person.id, personId), columns: { residenceOrgId: true } });
    const residence = p?.residenceOrgId ? await db.select({ id: org.id, path: org.path, name: org.name }).from(org).where(eq(org.id, p.residenceOrgId)) : [];
    const memberships = await db
      .select({ membership, orgName: org.name, orgPath: org.path })
      .from(membership)
      .innerJoin(org, eq(org.id, membership.orgId))
      .where(eq(membership.personId, personId))
      .orderBy(desc(sql`coalesce(${membership.validFrom}, '0001-01-01')`), asc(membership.id));
    return { residence: residence[0] ?? null, memberships };
  },

  async insert(tx: Executor, row: NewPersonRow): Promise<PersonRow> {
    const [created] = await tx.insert(person).values(row).returning();
    return created;
  },

  async update(tx: Executor, id: string, changes: Partial<NewPersonRow>): Promise<PersonRow> {
    const [updated] = await tx
      .update(person)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(person.id, id))
      .returning();
    return updated;
  },

  /** Whether another person already holds the citizen ID. */
  async citizenIdTaken(db: Executor, citizenId: string, exceptId?: string): Promise<boolean> {
    const rows = await db
      .select({ id: person.id })
      .from(person)
      .where(and(eq(person.citizenId, citizenId), exceptId ? sql`${person.id} <> ${exceptId}` : undefined))
      .limit(1);
    return rows.length > 0;
  },

  /** Whether another person is already linked to the account. */
  async userLinked(db: Executor, userId: string, exceptPersonId?: string): Promise<boolean> {
    const rows = await db
      .select({ id: person.id })
      .from(person)
      .where(and(eq(person.userId, userId), exceptPersonId ? sql`${person.id} <> ${exceptPersonId}` : undefined))
      .limit(1);
    return rows.length > 0;
  },

  findMembership(db: Executor, id: string): Promise<MembershipRow | undefined> {
    return db.query.membership.findFirst({ where: eq(membership.id, id) });
  },

  async insertMembership(tx: Executor, row: typeof membership.$inferInsert): Promise<MembershipRow> {
    const [created] = await tx.insert(membership).values(row).returning();
    return created;
  },

  async updateMembership(tx: Executor, id: string, changes: Partial<typeof membership.$inferInsert>): Promise<MembershipRow> {
    const [updated] = await tx
      .update(membership)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(membership.id, id))
      .returning();
    return updated;
  },

  /** Categories of a person's memberships that hold on `day`. */
  async currentCategories(db: Executor, personId: string, day: string): Promise<string[]> {
    const rows = await db
      .select({ category: membership.category })
      .from(membership)
      .where(and(eq(membership.personId, personId), membershipOn(day)));
    return rows.map((r) => r.category);
  },

  householdsByIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as HouseholdRow[]);
    return db.select().from(household).where(inArray(household.id, ids));
  },

  clansOfHousehold(db: Executor, householdId: string) {
    return db
      .select({ id: clan.id, name: clan.name, orgId: clan.orgId })
      .from(clanHousehold)
      .innerJoin(clan, eq(clan.id, clanHousehold.clanId))
      .where(eq(clanHousehold.householdId, householdId));
  },

  membersOfHousehold(db: Executor, householdId: string) {
    return db.select().from(person).where(eq(person.householdId, householdId)).orderBy(asc(person.birthDate), asc(person.nameSort));
  },
};

export type { StaffListRow, ResidentListRow };

interface ListedPerson {
  id: string;
  fullName: string;
  birthDate: string | null;
  sex: string | null;
  ethnicity: string | null;
  citizenId: string | null;
  phone: string | null;
  citizenGroup: string;
  orgId: string;
  orgName: string;
  orgPath: string;
}
interface StaffListRow extends ListedPerson {
  membershipId: string;
  position: string | null;
  category: string;
  isLeader: boolean;
}
interface ResidentListRow extends ListedPerson {
  householdId: string | null;
  householdRelation: string | null;
}

/**
 * Populations that derived indicators count (recognition/derived-facts.ts), as SQL relations of
 * `(id, label, sort)`: the person's id, full name and Vietnamese sort key. The caller composes them
 * with what qualifies into one set-based statement, so a share costs one query whatever the size
 * of the subtree (bench/README.md, "Derived indicators at province scale").
 */
export const peopleRelations = {
  /** Staff of a subtree on a day: memberships open that day in a unit of the subtree; a person with several counts once. */
  staffOf(path: string, day: string): SQL {
    return sql`select p.id, p.full_name as label, p.name_sort as sort from ${person} p
      where p.id in (
        select m.person_id from ${membership} m join ${org} o on o.id = m.org_id
        where o.path like ${path + '%'} and (m.valid_from is null or m.valid_from <= ${day}) and (m.valid_to is null or m.valid_to > ${day}))`;
  },

  /**
   * Residents of a subtree (by the hamlet or unit they live in); with `minAge`, only those at least
   * that old on `day` (an unknown birth date counts: the record, not the person, is incomplete).
   */
  residentsOf(path: string, opts: { day: string; minAge?: number }): SQL {
    return sql`select p.id, p.full_name as label, p.name_sort as sort from ${person} p join ${org} o on o.id = p.residence_org_id
      where o.path like ${path + '%'}${bornBy(opts)}`;
  },

  /** Members of a household; with `minAge`, only those at least that old on `day` (unknown birth dates count). */
  membersOfHousehold(householdId: string, opts: { day: string; minAge?: number }): SQL {
    return sql`select p.id, p.full_name as label, p.name_sort as sort from ${person} p where p.household_id = ${householdId}${bornBy(opts)}`;
  },
};

/** `and` born on or before the day `minAge` years before `day` (nothing without minAge). */
function bornBy(opts: { day: string; minAge?: number }): SQL {
  if (opts.minAge === undefined) return sql``;
  return sql` and (p.birth_date is null or p.birth_date <= (${opts.day}::date - make_interval(years => ${opts.minAge}::int))::date)`;
}
