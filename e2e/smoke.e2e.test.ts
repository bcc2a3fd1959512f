/**
 * Smoke: the app starts as a user starts it, answers /api/health, and chromium renders the
 * web app's root page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser, saveScreenshotOnFailure, shoot, startApp, type StartedApp } from './harness.js';

describeWithBrowser('smoke', () => {
  let app: StartedApp | undefined;
  let browser: Browser | undefined;
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

  it('starts, answers /api/health and serves the web app', async () => {
    const health = await fetch(`${app!.url}/api/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as Record<string, unknown>;
    expect(body).toHaveProperty('engine');

    page = await browser!.newPage();
    await page.goto(app!.url, { waitUntil: 'load' });
    expect((await page.title()).toLowerCase()).toContain('hoctap');
    await shoot(page, 'smoke-home', 1280);
  });
});
