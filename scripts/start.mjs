#!/usr/bin/env node
// Starts hoctap as a user does: builds the web app and bundles the server when their sources
// changed since the last build, then runs the server, which applies migrations and serves.
// `--demo` starts on ./data-demo with demonstration data (unless DATA_DIR says otherwise).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webStamp = path.join(root, 'dist/web/.build-stamp');
const webInputs = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];
const serverBundle = path.join(root, 'dist/server/main.mjs');
const serverStamp = path.join(root, 'dist/server/.build-stamp');
const serverInputs = ['src/server', 'src/shared', 'package-lock.json'];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function buildNeeded(stamp, inputs) {
  if (!existsSync(stamp)) return true;
  const built = Number(readFileSync(stamp, 'utf8'));
  return inputs.some((p) => newestMtime(path.join(root, p)) > built);
}

if (buildNeeded(webStamp, webInputs)) {
  console.log('hoctap: building the web app…');
  const started = Date.now();
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('hoctap: the web build failed');
    process.exit(result.status ?? 1);
  }
  writeFileSync(webStamp, String(started));
}

// The server runs as one ESM bundle (packages stay external): plain node starts it faster than
// compiling TypeScript at every start.
if (buildNeeded(serverStamp, serverInputs)) {
  const started = Date.now();
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(root, 'src/server/main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  writeFileSync(serverStamp, String(started));
}

if (process.argv.includes('--demo')) {
  process.env.DATA_DIR ??= path.join(root, 'data-demo');
}
process.chdir(root);
process.setSourceMapsEnabled(true);
await import(pathToFileURL(serverBundle).href);
