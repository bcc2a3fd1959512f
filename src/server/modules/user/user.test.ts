import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, exportedSheet, smallAgency, type TestApp } from '../../../../test/app.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
});
afterAll(() => t?.close());

describe('accounts and role grants', () => {
  it('lists accounts in Vietnamese office order (given name first) and finds them without marks', async () => {
    for (const [login, name] of [
      ['an.tran', 'Trần Văn An'],
      ['binh.nguyenvan', 'Nguyễn Văn Bình'],
      ['binh.le', 'Lê Văn Bình'],
      ['binh.nguyenthi', 'Nguyễn Thị Bình'],
      ['duc.nguyen', 'Nguyễn Văn Đức'],
      ['dung.pham', 'Phạm Thị Dung'],
    ]) {
      expect((await s.admin.post('/api/v1/users', { login, displayName: name, homeOrgId: s.unitA.id, password: 'TamThoi2026x' })).status).toBe(201);
    }
    const list = await s.admin.get(`/api/v1/users?orgId=${s.unitA.id}&pageSize=100`);
    const names = list.body.items.map((u: { displayName: string }) => u.displayName);
    expect(names.slice(0, 6)).toEqual(['Trần Văn An', 'Lê Văn Bình', 'Nguyễn Thị Bình', 'Nguyễn Văn Bình', 'Phạm Thị Dung', 'Nguyễn Văn Đức']);
    const found = await s.admin.get(`/api/v1/users?orgId=${s.unitA.id}&q=` + encodeURIComponent('nguyen van duc'));
    expect(found.body.items.map((u: { displayName: string }) => u.displayName)).toEqual(['Nguyễn Văn Đức']);
  });

  it('refuses a duplicate login and a weak password, naming the field', async () => {
    const dup = await s.admin.post('/api/v1/users', { login: 'AN.TRAN', displayName: 'Trần Văn An', homeOrgId: s.unitA.id, password: 'TamThoi2026x' });
    expect(dup.status).toBe(409);
    expect(dup.body.field).toBe('login');
    const weak = await s.admin.post('/api/v1/users', { login: 'yeu.mk', displayName: 'Yếu', homeOrgId: s.unitA.id, password: 'chiconchu' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    const same = await s.admin.post('/api/v1/users', { login: 'trung.ten', displayName: 'Trùng', homeOrgId: s.unitA.id, password: 'trung.ten2026' });
    expect(same.body.field).toBe('password');
  });

  it('an organisation administrator of phòng A manages A but cannot grant system administrator', async () => {
    const created = await s.admin.post('/api/v1/users', { login: 'qt.phonga', displayName: 'Quản Trị A', homeOrgId: s.unitA.id, password: 'TamThoi2026x' });
    await s.admin.post(`/api/v1/users/${created.body.id}/grants`, { orgId: s.unitA.id, role: 'org_admin' });
    const client = await new Client(t.app).login('qt.phonga', 'TamThoi2026x');
    await client.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'QuanTriA2026', newPasswordConfirm: 'QuanTriA2026' });
    const roles = await client.get('/api/v1/roles');
    const grantable = roles.body.items.filter((r: { grantable: boolean }) => r.grantable).map((r: { code: string }) => r.code);
    expect(grantable).not.toContain('system_admin');
    expect(grantable).toContain('unit_head');
    expect((await client.post(`/api/v1/users/${s.memberA.id}/grants`, { orgId: s.unitA.id, role: 'system_admin' })).status).toBe(403);
    const granted = await client.post(`/api/v1/users/${s.memberA.id}/grants`, { orgId: s.unitA.id, role: 'council_member' });
    expect(granted.status).toBe(201);
    expect(granted.body.grants.map((g: { role: string }) => g.role).sort()).toEqual(['council_member', 'member']);
    // Moving a user of A into B needs rights on B: 404, B is not visible to this admin.
    expect((await client.patch(`/api/v1/users/${s.memberA.id}`, { homeOrgId: s.unitB.id })).status).toBe(404);
    // A unit of B cannot be the target of a move either.
    const sub = await client.post('/api/v1/orgs', { parentId: s.unitA.id, name: 'Tổ dự toán', kindCode: 'department' });
    expect(sub.status).toBe(201);
    expect((await client.post(`/api/v1/orgs/${sub.body.id}/move`, { newParentId: s.unitB.id })).status).toBe(404);
    const revoke = await client.delete(`/api/v1/users/${s.memberA.id}/grants/${granted.body.grants.find((g: { role: string }) => g.role === 'council_member').id}`);
    expect(revoke.status).toBe(200);
    expect(revoke.body.grants.map((g: { role: string }) => g.role)).toEqual(['member']);
  });

  it('disabling an account ends its sessions and blocks login; one cannot disable oneself', async () => {
    const member = await new Client(t.app).login('cv.ngansach', 'MoiDoi2026x');
    expect((await s.admin.patch(`/api/v1/users/${s.memberA.id}`, { disabled: true })).body.disabled).toBe(true);
    expect((await member.get('/api/v1/auth/me')).status).toBe(401);
    expect((await new Client(t.app).post('/api/v1/auth/login', { login: 'cv.ngansach', password: 'MoiDoi2026x' })).status).toBe(401);
    const me = (await s.admin.get('/api/v1/auth/me')).body.user;
    expect((await s.admin.patch(`/api/v1/users/${me.id}`, { disabled: true })).status).toBe(422);
    await s.admin.patch(`/api/v1/users/${s.memberA.id}`, { disabled: false });
  });
});

describe('Excel export of accounts', () => {
  it('exports the account list as shown for the same subtree and search: roles as "role · unit", status in words', async () => {
    const ids: Record<string, string> = {};
    for (const [login, name] of [['lan.ho', 'Hồ Thị Lan'], ['lan.vo', 'Võ Văn Lan'], ['minh.do', 'Đỗ Văn Minh']]) {
      ids[login] = (await s.admin.post('/api/v1/users', { login, displayName: name, homeOrgId: s.unitB.id, password: 'TamThoi2026x' })).body.id;
    }
    await s.admin.post(`/api/v1/users/${ids['lan.ho']}/grants`, { orgId: s.unitB.id, role: 'member' });
    await s.admin.patch(`/api/v1/users/${ids['lan.vo']}`, { disabled: true });
    const list = await s.admin.get(`/api/v1/users?orgId=${s.unitB.id}&q=lan`);

    const job = await s.admin.post('/api/v1/users/export', { orgId: s.unitB.id, q: 'lan' });
    expect([job.status, job.body.state]).toEqual([202, 'queued']);
    const rows = await exportedSheet(t, s.admin, job.body.id);
    expect(rows[0]).toEqual(['STT', 'Họ và tên', 'Tên đăng nhập', 'Đơn vị công tác', 'Vai trò', 'Trạng thái']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(list.body.items.map((u: { login: string }) => u.login));
    expect(rows.slice(1)).toEqual([
      [1, 'Hồ Thị Lan', 'lan.ho', 'Phòng Tài chính doanh nghiệp', 'Cán bộ, công chức, viên chức · Phòng Tài chính doanh nghiệp', 'Chờ đổi mật khẩu'],
      [2, 'Võ Văn Lan', 'lan.vo', 'Phòng Tài chính doanh nghiệp', null, 'Đã khóa'],
    ]);
    const audit = await s.admin.get('/api/v1/audit?entity=user&action=export');
    expect(audit.body.items[0].after).toEqual({ query: { orgId: s.unitB.id, q: 'lan' }, rows: 2 });
  });
});
