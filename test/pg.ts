/**
 * What a service test needs to know about the database leg it runs in.
 *
 * The same service test files run twice: in the `pglite` project (HOCTAP_TEST_ENGINE=pglite)
 * and in the `postgres` project (HOCTAP_TEST_ENGINE=postgres), where test/global-setup.ts has
 * started one throwaway PostgreSQL cluster for the whole run. Workers of that project share the
 * cluster, so each test file should work in its own database: createPostgresTestDatabase().
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://postgres@127.0.0.1:PORT/postgres of the throwaway cluster ('' if none). */
    postgresAdminUrl: string;
  }
}

export type TestEngine = 'pglite' | 'postgres';

/** The database leg this test runs in; 'pglite' outside the two database projects. */
export function testEngine(): TestEngine {
  return process.env.HOCTAP_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * Admin URL (postgres://postgres@127.0.0.1:PORT/postgres, trust auth) of the throwaway cluster
 * in the `postgres` project; undefined in every other project.
 */
export function getPostgresAdminUrl(): string | undefined {
  if (process.env.HOCTAP_TEST_ENGINE !== 'postgres') return undefined;
  const url = inject('postgresAdminUrl');
  if (!url) {
    throw new Error('HOCTAP_TEST_ENGINE=postgres but no throwaway cluster was provided (test/global-setup.ts did not run?)');
  }
  return url;
}

/** The URL of `database` on the same server as `adminUrl`. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates an empty database (optionally a copy of `template`) on the throwaway cluster and
 * returns its URL; drop() removes it. Only in the `postgres` project.
 */
export async function createPostgresTestDatabase(
  options: { prefix?: string; template?: string } = {},
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const adminUrl = getPostgresAdminUrl();
  if (!adminUrl) throw new Error('createPostgresTestDatabase() needs the postgres test project');
  const { default: pg } = await import('pg');
  const name = `${options.prefix ?? 'test'}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${quote(name)}${options.template ? ` TEMPLATE ${quote(options.template)}` : ''}`);
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () => admin(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`),
  };
}
