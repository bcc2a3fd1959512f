/**
 * The staff import at province scale: a 100,000-row workbook as offices send them
 * (STT | Họ và tên | Ngày sinh | Giới tính | Số CCCD | Số điện thoại | Đơn vị | Chức vụ | Loại |
 * Ngạch | Trình độ chuyên môn, under a title row), written with exceljs' streaming WorkbookWriter.
 * It is the list of one Sở (a provincial agency): the "Đơn vị" column names one of its phòng as
 * people type them ("Phòng Pháp chế", "P. Pháp chế", "Pháp chế"), or the Sở itself for its board,
 * so the app's import, targeted at the Sở, resolves every row (unit names are unique within a Sở,
 * not across the province: every commune has a "Phòng Kinh tế").
 *
 * The floor (measureImportFloor) is what any importer must at least do with that file:
 *   1. read it with exceljs' streaming WorkbookReader (cells to text; timed alone, with its peak
 *      memory), then
 *   2. read it again turning each row into a person and a membership (name keys from vn-text,
 *      dd/mm/yyyy to ISO, unit label to id, qualification label to code, the category column),
 *      streaming the people into COPY `person`, then COPY `membership`, with every index and
 *      foreign key in place (the database holds the province's 4 M people).
 * Both read with the app's fix for exceljs's streaming reader (src/server/platform/excel/exceljs-utf8.ts).
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
} from './province-people-data.js';

export const STAFF_HEADERS = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại', 'Đơn vị', 'Chức vụ', 'Loại', 'Ngạch', 'Trình độ chuyên môn'];
const CATEGORY_LABELS: Record<StaffCategory, string> = { cong_chuc: 'Công chức', vien_chuc: 'Viên chức', nguoi_lao_dong: 'Người lao động' };
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
  /** The system administrator's context. */
  ctx: RequestContext;
  /** The Sở whose staff list the workbook is; the app's import targets it. */
  agency: OrgRowGen;
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
  app?: Clocked & { startRssMb: number; people: number; memberships: number; phases: AppImportPhase[] };
}

/** A step of the app's import: wall time, and the peak JS heap + external growth over the import's start. */
export interface AppImportPhase {
  step: string;
  ms: number;
  peakHeapMb: number;
  peakRssMb: number;
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

/** Peaks since the last phase() mark of the clocked() call in progress. */
let phasePeaks: { rss: number; heap: number } | null = null;

/**
 * Runs fn, sampling memory every 5 ms: wall time and peak growth over the start. `phase()` (given
 * to fn) returns the peaks since its previous call, for the steps of a longer run.
 */
export async function clocked<T>(fn: (phase: () => { peakRssMb: number; peakHeapMb: number }) => Promise<T>): Promise<{ result: T; startRssMb: number } & Clocked> {
  collect();
  const base = process.memoryUsage();
  const baseHeap = base.heapUsed + base.external;
  let rss = base.rss;
  let heap = baseHeap;
  phasePeaks = { rss: base.rss, heap: baseHeap };
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed + m.external);
    phasePeaks!.rss = Math.max(phasePeaks!.rss, m.rss);
    phasePeaks!.heap = Math.max(phasePeaks!.heap, m.heapUsed + m.external);
  };
  const phase = () => {
    sample();
    const peaks = { peakRssMb: phasePeaks!.rss / 2 ** 20, peakHeapMb: (phasePeaks!.heap - baseHeap) / 2 ** 20 };
    const m = process.memoryUsage();
    phasePeaks = { rss: m.rss, heap: m.heapUsed + m.external };
    return peaks;
  };
  const timer = setInterval(sample, 5);
  sampler = sample;
  const t0 = performance.now();
  try {
    const result = await fn(phase);
    const ms = performance.now() - t0;
    sample();
    return { result, ms, startRssMb: base.rss / 2 ** 20, peakRssMb: rss / 2 ** 20, peakHeapMb: (heap - baseHeap) / 2 ** 20 };
  } finally {
    clearInterval(timer);
    sampler = null;
  }
}

// ---------------------------------------------------------------------------------------
// The workbook

/** The units of a Sở's staff list: the Sở itself (its board) and its phòng. */
export function agencyUnits(orgs: GeneratedOrgs, agency: OrgRowGen): OrgRowGen[] {
  return [agency, ...orgs.departments.filter((d) => d.parentId === agency.id)];
}

/**
 * How an office writes a unit in the "Đơn vị" column: a phòng by its name, abbreviated ("P. Pháp
 * chế") or without "Phòng"; anything else by its name. The app's resolver accepts all three.
 */
export function labelsOf(unit: OrgRowGen): string[] {
  const m = /^Phòng (.+)$/.exec(unit.name);
  return m ? [unit.name, `P. ${m[1]}`, m[1]!] : [unit.name];
}
const LABEL_WEIGHTS = [0.7, 0.2, 0.1];

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Writes the staff workbook of a Sở: a title row, an empty row, the header, then the rows. */
export async function writeStaffWorkbook(file: string, orgs: GeneratedOrgs, agency: OrgRowGen, count: number, seed = 92): Promise<{ bytes: number; ms: number }> {
  const t0 = performance.now();
  const { default: ExcelJS } = await import('exceljs');
  const rand = mulberry32(seed);
  const [board, ...phong] = agencyUnits(orgs, agency);
  // 3 % on the Sở's board (its name in the column), the rest spread over its phòng.
  const homes: (readonly [OrgRowGen[], number])[] = [[[board!], 0.03], [phong, 0.97]];
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
    const labels = labelsOf(unit);
    const label = labels.length === 1 ? labels[0]! : weighted(rand, labels.map((l, k) => [l, LABEL_WEIGHTS[k]!] as const));
    sheet
      .addRow([
        i + 1,
        personNameOf(rand, female),
        ddmmyyyy(birth),
        female ? 'Nữ' : 'Nam',
        ids.next(IMPORT_PROVINCE_CODE, birth, female),
        rand() < 0.9 ? phoneOf(rand) : '',
        label,
        position,
        CATEGORY_LABELS[category],
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
const CATEGORY_BY_LABEL = new Map(Object.entries(CATEGORY_LABELS).map(([code, label]) => [label, code as StaffCategory]));
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
async function floorRun(file: string, orgs: GeneratedOrgs, agencyId: string, target: PsqlTarget) {
  const agency = orgs.agencies.find((a) => a.id === agencyId)!;
  const labels = new Map(agencyUnits(orgs, agency).flatMap((u) => labelsOf(u).map((l) => [l, u] as const)));
  /** A unit label damaged by the reader (without the UTF-8 fix): the one label that starts and ends as it does. */
  const resolve = (label: string) => {
    const found = labels.get(label);
    if (found || !label.includes('\uFFFD')) return found;
    const [head, ...rest] = label.split(/\uFFFD+/);
    const tail = rest.at(-1) ?? '';
    for (const [l, o] of labels) if (l.startsWith(head!) && l.endsWith(tail)) return o;
    return undefined;
  };
  const today = new Date().toISOString().slice(0, 10);
  // Memberships wait for their people (their foreign key) in memory: 100 k short lines, kept as
  // bytes: a string built from cell values can keep the reader's whole decoded XML chunk alive
  // (V8 slices substrings), which held some 250 MB here.
  const memberships: Buffer[] = [];
  let people = 0;
  const t = performance.now();
  async function* personLines() {
    for await (const c of staffRows(file)) {
      const i = people++;
      const [, fullName, birth, sex, citizenId, phone, unitLabel, position, categoryLabel, rank, qualification] = c as [string, string, string, string, string, string, string, string, string, string, string];
      const unit = resolve(unitLabel);
      if (!unit) throw new Error(`row ${i + 1}: unknown unit ${unitLabel}`);
      const birthDate = `${birth.slice(6, 10)}-${birth.slice(3, 5)}-${birth.slice(0, 2)}`;
      const category = CATEGORY_BY_LABEL.get(categoryLabel) ?? 'cong_chuc';
      const id = idOf(Ns.imported, i);
      memberships.push(Buffer.from(`${idOf(Ns.importedMembership, i)}\t${id}\t${unit.id}\t${position}\t${LEADERS.test(position)}\t${category}\t${rank || N}\t${today}\t${N}\n`));
      yield `${id}\t${fullName}\t${searchKey(fullName)}\t${personSortKey(fullName)}\t${birthDate}\t${sex === 'Nữ' ? 'female' : 'male'}\t${N}\t${citizenId}\t${phone || N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${QUALIFICATION_BY_LABEL.get(qualification) ?? N}\t${N}\t${groupOf(birthDate, null, category)}\n`;
    }
  }
  await copyLines(target, 'person', PERSON_COLUMNS, personLines());
  const readAndCopyPersonMs = performance.now() - t;
  sampleMemory();
  const t2 = performance.now();
  await copyLines(target, 'membership', MEMBERSHIP_COLUMNS, memberships.map((b) => b.toString()));
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
function inChild<T>(step: 'read' | 'floor', file: string, target: PsqlTarget, agencyId: string): Promise<ChildFigures<T>> {
  return new Promise((resolve, reject) => {
    // A heap limit given to the bench (to check the app's import stays bounded) is not the floor's.
    const execArgv = process.execArgv.filter((a) => !a.startsWith('--max-old-space-size'));
    const child = spawn(process.execPath, [...execArgv, fileURLToPath(import.meta.url), step, file, JSON.stringify(target), agencyId], { stdio: ['ignore', 'pipe', 'inherit'] });
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

async function childMain(step: string, file: string, target: PsqlTarget, agencyId: string) {
  const orgs = step === 'floor' ? generateOrgs(sizesFromEnv()) : null;
  // The app's fix for exceljs's streaming reader (letters split between chunks), as the app reads.
  await import('../src/server/platform/excel/exceljs-utf8.js');
  await import('exceljs');
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  const run = await clocked<unknown>(() => (step === 'read' ? readAlone(file) : floorRun(file, orgs!, agencyId, target)));
  const figures: ChildFigures<unknown> = { ms: run.ms, maxRssMb: process.resourceUsage().maxRSS / 1024, startRssMb, peakHeapMb: run.peakHeapMb, result: run.result };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

export async function measureImportFloor(env: ImportBenchEnv): Promise<ImportFigures> {
  const file = path.join(env.dir, `danh-sach-can-bo-${env.rows}.xlsx`);
  const written = await writeStaffWorkbook(file, env.orgs, env.agency, env.rows);
  const read = await inChild<Awaited<ReturnType<typeof readAlone>>>('read', file, env.target, env.agency.id);
  const floor = await inChild<Awaited<ReturnType<typeof floorRun>>>('floor', file, env.target, env.agency.id);
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
 * in the database, with the time and memory of each step (`phase()` gives the peaks since its last
 * call). The rows are counted by their citizen IDs; removeImported() deletes them again.
 *
 *   await removeImported(env);   // after the floor
 *   await measureAppImport(env, figures, async (file, phase) => { …services.imports… });
 *   log(formatImportFigures(figures));
 *   await removeImported(env);
 */
export async function measureAppImport(
  env: ImportBenchEnv,
  figures: ImportFigures,
  run: (file: string, phase: () => { peakRssMb: number; peakHeapMb: number }) => Promise<AppImportPhase[]>,
): Promise<NonNullable<ImportFigures['app']>> {
  const app = await clocked((phase) => run(figures.file.path, phase));
  const { rows } = await env.sql.query<{ people: number; memberships: number }>(
    `select count(*)::int as people, (select count(*)::int from membership m join person p on p.id = m.person_id where p.citizen_id >= $1 and p.citizen_id < $2) as memberships
       from person where citizen_id >= $1 and citizen_id < $2`,
    [IMPORT_PROVINCE_CODE, String(Number(IMPORT_PROVINCE_CODE) + 1).padStart(3, '0')],
  );
  figures.app = { ms: app.ms, startRssMb: app.startRssMb, peakRssMb: app.peakRssMb, peakHeapMb: app.peakHeapMb, phases: app.result, ...rows[0]! };
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
      `  app import (in the bench process, targeted at the Sở): ${s(f.app.ms)}, ${rate(f.app.ms)}; JS heap + external +${mb(f.app.peakHeapMb)} at its peak; process RSS ${mb(f.app.peakRssMb)} at its peak (${mb(f.app.startRssMb)} before); ${f.app.people.toLocaleString('en')} people, ${f.app.memberships.toLocaleString('en')} memberships — ${(f.app.ms / f.floor.ms).toFixed(1)}× the floor`,
    );
    for (const p of f.app.phases) lines.push(`    ${p.step.padEnd(64)} ${s(p.ms).padStart(9)}   heap +${mb(p.peakHeapMb)}, RSS ${mb(p.peakRssMb)} at its peak`);
  }
  return lines.join('\n');
}

// A step of the floor run in a child process (see inChild).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [step, file, target, agencyId] = process.argv.slice(2);
  childMain(step!, file!, JSON.parse(target!) as PsqlTarget, agencyId!).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
