/**
 * The public verification page in Chromium, without logging in, against the app started as a user
 * starts it: a Công dân học tập recognised by an issued decision (made through the API) shows as
 * "Còn hiệu lực" with the holder and the title, in English on the toggle; once the recognition is
 * revoked the page says "Đã bị thu hồi"; an unknown code says it was not found. Shot at 360 px into
 * test-results/screens (verify-*-360.png). The certificate PDF of the same recognition is drawn to
 * test-results/screens/verify-certificate.png for a look.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from './people-seed.js';
import { describeWithBrowser, launchBrowser, noSidewaysScroll, saveScreenshotOnFailure, screensDir, shoot, startApp, type StartedApp } from './harness.js';

const run = promisify(execFile);
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

const ADMIN = { login: 'quantri', password: 'TanPhu2026!x', displayName: 'Lê Thị Thanh Hương' };
const HOLDER = 'Đặng Thị Ngọc Ánh';
const YEAR = new Date().getFullYear() - 1;

/** A staff member of the commune's office recognised Công dân học tập by the commune's decision. */
async function recognisedCitizen(baseUrl: string) {
  const admin = new ApiClient(baseUrl);
  const setup = await admin.ok('POST', '/api/v1/setup', {
    org: { name: 'Ủy ban nhân dân xã Tân Phú', kindCode: 'agency' },
    admin: { ...ADMIN, passwordConfirm: ADMIN.password },
  });
  const rootId = setup.user.homeOrg.id as string;
  const office = await admin.ok('POST', '/api/v1/orgs', { parentId: rootId, name: 'Văn phòng HĐND và UBND xã', kindCode: 'department' });
  const person = await admin.ok('POST', '/api/v1/people', {
    fullName: HOLDER,
    membership: { orgId: office.id, category: 'cong_chuc', position: 'Công chức Văn phòng - Thống kê', validFrom: '2021-03-01' },
  });
  const reg = await admin.ok('POST', '/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_CITIZEN', subjectKind: 'person', subjectId: person.id });
  const inputs = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), { value: 9, evidence: [] }]));
  await admin.ok('PUT', `/api/v1/titles/registrations/${reg.id}/assessments/self`, { inputs });
  await admin.ok('POST', `/api/v1/titles/registrations/${reg.id}/submit`, {});
  await admin.ok('POST', `/api/v1/titles/registrations/${reg.id}/review`, { act: 'accept', comment: 'Đủ điều kiện' });
  const decision = await admin.ok('POST', '/api/v1/titles/decisions', {
    orgId: rootId,
    year: YEAR,
    title: 'LEARNING_CITIZEN',
    issuingBody: 'Ủy ban nhân dân xã Tân Phú',
    number: '45/QĐ-UBND',
    signedOn: `${YEAR + 1}-01-20`,
    signerName: 'Nguyễn Hữu Thắng',
    signerPosition: 'Chủ tịch',
    registrationIds: [reg.id],
  });
  const issued = await admin.ok('POST', `/api/v1/titles/decisions/${decision.id}/issue`, {});
  const entry = issued.entries[0] as { recognitionId: string; certificateCode: string };
  return { admin, recognitionId: entry.recognitionId, code: entry.certificateCode };
}

const statusOf = (page: Page) => page.getByTestId('verify-status').getAttribute('data-status');

describeWithBrowser('public certificate verification', () => {
  let app: StartedApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page | undefined;
  let held: Awaited<ReturnType<typeof recognisedCitizen>>;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    held = await recognisedCitizen(app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  saveScreenshotOnFailure(() => page);

  it('prints the certificate of the recognition as a PDF', async () => {
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: ADMIN.login, password: ADMIN.password }),
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('hoctap_session='))!;
    const res = await fetch(`${app.url}/api/v1/titles/recognitions/${held.recognitionId}/certificate`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    mkdirSync(screensDir, { recursive: true });
    const pdfFile = path.join(screensDir, 'verify-certificate.pdf');
    writeFileSync(pdfFile, Buffer.from(await res.arrayBuffer()));
    await run('pdftoppm', ['-r', '80', '-png', '-singlefile', pdfFile, pdfFile.replace(/\.pdf$/, '')]).catch(() => undefined);
  });

  it('shows a valid certificate to anyone, without logging in, on a phone', async () => {
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    page = await context.newPage();
    await page.goto(`${app.url}/verify/${held.code}`);
    await page.getByTestId('verify-status').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/verify/${held.code}`);
    expect(await statusOf(page)).toBe('valid');
    await expect.poll(() => page!.getByTestId('verify-status').textContent()).toContain('Còn hiệu lực');
    expect(await page.getByTestId('verify-holder').textContent()).toBe(HOLDER);
    expect(await page.getByTestId('verify-title').textContent()).toBe('Công dân học tập');
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toContain('45/QĐ-UBND');
    expect(body).not.toContain('Công chức Văn phòng');
    expect(await noSidewaysScroll(page)).toBe(true);
    await shoot(page, 'verify-valid', 360);
  });

  it('switches to English', async () => {
    await page!.getByTestId('lang-en').click();
    await poll(async () => page!.getByTestId('verify-status').textContent()).toContain('Valid');
    expect(await page!.getByTestId('verify-title').textContent()).toBe('Learning citizen');
    await shoot(page!, 'verify-valid-en', 360);
    await page!.getByTestId('lang-vi').click();
    await poll(async () => page!.getByTestId('verify-status').textContent()).toContain('Còn hiệu lực');
  });

  it('says revoked once the recognition is revoked', async () => {
    await held.admin.ok('POST', `/api/v1/titles/recognitions/${held.recognitionId}/revoke`, { reason: 'Thu hồi theo kết luận kiểm tra' });
    await page!.reload();
    await page!.getByTestId('verify-status').waitFor();
    expect(await statusOf(page!)).toBe('revoked');
    expect(await page!.getByTestId('verify-status').textContent()).toContain('Đã bị thu hồi');
    expect((await page!.locator('body').textContent()) ?? '').not.toContain('kết luận kiểm tra');
    expect(await noSidewaysScroll(page!)).toBe(true);
    await shoot(page!, 'verify-revoked', 360);
  });

  it('says so for an unknown code', async () => {
    await page!.goto(`${app.url}/verify/${'A'.repeat(26)}`);
    await page!.getByTestId('verify-error').waitFor();
    expect(await page!.getByTestId('verify-error').textContent()).toContain('Không tìm thấy giấy chứng nhận');
    await context.close();
  });
});
