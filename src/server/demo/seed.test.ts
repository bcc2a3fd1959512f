import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/app.js';
import { seedDemo } from './seed.js';
import { DEMO_PASSWORD, demoAccounts, validateDemoData, walkDemoTrees } from './demo-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('demonstration data', () => {
  it('is consistent with the organisation kinds', () => {
    const kinds = JSON.parse(readFileSync(new URL('../modules/org/org-kinds.json', import.meta.url), 'utf8')).kinds;
    expect(validateDemoData(kinds)).toEqual([]);
  });

  it('loads the five seed trees and the accounts once, and each account logs in with its role', async () => {
    expect(await seedDemo(t.database, { sessionSecret: 'x', dataDir: t.dataDir })).toBe(true);
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
