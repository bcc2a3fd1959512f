/**
 * The top of page 1 (forms.md §1.3): a borderless two-column table with the bodies and Số on the
 * left, Quốc hiệu, Tiêu ngữ and the place-date on the right; then the type and trích yếu across
 * the page, the căn cứ and "Kính gửi:".
 */
import { AlignmentType, BorderStyle, Paragraph, Tab, type Table, TabStopType, TextRun } from 'docx';
import { formatDocumentNumber, formatPlaceDate } from '../../../shared/document-format.js';
import {
  bodyParagraph,
  centredLine,
  FIRST_LINE_INDENT,
  punctuateList,
  ruleLine,
  runs,
  SINGLE_SPACING,
  SIZES,
  upper,
} from './layout.js';
import type { OfficialDocumentSpec } from './spec.js';
import { balancedLines, textWidth } from './text-width.js';
import { borderlessTable, CELL_PADDING } from './tables.js';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** The mark of a draft not yet signed. */
export const DRAFT_TEXT = 'DỰ THẢO';

/** The left column takes 40 % of the text width; the right one (9.9 cm) holds the Quốc hiệu (8.8 cm in bold 12). */
const LEFT_SHARE = 0.4;
/** Lines under the issuing body and the trích yếu: 40 % of the text (the decree: 1/3 to 1/2). */
const SHORT_RULE_SHARE = 0.4;

/** A short line under a bold text: 40 % of its longest line, which cannot exceed `available`. */
function shortRule(lines: string[], sizePt: number, available: number): Paragraph {
  const longest = Math.min(available, Math.max(...lines.map((line) => textWidth(line, sizePt, true))));
  return ruleLine(Math.round(longest * SHORT_RULE_SHARE), available);
}

function bodiesColumn(spec: OfficialDocumentSpec, width: number): Paragraph[] {
  const available = width - 2 * CELL_PADDING;
  const issuing = balancedLines(upper(spec.issuingBody), SIZES.body, true, available);
  return [
    ...(spec.governingBody ? [centredLine(balancedLines(upper(spec.governingBody), SIZES.body, false, available), { size: SIZES.body })] : []),
    centredLine(issuing, { size: SIZES.body, bold: true }),
    shortRule(issuing.split('\n'), SIZES.body, available),
  ];
}

function nationalColumn(width: number): Paragraph[] {
  return [
    centredLine(NATIONAL_NAME, { size: SIZES.nationalName, bold: true }),
    centredLine(MOTTO, { size: SIZES.motto, bold: true }),
    ruleLine(textWidth(MOTTO, SIZES.motto, true), width - 2 * CELL_PADDING),
  ];
}

/** Số (and "V/v …" for a công văn) on the left, on the same line as the place-date on the right. */
function numberRow(spec: OfficialDocumentSpec): Paragraph[][] | null {
  const spaced = { spacing: { ...SINGLE_SPACING, before: 120 } };
  const left = spec.symbol ? [centredLine(formatDocumentNumber(spec.number, spec.symbol), { size: SIZES.number }, spaced)] : [];
  const summary = summaryLines(spec);
  if (!spec.documentType && summary.length) left.push(centredLine(`V/v ${summary.join('\n')}`, { size: SIZES.subject }, spaced));
  const right = spec.place && spec.date ? [centredLine(formatPlaceDate(spec.place, spec.date), { size: SIZES.placeDate, italic: true }, spaced)] : [];
  return left.length || right.length ? [left, right] : null;
}

function headerTable(spec: OfficialDocumentSpec, width: number): Table {
  const left = Math.round(width * LEFT_SHARE);
  const rows = [[bodiesColumn(spec, left), nationalColumn(width - left)], numberRow(spec)];
  return borderlessTable([left, width - left], rows.filter((row) => row !== null));
}

function summaryLines(spec: OfficialDocumentSpec): string[] {
  if (!spec.summary) return [];
  return typeof spec.summary === 'string' ? spec.summary.split('\n') : spec.summary;
}

/** "KẾ HOẠCH" and its trích yếu, bold, centred, with a short line under them. */
function titleBlock(spec: OfficialDocumentSpec, width: number): Paragraph[] {
  if (!spec.documentType) return [];
  const lines = summaryLines(spec);
  return [
    centredLine(upper(spec.documentType), { size: SIZES.title, bold: true }, { spacing: { ...SINGLE_SPACING, before: 360 } }),
    ...(lines.length ? [centredLine(lines.join('\n'), { size: SIZES.title, bold: true })] : []),
    shortRule(lines.length ? lines : [upper(spec.documentType)], SIZES.title, width),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

/** Căn cứ lines: italic, ";" after each and "." after the last. */
function basesBlock(spec: OfficialDocumentSpec): Paragraph[] {
  return punctuateList(spec.bases ?? []).map((basis) => bodyParagraph(basis, { italic: true }));
}

/** The thẩm quyền ban hành of a quyết định, above the căn cứ. */
function authorityBlock(spec: OfficialDocumentSpec, width: number): Paragraph[] {
  if (!spec.authority) return [];
  const lines = balancedLines(upper(spec.authority), SIZES.text, true, width);
  return [centredLine(lines, { size: SIZES.text, bold: true }, { spacing: { ...SINGLE_SPACING, after: 240 } })];
}

/** "QUYẾT ĐỊNH:" after the căn cứ, before the articles. */
function enactingBlock(spec: OfficialDocumentSpec): Paragraph[] {
  if (!spec.enacting) return [];
  return [centredLine(`${upper(spec.enacting)}:`, { size: SIZES.text, bold: true }, { spacing: { ...SINGLE_SPACING, before: 120, after: 240 } })];
}

/** "DỰ THẢO" in a box at the top right of page 1, for a draft not yet signed. */
function draftMark(spec: OfficialDocumentSpec, width: number): Paragraph[] {
  if (!spec.draft) return [];
  const box = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } as const;
  // The box is the paragraph's border: the paragraph is indented to the width of the word.
  const boxWidth = textWidth(DRAFT_TEXT, SIZES.number, true) + 2 * CELL_PADDING;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...SINGLE_SPACING, after: 120 },
      border: { top: box, bottom: box, left: box, right: box },
      indent: { left: Math.max(0, width - boxWidth) },
      children: runs(DRAFT_TEXT, { size: SIZES.number, bold: true }),
    }),
  ];
}


/**
 * "Kính gửi:" with one recipient on the same line; with several, one per line after "- ", the
 * dashes aligned under the first one, which follows the colon.
 */
function recipientsBlock(spec: OfficialDocumentSpec): Paragraph[] {
  const recipients = spec.recipients ?? [];
  if (recipients.length === 0) return [];
  const label = 'Kính gửi:';
  const column = FIRST_LINE_INDENT * 3 + textWidth(`${label} `, SIZES.text, false);
  const lines = recipients.length === 1 ? recipients : punctuateList(recipients).map((r) => `- ${r}`);
  const text = (line: string) => runs(line, { size: SIZES.text });
  return lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { ...SINGLE_SPACING, before: i === 0 ? 120 : 0, after: i === lines.length - 1 ? 240 : 60 },
        indent: { left: column, hanging: i === 0 ? column - FIRST_LINE_INDENT * 3 : undefined },
        tabStops: [{ type: TabStopType.LEFT, position: column }],
        children: i === 0 ? [...text(label), new TextRun({ children: [new Tab()] }), ...text(line)] : text(line),
      }),
  );
}

/** Everything above the body on page 1. */
export function documentHeader(spec: OfficialDocumentSpec, width: number): (Paragraph | Table)[] {
  return [
    ...draftMark(spec, width),
    headerTable(spec, width),
    ...titleBlock(spec, width),
    ...authorityBlock(spec, width),
    ...recipientsBlock(spec),
    ...basesBlock(spec),
    ...enactingBlock(spec),
  ];
}
