/**
 * People screens in Chromium against the app started as a user starts it: the secretariat
 * (Văn phòng Sở) finds "Nguyễn Văn Đức" by typing "nguyen van duc", opens the record, adds a
 * resident through the form, records an emulation year, moves two staff to another unit and
 * exports the list; on a 360 px phone the lists are cards and nothing scrolls sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser, saveScreenshotOnFailure, shootPhoneAndDesktop, startApp, type StartedApp, choose, chooseOrg, noSidewaysScroll, logIn } from './harness.js';
import { SECRETARIAT, seedPeople } from './people-seed.js';

describeWithBrowser('people: staff and residents, records, households', () => {
  let app: StartedApp;
  let browser: Browser;
  let page: Page | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp();
    await seedPeople(app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  saveScreenshotOnFailure(() => page);

  const rows = (p: Page) => p.getByTestId('people-list').locator('[data-row-key]');

  it('the secretariat finds "Nguyễn Văn Đức" by typing "nguyen van duc" and opens the record', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const p = page;
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, SECRETARIAT);
    await p.getByTestId('nav-people').click();
    await p.waitForURL(/\/people/);
    await expect.poll(() => rows(p).count()).toBe(12);

    await p.locator('#people-search').fill('nguyen van duc');
    await expect.poll(() => rows(p).allInnerTexts()).toEqual([expect.stringContaining('Nguyễn Văn Đức')]);
    expect(new URL(p.url()).searchParams.get('q')).toBe('nguyen van duc');
    expect(await rows(p).first().innerText()).toContain('Phòng Quản lý ngân sách');
    await shootPhoneAndDesktop(p, 'people-search');

    // The search stays in the URL: a reload shows the same list.
    await p.reload();
    await expect.poll(() => rows(p).count()).toBe(1);
    await expect.poll(() => p.locator('#people-search').inputValue()).toBe('nguyen van duc');

    await rows(p).first().getByTestId('person-name').click();
    await p.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await expect.poll(() => p.locator('.page-title').innerText()).toBe('Nguyễn Văn Đức');
    const work = p.getByTestId('person-memberships');
    await expect.poll(() => work.innerText()).toContain('Phòng Quản lý ngân sách');
    expect(await work.innerText()).toContain('Trưởng phòng');
    expect(await p.getByTestId('person-identity').innerText()).toContain('15/03/1980');
    await shootPhoneAndDesktop(p, 'person');
  });

  it('records an emulation year on the person page', async () => {
    const p = page!;
    await p.getByTestId('emulation-add').click();
    await choose(p, '[data-testid="emulation-title"]', 'Chiến sĩ thi đua cơ sở');
    await choose(p, '[data-testid="emulation-discipline"]', 'Chấp hành tốt');
    await p.getByTestId('emulation-submit').click();
    const year = String(new Date().getFullYear() - 1);
    await expect.poll(() => p.getByTestId('person-emulation').innerText()).toContain('Chiến sĩ thi đua cơ sở');
    expect(await p.getByTestId('person-emulation').innerText()).toContain(year);
  });

  it('adds a resident through the form; a citizen ID already recorded is refused under its field', async () => {
    const p = page!;
    await p.goto(`${app.url}/people?tab=resident`);
    await expect.poll(() => rows(p).count()).toBe(6);
    await p.getByTestId('person-create').click();
    await p.locator('#personForm_fullName').fill('Huỳnh Thị Bé Ba');
    await p.locator('#personForm_birthDate').fill('05/05/1999');
    await p.locator('#personForm_birthDate').press('Enter');
    await choose(p, '#personForm_sex', 'Nữ');
    await p.locator('#personForm_ethnicity').fill('Kinh');
    await chooseOrg(p, 'person-form-residence', 'co trang', 'Ấp Cờ Trắng');
    // The citizen ID of Nguyễn Văn Đức (seed serial 101).
    await p.locator('#personForm_citizenId').fill('062800000101');
    await p.getByTestId('person-form-submit').click();
    await expect
      .poll(() => p.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('CCCD')]));
    await shootPhoneAndDesktop(p, 'person-form-error');
    await p.locator('#personForm_citizenId').fill('');
    await p.getByTestId('person-form-submit').click();
    await p.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await expect.poll(() => p.locator('.page-title').innerText()).toBe('Huỳnh Thị Bé Ba');
    expect(await p.getByTestId('person-identity').innerText()).toContain('05/05/1999');
    expect(await p.getByTestId('person-residence').innerText()).toContain('Ấp Cờ Trắng');
  });

  it('moves two staff to another unit from a date (a job), then exports the list', async () => {
    const p = page!;
    await p.goto(`${app.url}/people`);
    await expect.poll(() => rows(p).count()).toBe(12);
    for (const name of ['Trần Thị Hồng', 'Hoàng Thị Mai']) {
      await rows(p).filter({ hasText: name }).locator('input[type=checkbox]').check();
    }
    await expect.poll(() => p.getByTestId('people-selected-count').innerText()).toContain('2');
    await p.getByTestId('people-bulk-move').click();
    await chooseOrg(p, 'bulk-target', 'van phong', 'Văn phòng Sở');
    await p.getByTestId('bulk-submit').click();
    await expect.poll(() => p.getByTestId('job-progress').getAttribute('data-job-state'), { timeout: 30_000 }).toBe('succeeded');
    await expect.poll(() => rows(p).filter({ hasText: 'Trần Thị Hồng' }).innerText()).toContain('Văn phòng Sở');
    expect(await rows(p).filter({ hasText: 'Hoàng Thị Mai' }).innerText()).toContain('Văn phòng Sở');
    await p.getByTestId('job-dismiss').click();

    await p.getByTestId('people-export').click();
    await expect.poll(() => p.getByTestId('job-progress').getAttribute('data-job-state'), { timeout: 30_000 }).toBe('succeeded');
    const href = await p.getByTestId('job-download').getAttribute('href');
    const file = await p.evaluate(async (url) => {
      const res = await fetch(url!);
      return { status: res.status, type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength };
    }, href);
    expect(file).toMatchObject({ status: 200, type: expect.stringContaining('spreadsheetml') });
    await shootPhoneAndDesktop(p, 'people-export');
    await p.getByTestId('job-dismiss').click();
  });

  it('on a 360 px phone: cards, folded filters, households and clans, nothing scrolls sideways', async () => {
    const p = page!;
    await p.setViewportSize({ width: 360, height: 740 });
    await p.goto(`${app.url}/people?tab=resident`);
    await expect.poll(() => p.getByTestId('people-list-card').count()).toBe(7);
    expect(await noSidewaysScroll(p)).toBe(true);
    // Filters are folded behind one button; a filter goes into the URL.
    await p.getByTestId('people-filters-toggle').click();
    await choose(p, '[data-testid="people-filter-sex"]', 'Nữ');
    await expect.poll(() => new URL(p.url()).searchParams.get('sex')).toBe('female');
    await expect.poll(() => p.getByTestId('people-list-card').count()).toBe(4);
    expect(await noSidewaysScroll(p)).toBe(true);
    await shootPhoneAndDesktop(p, 'people-residents-female');

    await p.setViewportSize({ width: 360, height: 740 });
    await p.getByTestId('nav-open').click();
    await p.getByTestId('nav-households').click();
    await p.waitForURL(/\/households/);
    await expect.poll(() => p.getByTestId('household-list-card').count()).toBe(2);
    expect(await noSidewaysScroll(p)).toBe(true);
    await shootPhoneAndDesktop(p, 'households');
    await p.setViewportSize({ width: 360, height: 740 });
    await p.getByTestId('household-code').first().click();
    await p.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    await expect.poll(() => p.getByTestId('household-members').innerText()).toContain('Danh Sà Phên');
    expect(await noSidewaysScroll(p)).toBe(true);
    await shootPhoneAndDesktop(p, 'household');

    await p.goto(`${app.url}/households?tab=clans`);
    await p.getByTestId('clan-name').first().click();
    await p.waitForURL(/\/clans\/[0-9a-f-]{36}$/);
    await expect.poll(() => p.getByTestId('clan-household-list').innerText()).toContain('Kiên Thị Sa Rươne');
    expect(await noSidewaysScroll(p)).toBe(true);
    await shootPhoneAndDesktop(p, 'clan');

    // English is one click away.
    await p.goto(`${app.url}/people`);
    await p.getByTestId('lang-en').click();
    await expect.poll(() => p.locator('.page-title').innerText()).toBe('People');
    await shootPhoneAndDesktop(p, 'people-en');
    await p.getByTestId('lang-vi').click();
    expect(errors).toEqual([]);
  });
});
