import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, textC, updatedAt } from '../../db/columns.js';
import { org } from '../org/org.table.js';

/** A login account. Its home organisation decides who may manage it. */
export const userAccount = pgTable(
  'user_account',
  {
    id: id(),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    nameSearch: text('name_search').notNull(),
    nameSort: textC('name_sort').notNull(),
    homeOrgId: uuid('home_org_id').references(() => org.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('user_login_uq').on(t.login),
    index('user_home_org_idx').on(t.homeOrgId),
    index('user_name_sort_idx').on(t.nameSort),
    index('user_name_search_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    index('user_login_trgm_idx').using('gin', sql`${t.login} gin_trgm_ops`),
  ],
);

/** A role granted to a user on an organisation; it covers the organisation's subtree. */
export const roleGrant = pgTable(
  'role_grant',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('role_grant_uq').on(t.userId, t.orgId, t.role), index('role_grant_org_idx').on(t.orgId)],
);
