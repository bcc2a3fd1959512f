import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { Client, createTestApp, type TestApp } from '../../../test/app.js';
import { clan, clanHousehold, emulationRecord, household, membership, org, person } from '../db/schema.js';
import { systemActor, systemContext } from '../platform/http/context.js';
import { citizenIdMatches, parseCitizenId, parseEthnicity } from '../platform/excel/cell-values.js';
import { QUALIFICATIONS } from '../../shared/people.js';
import { searchKey } from '../../shared/vn-text.js';
import { seedDemo } from './seed.js';
import { DEMO_PASSWORD, ORG_PATH_SEPARATOR, demoAccounts, validateDemoData, walkDemoTrees } from './demo-data.js';
import { DEMO_AGENCIES, DEMO_COMMUNES, generateDemoPeople } from './demo-people.js';

let t: TestApp;
let seeded: boolean;
beforeAll(async () => {
  t = await createTestApp();
  // Seeding ~2,750 people takes several seconds on a busy machine: the hook's timeout, not a test's.
  seeded = await seedDemo(t.database, { sessionSecret: 'x', dataDir: t.dataDir });
});
afterAll(() => t?.close());

const ctx = systemContext(systemActor(), 'demo-test');
const lastName = (path: string) => path.split(ORG_PATH_SEPARATOR).pop()!;

describe('demonstration data', () => {
  it('is consistent with the organisation kinds', () => {
    const kinds = JSON.parse(readFileSync(new URL('../modules/org/org-kinds.json', import.meta.url), 'utf8')).kinds;
    expect(validateDemoData(kinds)).toEqual([]);
  });

  it('loads the five seed trees and the accounts once, and each account logs in with its role', async () => {
    expect(seeded).toBe(true);
    expect(await seedDemo(t.database, { sessionSecret: 'x', dataDir: t.dataDir })).toBe(false);
    expect(await t.services.orgs.countAll()).toBe(walkDemoTrees().length);
    expect((await new Client(t.app).get('/api/v1/setup')).body.needed).toBe(false);

    const admin = await new Client(t.app).login('admin', DEMO_PASSWORD);
    const roots = (await admin.get('/api/v1/orgs')).body.items.map((o: { name: string }) => o.name);
    expect(roots).toHaveLength(5);
    expect(roots).toEqual(expect.arrayContaining(['Sở Tài chính tỉnh Kon Tum', 'Huyện Giang Thành']));

    const commune = await new Client(t.app).login('gt.xa.phuloi', DEMO_PASSWORD);
    const tops = (await commune.get('/api/v1/orgs')).body.items;
    expect(tops.map((o: { name: string }) => o.name)).toEqual(['Xã Phú Lợi']);
    const hamlets = (await commune.get(`/api/v1/orgs?parentId=${tops[0].id}`)).body.items;
    expect(hamlets.length).toBeGreaterThanOrEqual(3);
    for (const a of demoAccounts) expect((await new Client(t.app).post('/api/v1/auth/login', { login: a.login, password: a.password })).status, a.login).toBe(200);
  });
});

/** The id of a demo unit by its path of names from the root. */
async function idOf(path: string) {
  const names = path.split(ORG_PATH_SEPARATOR);
  let parentId: string | null = null;
  for (const name of names) {
    const [row]: { id: string }[] = await t.services.db
      .select({ id: org.id })
      .from(org)
      .where(parentId === null ? sql`${org.parentId} is null and ${org.name} = ${name}` : sql`${org.parentId} = ${parentId} and ${org.name} = ${name}`);
    parentId = row!.id;
  }
  return parentId!;
}

describe('demonstration people', () => {
  const total = async (kind: 'staff' | 'resident', path: string) => (await t.services.people.list(ctx, { kind, orgId: await idOf(path), page: 1, pageSize: 1 })).total;

  it('are the same on every run, with valid identifiers, ethnic groups and codes', () => {
    const a = generateDemoPeople();
    expect(generateDemoPeople()).toEqual(a);
    const records = [...a.staff.flatMap((s) => s.rows), ...a.residents.flatMap((c) => c.rows)].map((r) => r.record);
    for (const r of records) {
      const p = r.person;
      const id = parseCitizenId(p.citizenId);
      expect(id.ok && id.value === p.citizenId && !id.warning, `${p.fullName} ${p.citizenId}`).toBe(true);
      expect(citizenIdMatches(p.citizenId, p.birthDate, p.sex), p.fullName).toBeNull();
      const ethnicity = parseEthnicity(p.ethnicity);
      expect(ethnicity.ok && ethnicity.value === p.ethnicity && !ethnicity.warning, `${p.fullName}: ${p.ethnicity}`).toBe(true);
      if (p.qualification) expect(Object.keys(QUALIFICATIONS)).toContain(p.qualification);
      if (p.generalEducation) expect(p.generalEducation).toMatch(/^\d{1,2}\/12$/);
      for (const l of p.languages) expect(l.kind === 'ethnic' || /^[a-z]{2}$/.test(l.language), JSON.stringify(l)).toBe(true);
    }
    // CCCD: the province of the place (Kon Tum 062, Tây Ninh 072, Tuyên Quang 008, Lạng Sơn 020, Kiên Giang 091).
    for (const s of a.staff) {
      const province = DEMO_AGENCIES.find((p) => p.path === s.agency)!.province;
      for (const r of s.rows) expect(r.record.person.citizenId!.slice(0, 3)).toBe(province);
    }
    for (const c of a.residents) for (const r of c.rows) expect(r.record.person.citizenId!.slice(0, 3)).toBe('091');
    // About a quarter of Giang Thành's residents are Khơ-me.
    const residents = a.residents.flatMap((c) => c.rows);
    const khmer = residents.filter((r) => r.record.person.ethnicity === 'Khơ-me').length / residents.length;
    expect(khmer).toBeGreaterThan(0.22);
    expect(khmer).toBeLessThan(0.33);
    // Nguyễn leads the Kinh family names, with roughly its national share.
    const kinh = [...a.staff.flatMap((s) => s.rows), ...residents].filter((r) => r.record.person.ethnicity === 'Kinh');
    const nguyen = kinh.filter((r) => r.record.person.fullName.startsWith('Nguyễn ')).length / kinh.length;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.45);
  });

  it('seeds the staff of the five agencies and the residents of the five communes', async () => {
    const staff = Object.fromEntries(await Promise.all(DEMO_AGENCIES.map(async (a) => [lastName(a.path), await total('staff', a.path)] as const)));
    expect(staff['Sở Tài chính tỉnh Kon Tum']).toBeGreaterThanOrEqual(170);
    expect(staff['Sở Tài chính tỉnh Kon Tum']).toBeLessThanOrEqual(190);
    for (const name of ['Sở Tài chính tỉnh Tây Ninh', 'Sở Tư pháp tỉnh Tuyên Quang', 'Sở Tài nguyên và Môi trường tỉnh Lạng Sơn']) {
      expect(staff[name], name).toBeGreaterThanOrEqual(60);
      expect(staff[name], name).toBeLessThanOrEqual(120);
    }
    expect(staff['Trung tâm Y tế Giang Thành']).toBeGreaterThanOrEqual(140);
    expect(staff['Trung tâm Y tế Giang Thành']).toBeLessThanOrEqual(160);

    let residents = 0;
    for (const c of DEMO_COMMUNES) {
      const n = await total('resident', c.path);
      expect(n, c.path).toBeGreaterThanOrEqual(300);
      expect(n, c.path).toBeLessThanOrEqual(500);
      residents += n;
    }
    expect(residents).toBeGreaterThanOrEqual(2000);
    expect(residents).toBeLessThanOrEqual(2500);

    // Every phòng, khoa and trạm has people, with one leader at least; categories by kind of agency.
    const units = await t.services.db
      .select({ orgId: membership.orgId, leaders: sql<number>`count(*) filter (where ${membership.isLeader})::int`, categories: sql<string[]>`array_agg(distinct ${membership.category})` })
      .from(membership)
      .groupBy(membership.orgId);
    const unitPaths = walkDemoTrees().filter((v) => DEMO_AGENCIES.some((a) => v.parentPath === a.path) && v.org.kind !== 'association');
    expect(units.length).toBe(unitPaths.length + DEMO_AGENCIES.length);
    for (const u of units) expect(u.leaders).toBeGreaterThanOrEqual(1);
    const ttyt = await idOf(DEMO_AGENCIES.find((a) => a.health)!.path);
    const health = await t.services.db
      .select({ category: membership.category, n: sql<number>`count(*)::int` })
      .from(membership)
      .innerJoin(org, eq(org.id, membership.orgId))
      .where(sql`${org.path} like (select path from org where id = ${ttyt}) || '%'`)
      .groupBy(membership.category);
    expect(health.find((h) => h.category === 'cong_chuc')).toBeUndefined();
    expect(health.find((h) => h.category === 'vien_chuc')!.n).toBeGreaterThan(130);
  });

  it('gives every person a unique 12-digit citizen ID and every household one head and consistent ages', async () => {
    const people = await t.services.db.select({ citizenId: person.citizenId, birthDate: person.birthDate, householdId: person.householdId, relation: person.householdRelation, residence: person.residenceOrgId }).from(person);
    expect(people.length).toBeGreaterThan(2500);
    expect(people.every((p) => /^\d{12}$/.test(p.citizenId ?? ''))).toBe(true);
    expect(new Set(people.map((p) => p.citizenId)).size).toBe(people.length);

    const residents = people.filter((p) => p.residence !== null);
    expect(residents.every((p) => p.householdId !== null)).toBe(true);
    const households = await t.services.db.select({ id: household.id, headPersonId: household.headPersonId, code: household.code }).from(household);
    const members = new Map<string, typeof residents>();
    for (const p of residents) members.set(p.householdId!, [...(members.get(p.householdId!) ?? []), p]);
    expect(members.size).toBe(households.length);
    const year = (d: string | null) => Number(d!.slice(0, 4));
    for (const h of households) {
      const m = members.get(h.id)!;
      expect(h.code).toMatch(/^\d{3}$/);
      expect(m.length, h.id).toBeGreaterThanOrEqual(2);
      expect(m.length, h.id).toBeLessThanOrEqual(7);
      const heads = m.filter((p) => p.relation === 'head');
      expect(heads, h.id).toHaveLength(1);
      const head = year(heads[0]!.birthDate);
      expect(2025 - head).toBeGreaterThanOrEqual(18);
      for (const p of m) {
        const gap = year(p.birthDate) - head;
        const why = `${p.relation} born ${p.birthDate}, head ${heads[0]!.birthDate}`;
        if (p.relation === 'spouse') expect(Math.abs(gap), why).toBeLessThanOrEqual(10);
        if (p.relation === 'spouse') expect(2025 - year(p.birthDate), why).toBeGreaterThanOrEqual(18);
        if (p.relation === 'child') expect(gap >= 18 && gap <= 40, why).toBe(true);
        if (p.relation === 'parent') expect(-gap >= 18 && -gap <= 45, why).toBe(true);
        if (p.relation === 'grandchild') expect(gap >= 36 && gap <= 80, why).toBe(true);
      }
    }
    // The head recorded on the household is its member with the relation 'head'.
    const headRows = await t.services.db.select({ id: person.id }).from(person).innerJoin(household, eq(household.headPersonId, person.id)).where(eq(person.householdRelation, 'head'));
    expect(headRows.length).toBe(households.length);
  });

  it('groups households of several hamlets in two to four clans per commune', async () => {
    const rows = await t.services.db
      .select({ commune: clan.orgId, clan: clan.name, hamlet: household.orgId, head: person.fullName })
      .from(clan)
      .innerJoin(clanHousehold, eq(clanHousehold.clanId, clan.id))
      .innerJoin(household, eq(household.id, clanHousehold.householdId))
      .innerJoin(person, eq(person.id, household.headPersonId));
    for (const c of DEMO_COMMUNES) {
      const communeId = await idOf(c.path);
      const ofCommune = rows.filter((r) => r.commune === communeId);
      const clans = new Set(ofCommune.map((r) => r.clan));
      expect(clans.size, c.path).toBeGreaterThanOrEqual(2);
      expect(clans.size, c.path).toBeLessThanOrEqual(4);
      for (const name of clans) {
        const family = name.replace(/^Dòng họ /, '');
        const households = ofCommune.filter((r) => r.clan === name);
        expect(households.every((r) => r.head.startsWith(`${family} `)), name).toBe(true);
        expect(new Set(households.map((r) => r.hamlet)).size, `${c.path}: ${name}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('finds people without marks, and shows each account holder their own people', async () => {
    const admin = await new Client(t.app).login('admin', DEMO_PASSWORD);
    for (const kind of ['staff', 'resident']) {
      const found = await admin.get(`/api/v1/people?kind=${kind}&q=${encodeURIComponent('nguyen van')}&pageSize=100`);
      expect(found.status).toBe(200);
      expect(found.body.total, kind).toBeGreaterThan(kind === 'staff' ? 10 : 50);
      for (const p of found.body.items) expect(searchKey(p.fullName)).toContain('nguyen van');
    }
    const hai = (await admin.get(`/api/v1/people?kind=staff&q=${encodeURIComponent('le van hai')}`)).body.items;
    expect(hai.map((p: { org: { name: string }; position: string }) => [p.org.name, p.position])).toContainEqual(['Phòng Quản lý ngân sách', 'Trưởng phòng']);

    const khoa = await new Client(t.app).login('gt.khoa.kb', DEMO_PASSWORD);
    const kb = (await khoa.get('/api/v1/people?kind=staff&pageSize=100')).body;
    expect(kb.total).toBe(await total('staff', `Huyện Giang Thành${ORG_PATH_SEPARATOR}Trung tâm Y tế Giang Thành${ORG_PATH_SEPARATOR}Khoa Khám bệnh`));
    expect(kb.items.map((p: { fullName: string }) => p.fullName)).toEqual(expect.arrayContaining(['Châu Minh Trí', 'Thạch Thị Mỹ Tiên']));
    const commune = await new Client(t.app).login('gt.xa.phuloi', DEMO_PASSWORD);
    const phuLoi = (await commune.get('/api/v1/people?kind=resident&pageSize=1')).body.total;
    expect(phuLoi).toBe(await total('resident', `Huyện Giang Thành${ORG_PATH_SEPARATOR}Xã Phú Lợi`));
    expect((await commune.get('/api/v1/people?kind=staff&pageSize=1')).body.total).toBe(0);
  });

  it('stores exactly the generated people, and their emulation titles for 2024 and 2025', async () => {
    const generated = generateDemoPeople();
    const expected = [...generated.staff.flatMap((s) => s.rows), ...generated.residents.flatMap((c) => c.rows)].map((r) => `${r.record.person.citizenId} ${r.record.person.fullName}`).sort();
    const stored = (await t.services.db.select({ citizenId: person.citizenId, fullName: person.fullName }).from(person)).map((p) => `${p.citizenId} ${p.fullName}`).sort();
    expect(stored).toEqual(expected);

    const titles = await t.services.db.select({ year: emulationRecord.year, personId: emulationRecord.personId, titleCode: emulationRecord.titleCode }).from(emulationRecord);
    expect(titles.filter((e) => e.personId !== null)).toHaveLength(generated.emulation.persons.length);
    expect(titles.filter((e) => e.personId === null)).toHaveLength(generated.emulation.units.length);
    expect(new Set(titles.map((e) => e.year))).toEqual(new Set([2024, 2025]));
    const unit = await t.services.emulation.forOrg(ctx, await idOf(`Sở Tài chính tỉnh Kon Tum${ORG_PATH_SEPARATOR}Phòng Quản lý ngân sách`));
    expect(unit.map((e) => e.year).sort()).toEqual([2024, 2025]);
  });

  it('links the account holders to their person records', async () => {
    const holders = [...generateDemoPeople().staff.flatMap((s) => s.rows), ...generateDemoPeople().residents.flatMap((c) => c.rows)].filter((r) => r.account);
    const linked = await t.services.db.select({ fullName: person.fullName }).from(person).where(sql`${person.userId} is not null`);
    expect(holders.length).toBeGreaterThan(5);
    expect(linked.map((p) => p.fullName).sort()).toEqual(holders.map((r) => r.record.person.fullName).sort());
  });
});

describe('the demo learning year', () => {
  const login = async (name: string) => new Client(t.app).login(name, DEMO_PASSWORD);

  it("has the account holders' plans in every state, in their heads' queues", async () => {
    const head = await login('kt.tphong.ns');
    const phong = await idOf('Sở Tài chính tỉnh Kon Tum / Phòng Quản lý ngân sách');
    const queue = await head.get(`/api/v1/study-plans?orgId=${phong}&year=2026`);
    expect(queue.status, JSON.stringify(queue.body)).toBe(200);
    const linh = queue.body.items.find((i: { person: { fullName: string } }) => i.person.fullName === 'Võ Thị Mỹ Linh');
    expect(linh.state).toBe('approved');
    expect(queue.body.learningYear).toMatchObject({ planDeadline: '2026-03-31' });
    const member = await login('gt.cv.kb');
    const mine = await member.get('/api/v1/study-plans/mine?year=2026');
    expect(mine.body.plan).toMatchObject({ state: 'returned', acts: ['submit'] });
  });

  it('has trainings recorded, so the shares have figures', async () => {
    const secretariat = await login('kt.vanphong');
    const summary = await secretariat.get(`/api/v1/learning-records/summary?orgId=${await idOf('Sở Tài chính tỉnh Kon Tum')}&year=2026`);
    expect(summary.status, JSON.stringify(summary.body)).toBe(200);
    const shares = summary.body.total.shares;
    expect(shares.mandatoryDone).toBeGreaterThan(0.6);
    expect(shares.mandatoryDone).toBeLessThan(0.9);
    expect(shares.digitalTrained).toBeGreaterThan(0.4);
    expect(shares.leaderTrained).toBe(1);
    expect(summary.body.total.levels['2']).toBeGreaterThan(10);
    const pending = await (await login('kt.tphong.ns')).get(`/api/v1/learning-records?orgId=${await idOf('Sở Tài chính tỉnh Kon Tum / Phòng Quản lý ngân sách')}&status=pending`);
    expect(pending.body.items.map((r: { title: string }) => r.title)).toEqual(['Chứng chỉ tiếng Anh B1 (bậc 3)']);
  });
});
