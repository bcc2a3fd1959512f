/**
 * Throwaway PostgreSQL clusters for tests, e2e runs and benchmarks.
 *
 * Self-contained on purpose (Node built-ins only) so that vitest's global setup, the e2e
 * harness and bench scripts (`npx tsx`) can all import it.
 *
 * - Binaries: `HOCTAP_PG_BINDIR` if set, else `pg_config --bindir`, else the highest
 *   `/usr/lib/postgresql/<version>/bin`.
 * - As root, `initdb` refuses to run: initdb and pg_ctl then run through
 *   `runuser -u postgres --`, from a temporary folder owned by that user which holds the data
 *   folder, the unix socket (`-k`) and the log. Not root: they run as the current user.
 * - The cluster listens on 127.0.0.1 and a free port; durability is switched off (fsync etc.),
 *   which is fine for data that dies with the test run.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ThrowawayCluster {
  /** Admin URL: postgres://postgres@127.0.0.1:PORT/postgres (trust authentication). */
  url: string;
  port: number;
  /** Folder that holds data/, the socket and postgres.log; removed by stop(). */
  baseDir: string;
  /** Folder of the PostgreSQL binaries used. */
  binDir: string;
  /** Server version, e.g. "15.14". */
  version: string;
  /** Last lines of the server log (useful in error messages). */
  logTail(lines?: number): string;
  /** `pg_ctl stop -m immediate` and remove the folder. Safe to call twice. */
  stop(): Promise<void>;
}

export const POSTGRES_MISSING_HINT = 'no PostgreSQL binaries found (install the Debian package postgresql)';

const REQUIRED_BINARIES = ['initdb', 'pg_ctl', 'postgres', 'psql'];
const REQUIRED_EXTENSIONS = ['pg_trgm', 'unaccent'];

function hasBinaries(dir: string): boolean {
  return REQUIRED_BINARIES.every((name) => existsSync(path.join(dir, name)));
}

function versionKey(name: string): number[] {
  return name.split(/[^0-9]+/).filter(Boolean).map(Number);
}

function compareVersionsDesc(a: string, b: string): number {
  const ka = versionKey(a);
  const kb = versionKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (kb[i] ?? -1) - (ka[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Folder holding initdb, pg_ctl, postgres and psql, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.HOCTAP_PG_BINDIR;
  if (fromEnv) return hasBinaries(fromEnv) ? fromEnv : null;

  try {
    const dir = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (dir && hasBinaries(dir)) return dir;
  } catch {
    // no pg_config on PATH (or it belongs to libpq only): look at Debian's layout below
  }

  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d/.test(v)).sort(compareVersionsDesc);
    for (const v of versions) {
      const dir = path.join(root, v, 'bin');
      if (hasBinaries(dir)) return dir;
    }
  }
  return null;
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
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

interface RunAs {
  /** Prefix for commands: [] or ['runuser', '-u', 'postgres', '--']. */
  prefix: string[];
  uid?: number;
  gid?: number;
}

/** runuser lives in /usr/sbin, which a CI's PATH may lack. */
function runuserPath(): string {
  for (const dir of ['/usr/sbin', '/sbin', '/usr/bin', '/bin']) {
    const file = path.join(dir, 'runuser');
    if (existsSync(file)) return file;
  }
  return 'runuser';
}

function runAs(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { prefix: [] };
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error(
      'Running as root, but there is no "postgres" system user to run initdb/pg_ctl as ' +
        '(the Debian package postgresql creates it).',
    );
  }
  return { prefix: [runuserPath(), '-u', 'postgres', '--'], uid, gid };
}

function run(
  as: RunAs,
  file: string,
  args: string[],
  cwd: string,
  timeoutMs = 120_000,
): Promise<{ stdout: string; stderr: string }> {
  const [cmd, ...rest] = [...as.prefix, file, ...args];
  return new Promise((resolve, reject) => {
    execFile(cmd!, rest, { cwd, timeout: timeoutMs, encoding: 'utf8', env: cleanEnv() }, (error, stdout, stderr) => {
      if (error) {
        const detail = [stderr, stdout].filter((s) => s && s.trim()).join('\n').trim();
        reject(new Error(`${[file, ...args].join(' ')} failed: ${error.message}${detail ? `\n${detail}` : ''}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

/** Environment for the PostgreSQL tools: no PG* variables from the caller's shell. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('PG')) env[key] = value;
  }
  env.LC_ALL = 'C.UTF-8';
  env.LANG = 'C.UTF-8';
  return env;
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines - 1).join('\n').trim();
  } catch {
    return '';
  }
}

/**
 * initdb + pg_ctl start a cluster in a fresh temporary folder; resolves once it accepts
 * connections and pg_trgm and unaccent are available. Call stop() when done (a process exit
 * hook also stops it if the caller forgets or crashes).
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const binDir = findPostgresBin();
  if (!binDir) throw new Error(`PostgreSQL: ${POSTGRES_MISSING_HINT}`);
  const as = runAs();
  const bin = (name: string) => path.join(binDir, name);

  const baseDir = mkdtempSync(path.join(tmpdir(), 'hoctap-pg-'));
  const dataDir = path.join(baseDir, 'data');
  const sockDir = path.join(baseDir, 'sock');
  const logFile = path.join(baseDir, 'postgres.log');
  mkdirSync(sockDir);
  if (as.uid !== undefined && as.gid !== undefined) {
    chownSync(baseDir, as.uid, as.gid);
    chownSync(sockDir, as.uid, as.gid);
  }

  let started = false;
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    if (started) {
      try {
        const [cmd, ...rest] = [...as.prefix, bin('pg_ctl'), 'stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'];
        execFileSync(cmd!, rest, { cwd: baseDir, stdio: 'ignore', env: cleanEnv() });
      } catch {
        // already gone
      }
    }
    rmSync(baseDir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);

  try {
    await run(as, bin('initdb'), ['-D', dataDir, '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '-A', 'trust', '--no-sync'], baseDir);

    // The port can be taken between picking and binding: retry a few times.
    let port = 0;
    let lastError: unknown;
    for (let attempt = 0; attempt < 4 && !started; attempt++) {
      port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        '-h 127.0.0.1',
        `-k ${sockDir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        await run(as, bin('pg_ctl'), ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions], baseDir);
        started = true;
      } catch (error) {
        lastError = error;
        // a failed start may leave a half-started postmaster behind
        await run(as, bin('pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w'], baseDir).catch(() => undefined);
      }
    }
    if (!started) {
      throw new Error(`pg_ctl start failed: ${String(lastError)}\n--- postgres.log ---\n${tail(logFile, 30)}`);
    }

    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const psql = (sql: string) =>
      run({ prefix: [] }, bin('psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-c', sql], baseDir, 30_000);

    const version = (await psql('SHOW server_version')).stdout.trim().split(/\s/)[0] ?? '';
    const available = (
      await psql(`SELECT name FROM pg_available_extensions WHERE name IN (${REQUIRED_EXTENSIONS.map((e) => `'${e}'`).join(', ')})`)
    ).stdout
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const missing = REQUIRED_EXTENSIONS.filter((e) => !available.includes(e));
    if (missing.length) {
      throw new Error(
        `PostgreSQL in ${binDir} lacks the extension(s) ${missing.join(', ')} (install the Debian package postgresql-contrib)`,
      );
    }

    return {
      url,
      port,
      baseDir,
      binDir,
      version,
      logTail: (lines = 30) => tail(logFile, lines),
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopSync);
        await run(as, bin('pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'], baseDir).catch(() => undefined);
        rmSync(baseDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    stopSync();
    process.removeListener('exit', stopSync);
    throw error;
  }
}
