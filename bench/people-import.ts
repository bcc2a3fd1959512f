/**
 * The staff import at province scale: a 100,000-row workbook as offices send them
 * (STT | Họ và tên | Ngày sinh | Giới tính | Số CCCD | Số điện thoại | Đơn vị | Chức vụ | Ngạch |
 * Trình độ chuyên môn, under a title row), written with exceljs' streaming WorkbookWriter.
 *
 * The floor (measureImportFloor) is what any importer must at least do with that file:
 *   1. read it with exceljs' streaming WorkbookReader (cells to text; timed alone, with its peak
 *      memory), then
 *   2. read it again turning each row into a person and a membership (name keys from vn-text,
 *      dd/mm/yyyy to ISO, unit label to id, qualification label to code, category from the
 *      rank), streaming the people into COPY `person`, then COPY `membership`, with every index
 *      and foreign key in place (the database holds the province's 4 M people).
 * removeImported() deletes the rows again, so the app's import can run on the same file and the
 * same database: measureAppImport() wraps it with the same clock and memory sampler.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import type pg from 'pg';
import type { Services } from '../src/server/app.js';
import type { RequestContext } from '../src/server/platform/http/context.js';
import { QUALIFICATIONS, type Qualification, type StaffCategory } from '../src/shared/people.js';
import { personSortKey, searchKey } from '../src/shared/vn-text.js';
import { copyLines, generateOrgs, mulberry32, personNameOf, pick, sizesFromEnv, weighted, type GeneratedOrgs, type OrgRowGen, type PsqlTarget } from './province-data.js';
import {
  birthDayOf,
  categoryOf,
  CitizenIds,
  femaleShareOf,
  groupOf,
  idOf,
  IMPORT_PROVINCE_CODE,
  isoDay,
  MEMBERSHIP_COLUMNS,
  Ns,
  PERSON_COLUMNS,
  phoneOf,
  positionIn,
  STAFF_QUALIFICATIONS,
  staffHomes,
} from './province-people-data.js';

export const STAFF_HEADERS = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại', 'Đơn vị', 'Chức vụ', 'Ngạch', 'Trình độ chuyên môn'];
const TITLE = 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ NGƯỜI LAO ĐỘNG';

export interface ImportBenchEnv {
  target: PsqlTarget;
  /** A connection to the bench database (cleanup, counts). */
  sql: pg.Client;
  orgs: GeneratedOrgs;
  /** Rows in the workbook. */
  rows: number;
  /** Folder for the workbook. */
  dir: string;
  services: Services;
  /** The system administrator's context (the import runs on the province's root). */
  ctx: RequestContext;
}

export interface Clocked {
  ms: number;
  /** The process's resident set at its peak (absolute: it includes what the bench held before). */
  peakRssMb: number;
  /** Growth of the JS heap + external memory (buffers) over the start, at its peak. */
  peakHeapMb: number;
}

export interface ImportFigures {
  rows: number;
  file: { path: string; bytes: number; writeMs: number };
  /** exceljs streaming read alone, in a process of its own: every cell to text, rows counted and dropped. */
  read: Clocked & { startRssMb: number; rows: number; damagedCells: number; damagedExamples: string[] };
  /** Read, rows built and streamed into COPY person, then COPY membership, in a process of its own. */
  floor: Clocked & { startRssMb: number; readAndCopyPersonMs: number; copyMembershipMs: number; people: number; memberships: number };
  /** The app's import of the same file, when measured (see measureAppImport). */
  app?: Clocked & { people: number; memberships: number };
}

// ---------------------------------------------------------------------------------------
// Memory and time

let gc: (() => void) | undefined;
/** The sampler of the clocked() call in progress: loops call it now and then (timers can starve). */
let sampler: (() => void) | null = null;
export const sampleMemory = () => sampler?.();
function collect() {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Runs fn, sampling memory every 5 ms: wall time and peak growth over the start. */
export async function clocked<T>(fn: () => Promise<T>): Promise<{ result: T } & Clocked> {
  collect();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed + base.external;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed + m.external);
  };
  const timer = setInterval(sample, 5);
  sampler = sample;
  const t0 = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - t0;
    sample();
    return { result, ms, peakRssMb: rss / 2 ** 20, peakHeapMb: (heap - base.heapUsed - base.external) / 2 ** 20 };
  } finally {
    clearInterval(timer);
    sampler = null;
  }
}

// ---------------------------------------------------------------------------------------
// The workbook

/** How a unit is written in the "Đơn vị" column: its name, and its parent's when it has one ("Phòng Kinh tế – Xã Vĩnh Điều 57"). */
export function unitLabels(orgs: GeneratedOrgs): Map<string, OrgRowGen> {
  const byId = new Map(orgs.rows.map((o) => [o.id, o]));
  const labels = new Map<string, OrgRowGen>();
  for (const o of orgs.rows) {
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    const label = !parent || parent.id === orgs.root.id ? o.name : `${o.name} – ${parent.name}`;
    if (!labels.has(label)) labels.set(label, o);
  }
  return labels;
}

const labelOf = (orgs: GeneratedOrgs, byId: Map<string, OrgRowGen>, o: OrgRowGen) => {
  const parent = o.parentId ? byId.get(o.parentId) : undefined;
  return !parent || parent.id === orgs.root.id ? o.name : `${o.name} – ${parent.name}`;
};

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Writes the staff workbook: a title row, an empty row, the header, then the rows. */
export async function writeStaffWorkbook(file: string, orgs: GeneratedOrgs, count: number, seed = 92): Promise<{ bytes: number; ms: number }> {
  const t0 = performance.now();
  const { default: ExcelJS } = await import('exceljs');
  const rand = mulberry32(seed);
  const homes = staffHomes(orgs);
  const byId = new Map(orgs.rows.map((o) => [o.id, o]));
  const ids = new CitizenIds();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet('Danh sách');
  sheet.addRow([TITLE]).commit();
  sheet.addRow([]).commit();
  sheet.addRow(STAFF_HEADERS).commit();
  for (let i = 0; i < count; i++) {
    const unit = pick(rand, weighted(rand, homes));
    const female = rand() < femaleShareOf(unit);
    const age = 23 + Math.floor(rand() * 38);
    const birth = isoDay(birthDayOf(rand, age));
    const category = categoryOf(rand, unit);
    const { position, rank } = positionIn(rand, unit, category);
    const qualification = weighted(rand, STAFF_QUALIFICATIONS);
    sheet
      .addRow([
        i + 1,
        personNameOf(rand, female),
        ddmmyyyy(birth),
        female ? 'Nữ' : 'Nam',
        ids.next(IMPORT_PROVINCE_CODE, birth, female),
        rand() < 0.9 ? phoneOf(rand) : '',
        labelOf(orgs, byId, unit),
        position,
        rank ?? '',
        QUALIFICATIONS[qualification].vi,
      ])
      .commit();
  }
  await sheet.commit();
  await wb.commit();
  return { bytes: statSync(file).size, ms: performance.now() - t0 };
}

type Cell = string | number | null | undefined | { text?: string; richText?: { text: string }[]; result?: unknown };
const cellText = (v: Cell): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if ('richText' in v && v.richText) return v.richText.map((r) => r.text).join('').trim();
  if ('text' in v && typeof v.text === 'string') return v.text.trim();
  return String(v.result ?? '').trim();
};

/** Cells that came out of the reader with U+FFFD (see staffRows). */
export const damage = { cells: 0, examples: [] as string[] };

/**
 * Streams the first sheet's rows as text (1-based cells dropped to 0-based), from the header on.
 *
 * exceljs 4.4.0's streaming reader decodes each inflated chunk of the sheet's XML on its own
 * (lib/utils/parse-sax.js: bufferToString(chunk)), so a UTF-8 character split between two chunks
 * becomes U+FFFD (exceljs issues #2063, #2084, #2316). Vietnamese text is mostly multi-byte
 * characters: a few cells per 100 k rows come out damaged. They are counted here.
 */
export async function* staffRows(file: string): AsyncGenerator<string[]> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  let header = false;
  let n = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (++n % 500 === 0) sampleMemory();
      const values = (row.values as Cell[]).slice(1).map(cellText);
      for (const v of values) {
        if (v.includes('\uFFFD')) {
          damage.cells++;
          if (damage.examples.length < 3) damage.examples.push(v);
        }
      }
      if (!header) {
        header = values[0] === 'STT';
        continue;
      }
      yield values;
    }
    break;
  }
}

// ---------------------------------------------------------------------------------------
// The floor

const QUALIFICATION_BY_LABEL = new Map(Object.entries(QUALIFICATIONS).map(([code, l]) => [l.vi, code as Qualification]));
const VIEN_CHUC_RANKS = /Giáo viên|Thư viện|Bác sĩ|Y sĩ|Điều dưỡng|Hộ sinh|Dược sĩ/;
const LEADERS = /^(Trưởng|Phó|Giám đốc|Hiệu trưởng|Trạm trưởng|Chủ tịch)/;
const N = '\\N';

/**
 * Deletes the imported people and their memberships, then vacuums. The foreign-key triggers are
 * skipped (session_replication_role = replica): nothing but their memberships refers to these
 * rows, and with the triggers each deleted person costs a sequential scan of `household`
 * (household.head_person_id has no index: about 160 ms a person at 1.2 M households).
 */
export async function removeImported(env: ImportBenchEnv): Promise<number> {
  const range = [IMPORT_PROVINCE_CODE, String(Number(IMPORT_PROVINCE_CODE) + 1).padStart(3, '0')];
  await env.sql.query('begin');
  try {
    await env.sql.query(`set local session_replication_role = replica`);
    await env.sql.query(`delete from membership where person_id in (select id from person where citizen_id >= $1 and citizen_id < $2)`, range);
    // The app's rows are recognised by the file's citizen IDs too (no one else has the code).
    const n = (await env.sql.query(`delete from person where citizen_id >= $1 and citizen_id < $2`, range)).rowCount ?? 0;
    await env.sql.query('commit');
    await env.sql.query('vacuum analyze person, membership');
    return n;
  } catch (err) {
    await env.sql.query('rollback');
    throw err;
  }
}

/** The streaming read alone: every cell to text, rows counted and dropped. */
async function readAlone(file: string) {
  damage.cells = 0;
  damage.examples = [];
  let rows = 0;
  for await (const r of staffRows(file)) if (r.length) rows++;
  return { rows, damagedCells: damage.cells, damagedExamples: [...damage.examples] };
}

/** Read again, build each row's person and membership, stream the people into COPY, then COPY the memberships. */
async function floorRun(file: string, orgs: GeneratedOrgs, target: PsqlTarget) {
  const labels = unitLabels(orgs);
  /** A unit label damaged by the reader: the one label that starts and ends as it does. */
  const resolve = (label: string) => {
    const found = labels.get(label);
    if (found || !label.includes('\uFFFD')) return found;
    const [head, ...rest] = label.split(/\uFFFD+/);
    const tail = rest.at(-1) ?? '';
    for (const [l, o] of labels) if (l.startsWith(head!) && l.endsWith(tail)) return o;
    return undefined;
  };
  const today = new Date().toISOString().slice(0, 10);
  // Memberships wait for their people (their foreign key) in memory: 100 k short lines.
  const memberships: string[] = [];
  let people = 0;
  const t = performance.now();
  async function* personLines() {
    for await (const c of staffRows(file)) {
      const i = people++;
      const [, fullName, birth, sex, citizenId, phone, unitLabel, position, rank, qualification] = c as [string, string, string, string, string, string, string, string, string, string];
      const unit = resolve(unitLabel);
      if (!unit) throw new Error(`row ${i + 1}: unknown unit ${unitLabel}`);
      const birthDate = `${birth.slice(6, 10)}-${birth.slice(3, 5)}-${birth.slice(0, 2)}`;
      const category: StaffCategory = !rank ? 'nguoi_lao_dong' : VIEN_CHUC_RANKS.test(rank) ? 'vien_chuc' : 'cong_chuc';
      const id = idOf(Ns.imported, i);
      memberships.push(`${idOf(Ns.importedMembership, i)}\t${id}\t${unit.id}\t${position}\t${LEADERS.test(position)}\t${category}\t${rank || N}\t${today}\t${N}\n`);
      yield `${id}\t${fullName}\t${searchKey(fullName)}\t${personSortKey(fullName)}\t${birthDate}\t${sex === 'Nữ' ? 'female' : 'male'}\t${N}\t${citizenId}\t${phone || N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${QUALIFICATION_BY_LABEL.get(qualification) ?? N}\t${N}\t${groupOf(birthDate, null, category)}\n`;
    }
  }
  await copyLines(target, 'person', PERSON_COLUMNS, personLines());
  const readAndCopyPersonMs = performance.now() - t;
  sampleMemory();
  const t2 = performance.now();
  await copyLines(target, 'membership', MEMBERSHIP_COLUMNS, memberships);
  return { people, memberships: memberships.length, readAndCopyPersonMs, copyMembershipMs: performance.now() - t2 };
}

interface ChildFigures<T> {
  ms: number;
  /** The child's peak resident set (getrusage) and its resident set once its modules were loaded. */
  maxRssMb: number;
  startRssMb: number;
  peakHeapMb: number;
  result: T;
}

/**
 * Runs one step in a process of its own, so its peak memory is its own: `node <tsx loader>
 * people-import.ts <step> <file> <target>`. The child rebuilds the organisations from the same
 * BENCH_* environment (the generator is deterministic) to resolve unit labels.
 */
function inChild<T>(step: 'read' | 'floor', file: string, target: PsqlTarget): Promise<ChildFigures<T>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), step, file, JSON.stringify(target)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`import ${step} step failed (${code}): ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as ChildFigures<T>);
    });
  });
}

async function childMain(step: string, file: string, target: PsqlTarget) {
  const orgs = step === 'floor' ? generateOrgs(sizesFromEnv()) : null;
  await import('exceljs');
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  const run = await clocked<unknown>(() => (step === 'read' ? readAlone(file) : floorRun(file, orgs!, target)));
  const figures: ChildFigures<unknown> = { ms: run.ms, maxRssMb: process.resourceUsage().maxRSS / 1024, startRssMb, peakHeapMb: run.peakHeapMb, result: run.result };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

export async function measureImportFloor(env: ImportBenchEnv): Promise<ImportFigures> {
  const file = path.join(env.dir, `danh-sach-can-bo-${env.rows}.xlsx`);
  const written = await writeStaffWorkbook(file, env.orgs, env.rows);
  const read = await inChild<Awaited<ReturnType<typeof readAlone>>>('read', file, env.target);
  const floor = await inChild<Awaited<ReturnType<typeof floorRun>>>('floor', file, env.target);
  return {
    rows: env.rows,
    file: { path: file, bytes: written.bytes, writeMs: written.ms },
    read: { ms: read.ms, peakRssMb: read.maxRssMb, startRssMb: read.startRssMb, peakHeapMb: read.peakHeapMb, ...read.result },
    floor: { ms: floor.ms, peakRssMb: floor.maxRssMb, startRssMb: floor.startRssMb, peakHeapMb: floor.peakHeapMb, ...floor.result },
  };
}

/**
 * The app's import of the same workbook, measured like the floor: `run` does the whole import
 * through the app (upload, analysis, confirmation, the import job) and returns when its rows are
 * in the database. The rows are counted by their citizen IDs; removeImported() deletes them again.
 *
 *   await removeImported(env);   // after the floor
 *   await measureAppImport(env, figures, async (file) => { …services.imports… });
 *   log(formatImportFigures(figures));
 *   await removeImported(env);
 */
export async function measureAppImport(env: ImportBenchEnv, figures: ImportFigures, run: (file: string) => Promise<void>): Promise<NonNullable<ImportFigures['app']>> {
  const app = await clocked(() => run(figures.file.path));
  const { rows } = await env.sql.query<{ people: number; memberships: number }>(
    `select count(*)::int as people, (select count(*)::int from membership m join person p on p.id = m.person_id where p.citizen_id >= $1 and p.citizen_id < $2) as memberships
       from person where citizen_id >= $1 and citizen_id < $2`,
    [IMPORT_PROVINCE_CODE, String(Number(IMPORT_PROVINCE_CODE) + 1).padStart(3, '0')],
  );
  figures.app = { ms: app.ms, peakRssMb: app.peakRssMb, peakHeapMb: app.peakHeapMb, ...rows[0]! };
  return figures.app;
}

export function formatImportFigures(f: ImportFigures): string {
  const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
  const mb = (x: number) => `${x.toFixed(0)} MB`;
  const rate = (ms: number) => `${Math.round(f.rows / (ms / 1000)).toLocaleString('en')} rows/s`;
  const lines = [
    `  workbook: ${f.rows.toLocaleString('en')} rows, ${(f.file.bytes / 2 ** 20).toFixed(1)} MB, written in ${s(f.file.writeMs)} (exceljs streaming WorkbookWriter)`,
    `  read alone (exceljs streaming WorkbookReader, cells to text): ${s(f.read.ms)}, ${rate(f.read.ms)}; peak RSS ${mb(f.read.peakRssMb)} (${mb(f.read.startRssMb)} before the read), JS heap +${mb(f.read.peakHeapMb)} at its peak`,
    `  exceljs streaming reader: ${f.read.damagedCells} cell(s) came out with U+FFFD (a UTF-8 character split between two chunks; exceljs #2084)${f.read.damagedExamples.length ? `, e.g. "${f.read.damagedExamples[0]}"` : ''}`,
    `  floor, read + rows + COPY: ${s(f.floor.ms)}, ${rate(f.floor.ms)}; peak RSS ${mb(f.floor.peakRssMb)} (${mb(f.floor.startRssMb)} before), JS heap +${mb(f.floor.peakHeapMb)} at its peak (garbage included)`,
    `    read, build and COPY person (streamed) ${s(f.floor.readAndCopyPersonMs)}; then COPY membership ${s(f.floor.copyMembershipMs)} (${rate(f.floor.copyMembershipMs)}); ${f.floor.people.toLocaleString('en')} people, ${f.floor.memberships.toLocaleString('en')} memberships`,
    `    (pg-floors §5: COPY of 100 k rows into the indexed 4.1 M-row person 1.44 s, 70 k rows/s)`,
  ];
  if (f.app) {
    lines.push(
      `  app import: ${s(f.app.ms)}, ${rate(f.app.ms)}; JS heap +${mb(f.app.peakHeapMb)} at its peak (process RSS ${mb(f.app.peakRssMb)}); ${f.app.people.toLocaleString('en')} people, ${f.app.memberships.toLocaleString('en')} memberships — ${(f.app.ms / f.floor.ms).toFixed(1)}× the floor`,
    );
  }
  return lines.join('\n');
}

// A step of the floor run in a child process (see inChild).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [step, file, target] = process.argv.slice(2);
  childMain(step!, file!, JSON.parse(target!) as PsqlTarget).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
