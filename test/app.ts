/**
 * The real app on a real database for route tests: requests go through app.inject(), with a
 * cookie jar and the CSRF token like the web app's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from '../src/server/app.js';
import type { StorageConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/index.js';
import { createTestDatabase } from './db.js';

export const ADMIN = { login: 'quantri', password: 'MatKhau2026', displayName: 'Nguyễn Văn Đức' };

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  dataDir: string;
  close(): Promise<void>;
}

export async function createTestApp(opts: { storage?: StorageConfig } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hoctap-test-'));
  const { app, services } = await buildApp({ database, sessionSecret: 'test-secret', dataDir, logLevel: false, runJobs: false, storage: opts.storage });
  return {
    app,
    services,
    database,
    dataDir,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A logged-in (or anonymous) client of the app. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(
    private readonly app: FastifyInstance,
    private readonly ip = '127.0.0.1',
  ) {}

  async request<T = any>(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      payload: payload as object,
      remoteAddress: this.ip,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}), ...headers },
    });
    const setCookie = res.cookies.find((c) => c.name === 'hoctap_session');
    if (setCookie) this.cookie = setCookie.value ? `hoctap_session=${setCookie.value}` : '';
    const body = res.headers['content-type']?.toString().includes('json') ? res.json() : res.body;
    if (body && typeof body === 'object' && 'csrfToken' in body) this.csrf = (body as { csrfToken: string }).csrfToken;
    return { status: res.statusCode, body: body as T, headers: res.headers };
  }

  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, payload: unknown = {}) => this.request<T>('POST', url, payload);
  patch = <T = any>(url: string, payload: unknown) => this.request<T>('PATCH', url, payload);
  put = <T = any>(url: string, payload: unknown) => this.request<T>('PUT', url, payload);
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);

  /** A multipart/form-data POST: text fields first, then one file (as the web app sends it). */
  upload<T = any>(url: string, fields: Record<string, string>, file: { name: string; content: Buffer }) {
    const boundary = `----hoctap${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`));
    parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
    return this.request<T>('POST', url, Buffer.concat(parts), { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }

  async login(login: string, password: string): Promise<this> {
    const res = await this.post('/api/v1/auth/login', { login, password });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }
}

/** First-run setup with a root agency; returns the admin's client and the root id. */
export async function setUp(app: FastifyInstance, rootName = 'Sở Tài chính tỉnh Kon Tum') {
  const admin = new Client(app);
  const res = await admin.post('/api/v1/setup', {
    org: { name: rootName, kindCode: 'agency' },
    admin: { displayName: ADMIN.displayName, login: ADMIN.login, password: ADMIN.password, passwordConfirm: ADMIN.password },
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { admin, rootId: res.body.user.homeOrg.id as string };
}

/**
 * A small agency: root with two phòng (A, B), a unit head of each, and a member of A.
 * Users must change their password at first login, so each sets a new one.
 */
export async function smallAgency(app: FastifyInstance) {
  const { admin, rootId } = await setUp(app);
  const unitA = (await admin.post('/api/v1/orgs', { parentId: rootId, name: 'Phòng Quản lý ngân sách', kindCode: 'department' })).body;
  const unitB = (await admin.post('/api/v1/orgs', { parentId: rootId, name: 'Phòng Tài chính doanh nghiệp', kindCode: 'department' })).body;
  const makeUser = async (login: string, displayName: string, homeOrgId: string, role: string) => {
    const created = await admin.post('/api/v1/users', { login, displayName, homeOrgId, password: 'TamThoi2026x' });
    if (created.status !== 201) throw new Error(`create user failed: ${JSON.stringify(created.body)}`);
    await admin.post(`/api/v1/users/${created.body.id}/grants`, { orgId: homeOrgId, role });
    const client = await new Client(app).login(login, 'TamThoi2026x');
    await client.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'MoiDoi2026x', newPasswordConfirm: 'MoiDoi2026x' });
    return { id: created.body.id as string, client };
  };
  const headA = await makeUser('tp.ngansach', 'Lê Văn Hải', unitA.id, 'unit_head');
  const headB = await makeUser('tp.doanhnghiep', 'Đỗ Thị Kim Oanh', unitB.id, 'unit_head');
  const memberA = await makeUser('cv.ngansach', 'Võ Thị Mỹ Linh', unitA.id, 'member');
  return { admin, rootId, unitA, unitB, headA, headB, memberA };
}

/**
 * Runs the queued jobs, then downloads the file of the export job `jobId` as `client` and reads
 * its first sheet back: one array of cell values per row (null for an empty cell), the headings first.
 */
export async function exportedSheet(t: TestApp, client: Client, jobId: string): Promise<unknown[][]> {
  await t.services.jobs.drain();
  const done = await client.get(`/api/v1/jobs/${jobId}`);
  if (done.body.state !== 'succeeded') throw new Error(`export job ${done.body.state}: ${JSON.stringify(done.body)}`);
  const file = await t.app.inject({ method: 'GET', url: `/api/v1/files/${done.body.result.fileId}`, headers: { cookie: client.cookie } });
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const cells = (n: number) => Array.from({ length: sheet.columnCount }, (_, i) => sheet.getRow(n).getCell(i + 1).value ?? null);
  return Array.from({ length: sheet.rowCount }, (_, i) => cells(i + 1));
}
