import { expect, it } from 'vitest';
import pg from 'pg';
import { createPostgresTestDatabase, getPostgresAdminUrl, testEngine } from '../../test/pg.js';
it('knows its engine', async () => {
  const url = getPostgresAdminUrl();
  console.log('engine', process.env.HOCTAP_TEST_ENGINE, 'url', url, 'pid', process.pid);
  if (testEngine() === 'postgres') {
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const db = await createPostgresTestDatabase();
    const c = new pg.Client({ connectionString: db.url }); await c.connect();
    const r = await c.query("select current_database() as d, current_setting('server_encoding') as e");
    await c.end(); await db.drop();
    expect(r.rows[0].d).toBe(db.name);
    expect(r.rows[0].e).toBe('UTF8');
  } else {
    expect(url).toBeUndefined();
  }
});
