/**
 * The fonts embedded in generated PDFs: Liberation Serif 2.x (SIL OFL, vendored in assets/fonts with
 * its licence). pdfkit's built-in fonts have no Vietnamese letters, so every text goes through these;
 * pdfkit embeds the subset a document uses, with the map that lets readers copy and search the text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../paths.js';

export const FONT_DIR = path.join(ROOT_DIR, 'assets', 'fonts');

export const FONTS = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
} as const;
export type FontStyle = keyof typeof FONTS;

let loaded: Record<FontStyle, Buffer> | undefined;

/** The font files, read once per process. */
function fontFiles(): Record<FontStyle, Buffer> {
  loaded ??= {
    regular: readFileSync(path.join(FONT_DIR, FONTS.regular)),
    bold: readFileSync(path.join(FONT_DIR, FONTS.bold)),
    italic: readFileSync(path.join(FONT_DIR, FONTS.italic)),
  };
  return loaded;
}

/** Registers the styles under their names ('regular', 'bold', 'italic') and selects 'regular'. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [style, data] of Object.entries(fontFiles())) doc.registerFont(style, data);
  doc.font('regular');
}
