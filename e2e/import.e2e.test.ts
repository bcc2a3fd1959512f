/**
 * The Excel import wizard in Chromium against the app started as a user starts it. The
 * secretariat imports a realistic file of 180 staff (title rows, mixed date cells and text,
 * an NFD name, numbers that lost their leading zero) and finds an imported person by name;
 * a file with errors lists them by sheet, row and column, imports nothing and offers the
 * marked copy; a TCVN3 (ABC) file is converted to Unicode in the preview and imported; the
 * attendance list of a training, with the training entered in the wizard, gives verified records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { searchKey } from '../src/shared/vn-text.js';
import { sampleStaffRows, staffFileLayout, writeStaffFile, type StaffFixtureRow } from '../test/fixtures/excel-files.js';
import { describeWithBrowser, launchBrowser, saveScreenshotOnFailure, shootPhoneAndDesktop, startApp, type StartedApp, chooseOrg, logIn, noSidewaysScroll, PHONE_WIDTH } from './harness.js';
import { AGENCY, SECRETARIAT, seedPeople, UNITS } from './people-seed.js';

describeWithBrowser('import wizard: staff from Excel', () => {
  let app: StartedApp;
  let browser: Browser;
  let page: Page | undefined;
  let dir: string;
  let agencyId: string;
  const errors: string[] = [];
  const good = sampleStaffRows(180, 11, UNITS);
  const bad = sampleStaffRows(30, 12, UNITS);
  const legacy = sampleStaffRows(20, 13, UNITS);

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp();
    agencyId = (await seedPeople(app.url)).agencyId;
    dir = mkdtempSync(path.join(tmpdir(), 'hoctap-e2e-import-'));
    await writeStaffFile(path.join(dir, 'danh-sach-can-bo.xlsx'), { rows: good, messy: true });
    bad[3] = { ...bad[3], birthDate: '1990-02-30' } as StaffFixtureRow;
    bad[5] = { ...bad[5], citizenId: '12345' };
    bad[8] = { ...bad[8], unit: 'Phòng Không Có Thật' };
    await writeStaffFile(path.join(dir, 'danh-sach-loi.xlsx'), { rows: bad, messy: true });
    await writeStaffFile(path.join(dir, 'danh-sach-tcvn3.xlsx'), { rows: legacy, encoding: 'tcvn3' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  saveScreenshotOnFailure(() => page);

  const figure = async (p: Page, key: string) => Number(await p.getByTestId(`import-summary-${key}`).getAttribute('data-value'));
  const staffTotal = (p: Page) =>
    p.evaluate(async (orgId) => (await fetch(`/api/v1/people?kind=staff&orgId=${orgId}&pageSize=1`).then((r) => r.json())).total as number, agencyId);
  const download = (p: Page, href: string | null) =>
    p.evaluate(async (url) => {
      const res = await fetch(url!);
      return { status: res.status, type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength };
    }, href);

  /** Uploads a file at the wizard's first step and waits for the column mapping. */
  async function upload(p: Page, file: string, chooseAgency: boolean) {
    if (chooseAgency) await chooseOrg(p, 'import-org', 'so tai chinh', AGENCY);
    await p.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(path.join(dir, file));
    await p.getByTestId('import-upload-submit').click();
    await p.getByTestId('import-mapping').waitFor({ timeout: 30_000 });
  }

  async function check(p: Page) {
    await p.getByTestId('import-check').click();
    await p.getByTestId('import-checked').waitFor({ timeout: 60_000 });
  }

  it('imports 180 staff from a messy office file and finds one of them by name without marks', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const p = page;
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, SECRETARIAT);
    await p.getByTestId('nav-imports').click();
    await p.waitForURL(/\/imports/);

    // The template downloads as an Excel file.
    const template = await download(p, await p.getByTestId('import-template').getAttribute('href'));
    expect(template).toMatchObject({ status: 200, type: expect.stringContaining('spreadsheetml') });
    await shootPhoneAndDesktop(p, 'import-upload');

    await upload(p, 'danh-sach-can-bo.xlsx', true);
    // Title rows are skipped: the header is found on its row and every column is recognised.
    const layout = staffFileLayout({ rows: good, messy: true });
    await expect.poll(() => p.getByTestId('import-header-row').inputValue()).toBe(String(layout.headerRow));
    expect(await p.getByTestId('import-encoding').count()).toBe(0);
    expect(await p.getByTestId('import-missing').count()).toBe(0);
    await shootPhoneAndDesktop(p, 'import-mapping');

    await check(p);
    expect(await figure(p, 'rows')).toBe(180);
    expect(await figure(p, 'create')).toBe(180);
    expect(await figure(p, 'errors')).toBe(0);
    // The NFD name of the second row shows composed, as it will be saved.
    await expect.poll(() => p.getByTestId('import-preview').innerText()).toContain(good[1].fullName);
    await shootPhoneAndDesktop(p, 'import-checked');

    const before = await staffTotal(p);
    await p.getByTestId('import-commit').click();
    await p.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await figure(p, 'create')).toBe(180);
    expect(await staffTotal(p)).toBe(before + 180);
    await shootPhoneAndDesktop(p, 'import-done');

    await p.getByTestId('import-see-people').click();
    await p.waitForURL(/\/people\?/);
    await p.locator('#people-search').fill(searchKey(good[1].fullName));
    const rows = p.getByTestId('people-list').locator('[data-row-key]');
    await expect.poll(() => rows.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(good[1].fullName)]));
  });

  it('a file with errors: listed by row and column, nothing imported, the marked copy downloads', async () => {
    const p = page!;
    await p.goto(`${app.url}/imports`);
    const before = await staffTotal(p);
    await upload(p, 'danh-sach-loi.xlsx', true);
    await check(p);
    expect(await figure(p, 'errors')).toBeGreaterThanOrEqual(3);
    await expect.poll(() => p.getByTestId('import-blocked').isVisible()).toBe(true);
    expect(await p.getByTestId('import-commit').isDisabled()).toBe(true);

    const layout = staffFileLayout({ rows: bad, messy: true });
    const places = await p.getByTestId('import-issues').getByTestId('issue-place').allInnerTexts();
    expect(places).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`dòng ${layout.dataRows[3]}, cột C`),
        expect.stringContaining(`dòng ${layout.dataRows[5]}, cột E`),
        expect.stringContaining(`dòng ${layout.dataRows[8]}, cột G`),
      ]),
    );
    expect(await p.getByTestId('import-issues').innerText()).toContain('Phòng Không Có Thật');
    const marked = await download(p, await p.getByTestId('import-error-file').getAttribute('href'));
    expect(marked).toMatchObject({ status: 200, type: expect.stringContaining('spreadsheetml') });
    expect(marked.size).toBeGreaterThan(1000);
    expect(await staffTotal(p)).toBe(before);
    await shootPhoneAndDesktop(p, 'import-errors');

    // "Upload the fixed file" starts again with the same kind and organisation.
    await p.getByTestId('import-upload-fixed').click();
    await p.getByTestId('import-upload').waitFor();
    await expect.poll(() => p.getByTestId('import-org').innerText()).toContain(AGENCY);
  });

  it('a TCVN3 (ABC) file: the notice, Unicode names in the preview, imported', async () => {
    const p = page!;
    await upload(p, 'danh-sach-tcvn3.xlsx', false);
    await expect.poll(() => p.getByTestId('import-encoding').innerText()).toContain('TCVN3');
    // The samples of the name column are already Unicode.
    expect(await p.getByTestId('import-columns').innerText()).toContain(legacy[0].fullName);
    await shootPhoneAndDesktop(p, 'import-tcvn3');
    await check(p);
    expect(await figure(p, 'errors')).toBe(0);
    const preview = await p.getByTestId('import-preview').innerText();
    for (const row of legacy.slice(0, 5)) expect(preview).toContain(row.fullName);
    await p.getByTestId('import-commit').click();
    await p.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await figure(p, 'create')).toBe(20);

    await p.goto(`${app.url}/people?q=${encodeURIComponent(searchKey(legacy[0].fullName))}`);
    const rows = p.getByTestId('people-list').locator('[data-row-key]');
    await expect.poll(() => rows.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(legacy[0].fullName)]));
    expect(errors).toEqual([]);
  });

  it('an attendance list: the training entered in the wizard, every attendee found, verified records', async () => {
    const p = page!;
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.mergeCells('A1:F1');
    ws.getCell('A1').value = 'DANH SÁCH HỌC VIÊN LỚP BỒI DƯỠNG KỸ NĂNG SỐ';
    ws.getRow(3).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Đơn vị công tác', 'Số tiết'];
    ws.getRow(4).values = [1, good[0].fullName, null, good[0].citizenId, good[0].unit, 12];
    ws.getRow(5).values = [2, good[1].fullName, good[1].birthDate.split('-').reverse().join('/'), null, good[1].unit, null];
    ws.getRow(6).values = ['Tổng cộng: 2 học viên'];
    await wb.xlsx.writeFile(path.join(dir, 'hoc-vien.xlsx'));

    await p.goto(`${app.url}/imports`);
    await p.getByTestId('import-kind-attendance').click();
    await chooseOrg(p, 'import-org', 'so tai chinh', AGENCY);
    await p.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(path.join(dir, 'hoc-vien.xlsx'));
    await p.getByTestId('import-upload-submit').click();
    await p.getByTestId('import-training').waitFor({ timeout: 30_000 });
    await p.setViewportSize({ width: PHONE_WIDTH, height: 740 });
    expect(await noSidewaysScroll(p)).toBe(true);
    await p.setViewportSize({ width: 1280, height: 800 });

    // Without the training's title and end date the check does not start.
    await p.getByTestId('import-check').click();
    await expect.poll(() => p.locator('#importTraining_training_title_help').count()).toBe(1);
    await p.locator('#importTraining_training_title').fill('Lớp bồi dưỡng kỹ năng số');
    await p.locator('#importTraining_training_endsOn').fill('08/05/2026');
    await p.locator('#importTraining_training_endsOn').press('Enter');
    await p.locator('#importTraining_training_hours').fill('16');
    await shootPhoneAndDesktop(p, 'import-attendance-training');
    await check(p);
    expect(await figure(p, 'create')).toBe(2);
    expect(await figure(p, 'errors')).toBe(0);
    expect(await p.getByTestId('import-training-facts').innerText()).toContain('Lớp bồi dưỡng kỹ năng số');
    await shootPhoneAndDesktop(p, 'import-attendance-checked');
    await p.getByTestId('import-commit').click();
    await p.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await figure(p, 'create')).toBe(2);
    const records = await p.evaluate(
      async (orgId) => (await fetch(`/api/v1/learning-records?orgId=${orgId}&year=2026&kind=course&pageSize=10`).then((r) => r.json())).items as { status: string; hours: number }[],
      agencyId,
    );
    expect(records.map((r) => [r.status, r.hours]).sort()).toEqual([
      ['verified', 12],
      ['verified', 16],
    ]);
    expect(errors).toEqual([]);
  });

  it('a registration list: the title and year entered in the wizard, three staff registered as learning citizens', async () => {
    const p = page!;
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đăng ký');
    ws.mergeCells('A1:E1');
    ws.getCell('A1').value = 'DANH SÁCH ĐĂNG KÝ CÔNG DÂN HỌC TẬP NĂM 2026';
    ws.getRow(3).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Đơn vị công tác'];
    for (const [i, r] of good.slice(2, 5).entries()) ws.getRow(4 + i).values = [i + 1, r.fullName, r.birthDate.split('-').reverse().join('/'), r.citizenId, r.unit];
    ws.getRow(7).values = ['Tổng cộng: 3 người'];
    await wb.xlsx.writeFile(path.join(dir, 'dang-ky.xlsx'));

    await p.goto(`${app.url}/imports`);
    await p.getByTestId('import-kind-titleRegistration').click();
    await chooseOrg(p, 'import-org', 'so tai chinh', AGENCY);
    await p.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(path.join(dir, 'dang-ky.xlsx'));
    await p.getByTestId('import-upload-submit').click();
    await p.getByTestId('import-registration').waitFor({ timeout: 30_000 });
    await p.setViewportSize({ width: PHONE_WIDTH, height: 740 });
    await expect.poll(() => noSidewaysScroll(p)).toBe(true);
    await shootPhoneAndDesktop(p, 'import-registration-settings');
    await p.setViewportSize({ width: 1280, height: 800 });
    // Công dân học tập of this year is the default.
    await check(p);
    expect(await figure(p, 'create')).toBe(3);
    expect(await figure(p, 'errors')).toBe(0);
    await p.getByTestId('import-commit').click();
    await p.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await figure(p, 'create')).toBe(3);
    await p.getByTestId('import-see-people').click();
    await p.waitForURL(/\/titles\?/);
    const cases = await p.evaluate(
      async (orgId) => (await fetch(`/api/v1/titles/registrations?orgId=${orgId}&year=2026&title=LEARNING_CITIZEN&pageSize=10`).then((r) => r.json())) as { total: number; items: { state: string }[] },
      agencyId,
    );
    expect(cases.total).toBe(3);
    expect(cases.items.every((c) => c.state === 'registered')).toBe(true);
    expect(errors).toEqual([]);
  });
});
