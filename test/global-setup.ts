/**
 * Global setup of the `postgres` test project: one throwaway PostgreSQL cluster for the whole
 * run, stopped at the end. Its admin URL reaches the forked workers through vitest's
 * provide/inject; tests read it with getPostgresAdminUrl() from test/pg.ts.
 */
import type { TestProject } from 'vitest/node';
import { findPostgresBin, POSTGRES_MISSING_HINT, startThrowawayCluster } from './pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://postgres@127.0.0.1:PORT/postgres of the throwaway cluster ('' if none). */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!findPostgresBin()) {
    // vitest.config.ts gives the postgres leg no files when the binaries are missing, so this
    // only runs when HOCTAP_REQUIRE_ALL_LEGS=1 asked for every leg.
    throw new Error(`PostgreSQL leg FAILED: ${POSTGRES_MISSING_HINT}; HOCTAP_REQUIRE_ALL_LEGS=1 requires it`);
  }
  const started = performance.now();
  const cluster = await startThrowawayCluster();
  const ms = Math.round(performance.now() - started);
  project.provide('postgresAdminUrl', cluster.url);
  console.log(`PostgreSQL leg: throwaway PostgreSQL ${cluster.version} at ${cluster.url} (ready in ${ms} ms)`);
  return async () => {
    await cluster.stop();
  };
}
