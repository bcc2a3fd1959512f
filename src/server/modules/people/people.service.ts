import { nfc, searchKey, personSortKey } from '../../../shared/vn-text.js';
import { AGE_BANDS, maskCitizenId, maskPhone, type AgeBand, type StaffCategory } from '../../../shared/people.js';
import type { CappedPage, MembershipFields, MembershipView, PeopleQuery, PersonDetail, PersonFields, PersonListItem } from '../../../shared/api-types.js';
import type { Db, Executor, Tx } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { requireActor, type RequestContext } from '../../platform/http/context.js';
import { can, scopePaths, type Actor } from '../../platform/policy.js';
import { todayInVietnam } from '../../platform/time.js';
import type { OrgService } from '../org/org.service.js';
import type { UserService } from '../user/user.service.js';
import { deriveCitizenGroup } from './citizen-group.js';
import { createImportResolver, importBatch } from './people.import.js';
import type { ImportRecord } from '../dataImport/rows.js';
import { emulationRepo } from './emulation.repo.js';
import { memberOfUser } from './member-lookup.js';
import { presentEmulation } from './emulation.service.js';
import { peopleRelations, peopleRepo, type MembershipRow, type PeopleFilter, type PersonRow } from './people.repo.js';

const personNotFound = () => notFound({ vi: 'Không tìm thấy người này.', en: 'Person not found.' });

/** The audit's picture of a person. */
const snapshot = (p: PersonRow) => {
  const { nameSearch: _s, nameSort: _o, createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
};

const membershipSnapshot = (m: MembershipRow) => {
  const { createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
};

const clean = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : nfc(s).replace(/\s+/g, ' ').trim() || null);

/** The birth dates of people whose age on `day` lies in the band. */
function bornWithin(band: AgeBand, day: string) {
  const { min, max } = AGE_BANDS[band];
  const yearsBefore = (years: number) => `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;
  return { after: yearsBefore(max + 1), onOrBefore: yearsBefore(min) };
}

const holdsOn = (m: { validFrom: string | null; validTo: string | null }, day: string) =>
  (m.validFrom === null || m.validFrom <= day) && (m.validTo === null || m.validTo > day);

export type { MembershipFields, PeopleQuery, PersonFields };

export function createPeopleService(db: Db, orgs: OrgService, users: UserService) {
  /** The places that decide access to a person, and what the actor may do there. */
  async function accessTo(tx: Executor, actor: Actor, personId: string) {
    const places = await peopleRepo.placesOf(tx, personId);
    const day = todayInVietnam();
    const paths = [
      ...(places.residence ? [places.residence.path] : []),
      ...places.memberships.filter((m) => holdsOn(m.membership, day)).map((m) => m.orgPath),
    ];
    // Former units still see the person's history with them; only current places confer management.
    const readPaths = [...paths, ...places.memberships.map((m) => m.orgPath)];
    return {
      places,
      read: readPaths.some((p) => can(actor, 'person.read', p)),
      manage: paths.some((p) => can(actor, 'person.manage', p)),
      sensitive: readPaths.some((p) => can(actor, 'person.sensitive', p)),
    };
  }

  async function loadPerson(tx: Executor, actor: Actor, id: string, action: 'person.read' | 'person.manage') {
    const row = await peopleRepo.findById(tx, id);
    if (!row) throw personNotFound();
    const access = await accessTo(tx, actor, id);
    if (!access.read) throw personNotFound();
    if (action === 'person.manage' && !access.manage) throw forbidden();
    return { row, access };
  }

  /** An account may be linked to one person, and only by someone who can see the account. */
  async function checkUserLink(tx: Executor, actor: Actor, userId: string | null | undefined, personId?: string) {
    if (!userId) return;
    await users.requireVisible(tx, actor, userId);
    if (await peopleRepo.userLinked(tx, userId, personId)) {
      throw conflict('USER_ALREADY_LINKED', 'Tài khoản này đã gắn với một người khác.', 'This account is already linked to another person.', 'userId');
    }
  }

  async function checkCitizenId(tx: Executor, citizenId: string | null | undefined, exceptId?: string) {
    if (citizenId && (await peopleRepo.citizenIdTaken(tx, citizenId, exceptId))) {
      throw conflict('CITIZEN_ID_TAKEN', 'Số CCCD này đã có trong hệ thống.', 'This citizen ID is already recorded.', 'citizenId');
    }
  }

  /** Resolves household and residence together: a household member lives where the household is. */
  async function placeFields(tx: Executor, actor: Actor, f: PersonFields) {
    let residenceOrgId = f.residenceOrgId;
    if (f.householdId) {
      const [h] = await peopleRepo.householdsByIds(tx, [f.householdId]);
      if (!h) throw invalid('householdId', 'Hộ gia đình không tồn tại.', 'Unknown household.');
      residenceOrgId = h.orgId;
    }
    if (residenceOrgId) await orgs.requireAccess(tx, actor, residenceOrgId, 'person.manage');
    return residenceOrgId;
  }

  async function derivedGroup(tx: Executor, row: Pick<PersonRow, 'id' | 'birthDate' | 'occupation'>, day: string) {
    const categories = (await peopleRepo.currentCategories(tx, row.id, day)) as StaffCategory[];
    return deriveCitizenGroup({ birthDate: row.birthDate, occupationKey: row.occupation ? searchKey(row.occupation) : null, staffCategories: categories }, day);
  }

  /** Re-derives the citizen group after a change, unless it was set by hand. */
  async function refreshGroup(tx: Executor, row: PersonRow): Promise<PersonRow> {
    if (row.citizenGroupManual) return row;
    const group = await derivedGroup(tx, row, todayInVietnam());
    return group === row.citizenGroup ? row : peopleRepo.update(tx, row.id, { citizenGroup: group });
  }

  function toColumns(f: Partial<PersonFields>) {
    const name = f.fullName !== undefined ? nfc(f.fullName).replace(/\s+/g, ' ').trim() : undefined;
    return {
      ...(name !== undefined ? { fullName: name, nameSearch: searchKey(name), nameSort: personSortKey(name) } : {}),
      birthDate: f.birthDate,
      sex: f.sex,
      ethnicity: clean(f.ethnicity),
      citizenId: f.citizenId,
      phone: f.phone,
      email: f.email === undefined ? undefined : f.email?.trim().toLowerCase() || null,
      address: clean(f.address),
      householdId: f.householdId,
      householdRelation: f.householdRelation,
      generalEducation: clean(f.generalEducation),
      qualification: f.qualification,
      qualificationMajor: clean(f.qualificationMajor),
      languages: f.languages,
      itSkill: clean(f.itSkill),
      occupation: clean(f.occupation),
      note: clean(f.note),
      userId: f.userId,
      ...(f.citizenGroup !== undefined ? { citizenGroup: f.citizenGroup ?? 'residents', citizenGroupManual: f.citizenGroup !== null } : {}),
    };
  }

  function presentMembership(m: MembershipRow, orgName: string, day: string): MembershipView {
    return {
      id: m.id,
      org: { id: m.orgId, name: orgName },
      position: m.position,
      isLeader: m.isLeader,
      category: m.category,
      rank: m.rank,
      validFrom: m.validFrom,
      validTo: m.validTo,
      current: holdsOn(m, day),
    };
  }

  async function detailOf(tx: Executor, actor: Actor, id: string): Promise<PersonDetail> {
    const { row, access } = await loadPerson(tx, actor, id, 'person.read');
    const day = todayInVietnam();
    const seesResidence = access.places.residence !== null && can(actor, 'person.read', access.places.residence.path);
    const [household] = seesResidence && row.householdId ? await peopleRepo.householdsByIds(tx, [row.householdId]) : [];
    return {
      id: row.id,
      fullName: row.fullName,
      birthDate: row.birthDate,
      sex: row.sex as PersonDetail['sex'],
      ethnicity: row.ethnicity,
      citizenId: row.citizenId && !access.sensitive ? maskCitizenId(row.citizenId) : row.citizenId,
      phone: row.phone && !access.sensitive ? maskPhone(row.phone) : row.phone,
      email: access.sensitive ? row.email : null,
      masked: !access.sensitive,
      residence: seesResidence ? { id: access.places.residence!.id, name: access.places.residence!.name } : null,
      address: seesResidence ? row.address : null,
      household: household ? { id: household.id, code: household.code, relation: row.householdRelation } : null,
      generalEducation: row.generalEducation,
      qualification: row.qualification,
      qualificationMajor: row.qualificationMajor,
      languages: row.languages,
      itSkill: row.itSkill,
      occupation: row.occupation,
      citizenGroup: row.citizenGroup,
      citizenGroupManual: row.citizenGroupManual,
      note: row.note,
      userId: row.userId,
      memberships: access.places.memberships
        .filter((m) => can(actor, 'person.read', m.orgPath))
        .map((m) => presentMembership(m.membership, m.orgName, day)),
      emulation: (await emulationRepo.forPerson(tx, row.id)).map(presentEmulation),
      can: { manage: access.manage },
    };
  }

  async function insertMembership(tx: Executor, ctx: RequestContext, personId: string, m: MembershipFields) {
    if (m.validFrom && m.validTo && m.validTo < m.validFrom) {
      throw invalid('validTo', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end date must follow the start date.');
    }
    const [unit] = await orgs.findByIds(tx, [m.orgId]);
    const created = await peopleRepo.insertMembership(tx, {
      personId,
      orgId: m.orgId,
      position: clean(m.position) ?? null,
      isLeader: m.isLeader ?? false,
      category: m.category,
      rank: clean(m.rank) ?? null,
      validFrom: m.validFrom ?? null,
      validTo: m.validTo ?? null,
    });
    await recordAudit(tx, ctx, { action: 'create', entity: 'membership', entityId: created.id, orgId: m.orgId, rootId: unit.rootId, after: membershipSnapshot(created) });
    return created;
  }

  async function listRows(actor: Actor, q: Omit<PeopleQuery, 'page' | 'pageSize'>, limit: number, offset: number) {
    const day = todayInVietnam();
    let paths = scopePaths(actor, 'person.read');
    if (q.orgId) paths = [(await orgs.requireAccess(db, actor, q.orgId, 'person.read')).path];
    const empty = { items: [] as PersonListItem[], total: 0, totalCapped: false };
    if (paths.length === 0) return empty;
    const text = q.q ? nfc(q.q).trim() : '';
    const digits = /^[\d\s.+]+$/.test(text) ? text.replace(/\D/g, '') : '';
    // Looking people up by identifier is for those who may read identifiers.
    if (digits && scopePaths(actor, 'person.sensitive').length === 0) return empty;
    const filter: PeopleFilter = {
      paths,
      nameKey: text && !digits ? searchKey(text) : undefined,
      identifier: digits || undefined,
      sex: q.sex,
      born: q.ageBand ? bornWithin(q.ageBand, day) : undefined,
      ethnicity: q.ethnicity,
      citizenGroup: q.citizenGroup,
      category: q.category,
      position: q.position,
      isLeader: q.isLeader,
      sort: q.sort ?? 'name',
      limit,
      offset,
    };
    const result = q.kind === 'staff' ? await peopleRepo.listStaff(db, filter, day) : await peopleRepo.listResidents(db, filter);
    const items = result.items.map((r): PersonListItem => {
      const sensitive = can(actor, 'person.sensitive', r.orgPath);
      const { orgId, orgName, orgPath: _p, ...rest } = r;
      return {
        ...rest,
        sex: r.sex as PersonListItem['sex'],
        citizenId: r.citizenId && !sensitive ? maskCitizenId(r.citizenId) : r.citizenId,
        phone: r.phone && !sensitive ? maskPhone(r.phone) : r.phone,
        org: { id: orgId, name: orgName },
        masked: !sensitive,
      };
    });
    return { items, total: result.total, totalCapped: result.capped };
  }

  return {
    async list(ctx: RequestContext, q: PeopleQuery): Promise<CappedPage<PersonListItem>> {
      const result = await listRows(requireActor(ctx), q, q.pageSize, (q.page - 1) * q.pageSize);
      return { ...result, page: q.page, pageSize: q.pageSize };
    },

    /** The list as `actor` sees it, `limit` rows from `offset` (exports read it in batches). */
    listRows,

    async positions(ctx: RequestContext, orgId?: string) {
      const actor = requireActor(ctx);
      const paths = orgId ? [(await orgs.requireAccess(db, actor, orgId, 'person.read')).path] : scopePaths(actor, 'person.read');
      if (paths.length === 0) return [];
      return (await peopleRepo.positions(db, paths, todayInVietnam())).sort((a, b) => a.localeCompare(b, 'vi'));
    },

    get(ctx: RequestContext, id: string) {
      return detailOf(db, requireActor(ctx), id);
    },

    async create(ctx: RequestContext, input: PersonFields & { membership?: MembershipFields }): Promise<PersonDetail> {
      const actor = requireActor(ctx);
      if (!input.residenceOrgId && !input.householdId && !input.membership) {
        throw invalid('residenceOrgId', 'Cần chọn nơi cư trú hoặc đơn vị công tác.', 'Choose where the person lives or works.');
      }
      return db.transaction(async (tx) => {
        const residenceOrgId = await placeFields(tx, actor, input);
        if (input.membership) await orgs.requireAccess(tx, actor, input.membership.orgId, 'person.manage');
        await checkCitizenId(tx, input.citizenId);
        await checkUserLink(tx, actor, input.userId);
        let created = await peopleRepo.insert(tx, {
          ...toColumns(input),
          citizenGroup: input.citizenGroup ?? 'residents',
          residenceOrgId: residenceOrgId ?? null,
        } as Parameters<typeof peopleRepo.insert>[1]);
        if (input.membership) await insertMembership(tx, ctx, created.id, input.membership);
        created = await refreshGroup(tx, created);
        const auditOrg = residenceOrgId ?? input.membership!.orgId;
        await recordAudit(tx, ctx, { action: 'create', entity: 'person', entityId: created.id, orgId: auditOrg, after: snapshot(created) });
        return detailOf(tx, actor, created.id);
      });
    },

    async update(ctx: RequestContext, id: string, input: Partial<PersonFields>): Promise<PersonDetail> {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const { row: before, access } = await loadPerson(tx, actor, id, 'person.manage');
        if ((input.citizenId !== undefined || input.phone !== undefined || input.email !== undefined) && !access.sensitive) throw forbidden();
        const residenceOrgId = input.residenceOrgId !== undefined || input.householdId ? await placeFields(tx, actor, { fullName: before.fullName, ...input }) : undefined;
        if (input.citizenId) await checkCitizenId(tx, input.citizenId, id);
        await checkUserLink(tx, actor, input.userId, id);
        let after = await peopleRepo.update(tx, id, { ...toColumns(input), ...(residenceOrgId !== undefined ? { residenceOrgId } : {}) });
        after = await refreshGroup(tx, after);
        await recordAudit(tx, ctx, { action: 'update', entity: 'person', entityId: id, orgId: after.residenceOrgId ?? access.places.memberships[0]?.membership.orgId, before: snapshot(before), after: snapshot(after) });
        return detailOf(tx, actor, id);
      });
    },

    async addMembership(ctx: RequestContext, personId: string, input: MembershipFields): Promise<PersonDetail> {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await loadPerson(tx, actor, personId, 'person.read');
        await orgs.requireAccess(tx, actor, input.orgId, 'person.manage');
        await insertMembership(tx, ctx, personId, input);
        await refreshGroup(tx, (await peopleRepo.findById(tx, personId))!);
        return detailOf(tx, actor, personId);
      });
    },

    /** Edits or ends a membership (an end date: the first day the person no longer holds it). */
    async updateMembership(ctx: RequestContext, id: string, input: Partial<Omit<MembershipFields, 'orgId'>>): Promise<PersonDetail> {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const before = await peopleRepo.findMembership(tx, id);
        if (!before) throw notFound({ vi: 'Không tìm thấy quá trình công tác.', en: 'Membership not found.' });
        const unit = await orgs.requireAccess(tx, actor, before.orgId, 'person.manage');
        const validFrom = input.validFrom !== undefined ? input.validFrom : before.validFrom;
        const validTo = input.validTo !== undefined ? input.validTo : before.validTo;
        if (validFrom && validTo && validTo < validFrom) {
          throw invalid('validTo', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end date must follow the start date.');
        }
        const after = await peopleRepo.updateMembership(tx, id, {
          position: clean(input.position),
          isLeader: input.isLeader,
          category: input.category,
          rank: clean(input.rank),
          validFrom,
          validTo,
        });
        await recordAudit(tx, ctx, { action: 'update', entity: 'membership', entityId: id, orgId: before.orgId, rootId: unit.rootId, before: membershipSnapshot(before), after: membershipSnapshot(after) });
        await refreshGroup(tx, (await peopleRepo.findById(tx, before.personId))!);
        return detailOf(tx, actor, before.personId);
      });
    },

    /**
     * Ends memberships on a date, or moves them to another unit from that date (same position,
     * category and rank), in the caller's transaction. Access was checked by the job beforehand.
     */
    async applyBulk(tx: Executor, ctx: RequestContext, r: { action: 'move' | 'end'; membershipIds: string[]; targetOrgId?: string; date: string }) {
      let changed = 0;
      for (const id of r.membershipIds) {
        const before = await peopleRepo.findMembership(tx, id);
        if (!before) throw notFound({ vi: 'Không tìm thấy quá trình công tác.', en: 'Membership not found.' });
        if (!holdsOn(before, r.date)) {
          const p = (await peopleRepo.findById(tx, before.personId))!;
          throw invalid('date', `${p.fullName}: không còn công tác tại đơn vị vào ngày này.`, `${p.fullName}: not a member of the unit on that date.`);
        }
        if (r.action === 'move' && before.orgId === r.targetOrgId) continue;
        const ended = await peopleRepo.updateMembership(tx, id, { validTo: r.date });
        await recordAudit(tx, ctx, { action: 'update', entity: 'membership', entityId: id, orgId: before.orgId, before: membershipSnapshot(before), after: membershipSnapshot(ended) });
        if (r.action === 'move') {
          await insertMembership(tx, ctx, before.personId, { orgId: r.targetOrgId!, position: before.position, isLeader: before.isLeader, category: before.category as StaffCategory, rank: before.rank, validFrom: r.date });
        }
        changed += 1;
      }
      return changed;
    },

    /** For the Excel import: resolves rows against the units and people the actor manages. */
    importResolver(actor: Actor, kind: 'staff' | 'residents', orgId: string) {
      return createImportResolver(db, orgs, actor, kind, orgId);
    },

    /** For the Excel import: saves resolved rows in the import's transaction. */
    importBatch(tx: Tx, ctx: RequestContext, kind: 'staff' | 'residents', records: ImportRecord[], emulationYear?: number) {
      return importBatch(tx, ctx, kind, records, emulationYear);
    },

    /** For other modules: the member behind an account, with their open memberships on a day. */
    memberOfUser,

    /** For other modules: a person the actor may act on (404/403 otherwise), with where they are. */
    async requireAccess(tx: Executor, actor: Actor, personId: string, action: 'person.read' | 'person.manage') {
      const { row, access } = await loadPerson(tx, actor, personId, action);
      return { id: row.id, fullName: row.fullName, orgId: access.places.residence?.id ?? access.places.memberships[0]?.membership.orgId ?? null };
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;

/**
 * The populations derived indicators count (recognition/derived-facts.ts): SQL relations of
 * `(id, label, sort)` (person id, full name, Vietnamese sort key), composed by the caller with what
 * qualifies into one set-based statement. Read-only; who may see the result is the caller's check.
 */
export const peopleFacts = {
  staffOf: peopleRelations.staffOf,
  residentsOf: peopleRelations.residentsOf,
  membersOfHousehold: peopleRelations.membersOfHousehold,
};
