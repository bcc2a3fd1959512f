import { nfc, searchKey, sortKey } from '../../../shared/vn-text.js';
import type { CappedPage, ClanDetail, ClanSummary, HouseholdDetail, HouseholdSummary } from '../../../shared/api-types.js';
import type { Db, Executor } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { requireActor, type RequestContext } from '../../platform/http/context.js';
import { authorize, can, scopePaths, type Actor } from '../../platform/policy.js';
import type { OrgService } from '../org/org.service.js';
import { clanRepo, householdRepo, type HouseholdListRow } from './household.repo.js';
import { peopleRepo } from './people.repo.js';

const householdNotFound = () => notFound({ vi: 'Không tìm thấy hộ gia đình.', en: 'Household not found.' });
const clanNotFound = () => notFound({ vi: 'Không tìm thấy dòng họ.', en: 'Clan not found.' });
const codeTaken = () => conflict('HOUSEHOLD_CODE_TAKEN', 'Mã hộ này đã có trong thôn, ấp.', 'This household code already exists in the hamlet.', 'code');
const clanTaken = () => conflict('CLAN_NAME_TAKEN', 'Dòng họ này đã có trong xã.', 'This clan already exists in the commune.', 'name');

const presentHousehold = (h: HouseholdListRow): HouseholdSummary => ({
  id: h.id,
  code: h.code,
  org: { id: h.orgId, name: h.orgName },
  address: h.address,
  head: h.headPersonId && h.headName ? { id: h.headPersonId, fullName: h.headName } : null,
  memberCount: h.memberCount,
});

type ClanRowView = NonNullable<Awaited<ReturnType<typeof clanRepo.findById>>>;
const presentClan = (r: ClanRowView): ClanSummary => ({
  id: r.clan.id,
  name: r.clan.name,
  org: { id: r.clan.orgId, name: r.orgName },
  head: r.clan.headPersonId && r.headName ? { id: r.clan.headPersonId, fullName: r.headName } : null,
  householdCount: r.householdCount,
  hamletCount: r.hamletCount,
  note: r.clan.note,
});

const page = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
const tidy = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : nfc(s).replace(/\s+/g, ' ').trim() || null);

/** Households (hộ gia đình) of hamlets and clans (dòng họ) of communes. */
export function createHouseholdService(db: Db, orgs: OrgService) {
  async function loadHousehold(tx: Executor, actor: Actor, id: string, action: 'person.read' | 'person.manage') {
    const h = await householdRepo.findById(tx, id);
    if (!h || !can(actor, 'person.read', h.orgPath)) throw householdNotFound();
    authorize(actor, action, h.orgPath);
    return h;
  }

  async function loadClan(tx: Executor, actor: Actor, id: string, action: 'person.read' | 'person.manage') {
    const c = await clanRepo.findById(tx, id);
    if (!c || !can(actor, 'person.read', c.orgPath)) throw clanNotFound();
    authorize(actor, action, c.orgPath);
    return c;
  }

  /** A head of household or clan must be someone the actor may see. */
  async function checkHead(tx: Executor, actor: Actor, personId: string | null | undefined, householdId?: string) {
    if (!personId) return;
    const p = await peopleRepo.findById(tx, personId);
    if (!p || (householdId !== undefined && p.householdId !== householdId)) {
      throw invalid('headPersonId', 'Chủ hộ phải là một thành viên của hộ.', 'The head must be a member of the household.');
    }
  }

  async function scope(actor: Actor, orgId?: string) {
    return orgId ? [(await orgs.requireAccess(db, actor, orgId, 'person.read')).path] : scopePaths(actor, 'person.read');
  }

  async function householdDetail(tx: Executor, actor: Actor, id: string): Promise<HouseholdDetail> {
    const h = await loadHousehold(tx, actor, id, 'person.read');
    const members = await peopleRepo.membersOfHousehold(tx, id);
    const clans = await peopleRepo.clansOfHousehold(tx, id);
    return {
      ...presentHousehold(h),
      members: members.map((m) => ({ id: m.id, fullName: m.fullName, birthDate: m.birthDate, sex: m.sex as 'male' | 'female' | null, relation: m.householdRelation, citizenGroup: m.citizenGroup })),
      clans: clans.map((c) => ({ id: c.id, name: c.name })),
      can: { manage: can(actor, 'person.manage', h.orgPath) },
    };
  }

  async function clanDetail(tx: Executor, actor: Actor, id: string): Promise<ClanDetail> {
    const c = await loadClan(tx, actor, id, 'person.read');
    const households = (await householdRepo.clanHouseholds(tx, id)).filter((h) => can(actor, 'person.read', h.orgPath));
    return { ...presentClan(c), households: households.map(presentHousehold), can: { manage: can(actor, 'person.manage', c.orgPath) } };
  }

  return {
    async listHouseholds(ctx: RequestContext, q: { orgId?: string; q?: string; page: number; pageSize: number }): Promise<CappedPage<HouseholdSummary>> {
      const paths = await scope(requireActor(ctx), q.orgId);
      const text = q.q ? nfc(q.q).trim() : '';
      const r = paths.length ? await householdRepo.list(db, paths, { key: text ? searchKey(text) : undefined, code: text || undefined, ...page(q) }) : { items: [], total: 0, capped: false };
      return { items: r.items.map(presentHousehold), total: r.total, totalCapped: r.capped, page: q.page, pageSize: q.pageSize };
    },

    getHousehold(ctx: RequestContext, id: string) {
      return householdDetail(db, requireActor(ctx), id);
    },

    async createHousehold(ctx: RequestContext, input: { orgId: string; code: string; address?: string | null }) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const hamlet = await orgs.requireAccess(tx, actor, input.orgId, 'person.manage');
        const created = await householdRepo.insert(tx, { orgId: input.orgId, code: nfc(input.code).trim(), address: tidy(input.address) ?? null });
        if (!created) throw codeTaken();
        await recordAudit(tx, ctx, { action: 'create', entity: 'household', entityId: created.id, orgId: input.orgId, rootId: hamlet.rootId, after: created });
        return householdDetail(tx, actor, created.id);
      });
    },

    async updateHousehold(ctx: RequestContext, id: string, input: { code?: string; address?: string | null; headPersonId?: string | null }) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const before = await loadHousehold(tx, actor, id, 'person.manage');
        await checkHead(tx, actor, input.headPersonId, id);
        if (input.code && input.code !== before.code && (await householdRepo.findByCode(tx, before.orgId, nfc(input.code).trim()))) throw codeTaken();
        const after = await householdRepo.update(tx, id, { code: input.code ? nfc(input.code).trim() : undefined, address: tidy(input.address), headPersonId: input.headPersonId });
        await recordAudit(tx, ctx, { action: 'update', entity: 'household', entityId: id, orgId: before.orgId, before: { code: before.code, address: before.address, headPersonId: before.headPersonId }, after: { code: after.code, address: after.address, headPersonId: after.headPersonId } });
        return householdDetail(tx, actor, id);
      });
    },

    async listClans(ctx: RequestContext, q: { orgId?: string; q?: string; page: number; pageSize: number }): Promise<CappedPage<ClanSummary>> {
      const paths = await scope(requireActor(ctx), q.orgId);
      const r = paths.length ? await clanRepo.list(db, paths, { key: q.q ? searchKey(q.q) : undefined, ...page(q) }) : { items: [], total: 0, capped: false };
      return { items: r.items.map(presentClan), total: r.total, totalCapped: r.capped, page: q.page, pageSize: q.pageSize };
    },

    getClan(ctx: RequestContext, id: string) {
      return clanDetail(db, requireActor(ctx), id);
    },

    async createClan(ctx: RequestContext, input: { orgId: string; name: string; headPersonId?: string | null; note?: string | null }) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const commune = await orgs.requireAccess(tx, actor, input.orgId, 'person.manage');
        await checkHead(tx, actor, input.headPersonId);
        const name = nfc(input.name).replace(/\s+/g, ' ').trim();
        const created = await clanRepo.insert(tx, { orgId: input.orgId, name, nameSearch: searchKey(name), nameSort: sortKey(name), headPersonId: input.headPersonId ?? null, note: tidy(input.note) ?? null });
        if (!created) throw clanTaken();
        await recordAudit(tx, ctx, { action: 'create', entity: 'clan', entityId: created.id, orgId: input.orgId, rootId: commune.rootId, after: { name, headPersonId: created.headPersonId, note: created.note } });
        return clanDetail(tx, actor, created.id);
      });
    },

    async updateClan(ctx: RequestContext, id: string, input: { name?: string; headPersonId?: string | null; note?: string | null }) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const before = await loadClan(tx, actor, id, 'person.manage');
        await checkHead(tx, actor, input.headPersonId);
        const name = input.name ? nfc(input.name).replace(/\s+/g, ' ').trim() : undefined;
        if (name && searchKey(name) !== before.clan.nameSearch && (await clanRepo.findByName(tx, before.clan.orgId, searchKey(name)))) throw clanTaken();
        const after = await clanRepo.update(tx, id, {
          ...(name ? { name, nameSearch: searchKey(name), nameSort: sortKey(name) } : {}),
          headPersonId: input.headPersonId,
          note: tidy(input.note),
        });
        await recordAudit(tx, ctx, { action: 'update', entity: 'clan', entityId: id, orgId: before.clan.orgId, before: { name: before.clan.name, headPersonId: before.clan.headPersonId, note: before.clan.note }, after: { name: after.name, headPersonId: after.headPersonId, note: after.note } });
        return clanDetail(tx, actor, id);
      });
    },

    /** Adds or removes a member household; the actor must manage both the clan and the household. */
    async setClanHousehold(ctx: RequestContext, clanId: string, householdId: string, member: boolean) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const c = await loadClan(tx, actor, clanId, 'person.manage');
        const h = await loadHousehold(tx, actor, householdId, 'person.manage');
        const changed = member ? await clanRepo.addHousehold(tx, clanId, householdId) : await clanRepo.removeHousehold(tx, clanId, householdId);
        if (changed) {
          await recordAudit(tx, ctx, { action: member ? 'add_household' : 'remove_household', entity: 'clan', entityId: clanId, orgId: c.clan.orgId, after: { householdId, code: h.code } });
        }
        return clanDetail(tx, actor, clanId);
      });
    },
  };
}

export type HouseholdService = ReturnType<typeof createHouseholdService>;
