import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, textC, updatedAt } from '../../db/columns.js';
import type { PersonLanguage } from '../../../shared/api-types.js';
import { org } from '../org/org.table.js';
import { userAccount } from '../user/user.table.js';

/**
 * A person: a member of staff, a resident, or both. Who may see a person follows where they
 * live (`residence_org_id`, a hamlet) and where they work (`membership`), never a copy of a path,
 * so moving or merging units needs no rewrite of people.
 */
export type { PersonLanguage };

export const person = pgTable(
  'person',
  {
    id: id(),
    fullName: text('full_name').notNull(),
    nameSearch: text('name_search').notNull(),
    nameSort: textC('name_sort').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    sex: text('sex'),
    ethnicity: text('ethnicity'),
    citizenId: text('citizen_id'),
    phone: text('phone'),
    email: text('email'),
    userId: uuid('user_id').references(() => userAccount.id, { onDelete: 'set null' }),
    residenceOrgId: uuid('residence_org_id').references(() => org.id),
    address: text('address'),
    householdId: uuid('household_id').references((): AnyPgColumn => household.id, { onDelete: 'set null' }),
    householdRelation: text('household_relation'),
    generalEducation: text('general_education'),
    qualification: text('qualification'),
    qualificationMajor: text('qualification_major'),
    languages: jsonb('languages').$type<PersonLanguage[]>().notNull().default(sql`'[]'::jsonb`),
    itSkill: text('it_skill'),
    occupation: text('occupation'),
    citizenGroup: text('citizen_group').notNull(),
    citizenGroupManual: boolean('citizen_group_manual').notNull().default(false),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('person_citizen_id_uq').on(t.citizenId).where(sql`${t.citizenId} IS NOT NULL`),
    uniqueIndex('person_user_uq').on(t.userId).where(sql`${t.userId} IS NOT NULL`),
    index('person_residence_idx').on(t.residenceOrgId, t.nameSort),
    index('person_name_sort_idx').on(t.nameSort, t.id),
    index('person_household_idx').on(t.householdId),
    index('person_name_search_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    check('person_sex_ck', sql`${t.sex} IN ('male', 'female')`),
  ],
);

/** A person's place in a unit over time: position, leadership, category, rank. */
export const membership = pgTable(
  'membership',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    position: text('position'),
    isLeader: boolean('is_leader').notNull().default(false),
    category: text('category').notNull(),
    rank: text('rank'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('membership_org_idx').on(t.orgId, t.validTo),
    index('membership_person_idx').on(t.personId, t.validFrom),
    check('membership_category_ck', sql`${t.category} IN ('cong_chuc', 'vien_chuc', 'nguoi_lao_dong')`),
    check('membership_dates_ck', sql`${t.validTo} IS NULL OR ${t.validFrom} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** A household (hộ gia đình) registered in a hamlet. */
export const household = pgTable(
  'household',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    code: text('code').notNull(),
    headPersonId: uuid('head_person_id').references((): AnyPgColumn => person.id, { onDelete: 'set null' }),
    address: text('address'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // The head's foreign key sets null on delete: without this index every deleted person scans all households.
  (t) => [uniqueIndex('household_code_uq').on(t.orgId, t.code), index('household_head_idx').on(t.headPersonId)],
);

/** A clan (dòng họ) of a commune, whose member households may live in several hamlets. */
export const clan = pgTable(
  'clan',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    nameSearch: text('name_search').notNull(),
    nameSort: textC('name_sort').notNull(),
    headPersonId: uuid('head_person_id').references(() => person.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('clan_name_uq').on(t.orgId, t.nameSearch)],
);

export const clanHousehold = pgTable(
  'clan_household',
  {
    clanId: uuid('clan_id')
      .notNull()
      .references(() => clan.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => household.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.clanId, t.householdId] }), index('clan_household_household_idx').on(t.householdId)],
);
