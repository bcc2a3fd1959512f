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
 *            on plain `pg` clients: the floor for the shape of the question. Name searches have
 *            two hand-written shapes (province: the walk along the name order and "matches
 *            first"; commune: the trigram index and strpos() on the subtree's rows); the faster
 *            one here is the floor;
 *   replay   the statements the service sent, captured and replayed on plain `pg` clients
 *            (bench/measure.ts): the floor for the app's own SQL;
 *   service  services.people.list(ctx, query), as the routes call it;
 *   http     GET /api/v1/people?… on the real Fastify app (buildApp) listening on 127.0.0.1,
 *            with a logged-in session cookie, over a keep-alive connection.
 *
 * Slow statements are EXPLAINed. At the end, the import: a 100 k-row staff workbook of one Sở, its
 * floor (exceljs streaming read, then COPY into person + membership) and the app's own import of
 * the same file through the services (upload, analysis, check and commit jobs), with time and
 * memory of each step (bench/people-import.ts).
 *
 * Environment: BENCH_SCALE and the sizes of province-data.ts and province-people-data.ts
 * (BENCH_RESIDENTS, BENCH_HOUSEHOLDS, BENCH_STAFF…); BENCH_RUNS (timed runs per operation, 20);
 * BENCH_BUDGET_MS (fewer runs for operations slower than this budget allows, 20000);
 * BENCH_SLOW_MS (EXPLAIN operations whose floor p50 is at least this, 10); BENCH_OPS=<regexp> (only the
 * operations whose name matches); BENCH_VARIANTS=0 (skip V1 and C1); BENCH_IMPORT_ROWS
 * (rows of the import file, 100000 × BENCH_SCALE); BENCH_IMPORT=0 (skip the import);
 * BENCH_APP_IMPORT=0 (the floor only); BENCH_IMPORT_TRACE=1 (the app import's statements summed by
 * kind; holds every statement's parameters, so its memory figures do not count);
 * BENCH_PG_SETTINGS ('name=value …' applied with ALTER SYSTEM and a restart; default: pg-floors'
 * shared_buffers=2GB work_mem=64MB maintenance_work_mem=1GB max_wal_size=8GB; 'default' keeps the
 * throwaway cluster's); BENCH_JSON=<file>; BENCH_KEEP=1 (keep the database up at the end).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { listTuning } from '../src/server/modules/people/people.repo.js';
import { todayInVietnam } from '../src/server/platform/time.js';
import { capture, Floor, fmt, inlineParams, percentile, planOf, type Plan, type Statement } from './measure.js';
import { copyIn, generateOrgs, sizesFromEnv, userRow, type LoadTiming, type UserRowGen } from './province-data.js';
import { loadPeople, peopleSizesFromEnv, vacuumPeople } from './province-people-data.js';
import { formatImportFigures, measureAppImport, measureImportFloor, removeImported, type AppImportPhase, type ImportBenchEnv, type ImportFigures } from './people-import.js';
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
  /** What the shape is, when a list has several hand-written candidates. */
  label?: string;
  /** Statements run at the same time on separate connections (page and count). */
  statements: { text: string; values: unknown[] }[];
  /** The count is the last column of the page's rows (one statement), not a second statement. */
  inlineCount?: boolean;
}

interface Op {
  op: string;
  actor: ActorName;
  query: PeopleQuery;
  /** The hand-written floor; with several candidates, the fastest one here is the floor. */
  bare?: Bare | Bare[];
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
  /** Which hand-written candidate was the floor, and the candidates' single-run times (ms). */
  bareChoice?: string;
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
      ops.push({ op: `residents q='${q}' (province)`, actor: 'system admin', query: page({ kind: 'resident', q }), bare: [bareResidents({ nameKey: q }), bareMatchesFirst(q)] });
    }
    ops.push(
      { op: 'residents, no filter (province)', actor: 'system admin', query: page({ kind: 'resident' }), bare: bareResidents({}) },
      { op: 'residents sex=female ageBand=60plus (province)', actor: 'system admin', query: page({ kind: 'resident', sex: 'female', ageBand: '60plus' }), bare: bareResidents({ sex: 'female', born: bornWithin('60plus', day) }) },
      { op: 'residents sex=male ageBand=18to35 (province)', actor: 'system admin', query: page({ kind: 'resident', sex: 'male', ageBand: '18to35' }), bare: bareResidents({ sex: 'male', born: bornWithin('18to35', day) }) },
      { op: 'residents ethnicity=Khmer (province)', actor: 'system admin', query: page({ kind: 'resident', ethnicity: 'Khmer' }), bare: bareResidents({ ethnicity: 'Khmer' }) },
      { op: 'residents of the commune, page 1', actor: 'commune head', query: page({ kind: 'resident' }), bare: bareResidents({ path: commune.path }) },
      { op: 'residents of the commune, page 50', actor: 'commune head', query: page({ kind: 'resident', page: 50 }), bare: bareResidents({ path: commune.path, offset: 980 }) },
      { op: "residents of the commune q='nguyen van'", actor: 'commune head', query: page({ kind: 'resident', q: 'nguyen van' }), bare: subtreeNameCandidates(commune.path, 'nguyen van') },
      { op: "residents of the commune q='tran thi hong'", actor: 'commune head', query: page({ kind: 'resident', q: 'tran thi hong' }), bare: subtreeNameCandidates(commune.path, 'tran thi hong') },
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
      if (r.bareChoice) log(`      bare: ${r.bareChoice}`);
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
      const counts = ops.flatMap((op) => {
        const b = Array.isArray(op.bare) ? op.bare.find((c) => !c.inlineCount && c.label !== 'strpos in the subtree') : op.bare;
        const count = b && !b.inlineCount ? b.statements[1] : undefined;
        return count && (!op.query.q || /^residents q='(an|hong|le minh|vo van)'/.test(op.op)) ? [{ list: op.op, ...count }] : [];
      });
      variants = await runVariants(floor, { names: only ? NAME_QUERIES.filter((q) => only.test(`residents q='${q}' (province)`)) : NAME_QUERIES, counts });
    }

    // ---------------------------------------------------------------- import
    let importFigures: ImportFigures | null = null;
    if (process.env.BENCH_IMPORT !== '0') {
      const importAgency = orgs.agencies[1] ?? orgs.agencies[0]!;
      log(`\nImport: the staff list of "${importAgency.name}" (the floor: exceljs streaming read, then COPY into person + membership with every index in place; then the app's import of the same file, targeted at the Sở)`);
      const importEnv: ImportBenchEnv = {
        target, sql, orgs, rows: Math.max(1_000, Number(process.env.BENCH_IMPORT_ROWS ?? Math.round(100_000 * sizes.scale))), dir: dataDir, services, ctx: actors['system admin'].ctx, agency: importAgency,
      };
      importFigures = await measureImportFloor(importEnv);
      let t = performance.now();
      let removed = await removeImported(importEnv);
      log(`  (the floor's ${removed.toLocaleString('en')} people removed again in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
      if (process.env.BENCH_APP_IMPORT !== '0') {
        await measureAppImport(importEnv, importFigures, (file, phase) => appImport(services, importEnv.ctx, importAgency.id, file, phase));
      }
      log(formatImportFigures(importFigures));
      if (importFigures.app) {
        t = performance.now();
        removed = await removeImported(importEnv);
        log(`  (the app's ${removed.toLocaleString('en')} people removed again in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
      }
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

// ------------------------------------------------------------------ the app's import

/**
 * The staff import as a user runs it, through the services the routes call: upload, the analysis
 * job, the columns as detected (the wizard's defaults), the check job, then the commit job. Each
 * step's time and memory is recorded; any row the check does not accept stops the run.
 */
async function appImport(services: Services, ctx: RequestContext, orgId: string, file: string, phase: () => { peakRssMb: number; peakHeapMb: number }): Promise<AppImportPhase[]> {
  const phases: AppImportPhase[] = [];
  let t = performance.now();
  const step = (name: string) => {
    phases.push({ step: name, ms: performance.now() - t, ...phase() });
    t = performance.now();
  };
  // BENCH_IMPORT_TRACE=1: the statements each job sent, summed by kind (time from send to answer).
  const drain = async (job: string) => {
    if (process.env.BENCH_IMPORT_TRACE !== '1') return services.jobs.drain();
    const { statements, ms } = await capture(() => services.jobs.drain());
    const kinds = new Map<string, { n: number; ms: number; params: number; each: number[] }>();
    for (const st of statements) {
      const text = st.text.replace(/\s+/g, ' ').trim().toLowerCase();
      const m = /^(insert into|update|delete from) "?(\w+)/.exec(text) ?? /^(select|with)\b.*? from "?(\w+)/.exec(text);
      const kind = m ? `${m[1]} ${m[2]}` : text.slice(0, 40);
      const k = kinds.get(kind) ?? { n: 0, ms: 0, params: 0, each: [] };
      k.n += 1;
      k.ms += st.end - st.start;
      k.each.push(st.end - st.start);
      k.params += st.values?.length ?? 0;
      kinds.set(kind, k);
    }
    log(`    ${job}: ${fmt(ms)} ms, ${statements.length} statements`);
    for (const [kind, k] of [...kinds].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
      const tenth = Math.max(1, Math.floor(k.n / 10));
      const avg = (xs: number[]) => fmt(xs.reduce((a, b) => a + b, 0) / xs.length);
      const trend = k.n >= 20 ? `; first tenth ${avg(k.each.slice(0, tenth))} ms, last tenth ${avg(k.each.slice(-tenth))} ms` : '';
      log(`      ${kind.padEnd(44)} ${String(k.n).padStart(7)} × ${fmt(k.ms / k.n).padStart(7)} ms = ${fmt(k.ms).padStart(8)} ms  (${Math.round(k.params / k.n)} parameters each${trend})`);
    }
  };
  const uploaded = await services.imports.upload(ctx, { kind: 'staff', orgId, fileName: path.basename(file), file: createReadStream(file) });
  step('upload (stored, analysis job queued)');
  await drain('analysis');
  const analysed = await services.imports.get(ctx, uploaded.id);
  if (analysed.state !== 'analysed' || !analysed.analysis) throw new Error(`import analysis: ${analysed.state} ${JSON.stringify(analysed.error)}`);
  step('analysis job (read the whole file: sheets, header, encoding, columns)');
  const a = analysed.analysis;
  const mapping = Object.fromEntries(a.columns.filter((c) => c.fieldKey).map((c) => [String(c.index), c.fieldKey!]));
  await services.imports.configure(ctx, uploaded.id, { sheet: a.sheet, headerRow: a.headerRow, mapping, duplicates: 'update' });
  await drain('check');
  const checked = await services.imports.get(ctx, uploaded.id);
  if (checked.state !== 'checked' || !checked.summary || checked.summary.errors > 0) {
    const issues = await services.imports.issues(ctx, uploaded.id, 1, 5);
    throw new Error(`import check: ${checked.state} ${JSON.stringify(checked.summary)} ${JSON.stringify(checked.error)} ${JSON.stringify(issues.items)}`);
  }
  step(`check job (read, parse and resolve every row; ${checked.summary.create.toLocaleString('en')} to create)`);
  await services.imports.commit(ctx, uploaded.id);
  await drain('commit');
  const done = await services.imports.get(ctx, uploaded.id);
  if (done.state !== 'imported') throw new Error(`import commit: ${done.state} ${JSON.stringify(done.error)}`);
  step('commit job (read, parse, resolve and spool again; save all in one transaction)');
  return phases;
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
    label: o.nameKey ? (o.path ? 'trigram in the subtree' : 'walk') : undefined,
    statements: [
      { text: `select p.id, p.full_name, p.birth_date, p.sex, p.citizen_id, p.residence_org_id from ${from} order by ${order} limit 20 offset ${o.offset ?? 0}`, values },
      { text: `select count(*)::int from (select 1 from ${from} limit ${COUNT_CAP + 1}) c`, values },
    ],
  };
}

/**
 * A province-wide name search "matches first", by hand: every match's id and sort key (the trigram
 * index; MATERIALIZED keeps the planner from walking the name order instead), the top 20 by name,
 * then their rows; the matches are counted (to 10,001, as the app) from the same CTE, in the same statement.
 */
function bareMatchesFirst(nameKey: string): Bare {
  return {
    label: 'matches first',
    inlineCount: true,
    statements: [{ text: matchesFirst('p.residence_org_id is not null and p.name_search like $1', true), values: [likeOf(nameKey)] }],
  };
}

/**
 * A name search in a subtree, two ways by hand: the trigram index (the planner probes it per unit
 * of the subtree) and strpos() on the subtree's rows (which the trigram index cannot serve: the
 * subtree's residents are read by person_residence_idx and filtered).
 */
function subtreeNameCandidates(path: string, nameKey: string): Bare[] {
  const trigram = bareResidents({ path, nameKey });
  const values = [`${path}%`, nameKey];
  const strpos: Bare = { label: 'strpos in the subtree', statements: trigram.statements.map((s) => ({ text: s.text.replace('p.name_search like $2', 'strpos(p.name_search, $2) > 0'), values })) };
  return [trigram, strpos];
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

/**
 * V1 "matches first": every match's id and sort key (the trigram index, no walk), the top 20 by
 * name, and only then the rows. The planner cannot walk person_name_sort_idx hoping to meet 20
 * matches early, which is what it does today and what costs seconds when the matches sit late in
 * the name order (all "nguyen thi thuy" sort under "thuy": the walk reads 3 M entries first).
 */
const matchesFirst = (where: string, withCount = false) =>
  `with m as materialized (select p.id, p.name_sort from person p where ${where}) ` +
  `select ${RESIDENT_COLUMNS}${withCount ? `, (select count(*) from (select 1 from m limit ${COUNT_CAP + 1}) c)::int as matches` : ''} from (select id, name_sort from m order by name_sort, id limit 20) t join person p on p.id = t.id order by t.name_sort, t.id`;

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

/** The planner's estimate of the people whose name contains the key, as the app asks for it (people.repo.ts). */
async function estimateOf(floor: Floor, nameKey: string): Promise<number> {
  const plan = JSON.parse(String((await floor.query(`explain (format json) select 1 from person where name_search like $1`, [likeOf(nameKey)])).rows[0]![0])) as { Plan: { 'Plan Rows': number } }[];
  return plan[0]!.Plan['Plan Rows'];
}

/**
 * V1: each province-wide name search both ways by hand — the walk along the name order (today's
 * plain SQL: page and capped count in parallel) and matches first (page and count in one
 * statement; also the page alone, so the count's share shows) — with the planner's estimate and the
 * shape the app picks for it (listTuning.matchesFirstLimit).
 * C1: the capped counts of the lists, to 10,001 (the app) and to 1,001.
 */
async function runVariants(floor: Floor, o: { names: string[]; counts: { list: string; text: string; values: unknown[] }[] }): Promise<Variant[]> {
  const out: Variant[] = [];
  const ids = async (text: string, values: unknown[]) => (await floor.query(text, values)).rows.map((r) => String((r as unknown[])[0])).join(',');
  const print = (v: Variant) => log(`  ${v.id} ${v.what.padEnd(58)} ${pp(v.today).padStart(13)} → ${pp(v.variant).padEnd(13)} ${v.rows.padEnd(8)} ${v.note}`);
  log(`  V1 (per name): walk = page ∥ count to ${(COUNT_CAP + 1).toLocaleString('en')}; matches first = page + count to ${(COUNT_CAP + 1).toLocaleString('en')} from the same CTE, one statement`);
  for (const q of o.names) {
    const where = 'p.residence_org_id is not null and p.name_search like $1';
    const values = [likeOf(q)];
    const walk = bareResidents({ nameKey: q });
    const walkTime = await timeRuns(() => floor.replay(barePlan(walk)));
    const pageOnly = await timeRuns(() => floor.query(matchesFirst(where), values));
    const withCount = await timeRuns(() => floor.query(matchesFirst(where, true), values));
    const same = (await ids(walk.statements[0]!.text, values)) === (await ids(matchesFirst(where), values));
    const estimate = await estimateOf(floor, q);
    const exact = Number((await floor.query(`select count(*) from person p where ${where}`, values)).rows[0]![0]);
    const app = estimate <= listTuning.matchesFirstLimit ? 'matches first' : 'walk';
    const v: Variant = {
      id: 'V1',
      what: `walk → matches first — residents q='${q}' (province)`,
      today: walkTime,
      variant: withCount,
      rows: same ? 'same' : 'DIFFER',
      note: `page alone ${pp(pageOnly)}; estimate ${estimate.toLocaleString('en')} for ${exact.toLocaleString('en')} matches: the app ${app === 'walk' ? 'walks' : 'matches first'}`,
    };
    out.push(v);
    print(v);
  }
  log(`  C1: the capped count alone, to ${(COUNT_CAP + 1).toLocaleString('en')} (the app) → to 1,001`);
  for (const c of o.counts) {
    const lower = c.text.replace(`limit ${COUNT_CAP + 1}`, 'limit 1001');
    const now = await timeRuns(() => floor.query(c.text, c.values));
    const r = await timeRuns(() => floor.query(lower, c.values));
    const n = Number((await floor.query(c.text, c.values)).rows[0]![0]);
    const v: Variant = { id: 'C1', what: `count to 1,001 — ${c.list}`, today: now, variant: r, rows: '', note: `${Math.min(n, COUNT_CAP).toLocaleString('en')}${n > COUNT_CAP ? '+' : ''} rows` };
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
  let bareOp = Array.isArray(op.bare) ? undefined : op.bare;
  let bareChoice: string | undefined;
  if (Array.isArray(op.bare)) ({ bare: bareOp, note: bareChoice } = await fastestBare(floor, op.bare));
  const bare = bareOp ? barePlan(bareOp) : null;
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
  if (bareOp) {
    const [pageRows, count] = await Promise.all(bareOp.statements.map((s) => floor.query(s.text, s.values)));
    const first = pageRows!.rows[0] as unknown[] | undefined;
    const n = bareOp.inlineCount ? Number(first?.at(-1) ?? 0) : Number(count!.rows[0]![0]);
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
    bareChoice,
    slowest: slowestOf(replay, each),
    bareSlowest: bare ? slowestOf(bare, bareEach) : undefined,
  };
}

/**
 * The fastest of several hand-written shapes of one list: each runs once (three times when a run
 * takes under a second, best kept), after one warm-up run.
 */
async function fastestBare(floor: Floor, candidates: Bare[]): Promise<{ bare: Bare; note: string }> {
  const times: number[] = [];
  for (const c of candidates) {
    const plan = barePlan(c);
    let best = (await floor.replay(plan)).ms;
    best = Math.min(best, (await floor.replay(plan)).ms);
    if (best < 1000) for (let i = 0; i < 2; i++) best = Math.min(best, (await floor.replay(plan)).ms);
    times.push(best);
  }
  const i = times.indexOf(Math.min(...times));
  return { bare: candidates[i]!, note: `${candidates[i]!.label} (fastest of: ${candidates.map((c, k) => `${c.label} ${fmt(times[k]!)} ms`).join(', ')})` };
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
