import './exceljs-utf8.js';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bilingual } from '../errors.js';
import { createLocalStorage, type FileStorage } from '../files/storage.js';
import type { JobContext, JobRow } from '../jobs/runner.js';
import { runListExport, type ListExport } from './list-export.js';

interface Resident {
  name: string;
  age: number | null;
}

let dir: string;
let storage: FileStorage;
let keys: string[];
let reports: [number, Bilingual | undefined][];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hoctap-list-export-'));
  const local = createLocalStorage(dir);
  keys = [];
  // The local storage, noting the key of every file it is asked to create.
  storage = {
    ...local,
    create: async () => {
      const target = await local.create();
      keys.push(target.key);
      return target;
    },
  };
  reports = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const jobContext = (): JobContext => ({
  job: { id: 'job-1', createdBy: 'user-1', orgId: null } as JobRow,
  progress: async (fraction, message) => void reports.push([fraction, message]),
});

const residents = (n: number): Resident[] => Array.from({ length: n }, (_, i) => ({ name: `Nguyễn Thị Hồng ${i + 1}`, age: i % 2 ? 30 + (i % 50) : null }));

function spec(rows: Resident[], overrides: Partial<ListExport<Resident>> = {}): ListExport<Resident> {
  return {
    actor: { userId: 'user-1', grants: [] },
    language: 'vi',
    sheetName: { vi: 'Dân cư', en: 'Residents' },
    numbered: true,
    columns: [
      { header: { vi: 'Họ và tên', en: 'Full name' }, width: 30, value: (r) => r.name },
      { header: { vi: 'Tuổi', en: 'Age' }, width: 8, value: (r) => r.age },
    ],
    batch: async ({ offset, limit }) => ({ items: rows.slice(offset, offset + limit), total: rows.length }),
    fileStem: 'dan-cu',
    audit: { entity: 'person', after: {} },
    ...overrides,
  };
}

async function readBack(key: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(storage.stream(key));
  return workbook.worksheets[0];
}

describe('runListExport', () => {
  it('streams every batch under a bold, frozen header row, numbering the rows, and reports progress', async () => {
    const rows = residents(2500);
    const asked: { offset: number; last: string | undefined }[] = [];
    const base = spec(rows);
    await runListExport(storage, jobContext(), {
      ...base,
      batch: async (at) => {
        asked.push({ offset: at.offset, last: at.last?.name });
        return base.batch(at);
      },
    });
    expect(asked).toEqual([
      { offset: 0, last: undefined },
      { offset: 2000, last: 'Nguyễn Thị Hồng 2000' },
    ]);
    const sheet = await readBack(keys[0]);
    expect(sheet.name).toBe('Dân cư');
    expect(sheet.rowCount).toBe(2501);
    expect(sheet.getRow(1).values).toEqual([undefined, 'STT', 'Họ và tên', 'Tuổi']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(30);
    expect(sheet.getRow(2).values).toEqual([undefined, 1, 'Nguyễn Thị Hồng 1']);
    expect(sheet.getRow(2501).values).toEqual([undefined, 2500, 'Nguyễn Thị Hồng 2500', 30 + (2499 % 50)]);
    expect(reports).toEqual([
      [0.8, { vi: 'Đã ghi 2000/2500 dòng', en: '2000/2500 rows written' }],
      [0.99, { vi: 'Đã ghi 2500/2500 dòng', en: '2500/2500 rows written' }],
    ]);
  });

  it('writes English headings without numbering, and counts rows only when the total is capped', async () => {
    const rows = residents(3);
    await runListExport(storage, jobContext(), {
      ...spec(rows, { language: 'en', numbered: false }),
      batch: async () => ({ items: rows, total: 2, totalCapped: true }),
    });
    const sheet = await readBack(keys[0]);
    expect(sheet.name).toBe('Residents');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Full name', 'Age']);
    expect(sheet.getRow(3).values).toEqual([undefined, 'Nguyễn Thị Hồng 2', 31]);
    expect(reports).toEqual([[0.75, { vi: 'Đã ghi 3 dòng', en: '3 rows written' }]]);
  });

  it('an empty list is a file with its headings alone', async () => {
    await runListExport(storage, jobContext(), spec([]));
    expect((await readBack(keys[0])).rowCount).toBe(1);
    expect(reports).toEqual([[1, { vi: 'Đã ghi 0/0 dòng', en: '0/0 rows written' }]]);
  });

  it('leaves nothing in storage when a batch fails', async () => {
    const failing = spec([], {
      batch: async () => {
        throw new Error('access withdrawn');
      },
    });
    await expect(runListExport(storage, jobContext(), failing)).rejects.toThrow('access withdrawn');
    expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).includes(keys[0]))).toEqual([]);
  });
});
