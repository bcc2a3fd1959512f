import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { searchKey, sortKey } from '../../../shared/vn-text.js';
import type { Executor, Tx } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ruleBroken } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { ReorgImpact, ReorgParticipant, ReorgTransfer } from '../org/reorganisation.js';
import { clan, household, membership, person } from './people.table.js';

/** Memberships in a unit that are still running on the date (or start later). */
const runningOn = (orgId: string, day: string) => and(eq(membership.orgId, orgId), or(isNull(membership.validTo), gt(membership.validTo, day)));

const IMPACTS = {
  memberships: { labelVi: 'Cán bộ, công chức, viên chức chuyển sang đơn vị mới', labelEn: 'Staff memberships moved to the new unit' },
  residents: { labelVi: 'Người dân đăng ký trực tiếp tại đơn vị', labelEn: 'Residents registered directly on the unit' },
  households: { labelVi: 'Hộ gia đình đăng ký trực tiếp tại đơn vị', labelEn: 'Households registered directly on the unit' },
  clans: { labelVi: 'Dòng họ', labelEn: 'Clans' },
} as const;

const impact = (key: keyof typeof IMPACTS, count: number): ReorgImpact => ({ key, ...IMPACTS[key], count });

async function count(tx: Executor, table: typeof person | typeof household | typeof clan, column: any, orgIds: string[]) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(table).where(inArray(column, orgIds));
  return n;
}

/**
 * People's side of a reorganisation: records attached directly to a unit that closes go to its
 * successor. Staff memberships end the day the unit closes and continue in the successor from that
 * day, so their history stays with the old unit; residents, households and clans change unit.
 * Units that move keep their ids and need nothing (a hamlet's residents move with the hamlet).
 */
export const peopleReorgParticipant: ReorgParticipant = {
  async preview(tx, day, transfers) {
    const from = transfers.map((t) => t.fromOrgId);
    if (from.length === 0) return [];
    const [{ n: memberships }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(membership)
      .where(and(inArray(membership.orgId, from), or(isNull(membership.validTo), gt(membership.validTo, day))));
    return [
      impact('memberships', memberships),
      impact('residents', await count(tx, person, person.residenceOrgId, from)),
      impact('households', await count(tx, household, household.orgId, from)),
      impact('clans', await count(tx, clan, clan.orgId, from)),
    ];
  },

  async apply(tx, ctx, day, transfers) {
    const totals = { memberships: 0, residents: 0, households: 0, clans: 0 };
    for (const t of transfers) {
      totals.memberships += await moveMemberships(tx, ctx, day, t);
      totals.residents += await moveResidents(tx, ctx, t);
      totals.households += await moveHouseholds(tx, ctx, t);
      totals.clans += await moveClans(tx, ctx, t);
    }
    return (Object.keys(totals) as (keyof typeof totals)[]).map((k) => impact(k, totals[k]));
  },
};

async function moveMemberships(tx: Tx, ctx: RequestContext, day: string, t: ReorgTransfer) {
  const running = await tx.select().from(membership).where(runningOn(t.fromOrgId, day));
  for (const m of running) {
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = m;
    if (m.validFrom !== null && m.validFrom >= day) {
      // Not started yet: it simply belongs to the successor.
      await tx.update(membership).set({ orgId: t.toOrgId, updatedAt: new Date() }).where(eq(membership.id, m.id));
      await recordAudit(tx, ctx, { action: 'reorganise', entity: 'membership', entityId: m.id, orgId: t.toOrgId, before: { orgId: t.fromOrgId }, after: { orgId: t.toOrgId } });
      continue;
    }
    await tx.update(membership).set({ validTo: day, updatedAt: new Date() }).where(eq(membership.id, m.id));
    const [next] = await tx
      .insert(membership)
      .values({ ...rest, orgId: t.toOrgId, validFrom: day })
      .returning();
    await recordAudit(tx, ctx, { action: 'reorganise', entity: 'membership', entityId: m.id, orgId: t.fromOrgId, before: { validTo: m.validTo }, after: { validTo: day, continuedAs: next.id } });
    await recordAudit(tx, ctx, { action: 'create', entity: 'membership', entityId: next.id, orgId: t.toOrgId, after: { ...rest, orgId: t.toOrgId, validFrom: day } });
  }
  return running.length;
}

async function moveResidents(tx: Tx, ctx: RequestContext, t: ReorgTransfer) {
  const moved = await tx.update(person).set({ residenceOrgId: t.toOrgId, updatedAt: new Date() }).where(eq(person.residenceOrgId, t.fromOrgId)).returning({ id: person.id });
  if (moved.length) {
    await recordAudit(tx, ctx, { action: 'reorganise', entity: 'person', orgId: t.toOrgId, before: { residenceOrgId: t.fromOrgId }, after: { residenceOrgId: t.toOrgId, personIds: moved.map((p) => p.id) } });
  }
  return moved.length;
}

async function moveHouseholds(tx: Tx, ctx: RequestContext, t: ReorgTransfer) {
  const clashes = await tx.execute(
    sql`select a.code from ${household} a join ${household} b on b.code = a.code and b.org_id = ${t.toOrgId} where a.org_id = ${t.fromOrgId} limit 20`,
  );
  const codes = (clashes as unknown as { rows: { code: string }[] }).rows.map((r) => r.code);
  if (codes.length) {
    throw ruleBroken(
      'HOUSEHOLD_CODE_CLASH',
      `Mã hộ trùng với đơn vị nhận: ${codes.join(', ')}. Hãy đổi mã các hộ này trước khi sắp xếp.`,
      `Household codes already used in the receiving unit: ${codes.join(', ')}. Change them before the reorganisation.`,
    );
  }
  const moved = await tx.update(household).set({ orgId: t.toOrgId, updatedAt: new Date() }).where(eq(household.orgId, t.fromOrgId)).returning({ id: household.id });
  if (moved.length) {
    await recordAudit(tx, ctx, { action: 'reorganise', entity: 'household', orgId: t.toOrgId, before: { orgId: t.fromOrgId }, after: { orgId: t.toOrgId, householdIds: moved.map((h) => h.id) } });
  }
  return moved.length;
}

/** Clans follow their commune; a clan whose name the successor already has keeps it with the old commune's name added. */
async function moveClans(tx: Tx, ctx: RequestContext, t: ReorgTransfer) {
  const clans = await tx.select().from(clan).where(eq(clan.orgId, t.fromOrgId));
  for (const c of clans) {
    const [clash] = await tx.select({ id: clan.id }).from(clan).where(and(eq(clan.orgId, t.toOrgId), eq(clan.nameSearch, c.nameSearch)));
    const [oldUnit] = clash ? await tx.execute(sql`select name from org where id = ${t.fromOrgId}`).then((r) => (r as unknown as { rows: { name: string }[] }).rows) : [];
    const name = clash ? `${c.name} (${oldUnit.name})` : c.name;
    await tx.update(clan).set({ orgId: t.toOrgId, name, nameSearch: searchKey(name), nameSort: sortKey(name), updatedAt: new Date() }).where(eq(clan.id, c.id));
    await recordAudit(tx, ctx, { action: 'reorganise', entity: 'clan', entityId: c.id, orgId: t.toOrgId, before: { orgId: t.fromOrgId, name: c.name }, after: { orgId: t.toOrgId, name } });
  }
  return clans.length;
}
