/**
 * Criteria sets in Chromium against the app started as a user starts it: the administrator opens
 * the Thông tư 22/2020 set (Đơn vị học tập), copies it for the agency and publishes the copy, opens
 * a new draft, raises an indicator's maximum in the draft form so the points no longer add up and sees
 * the error name its place, finds the change in the JSON view, fixes it in the form (the criterion's and the set's maxima follow), publishes version 2
 * and sees the change in the diff. Shot at 360 and 1280 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser, logIn, noSidewaysScroll, saveScreenshotOnFailure, shoot, startApp, type StartedApp } from './harness.js';
import { ADMIN, AGENCY, ApiClient } from './people-seed.js';

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const TT22 = 'Thông tư 22/2020/TT-BGDĐT';

/** Used only when the deployment has no built-in TT 22/2020 set (criteria/sets): a short one of the same shape. */
const bi = (vi: string) => ({ vi, en: vi });
const FALLBACK_TT22 = {
  code: 'TT22-2020-DVHT',
  name: bi('Đơn vị học tập (Thông tư 22/2020/TT-BGDĐT)'),
  title: 'LEARNING_UNIT',
  scope: { description: bi('Cơ quan, đơn vị cấp tỉnh và cấp huyện') },
  source: { document: TT22, status: 'confirmed' },
  effectiveFrom: '2020-09-21',
  effectiveTo: '2024-01-25',
  engine: 'points',
  points: { max: 100, bands: [{ code: 'TOT', name: bi('Tốt'), min: 85, passes: true }, { code: 'CHUA_DAT', name: bi('Chưa đạt'), min: 0, passes: false }], passRules: {} },
  criteria: [
    { code: '1', name: bi('Điều kiện thực hiện'), max: 30, indicators: ['a', 'b', 'c'].map((x) => ({ code: `1${x}`, text: bi(`Điều kiện ${x}`), valueType: 'points', max: 10, evidenceRequired: true })) },
    { code: '2', name: bi('Kết quả học tập của thành viên'), max: 30, indicators: ['a', 'b', 'c'].map((x) => ({ code: `2${x}`, text: bi(`Kết quả ${x}`), valueType: 'points', max: 10, evidenceRequired: false })) },
    { code: '3', name: bi('Tác động'), max: 40, indicators: [{ code: '3a', text: bi('Năng lực công dân học tập'), valueType: 'points', max: 40, evidenceRequired: false }] },
  ],
};

async function shootBoth(p: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ]) {
    await p.setViewportSize({ width, height });
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.waitForTimeout(400);
    if (width === 360) expect(await noSidewaysScroll(p), `${name} scrolls sideways at 360 px`).toBe(true);
    await shoot(p, name, width);
  }
}

/** Clicks a modal's button once the modal has finished opening. */
async function confirmIn(p: Page, testId: string): Promise<void> {
  await p.locator('.ant-modal:visible').last().waitFor();
  await p.waitForTimeout(300);
  await p.getByTestId(testId).click();
}

/** Types a day into an antd DatePicker (dd/mm/yyyy); clicking the modal's title closes its calendar. */
async function typeDate(p: Page, testId: string, ddmmyyyy: string): Promise<void> {
  const input = p.getByTestId(testId);
  await input.click();
  await input.fill(ddmmyyyy);
  await p.locator('.ant-modal:visible .ant-modal-title').click();
  await poll(() => input.inputValue()).toBe(ddmmyyyy);
}

describeWithBrowser('criteria sets: copy TT 22/2020, fix a draft, publish, compare', () => {
  let app: StartedApp;
  let browser: Browser;
  let page: Page | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp();
    const api = new ApiClient(app.url);
    await api.ok('POST', '/api/v1/setup', { org: { name: AGENCY, kindCode: 'agency' }, admin: { displayName: ADMIN.displayName, login: ADMIN.login, password: ADMIN.password, passwordConfirm: ADMIN.password } });
    const sets = await api.ok('GET', '/api/v1/criteria-sets?title=LEARNING_UNIT');
    if (!sets.items.some((s: any) => s.source?.document === TT22 && s.orgId === null)) {
      const imported = await api.ok('POST', '/api/v1/criteria-sets/import', { document: FALLBACK_TT22, orgId: null });
      await api.ok('POST', `/api/v1/criteria-sets/${imported.set.id}/publish`, { effectiveFrom: FALLBACK_TT22.effectiveFrom });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  saveScreenshotOnFailure(() => page);

  it('opens the TT 22/2020 set from the list and reads its criteria', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const p = page;
    await logIn(p, app.url, ADMIN);
    await p.getByTestId('nav-criteria-sets').click();
    await p.locator('#criteria-search').fill('22/2020');
    const row = p.getByTestId('criteria-sets').locator('tr', { hasText: TT22 }).filter({ hasText: 'Toàn hệ thống' }).first();
    await row.getByTestId('criteria-set-link').click();
    await p.getByTestId('criteria-document').waitFor();
    await expect.poll(() => p.locator('[data-testid^="criterion-"]').first().isVisible()).toBe(true);
    await shootBoth(p, 'criteria-tt22');
  });

  it('copies it for the agency and publishes the copy as version 1', async () => {
    const p = page!;
    await p.getByTestId('criteria-copy').click();
    await confirmIn(p, 'criteria-copy-submit');
    await p.waitForURL(/\/criteria-sets\/[0-9a-f-]+\?edit=1/);
    await p.getByTestId('criteria-editor').waitFor();
    expect(await p.getByTestId('criteria-set-page').innerText()).toContain(AGENCY);
    await p.getByTestId('criteria-editor-close').click();
    await p.getByTestId('criteria-publish').click();
    await p.locator('.ant-modal:visible').last().waitFor();
    await typeDate(p, 'criteria-publish-date', '01/01/2021');
    await confirmIn(p, 'criteria-publish-submit');
    await poll(() => p.getByTestId('criteria-publish').count()).toBe(0);
    await poll(() => p.getByTestId('criteria-version-select').innerText()).toContain('01/01/2021');
  });

  it('a draft whose points no longer add up is refused with its place named; fixed, it saves', async () => {
    const p = page!;
    await p.getByTestId('criteria-edit').click();
    await p.getByTestId('criteria-form').waitFor();
    const maxima = p.locator('input[data-testid^="form-max-"]');
    const first = Number(await maxima.nth(0).inputValue());
    await maxima.nth(0).fill(String(first + 5));
    await p.getByTestId('criteria-editor-save').click();
    const error = p.getByTestId('criteria-editor-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/criteria\[0\]\.max|points\.max/);
    await shootBoth(p, 'criteria-draft-error');

    // The JSON view holds the same change; the fix is made back in the form.
    await p.getByTestId('criteria-editor-json').click();
    expect(JSON.parse(await p.getByTestId('criteria-editor-text').inputValue()).criteria[0].indicators[0].max).toBe(first + 5);
    await p.getByTestId('criteria-editor-form').click();
    // The fix: the criterion's and the set's maxima follow (a criterion without its own maximum has none to change).
    const criterionMax = p.locator('input[data-testid^="form-criterion-max-"]').first();
    const criterionValue = await criterionMax.inputValue();
    if (criterionValue !== '') await criterionMax.fill(String(Number(criterionValue) + 5));
    const setMax = p.locator('input[data-testid="form-points-max"]');
    await setMax.fill(String(Number(await setMax.inputValue()) + 5));
    await p.getByTestId('criteria-editor-save').click();
    await p.getByTestId('criteria-publish').waitFor();
    expect(await error.count()).toBe(0);
  });

  it('publishes version 2 and shows what changed against version 1', async () => {
    const p = page!;
    await p.getByTestId('criteria-publish').click();
    await p.locator('.ant-modal:visible').last().waitFor();
    await typeDate(p, 'criteria-publish-date', '01/01/2023');
    await p.getByTestId('criteria-publish-note').fill('Điều chỉnh điểm tiêu chí 1 theo quy định của Sở');
    await confirmIn(p, 'criteria-publish-submit');
    await poll(() => p.getByTestId('criteria-publish').count()).toBe(0);
    await p.getByTestId('tab-versions').click();
    const versions = p.getByTestId('criteria-versions');
    await poll(() => versions.innerText()).toContain('01/01/2021 – 31/12/2022');
    const changes = p.getByTestId('criteria-changes');
    await changes.waitFor();
    const maxChanges = changes.locator('[data-testid="criteria-change"][data-path$=".max"]');
    await poll(() => maxChanges.count()).toBeGreaterThanOrEqual(2);
    expect(await changes.innerText()).toContain('Chỉ tiêu');
    await shootBoth(p, 'criteria-diff');
    expect(errors).toEqual([]);
  });
});
