/**
 * A unit head of phòng A asks for everything of phòng B through every endpoint and learns
 * nothing: 404 for B's units and people, and nothing of B in lists, searches and the audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, exportedSheet, smallAgency, type TestApp } from '../../test/app.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let headA: Client;
let subUnitB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  headA = s.headA.client;
  subUnitB = (await s.admin.post('/api/v1/orgs', { parentId: s.unitB.id, name: 'Tổ kiểm tra', kindCode: 'department' })).body;
});
afterAll(() => t?.close());

describe('a unit head of phòng A', () => {
  it('sees phòng A as the top of the tree, and not phòng B or the root', async () => {
    const tops = await headA.get('/api/v1/orgs');
    expect(tops.status).toBe(200);
    expect(tops.body.items.map((o: { id: string }) => o.id)).toEqual([s.unitA.id]);
  });

  it('gets 404 for every read of phòng B and its subunits', async () => {
    for (const id of [s.unitB.id, subUnitB.id, s.rootId]) {
      expect((await headA.get(`/api/v1/orgs/${id}`)).status, `GET org ${id}`).toBe(404);
      expect((await headA.get(`/api/v1/orgs?parentId=${id}`)).status, `children of ${id}`).toBe(404);
      expect((await headA.get(`/api/v1/users?orgId=${id}`)).status, `users of ${id}`).toBe(404);
      expect((await headA.get(`/api/v1/audit?orgId=${id}`)).status, `audit of ${id}`).toBe(404);
    }
    expect((await headA.get(`/api/v1/users/${s.headB.id}`)).status).toBe(404);
  });

  it('gets 404 for every write on phòng B, its people and its grants', async () => {
    const b = s.unitB.id;
    const writes: [string, string, unknown][] = [
      ['POST', '/api/v1/orgs', { parentId: b, name: 'Tổ mới', kindCode: 'department' }],
      ['PATCH', `/api/v1/orgs/${b}`, { name: 'Đổi tên' }],
      ['POST', `/api/v1/orgs/${subUnitB.id}/move`, { newParentId: s.unitA.id }],
      ['POST', `/api/v1/orgs/${b}/close`, { validTo: '2026-12-31' }],
      ['POST', `/api/v1/orgs/${b}/reopen`, {}],
      ['POST', '/api/v1/users', { login: 'x.moi', displayName: 'Người Mới', homeOrgId: b, password: 'TamThoi2026x' }],
      ['PATCH', `/api/v1/users/${s.headB.id}`, { displayName: 'Đổi tên' }],
      ['POST', `/api/v1/users/${s.headB.id}/reset-password`, { newPassword: 'TamThoi2026y' }],
      ['POST', `/api/v1/users/${s.headB.id}/grants`, { orgId: b, role: 'member' }],
      ['POST', '/api/v1/audit/export', { orgId: b }],
      ['POST', '/api/v1/users/export', { orgId: b }],
    ];
    for (const [method, url, body] of writes) {
      const res = await headA.request(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    // Moving its own unit under B fails on its own unit (403) before B is even looked up.
    expect((await headA.post(`/api/v1/orgs/${s.unitA.id}/move`, { newParentId: b })).status).toBe(403);
    const grants = (await s.admin.get(`/api/v1/users/${s.headB.id}`)).body.grants;
    expect((await headA.delete(`/api/v1/users/${s.headB.id}/grants/${grants[0].id}`)).status).toBe(404);
  });

  it('gets 403, not 404, for writes it may not do on its own unit', async () => {
    expect((await headA.patch(`/api/v1/orgs/${s.unitA.id}`, { name: 'Đổi tên' })).status).toBe(403);
    expect((await headA.patch(`/api/v1/users/${s.memberA.id}`, { displayName: 'Đổi tên' })).status).toBe(403);
  });

  it('finds nothing of phòng B by search, user list or audit', async () => {
    const search = await headA.get('/api/v1/orgs/search?q=phong');
    expect(search.body.items.map((o: { id: string }) => o.id)).toEqual([s.unitA.id]);
    expect(search.body.items[0].pathNames).toEqual(['Phòng Quản lý ngân sách']);

    const users = await headA.get('/api/v1/users');
    const logins = users.body.items.map((u: { login: string }) => u.login).sort();
    expect(logins).toEqual(['cv.ngansach', 'tp.ngansach']);

    const audit = await headA.get('/api/v1/audit?limit=200');
    expect(audit.status).toBe(200);
    expect(audit.body.items.length).toBeGreaterThan(0);
    const bIds = new Set([s.unitB.id, subUnitB.id, s.rootId]);
    for (const entry of audit.body.items) expect(bIds.has(entry.orgId), JSON.stringify(entry)).toBe(false);
    expect(JSON.stringify(audit.body)).not.toContain('Tài chính doanh nghiệp');
  });

  it('cannot read jobs or files of another user', async () => {
    const job = await s.admin.post('/api/v1/audit/export', {});
    expect(job.status).toBe(202);
    await t.services.jobs.drain();
    const done = await s.admin.get(`/api/v1/jobs/${job.body.id}`);
    expect(done.body.state).toBe('succeeded');
    expect((await headA.get(`/api/v1/jobs/${job.body.id}`)).status).toBe(404);
    expect((await headA.get(`/api/v1/files/${done.body.result.fileId}`)).status).toBe(404);
    expect((await headA.get('/api/v1/jobs')).body.items).toEqual([]);
  });

  it('a member sees the unit tree but no users and no audit', async () => {
    const member = s.memberA.client;
    expect((await member.get(`/api/v1/orgs/${s.unitA.id}`)).status).toBe(200);
    expect((await member.get('/api/v1/users')).body.items).toEqual([]);
    expect((await member.get(`/api/v1/users?orgId=${s.unitA.id}`)).status).toBe(403);
    expect((await member.get(`/api/v1/audit?orgId=${s.unitA.id}`)).status).toBe(403);
  });
});

describe('people of phòng B, seen from phòng A', () => {
  it('every people, household, clan, emulation and import endpoint answers 404 or leaves B out', async () => {
    const person = await s.admin.post('/api/v1/people', {
      fullName: 'Phan Thị Bích',
      citizenId: '062190000999',
      membership: { orgId: s.unitB.id, category: 'cong_chuc', position: 'Chuyên viên' },
    });
    expect(person.status).toBe(201);
    const membershipId = person.body.memberships[0].id;
    const id = person.body.id;
    const household = (await s.admin.post('/api/v1/households', { orgId: subUnitB.id, code: 'B-01' })).body;
    const clan = (await s.admin.post('/api/v1/clans', { orgId: s.unitB.id, name: 'Dòng họ Phan' })).body;
    const reads = [
      `/api/v1/people/${id}`,
      `/api/v1/people?kind=staff&orgId=${s.unitB.id}`,
      `/api/v1/people?kind=resident&orgId=${s.unitB.id}`,
      `/api/v1/people/positions?orgId=${s.unitB.id}`,
      `/api/v1/households/${household.id}`,
      `/api/v1/households?orgId=${s.unitB.id}`,
      `/api/v1/clans/${clan.id}`,
      `/api/v1/clans?orgId=${s.unitB.id}`,
      `/api/v1/orgs/${s.unitB.id}/emulation`,
    ];
    for (const url of reads) expect((await headA.get(url)).status, url).toBe(404);
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/v1/people/${id}`, { fullName: 'Đổi tên' }],
      ['POST', `/api/v1/people/${id}/memberships`, { orgId: s.unitA.id, category: 'cong_chuc' }],
      ['PATCH', `/api/v1/memberships/${membershipId}`, { validTo: '2026-12-31' }],
      ['POST', '/api/v1/people', { fullName: 'Người Mới', membership: { orgId: s.unitB.id, category: 'cong_chuc' } }],
      ['PUT', `/api/v1/people/${id}/emulation/2025`, { titleCode: null, discipline: 'warning' }],
      ['PUT', `/api/v1/orgs/${s.unitB.id}/emulation/2025`, { titleCode: null }],
      ['PATCH', `/api/v1/households/${household.id}`, { code: 'X' }],
      ['POST', '/api/v1/households', { orgId: s.unitB.id, code: 'X' }],
      ['PATCH', `/api/v1/clans/${clan.id}`, { name: 'X' }],
      ['POST', `/api/v1/clans/${clan.id}/households`, { householdId: household.id }],
      ['POST', '/api/v1/people/bulk', { action: 'end', membershipIds: [membershipId], date: '2026-12-31' }],
      ['POST', '/api/v1/people/export', { kind: 'staff', orgId: s.unitB.id, columns: ['fullName'] }],
      ['POST', '/api/v1/households/export', { orgId: s.unitB.id }],
      ['POST', '/api/v1/clans/export', { orgId: s.unitB.id }],
    ];
    for (const [method, url, body] of writes) expect((await headA.request(method, url, body)).status, `${method} ${url}`).toBe(404);
    for (const url of ['/api/v1/people?kind=staff', '/api/v1/people?kind=staff&q=bich', '/api/v1/households', '/api/v1/clans']) {
      const res = await headA.get(url);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body), url).not.toContain('Bích');
      expect(JSON.stringify(res.body), url).not.toContain('Phan');
    }
    for (const url of ['/api/v1/households/export', '/api/v1/clans/export']) {
      const exported = await exportedSheet(t, headA, (await headA.post(url, {})).body.id);
      expect(exported, url).toHaveLength(1); // the headings alone
    }
  });
});

describe('accounts and grants beyond the viewer’s subtree', () => {
  it('a user’s grants on units the viewer cannot see are not shown', async () => {
    await s.admin.post(`/api/v1/users/${s.memberA.id}/grants`, { orgId: s.unitB.id, role: 'viewer' });
    const asAdmin = await s.admin.get(`/api/v1/users/${s.memberA.id}`);
    expect(asAdmin.body.grants.map((g: { orgName: string }) => g.orgName)).toContain('Phòng Tài chính doanh nghiệp');
    for (const res of [await headA.get(`/api/v1/users/${s.memberA.id}`), await headA.get('/api/v1/users')]) {
      expect(JSON.stringify(res.body)).not.toContain('Phòng Tài chính doanh nghiệp');
      expect(JSON.stringify(res.body)).not.toContain(s.unitB.id);
    }
    const exported = await exportedSheet(t, headA, (await headA.post('/api/v1/users/export', {})).body.id);
    expect(exported.slice(1).map((row) => row[2]).sort()).toEqual(['cv.ngansach', 'tp.ngansach']);
    expect(JSON.stringify(exported)).not.toContain('Phòng Tài chính doanh nghiệp');
  });

  it('the top unit a unit head sees does not name its parent', async () => {
    const tops = await headA.get('/api/v1/orgs');
    expect(tops.body.items[0].parentId).toBeNull();
    expect((await headA.get(`/api/v1/orgs/${s.unitA.id}`)).body.org.parentId).toBeNull();
  });

  it('an organisation administrator cannot reset, disable or re-role a system administrator living in the unit', async () => {
    const created = await s.admin.post('/api/v1/users', { login: 'qt.so', displayName: 'Quản Trị Sở', homeOrgId: s.rootId, password: 'TamThoi2026x' });
    await s.admin.post(`/api/v1/users/${created.body.id}/grants`, { orgId: s.rootId, role: 'org_admin' });
    const orgAdmin = await new Client(t.app).login('qt.so', 'TamThoi2026x');
    await orgAdmin.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'QuanTriSo2026', newPasswordConfirm: 'QuanTriSo2026' });
    const sysAdmin = (await s.admin.get('/api/v1/auth/me')).body.user;
    expect((await orgAdmin.post(`/api/v1/users/${sysAdmin.id}/reset-password`, { newPassword: 'ChiemQuyen2026' })).status).toBe(403);
    expect((await orgAdmin.patch(`/api/v1/users/${sysAdmin.id}`, { disabled: true })).status).toBe(403);
    expect((await orgAdmin.delete(`/api/v1/users/${sysAdmin.id}/grants/${sysAdmin.grants[0].id}`)).status).toBe(403);
    // …while it still manages ordinary accounts of the unit.
    expect((await orgAdmin.post(`/api/v1/users/${s.headB.id}/reset-password`, { newPassword: 'CapLaiMoi2026' })).status).toBe(204);
  });

  it('the session gate is decided on the route, not the raw URL', async () => {
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/%61pi/v1/jobs')).status).toBe(401);
    expect((await anonymous.get('/%61pi/v1/users')).status).toBe(401);
  });
});
