import type { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import { IMPORT_FIELDS, IMPORT_TEMPLATES, type ImportKind } from './import-kinds.js';

const columnLetter = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/**
 * The downloadable template of an import: a title, the Vietnamese headers the wizard recognises,
 * two example rows (to be replaced), drop-down lists where the values are fixed, and a sheet of
 * instructions. Dates are real Excel dates shown dd/mm/yyyy.
 */
export async function writeTemplate(kind: ImportKind): Promise<Readable> {
  const ExcelJS = (await import('exceljs')).default;
  const template = IMPORT_TEMPLATES[kind];
  const fields = new Map(IMPORT_FIELDS[kind].map((f) => [f.key, f]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hoctap';
  const ws = wb.addWorksheet(template.sheetName, { views: [{ state: 'frozen', ySplit: 3 }] });
  const width = template.columns.length + 1;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = template.titleVi;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  if (template.subtitleVi) {
    ws.mergeCells(2, 1, 2, width);
    ws.getCell(2, 1).value = template.subtitleVi;
    ws.getCell(2, 1).font = { italic: true };
    ws.getCell(2, 1).alignment = { horizontal: 'center' };
  }
  const header = ws.getRow(3);
  header.values = ['STT', ...template.columns.map((c) => fields.get(c.key)!.labelVi + (fields.get(c.key)!.required ? ' (*)' : ''))];
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  ws.getColumn(1).width = 6;
  template.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 2);
    col.width = c.width;
    if (/date/i.test(c.key)) col.numFmt = 'dd/mm/yyyy';
    if (c.key === 'citizenId' || c.key === 'phone' || c.key === 'householdCode') col.numFmt = '@';
  });
  template.examples.forEach((example, r) => {
    const row = ws.getRow(4 + r);
    row.values = [r + 1, ...template.columns.map((c) => example[c.key] ?? null)];
    row.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  });
  // Rules apply to the first 5,000 rows (one range; exceljs's typings omit `dataValidations`).
  const validations = (ws as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations;
  template.columns.forEach((c, i) => {
    const letter = columnLetter(i + 2);
    if (c.list) {
      validations.add(`${letter}4:${letter}5000`, { type: 'list', allowBlank: true, formulae: [`"${c.list.join(',')}"`], showErrorMessage: false });
    }
    if (c.number) {
      const label = fields.get(c.key)!.labelVi;
      validations.add(`${letter}4:${letter}5000`, {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [c.number.min, c.number.max],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: label,
        error: `${label}: một số từ ${c.number.min} đến ${c.number.max}. A number from ${c.number.min} to ${c.number.max}.`,
      });
    }
  });
  const help = wb.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 110;
  const lines = [
    'Hướng dẫn nhập dữ liệu / How to fill this template',
    '• Giữ nguyên dòng tiêu đề cột; các cột có dấu (*) là bắt buộc. Keep the header row; columns marked (*) are required.',
    '• Xóa hai dòng ví dụ (chữ nghiêng, màu xám) trước khi nhập. Delete the two example rows (grey italics).',
    '• Ngày ghi theo dd/mm/yyyy hoặc dùng kiểu ngày của Excel. Dates as dd/mm/yyyy or real Excel dates.',
    '• Số CCCD gồm 12 chữ số; số điện thoại 10 chữ số bắt đầu bằng 0. Citizen ID: 12 digits; phone: 10 digits starting with 0.',
    ...template.help,
  ];
  lines.forEach((text, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  const out = new PassThrough();
  void wb.xlsx.write(out).then(() => out.end(), (err) => out.destroy(err));
  return out;
}
