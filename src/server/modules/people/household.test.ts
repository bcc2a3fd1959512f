import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClanSummary, HouseholdSummary } from '../../../shared/api-types.js';
import { Client, createTestApp, exportedSheet, smallAgency, type TestApp } from '../../../../test/app.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let communeX: { id: string };
let officer: Client;

const create = async (client: Client, url: string, body: Record<string, unknown>) => {
  const res = await client.post(url, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
};

/** An account with `role` on `orgId`, logged in with its own password. */
async function officerOf(orgId: string, login: string, role: string) {
  const user = await create(s.admin, '/api/v1/users', { login, displayName: 'Danh Thị Sa Ry', homeOrgId: orgId, password: 'TamThoi2026x' });
  const grant = await s.admin.post(`/api/v1/users/${user.id}/grants`, { orgId, role });
  const client = await new Client(t.app).login(login, 'TamThoi2026x');
  await client.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'VinhDieu2026x', newPasswordConfirm: 'VinhDieu2026x' });
  return { id: user.id, grantId: grant.body.grants[0].id as string, client };
}

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  communeX = await create(s.admin, '/api/v1/orgs', { parentId: null, name: 'Xã Vĩnh Điều', kindCode: 'commune' });
  const coTrang = await create(s.admin, '/api/v1/orgs', { parentId: communeX.id, name: 'Ấp Cờ Trắng', kindCode: 'hamlet' });
  const taEm = await create(s.admin, '/api/v1/orgs', { parentId: communeX.id, name: 'Ấp Tà Êm', kindCode: 'hamlet' });
  const communeY = await create(s.admin, '/api/v1/orgs', { parentId: null, name: 'Xã Phú Mỹ', kindCode: 'commune' });
  const myLoi = await create(s.admin, '/api/v1/orgs', { parentId: communeY.id, name: 'Ấp Mỹ Lợi', kindCode: 'hamlet' });
  officer = (await officerOf(communeX.id, 'cb.vinhdieu', 'secretariat')).client;

  const ct01 = await create(officer, '/api/v1/households', { orgId: coTrang.id, code: 'CT-01', address: 'Tổ 3, ấp Cờ Trắng' });
  const ct02 = await create(officer, '/api/v1/households', { orgId: coTrang.id, code: 'CT-02' });
  const te07 = await create(officer, '/api/v1/households', { orgId: taEm.id, code: 'TE-07' });
  const ml01 = await create(s.admin, '/api/v1/households', { orgId: myLoi.id, code: 'CT-03' });
  const head = await create(officer, '/api/v1/people', { fullName: 'Danh Hùng', householdId: ct01.id, householdRelation: 'head' });
  await create(officer, '/api/v1/people', { fullName: 'Thị Phol', householdId: ct01.id, householdRelation: 'spouse' });
  await officer.patch(`/api/v1/households/${ct01.id}`, { headPersonId: head.id });
  const headY = await create(s.admin, '/api/v1/people', { fullName: 'Danh Hùng Em', householdId: ml01.id, householdRelation: 'head' });
  await s.admin.patch(`/api/v1/households/${ml01.id}`, { headPersonId: headY.id });

  const danh = await create(officer, '/api/v1/clans', { orgId: communeX.id, name: 'Dòng họ Danh', headPersonId: head.id });
  for (const h of [ct01, te07, ct02]) await officer.post(`/api/v1/clans/${danh.id}/households`, { householdId: h.id });
  await create(officer, '/api/v1/clans', { orgId: communeX.id, name: 'Dòng họ Thạch' });
  const danhY = await create(s.admin, '/api/v1/clans', { orgId: communeY.id, name: 'Dòng họ Danh' });
  await s.admin.post(`/api/v1/clans/${danhY.id}/households`, { householdId: ml01.id });
});
afterAll(() => t?.close());

const householdRow = (h: HouseholdSummary, i: number) => [i + 1, h.code, h.head?.fullName ?? null, h.org.name, h.address, h.memberCount];
const clanRow = (c: ClanSummary, i: number) => [i + 1, c.name, c.head?.fullName ?? null, c.org.name, c.householdCount, c.hamletCount];

describe('Excel exports of households and clans', () => {
  it('exports the household list exactly as the commune officer sees it for the same search, and audits it', async () => {
    const list = await officer.get('/api/v1/households?q=CT');
    expect(list.body.items.map((h: HouseholdSummary) => h.code)).toEqual(['CT-01', 'CT-02']);
    const job = await officer.post('/api/v1/households/export', { q: 'CT' });
    expect([job.status, job.body.state]).toEqual([202, 'queued']);
    const rows = await exportedSheet(t, officer, job.body.id);
    expect(rows[0]).toEqual(['STT', 'Số hộ', 'Chủ hộ', 'Thôn, ấp, tổ dân phố', 'Địa chỉ', 'Số thành viên']);
    expect(rows.slice(1)).toEqual(list.body.items.map(householdRow));
    expect(rows[1]).toEqual([1, 'CT-01', 'Danh Hùng', 'Ấp Cờ Trắng', 'Tổ 3, ấp Cờ Trắng', 2]);

    const audit = await s.admin.get('/api/v1/audit?entity=household&action=export');
    expect(audit.body.items[0].after).toEqual({ query: { q: 'CT' }, rows: 2 });
  });

  it('never exports households beyond the officer’s commune, by search or by subtree', async () => {
    const all = await exportedSheet(t, officer, (await officer.post('/api/v1/households/export', {})).body.id);
    expect(all.slice(1).map((r) => r[1])).toEqual(['CT-01', 'CT-02', 'TE-07']);
    const byHead = await exportedSheet(t, officer, (await officer.post('/api/v1/households/export', { q: 'danh hung' })).body.id);
    expect(byHead.slice(1).map((r) => r[2])).toEqual(['Danh Hùng']);
    const asAdmin = await s.admin.get('/api/v1/households?q=danh hung');
    expect(asAdmin.body.items).toHaveLength(2);
  });

  it('exports the clan list as shown, headed in English on request', async () => {
    const list = await officer.get('/api/v1/clans?q=danh');
    expect(list.body.items).toHaveLength(1);
    const rows = await exportedSheet(t, officer, (await officer.post('/api/v1/clans/export', { q: 'danh', language: 'en' })).body.id);
    expect(rows[0]).toEqual(['No.', 'Clan name', 'Head of the clan', 'Commune or ward', 'Households', 'Hamlets']);
    expect(rows.slice(1)).toEqual(list.body.items.map(clanRow));
    expect(rows[1]).toEqual([1, 'Dòng họ Danh', 'Danh Hùng', 'Xã Vĩnh Điều', 3, 2]);
    const audit = await s.admin.get('/api/v1/audit?entity=clan&action=export');
    expect(audit.body.items[0].after).toEqual({ query: { q: 'danh' }, rows: 1 });
  });

  it('checks the query again when the job runs: an officer who lost the commune gets no file', async () => {
    const other = await officerOf(communeX.id, 'cb.vinhdieu2', 'secretariat');
    const queued = await other.client.post('/api/v1/clans/export', { orgId: communeX.id });
    expect(queued.status).toBe(202);
    expect((await s.admin.delete(`/api/v1/users/${other.id}/grants/${other.grantId}`)).status).toBe(200);
    await t.services.jobs.drain();
    const failed = await other.client.get(`/api/v1/jobs/${queued.body.id}`);
    expect([failed.body.state, failed.body.result]).toEqual(['failed', null]);
    expect((await other.client.post('/api/v1/clans/export', { orgId: communeX.id })).status).toBe(404);
  });
});
