import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, Client, createTestApp, setUp, type TestApp } from '../../../../test/app.js';
import { testEngine } from '../../../../test/pg.js';
import { latestMigrationTag } from '../../db/index.js';

let t: TestApp;
let admin: Client;
let rootId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin, rootId } = await setUp(t.app));
});
afterAll(() => t?.close());

describe('login and sessions', () => {
  it('sets an HTTP-only, SameSite=Lax session cookie and never returns the password hash', async () => {
    const client = new Client(t.app);
    const res = await client.post('/api/v1/auth/login', { login: ADMIN.login, password: ADMIN.password });
    expect(res.status).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain HTTP here; Secure behind HTTPS
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/);
    expect(res.body.user.permissions).toContain('user.manage');
  });

  it('login is case-insensitive on the login and rejects a wrong password with a bilingual message', async () => {
    const ok = await new Client(t.app).post('/api/v1/auth/login', { login: ADMIN.login.toUpperCase(), password: ADMIN.password });
    expect(ok.status).toBe(200);
    const bad = await new Client(t.app, '10.0.0.9').post('/api/v1/auth/login', { login: ADMIN.login, password: 'sai-mat-khau-1' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: { vi: expect.stringContaining('không đúng'), en: expect.any(String) } });
  });

  it('locks an account after 5 failures, with the minutes to wait, even from another address', async () => {
    const user = await admin.post('/api/v1/users', { login: 'bi.khoa', displayName: 'Phan Văn Khóa', homeOrgId: rootId, password: 'TamThoi2026x' });
    expect(user.status).toBe(201);
    for (let i = 0; i < 4; i++) {
      expect((await new Client(t.app, `10.1.0.${i}`).post('/api/v1/auth/login', { login: 'bi.khoa', password: 'wrong-pass-1' })).status).toBe(401);
    }
    const fifth = await new Client(t.app, '10.1.0.9').post('/api/v1/auth/login', { login: 'bi.khoa', password: 'wrong-pass-1' });
    expect(fifth.status).toBe(429);
    expect(fifth.body.code).toBe('LOGIN_LOCKED');
    expect(fifth.body.retryAfterSeconds).toBeGreaterThan(60);
    expect(fifth.headers['retry-after']).toBeDefined();
    expect(fifth.body.message.vi).toMatch(/thử lại sau \d+ phút/);
    // Even the right password is refused while locked.
    const right = await new Client(t.app, '10.1.0.10').post('/api/v1/auth/login', { login: 'bi.khoa', password: 'TamThoi2026x' });
    expect(right.status).toBe(429);
  });

  it('guesses sent in parallel check no more passwords than the limit', async () => {
    await admin.post('/api/v1/users', { login: 'song.song', displayName: 'Song Song', homeOrgId: rootId, password: 'TamThoi2026x' });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => new Client(t.app, `10.3.0.${i}`).post('/api/v1/auth/login', { login: 'song.song', password: `doan-sai-${i}x` })),
    );
    const checked = results.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(25);
  });

  it('locks a client address after 20 failures across accounts', async () => {
    const client = new Client(t.app, '10.2.0.1');
    for (let i = 0; i < 19; i++) {
      expect((await client.post('/api/v1/auth/login', { login: `khong.co.${i}`, password: 'wrong-pass-1' })).status).toBe(401);
    }
    expect((await client.post('/api/v1/auth/login', { login: 'khong.co.x', password: 'wrong-pass-1' })).status).toBe(429);
    expect((await client.post('/api/v1/auth/login', { login: ADMIN.login, password: ADMIN.password })).status).toBe(429);
    expect((await new Client(t.app, '10.2.0.2').post('/api/v1/auth/login', { login: ADMIN.login, password: ADMIN.password })).status).toBe(200);
  });

  it('a password typed in decomposed Unicode (NFD) is the same password', async () => {
    const nfc = 'Mậtkhẩu2026';
    await admin.post('/api/v1/users', { login: 'dau.nfd', displayName: 'Dấu Tổ Hợp', homeOrgId: rootId, password: nfc });
    expect((await new Client(t.app, '10.4.0.1').post('/api/v1/auth/login', { login: 'dau.nfd', password: nfc.normalize('NFD') })).status).toBe(200);
  });

  it('needs a session for the API and the CSRF token for every write', async () => {
    expect((await new Client(t.app).get('/api/v1/orgs')).status).toBe(401);
    const client = await new Client(t.app).login(ADMIN.login, ADMIN.password);
    const csrf = client.csrf;
    client.csrf = '';
    const res = await client.post('/api/v1/orgs', { parentId: rootId, name: 'Văn phòng Sở', kindCode: 'department' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF');
    client.csrf = 'x'.repeat(csrf.length);
    expect((await client.post('/api/v1/orgs', { parentId: rootId, name: 'Văn phòng Sở', kindCode: 'department' })).status).toBe(403);
    client.csrf = csrf;
    expect((await client.post('/api/v1/orgs', { parentId: rootId, name: 'Văn phòng Sở', kindCode: 'department' })).status).toBe(201);
  });

  it('refuses a login posted from another site', async () => {
    const res = await new Client(t.app).request('POST', '/api/v1/auth/login', { login: ADMIN.login, password: ADMIN.password }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('logout ends the session on the server', async () => {
    const client = await new Client(t.app).login(ADMIN.login, ADMIN.password);
    const cookie = client.cookie;
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    client.cookie = cookie; // replaying the old cookie does not work
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('a new account must change its password before anything else', async () => {
    const created = await admin.post('/api/v1/users', { login: 'moi.vao', displayName: 'Đinh Thị Mới', homeOrgId: rootId, password: 'TamThoi2026x' });
    const client = await new Client(t.app).login('moi.vao', 'TamThoi2026x');
    const me = await client.get('/api/v1/auth/me');
    expect(me.body.user.mustChangePassword).toBe(true);
    expect((await client.get('/api/v1/orgs')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await client.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'ngan1', newPasswordConfirm: 'ngan1' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    const wrong = await client.post('/api/v1/auth/password', { currentPassword: 'sai', newPassword: 'MatKhauMoi2026', newPasswordConfirm: 'MatKhauMoi2026' });
    expect(wrong.body.field).toBe('currentPassword');
    const differ = await client.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'MatKhauMoi2026', newPasswordConfirm: 'MatKhauMoi2027' });
    expect(differ.body.field).toBe('newPasswordConfirm');
    const ok = await client.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'MatKhauMoi2026', newPasswordConfirm: 'MatKhauMoi2026' });
    expect(ok.status).toBe(204);
    expect((await client.get('/api/v1/orgs')).status).toBe(200);
    expect((await new Client(t.app).post('/api/v1/auth/login', { login: 'moi.vao', password: 'MatKhauMoi2026' })).status).toBe(200);
    expect(created.status).toBe(201);
  });

  it('an administrator reset ends the user’s sessions and forces a change', async () => {
    const created = await admin.post('/api/v1/users', { login: 'quen.mk', displayName: 'Hồ Thị Quên', homeOrgId: rootId, password: 'TamThoi2026x' });
    const client = await new Client(t.app).login('quen.mk', 'TamThoi2026x');
    expect((await admin.post(`/api/v1/users/${created.body.id}/reset-password`, { newPassword: 'CapLai2026xy' })).status).toBe(204);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
    const again = await new Client(t.app).login('quen.mk', 'CapLai2026xy');
    expect((await again.get('/api/v1/auth/me')).body.user.mustChangePassword).toBe(true);
  });

  it('sends secure headers with a content security policy', async () => {
    const res = await new Client(t.app).get('/api/health');
    // Each leg runs on its own engine: PGlite in `pglite`, the throwaway cluster in `postgres`.
    expect(res.body).toMatchObject({ status: 'ok', engine: testEngine() === 'postgres' ? 'postgresql' : 'pglite', migration: latestMigrationTag() });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('keeps passwords, hashes and tokens out of the audit', async () => {
    const audit = await admin.get('/api/v1/audit?limit=200');
    const text = JSON.stringify(audit.body);
    for (const secret of [ADMIN.password, 'TamThoi2026x', 'CapLai2026xy', 'MatKhauMoi2026', '$argon2', admin.csrf]) {
      expect(text).not.toContain(secret);
    }
    expect(audit.body.items.some((e: { action: string }) => e.action === 'login_locked')).toBe(true);
  });
});
