/**
 * Reading a .docx back in tests: a .docx is a zip; this reads one entry through its central
 * directory with node's zlib, and finds the formatting of a run or a paragraph by its text.
 */
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The text of the zip entry `name` (e.g. "word/document.xml"). */
export function zipEntryText(zip: Buffer, name: string): string {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_DIRECTORY) end -= 1;
  if (end < 0) throw new Error('not a zip file');
  let entry = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    if (zip.readUInt32LE(entry) !== DIRECTORY_ENTRY) throw new Error('bad zip directory');
    const [method, packedSize, nameLength, extraLength, commentLength] = [
      zip.readUInt16LE(entry + 10), zip.readUInt32LE(entry + 20), zip.readUInt16LE(entry + 28), zip.readUInt16LE(entry + 30), zip.readUInt16LE(entry + 32),
    ];
    if (zip.toString('utf8', entry + 46, entry + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(entry + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const packed = zip.subarray(start, start + packedSize);
      return (method === 0 ? packed : inflateRawSync(packed)).toString('utf8');
    }
    entry += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`no ${name} in the zip`);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The run properties (<w:rPr>…</w:rPr>) of the run whose whole text is `text`. */
export function runProperties(xml: string, text: string): string {
  const run = new RegExp(`<w:r>(<w:rPr>(?:(?!</w:r>).)*?</w:rPr>)?<w:t[^>]*>${escapeRegExp(escapeXml(text))}</w:t></w:r>`).exec(xml);
  if (!run) throw new Error(`no run "${text}"`);
  return run[1] ?? '';
}

/** The paragraph properties (<w:pPr>…</w:pPr>) of the paragraph holding `text`. */
export function paragraphProperties(xml: string, text: string): string {
  const at = xml.indexOf(escapeXml(text));
  if (at < 0) throw new Error(`no text "${text}"`);
  const start = xml.lastIndexOf('<w:p>', at);
  const pPr = /^<w:p><w:pPr>(.*?)<\/w:pPr>/.exec(xml.slice(start));
  return pPr?.[1] ?? '';
}

/** The table row (<w:tr>…</w:tr>) holding a run whose whole text is `text`. */
export function tableRow(xml: string, text: string): string {
  const at = xml.indexOf(`>${escapeXml(text)}</w:t>`);
  if (at < 0) throw new Error(`no run "${text}"`);
  const start = xml.lastIndexOf('<w:tr>', at);
  return xml.slice(start, xml.indexOf('</w:tr>', at) + '</w:tr>'.length);
}

/** The numeric value of attribute `name` on the first `tag` element, e.g. attribute(xml, 'w:pgSz', 'w:w'). */
export function attribute(xml: string, tag: string, name: string): number {
  const element = new RegExp(`<${tag} [^>]*>`).exec(xml)?.[0];
  const value = element && new RegExp(`${name}="(-?\\d+)"`).exec(element)?.[1];
  if (value === undefined || value === null) throw new Error(`no ${tag} ${name}`);
  return Number(value);
}
