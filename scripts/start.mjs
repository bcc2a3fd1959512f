#!/usr/bin/env node
// Starts hoctap as a user does: builds the web app when its sources changed since the last
// build, then runs the server (TypeScript through tsx), which applies migrations and serves.
// `--demo` starts on ./data-demo with demonstration data (unless DATA_DIR says otherwise).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distStamp = path.join(root, 'dist/web/.build-stamp');
const webInputs = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function webBuildNeeded() {
  if (!existsSync(distStamp)) return true;
  const built = Number(readFileSync(distStamp, 'utf8'));
  return webInputs.some((p) => newestMtime(path.join(root, p)) > built);
}

if (webBuildNeeded()) {
  console.log('hoctap: building the web app…');
  const started = Date.now();
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('hoctap: the web build failed');
    process.exit(result.status ?? 1);
  }
  writeFileSync(distStamp, String(started));
}

if (process.argv.includes('--demo')) {
  process.env.DATA_DIR ??= path.join(root, 'data-demo');
}
process.chdir(root);
const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
