import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setUp, type Client, type TestApp } from '../../../../test/app.js';

let t: TestApp;
let admin: Client;
const ids: Record<string, string> = {};

const create = async (key: string, parentId: string | null, name: string, kindCode: string) => {
  const res = await admin.post('/api/v1/orgs', { parentId, name, kindCode });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[key] = res.body.id;
};
const person = async (body: Record<string, unknown>) => {
  const res = await admin.post('/api/v1/people', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
};

beforeAll(async () => {
  t = await createTestApp();
  ({ admin } = await setUp(t.app, 'Tỉnh An Giang'));
  await create('district', null, 'Huyện Giang Thành', 'district');
  await create('phuLoi', ids.district, 'Xã Phú Lợi', 'commune');
  await create('phuMy', ids.district, 'Xã Phú Mỹ', 'commune');
  await create('hamlet', ids.phuLoi, 'Ấp Trần Thệ', 'hamlet');
});
afterAll(() => t?.close());

describe("people in a merge of communes (1/7/2025)", () => {
  it('previews and moves staff, residents, households and clans of the closing communes; hamlets keep theirs', async () => {
    const officer = await person({ fullName: 'Lâm Văn Tùng', birthDate: '1978-04-04', membership: { orgId: ids.phuMy, category: 'cong_chuc', position: 'Chủ tịch UBND xã', isLeader: true, validFrom: '2021-06-01' } });
    const direct = await person({ fullName: 'Thạch Thị Sa Rết', birthDate: '1990-01-01', residenceOrgId: ids.phuMy });
    const inHamlet = await person({ fullName: 'Danh Sóc', birthDate: '1985-05-05', residenceOrgId: ids.hamlet });
    await admin.post('/api/v1/households', { orgId: ids.phuMy, code: '07' });
    const clanMy = (await admin.post('/api/v1/clans', { orgId: ids.phuMy, name: 'Dòng họ Danh' })).body;
    await admin.post('/api/v1/clans', { orgId: ids.phuLoi, name: 'Dòng họ Danh' });

    const plan = {
      kind: 'merge',
      predecessorIds: [ids.phuLoi, ids.phuMy],
      successor: { type: 'new', name: 'Xã Giang Thành', kindCode: 'commune', parentId: ids.district },
      effectiveDate: '2025-07-01',
      decisionRef: 'Nghị quyết 1654/NQ-UBTVQH15',
    };
    const preview = await admin.post('/api/v1/reorganisations/preview', plan);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const impact = Object.fromEntries(preview.body.impacts.map((i: { key: string; count: number }) => [i.key, i.count]));
    expect(impact).toEqual({ memberships: 1, residents: 1, households: 1, clans: 2 });

    const applied = await admin.post('/api/v1/reorganisations', plan);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const successor = applied.body.created[0].id;

    const tung = (await admin.get(`/api/v1/people/${officer.id}`)).body;
    expect(tung.memberships.map((m: any) => [m.org.name, m.validFrom, m.validTo, m.current])).toEqual([
      ['Xã Giang Thành', '2025-07-01', null, true],
      ['Xã Phú Mỹ', '2021-06-01', '2025-07-01', false],
    ]);
    expect((await admin.get(`/api/v1/people/${direct.id}`)).body.residence.name).toBe('Xã Giang Thành');
    expect((await admin.get(`/api/v1/people/${inHamlet.id}`)).body.residence.name).toBe('Ấp Trần Thệ');
    expect((await admin.get(`/api/v1/people?kind=resident&orgId=${successor}`)).body.total).toBe(2);
    expect((await admin.get(`/api/v1/households?orgId=${successor}`)).body.items.map((h: any) => h.code)).toEqual(['07']);
    const clans = (await admin.get(`/api/v1/clans?orgId=${successor}`)).body.items.map((c: any) => c.name).sort();
    expect(clans).toEqual(['Dòng họ Danh', 'Dòng họ Danh (Xã Phú Mỹ)'].sort());
    expect((await admin.get(`/api/v1/clans/${clanMy.id}`)).body.org.id).toBe(successor);
  });
});
