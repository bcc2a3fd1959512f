#!/usr/bin/env node
// npm test: runs every vitest project (unit, pglite, postgres, e2e) once, prints counts per
// project, and ends with the one line CI reads:
//
//   N passed, N failed[, N skipped]
//
// Extra arguments go to vitest: `npm test -- --project unit`, `npm test -- src/shared`.
// A test file that failed to load (or whose beforeAll/afterAll threw) counts as a failure.
// Exit code: 0 when nothing failed, 1 otherwise.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results');
const jsonFile = path.join(resultsDir, 'vitest.json');
const summaryFile = path.join(resultsDir, 'vitest-projects.json');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const LEG_ORDER = ['unit', 'pglite', 'postgres', 'e2e'];

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function line(passed, failed, skipped) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

function runVitest(args) {
  const env = { ...process.env, NO_COLOR: '1', HOCTAP_TEST_SUMMARY_FILE: summaryFile };
  delete env.FORCE_COLOR;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitestBin, ...args], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    // Ctrl-C reaches vitest directly (same process group): just wait for it to finish.
    const ignore = () => {};
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`could not start vitest: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Totals from vitest's JSON report (does not know projects). */
function countJson(report) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const brokenFiles = [];
  for (const file of report.testResults ?? []) {
    let failedHere = 0;
    for (const a of file.assertionResults ?? []) {
      if (a.status === 'passed') passed += 1;
      else if (a.status === 'failed') {
        failed += 1;
        failedHere += 1;
      } else skipped += 1;
    }
    // A file that crashed while loading (or in beforeAll) shows up only as a failed suite.
    if (file.status === 'failed' && failedHere === 0) {
      failed += 1;
      brokenFiles.push(path.relative(root, file.name));
    }
  }
  return { passed, failed, skipped, brokenFiles };
}

/** Which leg a file belongs to when only vitest's JSON is available. */
function legOfFile(relative) {
  if (relative.endsWith('.unit.test.ts')) return 'unit';
  if (relative.endsWith('.e2e.test.ts')) return 'e2e';
  return 'pglite+postgres';
}

async function main() {
  if (!existsSync(vitestBin)) {
    console.error(`vitest is not installed (${vitestBin} missing): run npm ci`);
    console.log(line(0, 1, 0));
    return 1;
  }
  mkdirSync(resultsDir, { recursive: true });
  rmSync(jsonFile, { force: true });
  rmSync(summaryFile, { force: true });

  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...process.argv.slice(2)];
  const started = Date.now();
  const exitCode = await runVitest(args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const report = readJson(jsonFile);
  const summary = readJson(summaryFile);
  const fromJson = report ? countJson(report) : undefined;

  console.log('');
  console.log(`--- test summary (vitest exit code ${exitCode}, ${seconds} s) ---`);

  let passed = 0;
  let failed = 0;
  let skipped = 0;

  if (summary && summary.legs) {
    const legs = summary.legs;
    const nothingRan = Object.values(legs).every((leg) => leg.files === 0);
    const names = Object.keys(legs).sort(
      (a, b) => (LEG_ORDER.indexOf(a) + 1 || 99) - (LEG_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
    );
    for (const name of names) {
      const leg = legs[name];
      let legSkipped = leg.skipped;
      // The postgres leg runs the pglite leg's files: when it cannot run, those tests are skipped.
      if (leg.skipReason && name === 'postgres' && leg.files === 0 && legs.pglite) {
        legSkipped += legs.pglite.passed + legs.pglite.failed + legs.pglite.skipped;
      }
      const legFailed = leg.failed + leg.suiteErrors;
      passed += leg.passed;
      failed += legFailed;
      skipped += legSkipped;
      let text = `${name}: ${line(leg.passed, legFailed, 0)}`;
      if (legSkipped || leg.skipReason) text += `, ${legSkipped} skipped`;
      if (leg.skipReason) text += ` (${leg.skipReason})`;
      else if (leg.files === 0) text += nothingRan && exitCode !== 0 ? ' (not run)' : ' (no test files)';
      console.log(text);
      for (const file of leg.failedFiles ?? []) console.log(`  failed: ${file}`);
    }
    if (summary.unhandledErrors) {
      console.log(`unhandled errors: ${summary.unhandledErrors} (counted as failures)`);
      failed += summary.unhandledErrors;
    }
    if (fromJson && (fromJson.passed !== passed || fromJson.failed > failed)) {
      console.log(
        `note: vitest.json counts ${line(fromJson.passed, fromJson.failed, fromJson.skipped)}; using the larger failure count`,
      );
      failed = Math.max(failed, fromJson.failed);
    }
  } else if (fromJson) {
    // No per-project summary (e.g. the summary reporter did not load): group files by name.
    const legs = {};
    for (const file of report.testResults ?? []) {
      const rel = path.relative(root, file.name);
      const leg = (legs[legOfFile(rel)] ??= { passed: 0, failed: 0, skipped: 0 });
      const c = countJson({ testResults: [file] });
      leg.passed += c.passed;
      leg.failed += c.failed;
      leg.skipped += c.skipped;
    }
    for (const [name, leg] of Object.entries(legs)) console.log(`${name}: ${line(leg.passed, leg.failed, leg.skipped)}`);
    for (const file of fromJson.brokenFiles) console.log(`  failed to load or set up: ${file}`);
    ({ passed, failed, skipped } = fromJson);
  } else {
    console.log(`no test report was written (${path.relative(root, jsonFile)} missing)`);
  }

  if (exitCode !== 0 && failed === 0) {
    console.log(`vitest exited with code ${exitCode} without a failed test (setup or configuration error, see above): counted as 1 failure`);
    failed = 1;
  }

  console.log(line(passed, failed, skipped));
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    console.log(line(0, 1, 0));
    process.exitCode = 1;
  },
);
