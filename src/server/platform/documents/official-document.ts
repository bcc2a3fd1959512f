/**
 * Official documents in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): data in, Word file out.
 *
 *   const buffer = await renderDocx(spec);        // a .docx, ready for saveGeneratedDocument()
 *   const doc = buildOfficialDocument(spec);       // the docx Document, to add to or pack otherwise
 *
 * Nothing here reads the database: the same spec gives the same document (only the creation time
 * in its properties differs).
 */
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
  type Table,
} from 'docx';
import { formatDocumentDate, formatDocumentNumber, romanNumeral } from '../../../shared/document-format.js';
import { bodyContent } from './body.js';
import { documentHeader } from './header.js';
import { A4, centredLine, FONT, MARGINS, pageTextWidth, SINGLE_SPACING, SIZES, upper } from './layout.js';
import { signatureBlock } from './signatures.js';
import type { Appendix, OfficialDocumentSpec, Orientation } from './spec.js';

export type { Appendix, BodyBlock, CopiesTo, Inline, OfficialDocumentSpec, Signature, TableColumn } from './spec.js';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The page number, centred in the top margin; page 1 (of the document and of each phụ lục) has none. */
function pageNumberHeaders(): Pick<ISectionOptions, 'headers'> {
  return {
    headers: {
      default: new Header({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZES.pageNumber * 2 })] })],
      }),
      first: new Header({ children: [new Paragraph({ children: [] })] }),
    },
  };
}

function section(orientation: Orientation, children: (Paragraph | Table)[]): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: A4.width, height: A4.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: MARGINS,
        pageNumbers: { start: 1 },
      },
    },
    ...pageNumberHeaders(),
    children,
  };
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** "(Kèm theo Kế hoạch số 05/KH-STC ngày 05 tháng 12 năm 2025 của Sở Tài chính)". */
export function appendixReference(spec: OfficialDocumentSpec): string {
  const type = spec.documentType ?? 'Văn bản';
  const number = spec.symbol ? ` ${formatDocumentNumber(spec.number, spec.symbol).replace('Số: ', 'số ')}` : '';
  const date = spec.date ? ` ${formatDocumentDate(spec.date)}` : '';
  return `(Kèm theo ${type}${number}${date} của ${oneLine(spec.issuingBody)})`;
}

/** A phụ lục on its own pages: "Phụ lục" (numbered in Roman when there are several), title, reference. */
function appendixSection(spec: OfficialDocumentSpec, appendix: Appendix, index: number, count: number): ISectionOptions {
  const orientation = appendix.orientation ?? 'portrait';
  const label = count > 1 ? `Phụ lục ${romanNumeral(index + 1)}` : 'Phụ lục';
  const heading = { size: SIZES.title, bold: true };
  return section(orientation, [
    centredLine(label, heading),
    centredLine(upper(appendix.title), heading),
    centredLine(appendix.reference ?? appendixReference(spec), { size: SIZES.text, italic: true }, { spacing: { ...SINGLE_SPACING, after: 240 } }),
    ...bodyContent(appendix.blocks, pageTextWidth(orientation), false),
  ]);
}

/** The whole document: page 1's header, the body, the signatures, then each phụ lục. */
export function buildOfficialDocument(spec: OfficialDocumentSpec): Document {
  const orientation = spec.orientation ?? 'portrait';
  const width = pageTextWidth(orientation);
  const appendices = spec.appendices ?? [];
  const issuer = oneLine(spec.issuingBody);
  return new Document({
    title: oneLine([spec.documentType ?? '', ...[spec.summary ?? []].flat()].join(' ').trim()),
    creator: issuer,
    lastModifiedBy: issuer,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZES.text * 2, color: '000000', language: { value: 'vi-VN' } },
          paragraph: { spacing: SINGLE_SPACING },
        },
      },
    },
    sections: [
      section(orientation, [
        ...documentHeader(spec, width),
        ...bodyContent(spec.body, width, spec.endMark ?? true),
        ...signatureBlock(spec.signatures, spec.copiesTo, width),
      ]),
      ...appendices.map((appendix, i) => appendixSection(spec, appendix, i, appendices.length)),
    ],
  });
}

/** The .docx bytes of the document. */
export async function renderDocx(spec: OfficialDocumentSpec): Promise<Buffer> {
  return Packer.toBuffer(buildOfficialDocument(spec));
}
