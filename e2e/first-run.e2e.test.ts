/**
 * The first day of an agency, in Chromium against the app started as a user starts it:
 * setup → a small tree → a unit head → that unit head logs in and sees only their unit,
 * in the tree, through the API and in the audit. Screens are shot at phone and desktop sizes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser, saveScreenshotOnFailure, shootPhoneAndDesktop, startApp, type StartedApp, choose, chooseOrg } from './harness.js';

const ROOT = 'Sở Tài chính tỉnh Kon Tum';
const UNIT_A = 'Phòng Quản lý ngân sách';
const UNIT_B = 'Phòng Tài chính doanh nghiệp';

describeWithBrowser('first run: setup, tree, unit head who sees only their unit', () => {
  let app: StartedApp;
  let browser: Browser;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  saveScreenshotOnFailure(() => page);

  async function treeNode(p: Page, name: string) {
    return p.getByTestId('org-tree').locator('[data-testid="org-node"]', { hasText: name }).first();
  }

  it('serves the app, its health and nothing for missing files', async () => {
    expect(await fetch(`${app.url}/api/health`).then((r) => r.json())).toMatchObject({ status: 'ok', engine: 'pglite' });
    expect((await fetch(app.url)).status).toBe(200);
    expect((await fetch(`${app.url}/assets/khong-co.js`)).status).toBe(404);
    const deepLink = await fetch(`${app.url}/orgs?id=x`);
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await deepLink.text()).toContain('<title>hoctap</title>');
    expect((await fetch(`${app.url}/api/docs`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/openapi.json`).then((r) => r.json())).paths).toHaveProperty('/api/v1/orgs');
  });

  it('sets up the agency and its first administrator', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Refused requests (400 on the first submit, 401 before login) are logged by the browser itself.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    await page.goto(app.url);
    await page.waitForURL(/\/setup/);
    await page.locator('#setup_org_name').fill(ROOT);
    await choose(page, '#setup_org_kindCode', 'Cơ quan, Sở');
    await page.locator('#setup_admin_displayName').fill('Nguyễn Văn Đức');
    await page.locator('#setup_admin_login').fill('quantri');
    await page.locator('#setup_admin_password').fill('ngan');
    await page.locator('#setup_admin_passwordConfirm').fill('ngan');
    await page.getByTestId('setup-submit').click();
    // The server's Vietnamese message appears under the password field.
    await expect.poll(() => page!.locator('#setup_admin_password_help, .ant-form-item-explain-error').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/ít nhất 10 ký tự/)]),
    );
    await shootPhoneAndDesktop(page, 'setup');
    await page.locator('#setup_admin_password').fill('KonTum2026!x');
    await page.locator('#setup_admin_passwordConfirm').fill('KonTum2026!x');
    await page.getByTestId('setup-submit').click();
    await page.waitForURL(/\/orgs/);
    await expect.poll(async () => (await treeNode(page!, ROOT)).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('builds two phòng under the agency', async () => {
    const p = page!;
    for (const name of [UNIT_A, UNIT_B]) {
      await (await treeNode(p, ROOT)).click();
      await expect.poll(() => p.getByTestId('org-detail-name').innerText()).toContain(ROOT);
      await p.getByTestId('org-add-child').click();
      await p.locator('#orgForm_name').fill(name);
      await choose(p, '#orgForm_kindCode', 'Phòng, ban');
      await p.getByTestId('org-form-submit').click();
      await expect.poll(async () => (await treeNode(p, name)).isVisible()).toBe(true);
    }
    // Mark-free search finds a unit.
    await p.locator('#org-search').fill('tai chinh doanh nghiep');
    await expect.poll(() => p.getByTestId('org-search-results').innerText()).toContain(UNIT_B);
    await shootPhoneAndDesktop(p, 'orgs');
  });

  it('creates a unit head of phòng A', async () => {
    const p = page!;
    await p.goto(`${app.url}/users`);
    await p.getByTestId('user-create').click();
    await p.locator('#userForm_displayName').fill('Lê Văn Hải');
    await p.locator('#userForm_login').fill('tp.ngansach');
    await chooseOrg(p, 'user-form-home-org', 'quan ly ngan sach', UNIT_A);
    await p.locator('#userForm_password').fill('TamThoi2026x');
    await p.locator('#userForm_passwordConfirm').fill('TamThoi2026x');
    await p.getByTestId('user-form-submit').click();
    const row = p.locator('[data-row-key]', { hasText: 'tp.ngansach' }).first();
    await expect.poll(() => row.isVisible()).toBe(true);
    await row.getByTestId('user-grant').click();
    await chooseOrg(p, 'grant-org', 'quan ly ngan sach', UNIT_A);
    await choose(p, '[data-testid="grant-role"]', 'Trưởng đơn vị');
    await p.getByTestId('grant-submit').click();
    await expect.poll(() => row.innerText()).toContain('Trưởng đơn vị');
    await shootPhoneAndDesktop(p, 'users');
    await p.goto(`${app.url}/audit`);
    await expect.poll(() => p.getByTestId('audit-table').innerText()).toContain('Nguyễn Văn Đức');
    await shootPhoneAndDesktop(p, 'audit');

    // Export to Excel runs as a job; its progress survives a reload and ends with the file.
    await p.getByTestId('audit-export').click();
    await expect.poll(() => p.getByTestId('job-progress').isVisible()).toBe(true);
    await p.reload();
    await expect.poll(() => p.getByTestId('job-progress').getAttribute('data-job-state'), { timeout: 20_000 }).toBe('succeeded');
    const href = await p.getByTestId('job-download').getAttribute('href');
    const file = await p.evaluate(async (url) => {
      const res = await fetch(url!);
      return { status: res.status, type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength };
    }, href);
    expect(file).toMatchObject({ status: 200, type: expect.stringContaining('spreadsheetml') });
    expect(file.size).toBeGreaterThan(1000);
    await shootPhoneAndDesktop(p, 'audit-export');
    await p.getByTestId('user-menu').click();
    await p.getByTestId('menu-logout').click();
    await p.waitForURL(/\/login/);
  });

  it('the unit head changes the password and sees only phòng A: tree, API and audit', async () => {
    const p = page!;
    await p.locator('#login_login').fill('tp.ngansach');
    await p.locator('#login_password').fill('TamThoi2026x');
    await shootPhoneAndDesktop(p, 'login');
    await p.getByTestId('login-submit').click();
    await p.waitForURL(/\/account\/password/);
    await p.locator('#password_currentPassword').fill('TamThoi2026x');
    await p.locator('#password_newPassword').fill('NganSach2026x');
    await p.locator('#password_newPasswordConfirm').fill('NganSach2026x');
    await shootPhoneAndDesktop(p, 'change-password');
    await p.getByTestId('password-submit').click();
    // The app leaves the page once the server has taken the new password.
    await p.waitForURL((url) => !url.pathname.startsWith('/account/password'));
    await p.goto(`${app.url}/orgs`);
    await expect.poll(async () => (await treeNode(p, UNIT_A)).isVisible()).toBe(true);
    const tree = await p.getByTestId('org-tree').innerText();
    expect(tree).not.toContain(UNIT_B);
    expect(tree).not.toContain(ROOT);
    await shootPhoneAndDesktop(p, 'orgs-unit-head');

    // The same session through the API: B does not exist for this user.
    const api = await p.evaluate(async () => {
      const tops = await fetch('/api/v1/orgs').then((r) => r.json());
      const search = await fetch('/api/v1/orgs/search?q=phong').then((r) => r.json());
      const audit = await fetch('/api/v1/audit?limit=200').then((r) => r.json());
      return { tops, search, audit };
    });
    expect(api.tops.items.map((o: { name: string }) => o.name)).toEqual([UNIT_A]);
    expect(api.search.items.map((o: { name: string }) => o.name)).toEqual([UNIT_A]);
    expect(JSON.stringify(api.audit)).not.toContain(UNIT_B);
    expect(JSON.stringify(api.audit)).not.toContain(ROOT);

    await p.goto(`${app.url}/audit`);
    await expect.poll(() => p.getByTestId('audit-table').innerText()).toContain('Lê Văn Hải');
    const auditText = await p.getByTestId('audit-table').innerText();
    expect(auditText).not.toContain(UNIT_B);
    await shootPhoneAndDesktop(p, 'audit-unit-head');

    // English is one click away, and stays after a reload.
    await p.getByTestId('lang-en').click();
    await expect.poll(() => p.getByTestId('side-menu').innerText()).toContain('Audit log');
    await p.reload();
    await expect.poll(() => p.getByTestId('side-menu').innerText()).toContain('Organisations');
    await expect.poll(() => p.getByTestId('audit-table').innerText()).toContain('Lê Văn Hải');
    await shootPhoneAndDesktop(p, 'audit-unit-head-en');
  });
});
