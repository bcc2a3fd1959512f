import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Bilingual, ImportAnalysis, ImportIssue, ImportPreviewRow, ImportSettings, ImportState, ImportSummary, ImportView, Page } from '../../../shared/api-types.js';
import type { Db, Tx } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { BIRTH_DATE_FEMALE_KEY, BIRTH_DATE_MALE_KEY, detectHeader, headerKey, ROW_NO_KEY, SEX_FEMALE_KEY, SEX_MALE_KEY, type CellText } from '../../platform/excel/header-match.js';
import { convertLegacy, detectLegacyEncoding } from '../../platform/excel/legacy-encoding.js';
import { cellText, readSheetRows } from '../../platform/excel/read-sheet.js';
import { AppError, invalid, notFound, ruleBroken } from '../../platform/errors.js';
import { registerFile } from '../../platform/files/files.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { requireActor, systemContext, type RequestContext } from '../../platform/http/context.js';
import type { JobContext, JobRunner } from '../../platform/jobs/runner.js';
import { can, type Action, type Actor } from '../../platform/policy.js';
import type { OrgService } from '../org/org.service.js';
import { todayInVietnam } from '../../platform/time.js';
import type { LearningRecordService } from '../learningRecord/learningRecord.service.js';
import type { PeopleService } from '../people/people.service.js';
import type { RecognitionService } from '../recognition/recognition.service.js';
import type { UserService } from '../user/user.service.js';
import { dataImportRepo, type DataImportRow, type IssueRow } from './dataImport.repo.js';
import { IMPORT_FIELDS, type ImportKind } from './import-kinds.js';
import { markErrors } from './mark-errors.js';
import { parseRow, type AttendanceRecord, type ImportRecord, type OrgImportRecord, type ParsedRow, type RegistrationImportRecord, type RowIssue } from './rows.js';
import { writeTemplate } from './template.js';

export const IMPORT_ANALYSE_JOB = 'import.analyse';
export const IMPORT_CHECK_JOB = 'import.check';
export const IMPORT_COMMIT_JOB = 'import.commit';

const MAX_FILE_BYTES = 50 * 1024 * 1024;
const HEAD_ROWS = 40;
const PREVIEW_ROWS = 100;
const STORED_ISSUES = 5000;
const BATCH = 500;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the check keeps besides counts: the first rows as they will be saved. */
interface StoredSummary extends ImportSummary {
  preview?: ImportPreviewRow[];
  jobId?: string | null;
  error?: Bilingual | null;
}

export const columnLetter = (index: number) => {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The import being saved: its id (an attendance list's batch of records), unit and settings. */
interface ImportBeingSaved {
  id: string;
  orgId: string;
  settings: ImportSettings;
}

interface ImportTarget {
  permission: Action;
  resolver(actor: Actor, orgId: string, settings: ImportSettings): Promise<{ resolve(rows: ParsedRow[], seen: Map<string, number>, duplicates: 'update' | 'skip'): Promise<void> }>;
  save(tx: Tx, ctx: RequestContext, records: unknown[], imp: ImportBeingSaved): Promise<{ create: number; update: number; skip: number }>;
}

/**
 * Columns of official lists split by sex: "Ngày sinh" over "Nam | Nữ" (the date in the column of the
 * person's sex), or "Nam | Nữ" columns holding an x. The header matcher finds them; they can be chosen.
 */
const SPLIT_FIELDS = [
  { key: BIRTH_DATE_MALE_KEY, labelVi: 'Ngày sinh (cột Nam)', labelEn: 'Date of birth (male column)', required: false },
  { key: BIRTH_DATE_FEMALE_KEY, labelVi: 'Ngày sinh (cột Nữ)', labelEn: 'Date of birth (female column)', required: false },
  { key: SEX_MALE_KEY, labelVi: 'Nam (đánh dấu x)', labelEn: 'Male (marked x)', required: false },
  { key: SEX_FEMALE_KEY, labelVi: 'Nữ (đánh dấu x)', labelEn: 'Female (marked x)', required: false },
];

const importNotFound = () => notFound({ vi: 'Không tìm thấy lượt nhập dữ liệu.', en: 'Import not found.' });

function present(row: { imp: DataImportRow; orgName: string }): ImportView {
  const { imp } = row;
  const stored = (imp.summary ?? null) as StoredSummary | null;
  const { preview: _p, jobId, error, ...counts } = stored ?? ({} as StoredSummary);
  return {
    id: imp.id,
    kind: imp.kind as ImportKind,
    org: { id: imp.orgId, name: row.orgName },
    fileName: imp.fileName,
    state: imp.state as ImportState,
    analysis: (imp.analysis as ImportAnalysis | null) ?? null,
    settings: (imp.settings as ImportSettings | null) ?? null,
    summary: stored && 'rows' in counts ? (counts as ImportSummary) : null,
    jobId: jobId ?? null,
    errorFileId: imp.errorFileId,
    error: error ?? null,
    createdAt: imp.createdAt.toISOString(),
  };
}

/**
 * The Excel import wizard: upload → analysis (sheet, header row, legacy encoding, columns) →
 * settings (mapping, duplicates) → check of every row → commit in one transaction. Each long step
 * is a job; nothing is saved to people's records until the commit, and a file with errors never
 * commits.
 */
export function createDataImportService(db: Db, deps: { orgs: OrgService; people: PeopleService; learningRecords: LearningRecordService; titles: RecognitionService; users: UserService; jobs: JobRunner; storage: FileStorage }) {
  const { orgs, people, learningRecords, titles, users, jobs, storage } = deps;

  /** Who may import each kind, and which module resolves and saves its rows. */
  const targets: Record<ImportKind, ImportTarget> = {
    staff: {
      permission: 'person.manage',
      resolver: (actor, orgId) => people.importResolver(actor, 'staff', orgId),
      save: (tx, ctx, records, imp) => people.importBatch(tx, ctx, 'staff', records as ImportRecord[], imp.settings.emulationYear),
    },
    residents: {
      permission: 'person.manage',
      resolver: (actor, orgId) => people.importResolver(actor, 'residents', orgId),
      save: (tx, ctx, records) => people.importBatch(tx, ctx, 'residents', records as ImportRecord[]),
    },
    orgs: {
      permission: 'org.manage',
      resolver: (actor, orgId) => orgs.importResolver(actor, orgId),
      save: (tx, ctx, records) => orgs.importBatch(tx, ctx, records as OrgImportRecord[]),
    },
    // One training's attendance list: a verified learning record per member listed, the import's id as their batch.
    attendance: {
      permission: 'learning.manage',
      resolver: (actor, orgId, settings) => learningRecords.importResolver(actor, orgId, settings.training!),
      save: (tx, ctx, records, imp) => learningRecords.importBatch(tx, ctx, { orgId: imp.orgId, batchId: imp.id }, imp.settings.training!, records as AttendanceRecord[]),
    },
    // A registration list: one title and year for every person, household, clan or unit listed.
    titleRegistration: {
      permission: 'recognition.manage',
      resolver: (actor, orgId, settings) => titles.importResolver(actor, orgId, settings.registration!),
      save: (tx, ctx, records, imp) => titles.importBatch(tx, ctx, imp.settings.registration!, records as RegistrationImportRecord[]),
    },
  };

  async function loadOwn(actor: Actor, id: string) {
    const row = await dataImportRepo.find(db, id);
    if (!row || row.imp.userId !== actor.userId || !can(actor, targets[row.imp.kind as ImportKind].permission, row.orgPath)) throw importNotFound();
    return row;
  }

  function fieldsOf(kind: ImportKind) {
    const fields = IMPORT_FIELDS[kind].map((f) => ({ key: f.key, labelVi: f.labelVi, labelEn: f.labelEn, required: f.required === true }));
    return kind === 'orgs' ? fields : [...fields, ...SPLIT_FIELDS];
  }

  // ── analysis ──────────────────────────────────────────────────────────────

  async function analyse({ job, progress }: JobContext) {
    const { importId } = job.payload as { importId: string };
    const { imp } = (await dataImportRepo.find(db, importId))!;
    const file = (await db.query.storedFile.findFirst({ where: (f, { eq }) => eq(f.id, imp.fileId) }))!;
    const sheets = new Map<string, { rows: number; head: unknown[][] ; rowNumbers: number[] }>();
    const samples: string[] = [];
    for await (const r of readSheetRows(storage.stream(file.storageKey))) {
      let s = sheets.get(r.sheetName);
      if (!s) sheets.set(r.sheetName, (s = { rows: 0, head: [], rowNumbers: [] }));
      s.rows = r.rowNumber;
      if (s.head.length < HEAD_ROWS) {
        s.head.push(r.cells);
        s.rowNumbers.push(r.rowNumber);
        for (const c of r.cells) if (typeof c === 'string' && samples.length < 400) samples.push(c);
      }
    }
    await progress(0.8);
    const encoding = detectLegacyEncoding(samples);
    // Convert before any cleaning: TCVN3 writes 'ư' as a soft hyphen, which text cleaning drops.
    const text = (v: unknown) => (typeof v === 'string' ? convertLegacy(v, encoding) : cellText(v));
    const remembered = await dataImportRepo.rememberedMapping(db, imp.userId, imp.kind);
    const fields = IMPORT_FIELDS[imp.kind as ImportKind];
    let best: { name: string; detection: NonNullable<ReturnType<typeof detectHeader>>; rowNumbers: number[]; head: unknown[][] } | null = null;
    for (const [name, s] of sheets) {
      const detection = detectHeader(s.head.map((row) => row.map(text)), fields, HEAD_ROWS, remembered);
      if (detection && (!best || detection.columns.filter((c) => c.fieldKey).length > best.detection.columns.filter((c) => c.fieldKey).length)) {
        best = { name, detection, rowNumbers: s.rowNumbers, head: s.head };
      }
    }
    const sheetList = [...sheets].map(([name, s]) => ({ name, rows: s.rows }));
    if (!best) {
      const error = { vi: 'Không tìm thấy dòng tiêu đề cột (ví dụ "Họ và tên", "Ngày sinh") trong 40 dòng đầu của các trang tính.', en: 'No header row (such as "Họ và tên", "Ngày sinh") was found in the first 40 rows of any sheet.' };
      return async (tx: Tx) => {
        await dataImportRepo.update(tx, importId, { state: 'failed', analysis: null, summary: { error } });
        return { state: 'failed' };
      };
    }
    const d = best.detection;
    const dataRows = best.head.slice(d.firstDataRowIndex).filter((row) => row.some((c: unknown) => cellText(c).trim() !== ''));
    const analysis: ImportAnalysis = {
      sheets: sheetList,
      sheet: best.name,
      headerRow: best.rowNumbers[d.headerRowIndex + d.headerRowCount - 1],
      firstDataRow: best.rowNumbers[d.firstDataRowIndex] ?? best.rowNumbers[d.headerRowIndex] + d.headerRowCount,
      encoding,
      columns: d.columns
        .filter((c) => c.header !== '' || dataRows.some((row) => cellText(row[c.index]).trim() !== ''))
        .map((c) => ({ index: c.index, letter: columnLetter(c.index), header: c.header, fieldKey: c.fieldKey === ROW_NO_KEY ? null : c.fieldKey, samples: dataRows.slice(0, 3).map((row) => text(row[c.index]).trim()) })),
      fields: fieldsOf(imp.kind as ImportKind),
    };
    return async (tx: Tx) => {
      await dataImportRepo.update(tx, importId, { state: 'analysed', analysis });
      return { state: 'analysed' };
    };
  }

  // ── reading rows (check and commit share it) ─────────────────────────────

  /** Every data row of the chosen sheet, converted, parsed and resolved, in file order. */
  async function* parsedRows(imp: DataImportRow, actor: Actor): AsyncGenerator<ParsedRow> {
    const analysis = imp.analysis as ImportAnalysis;
    const settings = imp.settings as ImportSettings;
    const file = (await db.query.storedFile.findFirst({ where: (f, { eq }) => eq(f.id, imp.fileId) }))!;
    const mapping = Object.entries(settings.mapping).map(([index, key]) => ({ index: Number(index), key }));
    const headers = new Map(analysis.columns.map((c) => [c.index, c.header]));
    const resolver = await targets[imp.kind as ImportKind].resolver(actor, imp.orgId, settings);
    const seen = new Map<string, number>();
    let batch: ParsedRow[] = [];
    // Rows are resolved a batch at a time: one query per batch finds the people already recorded.
    async function* resolved() {
      await resolver.resolve(batch, seen, settings.duplicates);
      yield* batch;
      batch = [];
    }
    for await (const r of readSheetRows(storage.stream(file.storageKey), { sheet: settings.sheet })) {
      if (r.rowNumber <= settings.headerRow) continue;
      const cells: Record<string, CellText | number | Date | boolean> = {};
      const columns: Record<string, { letter: string; header: string | null; raw: string }> = {};
      for (const { index, key } of mapping) {
        const v = r.cells[index];
        cells[key] = typeof v === 'string' ? convertLegacy(v, analysis.encoding) : (v as CellText | number | Date | boolean);
        columns[key] = { letter: columnLetter(index), header: headers.get(index) ?? null, raw: typeof v === 'string' ? convertLegacy(v, analysis.encoding) : cellText(v) };
      }
      const parsed = parseRow(imp.kind as ImportKind, r.rowNumber, cells, columns, r.cells.map((c) => (typeof c === 'string' ? convertLegacy(c, analysis.encoding) : cellText(c))));
      if (parsed === 'blank') continue;
      if (parsed === 'footer') break;
      batch.push(parsed);
      if (batch.length >= BATCH) yield* resolved();
    }
    yield* resolved();
  }

  const toIssueRow = (importId: string, sheet: string, seq: number, rowNumber: number, i: RowIssue): IssueRow => ({
    importId,
    seq,
    sheet,
    rowNumber,
    column: i.column ?? null,
    header: i.header ?? null,
    value: i.value ?? null,
    severity: i.severity,
    code: i.code,
    messageVi: i.message.vi,
    messageEn: i.message.en,
  });

  async function check({ job, progress }: JobContext) {
    const { importId } = job.payload as { importId: string };
    const { imp } = (await dataImportRepo.find(db, importId))!;
    const actor = await users.loadActor(db, imp.userId);
    const settings = imp.settings as ImportSettings;
    const total = (imp.analysis as ImportAnalysis).sheets.find((s) => s.name === settings.sheet)?.rows ?? 1;
    const summary: StoredSummary = { rows: 0, create: 0, update: 0, skip: 0, errors: 0, warnings: 0, preview: [], jobId: job.id };
    const issues: IssueRow[] = [];
    const marks: { rowNumber: number; column: string | null; message: string }[] = [];
    for await (const row of parsedRows(imp, actor)) {
      summary.rows += 1;
      summary[row.action === 'error' ? 'errors' : row.action] += row.action === 'error' ? 0 : 1;
      for (const i of row.issues) {
        if (i.severity === 'error') summary.errors += 1;
        else summary.warnings += 1;
        if (issues.length < STORED_ISSUES) issues.push(toIssueRow(importId, settings.sheet, issues.length + 1, row.rowNumber, i));
        if (i.severity === 'error') marks.push({ rowNumber: row.rowNumber, column: i.column ?? null, message: `${i.message.vi} / ${i.message.en}` });
      }
      if (summary.preview!.length < PREVIEW_ROWS) summary.preview!.push(previewOf(row, settings.sheet));
      if (summary.rows % 1000 === 0) await progress(Math.min(0.9, summary.rows / total));
    }
    let errorFile: { key: string; size: number } | null = null;
    if (marks.length) {
      const file = (await db.query.storedFile.findFirst({ where: (f, { eq }) => eq(f.id, imp.fileId) }))!;
      errorFile = await markErrors(storage, file.storageKey, settings.sheet, marks);
    }
    return async (tx: Tx) => {
      const errorFileRow = errorFile
        ? await registerFile(tx, { name: imp.fileName.replace(/\.xlsx$/i, '') + '-loi.xlsx', contentType: XLSX, size: errorFile.size, storageKey: errorFile.key, createdBy: imp.userId, orgId: imp.orgId })
        : null;
      await dataImportRepo.replaceIssues(tx, importId, issues);
      await dataImportRepo.update(tx, importId, { state: 'checked', summary, errorFileId: errorFileRow?.id ?? null });
      return { state: 'checked', errors: summary.errors };
    };
  }

  function previewOf(row: ParsedRow, sheet: string): ImportPreviewRow {
    return {
      rowNumber: row.rowNumber,
      action: row.action,
      values: row.display,
      issues: row.issues.map((i) => ({ sheet, rowNumber: row.rowNumber, column: i.column ?? null, header: i.header ?? null, value: i.value ?? null, severity: i.severity, code: i.code, message: i.message })),
    };
  }

  // ── commit ────────────────────────────────────────────────────────────────

  /**
   * Parses the file again (the database may have changed since the check) into a temporary file of
   * resolved rows, then saves them all in the job's final transaction: any error, nothing saved.
   */
  async function commit({ job, progress }: JobContext) {
    const { importId } = job.payload as { importId: string };
    const { imp } = (await dataImportRepo.find(db, importId))!;
    const actor = await users.loadActor(db, imp.userId);
    const dir = await mkdtemp(path.join(tmpdir(), 'hoctap-import-'));
    const spool = path.join(dir, 'rows.jsonl');
    try {
      const out = createWriteStream(spool);
      let rows = 0;
      let errors = 0;
      for await (const row of parsedRows(imp, actor)) {
        if (row.action === 'error') errors += 1;
        else if (!out.write(JSON.stringify(row.record) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
        rows += 1;
        if (rows % 1000 === 0) await progress(Math.min(0.5, rows / ((imp.summary as StoredSummary | null)?.rows || rows) / 2));
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      if (errors) {
        throw ruleBroken('IMPORT_HAS_ERRORS', `Tệp có ${errors} dòng lỗi; chưa nhập dòng nào. Hãy kiểm tra lại.`, `The file has ${errors} rows with errors; nothing was imported. Check it again.`);
      }
      await progress(0.5, { vi: 'Đang lưu…', en: 'Saving…' });
      return async (tx: Tx) => {
        const ctx = systemContext(actor, `job:${job.id}`);
        const counts = { create: 0, update: 0, skip: 0 };
        let batch: unknown[] = [];
        const flush = async () => {
          const done = await targets[imp.kind as ImportKind].save(tx, ctx, batch, { id: imp.id, orgId: imp.orgId, settings: imp.settings as ImportSettings });
          counts.create += done.create;
          counts.update += done.update;
          counts.skip += done.skip;
          batch = [];
        };
        for await (const line of createInterface({ input: createReadStream(spool), crlfDelay: Infinity })) {
          if (!line) continue;
          batch.push(JSON.parse(line));
          if (batch.length >= BATCH) await flush();
        }
        if (batch.length) await flush();
        const summary: StoredSummary = { ...((imp.summary as StoredSummary) ?? {}), ...counts, rows, errors: 0, jobId: job.id };
        await dataImportRepo.update(tx, importId, { state: 'imported', summary });
        const { training, registration } = imp.settings as ImportSettings;
        await recordAudit(tx, ctx, { action: 'import', entity: 'data_import', entityId: importId, orgId: imp.orgId, after: { kind: imp.kind, fileName: imp.fileName, ...counts, ...(training ? { training } : {}), ...(registration ? { registration } : {}) } });
        return { state: 'imported', ...counts };
      };
    } finally {
      // The spool is read inside the transaction above, which runs after this function returns:
      // remove it once the job is over.
      setTimeout(() => void rm(dir, { recursive: true, force: true }), 10 * 60 * 1000).unref();
    }
  }

  /** A job that ends in failure leaves the import in a state the user can act on. */
  function failing(handler: (ctx: JobContext) => Promise<(tx: Tx) => Promise<unknown>>, restState: ImportState) {
    return async (ctx: JobContext) => {
      try {
        return await handler(ctx);
      } catch (err) {
        const { importId } = ctx.job.payload as { importId: string };
        const message = err instanceof AppError ? err.messages : { vi: 'Không đọc được tệp Excel này.', en: 'This Excel file could not be read.' };
        const row = await dataImportRepo.find(db, importId);
        await dataImportRepo.update(db, importId, { state: restState, summary: { ...((row?.imp.summary as object) ?? {}), error: message, jobId: ctx.job.id } });
        throw err;
      }
    };
  }

  jobs.register(IMPORT_ANALYSE_JOB, failing(analyse, 'failed'));
  jobs.register(IMPORT_CHECK_JOB, failing(check, 'analysed'));
  jobs.register(IMPORT_COMMIT_JOB, failing(commit, 'checked'));

  async function enqueue(ctx: RequestContext, importId: string, kind: string, state: ImportState, extra: Partial<DataImportRow> = {}) {
    return db.transaction(async (tx) => {
      const queued = await jobs.enqueue(tx, ctx, kind, { importId }, null);
      const row = (await dataImportRepo.find(tx, importId))!;
      await dataImportRepo.update(tx, importId, { ...extra, state, summary: { ...((kind === IMPORT_COMMIT_JOB ? row.imp.summary : {}) as object), jobId: queued.id } });
      return present((await dataImportRepo.find(tx, importId))!);
    });
  }

  return {
    fields: fieldsOf,
    template: writeTemplate,

    /** Stores the uploaded workbook and starts its analysis. */
    async upload(ctx: RequestContext, input: { kind: ImportKind; orgId: string; fileName: string; file: Readable }): Promise<ImportView> {
      const actor = requireActor(ctx);
      await orgs.requireAccess(db, actor, input.orgId, targets[input.kind].permission);
      const target = await storage.create();
      try {
        await pipeline(input.file, createWriteStream(target.path));
        if ((input.file as Readable & { truncated?: boolean }).truncated) {
          throw invalid('file', 'Tệp quá lớn (tối đa 50 MB).', 'The file is too large (50 MB at most).');
        }
        const head = await new Promise<Buffer>((resolve, reject) => {
          const s = createReadStream(target.path, { start: 0, end: 3 });
          const parts: Buffer[] = [];
          s.on('data', (b) => parts.push(b as Buffer)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
        });
        if (head.toString('latin1') !== 'PK\u0003\u0004') {
          throw invalid('file', 'Chỉ nhận tệp Excel .xlsx (tệp .xls cũ hãy mở bằng Excel và lưu lại dạng .xlsx).', 'Only Excel .xlsx files are accepted (open an old .xls in Excel and save it as .xlsx).');
        }
      } catch (err) {
        await target.discard();
        throw err;
      }
      const size = await target.commit();
      if (size > MAX_FILE_BYTES) throw invalid('file', 'Tệp quá lớn (tối đa 50 MB).', 'The file is too large (50 MB at most).');
      return db.transaction(async (tx) => {
        const file = await registerFile(tx, { name: input.fileName, contentType: XLSX, size, storageKey: target.key, createdBy: actor.userId, orgId: input.orgId });
        const created = await dataImportRepo.insert(tx, { userId: actor.userId, kind: input.kind, orgId: input.orgId, fileId: file.id, fileName: input.fileName, state: 'analysing' });
        const queued = await jobs.enqueue(tx, ctx, IMPORT_ANALYSE_JOB, { importId: created.id }, input.orgId);
        await dataImportRepo.update(tx, created.id, { summary: { jobId: queued.id } });
        await recordAudit(tx, ctx, { action: 'upload', entity: 'data_import', entityId: created.id, orgId: input.orgId, after: { kind: input.kind, fileName: input.fileName, size } });
        return present((await dataImportRepo.find(tx, created.id))!);
      });
    },

    async get(ctx: RequestContext, id: string) {
      return present(await loadOwn(requireActor(ctx), id));
    },

    async list(ctx: RequestContext, page: number, pageSize: number): Promise<Page<ImportView>> {
      const actor = requireActor(ctx);
      const rows = await dataImportRepo.listOwn(db, actor.userId, pageSize, (page - 1) * pageSize);
      return { items: rows.map(present), total: await dataImportRepo.countOwn(db, actor.userId), page, pageSize };
    },

    /** Confirms sheet, header row and mapping (remembered for next time) and starts the check. */
    async configure(ctx: RequestContext, id: string, settings: ImportSettings) {
      const actor = requireActor(ctx);
      const { imp } = await loadOwn(actor, id);
      if (!['analysed', 'checked', 'failed'].includes(imp.state) || !imp.analysis) {
        throw ruleBroken('IMPORT_BUSY', 'Lượt nhập đang được xử lý hoặc đã xong.', 'This import is being processed or is finished.');
      }
      const analysis = imp.analysis as ImportAnalysis;
      const fields = fieldsOf(imp.kind as ImportKind);
      if (!analysis.sheets.some((s) => s.name === settings.sheet)) throw invalid('sheet', 'Không có trang tính này trong tệp.', 'The file has no such sheet.');
      const used = new Map<string, string>();
      for (const [index, key] of Object.entries(settings.mapping)) {
        if (!fields.some((f) => f.key === key)) throw invalid(`mapping.${index}`, `Trường "${key}" không tồn tại.`, `Unknown field "${key}".`);
        if (used.has(key)) throw invalid(`mapping.${index}`, `Cột ${columnLetter(Number(index))} và cột ${columnLetter(Number(used.get(key)))} cùng gán cho một trường.`, `Columns ${columnLetter(Number(index))} and ${columnLetter(Number(used.get(key)))} are mapped to the same field.`);
        used.set(key, index);
      }
      // A split birth-date column ("Ngày sinh" over "Nam | Nữ") stands for the date.
      const covered = (key: string) => used.has(key) || (key === 'birthDate' && (used.has(BIRTH_DATE_MALE_KEY) || used.has(BIRTH_DATE_FEMALE_KEY)));
      const missing = fields.filter((f) => f.required && !covered(f.key));
      if (missing.length) {
        throw invalid('mapping', `Chưa chọn cột cho: ${missing.map((f) => f.labelVi).join(', ')}.`, `No column chosen for: ${missing.map((f) => f.labelEn).join(', ')}.`);
      }
      // An attendance list is of one training, entered in the wizard and checked like a record's fields.
      const { training: sentTraining, registration: sentRegistration, emulationYear, ...rest } = settings;
      const kindSettings: Partial<ImportSettings> =
        imp.kind === 'attendance'
          ? { training: await learningRecords.importTraining(actor, imp.orgId, sentTraining) }
          : imp.kind === 'titleRegistration'
            ? { registration: await titles.importSettings(actor, imp.orgId, sentRegistration) }
            : { emulationYear: emulationYear ?? Number(todayInVietnam().slice(0, 4)) - 1 };
      await db.transaction(async (tx) => {
        await dataImportRepo.remember(tx, actor.userId, imp.kind, analysis.columns.filter((c) => c.header).map((c) => ({ headerKey: headerKey(c.header), fieldKey: settings.mapping[String(c.index)] ?? null })));
      });
      return enqueue(ctx, id, IMPORT_CHECK_JOB, 'checking', { settings: { ...rest, ...kindSettings }, errorFileId: null });
    },

    async preview(ctx: RequestContext, id: string) {
      const { imp } = await loadOwn(requireActor(ctx), id);
      return { items: ((imp.summary as StoredSummary | null)?.preview ?? []) as ImportPreviewRow[] };
    },

    async issues(ctx: RequestContext, id: string, page: number, pageSize: number): Promise<Page<ImportIssue>> {
      const { imp } = await loadOwn(requireActor(ctx), id);
      const rows = await dataImportRepo.issues(db, imp.id, pageSize, (page - 1) * pageSize);
      return {
        items: rows.map((r) => ({ sheet: r.sheet, rowNumber: r.rowNumber, column: r.column, header: r.header, value: r.value, severity: r.severity as 'error' | 'warning', code: r.code, message: { vi: r.messageVi, en: r.messageEn } })),
        total: await dataImportRepo.issueCount(db, imp.id),
        page,
        pageSize,
      };
    },

    async commit(ctx: RequestContext, id: string) {
      const { imp } = await loadOwn(requireActor(ctx), id);
      const summary = imp.summary as StoredSummary | null;
      if (imp.state !== 'checked' || !summary) throw ruleBroken('IMPORT_NOT_CHECKED', 'Hãy kiểm tra dữ liệu trước khi nhập.', 'Check the data before importing.');
      if (summary.errors > 0) throw ruleBroken('IMPORT_HAS_ERRORS', 'Tệp còn lỗi; hãy sửa tệp và tải lên lại.', 'The file still has errors; fix it and upload it again.');
      return enqueue(ctx, id, IMPORT_COMMIT_JOB, 'importing');
    },
  };
}

export type DataImportService = ReturnType<typeof createDataImportService>;
