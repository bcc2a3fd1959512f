import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sampleResidentRows,
  sampleStaffRows,
  staffFileLayout,
  writeResidentFile,
  writeStaffFile,
} from '../../../../test/fixtures/excel-files.js';
import {
  parseBirthDate,
  parseCitizenId,
  parseGeneralEducation,
  parsePersonName,
  parsePhone,
  parseSex,
  parseText,
  isFooterRow,
  isBlankRow,
  type Parsed,
} from './cell-values.js';
import { detectHeader, RESIDENT_FIELDS, STAFF_FIELDS } from './header-match.js';
import { convertLegacy, detectLegacyEncoding, type TextEncoding } from './legacy-encoding.js';
import {
  cellText,
  isDateFormat,
  listSheets,
  normaliseCellValue,
  readSheetRows,
  settleAbandonedReaders,
  type SheetRow,
} from './read-sheet.js';

let dir: string;
let mixedFile: string;

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hoctap-read-sheet-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = 'DANH SÁCH CÁN BỘ';
  ws.getRow(3).values = ['STT', 'Họ và tên', 'Ngày sinh'];
  const r = ws.getRow(4);
  r.getCell(1).value = 1;
  r.getCell(2).value = { richText: [{ text: 'Nguyễn ', font: { bold: true } }, { text: 'Văn Đức' }] };
  r.getCell(3).value = utc('1985-03-07');
  r.getCell(3).numFmt = 'dd/mm/yyyy';
  r.getCell(4).value = utc('1990-12-31'); // exceljs's default date format (built-in id 14)
  r.getCell(5).value = { formula: 'DATE(1985,3,8)', result: 31114 };
  r.getCell(5).numFmt = 'd/m/yyyy';
  r.getCell(6).value = { formula: 'A4*2', result: 2 };
  r.getCell(7).value = { formula: 'B4&""', result: 'Nguyễn Văn Đức' };
  r.getCell(8).value = { text: 'trang chủ', hyperlink: 'https://sotaichinh.kontum.gov.vn' };
  r.getCell(9).value = { error: '#N/A' };
  r.getCell(10).value = true;
  r.getCell(11).value = 912345678;
  r.getCell(12).value = '15/03/1985';
  r.getCell(13).value = { formula: '1/0', result: { error: '#DIV/0!' } };
  r.getCell(14).value = 31113; // a serial without a date format stays a number
  r.getCell(15).value = '  văn bản  ';
  ws.getCell('F5').value = { sharedFormula: 'F4', result: 4 };
  ws.getCell('B7').value = 'Tổng cộng';
  ws.getCell('B7').font = { name: '.VnTime' };
  ws.getRow(9).height = 30; // a formatted row without values
  ws.getRow(9).getCell(3).numFmt = 'dd/mm/yyyy';
  const notes = wb.addWorksheet('Ghi chú', { state: 'hidden' });
  notes.getCell('A1').value = 'Hướng dẫn';
  notes.getCell('A3').value = 'Dòng 3';
  mixedFile = path.join(dir, 'mixed.xlsx');
  await wb.xlsx.writeFile(mixedFile);
});

afterAll(async () => {
  await settleAbandonedReaders();
  rmSync(dir, { recursive: true, force: true });
});

describe('readSheetRows', () => {
  it('yields normalised values with Excel row numbers, sheet by sheet', async () => {
    const rows = await collect(readSheetRows(mixedFile));
    expect(rows.map((r) => [r.sheetName, r.sheetIndex, r.rowNumber])).toEqual([
      ['Danh sách', 0, 1],
      ['Danh sách', 0, 3],
      ['Danh sách', 0, 4],
      ['Danh sách', 0, 5],
      ['Danh sách', 0, 7],
      ['Danh sách', 0, 9],
      ['Ghi chú', 1, 1],
      ['Ghi chú', 1, 3],
    ]);
    // Merged title: the value is in the top-left cell only.
    expect(rows[0]!.cells).toEqual(['DANH SÁCH CÁN BỘ']);
    expect(rows[2]!.cells).toEqual([
      1,
      'Nguyễn Văn Đức', // rich text joined
      utc('1985-03-07'), // date cell
      utc('1990-12-31'), // date cell, built-in format
      utc('1985-03-08'), // formula with a date format: the serial result made a Date
      2, // formula result
      'Nguyễn Văn Đức', // string formula result
      'trang chủ', // hyperlink text
      null, // #N/A
      true,
      912345678,
      '15/03/1985', // text stays text
      null, // formula with an error result
      31113,
      '  văn bản  ', // strings as stored
    ]);
    expect(rows[3]!.cells).toEqual([null, null, null, null, null, 4]); // shared formula
    expect(rows[5]!.cells).toEqual([]); // formatting only
  });

  it('reads one sheet by name or index, and can skip empty rows and cap rows', async () => {
    const notes = await collect(readSheetRows(mixedFile, { sheet: 'Ghi chú' }));
    expect(notes.map((r) => r.cells[0])).toEqual(['Hướng dẫn', 'Dòng 3']);
    const first = await collect(readSheetRows(mixedFile, { sheet: 0, skipEmptyRows: true, maxRowsPerSheet: 3 }));
    expect(first.map((r) => r.rowNumber)).toEqual([1, 3, 4]);
    const nonEmpty = await collect(readSheetRows(mixedFile, { sheet: 0, skipEmptyRows: true }));
    expect(nonEmpty.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5, 7]);
  });

  it('gives font names on request', async () => {
    const rows = await collect(readSheetRows(mixedFile, { sheet: 0, fonts: true }));
    expect(rows.find((r) => r.rowNumber === 7)!.fonts).toEqual([null, '.VnTime']);
    expect(rows[0]!.fonts).toBeDefined();
    expect((await collect(readSheetRows(mixedFile, { sheet: 0 })))[0]!.fonts).toBeUndefined();
  });

  it('stops cleanly when the caller breaks out, and reads buffers and streams', async () => {
    for await (const row of readSheetRows(mixedFile)) {
      expect(row.rowNumber).toBe(1);
      break;
    }
    const fromBuffer = await collect(readSheetRows(readFileSync(mixedFile), { sheet: 1 }));
    expect(fromBuffer).toHaveLength(2);
    const stream = createReadStream(mixedFile);
    const fromStream = await collect(readSheetRows(stream, { sheet: 'Ghi chú' }));
    expect(fromStream.map((r) => r.cells[0])).toEqual(['Hướng dẫn', 'Dòng 3']);
    stream.destroy();
  });

  it('leaves no temporary files behind when stopped early or when skipping sheets', async () => {
    // exceljs spools sheets to tmp-<pid>-… files when the shared strings come after them in the zip.
    const spooled = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`)).length;
    await settleAbandonedReaders();
    const before = spooled();
    for await (const row of readSheetRows(mixedFile)) {
      expect(row.rowNumber).toBe(1);
      break;
    }
    await collect(readSheetRows(mixedFile, { sheet: 1 }));
    await collect(readSheetRows(mixedFile, { sheet: 0, maxRowsPerSheet: 1 }));
    await collect(readSheetRows(mixedFile, { maxRowsPerSheet: 1 }));
    await settleAbandonedReaders();
    // tmp unlinks asynchronously once exceljs releases a file: give it a moment.
    for (let i = 0; i < 50 && spooled() > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(spooled()).toBe(before);
  });

  it('does not wait forever when the caller destroys its stream after stopping early', async () => {
    const big = await writeStaffFile(path.join(dir, 'big.xlsx'), { rows: sampleStaffRows(3000, 5) });
    const stream = createReadStream(big);
    for await (const row of readSheetRows(stream)) {
      expect(row.rowNumber).toBe(1);
      break;
    }
    stream.destroy();
    await settleAbandonedReaders();
  });

  it('honours the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = utc('1985-03-07');
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('B1').value = { formula: 'A1', result: 31113 - 1462 };
    ws.getCell('B1').numFmt = 'dd/mm/yyyy';
    const file = path.join(dir, 'd1904.xlsx');
    await wb.xlsx.writeFile(file);
    const [row] = await collect(readSheetRows(file));
    expect(row!.cells).toEqual([utc('1985-03-07'), utc('1985-03-07')]);
  });
});

describe('listSheets', () => {
  it('lists sheets with state and row extent', async () => {
    expect(await listSheets(mixedFile)).toEqual([
      { name: 'Danh sách', index: 0, state: 'visible', lastRowNumber: 7, rowsWithValues: 5 },
      { name: 'Ghi chú', index: 1, state: 'hidden', lastRowNumber: 3, rowsWithValues: 2 },
    ]);
  });
});

describe('value helpers', () => {
  it('recognises date formats as exceljs does', () => {
    for (const f of ['dd/mm/yyyy', 'mm-dd-yy', 'd/m/yyyy', '[$-409]d/m/yyyy;@', 'hh:mm']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0.00', '#,##0 "đồng"', '@', null]) expect(isDateFormat(f), String(f)).toBe(false);
  });

  it('normalises raw exceljs values', () => {
    expect(normaliseCellValue({ formula: 'X', result: 31113 }, 'dd/mm/yyyy')).toEqual(utc('1985-03-07'));
    expect(normaliseCellValue({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
    expect(normaliseCellValue({ formula: 'X', result: Number.NaN })).toBeNull();
    expect(normaliseCellValue(new Date(Number.NaN))).toBeNull();
    expect(cellText(utc('1985-03-07'))).toBe('07/03/1985');
    expect(cellText(null)).toBe('');
    expect(cellText(' Họ và\ntên ')).toBe('Họ và tên');
  });
});

// ---------------------------------------------------------------------------------------
// The whole chain over the fixture files: read, detect the encoding, convert, find the
// header, parse the values, stop at the footer.

const value = <T>(r: Parsed<T>): T | string => (r.ok ? r.value : `ERROR ${r.error.en}`);

async function importRows(file: string, fields = STAFF_FIELDS) {
  const rows = await collect(readSheetRows(file));
  const samples = rows.flatMap((r) => r.cells.filter((c): c is string => typeof c === 'string'));
  const encoding: TextEncoding = detectLegacyEncoding(samples);
  const cells = rows.map((r) => r.cells.map((c) => (typeof c === 'string' ? convertLegacy(c, encoding) : c)));
  const header = detectHeader(cells.slice(0, 30).map((r) => r.map(cellText)), fields);
  if (!header) throw new Error('no header');
  const col = (key: string) => header.columns.find((c) => c.fieldKey === key)!.index;
  const people: Array<{ rowNumber: number; cells: unknown[] }> = [];
  for (let i = header.firstDataRowIndex; i < cells.length; i++) {
    if (isFooterRow(cells[i]!)) break;
    if (!isBlankRow(cells[i]!)) people.push({ rowNumber: rows[i]!.rowNumber, cells: cells[i]! });
  }
  return { encoding, header, col, people };
}

describe('fixture files through the engines', () => {
  const staff = sampleStaffRows(12, 2026);

  it.each(['unicode', 'tcvn3', 'vni'] as const)('imports a messy %s staff file', async (encoding) => {
    const file = await writeStaffFile(path.join(dir, `staff-${encoding}.xlsx`), { rows: staff, encoding, messy: true, numberingRow: true });
    const { encoding: detected, header, col, people } = await importRows(file);
    const layout = staffFileLayout({ rows: staff, messy: true, numberingRow: true });
    expect(detected).toBe(encoding);
    expect(header.headerRowIndex).toBe(2); // rows 1, 2 (titles) then 4: row 3 is absent from the file
    expect(header.numberingRowIndex).toBe(3);
    expect(header.missingRequired).toEqual([]);
    expect(people.map((p) => p.rowNumber)).toEqual(layout.dataRows);
    const parsed = people.map(({ cells }) => ({
      fullName: value(parsePersonName(cells[col('fullName')])),
      birthDate: value(parseBirthDate(cells[col('birthDate')], { today: '2026-05-01' })),
      sex: value(parseSex(cells[col('sex')])),
      citizenId: value(parseCitizenId(cells[col('citizenId')], { today: '2026-05-01' })),
      phone: value(parsePhone(cells[col('phone')])),
      unit: value(parseText(cells[col('unit')])),
      rank: value(parseText(cells[col('rank')])),
    }));
    expect(parsed).toEqual(staff.map(({ fullName, birthDate, sex, citizenId, phone, unit, rank }) => ({ fullName, birthDate, sex, citizenId, phone, unit, rank })));
  });

  it('imports a messy resident file (merged household codes, "12/12" turned into a date)', async () => {
    const residents = sampleResidentRows(6, 7);
    const file = await writeResidentFile(path.join(dir, 'residents.xlsx'), { rows: residents, messy: true });
    const { header, col, people } = await importRows(file, RESIDENT_FIELDS);
    expect(header.columns.map((c) => c.fieldKey)).toEqual([
      'householdCode', 'fullName', 'relation', 'birthDate', 'sex', 'ethnicity', 'citizenId', 'hamlet', 'clan', 'generalEducation', 'qualification',
    ]);
    let household: string | null = null;
    const parsed = people.map(({ cells }) => {
      household = (value(parseText(cells[col('householdCode')])) as string | null) ?? household; // merged: carried down
      return {
        householdCode: household,
        fullName: value(parsePersonName(cells[col('fullName')])),
        birthDate: value(parseBirthDate(cells[col('birthDate')], { today: '2026-05-01' })),
        generalEducation: value(parseGeneralEducation(cells[col('generalEducation')])) ?? '',
      };
    });
    expect(parsed).toEqual(residents.map(({ householdCode, fullName, birthDate, generalEducation }) => ({ householdCode, fullName, birthDate, generalEducation })));
  });

  it('makes deterministic, valid sample people', () => {
    expect(sampleStaffRows(5, 1)).toEqual(sampleStaffRows(5, 1));
    expect(sampleStaffRows(5, 1)).not.toEqual(sampleStaffRows(5, 2));
    const many = sampleStaffRows(2000, 3);
    expect(new Set(many.map((p) => p.citizenId)).size).toBe(2000);
    expect(new Set(many.map((p) => p.phone)).size).toBe(2000);
    const nguyen = many.filter((p) => p.fullName.startsWith('Nguyễn ')).length / many.length;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.46);
    for (const p of many.slice(0, 300)) {
      expect(value(parseCitizenId(p.citizenId, { today: '2026-05-01' }))).toBe(p.citizenId);
      expect(value(parsePhone(p.phone))).toBe(p.phone);
    }
  });
});
