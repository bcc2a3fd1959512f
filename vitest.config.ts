/**
 * Test projects (legs):
 *   unit      src/**\/*.unit.test.ts           pure functions, no database
 *   pglite    src/**\/*.test.ts (not unit/e2e) HOCTAP_TEST_ENGINE=pglite
 *   postgres  the same files                  HOCTAP_TEST_ENGINE=postgres, throwaway cluster
 *             started by test/global-setup.ts; tests read its URL with getPostgresAdminUrl()
 *   e2e       e2e/**\/*.e2e.test.ts            the app as a user starts it + Debian chromium
 *
 * `npm test` (scripts/test.mjs) runs them all and prints the line CI reads. Run one leg with
 * `npm test -- --project unit`.
 *
 * A leg whose system dependency is missing (PostgreSQL binaries, /usr/bin/chromium) is skipped
 * with a clear line, unless HOCTAP_REQUIRE_ALL_LEGS=1 (set by .ci/run), where it fails.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import { findPostgresBin, POSTGRES_MISSING_HINT } from './test/pg-cluster.js';

const requireAllLegs = process.env.HOCTAP_REQUIRE_ALL_LEGS === '1';

/** Same default as e2e/harness.ts. */
const chromiumPath = process.env.HOCTAP_CHROMIUM_PATH || '/usr/bin/chromium';

/** Why a leg does not run here (only when HOCTAP_REQUIRE_ALL_LEGS is not set). */
const legSkipReasons: Record<string, string> = {};
if (!requireAllLegs && !findPostgresBin()) {
  legSkipReasons.postgres = `PostgreSQL leg SKIPPED: ${POSTGRES_MISSING_HINT}`;
}
if (!requireAllLegs && !existsSync(chromiumPath)) {
  legSkipReasons.e2e = `Browser leg SKIPPED: ${chromiumPath} not found (install the Debian package chromium)`;
}

const dbTestInclude = ['src/**/*.test.ts'];
const dbTestExclude = [...configDefaults.exclude, '**/*.unit.test.ts', '**/*.e2e.test.ts'];

/** Marks the reporter; the config module can be evaluated once per project. */
const LEG_SUMMARY = Symbol.for('hoctap.legSummaryReporter');

interface LegCounts {
  files: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Files or suites that failed outside a test: load errors, beforeAll/afterAll errors. */
  suiteErrors: number;
  failedFiles: string[];
  skipReason?: string;
}

/**
 * Counts per project, written to $HOCTAP_TEST_SUMMARY_FILE for scripts/test.mjs (vitest's JSON
 * report does not say which project a result belongs to, and the pglite and postgres legs run
 * the same files). Also prints the "… leg SKIPPED: …" lines for selected legs.
 */
class LegSummaryReporter implements Reporter {
  readonly [LEG_SUMMARY] = true;
  private vitest?: Vitest;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: TestRunEndReason,
  ): void {
    const selected = this.vitest?.projects.map((p) => p.name) ?? [];
    const legs: Record<string, LegCounts> = {};
    for (const name of selected) {
      legs[name] = { files: 0, passed: 0, failed: 0, skipped: 0, suiteErrors: 0, failedFiles: [] };
      const skipReason = legSkipReasons[name];
      if (skipReason) legs[name].skipReason = skipReason;
    }
    for (const module of testModules) {
      const name = module.project.name;
      const leg = (legs[name] ??= { files: 0, passed: 0, failed: 0, skipped: 0, suiteErrors: 0, failedFiles: [] });
      leg.files += 1;
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') leg.passed += 1;
        else if (state === 'failed') {
          leg.failed += 1;
          failedHere += 1;
        } else leg.skipped += 1;
      }
      // A module that failed to load, or a beforeAll/afterAll that threw, is a failure even
      // though no test failed (its tests show as skipped or are missing altogether).
      let suiteErrors = module.errors().length > 0 ? 1 : 0;
      for (const suite of module.children.allSuites()) if (suite.errors().length > 0) suiteErrors += 1;
      if (suiteErrors === 0 && failedHere === 0 && module.state() === 'failed') suiteErrors = 1;
      leg.suiteErrors += suiteErrors;
      if (failedHere > 0 || suiteErrors > 0) leg.failedFiles.push(module.relativeModuleId);
    }

    for (const name of selected) {
      const skipReason = legSkipReasons[name];
      if (skipReason) this.vitest?.logger.log(skipReason);
    }

    const file = process.env.HOCTAP_TEST_SUMMARY_FILE;
    if (file) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(
        file,
        JSON.stringify({ reason, unhandledErrors: unhandledErrors.length, legs }, null, 2) + '\n',
      );
    }
  }
}


export default defineConfig({
  plugins: [
    {
      name: 'hoctap:leg-summary',
      // Runs before vitest creates its reporters, so the summary reporter is added even when
      // reporters come from the command line (`--reporter=…` replaces the configured list).
      configureVitest({ vitest }) {
        const reporters = vitest.config.reporters as unknown[];
        if (reporters.some((r) => typeof r === 'object' && r !== null && LEG_SUMMARY in r)) return;
        reporters.push(new LegSummaryReporter());
      },
    },
  ],
  test: {
    pool: 'forks',
    // 2 cores here; every PGlite costs ~1 GB and ~2.7 s, so keep workers few.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    passWithNoTests: true,
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: dbTestInclude,
          exclude: dbTestExclude,
          env: { HOCTAP_TEST_ENGINE: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          // Without PostgreSQL binaries (and without HOCTAP_REQUIRE_ALL_LEGS) the leg runs no file.
          include: legSkipReasons.postgres ? [] : dbTestInclude,
          exclude: dbTestExclude,
          env: { HOCTAP_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One app + one browser at a time, after the other legs (2 cores).
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
