/**
 * The generated .docx opened by a real word processor: LibreOffice converts it to PDF, poppler
 * reads the text back and draws page 1 (test-results/documents/, for a look). Skipped when
 * LibreOffice is missing, unless HOCTAP_REQUIRE_ALL_LEGS=1 (CI installs libreoffice-writer-nogui).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOTTO, NATIONAL_NAME } from './header.js';
import { renderDocx } from './official-document.js';
import { MARKED_SENTENCE, samplePersonalPlan, samplePlan } from './sample-plan.fixture.js';

const run = promisify(execFile);

function onPath(...names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  return names.flatMap((name) => dirs.map((dir) => path.join(dir, name))).find((file) => existsSync(file));
}

const soffice = onPath('soffice', 'libreoffice');
const required = process.env.HOCTAP_REQUIRE_ALL_LEGS === '1';
if (!soffice && !required) console.log('LibreOffice check SKIPPED: soffice not found (install the Debian package libreoffice-writer-nogui)');

const RESULTS = path.resolve('test-results/documents');

async function pdfText(pdf: string, page: number, layout = false): Promise<string> {
  const { stdout } = await run('pdftotext', [...(layout ? ['-layout'] : []), '-f', String(page), '-l', String(page), pdf, '-']);
  return stdout;
}

async function pageSizes(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '99', pdf]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

describe.skipIf(!soffice && !required)('the documents as LibreOffice prints them', () => {
  let dir: string;
  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice check FAILED: soffice not found (install libreoffice-writer-nogui); HOCTAP_REQUIRE_ALL_LEGS=1 requires it');
    dir = await mkdtemp(path.join(tmpdir(), 'hoctap-docx-'));
    await writeFile(path.join(dir, 'ke-hoach.docx'), await renderDocx(samplePlan()));
    await writeFile(path.join(dir, 'ke-hoach-ca-nhan.docx'), await renderDocx(samplePersonalPlan()));
    // A profile of its own, so that a LibreOffice already running on the machine is not reused.
    await run(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, 'ke-hoach.docx', 'ke-hoach-ca-nhan.docx'], {
      cwd: dir,
      timeout: 100_000,
    });
    await mkdir(RESULTS, { recursive: true });
    await run('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-singlefile', '-png', path.join(dir, 'ke-hoach.pdf'), path.join(RESULTS, 'ke-hoach-page-1')]);
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints the header in two columns, Số on the line of the place-date, and the Vietnamese body intact', async () => {
    const pdf = path.join(dir, 'ke-hoach.pdf');
    const page1 = await pdfText(pdf, 1, true);
    const [first, second] = lines(page1);
    expect(first).toMatch(new RegExp(`^UBND TỈNH KON TUM\\s{2,}${NATIONAL_NAME}$`));
    expect(second).toMatch(new RegExp(`^SỞ TÀI CHÍNH\\s{2,}${MOTTO}$`));
    expect(lines(page1)).toContainEqual(expect.stringMatching(/^Số: 05\/KH-STC\s{2,}Kon Tum, ngày 05 tháng 12 năm 2025$/));
    const text = oneLine(await pdfText(pdf, 1));
    expect(text).toContain('KẾ HOẠCH Xây dựng Đơn vị học tập năm 2026');
    expect(text).toContain(MARKED_SENTENCE);
  });

  it('fills two A4 pages, the number 2 alone at the top of the second and none on the first', async () => {
    const pdf = path.join(dir, 'ke-hoach.pdf');
    expect(await pageSizes(pdf)).toEqual(['595.304 x 841.89', '595.304 x 841.89']);
    expect(lines(await pdfText(pdf, 1))[0]).toBe('UBND TỈNH KON TUM');
    expect(lines(await pdfText(pdf, 2))[0]).toBe('2');
    const end = oneLine(await pdfText(pdf, 2));
    expect(end).toContain('KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC');
    expect(end).toContain('Nguyễn Thị Hồng Nhung');
    expect(end).toContain('- Lưu: VT, VP.');
  });

  it('turns the phụ lục of a personal plan to landscape, with its table whole', async () => {
    const pdf = path.join(dir, 'ke-hoach-ca-nhan.pdf');
    expect(await pageSizes(pdf)).toEqual(['595.304 x 841.89', '841.89 x 595.304']);
    const appendix = oneLine(await pdfText(pdf, 2));
    expect(appendix).toContain('Phụ lục NỘI DUNG, HÌNH THỨC, THỜI GIAN HỌC TẬP');
    expect(appendix).toContain('Kỹ năng số: bảng tính, chữ ký số');
  });
});
