/**
 * Streaming reader for imported .xlsx files (exceljs WorkbookReader): rows are yielded one
 * at a time and never collected, so memory stays bounded whatever the file size.
 *
 * Cell values come out as string | number | Date | boolean | null:
 * - rich text → its runs joined; hyperlinks → their text; error values (#N/A…) → null;
 * - formulas (shared ones too) → their cached result, null when the file has none;
 * - strings are returned as stored (not trimmed, not NFC): legacy-encoding detection and
 *   the cell parsers need the raw text.
 *
 * Dates (checked against exceljs 4.4.0 with styles: 'cache'): Excel stores a date as a
 * serial number with a date number format. The streaming reader turns a plain numeric
 * cell into a Date (UTC midnight of the day Excel shows) when its format is a date format:
 * built-in id 14-22 and 45-47 (Vietnamese Excel's default short date is id 14) or any
 * custom format with d, m, y, h or s outside quotes and brackets ("dd/mm/yyyy",
 * "[$-409]d/m/yyyy;@"). It does NOT do so for formula results (=DATE(...), =TODAY()): they
 * stay numbers there, so this module converts them using the cell's format. The 1904 date
 * system is honoured when workbook.xml precedes the sheets in the zip (Excel's order).
 * With styles: 'ignore' every date would be a bare serial number. Text that merely looks
 * like a date ("15/03/1985") stays a string.
 *
 * Merged cells: the streaming reader does not report merges (they follow the rows in the
 * sheet XML); a merged range's value is in its top-left cell and the other cells are null.
 */
import './exceljs-utf8.js';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { excelSerialToDate, valueToText } from './cell-values.js';

export type CellValue = string | number | Date | boolean | null;

export interface SheetRow {
  sheetName: string;
  /** 0-based position of the sheet in the workbook's tab order. */
  sheetIndex: number;
  /** The row number Excel shows (1-based; rows absent from the file are skipped). */
  rowNumber: number;
  /** cells[0] is column A; trailing empty cells are not included. */
  cells: CellValue[];
  /** Font name per cell (with `fonts: true`), e.g. ".VnTime" or "VNI-Times". */
  fonts?: (string | null)[];
}

export interface ReadSheetOptions {
  /** Only this sheet: its name or 0-based index. Default: every sheet, in file order. */
  sheet?: string | number;
  /** Also give each cell's font name (hint for legacy encodings). */
  fonts?: boolean;
  /** Skip rows that have no value (rows that only carry formatting). Default false. */
  skipEmptyRows?: boolean;
  /** Stop each sheet after this many rows (for header sniffing). */
  maxRowsPerSheet?: number;
}

export type XlsxInput = string | Readable | Uint8Array;

export interface SheetInfo {
  name: string;
  index: number;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Number of the last row holding a value (0 for an empty sheet). */
  lastRowNumber: number;
  /** Rows holding at least one value. */
  rowsWithValues: number;
}

// Minimal shapes of the exceljs streaming objects used here (its typings omit them).
interface StreamCell {
  value: unknown;
  numFmt?: string;
  font?: { name?: string };
}
interface StreamRow {
  number: number;
  eachCell(opts: { includeEmpty: boolean }, cb: (cell: StreamCell, col: number) => void): void;
}
interface StreamWorksheet extends AsyncIterable<StreamRow> {
  name: string;
  state?: SheetInfo['state'];
}
interface StreamWorkbook extends AsyncIterable<StreamWorksheet> {
  model?: { sheets?: Array<{ name: string }> };
  properties?: { model?: { date1904?: boolean } };
}

/** True for number formats that show a date or time (exceljs' own rule). */
export function isDateFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt) return false;
  const f = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/**
 * An exceljs cell value as string | number | Date | boolean | null. A numeric formula
 * result with a date format becomes a Date.
 */
export function normaliseCellValue(value: unknown, numFmt?: string | null, date1904 = false): CellValue {
  if (value == null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value : null;
  if (typeof value !== 'object') return null;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.richText)) return o.richText.map((run: { text?: unknown }) => String(run?.text ?? '')).join('');
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) {
    const result = normaliseCellValue(o.result, null, date1904);
    return typeof result === 'number' && isDateFormat(numFmt) ? excelSerialToDate(result, date1904) : result;
  }
  if ('hyperlink' in o || 'text' in o) return normaliseCellValue(o.text, numFmt, date1904);
  return null; // { error: '#N/A' } and anything unknown
}

/** Text of a cell for header detection and encoding sniffing: '' when blank. */
export function cellText(v: unknown): string {
  return valueToText(v) ?? '';
}

interface OpenWorkbook {
  workbook: StreamWorkbook;
  /** Closes the stream this module opened (never a caller's). */
  close: () => void;
  /** Resolves if the input stream is destroyed before its end (exceljs would then wait forever). */
  aborted: Promise<void>;
}

async function openWorkbook(input: XlsxInput): Promise<OpenWorkbook> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use (costly at start-up)
  const ownStream = typeof input === 'string' ? createReadStream(input) : input instanceof Uint8Array ? Readable.from([input]) : null;
  const stream = ownStream ?? (input as Readable);
  const aborted = new Promise<void>((resolve) => stream.once('close', () => !stream.readableEnded && resolve()));
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  }) as unknown as StreamWorkbook;
  return { workbook, close: () => ownStream?.destroy(), aborted };
}

function sheetIndexOf(workbook: StreamWorkbook, sheet: StreamWorksheet, emitted: number): number {
  const i = workbook.model?.sheets?.findIndex((s) => s.name === sheet.name) ?? -1;
  return i >= 0 ? i : emitted;
}

function wanted(want: string | number | undefined, name: string, index: number): boolean {
  if (want === undefined) return true;
  return typeof want === 'number' ? want === index : want === name;
}

/**
 * Rows of the sheets of an .xlsx file, one at a time. Stop early by breaking out of the
 * loop. Streams passed in are left to the caller to close.
 *
 * exceljs spools a sheet to a temporary file when the shared strings come after it in the
 * zip (as in files written by Excel and exceljs), and removes that file only when the
 * sheet has been read to its end. So nothing here is abandoned half-read: skipped sheets
 * are read through, and when the caller stops early (or the one wanted sheet is done) the
 * rest is read through in the background, after which the file is closed. Tests can wait
 * for that with `settleAbandonedReaders`.
 */
export async function* readSheetRows(input: XlsxInput, opts: ReadSheetOptions = {}): AsyncGenerator<SheetRow> {
  const { workbook, close, aborted } = await openWorkbook(input);
  const sheets = workbook[Symbol.asyncIterator]();
  let current: AsyncIterator<StreamRow> | null = null;
  let finished = false;
  try {
    let emitted = 0;
    for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
      const sheet = s.value;
      const sheetIndex = sheetIndexOf(workbook, sheet, emitted++);
      current = sheet[Symbol.asyncIterator]();
      if (wanted(opts.sheet, sheet.name, sheetIndex)) {
        const date1904 = workbook.properties?.model?.date1904 === true;
        yield* sheetRows(current, sheet.name, sheetIndex, date1904, opts);
        if (opts.sheet !== undefined) return; // the one wanted sheet is done
      }
      await drain(current); // a skipped sheet, or the rows past maxRowsPerSheet
      current = null;
    }
    finished = true;
  } finally {
    if (finished) close();
    else abandon(sheets, current, close, aborted);
  }
}

async function* sheetRows(
  rows: AsyncIterator<StreamRow>,
  sheetName: string,
  sheetIndex: number,
  date1904: boolean,
  opts: ReadSheetOptions,
): AsyncGenerator<SheetRow> {
  let yielded = 0;
  while (opts.maxRowsPerSheet === undefined || yielded < opts.maxRowsPerSheet) {
    const r = await rows.next();
    if (r.done) return;
    const out = rowOf(r.value, sheetName, sheetIndex, date1904, opts.fonts === true);
    if (opts.skipEmptyRows && out.cells.every((c) => c === null || c === '')) continue;
    yielded += 1;
    yield out;
  }
}

async function drain(rows: AsyncIterator<StreamRow>): Promise<void> {
  for (let r = await rows.next(); !r.done; r = await rows.next());
}

const abandonedReaders = new Set<Promise<void>>();

/** Reads the rest of a workbook in the background so exceljs removes its temporary files. */
function abandon(
  sheets: AsyncIterator<StreamWorksheet>,
  current: AsyncIterator<StreamRow> | null,
  close: () => void,
  aborted: Promise<void>,
): void {
  const rest = (async () => {
    if (current) await drain(current);
    for (let s = await sheets.next(); !s.done; s = await sheets.next()) await drain(s.value[Symbol.asyncIterator]());
  })();
  rest.catch(() => undefined); // may fail after an abort has already settled `done`
  const done: Promise<void> = Promise.race([rest, aborted])
    .catch(() => undefined) // the input may be gone already; nothing to report to anyone
    .finally(() => {
      close();
      abandonedReaders.delete(done);
    });
  abandonedReaders.add(done);
}

/** Resolves when every reader stopped early has finished reading in the background. */
export async function settleAbandonedReaders(): Promise<void> {
  while (abandonedReaders.size > 0) await Promise.all([...abandonedReaders]);
}

function rowOf(row: StreamRow, sheetName: string, sheetIndex: number, date1904: boolean, withFonts: boolean): SheetRow {
  const cells: CellValue[] = [];
  const fonts: (string | null)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const v = normaliseCellValue(cell.value, cell.numFmt, date1904);
    while (cells.length < col - 1) {
      cells.push(null);
      fonts.push(null);
    }
    cells[col - 1] = v;
    fonts[col - 1] = cell.font?.name ?? null;
  });
  while (cells.length > 0 && cells[cells.length - 1] === null) {
    cells.pop();
    fonts.pop();
  }
  return withFonts ? { sheetName, sheetIndex, rowNumber: row.number, cells, fonts } : { sheetName, sheetIndex, rowNumber: row.number, cells };
}

/** The sheets of a file with their row extent (reads the whole file, streaming). */
export async function listSheets(input: XlsxInput): Promise<SheetInfo[]> {
  const { workbook, close } = await openWorkbook(input);
  const sheets: SheetInfo[] = [];
  try {
    let emitted = 0;
    for await (const sheet of workbook) {
      const info: SheetInfo = {
        name: sheet.name,
        index: sheetIndexOf(workbook, sheet, emitted++),
        state: sheet.state ?? 'visible',
        lastRowNumber: 0,
        rowsWithValues: 0,
      };
      for await (const row of sheet) {
        let hasValue = false;
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (!hasValue && normaliseCellValue(cell.value) !== null) hasValue = true;
        });
        if (hasValue) {
          info.rowsWithValues += 1;
          info.lastRowNumber = row.number;
        }
      }
      sheets.push(info);
    }
  } finally {
    close();
  }
  return sheets.sort((a, b) => a.index - b.index);
}
