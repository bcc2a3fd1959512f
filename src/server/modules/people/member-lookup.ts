import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { org } from '../org/org.table.js';
import { membership, person } from './people.table.js';

/**
 * The person linked to an account, with their memberships open on `day` (leading first, then the
 * latest): the member behind a login, for their own plan and records.
 */
export async function memberOfUser(tx: Executor, userId: string, day: string) {
  const [p] = await tx.select({ id: person.id, fullName: person.fullName }).from(person).where(eq(person.userId, userId));
  if (!p) return undefined;
  const memberships = await tx
    .select({ orgId: membership.orgId, orgName: org.name, orgPath: org.path, position: membership.position, isLeader: membership.isLeader, category: membership.category })
    .from(membership)
    .innerJoin(org, eq(org.id, membership.orgId))
    .where(and(eq(membership.personId, p.id), or(isNull(membership.validFrom), lte(membership.validFrom, day)), or(isNull(membership.validTo), gt(membership.validTo, day))))
    .orderBy(desc(membership.isLeader), sql`${membership.validFrom} desc nulls last`);
  return { person: p, memberships };
}

export type MemberOfUser = NonNullable<Awaited<ReturnType<typeof memberOfUser>>>;
