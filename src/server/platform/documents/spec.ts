/**
 * What an official document says, as plain data: the module lays it out in the administrative
 * format of Nghị định 30/2020/NĐ-CP, Phụ lục I (../shared/spec/forms.md §1). Texts are given in
 * normal case; the layout capitalises what the decree prints in capitals (bodies, type, headings,
 * signature titles).
 */
import type { DocumentDate } from '../../../shared/document-format.js';

/** Text with optional bold or italic stretches. */
export type Inline = string | InlineRun[];
export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Orientation = 'portrait' | 'landscape';

export interface TableColumn {
  header: string;
  /** Relative width: the columns share the text width in proportion. */
  width: number;
  /** A second header line above, merged over the adjacent columns of the same group. */
  group?: string;
  align?: 'left' | 'center' | 'right';
}

/**
 * Body blocks in reading order. Headings, khoản, điều and điểm are numbered by the layout: a part
 * restarts its headings, a heading its khoản, a khoản its điểm.
 */
export type BodyBlock =
  /** "Phần I" on its own line, the title in capitals under it, both centred and bold. */
  | { type: 'part'; title: string }
  /** "I. MỤC ĐÍCH, YÊU CẦU": a mục of a plan or report, capitals, bold. */
  | { type: 'heading'; title: string }
  /** "1. Mục đích" (bold, own line) with a title; "1. …" (plain paragraph) with text. */
  | { type: 'clause'; title: string }
  | { type: 'clause'; text: Inline }
  /** "Điều 1. …" of a quyết định, bold. */
  | { type: 'article'; title: string }
  /** "a) …", a điểm. */
  | { type: 'point'; text: Inline }
  /** A justified paragraph with the first line indented. */
  | { type: 'paragraph'; text: Inline }
  /** "- …", an indented dash item. */
  | { type: 'dash'; text: Inline }
  | { type: 'table'; columns: TableColumn[]; rows: Inline[][]; fontSize?: number }
  | { type: 'pageBreak' };

/** One signature: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / space to sign / "Nguyễn Văn A". */
export interface Signature {
  /** "KT. Giám đốc", "TM. Ủy ban nhân dân"; printed in capitals above the title. */
  authority?: string;
  /** "Phó Giám đốc", "Người lập kế hoạch", "Duyệt của thủ trưởng đơn vị"; printed in capitals. */
  title: string;
  /** "(Ký, ghi rõ họ tên)": italic, under the title. */
  note?: string;
  /** The signer's name, bold, under the space for the signature. */
  name?: string;
}

/** "Nơi nhận:": recipients one per line, then "- Lưu: VT, <archive>." */
export interface CopiesTo {
  recipients: string[];
  /** The drafting unit (and copies) after "Lưu: VT, ", e.g. "KHTC". */
  archive: string;
}

/** A phụ lục: its own section (and page numbers), possibly landscape for a wide table. */
export interface Appendix {
  title: string;
  /** "(Kèm theo Kế hoạch số …)"; built from the document's type, number and date when absent. */
  reference?: string;
  orientation?: Orientation;
  blocks: BodyBlock[];
}

export interface OfficialDocumentSpec {
  /** Cơ quan, tổ chức chủ quản trực tiếp (capitals, not bold), if any. */
  governingBody?: string;
  /** Cơ quan, tổ chức ban hành (capitals, bold, short line under it). */
  issuingBody: string;
  /** The document's number; absent for a draft that the văn thư numbers when it is signed. */
  number?: number;
  /** Ký hiệu "KH-STC"; absent for documents without Số (a personal plan). */
  symbol?: string;
  /** Địa danh; absent (with date) for a biên bản, whose time is in its body. */
  place?: string;
  date?: DocumentDate;
  /** "Kế hoạch", "Báo cáo"…; absent for a công văn, whose summary is printed as "V/v …". */
  documentType?: string;
  /** Trích yếu: one or more lines under the type (or after "V/v" for a công văn). */
  summary?: string | string[];
  /**
   * Thẩm quyền ban hành of a quyết định (Mẫu 1.2): "Giám đốc Sở Tài chính", printed in capitals,
   * bold and centred under the trích yếu, before the căn cứ.
   */
  authority?: string;
  /** Căn cứ lines, without their final ";" or "." (added by the layout). */
  bases?: string[];
  /** The enacting word after the căn cứ ("Quyết định" → "QUYẾT ĐỊNH:"), bold, centred, in capitals. */
  enacting?: string;
  /** A draft not yet signed: "DỰ THẢO" in a box at the top right of page 1. */
  draft?: boolean;
  /** "Kính gửi:" recipients. */
  recipients?: string[];
  body: BodyBlock[];
  /** Ends the body with "./." (default true). */
  endMark?: boolean;
  /** One signature (right), or two side by side (first left, second right). */
  signatures: Signature[];
  copiesTo?: CopiesTo;
  orientation?: Orientation;
  appendices?: Appendix[];
}
