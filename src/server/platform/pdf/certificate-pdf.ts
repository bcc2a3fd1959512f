/**
 * A certificate (giấy chứng nhận) as a one-page A4 landscape PDF, laid out as Vietnamese certificates
 * are: the issuing body top left and the Quốc hiệu with the Tiêu ngữ top right (Nghị định 30/2020's
 * header), the big "GIẤY CHỨNG NHẬN", the title with its result and year, the holder and their unit,
 * the decision it rests on and how long it holds, then the place and date with the signer on the
 * right and, bottom left, a QR code of the public verification page with the code printed under it.
 *
 * Pure rendering: the caller gives every text already worded (see recognition/certificate.ts).
 */
import PDFDocument from 'pdfkit';
import { MOTTO, NATIONAL_NAME } from '../documents/header.js';
import { registerFonts, type FontStyle } from './fonts.js';
import { drawQrCode } from './qr.js';

export const CERTIFICATE_HEADING = 'GIẤY CHỨNG NHẬN';

export interface CertificateContent {
  /** The body that issues it, as written ("Ủy ban nhân dân xã Tân Phú"); printed in capitals. A line break splits it. */
  issuingBody: string;
  /** The title's name ("Công dân học tập"); printed in capitals. */
  titleName: string;
  /** The result under the title ("Xếp loại: Tốt", "Mức độ 2"), or null when passing is all there is. */
  outcome: string | null;
  year: number;
  holderName: string;
  /** The holder's unit or where they live ("Phòng Quản lý ngân sách, Sở Tài chính tỉnh Kon Tum"). */
  holderDetail: string | null;
  /** "Đã đạt danh hiệu “Công dân học tập” năm 2025". */
  statement: string;
  /** "Theo Quyết định số 12/QĐ-UBND ngày 15/02/2026 của Ủy ban nhân dân xã Tân Phú". */
  decisionLine: string;
  /** "Giấy chứng nhận có giá trị đến hết ngày 14/02/2029.", or null without a limit. */
  validityLine: string | null;
  /** "Tân Phú, ngày 15 tháng 02 năm 2026". */
  placeDate: string;
  /** "Chủ tịch", or "KT. Chủ tịch\nPhó Chủ tịch"; printed in capitals. */
  signerPosition: string;
  signerName: string;
  /** What the QR code opens: the public verification page of the code. */
  verifyUrl: string;
  code: string;
  /** Document properties (the PDF viewer's title bar). */
  documentTitle: string;
}

const PAGE = { width: 841.89, height: 595.28 };
const COLORS = { text: '#1a1a1a', accent: '#a0161b', frame: '#8a6d1f', muted: '#4d4d4d' };
/** Text runs between these x positions. */
const CONTENT = { left: 62, right: PAGE.width - 62 };
const HEADER_COLUMNS = { left: { x: 56, width: 320 }, right: { x: 400, width: 386 } };

type Doc = PDFKit.PDFDocument;

interface LineStyle {
  font: FontStyle;
  size: number;
  color?: string;
}

/** Capitals the Vietnamese way (đ → Đ, tones kept). */
const upper = (text: string) => text.toLocaleUpperCase('vi-VN');

/** Writes centred text in a column; returns the y below it. */
function centred(doc: Doc, text: string, style: LineStyle, x: number, width: number, y: number, gapAfter = 0): number {
  doc.font(style.font).fontSize(style.size).fillColor(style.color ?? COLORS.text);
  doc.text(text, x, y, { width, align: 'center', lineGap: 1 });
  return doc.y + gapAfter;
}

/** The largest size from `max` down to `min` at which the text fits on one line of `width`. */
function fittedSize(doc: Doc, text: string, font: FontStyle, max: number, min: number, width: number): number {
  doc.font(font);
  for (let size = max; size > min; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(text) <= width) return size;
  }
  return min;
}

/** A short horizontal rule centred under a text of `textWidth`, `share` of its width. */
function ruleUnder(doc: Doc, centreX: number, y: number, textWidth: number, share: number): void {
  const half = (textWidth * share) / 2;
  doc.save().moveTo(centreX - half, y).lineTo(centreX + half, y).lineWidth(0.8).strokeColor(COLORS.text).stroke().restore();
}

/** A double frame in the certificate's gold, with small squares at the inner corners. */
function drawFrame(doc: Doc): void {
  const outer = 16;
  const inner = 24;
  doc.save();
  doc.lineWidth(3).strokeColor(COLORS.frame).rect(outer, outer, PAGE.width - 2 * outer, PAGE.height - 2 * outer).stroke();
  doc.lineWidth(0.8).rect(inner, inner, PAGE.width - 2 * inner, PAGE.height - 2 * inner).stroke();
  const corner = 7;
  for (const [cx, cy] of [
    [inner, inner],
    [PAGE.width - inner, inner],
    [inner, PAGE.height - inner],
    [PAGE.width - inner, PAGE.height - inner],
  ]) {
    doc.rect(cx - corner / 2, cy - corner / 2, corner, corner).fill(COLORS.frame);
  }
  doc.restore();
}

/** Issuing body (left) and Quốc hiệu with Tiêu ngữ (right), each with its short rule. Returns the y below. */
function drawHeader(doc: Doc, c: CertificateContent, top: number): number {
  const { left, right } = HEADER_COLUMNS;
  const bodyLines = upper(c.issuingBody).split('\n').map((l) => l.trim()).filter(Boolean);
  let yLeft = top;
  let widest = 0;
  for (const line of bodyLines) {
    const size = fittedSize(doc, line, 'bold', 13, 10, left.width);
    widest = Math.max(widest, doc.font('bold').fontSize(size).widthOfString(line));
    yLeft = centred(doc, line, { font: 'bold', size }, left.x, left.width, yLeft);
  }
  ruleUnder(doc, left.x + left.width / 2, yLeft + 3, Math.min(widest, left.width), 0.4);

  let yRight = centred(doc, NATIONAL_NAME, { font: 'bold', size: 13 }, right.x, right.width, top);
  yRight = centred(doc, MOTTO, { font: 'bold', size: 14 }, right.x, right.width, yRight + 1);
  ruleUnder(doc, right.x + right.width / 2, yRight + 3, doc.font('bold').fontSize(14).widthOfString(MOTTO), 1);
  return Math.max(yLeft, yRight) + 8;
}

/** Heading, title, result and year; the holder; the statement, decision and validity. Returns the y below. */
function drawBody(doc: Doc, c: CertificateContent, top: number): number {
  const width = CONTENT.right - CONTENT.left;
  const x = CONTENT.left;
  let y = centred(doc, CERTIFICATE_HEADING, { font: 'bold', size: 34, color: COLORS.accent }, x, width, top, 2);
  const title = upper(c.titleName);
  y = centred(doc, title, { font: 'bold', size: fittedSize(doc, title, 'bold', 26, 16, width), color: COLORS.accent }, x, width, y, 1);
  if (c.outcome) y = centred(doc, c.outcome, { font: 'bold', size: 15, color: COLORS.accent }, x, width, y, 1);
  y = centred(doc, `Năm ${c.year}`, { font: 'bold', size: 15 }, x, width, y, 16);

  y = centred(doc, 'Chứng nhận', { font: 'italic', size: 15 }, x, width, y, 4);
  y = centred(doc, c.holderName, { font: 'bold', size: fittedSize(doc, c.holderName, 'bold', 24, 14, width), color: '#12326b' }, x, width, y, 1);
  if (c.holderDetail) y = centred(doc, c.holderDetail, { font: 'italic', size: 13.5, color: COLORS.muted }, x + 40, width - 80, y, 0);
  y = centred(doc, c.statement, { font: 'regular', size: 15 }, x, width, y + 12, 5);
  y = centred(doc, c.decisionLine, { font: 'italic', size: 13 }, x + 30, width - 60, y, 3);
  if (c.validityLine) y = centred(doc, c.validityLine, { font: 'italic', size: 13 }, x, width, y, 0);
  return y;
}

/** Place and date, the signer's position, room for the signature and seal, the signer's name (bottom right). */
function drawSignature(doc: Doc, c: CertificateContent, top: number): void {
  const column = { x: 470, width: 320 };
  let y = centred(doc, c.placeDate, { font: 'italic', size: 14 }, column.x, column.width, top, 2);
  for (const line of upper(c.signerPosition).split('\n').map((l) => l.trim()).filter(Boolean)) {
    y = centred(doc, line, { font: 'bold', size: 14 }, column.x, column.width, y);
  }
  const nameY = Math.max(y + 62, PAGE.height - 62);
  centred(doc, c.signerName, { font: 'bold', size: 14 }, column.x, column.width, nameY - 14);
}

/** The QR code of the verification page with the code under it (bottom left). */
function drawVerification(doc: Doc, c: CertificateContent): void {
  const side = 92;
  const x = 44;
  const y = PAGE.height - 44 - side - 30;
  drawQrCode(doc, c.verifyUrl, x, y, side);
  const textX = x + 8;
  doc.font('regular').fontSize(8.5).fillColor(COLORS.muted);
  doc.text('Mã xác thực:', textX, y + side + 1, { lineBreak: false });
  doc.font('bold').fontSize(8.5).fillColor(COLORS.text);
  doc.text(c.code, textX, y + side + 11, { lineBreak: false });
  doc.font('italic').fontSize(7.5).fillColor(COLORS.muted);
  doc.text('Quét mã để kiểm tra hiệu lực', textX, y + side + 21, { lineBreak: false });
}

/** Collects the document's bytes. */
function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export async function renderCertificatePdf(c: CertificateContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: c.documentTitle, Author: c.issuingBody.replace(/\n/g, ' '), Subject: CERTIFICATE_HEADING, Creator: 'hoctap' },
    lang: 'vi-VN',
    displayTitle: true,
  });
  registerFonts(doc);
  drawFrame(doc);
  const headerBottom = drawHeader(doc, c, 44);
  const bodyBottom = drawBody(doc, c, Math.max(headerBottom + 18, 118));
  drawSignature(doc, c, Math.max(bodyBottom + 12, 392));
  drawVerification(doc, c);
  return toBuffer(doc);
}
