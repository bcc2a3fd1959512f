/**
 * Server settings for a benchmark cluster. test/pg-cluster.ts starts PostgreSQL with its
 * defaults (shared_buffers 128 MB…), which is fine for tests but not for a 2 GB province: this
 * applies settings with ALTER SYSTEM and restarts the cluster with `pg_ctl restart` (which keeps
 * the port and options the cluster was started with).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import type { ThrowawayCluster } from '../test/pg-cluster.js';

/** The settings of shared/spec/pg-floors.md (durability stays off, as the throwaway cluster has it). */
export const PG_FLOORS_SETTINGS = 'shared_buffers=2GB work_mem=64MB maintenance_work_mem=1GB max_wal_size=8GB';

/** `name=value name=value` → pairs; an empty string or "default" means none. */
export function parseSettings(text: string): [string, string][] {
  if (!text.trim() || text.trim() === 'default') return [];
  return text
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [name, value] = pair.split('=');
      if (!name || value === undefined || !/^[a-z_]+$/.test(name)) throw new Error(`bad setting ${pair}`);
      return [name, value] as [string, string];
    });
}

function run(file: string, args: string[], cwd: string): Promise<void> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  env.LC_ALL = 'C.UTF-8';
  env.LANG = 'C.UTF-8';
  return new Promise((resolve, reject) =>
    execFile(file, args, { cwd, env, timeout: 120_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`${file} ${args.join(' ')}: ${error.message} ${stderr}`)) : resolve())),
  );
}

/** Applies the settings and restarts the cluster (as the postgres user when running as root). */
export async function applySettings(cluster: ThrowawayCluster, settings: [string, string][]): Promise<void> {
  if (settings.length === 0) return;
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    for (const [name, value] of settings) await client.query(`alter system set ${name} = '${value.replace(/'/g, "''")}'`);
  } finally {
    await client.end();
  }
  const pgCtl = path.join(cluster.binDir, 'pg_ctl');
  const args = ['restart', '-D', path.join(cluster.baseDir, 'data'), '-m', 'fast', '-w', '-t', '60', '-l', path.join(cluster.baseDir, 'postgres.log')];
  if (typeof process.getuid === 'function' && process.getuid() === 0) await run('runuser', ['-u', 'postgres', '--', pgCtl, ...args], cluster.baseDir);
  else await run(pgCtl, args, cluster.baseDir);
}
