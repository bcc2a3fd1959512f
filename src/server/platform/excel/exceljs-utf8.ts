/**
 * exceljs 4.4.0 decodes every chunk of an XML part on its own (lib/utils/parse-sax.js), so a
 * Vietnamese letter whose UTF-8 bytes straddle two chunks comes out as U+FFFD: about one cell in
 * two thousand of a large streamed file (exceljs issue #2084; bench/README.md). This replaces that
 * module, before exceljs loads it, with the same parser fed by a streaming decoder.
 *
 * Import this module before anything imports exceljs (read-sheet.ts and the server's entry do).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const saxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const exceljsPath = require.resolve('exceljs');

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string> & { pipe?: unknown }) {
  const { SaxesParser } = require('saxes') as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void } };
  if (typeof iterable.pipe === 'function' && !(Symbol.asyncIterator in iterable)) {
    const { PassThrough } = require('readable-stream') as typeof import('node:stream');
    iterable = (iterable as unknown as NodeJS.ReadableStream).pipe(new PassThrough()) as unknown as typeof iterable;
  }
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (err) => (error = err));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

/** True when the fix is in place: exceljs was not loaded before this module. */
export const exceljsUtf8Fixed = (() => {
  if (require.cache[exceljsPath]) return require.cache[saxPath]?.exports === parseSax;
  require(saxPath);
  require.cache[saxPath]!.exports = parseSax;
  return true;
})();
