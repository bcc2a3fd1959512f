/**
 * Derived indicators of the learning titles at province scale (recognition/derived-facts.ts): the
 * share of a commune's residents holding Công dân học tập (TT 25/2023 5.1), of its households holding
 * Gia đình học tập (QĐ 448), a clan's, a household's adults, an agency's members (TT 22/2020,
 * TT 24/2023: plans, mandatory training, emulation titles, CDHT, the unit's own title), one person's
 * plan, and the same formulas for the whole province.
 *
 *   npx tsx bench/province-recognition.ts                  quick run (BENCH_SCALE 0.05: 3 communes of ~67,000 residents, 5,000 staff; ~2 min)
 *   BENCH_SCALE=1 npx tsx bench/province-recognition.ts    the province: 4 M residents in 67 communes of ~60,000, 100,000 staff
 *
 * A throwaway PostgreSQL cluster (pg-floors settings) gets a database migrated by the app, the
 * synthetic province of bench/province-data.ts with its people (bench/province-people-data.ts,
 * loaded with COPY), and, by INSERT … SELECT: Công dân học tập for 35 % of residents and 60 % of
 * staff, Gia đình học tập for 60 % of households (1 % of both revoked), each with its registration
 * under one issued decision per title; study plans, mandatory-training records and emulation results
 * of staff, and collective titles of units. The agency with most staff gets new hires (residents of
 * working age) up to BENCH_AGENCY_STAFF members. The number of communes follows the residents
 * (BENCH_COMMUNE_RESIDENTS, 60,000 a commune) unless BENCH_COMMUNES is set.
 *
 * Each operation runs `derivedValues` (what the title screens call) with the built-in criteria set,
 * and the statements it sent replayed on plain `pg` clients (bench/measure.ts: the same SQL run
 * directly, the floor), interleaved. Beside some, a hand-written count without the list of sources
 * ("bare count") shows what the list costs. EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of
 * the operations whose floor p50 is at least BENCH_SLOW_MS.
 *
 * Environment: BENCH_SCALE (0.05 here), BENCH_RESIDENTS, BENCH_HOUSEHOLDS, BENCH_STAFF, BENCH_COMMUNES,
 * BENCH_COMMUNE_RESIDENTS (60000), BENCH_AGENCY_STAFF (200: the agency with most staff is brought to it), BENCH_RUNS (20), BENCH_SLOW_MS (50), BENCH_OPS (a regular
 * expression on operation names), BENCH_PG_SETTINGS (see bench/pg-settings.ts), BENCH_KEEP=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startThrowawayCluster, type ThrowawayCluster } from '../test/pg-cluster.js';
import { openDb, type Database } from '../src/server/db/index.js';
import { buildApp } from '../src/server/app.js';
import type { CriteriaSetDocument } from '../src/shared/criteria.js';
import { loadBuiltinSets } from '../src/server/modules/criteria/builtin-sets.js';
import { derivedValues, type DerivedSubject, type DerivedValue } from '../src/server/modules/recognition/derived-facts.js';
import { capture, Floor, fmt, inlineParams, percentile, planOf, type Statement } from './measure.js';
import { copyIn, generateOrgs, sizesFromEnv } from './province-data.js';
import { loadPeople, peopleSizesFromEnv, vacuumPeople } from './province-people-data.js';
import { applySettings, parseSettings, PG_FLOORS_SETTINGS } from './pg-settings.js';

const YEAR = 2026;
const DB_NAME = 'hoctap_bench_recognition';
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 50);
const OPS = process.env.BENCH_OPS ? new RegExp(process.env.BENCH_OPS) : null;
const log = (...a: unknown[]) => console.log(...a);

/** Recognitions, plans, records and emulation results, generated in the database (a hash of the id picks). */
function generateSql(rootId: string) {
  return `
  insert into recognition_decision (org_id, year, title, number, signed_on, signer_name, signer_position, issuing_body, state, issued_at)
  select '${rootId}', ${YEAR}, t, n || '/QĐ-UBND', '${YEAR + 1}-02-10', 'Nguyễn Văn Hùng', 'Chủ tịch', 'Ủy ban nhân dân tỉnh', 'issued', now()
  from (values ('LEARNING_CITIZEN', 101), ('LEARNING_FAMILY', 102)) d(t, n);

  -- Công dân học tập: 35 % of residents, 60 % of staff; the case belongs to the person's unit, else where they live.
  with staff as (select distinct on (person_id) person_id, org_id from membership where valid_to is null order by person_id, is_leader desc)
  insert into title_registration (year, title, subject_kind, person_id, org_id, citizen_group, state, decision_id)
  select ${YEAR}, 'LEARNING_CITIZEN', 'person', p.id, coalesce(s.org_id, p.residence_org_id), p.citizen_group, 'recognised',
         (select id from recognition_decision where title = 'LEARNING_CITIZEN')
  from person p left join staff s on s.person_id = p.id
  where (s.person_id is not null and abs(hashtext(p.id::text || 'cdht-staff')) % 100 < 60)
     or (s.person_id is null and p.residence_org_id is not null and abs(hashtext(p.id::text || 'cdht')) % 100 < 35);

  -- Gia đình học tập: 60 % of households.
  insert into title_registration (year, title, subject_kind, household_id, org_id, state, decision_id)
  select ${YEAR}, 'LEARNING_FAMILY', 'household', h.id, h.org_id, 'recognised', (select id from recognition_decision where title = 'LEARNING_FAMILY')
  from household h where abs(hashtext(h.id::text || 'gdht')) % 100 < 60;

  -- The recognitions of the registrations; 1 % revoked.
  insert into recognition (decision_id, registration_id, year, title, subject_kind, person_id, household_id, org_id, outcome, valid_from, valid_until, certificate_code, revoked_at, revoke_reason)
  select r.decision_id, r.id, r.year, r.title, r.subject_kind, r.person_id, r.household_id, r.org_id, 'DAT', '${YEAR + 1}-02-10', '${YEAR + 4}-02-09',
         upper(replace(r.id::text, '-', '')),
         case when abs(hashtext(r.id::text)) % 100 = 0 then now() end,
         case when abs(hashtext(r.id::text)) % 100 = 0 then 'Kê khai không trung thực' end
  from title_registration r where r.year = ${YEAR};

  -- Staff: plans (92 %, most approved), the yearly mandatory training (75 % verified), emulation results.
  with staff as (select distinct on (person_id) person_id, org_id from membership where valid_to is null order by person_id, is_leader desc)
  insert into study_plan (person_id, org_id, year, state, content)
  select s.person_id, s.org_id, ${YEAR},
    (array['draft','submitted','returned','approved','approved','approved','approved','approved','reported','confirmed'])[1 + (abs(hashtext(s.person_id::text)) % 10)],
    '{"selfAssessment":null,"goals":null,"conditions":null,"commitment":"Tôi cam kết học tập suốt đời.","lines":[]}'::jsonb
  from staff s where abs(hashtext(s.person_id::text || 'plan')) % 100 < 92;

  with staff as (select distinct on (person_id) person_id, org_id from membership where valid_to is null order by person_id, is_leader desc)
  insert into learning_record (person_id, org_id, year, kind, title, ends_on, hours, status)
  select s.person_id, s.org_id, ${YEAR}, 'mandatory_training', 'Bồi dưỡng bắt buộc hằng năm', '${YEAR}-06-30', 40,
    case when abs(hashtext(s.person_id::text || 'verified')) % 10 < 8 then 'verified' else 'pending' end
  from staff s where abs(hashtext(s.person_id::text || 'mandatory')) % 100 < 75;

  insert into emulation_record (year, person_id, title_code, discipline)
  select ${YEAR}, p.person_id,
    case when h % 100 < 10 then 'CSTD_CO_SO' when h % 100 < 80 then 'LAO_DONG_TIEN_TIEN' end,
    case when h % 100 < 97 then 'compliant' else 'reprimand' end
  from (select distinct person_id, abs(hashtext(person_id::text || 'emulation')) as h from membership where valid_to is null) p;

  insert into emulation_record (year, org_id, title_code)
  select ${YEAR}, o.id, case when abs(hashtext(o.id::text)) % 100 < 20 then 'TAP_THE_LDXS' else 'TAP_THE_LDTT' end
  from org o where o.kind_code not in ('province', 'commune', 'hamlet') and abs(hashtext(o.id::text || 'collective')) % 100 < 60;

  analyze recognition_decision; analyze title_registration; analyze recognition; analyze study_plan; analyze learning_record; analyze emulation_record;`;
}

interface Op {
  op: string;
  subject: DerivedSubject;
  doc: CriteriaSetDocument;
  /** A hand-written count of the same question without the list of sources. */
  bare?: { text: string; values: unknown[] };
}

async function main() {
  if (!process.env.BENCH_SCALE) process.env.BENCH_SCALE = '0.05';
  const people = peopleSizesFromEnv();
  const perCommune = Number(process.env.BENCH_COMMUNE_RESIDENTS ?? 60_000);
  if (!process.env.BENCH_COMMUNES) process.env.BENCH_COMMUNES = String(Math.max(1, Math.round(people.residents / perCommune)));
  const sizes = sizesFromEnv();
  log(`hoctap derived indicators benchmark — ${new Date().toISOString()}`);
  log(`sizes: ${JSON.stringify({ scale: sizes.scale, communes: sizes.communes, hamletsPerCommune: sizes.hamletsPerCommune, agencies: sizes.agencies, residents: people.residents, households: people.households, staff: people.staff })}`);

  let cluster: ThrowawayCluster | undefined;
  let database: Database | undefined;
  let floor: Floor | undefined;
  let sql: pg.Client | undefined;
  let app: { close(): Promise<unknown> } | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hoctap-bench-'));
  const stop = async () => {
    await app?.close().catch(() => undefined);
    await floor?.close().catch(() => undefined);
    await sql?.end().catch(() => undefined);
    await database?.close().catch(() => undefined);
    if (process.env.BENCH_KEEP !== '1') await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));
  try {
    cluster = await startThrowawayCluster();
    await applySettings(cluster, parseSettings(process.env.BENCH_PG_SETTINGS ?? PG_FLOORS_SETTINGS));
    const admin = new pg.Client({ connectionString: cluster.url });
    admin.on('error', () => undefined);
    await admin.connect();
    await admin.query(`create database ${DB_NAME}`);
    await admin.end();
    const databaseUrl = cluster.url.replace(/\/postgres$/, `/${DB_NAME}`);
    log(`PostgreSQL ${cluster.version}`);

    database = await openDb({ databaseUrl });
    await database.migrate();
    const built = await buildApp({ database, sessionSecret: 'bench-secret', dataDir, logLevel: false, runJobs: false });
    app = built.app;
    const db = built.services.db;

    const target = { binDir: cluster.binDir, port: cluster.port, database: DB_NAME };
    sql = new pg.Client({ connectionString: databaseUrl });
    sql.on('error', () => undefined);
    await sql.connect();
    let t0 = performance.now();
    const orgs = generateOrgs(sizes);
    await copyIn(target, 'org', ['id', 'root_id', 'parent_id', 'path', 'depth', 'name', 'name_search', 'name_sort', 'kind_code', 'code'], orgs.rows.map((o) => [o.id, o.rootId, o.parentId, o.path, o.depth, o.name, o.nameSearch, o.nameSort, o.kindCode, o.code]));
    await loadPeople(target, sql, orgs, people, (s) => log(s));
    await vacuumPeople(sql);
    log(`orgs and people loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // The agency with most staff is brought to BENCH_AGENCY_STAFF (200) members with residents of working age (new hires).
    const agencyTarget = Number(process.env.BENCH_AGENCY_STAFF ?? 200);
    const largest = (
      await sql.query(
        `select a.id, a.path, count(distinct m.person_id)::int as n from org a join org o on o.path like a.path || '%' join membership m on m.org_id = o.id and m.valid_to is null
         where a.kind_code = 'agency' group by a.id order by n desc, a.id limit 1`,
      )
    ).rows[0] as { id: string; path: string; n: number };
    if (largest.n < agencyTarget) {
      await sql.query(
        `with units as (select array_agg(id order by id) as ids from org where path like $1),
         hires as (select id, row_number() over (order by id) as rn from (
           select p.id from person p where p.residence_org_id is not null and p.birth_date between '1971-01-01' and '2001-01-01'
             and not exists (select 1 from membership m where m.person_id = p.id) order by p.id limit $2) c)
         insert into membership (person_id, org_id, position, is_leader, category, valid_from)
         select hires.id, units.ids[1 + (hires.rn % cardinality(units.ids))::int], 'Chuyên viên', false, 'cong_chuc', '2024-01-01' from hires, units`,
        [largest.path + '%', agencyTarget - largest.n],
      );
      await sql.query('analyze membership');
    }
    t0 = performance.now();
    await sql.query(generateSql(orgs.root.id));
    await sql.query('vacuum analyze recognition, title_registration, study_plan, learning_record, emulation_record');
    const counts = (
      await sql.query(`select (select count(*) from person)::int as persons, (select count(*) from household)::int as households,
        (select count(*) from membership where valid_to is null)::int as memberships,
        (select count(*) from recognition where title = 'LEARNING_CITIZEN')::int as cdht, (select count(*) from recognition where title = 'LEARNING_FAMILY')::int as gdht,
        (select count(*) from recognition where revoked_at is not null)::int as revoked, (select count(*) from study_plan)::int as plans,
        (select count(*) from learning_record)::int as records, (select count(*) from emulation_record)::int as emulation`)
    ).rows[0];
    log(`recognitions, plans, records and emulation generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

    // The subjects: a commune (the first), its largest clan, its first hamlet, a household of five there,
    // the agency with most staff (and a member of it), the province.
    const commune = orgs.communes[0]!;
    const q1 = async <T>(text: string, values: unknown[] = []) => (await sql!.query(text, values)).rows[0] as T;
    const communeResidents = (await q1<{ n: number }>(`select count(*)::int as n from person p join org o on o.id = p.residence_org_id where o.path like $1`, [commune.path + '%'])).n;
    const hamlet = orgs.hamletsOf.get(commune.id)![0]!;
    const clan = await q1<{ id: string; name: string; n: number }>(
      `select c.id, c.name, count(*)::int as n from clan c join clan_household ch on ch.clan_id = c.id where c.org_id = $1 group by c.id order by n desc limit 1`,
      [commune.id],
    );
    const household = await q1<{ id: string; n: number }>(
      `select h.id, count(*)::int as n from household h join person p on p.household_id = h.id where h.org_id = $1 group by h.id having count(*) >= 5 order by h.code limit 1`,
      [hamlet.id],
    );
    const agency = await q1<{ id: string; name: string; path: string; n: number }>(
      `select a.id, a.name, a.path, count(distinct m.person_id)::int as n from org a join org o on o.path like a.path || '%' join membership m on m.org_id = o.id and m.valid_to is null
       where a.kind_code = 'agency' group by a.id order by n desc limit 1`,
    );
    const member = await q1<{ id: string }>(`select m.person_id as id from membership m join org o on o.id = m.org_id where o.path like $1 and m.valid_to is null order by m.person_id limit 1`, [agency.path + '%']);
    log(`commune "${commune.name}": ${communeResidents.toLocaleString('en')} residents; clan "${clan.name}": ${clan.n} households; agency "${agency.name}": ${agency.n} staff; household of ${household.n}`);

    const sets = new Map(loadBuiltinSets().map((d) => [d.code, d]));
    const set = (code: string) => sets.get(code)!;
    const org = (id: string): DerivedSubject => ({ kind: 'org', id, year: YEAR });
    const day = `${YEAR}-12-31`;
    const bareResidents = (p: string) => ({
      text: `select count(*)::int, count(r.id)::int from person p join org o on o.id = p.residence_org_id
             left join recognition r on r.person_id = p.id and r.title = 'LEARNING_CITIZEN' and r.year = $2 and r.revoked_at is null where o.path like $1`,
      values: [p + '%', YEAR],
    });
    const bareHouseholds = (p: string) => ({
      text: `select count(*)::int, count(r.id)::int from household h join org o on o.id = h.org_id
             left join recognition r on r.household_id = h.id and r.title = 'LEARNING_FAMILY' and r.year = $2 and r.revoked_at is null where o.path like $1`,
      values: [p + '%', YEAR],
    });
    const bareMembers = (p: string) => ({
      text: `select count(*)::int, count(r.id)::int from (select distinct m.person_id from membership m join org o on o.id = m.org_id
               where o.path like $1 and (m.valid_from is null or m.valid_from <= $3) and (m.valid_to is null or m.valid_to > $3)) s
             left join recognition r on r.person_id = s.person_id and r.title = 'LEARNING_CITIZEN' and r.year = $2 and r.revoked_at is null`,
      values: [p + '%', YEAR, day],
    });
    const all: Op[] = [
      { op: `commune (${communeResidents.toLocaleString('en')} residents): TT 25 5.1 residents holding CDHT`, subject: org(commune.id), doc: set('TT25-2023-CDHT-XA'), bare: bareResidents(commune.path) },
      { op: 'commune: QĐ 448 households holding GĐHT', subject: org(commune.id), doc: set('QD448-2015-CDHT-THON'), bare: bareHouseholds(commune.path) },
      { op: 'hamlet: QĐ 448 households holding GĐHT', subject: org(hamlet.id), doc: set('QD448-2015-CDHT-THON') },
      { op: `clan (${clan.n} households): QĐ 448 households holding GĐHT`, subject: { kind: 'clan', id: clan.id, year: YEAR }, doc: set('QD448-2015-DHHT') },
      { op: `household (${household.n} people): QĐ 448 adults holding CDHT`, subject: { kind: 'household', id: household.id, year: YEAR }, doc: set('QD448-2015-GDHT') },
      { op: `agency (${agency.n} staff): TT 22 five derived indicators`, subject: org(agency.id), doc: set('TT22-2020-DVHT'), bare: bareMembers(agency.path) },
      { op: 'agency: TT 24 five derived indicators', subject: org(agency.id), doc: set('TT24-2023-DVHT-HUYEN') },
      { op: 'person: QĐ 324 approved plan', subject: { kind: 'person', id: member.id, year: YEAR }, doc: set('QD324-2023-CDHT-CAN-BO') },
      { op: `province (${Number(counts.persons).toLocaleString('en')} people): TT 25 5.1 residents holding CDHT`, subject: org(orgs.root.id), doc: set('TT25-2023-CDHT-XA'), bare: bareResidents(orgs.root.path) },
      { op: `province (${Number(counts.households).toLocaleString('en')} households): QĐ 448 households holding GĐHT`, subject: org(orgs.root.id), doc: set('QD448-2015-CDHT-THON'), bare: bareHouseholds(orgs.root.path) },
      { op: `province (${Number(counts.memberships).toLocaleString('en')} staff): TT 22 five derived indicators`, subject: org(orgs.root.id), doc: set('TT22-2020-DVHT'), bare: bareMembers(orgs.root.path) },
    ];
    const ops = all.filter((o) => !OPS || OPS.test(o.op));

    floor = new Floor(databaseUrl);
    const explains: string[] = [];
    log('\noperation | derivedValues p50 / p95 ms | same SQL directly p50 / p95 | ratio p50 | bare count p50 | statements | values');
    for (const o of ops) {
      const run = () => derivedValues(db, o.subject, o.doc);
      const captured = await capture(run);
      const plan = planOf(captured.statements);
      const runs = Math.max(3, Math.min(RUNS, Math.floor(20_000 / Math.max(1, captured.ms * 3))));
      for (let i = 0; i < (captured.ms > 1000 ? 1 : 2); i++) {
        await run();
        await floor.replay(plan);
      }
      const xs = { service: [] as number[], replay: [] as number[], bare: [] as number[] };
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await run();
        xs.service.push(performance.now() - t);
        xs.replay.push((await floor.replay(plan)).ms);
        if (o.bare) xs.bare.push(await floor.timeQuery(o.bare.text, o.bare.values));
      }
      const p = (a: number[], x: number) => percentile(a, x);
      log(
        `${o.op} | ${fmt(p(xs.service, 0.5))} / ${fmt(p(xs.service, 0.95))} | ${fmt(p(xs.replay, 0.5))} / ${fmt(p(xs.replay, 0.95))} | ${(p(xs.service, 0.5) / p(xs.replay, 0.5)).toFixed(2)}× | ${o.bare ? fmt(p(xs.bare, 0.5)) : '—'} | ${plan.statements.length} (${runs} runs) | ${describe(captured.result)}`,
      );
      if (p(xs.replay, 0.5) >= SLOW_MS) explains.push(`── ${o.op}\n${await explainSlowest(floor, captured.statements)}`);
    }

    // After a change: 1,000 more residents of the commune recognised; the next call reads them.
    if (!OPS || OPS.test('after a change')) {
      const before = await derivedValues(db, org(commune.id), set('TT25-2023-CDHT-XA'));
      await sql.query(
        `with fresh as (
           select p.id, p.residence_org_id from person p join org o on o.id = p.residence_org_id
           where o.path like $1 and not exists (select 1 from title_registration r where r.person_id = p.id and r.title = 'LEARNING_CITIZEN' and r.year = $2) limit 1000),
         reg as (insert into title_registration (year, title, subject_kind, person_id, org_id, state, decision_id)
           select $2, 'LEARNING_CITIZEN', 'person', id, residence_org_id, 'recognised', (select id from recognition_decision where title = 'LEARNING_CITIZEN') from fresh returning *)
         insert into recognition (decision_id, registration_id, year, title, subject_kind, person_id, org_id, outcome, valid_from, certificate_code)
         select decision_id, id, year, title, subject_kind, person_id, org_id, 'DAT', $3, upper(replace(id::text, '-', '')) from reg`,
        [commune.path + '%', YEAR, `${YEAR + 1}-02-10`],
      );
      const t = performance.now();
      const after = await derivedValues(db, org(commune.id), set('TT25-2023-CDHT-XA'));
      log(`\nafter 1,000 more recognitions in the commune: recomputed in ${fmt(performance.now() - t)} ms, ${before['5.1']!.numerator} → ${after['5.1']!.numerator} of ${after['5.1']!.denominator}`);
    }
    if (explains.length) log(`\nEXPLAIN (ANALYZE, BUFFERS) of the slowest statement of each operation with a floor p50 ≥ ${SLOW_MS} ms\n\n${explains.join('\n\n')}`);
  } finally {
    await stop();
  }
}

/** Each derived value in short: code = value (numerator/denominator, sources listed of total). */
function describe(values: Record<string, DerivedValue>): string {
  return Object.entries(values)
    .map(([code, v]) => {
      const value = typeof v.value === 'number' ? v.value.toFixed(1) + ' %' : String(v.value);
      const ratio = v.numerator !== undefined ? ` ${v.numerator}/${v.denominator}` : '';
      return `${code} = ${value}${ratio} [${v.sources.length} of ${v.sourcesTotal}]`;
    })
    .join('; ');
}

async function explainSlowest(floor: Floor, statements: Statement[]): Promise<string> {
  const slowest = [...statements].sort((a, b) => b.end - b.start - (a.end - a.start))[0]!;
  const res = await floor.query(`explain (analyze, buffers) ${inlineParams(slowest.text, slowest.values)}`);
  return res.rows.map((r) => (r as unknown[])[0]).join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
