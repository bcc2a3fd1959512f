/**
 * The end of the document (forms.md §1.3, footer block): "Nơi nhận:" on the left, level with the
 * signer's authority line on the right; or two signatures side by side (a member's plan and its
 * approval, a biên bản's secretary and chair), with "Nơi nhận:" under them.
 */
import { AlignmentType, Paragraph, type Table } from 'docx';
import { centredLine, punctuateList, runs, type RunStyle, SINGLE_SPACING, SIZES, upper } from './layout.js';
import type { CopiesTo, Signature } from './spec.js';
import { borderlessTable, CELL_PADDING } from './tables.js';
import { balancedLines } from './text-width.js';

/** About 3 cm left for the handwritten signature and the seal. */
const SIGNING_SPACE = 1700;
/** Space between the end of the body and the signature block. */
const SPACE_ABOVE = 240;

/**
 * The authority, title and note lines of a signature (kept on the page of the name), and the name
 * under the signing space.
 */
function signatureParts(signature: Signature, width: number): { heading: Paragraph[]; name: Paragraph } {
  const bold = { size: SIZES.text, bold: true };
  const line = (text: string, style: RunStyle) => centredLine(text, style, { keepNext: true });
  const fitted = (text: string) => balancedLines(upper(text), SIZES.text, true, width - 2 * CELL_PADDING);
  return {
    heading: [
      ...(signature.authority ? [line(fitted(signature.authority), bold)] : []),
      line(fitted(signature.title), bold),
      ...(signature.note ? [line(signature.note, { size: SIZES.text, italic: true })] : []),
    ],
    name: centredLine(signature.name ?? '', bold, { spacing: { ...SINGLE_SPACING, before: SIGNING_SPACE } }),
  };
}

/** "Nơi nhận:" (12, bold italic), then "- …;" lines (11) ending with "- Lưu: VT, ….". */
function copiesToParagraphs(copiesTo: CopiesTo): Paragraph[] {
  const items = punctuateList([...copiesTo.recipients, `Lưu: VT, ${copiesTo.archive}`]);
  const line = (text: string, style: RunStyle) =>
    new Paragraph({ alignment: AlignmentType.LEFT, spacing: SINGLE_SPACING, children: runs(text, style) });
  return [
    line('Nơi nhận:', { size: SIZES.copiesToHeading, bold: true, italic: true }),
    ...items.map((item) => line(`- ${item}`, { size: SIZES.copiesToItem })),
  ];
}

/**
 * The signature block across `width` twips. Two signatures take two rows (titles, then names), so
 * their names line up even when one title wraps.
 */
export function signatureBlock(signatures: Signature[], copiesTo: CopiesTo | undefined, width: number): (Paragraph | Table)[] {
  if (signatures.length < 1 || signatures.length > 2) throw new Error('a document has one or two signatures side by side');
  const half = Math.round(width / 2);
  const widths = [half, width - half];
  const copies = copiesTo ? copiesToParagraphs(copiesTo) : [];
  const spacer = () => new Paragraph({ spacing: { before: 0, after: SPACE_ABOVE }, children: [] });
  if (signatures.length === 1) {
    const { heading, name } = signatureParts(signatures[0], widths[1]);
    return [spacer(), borderlessTable(widths, [[copies, [...heading, name]]])];
  }
  const [left, right] = signatures.map((signature, i) => signatureParts(signature, widths[i]));
  const table = borderlessTable(widths, [[left.heading, right.heading], [[left.name], [right.name]]]);
  return copies.length ? [spacer(), table, spacer(), ...copies] : [spacer(), table];
}
