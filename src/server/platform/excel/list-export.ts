import { catalogues, type MessageKey } from '../../../shared/i18n/index.js';
import type { Db, Tx } from '../../db/index.js';
import { recordAudit } from '../audit/audit.js';
import type { Bilingual } from '../errors.js';
import { registerFile } from '../files/files.js';
import type { FileStorage } from '../files/storage.js';
import { systemContext, type RequestContext } from '../http/context.js';
import type { JobContext, JobRunner } from '../jobs/runner.js';
import type { Actor } from '../policy.js';
import { todayInVietnam } from '../time.js';

/**
 * The Excel export of a list, as a background job: the rows the list shows for the same query,
 * read page by page and streamed into an .xlsx file, never held in memory all at once.
 */

export type ExportLanguage = 'vi' | 'en';
export type ExportCell = string | number | null;

export interface ListExportColumn<Row> {
  header: Bilingual;
  width: number;
  value: (row: Row) => ExportCell;
}

/** A page of the list; `totalCapped`: the list has more than `total` rows. */
export interface ListBatch<Row> {
  items: Row[];
  total: number;
  totalCapped?: boolean;
}

export interface ListExport<Row> {
  /** Whose view of the list this is: the export is audited as theirs. */
  actor: Actor;
  language: ExportLanguage;
  sheetName: Bilingual;
  /** Leads with an "STT" / "No." column numbering the rows, as office lists do. */
  numbered: boolean;
  columns: ListExportColumn<Row>[];
  /** The next `limit` rows after the first `offset` (`last`: the last row written, for keyset paging). */
  batch(at: { offset: number; limit: number; last: Row | undefined }): Promise<ListBatch<Row>>;
  /** The file is named `<fileStem>-<yyyy-mm-dd>.xlsx`. */
  fileStem: string;
  /** The audit row of the finished export (action 'export'): its entity, and what to note beside the row count. */
  audit: { entity: string; after: Record<string, unknown> };
}

export interface ListExportResult {
  fileId: string;
  fileName: string;
  rows: number;
}

const EXPORT_BATCH = 2000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NUMBER_HEADER: Bilingual = { vi: 'STT', en: 'No.' };

/** A column title exactly as the list on screen shows it (the web app's catalogue). */
export const shownTitle = (key: MessageKey): Bilingual => ({ vi: catalogues.vi[key], en: catalogues.en[key] });

function progressOf(written: number, batch: ListBatch<unknown>): { fraction: number; message: Bilingual } {
  const total = batch.totalCapped ? Math.max(batch.total, written + 1) : batch.total;
  const fraction = total ? Math.min(written / total, 0.99) : 1;
  const message = batch.totalCapped
    ? { vi: `Đã ghi ${written} dòng`, en: `${written} rows written` }
    : { vi: `Đã ghi ${written}/${batch.total} dòng`, en: `${written}/${batch.total} rows written` };
  return { fraction, message };
}

/** Streams the list into `filePath`: a bold, frozen header row, then the rows batch by batch. Returns the row count. */
async function writeWorkbook<Row>(filePath: string, spec: ListExport<Row>, progress: JobContext['progress']): Promise<number> {
  const lang = spec.language;
  // Loaded on first use: exceljs costs a quarter of a second at start-up.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true });
  const sheet = workbook.addWorksheet(spec.sheetName[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...(spec.numbered ? [{ header: NUMBER_HEADER[lang], width: 6 }] : []),
    ...spec.columns.map((c) => ({ header: c.header[lang], width: c.width })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  let last: Row | undefined;
  for (;;) {
    const batch = await spec.batch({ offset: written, limit: EXPORT_BATCH, last });
    for (const row of batch.items) {
      written += 1;
      const values = spec.columns.map((c) => c.value(row));
      sheet.addRow(spec.numbered ? [written, ...values] : values).commit();
    }
    const { fraction, message } = progressOf(written, batch);
    await progress(fraction, message);
    if (batch.items.length < EXPORT_BATCH) break;
    last = batch.items.at(-1);
  }
  sheet.commit();
  await workbook.commit();
  return written;
}

/**
 * The body of an export job: writes the file to storage (discarded if anything fails) and returns
 * what stores the result with the job: the file's record and the audit row of the export.
 */
export async function runListExport<Row>(storage: FileStorage, { job, progress }: JobContext, spec: ListExport<Row>) {
  const target = await storage.create();
  try {
    const rows = await writeWorkbook(target.path, spec, progress);
    const size = await target.commit();
    const fileName = `${spec.fileStem}-${todayInVietnam()}.xlsx`;
    return async (tx: Tx): Promise<ListExportResult> => {
      const file = await registerFile(tx, { name: fileName, contentType: XLSX, size, storageKey: target.key, createdBy: job.createdBy, orgId: job.orgId });
      // Data left the system: who, which list, how many rows.
      await recordAudit(tx, systemContext(spec.actor, `job:${job.id}`), { action: 'export', entity: spec.audit.entity, entityId: file.id, orgId: job.orgId, after: { ...spec.audit.after, rows } });
      return { fileId: file.id, fileName, rows };
    };
  } catch (err) {
    await target.discard();
    throw err;
  }
}

/**
 * Queues an export job (the caller has checked the query against the policy; the job checks it
 * again when it runs) and audits the request.
 */
export function queueListExport(db: Db, jobs: JobRunner, ctx: RequestContext, kind: string, request: { payload: unknown; orgId: string | null; entity: string; after: unknown }) {
  return db.transaction(async (tx) => {
    const queued = await jobs.enqueue(tx, ctx, kind, request.payload, request.orgId);
    await recordAudit(tx, ctx, { action: 'export_requested', entity: request.entity, entityId: queued.id, orgId: request.orgId, after: request.after });
    return queued;
  });
}
