/**
 * Province-scale benchmark of the foundation's queries (organisations, accounts, audit, sessions).
 *
 *   npx tsx bench/province-orgs.ts                     full province (~8,100 units, 100 k accounts, 1 M audit rows)
 *   BENCH_SCALE=0.1 npx tsx bench/province-orgs.ts     a quick run
 *
 * A throwaway PostgreSQL cluster (test/pg-cluster.ts) gets a database migrated by the app, a
 * synthetic province loaded in bulk (bench/province-data.ts), then every operation runs through
 * the real services (createServices) as three actors — a system administrator, the unit head of
 * a commune, the unit head of a provincial department — and beside it the floor: the very same
 * statements replayed with plain `pg` clients (bench/measure.ts). Slow statements are EXPLAINed,
 * and a few index / query-shape variants are measured in the same database (the app's schema is
 * not changed).
 *
 * Environment: BENCH_SCALE, BENCH_USERS, BENCH_AUDIT_ROWS, BENCH_COMMUNES, BENCH_AGENCIES,
 * BENCH_SESSIONS (sizes, see province-data.ts); BENCH_RUNS (timed runs per operation, 30);
 * BENCH_SLOW_MS (EXPLAIN operations whose floor p50 is at least this, 5);
 * BENCH_EXPERIMENTS=0 (skip the variants); BENCH_JSON=<file> (write the figures as JSON);
 * BENCH_VERBOSE=1 (each statement's floor time); BENCH_KEEP=1 (keep the database up at the end).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startThrowawayCluster, type ThrowawayCluster } from '../test/pg-cluster.js';
import { openDb, type Database } from '../src/server/db/index.js';
import { createServices, type Services } from '../src/server/app.js';
import { hashPassword } from '../src/server/platform/auth/password.js';
import type { RequestContext } from '../src/server/platform/http/context.js';
import type { Actor } from '../src/server/platform/policy.js';
import { capture, Floor, fmt, inlineParams, percentile, planOf, type Plan, type Statement } from './measure.js';
import {
  generateOrgs,
  generateUsers,
  loadActivity,
  loadGrants,
  loadOrgs,
  loadUsers,
  sizesFromEnv,
  userRow,
  type LoadTiming,
  type UserRowGen,
} from './province-data.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 5);
const EXPERIMENTS = process.env.BENCH_EXPERIMENTS !== '0';
const BENCH_PASSWORD = 'Bench@2026-province';
const DB_NAME = 'hoctap_bench';
/** A full name, as one types it to find one person (the system administrator's own name). */
const RARE_NAME = 'tran thi bich ngoc';

interface Result {
  op: string;
  actor: string;
  service: { p50: number; p95: number };
  floor: { p50: number; p95: number } | null;
  rows: string;
  statements: number;
  note?: string;
  /** The slowest statement of the floor (median of its own times), for EXPLAIN. */
  slowest?: { text: string; values?: unknown[]; ms: number };
}

const log = (...a: unknown[]) => console.log(...a);

/** What the read phase measured, for the experiments that follow it. */
interface Measured {
  result: Result;
  plan: Plan;
  run: () => Promise<unknown>;
  rows: (r: unknown) => string;
}
const measured = new Map<string, Measured>();
const keyOf = (op: string, actor: string) => `${op}|${actor}`;
const median = (xs: number[]) => percentile(xs, 0.5);

async function main() {
  const sizes = sizesFromEnv();
  const started = performance.now();
  log(`hoctap province benchmark — ${new Date().toISOString()}`);
  log(`sizes: ${JSON.stringify(sizes)}; runs per operation: ${RUNS} (+${WARMUP} warm-up)`);
  log(`code: ${codeVersion()}`);

  let cluster: ThrowawayCluster | undefined;
  let database: Database | undefined;
  let floor: Floor | undefined;
  let admin: pg.Client | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hoctap-bench-'));
  try {
    cluster = await startThrowawayCluster();
    admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`create database ${DB_NAME}`);
    const databaseUrl = cluster.url.replace(/\/postgres$/, `/${DB_NAME}`);
    const settings = (await admin.query(`select name, setting, unit from pg_settings where name in ('shared_buffers','work_mem','jit','random_page_cost','fsync','synchronous_commit','max_parallel_workers_per_gather','effective_cache_size') order by name`)).rows
      .map((r) => `${r.name}=${r.setting}${r.unit && r.unit !== '' ? r.unit : ''}`)
      .join(' ');
    log(`PostgreSQL ${cluster.version} (${cluster.binDir}); ${settings}`);

    database = await openDb({ databaseUrl });
    await database.migrate();
    const services = createServices(database, { sessionSecret: 'x', dataDir });
    await services.orgs.loadBuiltInKinds();

    // ---------------------------------------------------------------- data
    const loads: LoadTiming[] = [];
    let t0 = performance.now();
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const orgs = generateOrgs(sizes);
    const users = generateUsers(sizes, orgs);
    const department = orgs.departments[0]!;
    const commune = orgs.vinhDieu;
    const benchUsers: UserRowGen[] = [
      userRow({ id: '0b000000-0000-4000-8000-000000000001', login: 'bench.admin', displayName: 'Trần Thị Bích Ngọc', homeOrgId: orgs.root.id }),
      userRow({ id: '0b000000-0000-4000-8000-000000000002', login: 'bench.commune', displayName: 'Lê Văn Hùng', homeOrgId: commune.id }),
      userRow({ id: '0b000000-0000-4000-8000-000000000003', login: 'bench.dept', displayName: 'Phạm Minh Thư', homeOrgId: department.id }),
    ];
    loads.push({ step: 'generate names, search and sort keys in JS (vn-text) + 1 argon2id', rows: orgs.rows.length + users.length, ms: performance.now() - t0 });
    const target = { binDir: cluster.binDir, port: cluster.port, database: DB_NAME };
    const sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
    loads.push(...(await loadOrgs(target, sql, orgs)));
    loads.push(...(await loadUsers(target, sql, [...users, ...benchUsers], passwordHash)));
    loads.push(await loadGrants(target, orgs, users));
    await sql.query(
      `insert into role_grant (user_id, org_id, role) values ($1, $2, 'system_admin'), ($3, $4, 'unit_head'), ($5, $6, 'unit_head')`,
      [benchUsers[0]!.id, orgs.root.id, benchUsers[1]!.id, commune.id, benchUsers[2]!.id, department.id],
    );
    loads.push(...(await loadActivity(sql, sizes)));
    const counts = (
      await sql.query(
        `select (select count(*) from org)::int as org, (select count(*) from user_account)::int as users, (select count(*) from role_grant)::int as grants,
                (select count(*) from session)::int as sessions, (select count(*) from audit_log)::int as audit,
                (select round(100.0 * relallvisible / greatest(relpages, 1)) from pg_class where relname = 'audit_log')::int as audit_all_visible_pct,
                pg_size_pretty(pg_database_size(current_database())) as size,
                (select json_object_agg(tablename, n) from (select tablename, count(*)::int as n from pg_indexes
                   where tablename in ('org', 'user_account', 'role_grant', 'audit_log', 'session') group by tablename) i) as indexes`,
      )
    ).rows[0];
    log('\nLoad');
    for (const l of loads) log(`  ${l.step.padEnd(62)} ${String(l.rows).padStart(9)} rows ${fmt(l.ms).padStart(8)} ms${l.rows && l.ms > 50 ? `  ${Math.round(l.rows / (l.ms / 1000)).toLocaleString('en')} rows/s` : ''}`);
    log(`  database: ${JSON.stringify(counts)}`);

    // ---------------------------------------------------------------- actors
    const ctxOf = async (userId: string): Promise<RequestContext> => ({ actor: await services.users.loadActor(services.db, userId), requestId: 'bench', ip: 'local' });
    const actors = {
      'system admin': { ctx: await ctxOf(benchUsers[0]!.id), userId: benchUsers[0]!.id, top: orgs.root, hamlet: orgs.hamletsOf.get(commune.id)![0]! },
      'commune head': { ctx: await ctxOf(benchUsers[1]!.id), userId: benchUsers[1]!.id, top: commune, hamlet: orgs.hamletsOf.get(commune.id)![1]! },
      'department head': { ctx: await ctxOf(benchUsers[2]!.id), userId: benchUsers[2]!.id, top: department, hamlet: department },
    };
    floor = new Floor(databaseUrl);
    const results: Result[] = [];

    // ---------------------------------------------------------------- reads
    log(`\nReads (${RUNS} runs each, service and floor interleaved)`);
    for (const [actorName, a] of Object.entries(actors)) {
      if (VERBOSE) log((await sql.query(`select backend_type, state, left(query, 80) as q, now() - xact_start as age from pg_stat_activity where backend_type like 'autovacuum%' or (backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid())`)).rows);
      const { token } = await services.auth.openSession(services.db, a.userId);
      const reads: { op: string; run: () => Promise<unknown>; rows: (r: never) => string }[] = [
        { op: 'orgs.listChildren (top level)', run: () => services.orgs.listChildren(a.ctx, { includeClosed: false, page: 1, pageSize: 20 }), rows: pageRows },
        { op: `orgs.listChildren (children of ${a.top.kindCode})`, run: () => services.orgs.listChildren(a.ctx, { parentId: a.top.id, includeClosed: false, page: 1, pageSize: 20 }), rows: pageRows },
        { op: "orgs.search 'vinh dieu'", run: () => services.orgs.search(a.ctx, { q: 'vinh dieu', includeClosed: false, page: 1, pageSize: 20 }), rows: pageRows },
        { op: `orgs.get (${a.hamlet.kindCode})`, run: () => services.orgs.get(a.ctx, a.hamlet.id), rows: (r: { ancestors: unknown[] }) => `1 (+${r.ancestors.length} anc.)` },
        { op: 'users.list', run: () => services.users.list(a.ctx, { page: 1, pageSize: 20 }), rows: pageRows },
        { op: "users.list q='nguyen van'", run: () => services.users.list(a.ctx, { q: 'nguyen van', page: 1, pageSize: 20 }), rows: pageRows },
        { op: `users.list q='${RARE_NAME}'`, run: () => services.users.list(a.ctx, { q: RARE_NAME, page: 1, pageSize: 20 }), rows: pageRows },
        { op: 'audit.list (limit 50)', run: () => services.audit.list(a.ctx, { limit: 50 }), rows: auditRows },
        { op: "audit.list entity='org'", run: () => services.audit.list(a.ctx, { limit: 50, entity: 'org' }), rows: auditRows },
        ...(actorName === 'system admin'
          ? [
              { op: 'audit.list orgId=commune', run: () => services.audit.list(a.ctx, { limit: 50, orgId: commune.id }), rows: auditRows },
              { op: "audit.list entity='org_kind' (rare)", run: () => services.audit.list(a.ctx, { limit: 50, entity: 'org_kind' }), rows: auditRows },
            ]
          : []),
        { op: 'auth.resolve (session → actor)', run: () => services.auth.resolve(token), rows: (r: { actor: Actor } | null) => (r ? `${r.actor.grants.length} grant(s)` : 'none') },
      ];
      for (const read of reads) {
        const m = await measureRead(floor, read.op, actorName, read.run, read.rows as (r: unknown) => string);
        measured.set(keyOf(read.op, actorName), m);
        results.push(m.result);
        log(row(m.result));
      }
    }

    // ---------------------------------------------------------------- writes
    log('\nWrites (system administrator)');
    const adminCtx = actors['system admin'].ctx;
    results.push(await measureCreate(services, floor, sql, adminCtx, orgs.communes[Math.min(1, orgs.communes.length - 1)]!.id));
    log(row(results.at(-1)!));
    const district = await services.orgs.create(adminCtx, { parentId: orgs.root.id, name: 'Huyện Bench', kindCode: 'district' });
    const moving = orgs.communes.find((c) => c.id !== commune.id)!;
    const moved = orgs.hamletsOf.get(moving.id)!.length + orgs.unitsOf.get(moving.id)!.length;
    results.push(await measureMove(services, floor, adminCtx, moving.id, orgs.root.id, district.id, moved));
    log(row(results.at(-1)!));
    results.push(await measureLogin(services, 'bench.admin'));
    log(row(results.at(-1)!));

    // ---------------------------------------------------------------- summary
    log('\nSummary (ms; floor = the same statements replayed with plain pg clients)');
    log(table(results));

    const slow = results.filter((r) => r.floor && r.floor.p50 >= SLOW_MS && r.slowest);
    if (slow.length) log(`\nEXPLAIN (ANALYZE, BUFFERS) of the slowest statement of each operation whose floor p50 ≥ ${SLOW_MS} ms`);
    const plans: Record<string, string[]> = {};
    for (const r of slow) {
      const key = `${r.op} — ${r.actor}`;
      const planRows = (await explain(floor, r.slowest!.text, r.slowest!.values)).split('\n');
      plans[key] = planRows;
      log(`\n### ${key} (statement median ${fmt(r.slowest!.ms)} ms)`);
      log(inlineParams(r.slowest!.text, r.slowest!.values));
      log(planRows.join('\n'));
    }

    let experiments: Experiment[] = [];
    if (EXPERIMENTS) {
      experiments = await runExperiments(floor, sql);
    }

    const total = (performance.now() - started) / 1000;
    log(`\nTotal wall time ${total.toFixed(0)} s`);
    if (process.env.BENCH_JSON) {
      writeFileSync(process.env.BENCH_JSON, JSON.stringify({ date: new Date().toISOString(), sizes, settings, version: cluster.version, loads, counts, results, plans, experiments, totalSeconds: total }, null, 2));
    }
    await sql.end();
    if (process.env.BENCH_KEEP === '1') {
      log(`\nBENCH_KEEP=1: the database stays up at ${databaseUrl} until SIGINT/SIGTERM`);
      await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
  } finally {
    await floor?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    await admin?.end().catch(() => undefined);
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The commit measured, and whether server code or migrations had uncommitted changes. */
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

// ------------------------------------------------------------------ measuring

const pageRows = (r: { items: unknown[]; total: number }) => `${r.items.length} / ${r.total.toLocaleString('en')}`;
const auditRows = (r: { items: unknown[]; nextCursor: string | null }) => `${r.items.length}${r.nextCursor ? ' (+more)' : ''}`;

const VERBOSE = process.env.BENCH_VERBOSE === '1';

function slowestOf(plan: Plan, times: number[][]): Result['slowest'] {
  let best: Result['slowest'];
  plan.statements.forEach((s, i) => {
    const ms = median(times.map((t) => t[i]!));
    if (VERBOSE) log(`    [${i} lane ${plan.lanes[i]} after ${plan.deps[i]!.join(',')}] ${fmt(ms)} ms  ${s.text.slice(0, 140)}`);
    if (!/^\s*(begin|commit|rollback)\b/i.test(s.text) && (!best || ms > best.ms)) best = { text: s.text, values: s.values, ms };
  });
  return best;
}

async function measureRead(floor: Floor, op: string, actor: string, run: () => Promise<unknown>, rows: (r: unknown) => string): Promise<Measured> {
  let captured: { result: unknown; statements: Statement[] } | undefined;
  for (let i = 0; i < WARMUP; i++) captured = await capture(run);
  const plan = planOf(captured!.statements);
  for (let i = 0; i < WARMUP; i++) await floor.replay(plan);
  const service: number[] = [];
  const floorMs: number[] = [];
  const each: number[][] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    service.push(performance.now() - t0);
    const f = await floor.replay(plan);
    floorMs.push(f.ms);
    each.push(f.each);
  }
  const result: Result = {
    op,
    actor,
    service: { p50: median(service), p95: percentile(service, 0.95) },
    floor: { p50: median(floorMs), p95: percentile(floorMs, 0.95) },
    rows: rows(captured!.result),
    statements: plan.statements.length,
    slowest: slowestOf(plan, each),
  };
  return { result, plan, run, rows };
}

/** Creating one unit: the service's statements are replayed after the unit is removed again. */
async function measureCreate(services: Services, floor: Floor, sql: pg.Client, ctx: RequestContext, parentId: string): Promise<Result> {
  const service: number[] = [];
  const floorMs: number[] = [];
  const each: number[][] = [];
  let plan: Plan | undefined;
  const runs = Math.max(10, Math.min(RUNS, 30));
  for (let i = 0; i < WARMUP + runs; i++) {
    const c = await capture(() => services.orgs.create(ctx, { parentId, name: `Tổ công tác số ${i + 1}`, kindCode: 'department' }));
    await sql.query('delete from org where id = $1', [c.result.id]);
    plan = planOf(c.statements);
    const f = await floor.replay(plan);
    await sql.query('delete from org where id = $1', [c.result.id]);
    if (i >= WARMUP) {
      service.push(c.ms);
      floorMs.push(f.ms);
      each.push(f.each);
    }
  }
  return {
    op: 'orgs.create (one department in a commune)',
    actor: 'system admin',
    service: { p50: median(service), p95: percentile(service, 0.95) },
    floor: { p50: median(floorMs), p95: percentile(floorMs, 0.95) },
    rows: '1',
    statements: plan!.statements.length,
    slowest: slowestOf(plan!, each),
  };
}

/**
 * Moving a commune with its hamlets and units under a district and back. The state after each
 * pair is the state before it, so the captured statements of the pair replay exactly.
 */
async function measureMove(services: Services, floor: Floor, ctx: RequestContext, id: string, home: string, away: string, moved: number): Promise<Result> {
  const service: number[] = [];
  const floorMs: number[] = [];
  const each: number[][] = [];
  let planAway: Plan | undefined;
  let planBack: Plan | undefined;
  const pairs = Math.max(5, Math.min(Math.ceil(RUNS / 2), 15));
  for (let i = 0; i < 1 + pairs; i++) {
    const a = await capture(() => services.orgs.move(ctx, id, away));
    const b = await capture(() => services.orgs.move(ctx, id, home));
    planAway = planOf(a.statements);
    planBack = planOf(b.statements);
    const fa = await floor.replay(planAway);
    const fb = await floor.replay(planBack);
    if (i > 0) {
      service.push(a.ms, b.ms);
      floorMs.push(fa.ms, fb.ms);
      each.push(fa.each);
    }
  }
  return {
    op: `orgs.move (commune + ${moved} units, and back)`,
    actor: 'system admin',
    service: { p50: median(service), p95: percentile(service, 0.95) },
    floor: { p50: median(floorMs), p95: percentile(floorMs, 0.95) },
    rows: `${moved + 1} moved`,
    statements: planAway!.statements.length,
    slowest: slowestOf(planAway!, each),
  };
}

/** Logging in: argon2id verification dominates; the floor is left out (its writes do not replay). */
async function measureLogin(services: Services, login: string): Promise<Result> {
  const times: number[] = [];
  let statements = 0;
  const runs = 10;
  for (let i = 0; i < 2 + runs; i++) {
    const c = await capture(() => services.auth.login({ actor: null, requestId: 'bench', ip: '127.0.0.1' }, { login, password: BENCH_PASSWORD }));
    statements = c.statements.length;
    if (i >= 2) times.push(c.ms);
  }
  return {
    op: 'auth.login (argon2id verify + session)',
    actor: 'system admin',
    service: { p50: median(times), p95: percentile(times, 0.95) },
    floor: null,
    rows: '1 session',
    statements,
    note: `${runs} runs; no floor (argon2id dominates)`,
  };
}

// ------------------------------------------------------------------ experiments

interface P {
  p50: number;
  p95: number;
}

interface Experiment {
  id: string;
  title: string;
  op: string;
  actor: string;
  before: { service?: P; floor: P };
  after: { service?: P; floor: P };
  rows?: string;
  detail: string;
  plan?: string[];
}

/** EXPLAIN (ANALYZE, BUFFERS) inside a transaction that is rolled back: writes are explained, not applied. */
async function explain(floor: Floor, text: string, values?: unknown[]): Promise<string> {
  await floor.query('begin');
  try {
    const rows = (await floor.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)).rows.map((x) => String((x as unknown[])[0]));
    return rows.join('\n');
  } finally {
    await floor.query('rollback');
  }
}

/** The plan with statement i's text replaced (same parameters, same place in the replay). */
function withStatement(plan: Plan, i: number, text: string): Plan {
  return { ...plan, statements: plan.statements.map((s, j) => (j === i ? { ...s, text } : s)) };
}

/** Current and variant plans replayed in alternation. */
async function compareFloors(floor: Floor, a: Plan, b: Plan): Promise<{ before: P; after: P }> {
  for (let i = 0; i < WARMUP; i++) {
    await floor.replay(a);
    await floor.replay(b);
  }
  const xa: number[] = [];
  const xb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    xa.push((await floor.replay(a)).ms);
    xb.push((await floor.replay(b)).ms);
  }
  return { before: { p50: median(xa), p95: percentile(xa, 0.95) }, after: { p50: median(xb), p95: percentile(xb, 0.95) } };
}

const firstColumn = async (floor: Floor, text: string, values?: unknown[]) => (await floor.query(text, values)).rows.map((r) => String((r as unknown[])[0])).join(',');

/**
 * The audit page, ids first: pick the 51 newest ids of the subtree (an index-only scan of
 * audit_org_idx (org_id, id) per unit, then a top-N sort), and only then join the names.
 * Today the joins run for every row of the subtree before the sort.
 */
export function auditIdsFirst(text: string): string | null {
  const from = text.indexOf(' from "audit_log" ');
  const where = text.indexOf(' where ', from);
  const order = text.indexOf(' order by "audit_log"."id" desc limit ', where);
  if (from < 0 || where < 0 || order < 0) return null;
  const select = text.slice(0, from);
  const joins = text.slice(from + ' from "audit_log" '.length, where);
  const orgJoin = 'left join "org" on "org"."id" = "audit_log"."org_id"';
  if (!joins.startsWith(orgJoin)) return null;
  const filter = text.slice(where, order);
  const limit = text.slice(order);
  return (
    `with "page" as (select "audit_log"."id" from "audit_log" ${orgJoin}${filter}${limit}) ` +
    `${select} from "page" join "audit_log" on "audit_log"."id" = "page"."id" ${joins} order by "audit_log"."id" desc`
  );
}

/** The total of a list counted only up to 1,001 ("more than 1,000"), so a page costs no more than a page. */
export function cappedCount(text: string): string | null {
  const head = 'select count(*)::int from ';
  if (!text.startsWith(head)) return null;
  return `select count(*)::int from (select 1 from ${text.slice(head.length)} limit 1001) "capped"`;
}

async function shapeExperiment(
  floor: Floor,
  id: string,
  title: string,
  key: [string, string],
  pickStatement: (s: Statement) => boolean,
  reshape: (text: string) => string | null,
  sameRows: boolean,
): Promise<Experiment | null> {
  const m = measured.get(keyOf(...key));
  if (!m) return null;
  const i = m.plan.statements.findIndex(pickStatement);
  const variant = i >= 0 ? reshape(m.plan.statements[i]!.text) : null;
  if (!variant) {
    log(`  ${id}: statement not found in ${key.join(' / ')} (the service changed?)`);
    return null;
  }
  const s = m.plan.statements[i]!;
  const same = (await firstColumn(floor, s.text, s.values)) === (await firstColumn(floor, variant, s.values));
  const { before, after } = await compareFloors(floor, m.plan, withStatement(m.plan, i, variant));
  const plan = (await explain(floor, variant, s.values)).split('\n');
  const e: Experiment = {
    id,
    title,
    op: key[0],
    actor: key[1],
    before: { floor: before },
    after: { floor: after },
    rows: m.result.rows,
    detail: sameRows ? (same ? 'same rows as today' : 'ROWS DIFFER from today') : 'total capped at 1,001',
    plan,
  };
  log(experimentRow(e));
  return e;
}

/** Runs fn with an extra index in the bench database (dropped afterwards, statistics refreshed both ways). */
async function withIndex(sql: pg.Client, ddl: string, drop: string, fn: (buildMs: number) => Promise<void>): Promise<void> {
  const t0 = performance.now();
  await sql.query(ddl);
  const build = performance.now() - t0;
  await sql.query('analyze audit_log, user_account, org');
  try {
    await fn(build);
  } finally {
    await sql.query(drop);
    await sql.query('analyze audit_log, user_account, org');
  }
}

async function runExperiments(floor: Floor, sql: pg.Client): Promise<Experiment[]> {
  log(`\nExperiments (variants in this database; the app's schema and code are unchanged)`);
  const out: Experiment[] = [];
  const isAuditPage = (s: Statement) => s.text.startsWith('select "audit_log"."id"');
  // E1 (ids first, names after) is the app's own shape since it was measured here; it is only
  // tried when the page still has the old one-query shape.
  const idsFirstAlready = (s: Statement) => s.text.includes('"page_ids"');
  const reshapeOld = (text: string) => (text.includes('"page_ids"') ? null : auditIdsFirst(text));
  for (const key of [
    ['audit.list (limit 50)', 'commune head'],
    ["audit.list entity='org'", 'commune head'],
    ['audit.list orgId=commune', 'system admin'],
    ['audit.list (limit 50)', 'department head'],
    ['audit.list (limit 50)', 'system admin'],
  ] as [string, string][]) {
    const page = measured.get(keyOf(key[0], key[1]))?.plan.statements.find(isAuditPage);
    if (page && idsFirstAlready(page)) {
      log(`  E1 ${key[0]} / ${key[1]}: already the app's shape`);
      continue;
    }
    const e = await shapeExperiment(floor, 'E1', 'audit page: 51 ids first, names joined after', key, isAuditPage, reshapeOld, true);
    if (e) out.push(e);
  }
  const isUserCount = (s: Statement) => s.text.startsWith('select count(*)::int from "user_account"');
  for (const key of [
    ['users.list', 'system admin'],
    ["users.list q='nguyen van'", 'system admin'],
    ['users.list', 'commune head'],
  ] as [string, string][]) {
    const e = await shapeExperiment(floor, 'E2', 'user list total counted up to 1,001', key, isUserCount, cappedCount, false);
    if (e) out.push(e);
  }
  // E3: the ids-first page again, for an entity filter on a subtree, with an index that
  // answers "this unit, this entity, newest first" from the index alone.
  await withIndex(sql, 'create index bench_audit_org_entity_id on audit_log (org_id, entity, id)', 'drop index bench_audit_org_entity_id', async (build) => {
    for (const key of [
      ["audit.list entity='org'", 'commune head'],
      ["audit.list entity='org'", 'department head'],
    ] as [string, string][]) {
      const e = await shapeExperiment(floor, 'E3', `E1 + btree (org_id, entity, id) on audit_log (built in ${fmt(build)} ms)`, key, isAuditPage, (text) => reshapeOld(text) ?? text, true);
      if (e) out.push(e);
    }
  });
  for (const actor of ['commune head', 'system admin']) {
    const e = await oneStatementResolve(floor, actor);
    if (e) out.push(e);
  }
  return out;
}

/**
 * The request hot path in one round trip: the session, its user and the user's grants with
 * their organisations in one statement (today: three statements one after another).
 */
async function oneStatementResolve(floor: Floor, actor: string): Promise<Experiment | null> {
  const m = measured.get(keyOf('auth.resolve (session → actor)', actor));
  const s0 = m?.plan.statements[0];
  if (!m || !s0 || !/ from "session"/.test(s0.text)) {
    log('  E4: the session lookup was not found (the service changed?)');
    return null;
  }
  const text =
    `with "s" as (${s0.text}) ` +
    `select "s"."id", "s"."user_id", "s"."csrf_token", "u"."must_change_password", "u"."disabled", "g"."id", "g"."org_id", "g"."role", "o"."path", "o"."name" ` +
    `from "s" join "user_account" "u" on "u"."id" = "s"."user_id" left join "role_grant" "g" on "g"."user_id" = "u"."id" left join "org" "o" on "o"."id" = "g"."org_id" ` +
    `order by "o"."depth", "o"."name_sort"`;
  const single: Plan = { statements: [{ ...s0, text }], deps: [[]], lanes: [0], laneCount: 1 };
  const { before, after } = await compareFloors(floor, m.plan, single);
  const e: Experiment = {
    id: 'E4',
    title: 'auth.resolve in one statement (session ⋈ user ⋈ grants ⋈ org)',
    op: m.result.op,
    actor,
    before: { floor: before },
    after: { floor: after },
    rows: m.result.rows,
    detail: `1 round trip instead of ${m.plan.statements.length}`,
    plan: (await explain(floor, text, s0.values)).split('\n'),
  };
  log(experimentRow(e));
  return e;
}

function experimentRow(e: Experiment): string {
  const p = (x?: P) => (x ? `${fmt(x.p50)}/${fmt(x.p95)}` : '—');
  return `  ${e.id} ${e.op.padEnd(40)} ${e.actor.padEnd(16)} floor ${p(e.before.floor).padStart(11)} → ${p(e.after.floor).padEnd(11)} service ${p(e.before.service).padStart(11)} → ${p(e.after.service).padEnd(11)} ${e.detail}`;
}

// ------------------------------------------------------------------ printing

const COLUMNS = ['operation', 'actor', 'service p50', 'p95', 'floor p50', 'p95', 'rows', 'stmts'];

function cells(r: Result): string[] {
  return [r.op, r.actor, fmt(r.service.p50), fmt(r.service.p95), r.floor ? fmt(r.floor.p50) : '—', r.floor ? fmt(r.floor.p95) : '—', r.rows, String(r.statements)];
}

function row(r: Result): string {
  return `  ${cells(r).map((c, i) => (i < 2 ? c.padEnd(i === 0 ? 44 : 16) : c.padStart(i === 6 ? 14 : 8))).join(' ')}${r.note ? `  (${r.note})` : ''}`;
}

function table(results: Result[]): string {
  const lines = [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const r of results) lines.push(`| ${cells(r).join(' | ')} |`);
  return lines.join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
