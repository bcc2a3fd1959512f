/**
 * Province-scale benchmark of the people lists: 4 M residents, 1.2 M households, 100 k staff.
 *
 *   npx tsx bench/province-people.ts                     full province (several minutes; see README)
 *   BENCH_SCALE=0.05 npx tsx bench/province-people.ts    quick run (5 communes, 200 k residents)
 *
 * A throwaway PostgreSQL cluster (test/pg-cluster.ts) gets a database migrated by the app, the
 * synthetic province of bench/province-data.ts and its people (bench/province-people-data.ts),
 * loaded with COPY. Then every list runs four ways, interleaved:
 *
 *   bare     the SQL one would write by hand for the list (page + count capped like the app's),
 *            on plain `pg` clients: the floor for the shape of the question;
 *   replay   the statements the service sent, captured and replayed on plain `pg` clients
 *            (bench/measure.ts): the floor for the app's own SQL;
 *   service  services.people.list(ctx, query), as the routes call it;
 *   http     GET /api/v1/people?… on the real Fastify app (buildApp) listening on 127.0.0.1,
 *            with a logged-in session cookie, over a keep-alive connection.
 *
 * Slow statements are EXPLAINed. The import floor (a 100 k-row staff workbook: exceljs streaming
 * read, then COPY into person + membership) runs at the end (bench/people-import.ts).
 *
 * Environment: BENCH_SCALE and the sizes of province-data.ts and province-people-data.ts
 * (BENCH_RESIDENTS, BENCH_HOUSEHOLDS, BENCH_STAFF…); BENCH_RUNS (timed runs per operation, 20);
 * BENCH_BUDGET_MS (fewer runs for operations slower than this budget allows, 20000);
 * BENCH_SLOW_MS (EXPLAIN operations whose floor p50 is at least this, 10); BENCH_OPS=<regexp> (only the
 * operations whose name matches); BENCH_IMPORT_ROWS
 * (rows of the import file, 100000 × BENCH_SCALE); BENCH_IMPORT=0 (skip the import floor);
 * BENCH_PG_SETTINGS ('name=value …' applied with ALTER SYSTEM and a restart; default: pg-floors'
 * shared_buffers=2GB work_mem=64MB maintenance_work_mem=1GB max_wal_size=8GB; 'default' keeps the
 * throwaway cluster's); BENCH_JSON=<file>; BENCH_KEEP=1 (keep the database up at the end).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { AddressInfo } from 'node:net';
import { startThrowawayCluster, type ThrowawayCluster } from '../test/pg-cluster.js';
import { openDb, type Database } from '../src/server/db/index.js';
import { buildApp, type Services } from '../src/server/app.js';
import { hashPassword } from '../src/server/platform/auth/password.js';
import { SESSION_COOKIE } from '../src/server/platform/auth/sessions.js';
import type { RequestContext } from '../src/server/platform/http/context.js';
import type { PeopleQuery } from '../src/server/modules/people/people.service.js';
import { AGE_BANDS } from '../src/shared/people.js';
import { todayInVietnam } from '../src/server/platform/time.js';
import { capture, Floor, fmt, inlineParams, percentile, planOf, type Plan, type Statement } from './measure.js';
import { copyIn, generateOrgs, sizesFromEnv, userRow, type LoadTiming, type UserRowGen } from './province-data.js';
import { loadPeople, peopleSizesFromEnv, vacuumPeople } from './province-people-data.js';
import { formatImportFigures, measureImportFloor, removeImported, type ImportBenchEnv, type ImportFigures } from './people-import.js';
import { applySettings, parseSettings, PG_FLOORS_SETTINGS } from './pg-settings.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 20_000);
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 10);
const DB_NAME = 'hoctap_bench';
const log = (...a: unknown[]) => console.log(...a);
const median = (xs: number[]) => percentile(xs, 0.5);

/** Names typed into the search box: full names, a family + middle, one given name, a Khmer family. */
const NAME_QUERIES = ['nguyen van duc', 'tran thi hong', 'nguyen thi thuy', 'pham thi thu trang', 'dang quoc hung', 'le minh', 'vo van', 'thach', 'hung', 'linh', 'hong', 'an'];

interface P {
  p50: number;
  p95: number;
}
const stats = (xs: number[]): P => ({ p50: median(xs), p95: percentile(xs, 0.95) });

interface Bare {
  /** Statements run at the same time on separate connections (page and count). */
  statements: { text: string; values: unknown[] }[];
}

interface Op {
  op: string;
  actor: ActorName;
  query: PeopleQuery;
  bare?: Bare;
}

interface Result {
  op: string;
  actor: string;
  rows: string;
  runs: number;
  bare: P | null;
  replay: P | null;
  service: P | null;
  http: P | null;
  statements: number;
  slowest?: { text: string; values?: unknown[]; ms: number };
  bareSlowest?: { text: string; values?: unknown[]; ms: number };
}

type ActorName = 'system admin' | 'commune head' | 'agency head';

async function main() {
  const started = performance.now();
  const sizes = sizesFromEnv();
  const people = peopleSizesFromEnv();
  log(`hoctap people benchmark — ${new Date().toISOString()}`);
  log(`sizes: ${JSON.stringify({ communes: sizes.communes, hamletsPerCommune: sizes.hamletsPerCommune, unitsPerCommune: sizes.unitsPerCommune, agencies: sizes.agencies, departmentsPerAgency: sizes.departmentsPerAgency, ...people })}`);
  log(`runs per operation: up to ${RUNS} (+${WARMUP} warm-up), fewer when one run takes more than ${BUDGET_MS / RUNS / 4} ms (at least 5; 3 beyond 2 s; 1 warm-up beyond 1 s)`);
  log(`code: ${codeVersion()}`);

  let cluster: ThrowawayCluster | undefined;
  let database: Database | undefined;
  let floor: Floor | undefined;
  let admin: pg.Client | undefined;
  let sql: pg.Client | undefined;
  let server: { close(): Promise<unknown> } | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hoctap-bench-'));
  try {
    cluster = await startThrowawayCluster();
    // Interrupted (Ctrl-C, `timeout`): stop the cluster rather than leave a 2 GB database running.
    if (process.env.BENCH_KEEP !== '1') {
      const stop = (signal: string) => {
        console.error(`\n${signal}: stopping the throwaway cluster`);
        void cluster
          ?.stop()
          .finally(() => {
            rmSync(dataDir, { recursive: true, force: true });
            process.exit(130);
          });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
    await applySettings(cluster, parseSettings(process.env.BENCH_PG_SETTINGS ?? PG_FLOORS_SETTINGS));
    admin = new pg.Client({ connectionString: cluster.url });
    // An idle client whose server goes away (Ctrl-C) must not crash the process before the cluster is removed.
    admin.on('error', () => undefined);
    await admin.connect();
    await admin.query(`create database ${DB_NAME}`);
    const databaseUrl = cluster.url.replace(/\/postgres$/, `/${DB_NAME}`);
    const settings = (await admin.query(`select name, current_setting(name) as value from pg_settings where name in ('shared_buffers','work_mem','maintenance_work_mem','max_wal_size','jit','random_page_cost','fsync','synchronous_commit','max_parallel_workers_per_gather','effective_cache_size') order by name`)).rows
      .map((r) => `${r.name}=${r.value}`)
      .join(' ');
    log(`PostgreSQL ${cluster.version}; ${settings}`);

    database = await openDb({ databaseUrl });
    await database.migrate();
    const built = await buildApp({ database, sessionSecret: 'bench-secret', dataDir, logLevel: false, runJobs: false });
    const services = built.services;

    // ---------------------------------------------------------------- data
    const loads: LoadTiming[] = [];
    const target = { binDir: cluster.binDir, port: cluster.port, database: DB_NAME };
    sql = new pg.Client({ connectionString: databaseUrl });
    sql.on('error', () => undefined);
    await sql.connect();
    let t0 = performance.now();
    const orgs = generateOrgs(sizes);
    const commune = orgs.vinhDieu;
    const agency = orgs.agencies[0]!;
    const passwordHash = await hashPassword('Bench@2026-province');
    const benchUsers: UserRowGen[] = [
      userRow({ id: '0b000000-0000-4000-8000-000000000001', login: 'bench.admin', displayName: 'Trần Thị Bích Ngọc', homeOrgId: orgs.root.id }),
      userRow({ id: '0b000000-0000-4000-8000-000000000002', login: 'bench.commune', displayName: 'Lê Văn Hùng', homeOrgId: commune.id }),
      userRow({ id: '0b000000-0000-4000-8000-000000000003', login: 'bench.agency', displayName: 'Phạm Minh Thư', homeOrgId: agency.id }),
    ];
    await copyIn(target, 'org', ['id', 'root_id', 'parent_id', 'path', 'depth', 'name', 'name_search', 'name_sort', 'kind_code', 'code'], orgs.rows.map((o) => [o.id, o.rootId, o.parentId, o.path, o.depth, o.name, o.nameSearch, o.nameSort, o.kindCode, o.code]));
    await copyIn(target, 'user_account', ['id', 'login', 'display_name', 'name_search', 'name_sort', 'home_org_id', 'password_hash'], benchUsers.map((u) => [u.id, u.login, u.displayName, u.nameSearch, u.nameSort, u.homeOrgId, passwordHash]));
    await sql.query(`insert into role_grant (user_id, org_id, role) values ($1, $2, 'system_admin'), ($3, $4, 'unit_head'), ($5, $6, 'unit_head')`, [
      benchUsers[0]!.id, orgs.root.id, benchUsers[1]!.id, commune.id, benchUsers[2]!.id, agency.id,
    ]);
    loads.push({ step: 'org (COPY), 3 accounts and their grants', rows: orgs.rows.length, ms: performance.now() - t0 });

    log('\nLoading people');
    t0 = performance.now();
    const load = await loadPeople(target, sql, orgs, people, (s) => log(s));
    const peopleMs = performance.now() - t0;
    loads.push(...load.timings);
    const buildMs = load.builds.reduce((s, b) => s + b.ms, 0);
    const vacuum = await vacuumPeople(sql);
    loads.push(vacuum);
    const loadTotal = peopleMs + vacuum.ms;

    const counts = (
      await sql.query(
        `select (select count(*) from org)::int as org, (select count(*) from person)::int as person, (select count(*) from person where residence_org_id is not null)::int as residents,
                (select count(*) from household)::int as household, (select count(*) from membership)::int as membership, (select count(*) from clan)::int as clan,
                (select count(*) from clan_household)::int as clan_household,
                (select round(100.0 * relallvisible / greatest(relpages, 1)) from pg_class where relname = 'person')::int as person_all_visible_pct,
                pg_size_pretty(pg_database_size(current_database())) as size,
                pg_size_pretty(pg_total_relation_size('person')) as person_size, pg_size_pretty(pg_relation_size('person')) as person_heap,
                pg_size_pretty(pg_relation_size('person_name_search_trgm_idx')) as person_trgm_size`,
      )
    ).rows[0];

    log('\nLoad (floor: pg-floors §1 INSERT … SELECT of person 245 k rows/s; §5 COPY 100 k rows, 10 columns: 551 k rows/s without indexes, 222 k with 2, 91 k with a GIN trigram, 70 k into the indexed 4.1 M-row person)');
    for (const l of loads) log(loadLine(l));
    if (load.builds.length) {
      log(`  index and constraint builds after the load (maintenance_work_mem=1GB; pg-floors §2: GIN trigram on 4.1 M names 13.5 s, person PK 1.9 s), ${(buildMs / 1000).toFixed(1)} s in all:`);
      for (const b of load.builds) log(loadLine(b, '    '));
    }
    log(`  people loaded in ${(loadTotal / 1000).toFixed(1)} s (COPY + index builds + VACUUM)`);
    log(`  generated: ${JSON.stringify(load.people.stats)}`);
    log(`  database: ${JSON.stringify(counts)}`);
    const mix = (await sql.query(
      `select citizen_group, count(*)::int as n from person group by 1 order by 2 desc`,
    )).rows.map((r) => `${r.citizen_group} ${r.n}`).join(', ');
    log(`  citizen groups: ${mix}`);

    // ---------------------------------------------------------------- actors
    const ctxOf = async (userId: string): Promise<RequestContext> => ({ actor: await services.users.loadActor(services.db, userId), requestId: 'bench', ip: 'local' });
    const actors: Record<ActorName, { ctx: RequestContext; cookie: string }> = {
      'system admin': { ctx: await ctxOf(benchUsers[0]!.id), cookie: '' },
      'commune head': { ctx: await ctxOf(benchUsers[1]!.id), cookie: '' },
      'agency head': { ctx: await ctxOf(benchUsers[2]!.id), cookie: '' },
    };
    for (const [i, a] of Object.values(actors).entries()) {
      const { token } = await services.auth.openSession(services.db, benchUsers[i]!.id);
      a.cookie = `${SESSION_COOKIE}=${token}`;
    }
    await built.app.listen({ host: '127.0.0.1', port: 0 });
    server = built.app;
    const port = (built.app.server.address() as AddressInfo).port;

    floor = new Floor(databaseUrl);
    const communeSize = (await sql.query(`select count(*)::int as n from person p join org o on o.id = p.residence_org_id where o.path like $1`, [`${commune.path}%`])).rows[0].n as number;
    const agencyStaff = (await sql.query(`select count(*)::int as n from membership m join org o on o.id = m.org_id where o.path like $1 and m.valid_to is null`, [`${agency.path}%`])).rows[0].n as number;
    log(`\nActors: system administrator (root); commune head (unit_head of "${commune.name}", ${communeSize.toLocaleString('en')} residents); agency head (unit_head of "${agency.name}", ${agencyStaff} current staff)`);

    // ---------------------------------------------------------------- operations
    const day = todayInVietnam();
    const ops: Op[] = [];
    const page = (q: Partial<PeopleQuery> & { kind: PeopleQuery['kind'] }): PeopleQuery => ({ page: 1, pageSize: 20, ...q });
    for (const q of NAME_QUERIES) {
      ops.push({ op: `residents q='${q}' (province)`, actor: 'system admin', query: page({ kind: 'resident', q }), bare: bareResidents({ nameKey: q }) });
    }
    ops.push(
      { op: 'residents, no filter (province)', actor: 'system admin', query: page({ kind: 'resident' }), bare: bareResidents({}) },
      { op: 'residents sex=female ageBand=60plus (province)', actor: 'system admin', query: page({ kind: 'resident', sex: 'female', ageBand: '60plus' }), bare: bareResidents({ sex: 'female', born: bornWithin('60plus', day) }) },
      { op: 'residents sex=male ageBand=18to35 (province)', actor: 'system admin', query: page({ kind: 'resident', sex: 'male', ageBand: '18to35' }), bare: bareResidents({ sex: 'male', born: bornWithin('18to35', day) }) },
      { op: 'residents ethnicity=Khmer (province)', actor: 'system admin', query: page({ kind: 'resident', ethnicity: 'Khmer' }), bare: bareResidents({ ethnicity: 'Khmer' }) },
      { op: 'residents of the commune, page 1', actor: 'commune head', query: page({ kind: 'resident' }), bare: bareResidents({ path: commune.path }) },
      { op: 'residents of the commune, page 50', actor: 'commune head', query: page({ kind: 'resident', page: 50 }), bare: bareResidents({ path: commune.path, offset: 980 }) },
      { op: "residents of the commune q='nguyen van'", actor: 'commune head', query: page({ kind: 'resident', q: 'nguyen van' }), bare: bareResidents({ path: commune.path, nameKey: 'nguyen van' }) },
      { op: "residents of the commune q='tran thi hong'", actor: 'commune head', query: page({ kind: 'resident', q: 'tran thi hong' }), bare: bareResidents({ path: commune.path, nameKey: 'tran thi hong' }) },
      { op: 'residents of the commune ageBand=6to14', actor: 'commune head', query: page({ kind: 'resident', ageBand: '6to14' }), bare: bareResidents({ path: commune.path, born: bornWithin('6to14', day) }) },
      { op: 'staff of the agency', actor: 'agency head', query: page({ kind: 'staff' }), bare: bareStaff({ path: agency.path, day }) },
      { op: 'staff of the commune', actor: 'commune head', query: page({ kind: 'staff' }), bare: bareStaff({ path: commune.path, day }) },
      { op: 'staff, no filter (province)', actor: 'system admin', query: page({ kind: 'staff' }), bare: bareStaff({ day }) },
      { op: "staff q='nguyen thi' (province)", actor: 'system admin', query: page({ kind: 'staff', q: 'nguyen thi' }), bare: bareStaff({ day, nameKey: 'nguyen thi' }) },
      { op: "staff q='tran thi hong' (province)", actor: 'system admin', query: page({ kind: 'staff', q: 'tran thi hong' }), bare: bareStaff({ day, nameKey: 'tran thi hong' }) },
      { op: 'staff category=vien_chuc sex=female (province)', actor: 'system admin', query: page({ kind: 'staff', category: 'vien_chuc', sex: 'female' }), bare: bareStaff({ day, category: 'vien_chuc', sex: 'female' }) },
      { op: 'residents of a hamlet (orgId), sort=-birthDate', actor: 'system admin', query: page({ kind: 'resident', orgId: orgs.hamletsOf.get(commune.id)![3]!.id, sort: '-birthDate' }), bare: bareResidents({ path: orgs.hamletsOf.get(commune.id)![3]!.path, order: 'birth_date desc, name_sort, id' }) },
    );

    const only = process.env.BENCH_OPS ? new RegExp(process.env.BENCH_OPS) : null;
    if (only) ops.splice(0, ops.length, ...ops.filter((o) => only.test(o.op)));
    log(`\nOperations (ms; bare = hand-written SQL, replay = the service's own statements on plain pg, service = services.people.list, http = GET /api/v1/people)`);
    log(header());
    const results: Result[] = [];
    for (const op of ops) {
      const r = await measure(op, services, actors[op.actor], floor, port, agent);
      results.push(r);
      log(row(r));
    }

    log('\nSummary (ms)');
    log(table(results));
    const search = results.filter((r) => r.op.startsWith("residents q='"));
    const across = (pick: (r: Result) => P | null) => {
      const p50s = search.map((r) => pick(r)?.p50 ?? NaN).filter((x) => !Number.isNaN(x));
      return p50s.length ? `p50 ${fmt(median(p50s))} / p95 ${fmt(percentile(p50s, 0.95))}` : '—';
    };
    log(`\nName search over the province, across the ${search.length} names (each name's p50): bare ${across((r) => r.bare)}; replay ${across((r) => r.replay)}; service ${across((r) => r.service)}; http ${across((r) => r.http)}`);
    log(`  (pg-floors §4 S2, LIKE on GIN trigram over 4.1 M, 20 names: p50 63.6 / p95 146 ms, ordered by similarity, no count)`);

    // ---------------------------------------------------------------- plans
    const plans: Record<string, string[]> = {};
    const slow = results.filter((r) => (r.replay?.p50 ?? r.bare?.p50 ?? 0) >= SLOW_MS);
    if (slow.length) log(`\nEXPLAIN (ANALYZE, BUFFERS) of the slowest statement of each operation whose floor p50 ≥ ${SLOW_MS} ms`);
    const explained = new Set<string>();
    for (const r of slow) {
      for (const [label, s] of [
        ['service', r.slowest],
        ['bare', r.bareSlowest],
      ] as const) {
        if (!s || explained.has(s.text + JSON.stringify(s.values))) continue;
        explained.add(s.text + JSON.stringify(s.values));
        const key = `${r.op} — ${r.actor} — ${label}`;
        const planRows = (await explain(floor, s.text, s.values)).split('\n');
        plans[key] = planRows;
        log(`\n### ${key} (statement median ${fmt(s.ms)} ms)`);
        log(inlineParams(s.text, s.values));
        log(planRows.join('\n'));
      }
    }

    // ---------------------------------------------------------------- variants
    let variants: Variant[] = [];
    if (process.env.BENCH_VARIANTS !== '0') {
      log(`\nVariants (hand-written SQL in the same database; the app's code and schema are unchanged). p50/p95 ms`);
      variants = await runVariants(floor, { names: only ? NAME_QUERIES.filter((q) => only.test(`residents q='${q}' (province)`)) : NAME_QUERIES, commune: commune.path });
    }

    // ---------------------------------------------------------------- import
    let importFigures: ImportFigures | null = null;
    if (process.env.BENCH_IMPORT !== '0') {
      log('\nImport floor (staff workbook: exceljs streaming read, then COPY into person + membership with every index in place)');
      const importEnv: ImportBenchEnv = { target, sql, orgs, rows: Math.max(1_000, Number(process.env.BENCH_IMPORT_ROWS ?? Math.round(100_000 * sizes.scale))), dir: dataDir, services, ctx: actors['system admin'].ctx };
      importFigures = await measureImportFloor(importEnv);
      log(formatImportFigures(importFigures));
      const t = performance.now();
      const removed = await removeImported(importEnv);
      log(`  (the ${removed.toLocaleString('en')} imported people removed again in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }

    const size = (await sql.query(`select pg_size_pretty(pg_database_size(current_database())) as size`)).rows[0].size;
    const total = (performance.now() - started) / 1000;
    log(`\nDatabase size at the end: ${size}`);
    log(`Total wall time ${total.toFixed(0)} s (people load ${(loadTotal / 1000).toFixed(0)} s)`);
    if (process.env.BENCH_JSON) {
      writeFileSync(process.env.BENCH_JSON, JSON.stringify({ date: new Date().toISOString(), sizes, people, settings, version: cluster.version, loads, builds: load.builds, stats: load.people.stats, counts, results, plans, variants, importFigures, totalSeconds: total }, null, 2));
    }
    if (process.env.BENCH_KEEP === '1') {
      log(`\nBENCH_KEEP=1: the database stays up at ${databaseUrl} (app on port ${port}) until SIGINT/SIGTERM`);
      await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
  } finally {
    agent.destroy();
    await server?.close().catch(() => undefined);
    await floor?.close().catch(() => undefined);
    await sql?.end().catch(() => undefined);
    await database?.close().catch(() => undefined);
    await admin?.end().catch(() => undefined);
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ the hand-written floor

/** The birth dates of an age band on `day`, as the service computes them. */
function bornWithin(band: keyof typeof AGE_BANDS, day: string) {
  const { min, max } = AGE_BANDS[band];
  const yearsBefore = (years: number) => `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;
  return { after: yearsBefore(max + 1), onOrBefore: yearsBefore(min) };
}

const COUNT_CAP = 10_000;
const likeOf = (key: string) => `%${key.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/**
 * Residents as one would write it by hand: the person table alone for the whole province (every
 * resident has a residence), joined to `org` for a subtree; page and capped count in parallel.
 */
function bareResidents(o: { path?: string; nameKey?: string; sex?: string; born?: { after: string; onOrBefore: string }; ethnicity?: string; offset?: number; order?: string }): Bare {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (cond: (n: string) => string, v: unknown) => {
    values.push(v);
    where.push(cond(`$${values.length}`));
  };
  if (o.path) add((n) => `o.path like ${n}`, `${o.path}%`);
  else where.push('p.residence_org_id is not null');
  if (o.nameKey) add((n) => `p.name_search like ${n}`, likeOf(o.nameKey));
  if (o.sex) add((n) => `p.sex = ${n}`, o.sex);
  if (o.born) {
    add((n) => `p.birth_date > ${n}::date`, o.born.after);
    add((n) => `p.birth_date <= ${n}::date`, o.born.onOrBefore);
  }
  if (o.ethnicity) add((n) => `p.ethnicity = ${n}`, o.ethnicity);
  const from = `person p${o.path ? ' join org o on o.id = p.residence_org_id' : ''} where ${where.join(' and ')}`;
  const order = (o.order ?? 'name_sort, id').split(',').map((c) => `p.${c.trim()}`).join(', ');
  return {
    statements: [
      { text: `select p.id, p.full_name, p.birth_date, p.sex, p.citizen_id, p.residence_org_id from ${from} order by ${order} limit 20 offset ${o.offset ?? 0}`, values },
      { text: `select count(*)::int from (select 1 from ${from} limit ${COUNT_CAP + 1}) c`, values },
    ],
  };
}

/** Current staff by hand: membership ⋈ person (⋈ org for a subtree). */
function bareStaff(o: { path?: string; day: string; nameKey?: string; category?: string; sex?: string }): Bare {
  const values: unknown[] = [o.day];
  const where = ['(m.valid_from is null or m.valid_from <= $1::date)', '(m.valid_to is null or m.valid_to > $1::date)'];
  const add = (cond: (n: string) => string, v: unknown) => {
    values.push(v);
    where.push(cond(`$${values.length}`));
  };
  if (o.path) add((n) => `o.path like ${n}`, `${o.path}%`);
  if (o.nameKey) add((n) => `p.name_search like ${n}`, likeOf(o.nameKey));
  if (o.category) add((n) => `m.category = ${n}`, o.category);
  if (o.sex) add((n) => `p.sex = ${n}`, o.sex);
  const from = `membership m join person p on p.id = m.person_id${o.path ? ' join org o on o.id = m.org_id' : ''} where ${where.join(' and ')}`;
  return {
    statements: [
      { text: `select p.id, p.full_name, p.birth_date, m.position, m.org_id from ${from} order by p.name_sort, p.id, m.id limit 20`, values },
      { text: `select count(*)::int from (select 1 from ${from} limit ${COUNT_CAP + 1}) c`, values },
    ],
  };
}

const barePlan = (b: Bare): Plan => ({
  statements: b.statements.map((s, i) => ({ client: i + 1, text: s.text, values: s.values, start: 0, end: 0 })),
  deps: b.statements.map(() => []),
  lanes: b.statements.map((_, i) => i),
  laneCount: b.statements.length,
});

// ------------------------------------------------------------------ variants

interface Variant {
  id: string;
  what: string;
  today: P;
  variant: P;
  rows: string;
  note: string;
}

const RESIDENT_COLUMNS = 'p.id, p.full_name, p.birth_date, p.sex, p.citizen_id, p.residence_org_id';
/** V5 uses V1 up to this many estimated matches (V1 sorts them all: about 300 ms for 170 k here). */
const ESTIMATE_LIMIT = 200_000;

/**
 * V1 "matches first": every match's id and sort key (the trigram index, no walk), the top 20 by
 * name, and only then the rows. The planner cannot walk person_name_sort_idx hoping to meet 20
 * matches early, which is what it does today and what costs seconds when the matches sit late in
 * the name order (all "nguyen thi thuy" sort under "thuy": the walk reads 3 M entries first).
 */
const matchesFirst = (where: string) =>
  `with m as materialized (select p.id, p.name_sort from person p where ${where}) ` +
  `select ${RESIDENT_COLUMNS} from (select id, name_sort from m order by name_sort, id limit 20) t join person p on p.id = t.id order by t.name_sort, t.id`;

async function timeRuns(fn: () => Promise<unknown>, budgetMs = BUDGET_MS / 2): Promise<P> {
  const t0 = performance.now();
  await fn();
  const first = performance.now() - t0;
  const runs = Math.max(3, Math.min(RUNS, Math.floor(budgetMs / Math.max(1, first))));
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return stats(xs);
}

async function runVariants(floor: Floor, o: { names: string[]; commune: string }): Promise<Variant[]> {
  const out: Variant[] = [];
  const ids = async (text: string, values: unknown[]) => (await floor.query(text, values)).rows.map((r) => String((r as unknown[])[0])).join(',');
  const print = (v: Variant) => log(`  ${v.id} ${v.what.padEnd(58)} today ${pp(v.today).padStart(13)} → ${pp(v.variant).padEnd(13)} ${v.rows.padEnd(8)} ${v.note}`);
  for (const q of o.names) {
    const where = 'p.residence_org_id is not null and p.name_search like $1';
    const values = [likeOf(q)];
    const today = `select ${RESIDENT_COLUMNS} from person p where ${where} order by p.name_sort, p.id limit 20`;
    const now = await timeRuns(() => floor.query(today, values));
    const expected = await ids(today, values);
    const v1 = matchesFirst(where);
    const r1 = await timeRuns(() => floor.query(v1, values));
    const same1 = (await ids(v1, values)) === expected;
    // V4: the capped count first (the service runs it anyway), then V1 when it is not capped,
    // today's page when it is (many matches: the walk meets 20 of them early, unless they cluster).
    const countText = `select count(*)::int from (select 1 from person p where ${where} limit ${COUNT_CAP + 1}) c`;
    const todayBoth = barePlan({ statements: [{ text: today, values }, { text: countText, values }] });
    let capped = false;
    const v4 = async () => {
      const n = Number((await floor.query(countText, values)).rows[0]![0]);
      capped = n > COUNT_CAP;
      return floor.query(capped ? today : v1, values);
    };
    const nowBoth = await timeRuns(() => floor.replay(todayBoth));
    const r4 = await timeRuns(v4);
    const got4 = ((await v4()) as pg.QueryResult).rows.map((r) => String((r as unknown[])[0])).join(',');
    // V5: the planner's estimate of the matches decides (EXPLAIN without ANALYZE, about a
    // millisecond): V1 up to ESTIMATE_LIMIT, today's walk beyond; the count runs beside it as today.
    const estimateOf = async () => {
      const plan = JSON.parse(String((await floor.query(`explain (format json) select 1 from person p where ${where}`, values)).rows[0]![0])) as { Plan: { 'Plan Rows': number } }[];
      return plan[0]!.Plan['Plan Rows'];
    };
    const estimate = await estimateOf();
    const v5 = async () => {
      const rows = await estimateOf();
      const chosen = barePlan({ statements: [{ text: rows <= ESTIMATE_LIMIT ? v1 : today, values }, { text: countText, values }] });
      return floor.replay(chosen);
    };
    const r5 = await timeRuns(v5);
    const exact = Number((await floor.query(`select count(*) from person p where ${where}`, values)).rows[0]![0]);
    const a: Variant = { id: 'V1', what: `matches first — residents q='${q}' (province), page`, today: now, variant: r1, rows: same1 ? 'same' : 'DIFFER', note: '' };
    const c: Variant = {
      id: 'V5',
      what: `estimate, then V1 or today — q='${q}', page + count`,
      today: nowBoth,
      variant: r5,
      rows: (await ids(estimate <= ESTIMATE_LIMIT ? v1 : today, values)) === expected ? 'same' : 'DIFFER',
      note: `estimate ${estimate.toLocaleString('en')} for ${exact.toLocaleString('en')} matches: ${estimate <= ESTIMATE_LIMIT ? 'V1' : "today's page"}`,
    };
    const b: Variant = { id: 'V4', what: `count, then V1 or today — q='${q}', page + count`, today: nowBoth, variant: r4, rows: got4 === expected ? 'same' : 'DIFFER', note: capped ? `more than ${COUNT_CAP.toLocaleString('en')}: today's page` : 'V1' };
    out.push(a, b, c);
    print(a);
    print(b);
    print(c);
  }
  // V3: a subtree's search scans the subtree and tests the name with strpos(), which the trigram
  // index cannot serve, so the planner cannot BitmapAnd the whole province's matches per hamlet.
  for (const q of ['nguyen van', 'tran thi hong']) {
    const today = bareResidents({ path: o.commune, nameKey: q });
    const values = [`${o.commune}%`, q];
    const variant: Bare = {
      statements: today.statements.map((s) => ({ text: s.text.replace('p.name_search like $2', 'strpos(p.name_search, $2) > 0'), values })),
    };
    const now = await timeRuns(() => floor.replay(barePlan(today)));
    const r = await timeRuns(() => floor.replay(barePlan(variant)));
    const same = (await ids(today.statements[0]!.text, today.statements[0]!.values)) === (await ids(variant.statements[0]!.text, values));
    const sameCount = (await ids(today.statements[1]!.text, today.statements[1]!.values)) === (await ids(variant.statements[1]!.text, values));
    const v: Variant = { id: 'V3', what: `strpos in the subtree — commune q='${q}' (page + count)`, today: now, variant: r, rows: same && sameCount ? 'same' : 'DIFFER', note: '' };
    out.push(v);
    print(v);
  }
  return out;
}

// ------------------------------------------------------------------ measuring

function httpGet(port: number, agent: http.Agent, url: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, method: 'GET', agent, headers: { cookie, accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function urlOf(q: PeopleQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
  return `/api/v1/people?${params.toString()}`;
}

function slowestOf(plan: Plan, times: number[][]): Result['slowest'] {
  let best: Result['slowest'];
  plan.statements.forEach((s, i) => {
    const ms = median(times.map((t) => t[i]!));
    if (!/^\s*(begin|commit|rollback)\b/i.test(s.text) && (!best || ms > best.ms)) best = { text: s.text, values: s.values, ms };
  });
  return best;
}

async function measure(op: Op, services: Services, actor: { ctx: RequestContext; cookie: string }, floor: Floor, port: number, agent: http.Agent): Promise<Result> {
  const run = () => services.people.list(actor.ctx, op.query);
  const url = urlOf(op.query);
  let captured = await capture(run);
  // Operations slower than a second get one warm-up run of each kind instead of three.
  const warmups = captured.ms > 1000 ? 1 : WARMUP;
  let warm = captured.ms;
  for (let i = 1; i < warmups; i++) {
    captured = await capture(run);
    warm = captured.ms;
  }
  const replay = planOf(captured.statements);
  const bare = op.bare ? barePlan(op.bare) : null;
  let bareRows = '';
  for (let i = 0; i < warmups; i++) {
    await floor.replay(replay);
    if (bare) {
      const t = performance.now();
      await floor.replay(bare);
      warm = Math.max(warm, performance.now() - t);
    }
    const res = await httpGet(port, agent, url, actor.cookie);
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
  }
  if (bare) {
    const [pageRows, count] = await Promise.all(bare.statements.map((s) => floor.query(s.text, s.values)));
    const n = Number(count!.rows[0]![0]);
    bareRows = `${pageRows!.rows.length} / ${Math.min(n, COUNT_CAP).toLocaleString('en')}${n > COUNT_CAP ? '+' : ''}`;
  }
  // Heavy operations get fewer runs (at least 5; 3 beyond 2 s a run) so the whole run stays within minutes.
  const runs = Math.max(warm > 2000 ? 3 : 5, Math.min(RUNS, Math.floor(BUDGET_MS / Math.max(1, warm * 4))));
  const xs = { bare: [] as number[], replay: [] as number[], service: [] as number[], http: [] as number[] };
  const each: number[][] = [];
  const bareEach: number[][] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await run();
    xs.service.push(performance.now() - t);
    const f = await floor.replay(replay);
    xs.replay.push(f.ms);
    each.push(f.each);
    if (bare) {
      const b = await floor.replay(bare);
      xs.bare.push(b.ms);
      bareEach.push(b.each);
    }
    t = performance.now();
    await httpGet(port, agent, url, actor.cookie);
    xs.http.push(performance.now() - t);
  }
  const r = captured.result;
  const serviceRows = `${r.items.length} / ${r.total.toLocaleString('en')}${r.totalCapped ? '+' : ''}`;
  return {
    op: op.op,
    actor: op.actor,
    rows: bareRows && bareRows !== serviceRows ? `${serviceRows} (bare ${bareRows})` : serviceRows,
    runs,
    bare: bare ? stats(xs.bare) : null,
    replay: stats(xs.replay),
    service: stats(xs.service),
    http: stats(xs.http),
    statements: replay.statements.length,
    slowest: slowestOf(replay, each),
    bareSlowest: bare ? slowestOf(bare, bareEach) : undefined,
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) inside a transaction that is rolled back. */
async function explain(floor: Floor, text: string, values?: unknown[]): Promise<string> {
  await floor.query('begin');
  try {
    const rows = (await floor.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)).rows.map((x) => String((x as unknown[])[0]));
    return rows.join('\n');
  } finally {
    await floor.query('rollback');
  }
}

// ------------------------------------------------------------------ printing

function loadLine(l: LoadTiming, indent = '  '): string {
  return `${indent}${l.step.padEnd(indent.length > 2 ? 70 : 72)} ${l.rows ? String(l.rows.toLocaleString('en')).padStart(10) + ' rows' : ''.padStart(15)} ${(l.ms >= 1000 ? `${(l.ms / 1000).toFixed(1)} s` : `${fmt(l.ms)} ms`).padStart(9)}${l.rows && l.ms > 50 ? `  ${Math.round(l.rows / (l.ms / 1000)).toLocaleString('en')} rows/s` : ''}`;
}

const pp = (p: P | null) => (p ? `${fmt(p.p50)}/${fmt(p.p95)}` : '—');
const ratio = (a: P | null, b: P | null) => (a && b && b.p50 > 0 ? `${(a.p50 / b.p50).toFixed(1)}×` : '—');

function header(): string {
  return `  ${'operation'.padEnd(48)} ${'actor'.padEnd(13)} ${'bare'.padStart(13)} ${'replay'.padStart(13)} ${'service'.padStart(13)} ${'http'.padStart(13)} ${'svc/bare'.padStart(8)} ${'rows'.padStart(18)} runs`;
}

function row(r: Result): string {
  return `  ${r.op.padEnd(48)} ${r.actor.padEnd(13)} ${pp(r.bare).padStart(13)} ${pp(r.replay).padStart(13)} ${pp(r.service).padStart(13)} ${pp(r.http).padStart(13)} ${ratio(r.service, r.bare).padStart(8)} ${r.rows.padStart(18)} ${r.runs}`;
}

function table(results: Result[]): string {
  const cols = ['operation', 'actor', 'bare p50', 'p95', 'replay p50', 'p95', 'service p50', 'p95', 'http p50', 'p95', 'service / bare', 'rows', 'stmts'];
  const lines = [`| ${cols.join(' | ')} |`, `|${cols.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  const c = (p: P | null, k: keyof P) => (p ? fmt(p[k]) : '—');
  for (const r of results) {
    lines.push(`| ${[r.op, r.actor, c(r.bare, 'p50'), c(r.bare, 'p95'), c(r.replay, 'p50'), c(r.replay, 'p95'), c(r.service, 'p50'), c(r.service, 'p95'), c(r.http, 'p50'), c(r.http, 'p95'), ratio(r.service, r.bare), r.rows, String(r.statements)].join(' | ')} |`);
  }
  return lines.join('\n');
}

function codeVersion(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src/server', 'src/shared', 'drizzle'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(Boolean).length;
    return dirty ? `${head} + ${dirty} uncommitted file(s) in src/server, src/shared, drizzle` : head;
  } catch {
    return 'unknown (no git)';
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
