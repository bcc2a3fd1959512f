import { nfc, searchKey, sortKey } from '../../../shared/vn-text.js';
import type { CappedPage, ClanDetail, ClanSummary, HouseholdDetail, HouseholdSummary } from '../../../shared/api-types.js';
import type { Db, Executor } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { queueListExport, runListExport, shownTitle, type ExportLanguage, type ListExport, type ListExportColumn } from '../../platform/excel/list-export.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { requireActor, type RequestContext } from '../../platform/http/context.js';
import type { JobRunner } from '../../platform/jobs/runner.js';
import { authorize, can, scopePaths, type Actor } from '../../platform/policy.js';
import type { OrgService } from '../org/org.service.js';
import type { UserService } from '../user/user.service.js';
import { clanRepo, householdRelations, householdRepo, type HouseholdListRow } from './household.repo.js';
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

/** The query of the household and clan lists, without paging: a subtree and a search. */
export interface PlaceQuery {
  orgId?: string;
  q?: string;
}
type Paged = PlaceQuery & { page: number; pageSize: number };
type CappedRows<T> = Omit<CappedPage<T>, 'page' | 'pageSize'>;
/** A list as `actor` sees it, `limit` rows from `offset`. */
type ListRows<Row> = (actor: Actor, q: PlaceQuery, limit: number, offset: number) => Promise<CappedRows<Row>>;

export const HOUSEHOLD_EXPORT_JOB = 'households.export';
export const CLAN_EXPORT_JOB = 'clans.export';

/** The columns of the lists on screen, in their order. */
const HOUSEHOLD_COLUMNS: ListExportColumn<HouseholdSummary>[] = [
  { header: shownTitle('household.field.code'), width: 12, value: (h) => h.code },
  { header: shownTitle('household.field.head'), width: 30, value: (h) => h.head?.fullName ?? null },
  { header: shownTitle('people.col.place'), width: 30, value: (h) => h.org.name },
  { header: shownTitle('people.field.address'), width: 36, value: (h) => h.address },
  { header: shownTitle('household.field.memberCount'), width: 14, value: (h) => h.memberCount },
];
const CLAN_COLUMNS: ListExportColumn<ClanSummary>[] = [
  { header: shownTitle('clan.field.name'), width: 30, value: (c) => c.name },
  { header: shownTitle('clan.field.head'), width: 30, value: (c) => c.head?.fullName ?? null },
  { header: shownTitle('clan.field.org'), width: 30, value: (c) => c.org.name },
  { header: shownTitle('clan.field.householdCount'), width: 10, value: (c) => c.householdCount },
  { header: shownTitle('clan.field.hamletCount'), width: 14, value: (c) => c.hamletCount },
];

const paged = <T>(rows: CappedRows<T>, q: Paged): CappedPage<T> => ({ ...rows, page: q.page, pageSize: q.pageSize });
const tidy = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : nfc(s).replace(/\s+/g, ' ').trim() || null);

/** Households (hộ gia đình) of hamlets and clans (dòng họ) of communes, their lists and Excel exports. */
export function createHouseholdService(db: Db, deps: { orgs: OrgService; users: UserService; jobs: JobRunner; storage: FileStorage }) {
  const { orgs, users, jobs, storage } = deps;

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

  /** The household list as `actor` sees it, `limit` rows from `offset` (the screen's pages and the export's batches). */
  async function householdRows(actor: Actor, q: PlaceQuery, limit: number, offset: number) {
    const paths = await scope(actor, q.orgId);
    const text = q.q ? nfc(q.q).trim() : '';
    const r = paths.length ? await householdRepo.list(db, paths, { key: text ? searchKey(text) : undefined, code: text || undefined, limit, offset }) : { items: [], total: 0, capped: false };
    return { items: r.items.map(presentHousehold), total: r.total, totalCapped: r.capped };
  }

  async function clanRows(actor: Actor, q: PlaceQuery, limit: number, offset: number) {
    const paths = await scope(actor, q.orgId);
    const r = paths.length ? await clanRepo.list(db, paths, { key: q.q ? searchKey(q.q) : undefined, limit, offset }) : { items: [], total: 0, capped: false };
    return { items: r.items.map(presentClan), total: r.total, totalCapped: r.capped };
  }

  /**
   * Registers the Excel export job of a list and answers what queues it: the list as the actor
   * sees it for the same query, checked when queued and again when the job runs.
   */
  function listExport<Row>(kind: string, entity: 'household' | 'clan', list: Pick<ListExport<Row>, 'sheetName' | 'columns' | 'fileStem'> & { rows: ListRows<Row> }) {
    const { rows, ...sheet } = list;
    jobs.register(kind, async (ctx) => {
      const { query, language } = ctx.job.payload as { query: PlaceQuery; language: ExportLanguage };
      const actor = await users.loadActor(db, ctx.job.createdBy!);
      return runListExport(storage, ctx, {
        ...sheet,
        actor,
        language,
        numbered: true,
        batch: ({ offset, limit }) => rows(actor, query, limit, offset),
        audit: { entity, after: { query } },
      });
    });
    return async (ctx: RequestContext, query: PlaceQuery, language: ExportLanguage) => {
      await scope(requireActor(ctx), query.orgId);
      return queueListExport(db, jobs, ctx, kind, { payload: { query, language }, orgId: query.orgId ?? null, entity, after: { query } });
    };
  }

  const exportHouseholds = listExport(HOUSEHOLD_EXPORT_JOB, 'household', { sheetName: { vi: 'Hộ gia đình', en: 'Households' }, columns: HOUSEHOLD_COLUMNS, rows: householdRows, fileStem: 'ho-gia-dinh' });
  const exportClans = listExport(CLAN_EXPORT_JOB, 'clan', { sheetName: { vi: 'Dòng họ', en: 'Clans' }, columns: CLAN_COLUMNS, rows: clanRows, fileStem: 'dong-ho' });

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
    async listHouseholds(ctx: RequestContext, q: Paged): Promise<CappedPage<HouseholdSummary>> {
      return paged(await householdRows(requireActor(ctx), q, q.pageSize, (q.page - 1) * q.pageSize), q);
    },

    exportHouseholds,

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

    async listClans(ctx: RequestContext, q: Paged): Promise<CappedPage<ClanSummary>> {
      return paged(await clanRows(requireActor(ctx), q, q.pageSize, (q.page - 1) * q.pageSize), q);
    },

    exportClans,

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

/**
 * The households derived indicators count (recognition/derived-facts.ts): SQL relations of
 * `(id, label, sort)` (household id, "Hộ <head> (<code>)", the head's sort key then the code).
 */
export const householdFacts = {
  householdsOf: householdRelations.householdsOf,
  householdsOfClan: householdRelations.householdsOfClan,
};
