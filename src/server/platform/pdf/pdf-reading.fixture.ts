/**
 * Reading a generated PDF back in tests with poppler (Debian poppler-utils): its text, its fonts,
 * a picture of page 1, and the QR code on it decoded from that picture (jsQR on a grey bitmap).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';

const run = promisify(execFile);

/** Whether poppler's tools are installed (CI installs poppler-utils). */
export const hasPoppler = () => (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, 'pdftotext')));

async function withPdfFile<T>(pdf: Buffer, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hoctap-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of the document (pdftotext, reading order). */
export const pdfText = (pdf: Buffer) => withPdfFile(pdf, async (file) => (await run('pdftotext', [file, '-'])).stdout);

/** The fonts listed by pdffonts: name, embedded and with a Unicode map. */
export function pdfFonts(pdf: Buffer): Promise<{ name: string; embedded: boolean; unicode: boolean }[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdffonts', [file]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        const cols = line.trim().split(/\s+/);
        // name … emb sub uni object ID: the three yes/no columns sit before the last two.
        const [emb, , uni] = cols.slice(-5, -2);
        return { name: cols[0], embedded: emb === 'yes', unicode: uni === 'yes' };
      });
  });
}

/** Page sizes in points ("841.89 x 595.28"). */
export const pdfPageSizes = (pdf: Buffer) =>
  withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '99', file]);
    return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]);
  });

/** Draws page 1 as PNG (for a look) into `pngFile`. */
export const pdfToPng = (pdf: Buffer, pngFile: string, dpi = 100) =>
  withPdfFile(pdf, async (file) => {
    await run('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', '1', '-l', '1', file, pngFile.replace(/\.png$/, '')]);
  });

/** Parses a binary PGM (P5, 8-bit) as pdftoppm -gray writes it. */
function parsePgm(data: Buffer): { width: number; height: number; pixels: Buffer } {
  const header: string[] = [];
  let offset = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(data[offset]))) offset++;
    if (data[offset] === 0x23) {
      while (data[offset] !== 0x0a) offset++; // a comment line
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(data[offset]))) token += String.fromCharCode(data[offset++]);
    header.push(token);
  }
  offset++; // the single whitespace after maxval
  if (header[0] !== 'P5' || header[3] !== '255') throw new Error(`not an 8-bit PGM: ${header.join(' ')}`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(offset) };
}

/** The text of the QR code on page 1, or null when none is found. */
export function decodeQrOnPage(pdf: Buffer, dpi = 150): Promise<string | null> {
  return withPdfFile(pdf, async (file, dir) => {
    const out = path.join(dir, 'page');
    await run('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', '-f', '1', '-l', '1', file, out]);
    const { width, height, pixels } = parsePgm(await readFile(`${out}.pgm`));
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = pixels[i];
      rgba[i * 4 + 3] = 255;
    }
    return jsQR(rgba, width, height)?.data ?? null;
  });
}
