/**
 * Learning records in Chromium against the app started as a user starts it: a member adds a
 * language certificate on a 360 px phone and uploads a PDF as evidence; her unit head verifies it
 * on "Xác nhận hồ sơ"; the secretariat sees the unit's share of members with a language
 * certificate go from 0 % to 50 % on "Kết quả học tập", clicks the number and finds her listed,
 * then records one training for both members of the unit at once; a record the head rejects shows
 * the member the reason.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { choose, describeWithBrowser, DESKTOP_WIDTH, launchBrowser, logIn, noSidewaysScroll, PHONE_WIDTH, saveScreenshotOnFailure, shoot, startApp, type StartedApp } from './harness.js';
import { HEAD, LEARNING_SECRETARIAT, MEMBER, seedLearning, type LearningSeeded } from './learning-seed.js';
import { ApiClient } from './people-seed.js';

/** A small but real PDF (the server recognises files by their first bytes). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const TITLE = 'Chứng chỉ tiếng Anh bậc 3 (B1)';

/** expect.poll with room for a loaded machine (the app, its database and Chromium share it). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/**
 * Screenshots at 360 and 1280 px from the top of the page, once the charts have redrawn at the new
 * width (test-results/screens/<name>-<width>.png); the viewport is restored.
 */
async function shootScreens(p: Page, name: string): Promise<void> {
  const before = p.viewportSize();
  for (const width of [PHONE_WIDTH, DESKTOP_WIDTH]) {
    await p.setViewportSize({ width, height: width <= 480 ? 740 : 800 });
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.waitForFunction(() =>
      [...document.querySelectorAll('.learning-chart')].every((chart) => (chart.querySelector('svg')?.getBoundingClientRect().width ?? 0) <= chart.clientWidth + 1),
    );
    await p.waitForTimeout(700); // the bars' transition to the new size
    await shoot(p, name, width);
  }
  if (before) await p.setViewportSize(before);
}

describeWithBrowser('learning records: a certificate added on a phone, verified, counted in the shares', () => {
  let app: StartedApp;
  let browser: Browser;
  let seeded: LearningSeeded;
  let page: Page | undefined;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp();
    seeded = await seedLearning(app.url);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });
  saveScreenshotOnFailure(() => page);

  /** A fresh browser (own cookies) for one user, logged in. */
  async function openAs(account: { login: string; password: string }, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, account);
    page = p;
    return p;
  }

  const unitRow = (p: Page) => p.getByTestId('summary-table').locator(`[data-row-key="${seeded.unitIds[0]}"]`);
  const certifiedShare = (p: Page) => unitRow(p).getByTestId('share-languageCertified');

  let secretariat: Page;
  let member: Page;
  let head: Page;

  it('the secretariat sees that nobody in the unit holds a language certificate yet', async () => {
    secretariat = await openAs(LEARNING_SECRETARIAT, { width: 1280, height: 800 });
    const p = secretariat;
    await p.getByTestId('nav-learning-summary').click();
    await p.waitForURL(/\/learning-summary/);
    await poll(() => unitRow(p).count()).toBe(1);
    expect(await unitRow(p).getByTestId('summary-members').innerText()).toContain('2');
    expect(await certifiedShare(p).getAttribute('data-value')).toBe('0');
    expect(await certifiedShare(p).innerText()).toContain('0 %');
  });

  it('a member adds a language certificate on a 360 px phone and uploads a PDF as evidence', async () => {
    const p = (member = await openAs(MEMBER, { width: 360, height: 740 }));
    await p.getByTestId('nav-open').click();
    await p.getByTestId('nav-my-learning').click();
    await p.waitForURL(/\/my-learning/);
    await poll(() => p.locator('.page-subtitle').innerText()).toContain('Phòng Công chức, viên chức');
    expect(await p.getByTestId('my-owed').innerText()).toContain('Bồi dưỡng bắt buộc tối thiểu hằng năm');
    expect(await noSidewaysScroll(p)).toBe(true);

    await p.getByTestId('record-add').click();
    // Let the modal finish opening: a click during its zoom lands where the option no longer is.
    await p.locator('.ant-modal:visible').last().waitFor();
    await p.waitForTimeout(300);
    await p.locator('#record_title').fill(TITLE);
    // The fields follow the kind: a language and its level appear for a language record.
    expect(await p.locator('#record_language').count()).toBe(0);
    await choose(p, '#record_kind', 'Ngoại ngữ, tiếng dân tộc thiểu số');
    await p.locator('#record_language').fill('Tiếng Anh');
    await p.keyboard.press('Escape');
    await choose(p, '#record_languageLevel', 'Bậc 3 (B1)');
    await p.locator('#record_provider').fill('Trường Đại học Ngoại ngữ, Đại học Huế');
    await p.locator('#record_certificateNo').fill('B1-2026/0457');
    await p.locator('#record_hours').fill('60');
    expect(await noSidewaysScroll(p)).toBe(true);
    await p.getByTestId('record-submit').click();

    const card = p.getByTestId('my-records-card').filter({ hasText: TITLE });
    await poll(() => card.count()).toBe(1);
    expect(await card.getByTestId('record-status').getAttribute('data-status')).toBe('pending');
    expect(await card.innerText()).toContain('Bậc 3 (B1)');

    // The browser checks the type first (the server checks the content whatever the name says).
    await card.locator('[data-testid="evidence-upload"] input[type="file"]').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('not a certificate') });
    await poll(() => p.locator('.ant-message').innerText()).toContain('Chỉ nhận tệp PDF');

    await card.locator('[data-testid="evidence-upload"] input[type="file"]').setInputFiles({ name: 'chung-chi-tieng-anh.pdf', mimeType: 'application/pdf', buffer: PDF });
    await poll(() => card.getByTestId('evidence-link').allInnerTexts()).toEqual(['chung-chi-tieng-anh.pdf']);
    const href = await card.getByTestId('evidence-link').getAttribute('href');
    const file = await p.evaluate(async (url) => {
      const res = await fetch(url!);
      return { status: res.status, type: res.headers.get('content-type'), head: (await res.text()).slice(0, 8) };
    }, href);
    expect(file).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-1.4' });
    expect(await noSidewaysScroll(p)).toBe(true);
    await p.locator('.ant-message').waitFor({ state: 'hidden' });
    await shootScreens(p, 'learning-my-records');
    await p.setViewportSize({ width: 1280, height: 800 });
    await poll(() => p.getByTestId('my-records').locator('table').count()).toBe(1);
    expect(await noSidewaysScroll(p)).toBe(true);
  });

  it('the unit head opens "Xác nhận hồ sơ", sees the evidence and verifies the record', async () => {
    const p = (head = await openAs(HEAD, { width: 1280, height: 800 }));
    await p.getByTestId('nav-learning-records').click();
    await p.waitForURL(/\/learning-records/);
    const row = p.getByTestId('review-list').locator('[data-row-key]').filter({ hasText: TITLE });
    await poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('record-person').innerText()).toBe(MEMBER.displayName);
    expect(await row.getByTestId('evidence-link').innerText()).toContain('chung-chi-tieng-anh.pdf');
    await shootScreens(p, 'learning-review');
    await p.setViewportSize({ width: 360, height: 740 });
    await poll(() => p.getByTestId('review-list-card').count()).toBe(1);
    expect(await noSidewaysScroll(p)).toBe(true);
    await p.setViewportSize({ width: 1280, height: 800 });
    await poll(() => p.getByTestId('review-list').locator('table').count()).toBe(1);
    expect(await noSidewaysScroll(p)).toBe(true);

    await row.getByTestId('record-verify').click();
    await p.locator('.ant-popover:visible .ant-btn-primary').click();
    // Awaiting verification is the default filter: the verified record leaves the list.
    await poll(() => row.count()).toBe(0);
    await choose(p, '[data-testid="review-status"]', 'Đã xác nhận');
    await poll(() => new URL(p.url()).searchParams.get('status')).toBe('verified');
    await poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('record-status').getAttribute('data-status')).toBe('verified');
  });

  it('the secretariat sees the share move to 50 % and the member behind the number', async () => {
    const p = secretariat;
    page = p;
    await p.reload();
    await poll(() => certifiedShare(p).getAttribute('data-value')).toBe('0.5');
    expect(await certifiedShare(p).innerText()).toContain('50 %');
    await certifiedShare(p).getByTestId('share-met').click();
    const drawer = p.getByTestId('summary-members-drawer');
    await poll(() => p.getByTestId('summary-member').allInnerTexts()).toEqual([MEMBER.displayName]);
    expect(await drawer.innerText()).toContain('Bậc 3 (B1)');
    expect(await drawer.innerText()).toContain('Phòng Công chức, viên chức');
    await shootScreens(p, 'learning-summary-members');
    await p.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await shootScreens(p, 'learning-summary');
    await p.setViewportSize({ width: 360, height: 740 });
    await poll(() => p.getByTestId('summary-table-card').count()).toBeGreaterThan(1);
    expect(await noSidewaysScroll(p)).toBe(true);
    await p.setViewportSize({ width: 1280, height: 800 });
    await poll(() => p.getByTestId('summary-table').locator('table').count()).toBe(1);
    expect(await noSidewaysScroll(p)).toBe(true);
  });

  it('the secretariat records one training for both members of the unit at once', async () => {
    const p = secretariat;
    await p.goto(`${app.url}/learning-records?orgId=${seeded.unitIds[0]}`);
    await p.getByTestId('bulk-record-open').click();
    // One attendee found by a name typed without marks, then the rest of the unit (no one twice).
    await p.getByTestId('bulk-record-people').click();
    await p.keyboard.type('le van hai');
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: HEAD.displayName }).click();
    await p.keyboard.press('Escape');
    await poll(() => p.locator('.ant-form-item-label', { hasText: 'Người tham dự' }).innerText()).toContain('(1)');
    await p.getByTestId('bulk-record-whole-unit').click();
    await poll(() => p.locator('.ant-form-item-label', { hasText: 'Người tham dự' }).innerText()).toContain('(2)');
    await choose(p, '#bulkRecord_kind', 'Bồi dưỡng chuyển đổi số của đơn vị');
    await p.locator('#bulkRecord_title').fill('Hội nghị bồi dưỡng kỹ năng số cho công chức');
    await p.locator('#bulkRecord_hours').fill('8');
    await shootScreens(p, 'learning-bulk');
    await p.getByTestId('bulk-record-submit').click();
    await poll(() => p.locator('.ant-modal-confirm').innerText()).toContain('Đã ghi nhận cho 2 người');
    await p.locator('.ant-modal-confirm .ant-btn-primary').click();

    await p.goto(`${app.url}/learning-summary`);
    await poll(() => unitRow(p).getByTestId('share-digitalTrained').getAttribute('data-value')).toBe('1');
  });

  it('the head rejects a record with a reason, which the member reads under its status', async () => {
    const title = 'Lớp kỹ năng soạn thảo văn bản hành chính';
    const api = await new ApiClient(app.url).login(MEMBER.login, MEMBER.password);
    await api.ok('POST', '/api/v1/learning-records', { kind: 'course', title, endsOn: new Date().toISOString().slice(0, 10), hours: 16 });

    const p = (page = head);
    await p.goto(`${app.url}/learning-records`);
    const row = p.getByTestId('review-list').locator('[data-row-key]').filter({ hasText: title });
    await poll(() => row.count()).toBe(1);
    await row.getByTestId('record-reject').click();
    // The reason is required.
    await p.getByTestId('reject-submit').click();
    await poll(() => p.locator('.ant-modal .ant-form-item-explain-error').count()).toBe(1);
    await p.getByTestId('reject-reason').fill('Thiếu giấy chứng nhận hoàn thành lớp học.');
    await p.getByTestId('reject-submit').click();
    await poll(() => row.count()).toBe(0);

    const m = (page = member);
    await m.reload();
    await m.setViewportSize({ width: 360, height: 740 });
    const card = m.getByTestId('my-records-card').filter({ hasText: title });
    await poll(() => card.getByTestId('record-status').getAttribute('data-status')).toBe('rejected');
    expect(await card.getByTestId('record-reject-reason').innerText()).toContain('Thiếu giấy chứng nhận hoàn thành lớp học.');
    expect(await noSidewaysScroll(m)).toBe(true);
    expect(errors).toEqual([]);
  });
});
