import { and, asc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { containsPattern } from '../../db/columns.js';
import { org } from '../org/org.table.js';
import { inSubtrees } from '../org/org.repo.js';
import { COUNT_CAP } from './people.repo.js';
import { clan, clanHousehold, household, person } from './people.table.js';

const inPaths = (paths: string[]) => (paths.includes('/') ? undefined : inSubtrees(paths));

const memberCount = sql<number>`(select count(*)::int from ${person} m where m.household_id = "household"."id")`;
const headName = sql<string | null>`(select h.full_name from ${person} h where h.id = "household"."head_person_id")`;

const householdColumns = {
  id: household.id,
  code: household.code,
  orgId: household.orgId,
  orgName: org.name,
  orgPath: org.path,
  address: household.address,
  headPersonId: household.headPersonId,
  headName,
  memberCount,
};

export type HouseholdListRow = { id: string; code: string; orgId: string; orgName: string; orgPath: string; address: string | null; headPersonId: string | null; headName: string | null; memberCount: number };

async function capped(db: Executor, query: any) {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(query.limit(COUNT_CAP + 1).as('t'));
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

export const householdRepo = {
  /** Households of the subtrees, by hamlet then code (id breaks ties, for paging); `key` matches the code or the head's name. */
  async list(db: Executor, paths: string[], q: { key?: string; code?: string; limit: number; offset: number }) {
    const search = q.key
      ? or(like(household.code, containsPattern(q.code ?? q.key)), sql`exists (select 1 from ${person} h where h.id = ${household.headPersonId} and h.name_search like ${containsPattern(q.key)})`)
      : undefined;
    const where = and(inPaths(paths), search);
    const [items, count] = await Promise.all([
      db
        .select(householdColumns)
        .from(household)
        .innerJoin(org, eq(org.id, household.orgId))
        .where(where)
        .orderBy(asc(org.nameSort), asc(household.code), asc(household.id))
        .limit(q.limit)
        .offset(q.offset) as Promise<HouseholdListRow[]>,
      capped(db, db.select({ one: sql`1` }).from(household).innerJoin(org, eq(org.id, household.orgId)).where(where)),
    ]);
    return { items, ...count };
  },

  async findById(db: Executor, id: string): Promise<HouseholdListRow | undefined> {
    const rows = await db.select(householdColumns).from(household).innerJoin(org, eq(org.id, household.orgId)).where(eq(household.id, id));
    return rows[0] as HouseholdListRow | undefined;
  },

  findByCode(db: Executor, orgId: string, code: string) {
    return db.query.household.findFirst({ where: and(eq(household.orgId, orgId), eq(household.code, code)) });
  },

  async insert(tx: Executor, row: typeof household.$inferInsert) {
    const [created] = await tx.insert(household).values(row).onConflictDoNothing().returning();
    return created;
  },

  async update(tx: Executor, id: string, changes: Partial<typeof household.$inferInsert>) {
    const [updated] = await tx
      .update(household)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(household.id, id))
      .returning();
    return updated;
  },

  /** Households of one clan, across hamlets. */
  clanHouseholds(db: Executor, clanId: string) {
    return db
      .select(householdColumns)
      .from(clanHousehold)
      .innerJoin(household, eq(household.id, clanHousehold.householdId))
      .innerJoin(org, eq(org.id, household.orgId))
      .where(eq(clanHousehold.clanId, clanId))
      .orderBy(asc(org.nameSort), asc(household.code)) as Promise<HouseholdListRow[]>;
  },
};

const clanCounts = {
  householdCount: sql<number>`(select count(*)::int from ${clanHousehold} ch where ch.clan_id = "clan"."id")`,
  hamletCount: sql<number>`(select count(distinct h.org_id)::int from ${clanHousehold} ch join ${household} h on h.id = ch.household_id where ch.clan_id = "clan"."id")`,
  headName: sql<string | null>`(select p.full_name from ${person} p where p.id = "clan"."head_person_id")`,
};

const clanColumns = { clan, orgName: org.name, orgPath: org.path, ...clanCounts };

export const clanRepo = {
  async list(db: Executor, paths: string[], q: { key?: string; limit: number; offset: number }) {
    const where = and(inPaths(paths), q.key ? like(clan.nameSearch, containsPattern(q.key)) : undefined);
    const [items, count] = await Promise.all([
      db.select(clanColumns).from(clan).innerJoin(org, eq(org.id, clan.orgId)).where(where).orderBy(asc(clan.nameSort), asc(clan.id)).limit(q.limit).offset(q.offset),
      capped(db, db.select({ one: sql`1` }).from(clan).innerJoin(org, eq(org.id, clan.orgId)).where(where)),
    ]);
    return { items, ...count };
  },

  async findById(db: Executor, id: string) {
    const rows = await db.select(clanColumns).from(clan).innerJoin(org, eq(org.id, clan.orgId)).where(eq(clan.id, id));
    return rows[0];
  },

  findByName(db: Executor, orgId: string, nameSearch: string) {
    return db.query.clan.findFirst({ where: and(eq(clan.orgId, orgId), eq(clan.nameSearch, nameSearch)) });
  },

  async insert(tx: Executor, row: typeof clan.$inferInsert) {
    const [created] = await tx.insert(clan).values(row).onConflictDoNothing().returning();
    return created;
  },

  async update(tx: Executor, id: string, changes: Partial<typeof clan.$inferInsert>) {
    const [updated] = await tx
      .update(clan)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(clan.id, id))
      .returning();
    return updated;
  },

  async addHousehold(tx: Executor, clanId: string, householdId: string): Promise<boolean> {
    const rows = await tx.insert(clanHousehold).values({ clanId, householdId }).onConflictDoNothing().returning();
    return rows.length > 0;
  },

  async removeHousehold(tx: Executor, clanId: string, householdId: string): Promise<boolean> {
    const rows = await tx
      .delete(clanHousehold)
      .where(and(eq(clanHousehold.clanId, clanId), eq(clanHousehold.householdId, householdId)))
      .returning();
    return rows.length > 0;
  },
};

/** A household's name as the title screens show it: "Hộ <head's name> (<code>)". */
const householdLabel = sql`'Hộ ' || coalesce(hp.full_name, h.code) || ' (' || h.code || ')'`;
/** Households in Vietnamese order of their head's name, then by code. */
const householdSort = sql`coalesce(hp.name_sort, '') || chr(1) || h.code`;

/**
 * Households that derived indicators count (recognition/derived-facts.ts), as SQL relations of
 * `(id, label, sort)`, composed by the caller with what qualifies into one set-based statement.
 */
export const householdRelations = {
  /** Households registered in the hamlets (units) of a subtree. */
  householdsOf(path: string): SQL {
    return sql`select h.id, ${householdLabel} as label, ${householdSort} as sort
      from ${household} h join ${org} o on o.id = h.org_id left join ${person} hp on hp.id = h.head_person_id
      where o.path like ${path + '%'}`;
  },

  /** Households of a clan, whatever hamlet they live in. */
  householdsOfClan(clanId: string): SQL {
    return sql`select h.id, ${householdLabel} as label, ${householdSort} as sort
      from ${clanHousehold} ch join ${household} h on h.id = ch.household_id left join ${person} hp on hp.id = h.head_person_id
      where ch.clan_id = ${clanId}`;
  },
};
