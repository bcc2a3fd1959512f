import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/app.js';

let t: TestApp;
/** The login of the administrator that won the concurrent setup. */
let winner = '';
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const body = (over: { org?: object; admin?: object } = {}) => ({
  org: { name: 'Sở Tài chính tỉnh Tây Ninh', kindCode: 'agency', ...over.org },
  admin: { displayName: 'Trần Thị Thu Hà', login: 'thuha', password: 'KhoiTao2026x', passwordConfirm: 'KhoiTao2026x', ...over.admin },
});

describe('first-run setup', () => {
  it('is needed on an empty database', async () => {
    expect((await new Client(t.app).get('/api/v1/setup')).body).toEqual({ needed: true });
  });

  it('names the field that is wrong, in Vietnamese and English, and saves nothing', async () => {
    const client = new Client(t.app);
    const cases: [object, string][] = [
      [body({ admin: { passwordConfirm: 'KhacNhau2026x' } }), 'admin.passwordConfirm'],
      [body({ admin: { password: 'ngan', passwordConfirm: 'ngan' } }), 'admin.password'],
      [body({ admin: { login: 'có dấu' } }), 'admin.login'],
      [body({ org: { kindCode: 'hamlet' } }), 'org.kindCode'],
      [body({ org: { name: '' } }), 'org.name'],
    ];
    for (const [payload, field] of cases) {
      const res = await client.post('/api/v1/setup', payload);
      expect(res.status, field).toBeGreaterThanOrEqual(400);
      expect(res.body.field, JSON.stringify(res.body)).toBe(field);
      expect(res.body.message.vi.length).toBeGreaterThan(0);
      expect(res.body.message.en.length).toBeGreaterThan(0);
    }
    expect((await client.get('/api/v1/setup')).body.needed).toBe(true);
    expect(await t.services.orgs.countAll()).toBe(0);
  });

  it('creates the root and the administrator once; concurrent and later attempts are refused', async () => {
    const results = await Promise.all([
      new Client(t.app).post('/api/v1/setup', body()),
      new Client(t.app).post('/api/v1/setup', body({ admin: { login: 'nguoikhac' } })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const created = results.find((r) => r.status === 201)!;
    winner = created.body.user.login;
    expect(created.body.user.grants[0]).toMatchObject({ role: 'system_admin', orgName: 'Sở Tài chính tỉnh Tây Ninh' });
    expect((await new Client(t.app).get('/api/v1/setup')).body.needed).toBe(false);
    const again = await new Client(t.app).post('/api/v1/setup', body({ admin: { login: 'lan.nua' } }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SETUP_DONE');
    expect(await t.services.orgs.countAll()).toBe(1);
  });

  it('logs the administrator in and audits both rows', async () => {
    const admin = await new Client(t.app).login(winner, 'KhoiTao2026x');
    const audit = await admin.get('/api/v1/audit');
    const actions = audit.body.items.map((e: { entity: string; action: string }) => `${e.entity}.${e.action}`);
    expect(actions).toEqual(expect.arrayContaining(['org.create', 'user.create', 'user.grant']));
    // Setup's rows name the administrator it created.
    const me = (await admin.get('/api/v1/auth/me')).body.user;
    // (The built-in criteria sets published at start are the system's rows, not setup's.)
    const setupRows = audit.body.items.filter((e: { entity: string; action: string }) => ['org', 'user'].includes(e.entity) && e.action !== 'login');
    expect(setupRows).toHaveLength(3);
    expect(setupRows.every((e: { userId: string; userName: string }) => e.userId === me.id && e.userName === 'Trần Thị Thu Hà')).toBe(true);
  });
});
