/**
 * Page, fonts and the paragraph primitives of Nghị định 30/2020/NĐ-CP, Phụ lục I, in docx units
 * (twips = 1/20 pt; font sizes in points here, half-points in the file). forms.md §1.8 converts
 * the decree's millimetres.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import type { Inline, Orientation } from './spec.js';

export const FONT = 'Times New Roman';

/** A4 portrait in twips (210 × 297 mm). */
export const A4 = { width: 11906, height: 16838 } as const;

/** Top and bottom 20 mm (20–25), left 30 mm (30–35), right 15 mm (15–20); page number 10 mm from the top. */
export const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 } as const;

/** Sizes in points: the decree's own example sizes (Phụ lục I, Mục V), inside its ranges. */
export const SIZES = {
  nationalName: 12,
  motto: 13,
  body: 12,
  number: 13,
  placeDate: 13,
  subject: 12,
  title: 14,
  text: 14,
  table: 13,
  copiesToHeading: 12,
  copiesToItem: 11,
  pageNumber: 14,
} as const;

/** First-line indent of body paragraphs: 1.27 cm. */
export const FIRST_LINE_INDENT = 720;
/** 6 pt after each body paragraph; lines at 1.15 (the decree allows single to 1.5). */
export const BODY_SPACING = { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO } as const;
/** Header, title and signature lines are single-spaced. */
export const SINGLE_SPACING = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;

/** Width available to text between the side margins. */
export function pageTextWidth(orientation: Orientation = 'portrait'): number {
  const pageWidth = orientation === 'landscape' ? A4.height : A4.width;
  return pageWidth - MARGINS.left - MARGINS.right;
}

export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

/** Runs of a text; "\n" starts a new line inside the paragraph. */
export function runs(text: Inline, style: RunStyle = {}): TextRun[] {
  const parts = typeof text === 'string' ? [{ text }] : text;
  return parts.flatMap((part) =>
    part.text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: ('bold' in part && part.bold) || style.bold,
          italics: ('italic' in part && part.italic) || style.italic,
          size: style.size ? style.size * 2 : undefined,
        }),
    ),
  );
}

/** A single-spaced centred line (header, titles, signatures). */
export function centredLine(text: Inline, style: RunStyle, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: SINGLE_SPACING, ...options, children: runs(text, style) });
}

/** A justified body paragraph with its first line indented 1.27 cm. */
export function bodyParagraph(text: Inline, style: RunStyle = {}, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: BODY_SPACING,
    ...options,
    children: runs(text, { size: SIZES.text, ...style }),
  });
}

/**
 * A solid horizontal line of `length` twips centred in `available` twips: the line under the
 * issuing body, the Tiêu ngữ and the trích yếu. It is the top border of an empty paragraph 1 pt
 * high, 2 pt below the text above (clear of the dot of ạ, ậ, ụ), whatever that text's length.
 */
export function ruleLine(length: number, available: number): Paragraph {
  const side = Math.max(0, Math.round((available - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 40, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    children: [],
  });
}

/** Items of a list closed by ";" and, on the last one, "." (căn cứ, Kính gửi, Nơi nhận). */
export function punctuateList(items: string[]): string[] {
  return items.map((item, i) => item.trim().replace(/[;.,\s]+$/, '') + (i === items.length - 1 ? '.' : ';'));
}
