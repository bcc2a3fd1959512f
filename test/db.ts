/**
 * A migrated database for one test file, on the engine of the current leg: an in-memory PGlite
 * in the `pglite` project, a fresh database on the throwaway cluster in the `postgres` project.
 */
import { createMemoryPglite, openDb, type Database } from '../src/server/db/index.js';
import { createPostgresTestDatabase, testEngine } from './pg.js';

export async function createTestDatabase(): Promise<Database> {
  if (testEngine() === 'postgres') {
    const created = await createPostgresTestDatabase({ prefix: 'hoctap' });
    const database = await openDb({ databaseUrl: created.url, poolSize: 5 });
    await database.migrate();
    return {
      ...database,
      close: async () => {
        await database.close();
        await created.drop();
      },
    };
  }
  const database = await openDb({ pglite: await createMemoryPglite() });
  await database.migrate();
  return database;
}
