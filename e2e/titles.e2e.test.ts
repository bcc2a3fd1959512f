/**
 * Learning titles in Chromium against the app started as a user starts it:
 * (a) a Sở user registers one of its phòng for Đơn vị học tập in a year of TT 22/2020, scores it on the
 *     case page and sees the band the server computes (86 → Tốt, 84,5 → Khá);
 * (b) a commune officer registers the twenty households of a hamlet in one action; once two adults of
 *     one household are recognised as Công dân học tập, that household's case shows the derived
 *     indicator (2/2 adults) with the two recognitions behind it; the officer accepts the submitted
 *     cases together and issues the recognition decision;
 * (c) a civil servant registers and self-assesses as Công dân học tập on a 360 px phone and submits;
 *     the unit head accepts it;
 * (d) the certificate's public verification page says valid, and revoked once the recognition is revoked.
 * Screens are shot at 360 and 1280 px into test-results/screens; nothing scrolls sideways at 360.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CriteriaSetDocument, IndicatorInput } from '../src/shared/criteria.js';
import { ApiClient } from './people-seed.js';
import { chooseOrg, describeWithBrowser, launchBrowser, logIn, noSidewaysScroll, saveScreenshotOnFailure, shoot, startApp, type StartedApp } from './harness.js';
import { COMMUNE, COMMUNE_OFFICER, HAMLET, HEAD, MEMBER, PHONG, SO, SO_USER, seedTitles, TT22_YEAR, YEAR, type SeededTitles } from './titles-seed.js';

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

async function confirmIn(p: Page, testId: string): Promise<void> {
  await p.locator('.ant-modal:visible').last().waitFor();
  await p.waitForTimeout(300);
  await p.getByTestId(testId).click();
}

async function shootBoth(p: Page, name: string): Promise<void> {
  const before = p.viewportSize();
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ]) {
    await p.setViewportSize({ width, height });
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.waitForTimeout(500);
    if (width === 360) expect(await noSidewaysScroll(p), `${name} scrolls sideways at 360 px`).toBe(true);
    await shoot(p, name, width);
  }
  if (before) await p.setViewportSize(before);
  await p.waitForTimeout(200);
}

interface CaseDetail {
  registration: { id: string; state: string };
  criteriaVersion: { id: string; document: CriteriaSetDocument } | null;
  derived: Record<string, { value: number | boolean | null }>;
}

/**
 * Inputs that meet every indicator of a document: full points, yes, 100 %, the top scale step; where
 * records propose another value, the team's reason for its own.
 */
function passingInputs(detail: CaseDetail): Record<string, IndicatorInput> {
  const inputs: Record<string, IndicatorInput> = {};
  for (const criterion of detail.criteriaVersion!.document.criteria) {
    for (const ind of criterion.indicators) {
      const value =
        ind.valueType === 'points'
          ? (ind.max ?? 10)
          : ind.valueType === 'boolean'
            ? true
            : ind.valueType === 'percent'
              ? 100
              : ind.valueType === 'ordinal'
                ? (ind.scale?.at(-1)?.code ?? null)
                : 1;
      inputs[ind.code] = {
        value,
        evidence: [{ kind: 'note', text: 'Biên bản họp thôn ngày 15/11' }],
        ...(detail.derived[ind.code] ? { overrideReason: 'Tổ đánh giá đã đối chiếu hồ sơ.' } : {}),
      };
    }
  }
  return inputs;
}

/**
 * Registers people as Công dân học tập (residents' group), self-assesses them with passing inputs,
 * submits, accepts, and issues a decision of the commune recognising them: through the API, as the
 * commune officer.
 */
async function recogniseCitizens(officer: ApiClient, seeded: SeededTitles, personIds: string[]): Promise<void> {
  const ids: string[] = [];
  for (const personId of personIds) {
    const reg = await officer.ok<{ id: string }>('POST', '/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_CITIZEN', subjectKind: 'person', subjectId: personId, citizenGroup: 'residents' });
    const detail = await officer.ok<CaseDetail>('GET', `/api/v1/titles/registrations/${reg.id}`);
    await officer.ok('PUT', `/api/v1/titles/registrations/${reg.id}/assessments/self`, { inputs: passingInputs(detail) });
    await officer.ok('POST', `/api/v1/titles/registrations/${reg.id}/submit`, {});
    await officer.ok('POST', `/api/v1/titles/registrations/${reg.id}/review`, { act: 'accept', comment: 'Đủ minh chứng.' });
    ids.push(reg.id);
  }
  const decision = await officer.ok<{ id: string }>('POST', '/api/v1/titles/decisions', {
    orgId: seeded.communeId,
    year: YEAR,
    title: 'LEARNING_CITIZEN',
    issuingBody: `Ủy ban nhân dân ${COMMUNE.replace('Xã', 'xã')}`,
    number: '20/QĐ-UBND',
    signedOn: `${YEAR}-11-01`,
    signerName: 'Y Khu Niê',
    signerPosition: 'Chủ tịch',
    registrationIds: ids,
  });
  await officer.ok('POST', `/api/v1/titles/decisions/${decision.id}/issue`, {});
}

/** Fills the case page's inputs: `points(code, max)` gives each points indicator its value. */
async function fillPoints(p: Page, doc: CriteriaSetDocument, points: (code: string, max: number) => number): Promise<void> {
  for (const criterion of doc.criteria) {
    for (const ind of criterion.indicators) {
      const row = p.locator(`[data-testid="title-assessment-self"] [data-testid="title-indicator"][data-code="${ind.code}"]`);
      const input = row.locator('input').first();
      await input.fill(String(points(ind.code, ind.max ?? 10)).replace('.', ','));
      await input.blur();
      const reason = row.getByTestId('title-override-reason');
      if (await reason.isVisible()) await reason.fill('Số liệu của tổ đánh giá, đã đối chiếu hồ sơ.');
    }
  }
}

describeWithBrowser('learning titles: register, assess, review, decide, verify', () => {
  let app: StartedApp;
  let browser: Browser;
  let seeded: SeededTitles;
  /** A page of its own browser context (its own session): a 1280 px desk, or a 360 px phone. */
  const deskPage = async () => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const phonePage = async () => (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  let page: Page | undefined;
  const errors: string[] = [];
  let certificateCode = '';
  let officer: ApiClient;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp();
    seeded = await seedTitles(app.url);
    officer = await new ApiClient(app.url).login(COMMUNE_OFFICER.login, COMMUNE_OFFICER.password);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  saveScreenshotOnFailure(() => page);

  it('(a) a Sở user scores one of its phòng as Đơn vị học tập under TT 22/2020: 86 → Tốt', async () => {
    const p = (page = await deskPage());
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, SO_USER);
    await p.goto(`${app.url}/titles?orgId=${seeded.soId}&year=${TT22_YEAR}`);
    await p.getByTestId('titles-register').click();
    await p.locator('.ant-modal:visible').waitFor();
    await p.getByTestId('title-register-title').click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Đơn vị học tập' }).click();
    await p.getByTestId('title-register-subjects').click();
    await p.keyboard.type('giao duc thuong');
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: PHONG }).click();
    await p.keyboard.press('Escape');
    await confirmIn(p, 'title-register-ok');
    await p.locator('.ant-modal:visible').waitFor({ state: 'detached' });

    await p.getByTestId('titles-list').getByTestId('title-row-subject').filter({ hasText: PHONG }).click();
    await p.waitForURL(/\/titles\/registrations\//);
    const id = p.url().split('/').pop()!;
    const detail = await seeded.so.ok<CaseDetail>('GET', `/api/v1/titles/registrations/${id}`);
    expect(detail.criteriaVersion?.document.source.document).toContain('22/2020');
    await poll(() => p.getByTestId('title-source').textContent()).toContain('22/2020');

    // 86 of 100: everything full but 14 points short in the largest criterion.
    const doc = detail.criteriaVersion!.document;
    const largest = doc.criteria.flatMap((c) => c.indicators).reduce((a, b) => ((b.max ?? 0) > (a.max ?? 0) ? b : a));
    await fillPoints(p, doc, (code, max) => (code === largest.code ? max - 14 : max));
    await p.getByTestId('title-assessment-save').click();
    await poll(() => p.getByTestId('title-result-total').textContent()).toContain('86');
    await poll(() => p.getByTestId('title-result-band').textContent()).toBe('Tốt');
    await poll(() => p.getByTestId('title-assessment-self').getAttribute('data-dirty')).toBe('false');
    await shootBoth(p, 'titles-unit-tt22');

    // 84,5: one and a half points more short (steps of 0,5) → Khá.
    await fillPoints(p, doc, (code, max) => (code === largest.code ? max - 15.5 : max));
    await p.getByTestId('title-assessment-save').click();
    await poll(() => p.getByTestId('title-result-total').textContent()).toContain('84,5');
    await poll(() => p.getByTestId('title-result-band').textContent()).toBe('Khá');

    // A levels set: the same phòng this year under TT 24/2023 — Mức độ 1, and what Mức độ 2 lacks.
    const levels = await seeded.so.ok<{ id: string }>('POST', '/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_UNIT', subjectKind: 'org', subjectId: seeded.phongId });
    const levelsDetail = await seeded.so.ok<CaseDetail>('GET', `/api/v1/titles/registrations/${levels.id}`);
    expect(levelsDetail.criteriaVersion?.document.engine).toBe('levels');
    const inputs = Object.fromEntries(
      Object.entries(passingInputs(levelsDetail)).map(([code, input]) => [code, typeof input.value === 'number' ? { ...input, value: 92 } : input]),
    );
    await seeded.so.ok('PUT', `/api/v1/titles/registrations/${levels.id}/assessments/self`, { inputs });
    await p.goto(`${app.url}/titles/registrations/${levels.id}`);
    await poll(() => p.getByTestId('title-result-level').getAttribute('data-level')).toBe('L1');
    await shootBoth(p, 'titles-unit-tt24');
    await p.close();
  });

  it('(b) a commune officer registers twenty households at once, sees a derived indicator, accepts and decides', async () => {
    const p = (page = await deskPage());
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, COMMUNE_OFFICER);
    await p.goto(`${app.url}/titles?orgId=${seeded.communeId}`);
    await p.getByTestId('titles-register').click();
    await p.locator('.ant-modal:visible').waitFor();
    await chooseOrg(p, 'title-register-org', 'thon 3', HAMLET);
    await p.getByTestId('title-register-select-all').click();
    await poll(() => p.getByTestId('title-register-count').textContent()).toContain('20');
    await shoot(p, 'titles-register-households', 1280);
    await confirmIn(p, 'title-register-ok');
    await p.locator('.ant-modal:visible').waitFor({ state: 'detached' });
    const families = p.locator('[data-testid="titles-summary-row"][data-key="LEARNING_FAMILY:"]');
    await poll(async () => (await families.getByTestId('titles-summary-registered').textContent()) ?? '').toContain('20/20');

    // The two adults of the first household are recognised as Công dân học tập (residents' group).
    await recogniseCitizens(officer, seeded, seeded.householdAdults[0]);

    // The households' self-assessments, as the hamlet's team enters them, then submitted.
    const list = await officer.ok<{ items: { id: string; subjectId: string }[]; total: number }>('GET', `/api/v1/titles/registrations?orgId=${seeded.communeId}&year=${YEAR}&title=LEARNING_FAMILY&pageSize=100`);
    expect(list.total).toBe(20);
    for (const r of list.items) {
      const detail = await officer.ok<CaseDetail>('GET', `/api/v1/titles/registrations/${r.id}`);
      await officer.ok('PUT', `/api/v1/titles/registrations/${r.id}/assessments/self`, { attributes: [], inputs: passingInputs(detail) });
      await officer.ok('POST', `/api/v1/titles/registrations/${r.id}/submit`, {});
    }

    // The first household's case: the derived indicator (2/2 adults hold the title) and its two sources.
    const first = list.items.find((r) => r.subjectId === seeded.householdIds[0])!;
    await p.goto(`${app.url}/titles/registrations/${first.id}`);
    const derived = p.getByTestId('title-derived').first();
    await derived.waitFor();
    await poll(() => derived.getByTestId('title-derived-value').textContent()).toContain('2/2');
    await poll(() => derived.getByTestId('title-derived-count').textContent()).toContain('2 bản ghi');
    await derived.getByTestId('title-derived-toggle').click();
    await poll(() => derived.getByTestId('title-derived-sources').locator('li').count()).toBe(2);
    await shootBoth(p, 'titles-household-case');

    // Accept all twenty together.
    await p.goto(`${app.url}/titles?orgId=${seeded.communeId}&state=submitted&pageSize=50`);
    await p.getByTestId('titles-list').locator('thead .ant-checkbox-input').check();
    await p.getByTestId('titles-accept-many').click();
    await confirmIn(p, 'titles-accept-many-confirm');
    await poll(async () => (await officer.ok<{ total: number }>('GET', `/api/v1/titles/registrations?orgId=${seeded.communeId}&year=${YEAR}&state=reviewed`)).total).toBe(20);
    await p.goto(`${app.url}/titles?orgId=${seeded.communeId}&title=LEARNING_FAMILY&state=reviewed`);
    await poll(() => p.getByTestId('titles-list').getByTestId('title-row-subject').count()).toBe(20);
    await shootBoth(p, 'titles-list');

    // The decision: drafted from the reviewed cases, numbered, signed, issued.
    await p.goto(`${app.url}/titles/decisions?orgId=${seeded.communeId}`);
    await p.getByTestId('decision-create').click();
    await p.locator('.ant-modal:visible').waitFor();
    await p.getByTestId('decision-title').click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Gia đình học tập' }).click();
    await p.getByTestId('decision-issuing-body').fill(`Ủy ban nhân dân ${COMMUNE.replace('Xã', 'xã')}`);
    await p.getByTestId('decision-number').fill('25/QĐ-UBND');
    await p.getByTestId('decision-signed-on').click();
    await p.keyboard.type(`15/12/${YEAR}`);
    await p.keyboard.press('Enter');
    await p.getByTestId('decision-signer').fill('Y Khu Niê');
    await p.getByTestId('decision-signer-position').fill('Chủ tịch');
    await p.getByTestId('decision-pick').locator('thead .ant-checkbox-input').check();
    await confirmIn(p, 'decision-create-ok');
    await p.waitForURL(/\/titles\/decisions\/[0-9a-f-]{36}/);
    await p.getByTestId('decision-issue').click();
    await confirmIn(p, 'decision-issue-ok');
    await poll(() => p.getByTestId('title-decision-page').getAttribute('data-state')).toBe('issued');
    await shootBoth(p, 'titles-decision');

    const recognitions = await officer.ok<{ items: { certificateCode: string }[]; total: number }>('GET', `/api/v1/titles/recognitions?orgId=${seeded.communeId}&year=${YEAR}&title=LEARNING_FAMILY`);
    expect(recognitions.total).toBe(20);
    certificateCode = recognitions.items[0].certificateCode;
    await p.close();
  });

  it('(c) a civil servant self-assesses as Công dân học tập on a 360 px phone; the unit head accepts', async () => {
    const p = (page = await phonePage());
    p.on('pageerror', (e) => errors.push(e.message));
    await logIn(p, app.url, MEMBER);
    await p.getByTestId('nav-open').click();
    await p.getByTestId('nav-my-titles').click();
    await p.waitForURL(/\/my-titles/);
    await p.getByTestId('my-citizen-register').click();
    await p.waitForURL(/\/titles\/registrations\//);
    const id = p.url().split('/').pop()!;
    const head = await new ApiClient(app.url).login(HEAD.login, HEAD.password);
    const detail = await head.ok<CaseDetail>('GET', `/api/v1/titles/registrations/${id}`);
    await fillPoints(p, detail.criteriaVersion!.document, (_code, max) => max - 1);
    await p.getByTestId('title-assessment-save').click();
    await poll(() => p.getByTestId('title-result').getAttribute('data-passed')).toBe('true');
    expect(await noSidewaysScroll(p)).toBe(true);
    await shoot(p, 'titles-citizen-self', 360);
    await p.getByTestId('title-act-submit').click();
    await confirmIn(p, 'title-act-ok');
    await poll(() => p.getByTestId('title-page').getAttribute('data-state')).toBe('submitted');

    const h = (page = await deskPage());
    h.on('pageerror', (e) => errors.push(e.message));
    await logIn(h, app.url, HEAD);
    await h.goto(`${app.url}/titles?orgId=${seeded.phongId}&state=submitted`);
    await h.getByTestId('titles-list').getByTestId('title-row-subject').filter({ hasText: MEMBER.displayName }).click();
    await h.waitForURL(/\/titles\/registrations\//);
    await h.getByTestId('title-tab-review').click();
    await poll(() => h.getByTestId('title-self-value').first().isVisible()).toBe(true);
    await shootBoth(h, 'titles-citizen-review');
    await h.getByTestId('title-act-accept').click();
    await h.getByTestId('title-act-comment').fill('Đủ minh chứng, đề nghị công nhận.');
    await confirmIn(h, 'title-act-ok');
    await poll(() => h.getByTestId('title-page').getAttribute('data-state')).toBe('reviewed');
    await h.close();

    // The member sees where the case stands, with the head's act in the history.
    await p.reload();
    await poll(() => p.getByTestId('title-page').getAttribute('data-state')).toBe('reviewed');
    await poll(() => p.getByTestId('title-history').locator('[data-act="accept"]').isVisible()).toBe(true);
    await p.goto(`${app.url}/my-titles`);
    await poll(() => p.getByTestId('my-citizen-state').getAttribute('data-state')).toBe('reviewed');
    await shootBoth(p, 'titles-my-titles');
    await p.close();
  });

  it('(d) the certificate verifies as valid, and as revoked once revoked', async () => {
    expect(certificateCode).not.toBe('');
    const anonymous = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const v = (page = await anonymous.newPage());
    await v.goto(`${app.url}/verify/${certificateCode}`);
    await poll(() => v.getByTestId('verify-status').getAttribute('data-status')).toBe('valid');
    await poll(async () => (await v.getByTestId('verify-status').textContent()) ?? '').toContain('Còn hiệu lực');
    await shoot(v, 'titles-verify-valid', 360);

    const p = (page = await deskPage());
    await logIn(p, app.url, COMMUNE_OFFICER);
    await p.goto(`${app.url}/titles/decisions?orgId=${seeded.communeId}&title=LEARNING_FAMILY&tab=recognitions`);
    const row = p.locator('[data-row-key]', { has: p.locator(`a[href$="${certificateCode}"]`) });
    await row.getByTestId('recognition-revoke').click();
    await p.getByTestId('recognition-revoke-reason').fill('Hộ gia đình vi phạm hương ước thôn, bị thu hồi theo đề nghị của Ban công tác Mặt trận.');
    await confirmIn(p, 'recognition-revoke-ok');
    await poll(async () => p.locator('[data-testid="recognition-status"][data-status="revoked"]').count()).toBeGreaterThan(0);
    await shootBoth(p, 'titles-recognitions');

    await v.reload();
    await poll(() => v.getByTestId('verify-status').getAttribute('data-status')).toBe('revoked');
    await poll(async () => (await v.getByTestId('verify-status').textContent()) ?? '').toMatch(/thu hồi/i);
    await shoot(v, 'titles-verify-revoked', 360);
    await anonymous.close();
    expect(errors).toEqual([]);
    void SO;
  });
});
