import type { FileStorage } from '../../platform/files/storage.js';

export interface CellMark {
  rowNumber: number;
  /** Column letter, or null for a problem of the whole row. */
  column: string | null;
  message: string;
}

const RED = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;

/**
 * The original workbook with every bad cell filled red and its problem as a note, and a last column
 * "Lỗi / Errors" listing the row's problems, so the user fixes the file they know.
 * Loads the workbook whole (exceljs keeps merged cells, styles and other sheets that way); it runs
 * only for files with errors.
 */
export async function markErrors(storage: FileStorage, storageKey: string, sheetName: string, marks: CellMark[]): Promise<{ key: string; size: number }> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.read(storage.stream(storageKey));
  const ws = wb.getWorksheet(sheetName)!;
  const errorColumn = ws.actualColumnCount + 1;
  const byRow = new Map<number, string[]>();
  for (const m of marks) {
    byRow.set(m.rowNumber, [...(byRow.get(m.rowNumber) ?? []), m.message]);
    if (!m.column) continue;
    const cell = ws.getCell(`${m.column}${m.rowNumber}`);
    cell.fill = RED;
    const previous = typeof cell.note === 'string' ? `${cell.note}\n` : '';
    cell.note = previous + m.message;
  }
  const header = ws.getCell(1, errorColumn);
  header.value = 'Lỗi / Errors';
  header.font = { bold: true, color: { argb: 'FF9C0006' } };
  for (const [rowNumber, messages] of byRow) {
    const cell = ws.getCell(rowNumber, errorColumn);
    cell.value = messages.join('\n');
    cell.fill = RED;
    cell.alignment = { wrapText: true, vertical: 'top' };
  }
  ws.getColumn(errorColumn).width = 60;
  const target = await storage.create();
  try {
    await wb.xlsx.writeFile(target.path);
    return { key: target.key, size: await target.commit() };
  } catch (err) {
    await target.discard();
    throw err;
  }
}
