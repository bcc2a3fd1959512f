import { exceljsUtf8Fixed } from './exceljs-utf8.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readSheetRows } from './read-sheet.js';

it('reads Vietnamese shared strings whole from a large file (no U+FFFD where a letter straddles two chunks)', async () => {
  expect(exceljsUtf8Fixed).toBe(true);
  const ExcelJS = (await import('exceljs')).default;
  const dir = mkdtempSync(path.join(tmpdir(), 'hoctap-utf8-'));
  try {
    const file = path.join(dir, 'lon.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('Danh sách');
    const names = ['Nguyễn Thị Ngọc Ánh', 'Phòng Công nghệ thông tin – Trung tâm', 'Đặng Quốc Hưng', 'Trường Trung học cơ sở Vĩnh Điều'];
    for (let i = 0; i < 20_000; i++) ws.addRow([i + 1, `${names[i % 4]} ${i}`, `Ấp Tà Êm ${i % 30}`]).commit();
    ws.commit();
    await wb.commit();
    let broken = 0;
    let rows = 0;
    for await (const r of readSheetRows(file)) {
      rows += 1;
      for (const c of r.cells) if (typeof c === 'string' && c.includes('\uFFFD')) broken += 1;
    }
    expect(rows).toBe(20_000);
    expect(broken).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
