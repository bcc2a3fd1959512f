import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let commune: { id: string };
let hamlet1: { id: string };
let hamlet2: { id: string };
let communeOfficer: Client;

const org = async (parentId: string | null, name: string, kindCode: string) => {
  const res = await s.admin.post('/api/v1/orgs', { parentId, name, kindCode });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
};

const addPerson = async (client: Client, body: Record<string, unknown>) => {
  const res = await client.post('/api/v1/people', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; citizenGroup: string; memberships: { id: string }[] };
};

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  commune = await org(null, 'Xã Vĩnh Điều', 'commune');
  hamlet1 = await org(commune.id, 'Ấp Cờ Trắng', 'hamlet');
  hamlet2 = await org(commune.id, 'Ấp Tà Êm', 'hamlet');
  const officer = await s.admin.post('/api/v1/users', { login: 'cb.vinhdieu', displayName: 'Danh Thị Sa Ry', homeOrgId: commune.id, password: 'TamThoi2026x' });
  await s.admin.post(`/api/v1/users/${officer.body.id}/grants`, { orgId: commune.id, role: 'secretariat' });
  communeOfficer = await new Client(t.app).login('cb.vinhdieu', 'TamThoi2026x');
  await communeOfficer.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'VinhDieu2026x', newPasswordConfirm: 'VinhDieu2026x' });

  const staff: [string, string, string, string, string][] = [
    ['Nguyễn Văn Đức', '1980-03-15', 'male', '082080000123', 'A'],
    ['Trần Thị Hồng', '1990-07-01', 'female', '082190000456', 'A'],
    ['Nguyễn Thị Hồng Nhung', '1995-12-31', 'female', '082195000789', 'A'],
    ['Lê Văn Đông', '1975-05-20', 'male', '082075000111', 'B'],
  ];
  for (const [fullName, birthDate, sex, citizenId, unit] of staff) {
    await addPerson(s.admin, {
      fullName,
      birthDate,
      sex,
      citizenId,
      phone: '0912345678'.slice(0, 8) + citizenId.slice(-2),
      membership: { orgId: unit === 'A' ? s.unitA.id : s.unitB.id, category: 'cong_chuc', position: unit === 'A' ? 'Chuyên viên' : 'Phó Trưởng phòng', validFrom: '2020-01-01' },
    });
  }
});
afterAll(() => t?.close());

const names = (res: { body: { items: { fullName: string }[] } }) => res.body.items.map((p) => p.fullName);

describe('staff', () => {
  it('lists the staff of a unit in Vietnamese order (given name first) and finds them without marks', async () => {
    const all = await s.admin.get(`/api/v1/people?kind=staff&orgId=${s.rootId}`);
    expect(all.status).toBe(200);
    expect(names(all)).toEqual(['Lê Văn Đông', 'Nguyễn Văn Đức', 'Trần Thị Hồng', 'Nguyễn Thị Hồng Nhung']);
    expect(all.body.total).toBe(4);
    expect(all.body.totalCapped).toBe(false);
    const found = await s.admin.get('/api/v1/people?kind=staff&q=' + encodeURIComponent('nguyen van duc'));
    expect(names(found)).toEqual(['Nguyễn Văn Đức']);
    const hong = await s.admin.get('/api/v1/people?kind=staff&q=hong');
    expect(names(hong)).toEqual(['Trần Thị Hồng', 'Nguyễn Thị Hồng Nhung']);
  });

  it('filters by sex, age band, position and category', async () => {
    expect(names(await s.admin.get('/api/v1/people?kind=staff&sex=female'))).toEqual(['Trần Thị Hồng', 'Nguyễn Thị Hồng Nhung']);
    expect(names(await s.admin.get('/api/v1/people?kind=staff&ageBand=18to35'))).toEqual(['Nguyễn Thị Hồng Nhung']);
    expect(names(await s.admin.get('/api/v1/people?kind=staff&position=' + encodeURIComponent('Phó Trưởng phòng')))).toEqual(['Lê Văn Đông']);
    expect(names(await s.admin.get('/api/v1/people?kind=staff&category=vien_chuc'))).toEqual([]);
    const positions = await s.admin.get(`/api/v1/people/positions?orgId=${s.rootId}`);
    expect(positions.body.items).toEqual(['Chuyên viên', 'Phó Trưởng phòng']);
  });

  it('derives the citizen group from the membership (civil servants: group 3)', async () => {
    const res = await s.admin.get('/api/v1/people?kind=staff&citizenGroup=officials');
    expect(res.body.total).toBe(4);
  });

  it('a unit head sees only their unit, with citizen ID and phone masked', async () => {
    const res = await s.headA.client.get('/api/v1/people?kind=staff');
    expect(names(res)).toEqual(['Nguyễn Văn Đức', 'Trần Thị Hồng', 'Nguyễn Thị Hồng Nhung']);
    const duc = res.body.items[0];
    expect(duc.masked).toBe(true);
    expect(duc.citizenId).toBe('*********123');
    expect(duc.phone).toMatch(/^09\*+23$/);
    expect((await s.headA.client.get(`/api/v1/people?kind=staff&orgId=${s.unitB.id}`)).status).toBe(404);
    const detail = await s.headA.client.get(`/api/v1/people/${duc.id}`);
    expect(detail.body.citizenId).toBe('*********123');
    expect(detail.body.can.manage).toBe(false);
    // Identifier look-ups are for those who may read identifiers.
    expect((await s.headA.client.get('/api/v1/people?kind=staff&q=082080000123')).body.items).toEqual([]);
    expect(names(await s.admin.get('/api/v1/people?kind=staff&q=082080000123'))).toEqual(['Nguyễn Văn Đức']);
  });

  it("a unit head gets 404 for phòng B's people and 403 for editing their own", async () => {
    const dong = (await s.admin.get('/api/v1/people?kind=staff&q=dong')).body.items[0];
    expect((await s.headA.client.get(`/api/v1/people/${dong.id}`)).status).toBe(404);
    expect((await s.headA.client.patch(`/api/v1/people/${dong.id}`, { fullName: 'X' })).status).toBe(404);
    const duc = (await s.headA.client.get('/api/v1/people?kind=staff&q=duc')).body.items[0];
    expect((await s.headA.client.patch(`/api/v1/people/${duc.id}`, { fullName: 'X' })).status).toBe(403);
    expect((await s.headA.client.post('/api/v1/people', { fullName: 'Người Mới', membership: { orgId: s.unitA.id, category: 'cong_chuc' } })).status).toBe(403);
  });

  it('moves a person to another unit: the old membership ends, history stays, the audit has both', async () => {
    const duc = (await s.admin.get('/api/v1/people?kind=staff&q=duc')).body.items[0];
    const ended = await s.admin.patch(`/api/v1/memberships/${duc.membershipId}`, { validTo: '2026-01-01' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const moved = await s.admin.post(`/api/v1/people/${duc.id}/memberships`, { orgId: s.unitB.id, category: 'cong_chuc', position: 'Trưởng phòng', isLeader: true, validFrom: '2026-01-01' });
    expect(moved.status).toBe(201);
    expect(moved.body.memberships.map((m: { org: { name: string }; current: boolean }) => [m.org.name, m.current])).toEqual([
      ['Phòng Tài chính doanh nghiệp', true],
      ['Phòng Quản lý ngân sách', false],
    ]);
    expect(names(await s.headA.client.get('/api/v1/people?kind=staff'))).toEqual(['Trần Thị Hồng', 'Nguyễn Thị Hồng Nhung']);
    // The former unit still reads the person's history with it, but may not see the new unit.
    const asHeadA = await s.headA.client.get(`/api/v1/people/${duc.id}`);
    expect(asHeadA.body.memberships.map((m: { org: { name: string } }) => m.org.name)).toEqual(['Phòng Quản lý ngân sách']);
    const audit = await s.admin.get(`/api/v1/audit?entity=membership&limit=50`);
    expect(audit.body.items.filter((e: { entityId: string }) => e.entityId === duc.membershipId).map((e: { action: string }) => e.action)).toContain('update');
    expect((await s.admin.patch(`/api/v1/memberships/${duc.membershipId}`, { validTo: '2019-01-01' })).body.field).toBe('validTo');
  });

  it('refuses a citizen ID already recorded, naming the field, and a malformed one', async () => {
    const dup = await s.admin.post('/api/v1/people', { fullName: 'Người Trùng', citizenId: '082080000123', membership: { orgId: s.unitA.id, category: 'cong_chuc' } });
    expect(dup.status).toBe(409);
    expect(dup.body.field).toBe('citizenId');
    expect(dup.body.message.vi).toContain('CCCD');
    const bad = await s.admin.post('/api/v1/people', { fullName: 'Người Sai', citizenId: '12345', membership: { orgId: s.unitA.id, category: 'cong_chuc' } });
    expect(bad.status).toBe(400);
    const none = await s.admin.post('/api/v1/people', { fullName: 'Không Nơi Nào' });
    expect(none.body.field).toBe('residenceOrgId');
  });
});

describe('residents', () => {
  it('a commune officer adds residents of their hamlets and sees only them', async () => {
    await addPerson(communeOfficer, { fullName: 'Danh Sà Phên', birthDate: '1970-01-01', sex: 'male', ethnicity: 'Khmer', residenceOrgId: hamlet1.id, occupation: 'Làm ruộng' });
    const child = await addPerson(communeOfficer, { fullName: 'Thị Sóc Khá', birthDate: '2015-06-01', sex: 'female', ethnicity: 'Khmer', residenceOrgId: hamlet2.id });
    expect(child.citizenGroup).toBe('learners');
    const res = await communeOfficer.get('/api/v1/people?kind=resident');
    expect(names(res)).toEqual(['Thị Sóc Khá', 'Danh Sà Phên']);
    expect(res.body.items[0].org.name).toBe('Ấp Tà Êm');
    expect(res.body.items.every((p: { masked: boolean }) => !p.masked)).toBe(true);
    expect((await communeOfficer.get('/api/v1/people?kind=staff')).body.items).toEqual([]);
    expect((await communeOfficer.get(`/api/v1/people?kind=staff&orgId=${s.rootId}`)).status).toBe(404);
    expect(names(await s.headA.client.get('/api/v1/people?kind=resident'))).toEqual([]);
    expect((await s.headA.client.get(`/api/v1/people/${child.id}`)).status).toBe(404);
    expect(names(await communeOfficer.get(`/api/v1/people?kind=resident&orgId=${hamlet1.id}&ethnicity=Khmer`))).toEqual(['Danh Sà Phên']);
  });

  it('a citizen group set by hand stays, and null returns to the derived one', async () => {
    const p = (await communeOfficer.get('/api/v1/people?kind=resident&q=sa phen')).body.items[0];
    const set = await communeOfficer.patch(`/api/v1/people/${p.id}`, { citizenGroup: 'workers' });
    expect([set.body.citizenGroup, set.body.citizenGroupManual]).toEqual(['workers', true]);
    const back = await communeOfficer.patch(`/api/v1/people/${p.id}`, { citizenGroup: null });
    expect([back.body.citizenGroup, back.body.citizenGroupManual]).toEqual(['residents', false]);
  });
});

describe('households and clans', () => {
  it('registers households in two hamlets, their members, heads, and a clan across hamlets', async () => {
    const h1 = await communeOfficer.post('/api/v1/households', { orgId: hamlet1.id, code: 'CT-01', address: 'Tổ 3, ấp Cờ Trắng' });
    expect(h1.status, JSON.stringify(h1.body)).toBe(201);
    const h2 = (await communeOfficer.post('/api/v1/households', { orgId: hamlet2.id, code: 'TE-07' })).body;
    expect((await communeOfficer.post('/api/v1/households', { orgId: hamlet1.id, code: 'CT-01' })).body.field).toBe('code');

    const head = await addPerson(communeOfficer, { fullName: 'Danh Hùng', birthDate: '1965-02-02', sex: 'male', householdId: h1.body.id, householdRelation: 'head' });
    await addPerson(communeOfficer, { fullName: 'Thị Phol', birthDate: '1968-03-03', sex: 'female', householdId: h1.body.id, householdRelation: 'spouse' });
    const withHead = await communeOfficer.patch(`/api/v1/households/${h1.body.id}`, { headPersonId: head.id });
    expect(withHead.body.head.fullName).toBe('Danh Hùng');
    expect(withHead.body.members.map((m: { fullName: string }) => m.fullName)).toEqual(['Danh Hùng', 'Thị Phol']);
    // A household member lives where the household is.
    expect((await communeOfficer.get(`/api/v1/people/${head.id}`)).body.residence.name).toBe('Ấp Cờ Trắng');

    const clan = await communeOfficer.post('/api/v1/clans', { orgId: commune.id, name: 'Dòng họ Danh' });
    expect(clan.status).toBe(201);
    await communeOfficer.post(`/api/v1/clans/${clan.body.id}/households`, { householdId: h1.body.id });
    const both = await communeOfficer.post(`/api/v1/clans/${clan.body.id}/households`, { householdId: h2.id });
    expect([both.body.householdCount, both.body.hamletCount]).toEqual([2, 2]);
    expect((await communeOfficer.get('/api/v1/clans?q=danh')).body.items[0].householdCount).toBe(2);
    expect((await communeOfficer.get('/api/v1/households?q=danh hung')).body.items.map((h: { code: string }) => h.code)).toEqual(['CT-01']);
    expect((await communeOfficer.get(`/api/v1/households/${h1.body.id}`)).body.clans.map((c: { name: string }) => c.name)).toEqual(['Dòng họ Danh']);

    // Nothing of it reaches the agency's unit head.
    expect((await s.headA.client.get(`/api/v1/households/${h1.body.id}`)).status).toBe(404);
    expect((await s.headA.client.get(`/api/v1/clans/${clan.body.id}`)).status).toBe(404);
    expect((await s.headA.client.get('/api/v1/households')).body.items).toEqual([]);
    expect((await s.headA.client.patch(`/api/v1/households/${h1.body.id}`, { code: 'X' })).status).toBe(404);
    expect((await s.headA.client.post(`/api/v1/clans/${clan.body.id}/households`, { householdId: h2.id })).status).toBe(404);
  });
});

describe('emulation titles', () => {
  it('records a title and discipline per year for a person and a collective title for a unit, checked against the catalogue', async () => {
    const cat = await s.admin.get('/api/v1/emulation/catalogue');
    expect(cat.body.individual.map((t: { code: string }) => t.code)).toContain('CSTD_CO_SO');
    expect(cat.body.source).toContain('06/2022/QH15');
    const hong = (await s.admin.get('/api/v1/people?kind=staff&q=tran thi hong')).body.items[0];
    const saved = await s.admin.request('PUT', `/api/v1/people/${hong.id}/emulation/2025`, { titleCode: 'CSTD_CO_SO', discipline: 'compliant' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await s.admin.request('PUT', `/api/v1/people/${hong.id}/emulation/2025`, { titleCode: 'LAO_DONG_TIEN_TIEN', discipline: 'compliant' });
    const detail = await s.admin.get(`/api/v1/people/${hong.id}`);
    expect(detail.body.emulation).toEqual([{ year: 2025, titleCode: 'LAO_DONG_TIEN_TIEN', discipline: 'compliant', note: null }]);
    const bad = await s.admin.request('PUT', `/api/v1/people/${hong.id}/emulation/2025`, { titleCode: 'TAP_THE_LDXS', discipline: null });
    expect([bad.status, bad.body.field]).toEqual([400, 'titleCode']);
    expect((await s.headA.client.request('PUT', `/api/v1/people/${hong.id}/emulation/2025`, { titleCode: null, discipline: 'warning' })).status).toBe(403);
    const unit = await s.admin.request('PUT', `/api/v1/orgs/${s.unitA.id}/emulation/2025`, { titleCode: 'TAP_THE_LDXS' });
    expect(unit.status).toBe(200);
    expect((await s.headA.client.get(`/api/v1/orgs/${s.unitA.id}/emulation`)).body.items[0].titleCode).toBe('TAP_THE_LDXS');
    expect((await s.headA.client.get(`/api/v1/orgs/${s.unitB.id}/emulation`)).status).toBe(404);
  });
});

describe('exports and bulk changes', () => {
  it('exports the list exactly as the unit head sees it (masked), and audits the export', async () => {
    const job = await s.headA.client.post('/api/v1/people/export', { kind: 'staff', columns: ['fullName', 'birthDate', 'citizenId', 'org', 'position'] });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    await t.services.jobs.drain();
    const done = await s.headA.client.get(`/api/v1/jobs/${job.body.id}`);
    expect(done.body.state, JSON.stringify(done.body)).toBe('succeeded');
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/files/${done.body.result.fileId}`, headers: { cookie: s.headA.client.cookie } });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Đơn vị / Thôn, ấp', 'Chức vụ']);
    const current = (await s.headA.client.get('/api/v1/people?kind=staff')).body.items;
    expect(rows.slice(1).map((r) => r[1])).toEqual(current.map((p: { fullName: string }) => p.fullName));
    expect(rows[1][3]).toMatch(/^\*+\d{3}$/);
    expect(rows[1][2]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const audit = await s.admin.get('/api/v1/audit?entity=person&action=export');
    expect(audit.body.items[0].after.rows).toBe(current.length);
  });

  it('moves selected memberships to another unit from a date in one job; a bad one changes nothing', async () => {
    const before = (await s.admin.get(`/api/v1/people?kind=staff&orgId=${s.unitA.id}`)).body.items;
    const ids = before.map((p: { membershipId: string }) => p.membershipId);
    const refused = await s.headA.client.post('/api/v1/people/bulk', { action: 'move', membershipIds: ids, targetOrgId: s.unitB.id, date: '2026-06-01' });
    expect(refused.status).toBe(404); // phòng B does not exist for phòng A's unit head
    expect((await s.headA.client.post('/api/v1/people/bulk', { action: 'end', membershipIds: ids, date: '2026-06-01' })).status).toBe(403);
    const tooEarly = await s.admin.post('/api/v1/people/bulk', { action: 'end', membershipIds: ids, date: '2019-06-01' });
    await t.services.jobs.drain();
    const failed = await s.admin.get(`/api/v1/jobs/${tooEarly.body.id}`);
    expect(failed.body.state).toBe('failed');
    expect(failed.body.error.vi).toContain('không còn công tác');
    expect((await s.admin.get(`/api/v1/people?kind=staff&orgId=${s.unitA.id}`)).body.total).toBe(before.length);

    const job = await s.admin.post('/api/v1/people/bulk', { action: 'move', membershipIds: ids, targetOrgId: s.unitB.id, date: '2026-06-01' });
    expect(job.status).toBe(202);
    await t.services.jobs.drain();
    expect((await s.admin.get(`/api/v1/jobs/${job.body.id}`)).body.result).toEqual({ changed: ids.length });
    expect((await s.admin.get(`/api/v1/people?kind=staff&orgId=${s.unitA.id}`)).body.total).toBe(0);
    const inB = (await s.admin.get(`/api/v1/people?kind=staff&orgId=${s.unitB.id}`)).body.items;
    expect(inB.filter((p: { position: string }) => p.position === 'Chuyên viên').length).toBe(ids.length);
  });
});

describe('audit of people', () => {
  it('shows citizen IDs and phones in the audit only to those who may read them', async () => {
    const asHead = await s.headA.client.get('/api/v1/audit?entity=person&limit=200');
    const created = asHead.body.items.filter((e: { action: string }) => e.action === 'create');
    expect(created.length).toBeGreaterThan(0);
    for (const e of created) {
      expect(e.after.citizenId).toMatch(/^\*+\d{3}$/);
      expect(e.after.phone).toMatch(/^\d{2}\*+\d{2}$/);
    }
    const asAdmin = await s.admin.get('/api/v1/audit?entity=person&limit=200');
    expect(asAdmin.body.items.some((e: { after: { citizenId?: string } }) => e.after?.citizenId === '082080000123')).toBe(true);
  });
});

describe('login accounts of people', () => {
  it('links an account to one person only, and only an account the actor can see', async () => {
    const [a, b] = (await s.admin.get(`/api/v1/people?kind=staff&orgId=${s.rootId}`)).body.items;
    const linked = await s.admin.patch(`/api/v1/people/${a.id}`, { userId: s.memberA.id });
    expect([linked.status, linked.body.userId]).toEqual([200, s.memberA.id]);
    const twice = await s.admin.patch(`/api/v1/people/${b.id}`, { userId: s.memberA.id });
    expect([twice.status, twice.body.field]).toEqual([409, 'userId']);
    expect((await communeOfficer.post('/api/v1/people', { fullName: 'Người Gắn', residenceOrgId: hamlet1.id, userId: s.headB.id })).status).toBe(404);
    expect((await s.admin.patch(`/api/v1/people/${a.id}`, { userId: null })).body.userId).toBeNull();
  });
});
