import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, setUp, type TestApp } from '../../../../test/app.js';

let t: TestApp;
let admin: Client;
let provinceId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin, rootId: provinceId } = await setUp(t.app, 'Tỉnh Kiên Giang'));
  // setUp made an agency root; a province tree needs a province root: system admins may add roots.
  const province = await admin.post('/api/v1/orgs', { parentId: null, name: 'Tỉnh An Giang', kindCode: 'province', code: '89' });
  expect(province.status).toBe(201);
  provinceId = province.body.id;
});
afterAll(() => t?.close());

const children0 = (res: { body: { items: { id: string }[] } }) => res.body.items[0];

const create = async (parentId: string, name: string, kindCode: string, code?: string) => {
  const res = await admin.post('/api/v1/orgs', { parentId, name, kindCode, code });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
};

describe('organisation tree', () => {
  it('builds district → communes → hamlets and lists children in Vietnamese order', async () => {
    const district = await create(provinceId, 'Huyện Giang Thành', 'district', '914');
    for (const name of ['Xã Vĩnh Phú', 'Xã Phú Lợi', 'Xã Tân Khánh Hòa', 'Xã Vĩnh Điều', 'Xã Phú Mỹ']) await create(district.id, name, 'commune');
    const children = await admin.get(`/api/v1/orgs?parentId=${district.id}`);
    expect(children.body.items.map((o: { name: string }) => o.name)).toEqual(['Xã Phú Lợi', 'Xã Phú Mỹ', 'Xã Tân Khánh Hòa', 'Xã Vĩnh Điều', 'Xã Vĩnh Phú']);
    expect(children.body.total).toBe(5);
    const tops = await admin.get('/api/v1/orgs');
    expect(tops.body.items.find((o: { id: string }) => o.id === provinceId).childCount).toBe(1);
  });

  it('finds units without marks: "vinh dieu" finds "Xã Vĩnh Điều", with its path', async () => {
    const res = await admin.get('/api/v1/orgs/search?q=' + encodeURIComponent('vinh dieu'));
    expect(res.body.items.map((o: { name: string }) => o.name)).toEqual(['Xã Vĩnh Điều']);
    expect(res.body.items[0].pathNames).toEqual(['Tỉnh An Giang', 'Huyện Giang Thành', 'Xã Vĩnh Điều']);
    const nfd = await admin.get('/api/v1/orgs/search?q=' + encodeURIComponent('Vĩnh Điều'.normalize('NFD')));
    expect(nfd.body.total).toBe(1);
  });

  it('refuses kinds that cannot stand under the parent, naming the field', async () => {
    const res = await admin.post('/api/v1/orgs', { parentId: provinceId, name: 'Ấp Cỏ Quen', kindCode: 'hamlet' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'KIND_NOT_ALLOWED_UNDER_PARENT', field: 'kindCode' });
    const dup = await admin.post('/api/v1/orgs', { parentId: provinceId, name: 'huyện giang thành', kindCode: 'district' });
    expect(dup.status).toBe(409);
    expect(dup.body.field).toBe('name');
  });

  it('moves a commune with its hamlets from the district to the province (2025 reform)', async () => {
    const commune = (await admin.get('/api/v1/orgs/search?q=phu loi')).body.items[0];
    const hamlet = await create(commune.id, 'Ấp Trần Thệ', 'hamlet');
    const team = await create(hamlet.id, 'Hội Khuyến học ấp Trần Thệ', 'association');
    const moved = await admin.post(`/api/v1/orgs/${commune.id}/move`, { newParentId: provinceId });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.parentId).toBe(provinceId);
    const deep = await admin.get(`/api/v1/orgs/${team.id}`);
    expect(deep.body.ancestors.map((a: { name: string }) => a.name)).toEqual(['Tỉnh An Giang', 'Xã Phú Lợi', 'Ấp Trần Thệ']);
    // the subtree query follows the new path
    const search = await admin.get('/api/v1/orgs/search?q=tran the');
    expect(search.body.items.map((o: { pathNames: string[] }) => o.pathNames.join(' / '))).toContain('Tỉnh An Giang / Xã Phú Lợi / Ấp Trần Thệ');
    // a unit cannot go under itself
    const loop = await admin.post(`/api/v1/orgs/${commune.id}/move`, { newParentId: hamlet.id });
    expect(loop.status).toBe(422);
    expect(loop.body.code).toBe('MOVE_INTO_OWN_SUBTREE');
  });

  it('renames, closes with the subtree and reopens, each audited with before and after', async () => {
    const district = (await admin.get('/api/v1/orgs/search?q=giang thanh')).body.items.find((o: { kindCode: string }) => o.kindCode === 'district');
    const renamed = await admin.patch(`/api/v1/orgs/${district.id}`, { name: 'Huyện Giang Thành (cũ)' });
    expect(renamed.body.name).toBe('Huyện Giang Thành (cũ)');
    // One commune already had a later end scheduled: the close brings it forward and records it.
    const scheduled = children0(await admin.get(`/api/v1/orgs?parentId=${district.id}`));
    await admin.post(`/api/v1/orgs/${scheduled.id}/close`, { validTo: '2030-12-31' });
    const closed = await admin.post(`/api/v1/orgs/${district.id}/close`, { validTo: '2025-07-01' });
    expect(closed.body).toMatchObject({ validTo: '2025-07-01', closed: true });
    const open = await admin.get(`/api/v1/orgs?parentId=${provinceId}`);
    expect(open.body.items.map((o: { name: string }) => o.name)).not.toContain('Huyện Giang Thành (cũ)');
    const all = await admin.get(`/api/v1/orgs?parentId=${provinceId}&includeClosed=true`);
    expect(all.body.items.map((o: { name: string }) => o.name)).toContain('Huyện Giang Thành (cũ)');
    const children = await admin.get(`/api/v1/orgs?parentId=${district.id}&includeClosed=true`);
    expect(children.body.items.every((o: { closed: boolean }) => o.closed)).toBe(true);
    const reopened = await admin.post(`/api/v1/orgs/${district.id}/reopen`);
    expect(reopened.body.closed).toBe(false);
    // The communes closed with it are open again.
    const after = await admin.get(`/api/v1/orgs?parentId=${district.id}`);
    expect(after.body.total).toBe(4);

    const audit = await admin.get(`/api/v1/audit?orgId=${district.id}&entity=org`);
    const byAction = Object.fromEntries(audit.body.items.filter((e: { entityId: string }) => e.entityId === district.id).map((e: { action: string }) => [e.action, e]));
    expect(byAction.update.before.name).toBe('Huyện Giang Thành');
    expect(byAction.update.after.name).toBe('Huyện Giang Thành (cũ)');
    expect(byAction.close.after).toMatchObject({ validTo: '2025-07-01', unitsClosed: 5 });
    expect(byAction.close.before.scheduledEnds).toEqual([{ id: scheduled.id, previous: '2030-12-31' }]);
    expect(byAction.reopen.after).toMatchObject({ validTo: null, unitsReopened: 5 });
  });

  it('two opposite moves at the same time cannot make a cycle', async () => {
    const agency = (await admin.get('/api/v1/orgs/search?q=kien giang')).body.items[0];
    const ax = await create(agency.id, 'Phòng Thử X', 'department');
    const ay = await create(agency.id, 'Phòng Thử Y', 'department');
    const [m1, m2] = await Promise.all([
      admin.post(`/api/v1/orgs/${ax.id}/move`, { newParentId: ay.id }),
      admin.post(`/api/v1/orgs/${ay.id}/move`, { newParentId: ax.id }),
    ]);
    expect([m1.status, m2.status].sort()).toEqual([200, 422]);
    for (const id of [ax.id, ay.id]) {
      const detail = await admin.get(`/api/v1/orgs/${id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.ancestors[0].name).toBe('Tỉnh Kiên Giang');
    }
  });

  it('rejects a date that does not exist', async () => {
    const res = await admin.post(`/api/v1/orgs/${provinceId}/close`, { validTo: '2026-02-30' });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('validTo');
  });

  it('a failed change writes neither the change nor its audit row', async () => {
    const before = (await admin.get('/api/v1/audit?limit=200')).body.items.length;
    const res = await admin.post('/api/v1/orgs', { parentId: provinceId, name: 'Tỉnh trong tỉnh', kindCode: 'province' });
    expect(res.status).toBe(422);
    expect((await admin.get('/api/v1/audit?limit=200')).body.items.length).toBe(before);
  });
});

describe('kinds of organisation are data an administrator edits', () => {
  it('a system administrator adds a kind and allows it under a commune; others may not', async () => {
    const saved = await admin.request('PUT', '/api/v1/org-kinds/cooperative', { nameVi: 'Hợp tác xã', nameEn: 'Cooperative', canBeRoot: false, parentKinds: ['commune', 'ward'] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const kinds = (await admin.get('/api/v1/org-kinds')).body.items;
    expect(kinds.find((k: { code: string }) => k.code === 'cooperative')).toMatchObject({ nameVi: 'Hợp tác xã', parentKinds: ['commune', 'ward'] });
    const commune = (await admin.get('/api/v1/orgs/search?q=vinh phu')).body.items[0];
    expect((await admin.post('/api/v1/orgs', { parentId: commune.id, name: 'HTX Vĩnh Phú', kindCode: 'cooperative' })).status).toBe(201);
    const bad = await admin.request('PUT', '/api/v1/org-kinds/cooperative', { nameVi: 'Hợp tác xã', nameEn: 'Cooperative', canBeRoot: false, parentKinds: ['khong_co'] });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('parentKinds');
    const audit = await admin.get('/api/v1/audit?entity=org_kind');
    expect(audit.body.items[0]).toMatchObject({ action: 'create', entityId: 'cooperative' });
  });

  it('an organisation administrator cannot change the kinds', async () => {
    const created = await admin.post('/api/v1/users', { login: 'qt.tinh', displayName: 'Quản Trị Tỉnh', homeOrgId: provinceId, password: 'TamThoi2026x' });
    await admin.post(`/api/v1/users/${created.body.id}/grants`, { orgId: provinceId, role: 'org_admin' });
    const client = await new Client(t.app).login('qt.tinh', 'TamThoi2026x');
    await client.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'QuanTriTinh26', newPasswordConfirm: 'QuanTriTinh26' });
    const res = await client.request('PUT', '/api/v1/org-kinds/hamlet', { nameVi: 'Ấp', nameEn: 'Hamlet', canBeRoot: true, parentKinds: [] });
    expect(res.status).toBe(403);
  });
});
