/**
 * Reorganisation in Chromium against the app started as a user starts it: a district with three
 * communes (hamlets, a resident registered on a commune itself, a commune officer, a role grant on
 * a commune); the administrator opens "Sắp xếp…" from a commune's panel, merges two communes into
 * a new one, reads the preview (units, counts, records that follow, warnings), applies it and finds
 * the new commune in the tree with its "Lịch sử sắp xếp". The split and transfer forms, the import
 * of units and every screen are also shot on a 360 px phone, where nothing scrolls sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser, saveScreenshotOnFailure, shootPhoneAndDesktop, startApp, type StartedApp, noSidewaysScroll, logIn, chooseOrg } from './harness.js';
import { ApiClient } from './people-seed.js';

const ADMIN = { login: 'quantri', password: 'AnGiang2026!x', displayName: 'Lâm Văn Phước' };
const PROVINCE = 'Tỉnh An Giang';
const DISTRICT = 'Huyện Kiên Lương';
const COMMUNES: Record<string, string[]> = {
  'Xã Bình An': ['Ấp Ba Hòn', 'Ấp Hòn Chông'],
  'Xã Bình Trị': ['Ấp Bãi Giếng', 'Ấp Hòa Phầu'],
  'Xã Hòa Điền': ['Ấp Kiên Tân'],
};
const NEW_COMMUNE = 'Xã Kiên Lương';
const DECISION = 'Nghị quyết 1654/NQ-UBTVQH15';

interface Seeded {
  admin: ApiClient;
  ids: Record<string, string>;
}

/** Setup (the province), the district with its communes and hamlets, a resident, an officer, a grant. */
async function seed(baseUrl: string): Promise<Seeded> {
  const admin = new ApiClient(baseUrl);
  const setup = await admin.ok<{ user: { homeOrg: { id: string } } }>('POST', '/api/v1/setup', {
    org: { name: PROVINCE, kindCode: 'province' },
    admin: { displayName: ADMIN.displayName, login: ADMIN.login, password: ADMIN.password, passwordConfirm: ADMIN.password },
  });
  const ids: Record<string, string> = { [PROVINCE]: setup.user.homeOrg.id };
  const org = async (parent: string, name: string, kindCode: string) => {
    ids[name] = (await admin.ok<{ id: string }>('POST', '/api/v1/orgs', { parentId: ids[parent], name, kindCode })).id;
  };
  await org(PROVINCE, DISTRICT, 'district');
  for (const [commune, hamlets] of Object.entries(COMMUNES)) {
    await org(DISTRICT, commune, 'commune');
    for (const hamlet of hamlets) await org(commune, hamlet, 'hamlet');
  }
  // Registered on the commune itself (no hamlet given): follows the commune's successor.
  await admin.ok('POST', '/api/v1/people', { fullName: 'Thạch Thị Sa Rết', birthDate: '1979-04-02', sex: 'female', ethnicity: 'Khmer', residenceOrgId: ids['Xã Bình Trị'] });
  // A resident of a hamlet: moves with the hamlet, nothing to transfer.
  await admin.ok('POST', '/api/v1/people', { fullName: 'Danh Út', birthDate: '1990-10-10', sex: 'male', ethnicity: 'Khmer', residenceOrgId: ids['Ấp Ba Hòn'] });
  await admin.ok('POST', '/api/v1/people', {
    fullName: 'Nguyễn Thanh Tâm',
    birthDate: '1986-05-19',
    sex: 'male',
    ethnicity: 'Kinh',
    membership: { orgId: ids['Xã Bình An'], category: 'cong_chuc', position: 'Công chức Văn phòng – Thống kê', isLeader: false, validFrom: '2018-03-01' },
  });
  const user = await admin.ok<{ id: string }>('POST', '/api/v1/users', { login: 'ubnd.binhan', displayName: 'Nguyễn Thanh Tâm', homeOrgId: ids['Xã Bình An'], password: 'TamThoi2026x' });
  await admin.ok('POST', `/api/v1/users/${user.id}/grants`, { orgId: ids['Xã Bình An'], role: 'secretariat' });
  return { admin, ids };
}

describeWithBrowser('reorganisation: merge two communes through the screen, with preview and lineage', () => {
  let app: StartedApp;
  let browser: Browser;
  let page: Page | undefined;
  let seeded: Seeded;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp();
    seeded = await seed(app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  saveScreenshotOnFailure(() => page);

  /** Picks an organisation, then closes the (multiple) tree select. */
  async function chooseOrgAndClose(p: Page, testId: string, query: string, name: string) {
    await chooseOrg(p, testId, query, name);
    await p.keyboard.press('Escape');
  }

  const texts = (p: Page, testId: string) => p.getByTestId(testId).allInnerTexts();
  const figure = async (p: Page, testId: string) => Number(await p.getByTestId(testId).getAttribute('data-value'));

  /** Shoots the page at 360 and 1280 px, checking that the phone has no sideways scroll. */
  async function shootBoth(p: Page, name: string) {
    await p.setViewportSize({ width: 360, height: 740 });
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.waitForTimeout(300);
    expect(await noSidewaysScroll(p), `${name} at 360 px scrolls sideways`).toBe(true);
    await shootPhoneAndDesktop(p, name);
  }

  it('opens the screen from a commune, previews the merge and shows what will happen', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const p = page;
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, ADMIN);
    await p.getByTestId('nav-reorganisations').waitFor();

    await p.goto(`${app.url}/orgs?id=${seeded.ids['Xã Bình An']}`);
    await expect.poll(() => p.getByTestId('org-detail-name').innerText()).toBe('Xã Bình An');
    // No reorganisation yet: no history section.
    expect(await p.getByTestId('org-lineage').count()).toBe(0);
    await p.getByTestId('org-reorganise').click();
    await p.waitForURL(/\/reorganisations\?orgId=/);
    await expect.poll(() => p.getByTestId('reorg-predecessors').innerText()).toContain('Xã Bình An');
    // The new unit starts like the commune it replaces: same kind, same parent.
    await expect.poll(() => p.getByTestId('reorg-successor-parent').innerText()).toContain(DISTRICT);
    expect(await p.getByTestId('reorg-successor-kind').innerText()).toContain('Xã');
    await shootBoth(p, 'reorg-form');

    // One unit only: the server's message lands under the units.
    await p.locator('#reorg_successor_name').fill(NEW_COMMUNE);
    await p.getByTestId('reorg-preview-submit').click();
    await expect.poll(() => p.locator('#reorg_predecessorIds_help').innerText()).not.toBe('');

    await chooseOrgAndClose(p, 'reorg-predecessors', 'binh tri', 'Xã Bình Trị');
    await expect.poll(() => p.locator('#reorg_predecessorIds_help').count()).toBe(0);
    await p.locator('#reorg_effectiveDate').fill('01/07/2025');
    await p.locator('#reorg_effectiveDate').press('Enter');
    await p.locator('#reorg_decisionRef').fill(DECISION);
    await p.locator('#reorg_note').fill('Khoản 20 Điều 1');
    await p.getByTestId('reorg-preview-submit').click();

    await p.getByTestId('reorg-preview').waitFor();
    expect(await texts(p, 'reorg-created-item')).toEqual([expect.stringContaining(NEW_COMMUNE)]);
    expect((await texts(p, 'reorg-created-item'))[0]).toContain(DISTRICT);
    const moved = await texts(p, 'reorg-moved-item');
    expect(moved).toHaveLength(4);
    expect(moved.join('\n')).toContain('Ấp Hòa Phầu');
    expect(await texts(p, 'reorg-closed-item')).toEqual([expect.stringContaining('Xã Bình An'), expect.stringContaining('Xã Bình Trị')]);
    expect(await p.getByTestId('reorg-closed').innerText()).toContain('01/07/2025');
    expect(await texts(p, 'reorg-lineage-item')).toEqual([
      expect.stringMatching(/Xã Bình An\s*Xã Kiên Lương/),
      expect.stringMatching(/Xã Bình Trị\s*Xã Kiên Lương/),
    ]);
    expect(await figure(p, 'reorg-figures-created')).toBe(1);
    expect(await figure(p, 'reorg-figures-moved')).toBe(4);
    expect(await figure(p, 'reorg-figures-closed')).toBe(2);
    expect(await figure(p, 'reorg-impacts-memberships')).toBe(1);
    expect(await figure(p, 'reorg-impacts-residents')).toBe(1);
    expect(await figure(p, 'reorg-impacts-households')).toBe(0);
    expect(await p.getByTestId('reorg-warnings').innerText()).toContain('Xã Bình An');
    await shootBoth(p, 'reorg-preview');

    // A change to the plan withdraws the preview.
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.locator('#reorg_note').fill('Khoản 20 Điều 1 Nghị quyết');
    await expect.poll(() => p.getByTestId('reorg-preview').count()).toBe(0);
    await p.getByTestId('reorg-preview-submit').click();
    await p.getByTestId('reorg-preview').waitFor();
  });

  it('applies it after a confirmation and lists it among the reorganisations', async () => {
    const p = page!;
    await p.getByTestId('reorg-apply').click();
    await p.getByTestId('reorg-apply-confirm').click();
    await p.getByTestId('reorg-done').waitFor({ timeout: 30_000 });
    expect(await p.getByTestId('reorg-done').innerText()).toContain('01/07/2025');
    expect(await figure(p, 'reorg-impacts-memberships')).toBe(1);
    await expect.poll(() => p.getByTestId('reorg-history').locator('[data-row-key]').count()).toBe(1);
    const row = await p.getByTestId('reorg-history').locator('[data-row-key]').first().innerText();
    expect(row).toContain(DECISION);
    expect(row).toContain('01/07/2025');
    await expect.poll(() => p.getByTestId('reorg-history').innerText()).toMatch(/Xã Bình (An|Trị), Xã Bình (An|Trị)\s*→\s*Xã Kiên Lương/);
    await shootBoth(p, 'reorg-done');
  });

  it('shows the new commune in the tree with its hamlets and the lineage, both ways', async () => {
    const p = page!;
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.getByTestId('reorg-see-tree').click();
    await p.waitForURL(/\/orgs\?id=/);
    await expect.poll(() => p.getByTestId('org-detail-name').innerText()).toBe(NEW_COMMUNE);
    const newId = new URL(p.url()).searchParams.get('id')!;
    const tree = p.getByTestId('org-tree');
    await expect.poll(() => tree.innerText()).toContain(NEW_COMMUNE);
    expect(await tree.innerText()).toContain('Xã Hòa Điền');
    expect(await tree.innerText()).not.toContain('Xã Bình Trị');
    const names = async (path: string) => (await seeded.admin.ok<{ items: { name?: string; fullName?: string }[] }>('GET', path)).items.map((i) => i.name ?? i.fullName).sort();
    expect(await names(`/api/v1/orgs?parentId=${newId}`)).toEqual([...COMMUNES['Xã Bình An'], ...COMMUNES['Xã Bình Trị']].sort());
    expect(await names(`/api/v1/people?orgId=${newId}`)).toEqual(['Nguyễn Thanh Tâm']);
    expect(await names(`/api/v1/people?kind=resident&orgId=${newId}`)).toEqual(['Danh Út', 'Thạch Thị Sa Rết']);

    const lineage = p.getByTestId('org-lineage');
    await expect.poll(() => lineage.getByTestId('org-lineage-item').count()).toBe(2);
    expect(await lineage.innerText()).toContain('Xã Bình An');
    expect(await lineage.innerText()).toContain('Hợp nhất từ 01/07/2025');
    expect(await lineage.innerText()).toContain(DECISION);
    await shootBoth(p, 'org-lineage-new');

    // The old commune: closed, its lineage leads to the new one.
    await p.setViewportSize({ width: 1280, height: 800 });
    await lineage.getByRole('link', { name: 'Xã Bình Trị' }).click();
    await expect.poll(() => p.getByTestId('org-detail-name').innerText()).toBe('Xã Bình Trị');
    expect(await p.getByTestId('org-detail-closed').isVisible()).toBe(true);
    await expect.poll(() => p.getByTestId('org-lineage-successors').innerText()).toContain(NEW_COMMUNE);
    expect(await p.getByTestId('org-reorganise').count()).toBe(0);
    await shootBoth(p, 'org-lineage-old');
  });

  it('the split and transfer forms fit a phone; units can be imported; the audit names the reorganisation', async () => {
    const p = page!;
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.goto(`${app.url}/reorganisations`);
    await p.getByTestId('reorg-kind-split').click();
    await chooseOrgAndClose(p, 'reorg-split-unit', 'kien luong', NEW_COMMUNE);
    await expect.poll(() => p.getByTestId('reorg-assign-row').count()).toBe(4);
    await p.locator('#reorg_successors_0_name').fill('Xã Kiên Lương Bắc');
    await p.locator('#reorg_successors_1_name').fill('Xã Kiên Lương Nam');
    await shootBoth(p, 'reorg-split-form');

    await p.setViewportSize({ width: 1280, height: 800 });
    await p.getByTestId('reorg-kind-transfer').click();
    // The unit chosen for the split is carried over.
    await expect.poll(() => p.getByTestId('reorg-units').innerText()).toContain(NEW_COMMUNE);
    await chooseOrgAndClose(p, 'reorg-new-parent', 'an giang', PROVINCE);
    await p.getByTestId('reorg-dissolve').check();
    await p.getByTestId('reorg-preview-submit').click();
    await p.getByTestId('reorg-preview').waitFor();
    expect(await texts(p, 'reorg-closed-item')).toEqual([expect.stringContaining(DISTRICT)]);
    await shootBoth(p, 'reorg-transfer-preview');

    // An administrator (org.manage) may also import units from Excel.
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.goto(`${app.url}/imports`);
    await p.getByTestId('import-kind-orgs').click();
    expect(await p.getByTestId('import-template').getAttribute('href')).toBe('/api/v1/imports/templates/orgs');
    expect(await p.getByTestId('import-upload').innerText()).toContain('Đơn vị nhận');
    await shootBoth(p, 'import-upload-orgs');

    await p.setViewportSize({ width: 1280, height: 800 });
    await p.goto(`${app.url}/audit`);
    await expect.poll(() => p.getByTestId('audit-table').innerText()).toContain('Sắp xếp đơn vị');
    expect(errors).toEqual([]);
  });
});
