/**
 * Self-study plans in Chromium against the app started as a user starts it: a member writes and
 * submits a plan on a 360×740 phone; the unit head returns it with a comment; the member reads the
 * comment (through the bell), fixes the plan and submits it again; the head sees what changed and
 * approves it together with four colleagues' plans in one action; the member sees "Đã duyệt" and
 * the year-end report form. The administrator opens the learning year and gets the server's
 * check under the field. Every screen is shot at 360 and 1280 px; nothing scrolls sideways at 360.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { attribute, zipEntryText } from '../src/server/platform/documents/docx-reading.fixture.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser, logIn, noSidewaysScroll, saveScreenshotOnFailure, shoot, startApp, type StartedApp } from './harness.js';
import { ADMIN, AGENCY, COLLEAGUES, HEAD, MEMBER, seedPlans, staff, UNIT, YEAR, type SeededPlans } from './studyPlan-seed.js';

/** Waits up to 10 s for a value (acts write several rows and messages; the default second is short). */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });

/** Clicks a modal's button once the modal has finished opening. */
async function confirmIn(p: Page, testId: string): Promise<void> {
  await p.locator('.ant-modal:visible').last().waitFor();
  await p.waitForTimeout(300);
  await p.getByTestId(testId).click();
}

const RETURN_COMMENT = 'Bổ sung nội dung bồi dưỡng kỹ năng chuyển đổi số theo kế hoạch của Sở.';

/** Shoots test-results/screens/<name>-360.png and -1280.png, letting the layout settle at each width. */
async function shootBoth(p: Page, name: string): Promise<void> {
  const before = p.viewportSize();
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ]) {
    await p.setViewportSize({ width, height });
    // From the top: a full-page shot of a scrolled page draws the sticky header over the middle.
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.waitForTimeout(400);
    if (width === 360) expect(await noSidewaysScroll(p), `${name} scrolls sideways at 360 px`).toBe(true);
    await shoot(p, name, width);
  }
  if (before) await p.setViewportSize(before);
  await p.waitForTimeout(200);
}

describeWithBrowser('self-study plans: write, return, fix, approve many', () => {
  let app: StartedApp;
  let browser: Browser;
  let memberContext: BrowserContext;
  let headContext: BrowserContext;
  let member: Page;
  let head: Page;
  let page: Page | undefined;
  let seeded: SeededPlans;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp();
    seeded = await seedPlans(app.url);
    memberContext = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    headContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    member = await memberContext.newPage();
    head = await headContext.newPage();
    for (const p of [member, head]) p.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  saveScreenshotOnFailure(() => page);

  const state = (p: Page) => p.getByTestId('plan-workspace').getAttribute('data-state');
  const memberRow = (p: Page, name: string) => p.getByTestId('plan-members').locator('[data-row-key]', { hasText: name });

  it('a member writes and submits a plan on a 360 px phone', async () => {
    const p = (page = member);
    await logIn(p, app.url, MEMBER);
    await p.getByTestId('nav-open').click();
    await p.getByTestId('nav-my-plan').click();
    await p.waitForURL(/\/my-plan/);
    await poll(() => p.getByTestId('learning-year').innerText()).toContain('31/03/' + YEAR);
    await shootBoth(p, 'my-plan-start');

    await p.getByTestId('plan-start-button').click();
    await poll(() => state(p)).toBe('draft');
    await p.getByTestId('plan-goals').fill('Hoàn thành bồi dưỡng ngạch chuyên viên chính; đạt chứng chỉ tiếng Anh bậc 3.');
    await p.getByTestId('plan-line-add').click();
    const first = p.getByTestId('plan-line').nth(0);
    await first.getByTestId('line-content').fill('Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên chính');
    await first.getByTestId('line-provider').fill('Trường Chính trị tỉnh Đắk Lắk');
    await first.getByTestId('line-hours').fill('120');
    expect(await noSidewaysScroll(p)).toBe(true);

    // The commitment must be ticked to submit.
    await p.getByTestId('plan-submit').click();
    await poll(() => p.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('Hãy đánh dấu cam kết trước khi gửi duyệt.');
    await p.getByTestId('plan-commitment-confirm').check();
    await shootBoth(p, 'my-plan-editor');
    await p.getByTestId('plan-submit').click();
    await poll(() => state(p)).toBe('submitted');
    expect(await p.getByTestId('my-plan-state').innerText()).toBe('Chờ duyệt');
    expect(await p.getByTestId('plan-hint').innerText()).toContain('chờ lãnh đạo đơn vị duyệt');
    expect(await noSidewaysScroll(p)).toBe(true);
  });

  it('the unit head sees the queue and returns the plan with a comment', async () => {
    const p = (page = head);
    await logIn(p, app.url, HEAD);
    // The head heard of the member's plan and of the four colleagues' plans.
    await poll(() => p.getByTestId('notifications-bell').getAttribute('data-unread')).toBe('5');
    await p.getByTestId('notifications-bell').click();
    await poll(() => p.getByTestId('notification-item').count()).toBe(5);
    expect(await p.getByTestId('notification-item').first().innerText()).toContain(`${MEMBER.displayName} đã gửi kế hoạch tự học năm ${YEAR} để duyệt.`);
    await shoot(p, 'notifications', 1280);
    await p.getByTestId('notifications-bell').click();
    await p.getByTestId('nav-study-plans').click();
    await p.waitForURL(/\/study-plans/);
    await poll(() => p.getByTestId('plan-members').locator('[data-row-key]').count()).toBe(7);
    expect(await memberRow(p, MEMBER.displayName).innerText()).toContain('Chờ duyệt');
    expect(await p.getByTestId('plan-state-submitted').innerText()).toContain('5');
    await poll(() => p.getByTestId('plan-summary-chart').locator('svg').count()).toBeGreaterThan(0);

    // Mark-free search.
    await p.locator('#plan-search').fill('le minh khoa');
    await poll(() => p.getByTestId('plan-members').locator('[data-row-key]').count()).toBe(1);
    await memberRow(p, MEMBER.displayName).getByTestId('plan-member-name').click();
    await p.waitForURL(/\/study-plans\/[0-9a-f-]{36}$/);
    await poll(() => p.getByTestId('plan-acts').innerText()).toContain('Phê duyệt');

    await p.getByTestId('plan-act-return').click();
    await confirmIn(p, 'plan-act-ok');
    await poll(() => p.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('Vui lòng nhập thông tin này.');
    await p.getByTestId('plan-act-comment').fill(RETURN_COMMENT);
    await p.getByTestId('plan-act-ok').click();
    await poll(() => state(p)).toBe('returned');
    expect(await p.getByTestId('plan-page-state').innerText()).toBe('Trả lại để sửa');
  });

  it('the member reads the comment from the bell, fixes the plan and submits it again', async () => {
    const p = (page = member);
    await p.reload();
    await poll(() => p.getByTestId('notifications-bell').getAttribute('data-unread')).toBe('1');
    await p.getByTestId('notifications-bell').click();
    const item = p.getByTestId('notification-item').first();
    await poll(() => item.innerText()).toContain(RETURN_COMMENT);
    expect(await noSidewaysScroll(p)).toBe(true);
    await shoot(p, 'notifications', 360);
    await item.click();
    await p.waitForURL(/\/study-plans\/[0-9a-f-]{36}$/);
    await poll(() => p.getByTestId('plan-review-comment').innerText()).toContain(RETURN_COMMENT);
    await poll(() => p.getByTestId('notifications-bell').getAttribute('data-unread')).toBe('0');
    await shootBoth(p, 'my-plan-returned');

    // One line changed (its hours), one added.
    await p.getByTestId('plan-line').nth(0).getByTestId('line-hours').fill('100');
    await p.getByTestId('plan-line-add').click();
    const second = p.getByTestId('plan-line').nth(1);
    await second.getByTestId('line-content').fill('Kỹ năng số, chuyển đổi số trong cơ quan nhà nước');
    await second.getByTestId('line-hours').fill('24');
    await p.getByTestId('plan-commitment-confirm').check();
    await p.getByTestId('plan-submit').click();
    await poll(() => state(p)).toBe('submitted');
    expect(await noSidewaysScroll(p)).toBe(true);
  });

  it('the head sees what changed and approves it with four other plans in one action', async () => {
    const p = (page = head);
    await p.reload();
    await poll(() => p.getByTestId('plan-changes').innerText()).toContain('thêm 1, sửa 1, bỏ 0');
    expect(await p.getByTestId('plan-line-added').count()).toBe(1);
    expect(await p.getByTestId('plan-line-changed').count()).toBe(1);
    expect(await p.getByTestId('plan-changed-field').allInnerTexts()).toEqual(['100 giờ']);
    expect(await p.getByTestId('plan-review-comment').innerText()).toContain(RETURN_COMMENT);
    await shootBoth(p, 'plan-review');

    await p.getByTestId('plan-back').click();
    await p.waitForURL(/\/study-plans\?/);
    await poll(() => p.getByTestId('plan-members').locator('[data-row-key]').count()).toBe(7);
    for (const name of [MEMBER.displayName, ...COLLEAGUES]) {
      await memberRow(p, name).locator('input[type=checkbox]').check();
    }
    await poll(() => p.getByTestId('plan-approve-many').innerText()).toContain('Duyệt 5 kế hoạch');
    await shootBoth(p, 'study-plans');
    await p.getByTestId('plan-approve-many').click();
    await confirmIn(p, 'plan-approve-many-confirm');
    await poll(() => p.getByTestId('plan-state-approved').innerText()).toContain('5');
    for (const name of [MEMBER.displayName, ...COLLEAGUES]) {
      await poll(() => memberRow(p, name).innerText()).toContain('Đã duyệt');
    }
    await poll(() => p.getByTestId('plan-approved-share').innerText()).toContain('5/7');

    // A reminder for those who have not sent theirs: one without an account is counted apart.
    await p.getByTestId('plan-remind').click();
    await confirmIn(p, 'plan-remind-confirm');
    await poll(() => p.getByTestId('plan-remind-result').innerText()).toContain('Đã nhắc 0 người');
    expect(await p.getByTestId('plan-remind-result').innerText()).toContain('1 người chưa có tài khoản');
  });

  it('the member sees "Đã duyệt" and the year-end report form', async () => {
    const p = (page = member);
    await p.goto(`${app.url}/my-plan`);
    await poll(() => p.getByTestId('my-plan-state').innerText()).toBe('Đã duyệt');
    expect(await p.getByTestId('plan-history').innerText()).toContain('Phê duyệt');
    expect(await p.getByTestId('plan-history').innerText()).toContain(RETURN_COMMENT);
    await poll(() => p.getByTestId('report-line').count()).toBe(2);
    expect(await p.getByTestId('plan-lines').innerText()).toContain('Kỹ năng số');
    await shootBoth(p, 'my-plan-approved');
  });

  it('at year end the member sends the report and the head confirms the results', async () => {
    const p = (page = member);
    const pick = async (select: ReturnType<Page['getByTestId']>, option: string) => {
      await select.click();
      await p.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
      await poll(() => p.locator('.ant-select-dropdown:visible').count()).toBe(0);
    };
    const lines = p.getByTestId('report-line');
    for (const [i, percent] of ['100', '80'].entries()) {
      const line = lines.nth(i);
      await line.getByTestId('report-result').fill(i === 0 ? 'Hoàn thành lớp bồi dưỡng, có giấy chứng nhận.' : 'Hoàn thành 4/5 chuyên đề.');
      await line.getByTestId('report-percent').fill(percent);
      await pick(line.getByTestId('report-assessment'), i === 0 ? 'Hoàn thành tốt' : 'Hoàn thành');
    }
    await pick(p.getByTestId('report-overall'), 'Hoàn thành tốt');
    await p.getByTestId('report-send').click();
    await poll(() => state(p)).toBe('reported');
    expect(await p.getByTestId('plan-report').innerText()).toContain('Hoàn thành 4/5 chuyên đề.');
    expect(await noSidewaysScroll(p)).toBe(true);

    const h = (page = head);
    await h.goto(`${app.url}/study-plans?state=reported`);
    await memberRow(h, MEMBER.displayName).getByTestId('plan-member-name').click();
    await poll(() => h.getByTestId('plan-report').innerText()).toContain('80%');
    await h.getByTestId('plan-act-confirm').click();
    await confirmIn(h, 'plan-act-ok');
    await poll(() => state(h)).toBe('confirmed');

    await p.reload();
    await poll(() => p.getByTestId('my-plan-state').innerText()).toBe('Đã xác nhận kết quả');

    // A year the agency has not opened says so.
    await p.getByTestId('my-plan-year').click();
    await p.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${YEAR - 1}"]`).click();
    await poll(() => p.getByTestId('plan-no-year').innerText()).toContain(`Đơn vị chưa mở năm học tập ${YEAR - 1}`);
    expect(new URL(p.url()).searchParams.get('year')).toBe(String(YEAR - 1));
  });

  it('the member downloads the plan as a Word file in the official layout', async () => {
    const p = (page = member);
    await p.goto(`${app.url}/my-plan?year=${YEAR}`);
    await poll(() => p.getByTestId('my-plan-state').innerText()).toBe('Đã xác nhận kết quả');
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('plan-document').click()]);
    expect(download.suggestedFilename()).toMatch(/^ke-hoach-tu-hoc-\d{4}-.+\.docx$/);
    const docx = readFileSync((await download.path())!);
    const xml = zipEntryText(docx, 'word/document.xml');
    const text = xml.replace(/<w:br\/>/g, ' ').replace(/<[^>]+>/g, '');
    // A4 portrait with the decree's margins, Times New Roman, the two-column header, the type and summary.
    expect(attribute(xml, 'w:pgSz', 'w:w')).toBe(11906);
    expect(attribute(xml, 'w:pgSz', 'w:h')).toBe(16838);
    expect(attribute(xml, 'w:pgMar', 'w:left')).toBeGreaterThanOrEqual(1701);
    expect(zipEntryText(docx, 'word/styles.xml')).toContain('w:ascii="Times New Roman"');
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'KẾ HOẠCH', `Tự học, tự bồi dưỡng năm ${YEAR}`, 'CAM KẾT', 'DUYỆT CỦA THỦ TRƯỞNG ĐƠN VỊ', 'NGƯỜI LẬP KẾ HOẠCH', MEMBER.displayName, 'Kết quả thực hiện'.toUpperCase()]) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('w:orient="landscape"');
  });

  it('the administrator opens the learning year of a unit; a deadline out of order is refused under its field', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = (page = await context.newPage());
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, ADMIN);
    // An account without a staff record has no plan to write, and is told why.
    await p.goto(`${app.url}/my-plan`);
    await poll(() => p.getByTestId('plan-no-member').innerText()).toContain('chưa gắn với hồ sơ cán bộ');
    await p.goto(`${app.url}/study-plans`);
    await poll(() => p.getByTestId('ly-card').innerText()).toContain('31/03/' + YEAR);
    // The agency: a bar for each of its units, the share approved under each name.
    await poll(() => p.getByTestId('plan-summary-chart').locator('text', { hasText: 'Văn phòng Sở' }).count()).toBeGreaterThan(0);
    await poll(() => p.getByTestId('plan-approved-share').innerText()).toContain('5/9');
    await shootBoth(p, 'study-plans-agency');
    // The agency's own members: none yet; its units below in the chart.
    await p.getByTestId('plan-org-filter').click();
    await p.keyboard.type('to chuc');
    await p.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: UNIT }).first().click();
    await poll(() => p.getByTestId('ly-card').innerText()).toContain('Theo năm học tập do');
    await p.getByTestId('ly-edit').click();
    await p.getByTestId('ly-plan-deadline-input').fill(`15/04/${YEAR}`);
    await p.getByTestId('ly-plan-deadline-input').press('Enter');
    await p.getByTestId('ly-report-deadline-input').fill(`01/04/${YEAR}`);
    await p.getByTestId('ly-report-deadline-input').press('Enter');
    await p.getByTestId('ly-submit').click();
    await poll(() => p.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('Hạn báo cáo kết quả phải sau hạn nộp kế hoạch.');
    await shootBoth(p, 'plan-learning-year');
    await p.getByTestId('ly-report-deadline-input').fill(`15/12/${YEAR}`);
    await p.getByTestId('ly-report-deadline-input').press('Enter');
    await p.getByTestId('ly-submit').click();
    await poll(() => p.getByTestId('ly-plan-deadline').innerText()).toBe(`15/04/${YEAR}`);
    await poll(() => p.getByTestId('ly-card').innerText()).not.toContain('Theo năm học tập do');

    // English is one click away, and nothing Vietnamese-only remains in the chrome.
    await p.getByTestId('lang-en').click();
    await poll(() => p.locator('.page-title').innerText()).toBe('Review self-study plans');
    await shootBoth(p, 'study-plans-en');
    await p.getByTestId('lang-vi').click();
    await context.close();
    expect(errors).toEqual([]);
  });

  // ── Plan templates by position, the mandatory-training catalogue, a member's first page ──
  // (after the scenarios above: the accounts added here change the unit's counts.)

  const SECRETARIAT = { login: 'vanphong.so', password: 'VanPhongSo@2026x', displayName: 'Trương Thị Mai' };
  const NEW_MEMBER = { login: 'chuyenvien.moi', password: 'NgocAnh@2026x', displayName: 'Đặng Thị Ngọc Ánh' };
  const TEMPLATE = 'Kế hoạch tự học của chuyên viên';
  const TEMPLATE_LINE = 'Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên';

  /** A phone screenshot for the lead's review (/tmp/h7-<name>.png), from the top, checking nothing scrolls sideways. */
  async function phoneShot(p: Page, name: string): Promise<void> {
    const before = p.viewportSize();
    await p.setViewportSize({ width: 360, height: 740 });
    // From the top, and a drawer's form from its start.
    await p.evaluate(() => {
      window.scrollTo(0, 0);
      for (const body of document.querySelectorAll('.ant-drawer-body')) body.scrollTop = 0;
    });
    await p.waitForTimeout(400);
    expect(await noSidewaysScroll(p), `${name} scrolls sideways at 360 px`).toBe(true);
    await p.screenshot({ path: `/tmp/h7-${name}.png`, fullPage: true });
    if (before) await p.setViewportSize(before);
    await p.waitForTimeout(200);
  }

  it('the secretariat publishes a plan template for specialists, edits it and withdraws another', async () => {
    await staff(seeded.admin, app.url, seeded.agencyId, { fullName: SECRETARIAT.displayName, position: 'Chánh Văn phòng' }, { ...SECRETARIAT, role: 'secretariat' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = (page = await context.newPage());
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, SECRETARIAT);
    await p.getByTestId('nav-plan-templates').click();
    await p.waitForURL(/\/plan-templates/);
    await poll(() => p.getByTestId('plan-templates-page').innerText()).toContain(`mẫu kế hoạch năm ${YEAR}`);
    // The attendance import is theirs too: the imports page opens.
    expect(await p.getByTestId('nav-imports').count()).toBe(1);

    await p.getByTestId('tpl-add').click();
    const drawer = p.getByTestId('tpl-drawer');
    await drawer.waitFor();
    await drawer.getByTestId('tpl-title').fill(TEMPLATE);
    await drawer.getByTestId('tpl-positions').click();
    await p.keyboard.type('Chuyên viên');
    await p.keyboard.press('Enter');
    await drawer.getByTestId('tpl-goals').click();
    await drawer.getByTestId('tpl-goals').fill('Hoàn thành bồi dưỡng ngạch chuyên viên; sử dụng thành thạo các nền tảng số của tỉnh.');
    await drawer.getByTestId('plan-line').nth(0).getByTestId('line-content').fill(TEMPLATE_LINE);
    await drawer.getByTestId('plan-line').nth(0).getByTestId('line-hours').fill('40');
    await p.getByTestId('tpl-save').click();
    const row = (name: string) => p.getByTestId('plan-templates').locator('[data-row-key]', { hasText: name });
    await poll(() => row(TEMPLATE).innerText()).toContain('Chuyên viên');
    expect(await row(TEMPLATE).innerText()).toContain('1 nội dung');

    // Edit: a second line, shot on a phone with the drawer open.
    await row(TEMPLATE).getByTestId('tpl-edit').click();
    await drawer.waitFor();
    await drawer.getByTestId('plan-line-add').click();
    await drawer.getByTestId('plan-line').nth(1).getByTestId('line-content').fill('Kỹ năng số, chuyển đổi số trong cơ quan nhà nước');
    await phoneShot(p, 'template-editor-360');
    await p.getByTestId('tpl-save').click();
    await poll(() => row(TEMPLATE).innerText()).toContain('2 nội dung');

    // Another one for everyone, withdrawn at once.
    await p.getByTestId('tpl-add').click();
    await drawer.waitFor();
    await drawer.getByTestId('tpl-title').fill('Mẫu dùng thử');
    await drawer.getByTestId('plan-line').nth(0).getByTestId('line-content').fill('Đọc tài liệu chuyên môn');
    await p.getByTestId('tpl-save').click();
    await poll(() => row('Mẫu dùng thử').innerText()).toContain('Mọi chức vụ');
    await phoneShot(p, 'templates-360');
    await row('Mẫu dùng thử').getByTestId('tpl-delete').click();
    await p.getByTestId('tpl-delete-ok').click();
    await poll(() => row('Mẫu dùng thử').count()).toBe(0);
    expect(await row(TEMPLATE).count()).toBe(1);

    await p.goto(`${app.url}/imports`);
    await poll(() => p.locator('.page-title').first().innerText()).not.toBe('');
    expect(await p.getByTestId('no-access').count()).toBe(0);
    await context.close();
  });

  it('a member logs in, lands on /my-plan and starts the plan from the template of their position', async () => {
    await staff(seeded.admin, app.url, seeded.unitId, { fullName: NEW_MEMBER.displayName, position: 'Chuyên viên' }, { ...NEW_MEMBER, role: 'member' });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const p = (page = await context.newPage());
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, NEW_MEMBER);
    await p.waitForURL(/\/my-plan/);
    expect(new URL(p.url()).pathname).toBe('/my-plan');
    await poll(() => p.getByTestId('plan-start').innerText()).toContain(TEMPLATE);
    await p.getByTestId('plan-start-template').click();
    await p.getByTestId('plan-start-button').click();
    await poll(() => p.getByTestId('plan-workspace').getAttribute('data-state')).toBe('draft');
    await poll(() => p.getByTestId('plan-line').count()).toBe(2);
    expect(await p.getByTestId('plan-line').nth(0).getByTestId('line-content').inputValue()).toBe(TEMPLATE_LINE);
    expect(await p.getByTestId('plan-goals').inputValue()).toContain('nền tảng số của tỉnh');
    expect(await noSidewaysScroll(p)).toBe(true);
    await context.close();
  });

  it('the administrator adds a mandatory training for the agency, retires it and brings it back', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = (page = await context.newPage());
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, ADMIN);
    await p.getByTestId('nav-mandatory-trainings').click();
    await p.waitForURL(/\/mandatory-trainings/);
    const row = (code: string) => p.getByTestId('mandatory-trainings').locator('[data-row-key]', { hasText: code });
    // The deployment's entry from criteria/mandatory-training.json.
    await poll(() => row('BDBB-CBCCVC').innerText()).toContain('Toàn hệ thống');

    await p.getByTestId('mt-add').click();
    await p.locator('.ant-modal:visible').last().waitFor();
    await p.waitForTimeout(300);
    expect(await p.getByTestId('mt-scope').innerText()).toContain(AGENCY);
    await p.getByTestId('mt-code').fill('BD-CDS');
    await p.getByTestId('mt-kind').click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Bồi dưỡng chuyển đổi số' }).first().click();
    await p.getByTestId('mt-title').fill('Bồi dưỡng kỹ năng số cho cán bộ, công chức');
    await p.getByTestId('mt-hours').fill('8');
    await p.getByTestId('mt-legal-basis').fill('Kế hoạch chuyển đổi số của Sở');
    await phoneShot(p, 'mandatory-training-form-360');
    await p.getByTestId('mt-save').click();
    await poll(() => row('BD-CDS').innerText()).toContain(AGENCY);
    expect(await row('BD-CDS').innerText()).toContain('8 giờ');

    await row('BD-CDS').getByTestId('mt-retire').click();
    await p.getByTestId('mt-retire-ok').click();
    await poll(() => row('BD-CDS').getByTestId('mt-retired').count()).toBe(1);
    await phoneShot(p, 'mandatory-trainings-360');
    await row('BD-CDS').getByTestId('mt-restore').click();
    await poll(() => row('BD-CDS').getByTestId('mt-retired').count()).toBe(0);
    await context.close();
    expect(errors).toEqual([]);
  });
});
