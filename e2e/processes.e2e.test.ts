/**
 * hoctap as processes: one process per PGlite data folder (a second one is refused, a dead
 * one's lock is reclaimed), and several stateless processes on one PostgreSQL behaving as one app.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBin, startThrowawayCluster, type ThrowawayCluster } from '../test/pg-cluster.js';
import { repoRoot, startApp, type StartedApp } from './harness.js';

/** A tiny HTTP client with a cookie and the CSRF token, like the web app. */
class Http {
  cookie = '';
  csrf = '';
  async call(base: string, method: string, url: string, body?: unknown) {
    const res = await fetch(base + url, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const json = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.arrayBuffer();
    if (json && typeof json === 'object' && 'csrfToken' in json) this.csrf = (json as { csrfToken: string }).csrfToken;
    return { status: res.status, body: json as any };
  }
}

const setupBody = (login: string) => ({
  org: { name: 'Tỉnh Tây Ninh', kindCode: 'province' },
  admin: { displayName: 'Huỳnh Văn Tâm', login, password: 'HaiTienTrinh26', passwordConfirm: 'HaiTienTrinh26' },
});

describe('one process per PGlite data folder', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hoctap-lock-'));
  let first: StartedApp | undefined;
  afterAll(async () => {
    await first?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process and names the one holding the folder', async () => {
    first = await startApp({ env: { DATA_DIR: dataDir } });
    const holder = JSON.parse(readFileSync(path.join(dataDir, 'hoctap.lock'), 'utf8'));
    const second = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain(`process ${holder.pid}`);
    expect(second.stderr).toContain('tiến trình');
    // the first one still serves
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
  });

  it('reclaims the lock of a killed process and keeps its data', async () => {
    const http = new Http();
    expect((await http.call(first!.url, 'POST', '/api/v1/setup', setupBody('tam.huynh'))).status).toBe(201);
    const holder = JSON.parse(readFileSync(path.join(dataDir, 'hoctap.lock'), 'utf8'));
    process.kill(holder.pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    const again = await startApp({ env: { DATA_DIR: dataDir } });
    try {
      expect((await fetch(`${again.url}/api/v1/setup`).then((r) => r.json())).needed).toBe(false);
      const login = await new Http().call(again.url, 'POST', '/api/v1/auth/login', { login: 'tam.huynh', password: 'HaiTienTrinh26' });
      expect(login.status).toBe(200);
    } finally {
      await again.stop();
    }
  });
});

describe.skipIf(!findPostgresBin() && process.env.HOCTAP_REQUIRE_ALL_LEGS !== '1')('two app processes on one PostgreSQL', () => {
  let cluster: ThrowawayCluster;
  let a: StartedApp;
  let b: StartedApp;
  const shared = mkdtempSync(path.join(tmpdir(), 'hoctap-shared-'));

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database hoctap_two');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/hoctap_two';
    // Both start at once: migrations wait for each other behind the advisory lock.
    const env = { DATABASE_URL: url.toString(), DATA_DIR: shared };
    [a, b] = await Promise.all([startApp({ env }), startApp({ env })]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await cluster?.stop();
    rmSync(shared, { recursive: true, force: true });
  });

  it('both report PostgreSQL', async () => {
    for (const app of [a, b]) expect(await fetch(`${app.url}/api/health`).then((r) => r.json())).toMatchObject({ engine: 'postgresql' });
  });

  let admin: Http;
  let rootId: string;

  it('setup happens once even when both processes are asked at the same time', async () => {
    const results = await Promise.all([new Http().call(a.url, 'POST', '/api/v1/setup', setupBody('tam.a')), new Http().call(b.url, 'POST', '/api/v1/setup', setupBody('tam.b'))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = results.find((r) => r.status === 201)!.body.user;
    admin = new Http();
    expect((await admin.call(a.url, 'POST', '/api/v1/auth/login', { login: winner.login, password: 'HaiTienTrinh26' })).status).toBe(200);
    rootId = winner.homeOrg.id;
  });

  it('a session opened on one process works on the other, CSRF token included', async () => {
    const me = await admin.call(b.url, 'GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    const created = await admin.call(b.url, 'POST', '/api/v1/orgs', { parentId: rootId, name: 'Xã Tân Biên', kindCode: 'commune' });
    expect(created.status).toBe(201);
    expect((await admin.call(a.url, 'GET', `/api/v1/orgs/${created.body.id}`)).status).toBe(200);
    // A session ended on one process is ended on the other.
    const other = new Http();
    await other.call(a.url, 'POST', '/api/v1/auth/login', { login: me.body.user.login, password: 'HaiTienTrinh26' });
    expect((await other.call(b.url, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await fetch(`${a.url}/api/v1/auth/me`, { headers: { cookie: other.cookie } })).status).toBe(401);
  });

  it('login failures count across processes', async () => {
    const user = await admin.call(a.url, 'POST', '/api/v1/users', { login: 'khoa.thu', displayName: 'Lý Thị Thu', homeOrgId: rootId, password: 'TamThoi2026x' });
    expect(user.status).toBe(201);
    for (let i = 0; i < 4; i++) {
      const target = i % 2 ? a : b;
      expect((await new Http().call(target.url, 'POST', '/api/v1/auth/login', { login: 'khoa.thu', password: 'sai-mat-khau-9' })).status).toBe(401);
    }
    expect((await new Http().call(a.url, 'POST', '/api/v1/auth/login', { login: 'khoa.thu', password: 'sai-mat-khau-9' })).status).toBe(429);
    expect((await new Http().call(b.url, 'POST', '/api/v1/auth/login', { login: 'khoa.thu', password: 'TamThoi2026x' })).status).toBe(429);
  });

  it('jobs queued through one process run once, and their files download through the other', async () => {
    const queued = await Promise.all([1, 2, 3, 4].map(() => admin.call(b.url, 'POST', '/api/v1/audit/export', {})));
    for (const q of queued) expect(q.status).toBe(202);
    const deadline = Date.now() + 60_000;
    const done: any[] = [];
    for (const q of queued) {
      for (;;) {
        const job = await admin.call(a.url, 'GET', `/api/v1/jobs/${q.body.id}`);
        if (job.body.state === 'succeeded' || job.body.state === 'failed') {
          done.push(job.body);
          break;
        }
        if (Date.now() > deadline) throw new Error('job did not finish');
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(done.map((j) => j.state)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    // Each ran exactly once: one attempt each, and one export row in the audit per job.
    const db = new pg.Client({ connectionString: cluster.url.replace(/\/postgres$/, '/hoctap_two') });
    await db.connect();
    const attempts = await db.query("select attempts, locked_by from job where kind = 'audit.export'");
    const exports = await db.query("select count(*)::int as n from audit_log where entity = 'audit' and action = 'export'");
    await db.end();
    expect(attempts.rows.map((r) => r.attempts)).toEqual([1, 1, 1, 1]);
    expect(exports.rows[0].n).toBe(4);
    const file = await admin.call(a.url, 'GET', `/api/v1/files/${done[0].result.fileId}`);
    expect(file.status).toBe(200);
    expect((file.body as ArrayBuffer).byteLength).toBeGreaterThan(1000);
  });
});
