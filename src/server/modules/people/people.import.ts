/**
 * People's side of the Excel import: resolving each parsed row (its unit or hamlet, the person it
 * updates) and saving batches of rows in the import's transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/index.js';
import { personSortKey, searchKey, sortKey } from '../../../shared/vn-text.js';
import { placeNameKeys } from '../../platform/excel/cell-values.js';
import type { StaffCategory } from '../../../shared/people.js';
import { recordAudits, type AuditEntryInput } from '../../platform/audit/audit.js';
import type { RequestContext } from '../../platform/http/context.js';
import { can, type Actor } from '../../platform/policy.js';
import { todayInVietnam } from '../../platform/time.js';
import type { ImportRecord, ParsedRow } from '../dataImport/rows.js';
import { org } from '../org/org.table.js';
import type { OrgService } from '../org/org.service.js';
import { deriveCitizenGroup } from './citizen-group.js';
import { individualTitleCode } from './emulation.service.js';
import { emulationRecord } from './emulation.table.js';
import { clan, clanHousehold, household, membership, person } from './people.table.js';


const issue = (vi: string, en: string, code: string, column?: { letter: string; header: string | null; raw: string }) => ({
  column: column?.letter ?? null,
  header: column?.header ?? null,
  value: column?.raw ?? null,
  severity: 'error' as const,
  code,
  message: { vi, en },
});

async function unitsUnder(db: Executor, path: string) {
  return db.select({ id: org.id, name: org.name, path: org.path }).from(org).where(and(like(org.path, `${path}%`), or(isNull(org.validTo), gt(org.validTo, todayInVietnam()))));
}

/**
 * Resolves rows of one import: the unit (staff) or hamlet (residents) named in the row, within the
 * organisation the import targets; duplicates of a citizen ID in the file; the person a row updates
 * (by citizen ID, else by name + date of birth + unit).
 */
export async function createImportResolver(db: Db, orgs: OrgService, actor: Actor, kind: 'staff' | 'residents', targetOrgId: string) {
  const target = await orgs.requireAccess(db, actor, targetOrgId, 'person.manage');
  const units = await unitsUnder(db, target.path);
  const byKey = new Map<string, { id: string; name: string }[]>();
  for (const u of units) for (const k of placeNameKeys(u.name)) byKey.set(k, [...(byKey.get(k) ?? []), u]);

  function placeOf(row: ParsedRow, name: string | null | undefined, column: string) {
    if (!name) return kind === 'staff' ? target.id : null;
    const found = placeNameKeys(name).map((k) => byKey.get(k)).find((list) => list && list.length);
    const where = row.columns[column];
    if (!found) {
      row.issues.push(issue(`Không tìm thấy "${name}" trong ${target.name}`, `"${name}" was not found in ${target.name}`, 'UNKNOWN_UNIT', where));
      return null;
    }
    if (new Set(found.map((u) => u.id)).size > 1) {
      row.issues.push(issue(`Có nhiều đơn vị tên "${name}" trong ${target.name}; hãy ghi rõ hơn`, `Several units are named "${name}" in ${target.name}; be more specific`, 'AMBIGUOUS_UNIT', where));
      return null;
    }
    return found[0].id;
  }

  /** People matched by the citizen IDs of a batch, in one query. */
  async function byCitizenIds(ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await db.select({ id: person.id, citizenId: person.citizenId }).from(person).where(inArray(person.citizenId, ids));
    return new Map(rows.map((r) => [r.citizenId!, r.id]));
  }

  /** Without a citizen ID: the same name and date of birth in the same unit (staff) or hamlet. */
  async function byNameAndBirth(r: ImportRecord, orgId: string) {
    if (!r.person.birthDate) return null;
    const sameName = and(eq(person.nameSearch, searchKey(r.person.fullName)), eq(person.birthDate, r.person.birthDate));
    const [p] =
      kind === 'staff'
        ? await db.select({ id: person.id }).from(person).innerJoin(membership, eq(membership.personId, person.id)).where(and(sameName, eq(membership.orgId, orgId))).limit(1)
        : await db.select({ id: person.id }).from(person).where(and(sameName, eq(person.residenceOrgId, orgId))).limit(1);
    return p?.id ?? null;
  }

  /** Of these people, those the actor may update: they live or work where the actor manages people. */
  async function manageable(ids: string[]) {
    if (ids.length === 0) return new Set<string>();
    const places = await db.execute(sql`
      select p.id, o.path from ${person} p join ${org} o on o.id = p.residence_org_id where p.id = any(${sql.param(ids)}::uuid[])
      union all
      select m.person_id, o.path from ${membership} m join ${org} o on o.id = m.org_id where m.person_id = any(${sql.param(ids)}::uuid[])`);
    const rows = (places as unknown as { rows: { id: string; path: string }[] }).rows;
    return new Set(rows.filter((r) => can(actor, 'person.manage', r.path)).map((r) => r.id));
  }

  const matchedWarning = (by: 'citizenId' | 'name', duplicates: 'update' | 'skip') => ({
    column: null,
    header: null,
    value: null,
    severity: 'warning' as const,
    code: by === 'citizenId' ? 'MATCHED_BY_CITIZEN_ID' : 'MATCHED_BY_NAME',
    message:
      by === 'citizenId'
        ? { vi: `Đã có người này (trùng CCCD): ${duplicates === 'update' ? 'sẽ cập nhật' : 'bỏ qua'}`, en: `Already recorded (same citizen ID): ${duplicates === 'update' ? 'will be updated' : 'skipped'}` }
        : { vi: `Đã có người cùng họ tên, ngày sinh và đơn vị: ${duplicates === 'update' ? 'sẽ cập nhật' : 'bỏ qua'}`, en: `Someone with the same name, date of birth and unit is recorded: ${duplicates === 'update' ? 'will be updated' : 'skipped'}` },
  });

  return {
    /** Resolves a batch of rows in file order, with one query per batch for citizen IDs and access. */
    async resolve(rows: ParsedRow[], seen: Map<string, number>, duplicates: 'update' | 'skip') {
      const pending: { row: ParsedRow; r: ImportRecord }[] = [];
      for (const row of rows) {
        const r = row.record as ImportRecord;
        const orgId = kind === 'staff' ? placeOf(row, r.unit, 'unit') : placeOf(row, r.hamlet, 'hamlet');
        if (r.emulationTitle) {
          r.emulationTitleCode = individualTitleCode(r.emulationTitle);
          if (!r.emulationTitleCode) {
            row.issues.push(issue(`Không nhận ra danh hiệu thi đua "${r.emulationTitle}"`, `Unknown emulation title "${r.emulationTitle}"`, 'UNKNOWN_TITLE', row.columns.emulationTitle));
          }
        }
        if (r.person.citizenId) {
          const first = seen.get(r.person.citizenId);
          if (first !== undefined) {
            row.issues.push(issue(`Số CCCD trùng với dòng ${first} trong tệp`, `The citizen ID repeats row ${first} of the file`, 'DUPLICATE_IN_FILE', row.columns.citizenId));
          } else seen.set(r.person.citizenId, row.rowNumber);
        }
        if (row.issues.some((i) => i.severity === 'error') || !orgId) {
          row.action = 'error';
          continue;
        }
        r.orgId = orgId;
        pending.push({ row, r });
      }
      const known = await byCitizenIds(pending.flatMap((p) => (p.r.person.citizenId ? [p.r.person.citizenId] : [])));
      const matches = new Map<ParsedRow, { id: string; by: 'citizenId' | 'name' }>();
      for (const { row, r } of pending) {
        const id = r.person.citizenId ? known.get(r.person.citizenId) : await byNameAndBirth(r, r.orgId!);
        if (id) matches.set(row, { id, by: r.person.citizenId ? 'citizenId' : 'name' });
      }
      const allowed = await manageable([...new Set([...matches.values()].map((m) => m.id))]);
      for (const { row, r } of pending) {
        const match = matches.get(row);
        if (match && !allowed.has(match.id)) {
          row.issues.push(issue('Số CCCD này đã có trong hệ thống, ở đơn vị bạn không quản lý', 'This citizen ID is already recorded, in a unit you do not manage', 'CITIZEN_ID_ELSEWHERE', row.columns.citizenId));
          row.action = 'error';
          continue;
        }
        r.personId = match?.id ?? null;
        row.action = match ? duplicates : 'create';
        if (match) row.issues.push(matchedWarning(match.by, duplicates));
      }
    },
  };
}

export type ImportResolver = Awaited<ReturnType<typeof createImportResolver>>;

/** The person columns a row sets; on update, blank cells leave what is recorded. */
function personColumns(r: ImportRecord, update: boolean) {
  const p = r.person;
  const all = {
    fullName: p.fullName,
    nameSearch: searchKey(p.fullName),
    nameSort: personSortKey(p.fullName),
    birthDate: p.birthDate,
    sex: p.sex,
    ethnicity: p.ethnicity,
    citizenId: p.citizenId,
    phone: p.phone,
    email: p.email,
    address: p.address,
    generalEducation: p.generalEducation,
    qualification: p.qualification,
    itSkill: p.itSkill,
    occupation: p.occupation,
    note: p.note,
    ...(p.languages.length || !update ? { languages: p.languages } : {}),
  };
  return update ? Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null)) : all;
}

/** Saves a batch of resolved rows in the import's transaction, with one audit row per person. */
export async function importBatch(tx: Tx, ctx: RequestContext, kind: 'staff' | 'residents', records: ImportRecord[], emulationYear?: number) {
  const today = todayInVietnam();
  const counts = { create: 0, update: 0, skip: 0 };
  const audits: AuditEntryInput[] = [];
  const households = new Map<string, string>();
  const clans = new Map<string, string>();
  const created: (typeof person.$inferInsert)[] = [];
  const joined: (typeof membership.$inferInsert)[] = [];
  const afterInsert: (() => Promise<void>)[] = [];
  for (const r of records) {
    if (r.personId === undefined) continue;
    const category = r.category as StaffCategory | undefined;
    const group = deriveCitizenGroup({ birthDate: r.person.birthDate, occupationKey: r.person.occupation ? searchKey(r.person.occupation) : null, staffCategories: category ? [category] : [] }, today);
    const householdId = kind === 'residents' && r.householdCode ? await householdOf(tx, households, r.orgId!, r.householdCode) : null;
    const place = kind === 'residents' ? { residenceOrgId: r.orgId!, householdId, householdRelation: r.relation ?? null } : {};
    let personId = r.personId;
    if (personId) {
      const [before] = await tx.select().from(person).where(eq(person.id, personId));
      const changes = { ...personColumns(r, true), ...place, ...(before.citizenGroupManual ? {} : { citizenGroup: group }), updatedAt: new Date() };
      await tx.update(person).set(changes).where(eq(person.id, personId));
      audits.push({ action: 'import_update', entity: 'person', entityId: personId, orgId: r.orgId, before: pick(before, Object.keys(changes)), after: changes });
      if (kind === 'staff') await ensureMembership(tx, audits, personId, r, today);
      counts.update += 1;
    } else {
      // New people and their memberships go in one statement each per batch.
      personId = randomUUID();
      const row = { id: personId, ...personColumns(r, false), ...place, citizenGroup: group } as typeof person.$inferInsert;
      created.push(row);
      audits.push({ action: 'import_create', entity: 'person', entityId: personId, orgId: r.orgId, after: row });
      if (kind === 'staff') {
        const m = { id: randomUUID(), personId, orgId: r.orgId!, ...membershipValues(r), validFrom: r.startDate ?? null };
        joined.push(m);
        audits.push({ action: 'import_create', entity: 'membership', entityId: m.id, orgId: r.orgId, after: m });
      }
      counts.create += 1;
    }
    const id = personId;
    if (householdId && r.relation === 'head') afterInsert.push(() => tx.update(household).set({ headPersonId: id }).where(eq(household.id, householdId)).then(() => undefined));
    if (householdId && r.clan) afterInsert.push(() => joinClan(tx, clans, r.orgId!, r.clan!, householdId));
    if (r.emulationTitleCode && emulationYear) afterInsert.push(() => saveTitle(tx, audits, id, r, emulationYear));
  }
  if (created.length) await tx.insert(person).values(created);
  if (joined.length) await tx.insert(membership).values(joined);
  for (const step of afterInsert) await step();
  await recordAudits(tx, ctx, audits);
  return counts;
}

/** The year's individual title from the file; discipline and note stay as recorded. */
async function saveTitle(tx: Tx, audits: AuditEntryInput[], personId: string, r: ImportRecord, year: number) {
  const [saved] = await tx
    .insert(emulationRecord)
    .values({ personId, year, titleCode: r.emulationTitleCode })
    .onConflictDoUpdate({ target: [emulationRecord.personId, emulationRecord.year], targetWhere: sql`${emulationRecord.personId} is not null`, set: { titleCode: r.emulationTitleCode, updatedAt: new Date() } })
    .returning();
  audits.push({ action: 'import_update', entity: 'emulation', entityId: saved.id, orgId: r.orgId, after: { personId, year, titleCode: r.emulationTitleCode } });
}

const membershipValues = (r: ImportRecord) => ({ position: r.position ?? null, isLeader: r.isLeader ?? false, category: r.category ?? 'cong_chuc', rank: r.rank ?? null });

const pick = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((k) => k in row && k !== 'updatedAt').map((k) => [k, row[k]]));

async function ensureMembership(tx: Tx, audits: AuditEntryInput[], personId: string, r: ImportRecord, today: string) {
  const [running] = await tx
    .select()
    .from(membership)
    .where(and(eq(membership.personId, personId), eq(membership.orgId, r.orgId!), or(isNull(membership.validTo), gt(membership.validTo, today))));
  const values = membershipValues(r);
  if (running) {
    await tx.update(membership).set({ ...values, updatedAt: new Date() }).where(eq(membership.id, running.id));
    audits.push({ action: 'import_update', entity: 'membership', entityId: running.id, orgId: r.orgId, before: pick(running, Object.keys(values)), after: values });
    return;
  }
  const id = randomUUID();
  await tx.insert(membership).values({ id, personId, orgId: r.orgId!, ...values, validFrom: r.startDate ?? null });
  audits.push({ action: 'import_create', entity: 'membership', entityId: id, orgId: r.orgId, after: { personId, orgId: r.orgId, ...values, validFrom: r.startDate ?? null } });
}

/** The household of a hamlet with this code, created on first sight. */
async function householdOf(tx: Tx, cache: Map<string, string>, hamletId: string, code: string) {
  const key = `${hamletId}|${code}`;
  const known = cache.get(key);
  if (known) return known;
  const [existing] = await tx.select({ id: household.id }).from(household).where(and(eq(household.orgId, hamletId), eq(household.code, code)));
  const id = existing?.id ?? randomUUID();
  if (!existing) await tx.insert(household).values({ id, orgId: hamletId, code });
  cache.set(key, id);
  return id;
}

/** Clans belong to the commune above the hamlet; created on first sight. */
async function joinClan(tx: Tx, cache: Map<string, string>, hamletId: string, name: string, householdId: string) {
  const [hamlet] = await tx.select({ parentId: org.parentId }).from(org).where(eq(org.id, hamletId));
  const communeId = hamlet.parentId ?? hamletId;
  const key = `${communeId}|${searchKey(name)}`;
  let clanId = cache.get(key);
  if (!clanId) {
    const [existing] = await tx.select({ id: clan.id }).from(clan).where(and(eq(clan.orgId, communeId), eq(clan.nameSearch, searchKey(name))));
    clanId = existing?.id ?? randomUUID();
    if (!existing) await tx.insert(clan).values({ id: clanId, orgId: communeId, name, nameSearch: searchKey(name), nameSort: sortKey(name) });
    cache.set(key, clanId);
  }
  await tx.insert(clanHousehold).values({ clanId, householdId }).onConflictDoNothing();
}

