import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';
import { acquireDataDirLock } from './lock.js';
import { MIGRATIONS_DIR } from '../paths.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services pass it to repositories and to the audit. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;
export type Engine = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  engine: Engine;
  /** Applies pending migrations (see migrate()). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationConfig = () => ({ migrationsFolder: MIGRATIONS_DIR, migrationsSchema: 'public' });


/** The tag of the newest migration shipped with this build (reported by /api/health). */
export function latestMigrationTag(): string {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'));
  return journal.entries.at(-1)?.tag ?? 'none';
}

export interface OpenDbOptions {
  /** PostgreSQL server URL; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Folder of the embedded database; it is locked against a second process. */
  dataDir?: string;
  /** An already open PGlite (tests use a clone of a migrated template). */
  pglite?: PGlite;
  poolSize?: number;
}

export async function openDb(opts: OpenDbOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      /* an idle client lost its connection; the pool replaces it */
    });
    return {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      engine: 'postgresql',
      migrate: () => migratePostgres(pool),
      close: () => pool.end(),
    };
  }
  if (opts.pglite) return wrapPglite(opts.pglite, async () => {});
  if (!opts.dataDir) throw new Error('openDb needs databaseUrl, dataDir or pglite');
  const release = acquireDataDirLock(opts.dataDir);
  try {
    const client = await PGlite.create({ dataDir: path.join(opts.dataDir, 'pgdata'), extensions: { pg_trgm } });
    return wrapPglite(client, async () => release());
  } catch (err) {
    release();
    throw err;
  }
}

/** A fresh in-memory PGlite with our extensions (tests, templates). */
export function createMemoryPglite(): Promise<PGlite> {
  return PGlite.create({ extensions: { pg_trgm } });
}

function wrapPglite(client: PGlite, afterClose: () => Promise<void>): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    migrate: () => migratePglite(db as never, migrationConfig()),
    close: async () => {
      try {
        await client.close();
      } finally {
        await afterClose();
      }
    },
  };
}

/**
 * Applies pending migrations on PostgreSQL. A session advisory lock, held on the connection that
 * migrates, makes concurrent starts of several app processes wait for each other.
 */
async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(7311002023)');
    try {
      await migratePg(drizzlePg(client), migrationConfig());
    } finally {
      await client.query('select pg_advisory_unlock(7311002023)');
    }
  } finally {
    client.release();
  }
}
