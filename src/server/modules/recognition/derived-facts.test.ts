/**
 * Derived indicators counted from the records, on both engines: a department of a Sở with ten
 * members (one of them with two memberships, a leaver, and an outsider in another unit), a commune
 * with two hamlets, households and a clan, and a neighbouring commune whose people and households
 * must never be counted. The built-in criteria sets name the formulas, so this also checks that the
 * loader and the shipped sets agree.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import type { CriteriaSetDocument, LearningTitle } from '../../../shared/criteria.js';
import { personSortKey, searchKey, sortKey } from '../../../shared/vn-text.js';
import type { Db } from '../../db/index.js';
import { loadBuiltinSets } from '../criteria/builtin-sets.js';
import { learningRecord } from '../learningRecord/learningRecord.table.js';
import { org } from '../org/org.table.js';
import { emulationRecord } from '../people/emulation.table.js';
import { clan, clanHousehold, household, membership, person } from '../people/people.table.js';
import { studyPlan } from '../studyPlan/studyPlan.table.js';
import { derivedValues, recomputeDerivedFor, SOURCES_LIMIT, type DerivedValue } from './derived-facts.js';
import { recognition, recognitionDecision, titleRegistration } from './recognition.table.js';

const YEAR = 2025;

let t: TestApp;
let db: Db;
let sets: Map<string, CriteriaSetDocument>;
const set = (code: string) => sets.get(code)!;

// ── fixture builders ─────────────────────────────────────────────────────────

async function addOrg(name: string, kindCode: string, parent: { id: string; path: string; rootId: string; depth: number } | null) {
  const id = randomUUID();
  const row = {
    id,
    rootId: parent?.rootId ?? id,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    name,
    nameSearch: searchKey(name),
    nameSort: sortKey(name),
    kindCode,
  };
  await db.insert(org).values(row);
  return row;
}

async function addPerson(fullName: string, f: { birthDate?: string | null; residenceOrgId?: string; householdId?: string } = {}) {
  const [p] = await db
    .insert(person)
    .values({
      fullName,
      nameSearch: searchKey(fullName),
      nameSort: personSortKey(fullName),
      birthDate: f.birthDate === undefined ? '1985-05-10' : f.birthDate,
      residenceOrgId: f.residenceOrgId ?? null,
      householdId: f.householdId ?? null,
      citizenGroup: 'officials',
    })
    .returning();
  return p!;
}

const join = (personId: string, orgId: string, category = 'cong_chuc', validTo: string | null = null) =>
  db.insert(membership).values({ personId, orgId, category, validFrom: '2020-01-01', validTo });

const decisions = new Map<string, string>();
/** A recognition of the title for the subject, with its registration and decision (as an issued decision leaves them). */
async function recognise(title: LearningTitle, subject: { personId?: string; householdId?: string }, orgId: string, year = YEAR, revoked = false) {
  const kind = subject.personId ? 'person' : 'household';
  const key = `${title}|${year}`;
  if (!decisions.has(key)) {
    const [d] = await db.insert(recognitionDecision).values({ orgId, year, title, issuingBody: 'UBND xã Tân Lập', state: 'issued', number: `${decisions.size + 1}/QĐ-UBND`, signedOn: `${year + 1}-02-10` }).returning();
    decisions.set(key, d!.id);
  }
  const [reg] = await db
    .insert(titleRegistration)
    .values({ year, title, subjectKind: kind, ...subject, orgId, state: 'recognised', decisionId: decisions.get(key)! })
    .returning();
  const [r] = await db
    .insert(recognition)
    .values({
      decisionId: decisions.get(key)!,
      registrationId: reg!.id,
      year,
      title,
      subjectKind: kind,
      ...subject,
      orgId,
      outcome: 'DAT',
      validFrom: `${year + 1}-02-10`,
      certificateCode: randomUUID().replace(/-/g, '').toUpperCase(),
      revokedAt: revoked ? new Date('2026-03-01T02:00:00Z') : null,
      revokeReason: revoked ? 'Kê khai không trung thực' : null,
    })
    .returning();
  return r!;
}

const plan = (personId: string, orgId: string, state: string, year = YEAR) =>
  db
    .insert(studyPlan)
    .values({ personId, orgId, year, state, content: { selfAssessment: null, goals: null, conditions: null, commitment: 'Tôi cam kết.', lines: [] } })
    .returning()
    .then((r) => r[0]!);

const record = (personId: string, orgId: string, hours: number, status = 'verified') =>
  db.insert(learningRecord).values({ personId, orgId, year: YEAR, kind: 'mandatory_training', title: 'Bồi dưỡng bắt buộc hằng năm', endsOn: `${YEAR}-06-30`, hours, status });

// ── the fixture ──────────────────────────────────────────────────────────────

const f = {} as {
  dept: Awaited<ReturnType<typeof addOrg>>;
  team: Awaited<ReturnType<typeof addOrg>>;
  other: Awaited<ReturnType<typeof addOrg>>;
  commune: Awaited<ReturnType<typeof addOrg>>;
  hamlet1: Awaited<ReturnType<typeof addOrg>>;
  members: Awaited<ReturnType<typeof addPerson>>[];
  outsider: Awaited<ReturnType<typeof addPerson>>;
  cdht: Map<string, string>;
  plans: Map<string, string>;
  emulation: Map<string, string>;
  households: Record<string, { id: string; label: string }>;
  gdht: Map<string, string>;
  residentsCdht: Map<string, string>;
  clanId: string;
};

const MEMBER_NAMES = [
  'Nguyễn Thị Lan',
  'Trần Văn Bình',
  'Lê Thị Hồng Nhung',
  'Phạm Quốc Việt',
  'Hoàng Minh Châu',
  'Võ Thị Thanh Hương',
  'Đặng Văn Toàn',
  'Bùi Thị Ánh',
  'Huỳnh Văn Đạt',
  'Ngô Thị Yến',
];

beforeAll(async () => {
  t = await createTestApp();
  db = t.services.db as Db;
  sets = new Map(loadBuiltinSets().map((d) => [d.code, d]));

  // An agency of the province with a department (the subject) and its team, and another department.
  const agency = await addOrg('Sở Tài chính tỉnh Kon Tum', 'agency', null);
  f.dept = await addOrg('Văn phòng Sở', 'department', agency);
  f.team = await addOrg('Tổ Hành chính - Tổng hợp', 'department', f.dept);
  f.other = await addOrg('Phòng Thanh tra', 'department', agency);
  // A commune with two hamlets, and a neighbouring commune.
  f.commune = await addOrg('Xã Tân Lập', 'commune', null);
  f.hamlet1 = await addOrg('Thôn Kon Klor', 'hamlet', f.commune);
  const hamlet2 = await addOrg('Thôn Plei Đôn', 'hamlet', f.commune);
  const neighbour = await addOrg('Xã Đăk Rơ Wa', 'commune', null);
  const hamlet3 = await addOrg('Thôn Kon Jri', 'hamlet', neighbour);

  // Ten members: seven in the department, three in its team (the last also keeps a post in the department).
  f.members = [];
  for (const [i, name] of MEMBER_NAMES.entries()) {
    const p = await addPerson(name, i === 0 ? { residenceOrgId: hamlet2.id } : {});
    f.members.push(p);
    await join(p.id, i < 7 ? f.dept.id : f.team.id, i >= 8 ? 'nguoi_lao_dong' : 'cong_chuc');
  }
  await join(f.members[9]!.id, f.dept.id, 'nguoi_lao_dong');
  const m = f.members;
  // A leaver (left in June) and a member of another department: both hold everything, neither counts.
  const leaver = await addPerson('Lý Văn Khánh');
  await join(leaver.id, f.dept.id, 'cong_chuc', `${YEAR}-06-30`);
  f.outsider = await addPerson('Trịnh Thị Mai');
  await join(f.outsider.id, f.other.id);

  // Công dân học tập 2025: six held, one revoked; a 2024 one does not count for 2025.
  f.cdht = new Map();
  for (const p of m.slice(0, 6)) f.cdht.set(p.id, (await recognise('LEARNING_CITIZEN', { personId: p.id }, f.dept.id)).id);
  await recognise('LEARNING_CITIZEN', { personId: m[6]!.id }, f.dept.id, YEAR, true);
  await recognise('LEARNING_CITIZEN', { personId: m[7]!.id }, f.dept.id, YEAR - 1);
  await recognise('LEARNING_CITIZEN', { personId: leaver.id }, f.dept.id);
  await recognise('LEARNING_CITIZEN', { personId: f.outsider.id }, f.other.id);

  // Plans 2025: eight approved or later; one submitted; none for the last (whose 2024 plan was approved).
  f.plans = new Map();
  const states = ['approved', 'approved', 'reported', 'confirmed', 'approved', 'approved', 'approved', 'approved'];
  for (const [i, s] of states.entries()) f.plans.set(m[i]!.id, (await plan(m[i]!.id, i < 7 ? f.dept.id : f.team.id, s)).id);
  await plan(m[8]!.id, f.team.id, 'submitted');
  await plan(m[9]!.id, f.team.id, 'approved', YEAR - 1);
  await plan(f.outsider.id, f.other.id, 'approved');
  await plan(leaver.id, f.dept.id, 'approved');

  // Emulation 2025: one CSTĐ cơ sở (rank 2), four Lao động tiên tiến (rank 1), one disciplined without a title.
  f.emulation = new Map();
  const titles: [number, string | null, string][] = [
    [0, 'CSTD_CO_SO', 'compliant'],
    [1, 'LAO_DONG_TIEN_TIEN', 'compliant'],
    [2, 'LAO_DONG_TIEN_TIEN', 'compliant'],
    [3, 'LAO_DONG_TIEN_TIEN', 'compliant'],
    [4, 'LAO_DONG_TIEN_TIEN', 'compliant'],
    [5, null, 'reprimand'],
  ];
  for (const [i, titleCode, discipline] of titles) {
    const [e] = await db.insert(emulationRecord).values({ year: YEAR, personId: m[i]!.id, titleCode, discipline }).returning();
    f.emulation.set(m[i]!.id, e!.id);
  }
  await db.insert(emulationRecord).values({ year: YEAR, personId: f.outsider.id, titleCode: 'CSTD_CO_SO', discipline: 'compliant' });
  await db.insert(emulationRecord).values({ year: YEAR - 1, personId: m[6]!.id, titleCode: 'LAO_DONG_TIEN_TIEN', discipline: 'compliant' });
  await db.insert(emulationRecord).values({ year: YEAR, orgId: f.dept.id, titleCode: 'TAP_THE_LDTT' });

  // Mandatory training (the catalogue's 40 hours a year for công chức and viên chức): members 1–3 did
  // it (the third in two records), 4 did 30 hours, 5's record is not verified; 9 and 10 owe nothing.
  await record(m[0]!.id, f.dept.id, 40);
  await record(m[1]!.id, f.dept.id, 40);
  await record(m[2]!.id, f.dept.id, 20);
  await record(m[2]!.id, f.dept.id, 20);
  await record(m[3]!.id, f.dept.id, 30);
  await record(m[4]!.id, f.dept.id, 40, 'pending');
  await record(f.outsider.id, f.other.id, 40);
  // Digital-transformation training: member 1's is verified, 2's is not yet, 3's was last year.
  const digital = (personId: string, status: string, year = YEAR) =>
    db.insert(learningRecord).values({ personId, orgId: f.dept.id, year, kind: 'digital_transformation', title: 'Bồi dưỡng kỹ năng số', endsOn: `${year}-09-30`, hours: 8, status });
  await digital(m[0]!.id, 'verified');
  await digital(m[1]!.id, 'pending');
  await digital(m[2]!.id, 'verified', YEAR - 1);

  // Households: three in the first hamlet, two in the second, one in the neighbouring commune.
  f.households = {};
  const addHousehold = async (key: string, hamlet: { id: string }, code: string, people: [string, string | null][]) => {
    const [h] = await db.insert(household).values({ orgId: hamlet.id, code }).returning();
    const persons = [];
    for (const [name, birthDate] of people) persons.push(await addPerson(name, { birthDate, residenceOrgId: hamlet.id, householdId: h!.id }));
    await db.update(household).set({ headPersonId: persons[0]!.id }).where(eq(household.id, h!.id));
    f.households[key] = { id: h!.id, label: `Hộ ${people[0]![0]} (${code})` };
    return persons;
  };
  const hh1 = await addHousehold('an', f.hamlet1, '0001', [
    ['A Văn An', '1975-03-02'],
    ['Y Thị Bông', '1977-08-19'],
    ['A Văn Cường', '2010-12-31'], // 15 on 31/12/2025: an adult
    ['A Thị Dung', '2015-01-20'],
    ['Y Thị Hên', null], // no birth date recorded: counted as an adult
  ]);
  const hh2 = await addHousehold('giang', f.hamlet1, '0002', [
    ['Đinh Văn Giang', '1968-02-11'],
    ['Y Thị Hoa', '1970-06-30'],
  ]);
  await addHousehold('khoa', f.hamlet1, '0003', [['A Văn Khoa', '1990-09-09']]);
  const hh4 = await addHousehold('lam', hamlet2, '0001', [
    ['Nguyễn Văn Lâm', '1982-04-04'],
    ['Trần Thị Mơ', '1984-10-10'],
  ]);
  await addHousehold('nam', hamlet2, '0002', [['Lê Văn Nam', '1959-01-01']]);
  const hh6 = await addHousehold('phuc', hamlet3, '0001', [['Y Văn Phúc', '1980-05-05']]);

  // Gia đình học tập 2025: three held in the commune, one revoked; the neighbour's does not count there.
  f.gdht = new Map();
  for (const key of ['an', 'giang', 'lam']) f.gdht.set(f.households[key]!.id, (await recognise('LEARNING_FAMILY', { householdId: f.households[key]!.id }, f.hamlet1.id)).id);
  await recognise('LEARNING_FAMILY', { householdId: f.households.nam!.id }, hamlet2.id, YEAR, true);
  await recognise('LEARNING_FAMILY', { householdId: f.households.phuc!.id }, hamlet3.id);

  // Công dân học tập among residents: An and Bông (household An), Lâm, and member 1 who lives in the
  // second hamlet (recognised above); Hoa's is revoked; Phúc lives in the neighbouring commune.
  f.residentsCdht = new Map();
  for (const p of [hh1[0]!, hh1[1]!, hh4[0]!]) f.residentsCdht.set(p.id, (await recognise('LEARNING_CITIZEN', { personId: p.id }, f.hamlet1.id)).id);
  f.residentsCdht.set(m[0]!.id, f.cdht.get(m[0]!.id)!);
  await recognise('LEARNING_CITIZEN', { personId: hh2[1]!.id }, f.hamlet1.id, YEAR, true);
  await recognise('LEARNING_CITIZEN', { personId: hh6[0]!.id }, hamlet3.id);
  // A child recognised (Dung, 10): counted among residents, not among the household's adults.
  f.residentsCdht.set(hh1[3]!.id, (await recognise('LEARNING_CITIZEN', { personId: hh1[3]!.id }, f.hamlet1.id)).id);

  // The clan of the commune: households An, Khoa and Lâm.
  const clanName = 'Dòng họ A';
  const [c] = await db.insert(clan).values({ orgId: f.commune.id, name: clanName, nameSearch: searchKey(clanName), nameSort: sortKey(clanName), headPersonId: hh1[0]!.id }).returning();
  f.clanId = c!.id;
  for (const key of ['an', 'khoa', 'lam']) await db.insert(clanHousehold).values({ clanId: c!.id, householdId: f.households[key]!.id });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const ids = (v: DerivedValue) => v.sources.map((s) => s.id).sort();
const sorted = (xs: (string | undefined)[]) => xs.map((x) => x!).sort();

// ── a learning unit (TT 22/2020 and TT 24/2023) ──────────────────────────────

describe('a unit: its members', () => {
  it('TT 22/2020: plans, mandatory training, emulation titles, Công dân học tập, the unit’s own title', async () => {
    const v = await derivedValues(db, { kind: 'org', id: f.dept.id, year: YEAR }, set('TT22-2020-DVHT'));
    expect(Object.keys(v).sort()).toEqual(['2a', '2b', '2c', '2d', '3a', '3b']);

    expect(v['2a']).toMatchObject({ numerator: 8, denominator: 10, value: 80, sourcesTotal: 8 });
    expect(v['2a']!.sources.every((s) => s.kind === 'studyPlan')).toBe(true);
    expect(ids(v['2a']!)).toEqual(sorted([...f.plans.values()]));

    // Done: members 1–3, and 9–10 who owe nothing (người lao động); 4 is 10 hours short, 5 unverified.
    expect(v['2c']).toMatchObject({ numerator: 5, denominator: 10, value: 50, sourcesTotal: 5 });
    expect(ids(v['2c']!)).toEqual(sorted([0, 1, 2, 8, 9].map((i) => f.members[i]!.id)));

    expect(v['2d']).toMatchObject({ numerator: 5, denominator: 10, value: 50, sourcesTotal: 5 });
    expect(ids(v['2d']!)).toEqual(sorted([0, 1, 2, 3, 4].map((i) => f.emulation.get(f.members[i]!.id))));

    // Labour discipline: members 1–5 compliant, 6 reprimanded, the rest have no standing recorded.
    expect(v['2b']).toMatchObject({ numerator: 5, denominator: 10, value: 50, sourcesTotal: 5 });
    expect(ids(v['2b']!)).toEqual(sorted([0, 1, 2, 3, 4].map((i) => f.emulation.get(f.members[i]!.id))));
    expect(v['2b']!.sources.every((s) => s.kind === 'emulation')).toBe(true);

    // Six held; the revoked one, the 2024 one, the leaver's and the outsider's do not count.
    expect(v['3a']).toMatchObject({ numerator: 6, denominator: 10, value: 60, sourcesTotal: 6 });
    expect(ids(v['3a']!)).toEqual(sorted([...f.cdht.values()]));
    expect(v['3a']!.sources[0]).toEqual({ kind: 'recognition', id: f.cdht.get(f.members[1]!.id), label: 'Trần Văn Bình' });
    // Vietnamese office order: by given name (Bình, Châu, Hương, Lan, Nhung, Việt… ordered by tên).
    expect(v['3a']!.sources.map((s) => s.label)).toEqual(['Trần Văn Bình', 'Hoàng Minh Châu', 'Võ Thị Thanh Hương', 'Nguyễn Thị Lan', 'Lê Thị Hồng Nhung', 'Phạm Quốc Việt']);

    expect(v['3b']).toEqual({ value: true, sources: [{ kind: 'emulation', id: expect.any(String), label: 'Văn phòng Sở' }], sourcesTotal: 1 });
  });

  it('TT 24/2023: the same shares as percentages; learners are not on record; a rank above the title is not held', async () => {
    const v = await derivedValues(db, { kind: 'org', id: f.dept.id, year: YEAR }, set('TT24-2023-DVHT-HUYEN'));
    expect(v['2.1']).toMatchObject({ numerator: 5, denominator: 10, value: 50 });
    expect(v['2.2']!.value).toBe(50);
    // Digital transformation: only member 1's verified record of the year counts.
    expect(v['2.3']).toMatchObject({ numerator: 1, denominator: 10, value: 10, sources: [{ kind: 'person', id: f.members[0]!.id }] });
    expect(v['2.5']!.value).toBe(50);
    expect(v['3.1']!.value).toBe(60);
    expect(v['3.1-NH']).toEqual({ value: null, sources: [], sourcesTotal: 0 });
    expect(v['3.3']!.value).toBe(true);

    const higher = withParams(set('TT24-2023-DVHT-HUYEN'), { '2.5': { minRank: 2 }, '3.3': { minRank: 2 } });
    const w = await derivedValues(db, { kind: 'org', id: f.dept.id, year: YEAR }, higher);
    expect(w['2.5']).toMatchObject({ numerator: 1, denominator: 10, value: 10 });
    expect(w['3.3']!.value).toBe(false);
  });

  it('a team counts only its own members; another unit without an emulation record has no value for its title', async () => {
    const team = await derivedValues(db, { kind: 'org', id: f.team.id, year: YEAR }, set('TT22-2020-DVHT'));
    // Members 8–10 (member 10 also holds a post in the department: counted in the team too).
    expect(team['2a']).toMatchObject({ numerator: 1, denominator: 3 });
    expect(team['3a']).toMatchObject({ numerator: 0, denominator: 3, value: 0, sources: [], sourcesTotal: 0 });
    expect(team['3b']).toEqual({ value: null, sources: [], sourcesTotal: 0 });

    const other = await derivedValues(db, { kind: 'org', id: f.other.id, year: YEAR }, set('TT22-2020-DVHT'));
    expect(other['3a']).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });

  it('another year counts that year’s records only', async () => {
    const v = await derivedValues(db, { kind: 'org', id: f.dept.id, year: YEAR - 1 }, set('TT22-2020-DVHT'));
    // On 31/12/2024 the leaver (gone in June 2025) was still a member: eleven.
    expect(v['3a']).toMatchObject({ numerator: 1, denominator: 11 }); // member 8's 2024 recognition
    expect(v['2a']).toMatchObject({ numerator: 1, denominator: 11 }); // member 10's 2024 plan
    expect(v['2d']).toMatchObject({ numerator: 1, denominator: 11 });
  });
});

// ── a person (QĐ 324) ────────────────────────────────────────────────────────

describe('a person: the approved plan', () => {
  it('is true with the plan as its source when approved or later, false otherwise', async () => {
    const doc = set('QD324-2023-CDHT-CAN-BO');
    const yes = await derivedValues(db, { kind: 'person', id: f.members[3]!.id, year: YEAR }, doc);
    expect(yes['2']).toEqual({ value: true, sources: [{ kind: 'studyPlan', id: f.plans.get(f.members[3]!.id), label: 'Phạm Quốc Việt' }], sourcesTotal: 1 });
    const submitted = await derivedValues(db, { kind: 'person', id: f.members[8]!.id, year: YEAR }, doc);
    expect(submitted['2']).toEqual({ value: false, sources: [], sourcesTotal: 0 });
    const lastYearOnly = await derivedValues(db, { kind: 'person', id: f.members[9]!.id, year: YEAR }, doc);
    expect(lastYearOnly['2']!.value).toBe(false);
  });

  it('a unit’s formulas are not computed for a person, nor a person’s for a unit', async () => {
    expect(await derivedValues(db, { kind: 'person', id: f.members[0]!.id, year: YEAR }, set('TT22-2020-DVHT'))).toEqual({});
    expect(await derivedValues(db, { kind: 'org', id: f.dept.id, year: YEAR }, set('QD324-2023-CDHT-CAN-BO'))).toEqual({});
  });
});

// ── households, clans, hamlets and communes (QĐ 448, TT 25) ──────────────────

describe('a household, a clan, a hamlet, a commune', () => {
  it('a household: its adults (15 and over, or of unknown age) holding Công dân học tập', async () => {
    const v = await derivedValues(db, { kind: 'household', id: f.households.an!.id, year: YEAR }, set('QD448-2015-GDHT'));
    // An, Bông, Cường (15 on 31/12), Hên (no birth date); Dung (10) is not an adult, though recognised.
    expect(v['2.2']).toMatchObject({ numerator: 2, denominator: 4, value: 50, sourcesTotal: 2 });
    expect(v['2.2']!.sources.map((s) => s.label)).toEqual(['A Văn An', 'Y Thị Bông']);
    // Earlier in the year Cường is 14: three adults.
    const june = await derivedValues(db, { kind: 'household', id: f.households.an!.id, year: YEAR }, set('QD448-2015-GDHT'), { day: `${YEAR}-06-30` });
    expect(june['2.2']).toMatchObject({ numerator: 2, denominator: 3 });
    // Revoked: Hoa's recognition does not count for household Giang.
    const giang = await derivedValues(db, { kind: 'household', id: f.households.giang!.id, year: YEAR }, set('QD448-2015-GDHT'));
    expect(giang['2.2']).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
  });

  it('a clan: its households holding Gia đình học tập, wherever they live', async () => {
    const v = await derivedValues(db, { kind: 'clan', id: f.clanId, year: YEAR }, set('QD448-2015-DHHT'));
    expect(v['1.1']!.numerator).toBe(2);
    expect(v['1.1']!.denominator).toBe(3);
    expect(v['1.1']!.value).toBeCloseTo(66.667, 2);
    expect(v['1.1']!.sources).toEqual([
      { kind: 'recognition', id: f.gdht.get(f.households.an!.id), label: f.households.an!.label },
      { kind: 'recognition', id: f.gdht.get(f.households.lam!.id), label: f.households.lam!.label },
    ]);
  });

  it('a hamlet and a commune: their households holding Gia đình học tập; the neighbour’s never count', async () => {
    const hamlet = await derivedValues(db, { kind: 'org', id: f.hamlet1.id, year: YEAR }, set('QD448-2015-CDHT-THON'));
    expect(hamlet['1.1']).toMatchObject({ numerator: 2, denominator: 3, sourcesTotal: 2 });
    const commune = await derivedValues(db, { kind: 'org', id: f.commune.id, year: YEAR }, set('QD448-2015-CDHT-THON'));
    // An, Giang, Lâm of five (Nam's is revoked; Phúc lives in the neighbouring commune).
    expect(commune['1.1']).toMatchObject({ numerator: 3, denominator: 5, value: 60, sourcesTotal: 3 });
    expect(ids(commune['1.1']!)).toEqual(sorted([...f.gdht.values()]));
  });

  it('a commune (TT 25/2023 5.1): its residents holding Công dân học tập', async () => {
    const v = await derivedValues(db, { kind: 'org', id: f.commune.id, year: YEAR }, set('TT25-2023-CDHT-XA'));
    // Residents: 5 + 2 + 1 in the first hamlet, 2 + 1 in the second, and member 1 who lives there: 12.
    expect(v['5.1']).toMatchObject({ numerator: 5, denominator: 12, sourcesTotal: 5 });
    expect(v['5.1']!.value).toBeCloseTo((5 * 100) / 12, 9);
    expect(ids(v['5.1']!)).toEqual(sorted([...f.residentsCdht.values()]));
    expect(v['5.1']!.sources.map((s) => s.label)).not.toContain('Y Văn Phúc');
  });

  it('recomputes every derived indicator of an organisation after a change', async () => {
    const docs = [set('TT25-2023-CDHT-XA'), set('QD448-2015-CDHT-THON')];
    const before = await recomputeDerivedFor(db, { orgId: f.commune.id, year: YEAR }, docs);
    const khoa = (await db.query.person.findFirst({ where: (p, { eq }) => eq(p.fullName, 'A Văn Khoa') }))!;
    await recognise('LEARNING_CITIZEN', { personId: khoa.id }, f.hamlet1.id);
    await recognise('LEARNING_FAMILY', { householdId: f.households.khoa!.id }, f.hamlet1.id);
    const after = await recomputeDerivedFor(db, { orgId: f.commune.id, year: YEAR }, docs);
    expect(before['TT25-2023-CDHT-XA']!['5.1']!.numerator! + 1).toBe(after['TT25-2023-CDHT-XA']!['5.1']!.numerator);
    expect(before['QD448-2015-CDHT-THON']!['1.1']!.numerator! + 1).toBe(after['QD448-2015-CDHT-THON']!['1.1']!.numerator);
  });
});

describe('sources', () => {
  it(`lists at most ${SOURCES_LIMIT} records and says how many there are`, async () => {
    const big = await addOrg('Trường THPT Kon Tum', 'school', null);
    const hamlet = await addOrg('Thôn Đăk Hà', 'hamlet', big);
    for (let i = 0; i < SOURCES_LIMIT + 5; i++) {
      const p = await addPerson(`Nguyễn Văn Học ${String(i).padStart(3, '0')}`, { residenceOrgId: hamlet.id });
      await recognise('LEARNING_CITIZEN', { personId: p.id }, hamlet.id);
    }
    const v = await derivedValues(db, { kind: 'org', id: big.id, year: YEAR }, set('TT25-2023-CDHT-XA'));
    expect(v['5.1']).toMatchObject({ numerator: SOURCES_LIMIT + 5, denominator: SOURCES_LIMIT + 5, value: 100, sourcesTotal: SOURCES_LIMIT + 5 });
    expect(v['5.1']!.sources).toHaveLength(SOURCES_LIMIT);
    expect(v['5.1']!.sources[0]!.label).toBe('Nguyễn Văn Học 000');
  }, 120_000);
});

/** The document with some indicators' derivation parameters replaced. */
function withParams(doc: CriteriaSetDocument, params: Record<string, Record<string, number | string>>): CriteriaSetDocument {
  return {
    ...doc,
    criteria: doc.criteria.map((c) => ({
      ...c,
      indicators: c.indicators.map((i) => (params[i.code] && i.derived ? { ...i, derived: { ...i.derived, params: { ...i.derived.params, ...params[i.code] } } } : i)),
    })),
  };
}
