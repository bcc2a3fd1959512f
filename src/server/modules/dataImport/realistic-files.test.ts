/**
 * The files of the issue's "done when": 180 staff of a Sở in a messy list (title rows, mixed dates,
 * an NFD name, a footer), the same list typed in TCVN3 and in VNI, and a commune's households.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, setUp, type TestApp } from '../../../../test/app.js';
import { sampleResidentRows, sampleStaffRows, SAMPLE_HAMLETS, SAMPLE_UNITS, writeResidentFile, writeStaffFile } from '../../../../test/fixtures/excel-files.js';

let t: TestApp;
let admin: Client;
let rootId: string;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin, rootId } = await setUp(t.app, 'Sở Tài chính tỉnh Kon Tum'));
  for (const name of SAMPLE_UNITS) expect((await admin.post('/api/v1/orgs', { parentId: rootId, name, kindCode: 'department' })).status).toBe(201);
  dir = mkdtempSync(path.join(tmpdir(), 'hoctap-files-'));
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function importAll(kind: string, orgId: string, file: string) {
  const up = await admin.upload('/api/v1/imports', { kind, orgId }, { name: path.basename(file), content: readFileSync(file) });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  await t.services.jobs.drain();
  const view = (await admin.get(`/api/v1/imports/${up.body.id}`)).body;
  expect(view.state, JSON.stringify(view)).toBe('analysed');
  const mapping = Object.fromEntries(view.analysis.columns.filter((c: any) => c.fieldKey && !c.fieldKey.startsWith('_')).map((c: any) => [String(c.index), c.fieldKey]));
  await admin.request('PUT', `/api/v1/imports/${view.id}/settings`, { sheet: view.analysis.sheet, headerRow: view.analysis.headerRow, mapping, duplicates: 'update' });
  await t.services.jobs.drain();
  const checked = (await admin.get(`/api/v1/imports/${view.id}`)).body;
  const issues = (await admin.get(`/api/v1/imports/${view.id}/issues?pageSize=20`)).body.items.filter((i: any) => i.severity === 'error');
  expect(issues, JSON.stringify(issues.slice(0, 3))).toEqual([]);
  await admin.post(`/api/v1/imports/${view.id}/commit`);
  await t.services.jobs.drain();
  return { analysed: view, checked, done: (await admin.get(`/api/v1/imports/${view.id}`)).body };
}

describe('realistic files', () => {
  it('imports the 180 staff of a Sở from a messy list, then the same list in TCVN3 and VNI changes nothing', async () => {
    const rows = sampleStaffRows(180, 7);
    const started = Date.now();
    const { done } = await importAll('staff', rootId, await writeStaffFile(path.join(dir, 'can-bo.xlsx'), { rows, messy: true }));
    const seconds = (Date.now() - started) / 1000;
    expect(done.summary).toMatchObject({ create: 180, update: 0, errors: 0 });
    expect(seconds).toBeLessThan(60);
    const list = await admin.get(`/api/v1/people?kind=staff&orgId=${rootId}&pageSize=100`);
    expect(list.body.total).toBe(180);
    const someone = rows[17];
    const found = (await admin.get('/api/v1/people?kind=staff&q=' + encodeURIComponent(searchable(someone.fullName)))).body.items;
    expect(found.map((p: any) => p.fullName)).toContain(someone.fullName.normalize('NFC'));

    for (const encoding of ['tcvn3', 'vni'] as const) {
      const again = await importAll('staff', rootId, await writeStaffFile(path.join(dir, `can-bo-${encoding}.xlsx`), { rows, messy: true, encoding }));
      expect(again.analysed.analysis.encoding).toBe(encoding);
      expect(again.done.summary, encoding).toMatchObject({ create: 0, update: 180 });
    }
    expect((await admin.get(`/api/v1/people?kind=staff&orgId=${rootId}`)).body.total).toBe(180);
  });

  it('imports a commune’s households with their members, heads and clans', async () => {
    const commune = (await admin.post('/api/v1/orgs', { parentId: null, name: 'Xã Đăk Hà', kindCode: 'commune' })).body;
    for (const name of SAMPLE_HAMLETS) await admin.post('/api/v1/orgs', { parentId: commune.id, name, kindCode: 'hamlet' });
    const rows = sampleResidentRows(40, 3);
    const { done } = await importAll('residents', commune.id, await writeResidentFile(path.join(dir, 'ho.xlsx'), { rows, messy: true }));
    expect(done.summary).toMatchObject({ create: rows.length, errors: 0 });
    const households = (await admin.get(`/api/v1/households?orgId=${commune.id}&pageSize=100`)).body;
    expect(households.total).toBe(40);
    expect(households.items.every((h: any) => h.head !== null)).toBe(true);
    expect((await admin.get(`/api/v1/people?kind=resident&orgId=${commune.id}`)).body.total).toBe(rows.length);
  });
});

/** What a user types: no marks, lower case. */
function searchable(name: string) {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
