/**
 * Helpers for browser scenarios: start the app the way a user does (`node scripts/start.mjs`
 * in the repository root, with its own empty DATA_DIR and a free port), drive Debian's
 * chromium with playwright-core, and keep screenshots.
 *
 *   import { afterAll, beforeAll, expect, it } from 'vitest';
 *   import { describeWithBrowser, launchBrowser, saveScreenshotOnFailure, startApp } from './harness.js';
 *
 *   describeWithBrowser('sign in', () => {
 *     let app: StartedApp; let browser: Browser; let page: Page | undefined;
 *     beforeAll(async () => { app = await startApp(); browser = await launchBrowser(); });
 *     afterAll(async () => { await browser?.close(); await app?.stop(); });
 *     saveScreenshotOnFailure(() => page);
 *     it('…', async () => { page = await browser.newPage(); await page.goto(app.url); … });
 *   });
 *
 * Without /usr/bin/chromium the scenarios are skipped ("Browser leg SKIPPED: …"), unless
 * HOCTAP_REQUIRE_ALL_LEGS=1, where launchBrowser() fails instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterEach, describe } from 'vitest';

/** The repository root (this file lives in <root>/e2e). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const resultsDir = path.join(repoRoot, 'test-results');
export const screensDir = path.join(resultsDir, 'screens');

export const CHROMIUM_PATH = process.env.HOCTAP_CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

const requireAllLegs = process.env.HOCTAP_REQUIRE_ALL_LEGS === '1';
const MISSING_BROWSER = `${CHROMIUM_PATH} not found (install the Debian package chromium)`;

/** Why browser scenarios cannot run here, or undefined when they can (or must: CI). */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH) || requireAllLegs) return undefined;
  return `Browser leg SKIPPED: ${MISSING_BROWSER}`;
}

/**
 * `describe` that is skipped when no browser is available (see browserSkipReason(); the test
 * summary prints the reason once).
 */
export const describeWithBrowser = describe.skipIf(browserSkipReason() !== undefined);

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      requireAllLegs
        ? `Browser leg FAILED: ${MISSING_BROWSER}; HOCTAP_REQUIRE_ALL_LEGS=1 requires it`
        : `Browser leg SKIPPED: ${MISSING_BROWSER}`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface StartedApp {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The app's DATA_DIR (a fresh temporary folder, removed by stop()). */
  dataDir: string;
  /** SIGTERM, wait (SIGKILL after 10 s), remove the data folder. Safe to call twice. */
  stop(): Promise<void>;
  /** Everything the app printed so far (stdout and stderr, colour codes removed, last ~2 MB). */
  logs(): string;
}

// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

/** The environment a user's shell would give the app: no vitest or test-leg variables. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key.startsWith('HOCTAP_TEST_') || key === 'NODE_ENV' || key === 'DATABASE_URL' || key === 'TEST') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the app and anything it spawned (vite build, …)
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Starts `node scripts/start.mjs` with PORT, HOST=127.0.0.1 and a fresh DATA_DIR (plus
 * `opts.env`), and resolves once GET /api/health answers 200. The first start may build the
 * web app, hence the 120 s default timeout.
 */
export async function startApp(opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<StartedApp> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hoctap-e2e-data-'));
  const url = `http://127.0.0.1:${port}`;
  const env = userEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...opts.env });

  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() also ends what the app spawned
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8').replace(ANSI_ESCAPE, '');
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let stopped = false;
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    process.removeListener('exit', killOnExit);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the app exited (code ${child.exitCode}, signal ${child.signalCode}) before /api/health answered`);
      }
      if (Date.now() > deadline) {
        throw new Error(`GET ${url}/api/health did not answer 200 within ${timeoutMs / 1000} s (${lastProblem})`);
      }
      try {
        const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) break;
        lastProblem = `status ${response.status}`;
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- app output (last 4000 chars) ---\n${output.slice(-4000)}`);
  }

  return { url, port, dataDir, stop, logs: () => output };
}

function fileSafe(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'screenshot'
  );
}

/** Saves test-results/<name>.png (full page). Never throws: a failed test must stay the error. */
export async function screenshotOnFailure(page: Page | undefined, name: string): Promise<string | undefined> {
  if (!page || page.isClosed()) return undefined;
  const file = path.join(resultsDir, `${fileSafe(name)}.png`);
  try {
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    console.log(`screenshot of the failed test: ${path.relative(repoRoot, file)}`);
    return file;
  } catch (error) {
    console.log(`could not save a screenshot for "${name}": ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * Registers an afterEach (in the current describe) that saves test-results/<test name>.png
 * when the test failed. `getPage` returns the page the test used (or undefined).
 */
export function saveScreenshotOnFailure(getPage: () => Page | undefined): void {
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    await screenshotOnFailure(getPage(), context.task.fullTestName ?? context.task.name);
  });
}

/** Viewport widths we document: a phone and a desktop. */
export const PHONE_WIDTH = 360;
export const DESKTOP_WIDTH = 1280;

/**
 * Resizes the page to `width` (height 740 on phones, 800 otherwise) and saves
 * test-results/screens/<name>-<width>.png (full page). Leaves the page at that size.
 */
export async function shoot(page: Page, name: string, width: number): Promise<string> {
  const height = width <= 480 ? 740 : 800;
  await page.setViewportSize({ width, height });
  mkdirSync(screensDir, { recursive: true });
  const file = path.join(screensDir, `${fileSafe(name)}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** shoot() at phone (360) and desktop (1280) widths; restores the viewport it found. */
export async function shootPhoneAndDesktop(page: Page, name: string): Promise<string[]> {
  const before = page.viewportSize();
  const files = [await shoot(page, name, PHONE_WIDTH), await shoot(page, name, DESKTOP_WIDTH)];
  if (before) await page.setViewportSize(before);
  return files;
}

/** Logs in through the login page and waits to leave it. */
export async function logIn(page: Page, baseUrl: string, account: { login: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login_login').fill(account.login);
  await page.locator('#login_password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Picks an option of the antd Select whose trigger is `selector`. */
export async function choose(page: Page, selector: string, optionText: string): Promise<void> {
  await page.locator(selector).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first().click();
}

/** Picks an organisation in an OrgTreeSelect by typing part of its name without marks. */
export async function chooseOrg(page: Page, testId: string, query: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(query);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name }).first().click();
}

/** True when the page fits the viewport's width (nothing scrolls sideways). */
export const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
