/**
 * The body: Phần, mục, khoản, điều and điểm numbered in order (Phụ lục I, Mục II, rows 12–17 of
 * forms.md §1.2), justified paragraphs and data tables.
 */
import { Paragraph, PageBreak, type Table } from 'docx';
import { pointLetter, romanNumeral } from '../../../shared/document-format.js';
import { bodyParagraph, centredLine, SINGLE_SPACING, SIZES, upper } from './layout.js';
import type { BodyBlock, Inline } from './spec.js';
import { dataTable } from './tables.js';

/** The running numbers: a part restarts its headings, a heading its khoản, a khoản its điểm. */
interface Counters {
  part: number;
  heading: number;
  clause: number;
  article: number;
  point: number;
}

function prefixed(prefix: string, text: Inline): Inline {
  return typeof text === 'string' ? prefix + text : [{ text: prefix }, ...text];
}

/** "./." at the end of the last text block, as every template of Phụ lục III ends its body. */
function withEndMark(blocks: BodyBlock[]): BodyBlock[] {
  const last = blocks.at(-1);
  if (!last || !('text' in last)) return blocks;
  const text = typeof last.text === 'string' ? last.text.replace(/[.;,\s]+$/, '') + './.' : [...last.text, { text: './.' }];
  return [...blocks.slice(0, -1), { ...last, text }];
}

function blockContent(block: BodyBlock, n: Counters, width: number): (Paragraph | Table)[] {
  const bold = { bold: true };
  switch (block.type) {
    case 'part':
      n.part += 1;
      n.heading = 0;
      return [
        centredLine(`Phần ${romanNumeral(n.part)}`, { size: SIZES.text, bold: true }, { spacing: { ...SINGLE_SPACING, before: 240 } }),
        centredLine(upper(block.title), { size: SIZES.text, bold: true }, { spacing: { ...SINGLE_SPACING, after: 120 } }),
      ];
    case 'heading':
      n.heading += 1;
      n.clause = 0;
      return [bodyParagraph(`${romanNumeral(n.heading)}. ${upper(block.title)}`, bold, { keepNext: true })];
    case 'clause':
      n.clause += 1;
      n.point = 0;
      return 'title' in block
        ? [bodyParagraph(`${n.clause}. ${block.title}`, bold, { keepNext: true })]
        : [bodyParagraph(prefixed(`${n.clause}. `, block.text))];
    case 'article':
      n.article += 1;
      n.point = 0;
      return [bodyParagraph(`Điều ${n.article}. ${block.title}`, bold)];
    case 'point':
      n.point += 1;
      return [bodyParagraph(prefixed(`${pointLetter(n.point)}) `, block.text))];
    case 'dash':
      return [bodyParagraph(prefixed('- ', block.text))];
    case 'paragraph':
      return [bodyParagraph(block.text)];
    case 'table':
      return [dataTable(block.columns, block.rows, width, block.fontSize), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The blocks laid out across `width` twips, numbered from 1; `endMark` closes the text with "./.". */
export function bodyContent(blocks: BodyBlock[], width: number, endMark: boolean): (Paragraph | Table)[] {
  const counters: Counters = { part: 0, heading: 0, clause: 0, article: 0, point: 0 };
  return (endMark ? withEndMark(blocks) : blocks).flatMap((block) => blockContent(block, counters, width));
}
