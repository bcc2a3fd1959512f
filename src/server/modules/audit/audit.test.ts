import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { job } from '../../platform/jobs/job.table.js';
import { createJobRunner } from '../../platform/jobs/runner.js';
import { createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
});
afterAll(() => t?.close());

describe('audit log', () => {
  it('filters by entity, action, user and Vietnam calendar days, newest first, with a cursor', async () => {
    const page1 = await s.admin.get('/api/v1/audit?limit=3');
    expect(page1.body.items).toHaveLength(3);
    expect(Number(page1.body.items[0].id)).toBeGreaterThan(Number(page1.body.items[2].id));
    const page2 = await s.admin.get(`/api/v1/audit?limit=3&cursor=${page1.body.nextCursor}`);
    expect(Number(page2.body.items[0].id)).toBeLessThan(Number(page1.body.items[2].id));

    const grants = await s.admin.get('/api/v1/audit?entity=user&action=grant&limit=200');
    expect(grants.body.items.length).toBe(4); // setup admin + three in smallAgency
    expect(grants.body.items.every((e: { action: string }) => e.action === 'grant')).toBe(true);
    expect(grants.body.items.map((e: { entityName: string }) => e.entityName)).toContain('Lê Văn Hải');

    const mine = await s.headA.client.get(`/api/v1/audit?userId=${s.headA.id}`);
    expect(mine.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['login', 'change_password']));

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect((await s.admin.get(`/api/v1/audit?from=${today}&to=${today}`)).body.items.length).toBeGreaterThan(0);
    expect((await s.admin.get('/api/v1/audit?from=2020-01-01&to=2020-12-31')).body.items).toEqual([]);
  });

  it('exports to Excel as a job whose file reads back with the rows shown', async () => {
    const queued = await s.admin.post('/api/v1/audit/export', { entity: 'org' });
    expect(queued.status).toBe(202);
    expect(queued.body.state).toBe('queued');
    await t.services.jobs.drain();
    const done = await s.admin.get(`/api/v1/jobs/${queued.body.id}`);
    expect(done.body).toMatchObject({ state: 'succeeded', progress: 1 });
    const file = await s.admin.request('GET', `/api/v1/files/${done.body.result.fileId}`);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const raw = await t.app.inject({ method: 'GET', url: `/api/v1/files/${done.body.result.fileId}`, headers: { cookie: s.admin.cookie } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nhật ký')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Thời gian');
    const orgNames = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) {
        expect(row.getCell(4).value).toBe('org');
        expect(String(row.getCell(1).value)).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
        orgNames.add(String(row.getCell(7).value));
        expect(row.getCell(5).value).toBeTruthy(); // the unit's name
      }
    });
    expect(sheet.rowCount - 1).toBe(done.body.result.rows);
    expect(orgNames).toEqual(new Set(['Sở Tài chính tỉnh Kon Tum', 'Phòng Quản lý ngân sách', 'Phòng Tài chính doanh nghiệp']));
    const exported = await s.admin.get('/api/v1/audit?entity=audit&action=export');
    expect(exported.body.items[0].after.rows).toBe(done.body.result.rows);
  });

  it('a job whose process died is queued again at start, and failed after its last attempt', async () => {
    const queued = await s.admin.post('/api/v1/audit/export', {});
    const { db } = t.database;
    // As if a process claimed it and crashed mid-way: running, with a stale heartbeat.
    await db.update(job).set({ state: 'running', attempts: 1, heartbeatAt: new Date(Date.now() - 3600_000), lockedBy: 'dead' }).where(eq(job.id, queued.body.id));
    const runner = createJobRunner(t.database, { worker: 'fresh' });
    await runner.start();
    await runner.stop();
    const after = await s.admin.get(`/api/v1/jobs/${queued.body.id}`);
    expect(after.body.state).toBe('queued');
    // No file was registered for the interrupted run.
    expect(after.body.result).toBeNull();

    await db.update(job).set({ state: 'running', attempts: 3, heartbeatAt: new Date(Date.now() - 3600_000) }).where(eq(job.id, queued.body.id));
    await runner.start();
    await runner.stop();
    const failed = await s.admin.get(`/api/v1/jobs/${queued.body.id}`);
    expect(failed.body.state).toBe('failed');
    expect(failed.body.error.vi).toContain('gián đoạn');
  });

  it('a job that fails while storing its result leaves nothing behind', async () => {
    const runner = createJobRunner(t.database, { worker: 'flaky' });
    let attempts = 0;
    runner.register('test.flaky', async () => async (tx) => {
      attempts++;
      await tx.update(job).set({ message: { vi: 'một nửa', en: 'half' } }).where(eq(job.kind, 'test.flaky'));
      throw new Error('disk full');
    });
    const queued = await runner.enqueue(t.database.db, { actor: null, requestId: 't', ip: 'local' }, 'test.flaky', {});
    for (let i = 0; i < 3; i++) {
      await t.database.db.update(job).set({ runAfter: new Date(0) }).where(eq(job.id, queued.id));
      await runner.drain();
    }
    const row = (await t.database.db.select().from(job).where(eq(job.id, queued.id)))[0];
    expect(attempts).toBe(3);
    expect(row.state).toBe('failed');
    expect(row.message).toBeNull(); // the half-written update rolled back with the transaction
  });

  it('a worker that lost its job to another stores nothing', async () => {
    const runner = createJobRunner(t.database, { worker: 'slow' });
    let stored = false;
    runner.register('test.slow', async ({ job: row }) => {
      // While this worker stalls, another takes the job over.
      await t.database.db.update(job).set({ lockedBy: 'other' }).where(eq(job.id, row.id));
      return async () => {
        stored = true;
      };
    });
    const queued = await runner.enqueue(t.database.db, { actor: null, requestId: 't', ip: 'local' }, 'test.slow', {});
    await runner.drain();
    const row = (await t.database.db.select().from(job).where(eq(job.id, queued.id)))[0];
    expect(stored).toBe(false);
    expect(row).toMatchObject({ state: 'running', lockedBy: 'other', result: null });
  });
});
