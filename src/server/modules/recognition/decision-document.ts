/**
 * A recognition decision (quyết định công nhận, NĐ 30 Mẫu 1.2 "Quyết định (cá biệt) quy định trực
 * tiếp", forms.md §1.5) laid out by platform/documents: issuing body, Số, place and date,
 * "QUYẾT ĐỊNH / Về việc công nhận danh hiệu "…" năm …", the competent person, the căn cứ (the criteria
 * set's source document), "QUYẾT ĐỊNH:", Điều 1 (the list), Điều 2 (validity), Điều 3 (execution),
 * Nơi nhận, the signer; then the annexed list ("DANH SÁCH … (Kèm theo Quyết định số … ngày …)") in
 * Vietnamese name order. A draft carries "DỰ THẢO". Pure: the service gathers the data.
 */
import { formatShortDate } from '../../../shared/document-format.js';
import type { LearningTitle, SubjectKind } from '../../../shared/criteria.js';
import type { BodyBlock, OfficialDocumentSpec, Signature, TableColumn } from '../../platform/documents/spec.js';
import { placeOf } from '../studyPlan/plan-document.js';
import { PLACE_BLANK, quotedTitle } from './assessment-document.js';

export interface DecisionEntry {
  /** Họ và tên, tên hộ, tên dòng họ or tên đơn vị. */
  name: string;
  /** Where the subject works or lives, or the organisation above it. */
  place: string;
  /** The band or level recognised, by name. */
  result: string;
}

export interface DecisionDocumentInput {
  title: LearningTitle;
  year: number;
  subjectKind: SubjectKind;
  issuingBody: string;
  /** The organisation above the deciding one, printed above the issuing body (not above an Ủy ban nhân dân). */
  governingBody: string | null;
  /** The deciding organisation and those above it, nearest first (for the địa danh). */
  units: string[];
  number: string | null;
  signedOn: string | null;
  signerName: string | null;
  signerPosition: string | null;
  draft: boolean;
  /** The day a draft without a date is dated (its month; the day is left for the signer). */
  today: string;
  /** The criteria sets' source documents (căn cứ), without repeats. */
  sources: string[];
  /** Months a recognition stays valid (the set's), and the last day when the decision date is known. */
  validityMonths: number | null;
  validUntil: string | null;
  entries: DecisionEntry[];
}

/** A document symbol is the type's and the body's abbreviations joined by "-" (NĐ 30, Phụ lục III). */
const SYMBOL = /^[^/-]+(-[^/-]+)*$/;
const UNKNOWN_SYMBOL = 'QĐ-…';

/** "15/QĐ-STC" → 15 and "QĐ-STC"; "15" → 15 and "QĐ-…"; nothing → a blank number before "/QĐ-…". */
export function parseDecisionNumber(text: string | null): { number?: number; symbol: string } {
  const m = /^\s*0*(\d+)\s*(?:\/\s*(\S+))?\s*$/.exec(text ?? '');
  if (!m || Number(m[1]) < 1) return { symbol: UNKNOWN_SYMBOL };
  return { number: Number(m[1]), symbol: m[2] && SYMBOL.test(m[2]) ? m[2] : UNKNOWN_SYMBOL };
}

/** "UBND xã Tân Phú" → "Ủy ban nhân dân xã Tân Phú" (the authority line spells the body out). */
const spelledOut = (body: string) => body.trim().replace(/^UBND\b/, 'Ủy ban nhân dân');

const isDeputy = (position: string | null) => !!position && /^phó\s+/i.test(position.trim());
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

const isCommittee = (body: string) => /^(UBND|Ủy ban nhân dân)\b/i.test(body.trim());

/** The head's position: "Phó Giám đốc" signs for the "Giám đốc"; a committee's head is its Chủ tịch. */
function headPosition(position: string | null, issuingBody: string): string {
  if (!position?.trim()) return isCommittee(issuingBody) ? 'Chủ tịch' : 'Thủ trưởng';
  return capitalised(position.trim().replace(/^phó\s+/i, ''));
}

/** The thẩm quyền ban hành: "Giám đốc Sở Tài chính tỉnh Kon Tum". */
export function authorityLine(i: Pick<DecisionDocumentInput, 'issuingBody' | 'signerPosition'>): string {
  return `${headPosition(i.signerPosition, i.issuingBody)} ${spelledOut(i.issuingBody)}`;
}

function signature(i: DecisionDocumentInput): Signature {
  const name = i.signerName ?? undefined;
  if (isDeputy(i.signerPosition)) return { authority: `KT. ${headPosition(i.signerPosition, i.issuingBody)}`, title: i.signerPosition!.trim(), name };
  return { title: i.signerPosition?.trim() || (isCommittee(i.issuingBody) ? 'Chủ tịch' : 'Thủ trưởng cơ quan'), name };
}

/** What the list names, by subject kind and title: "cá nhân", "hộ gia đình", "đơn vị"… */
function subjectWords(i: Pick<DecisionDocumentInput, 'subjectKind' | 'title'>): { noun: string; name: string; place: string } {
  switch (i.subjectKind) {
    case 'person':
      return { noun: 'công dân', name: 'Họ và tên', place: 'Đơn vị công tác, nơi cư trú' };
    case 'household':
      return { noun: 'hộ gia đình', name: 'Tên hộ (chủ hộ)', place: 'Địa chỉ' };
    case 'clan':
      return { noun: 'dòng họ', name: 'Tên dòng họ', place: 'Địa bàn' };
    case 'org':
      return i.title === 'LEARNING_COMMUNITY'
        ? { noun: 'cộng đồng', name: 'Tên thôn, tổ dân phố, xã, phường', place: 'Thuộc' }
        : { noun: 'đơn vị', name: 'Tên đơn vị', place: 'Thuộc' };
  }
}

function articles(i: DecisionDocumentInput): BodyBlock[] {
  const t = quotedTitle(i.title);
  const words = subjectWords(i);
  const article = (n: number, text: string): BodyBlock => ({ type: 'paragraph', text: [{ text: `Điều ${n}. `, bold: true }, { text }] });
  const validity = i.validityMonths
    ? `Danh hiệu ${t} có giá trị trong thời hạn ${i.validityMonths} tháng kể từ ngày ký Quyết định này${i.validUntil ? ` (đến hết ngày ${formatShortDate(i.validUntil)})` : ''}.`
    : `Danh hiệu ${t} được công nhận cho năm ${i.year}.`;
  return [
    article(1, `Công nhận danh hiệu ${t} năm ${i.year} cho ${i.entries.length} ${words.noun} có tên trong danh sách kèm theo Quyết định này.`),
    article(2, `${validity} Quyết định này có hiệu lực kể từ ngày ký.`),
    // The layout closes the last article with "./.".
    article(3, `Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan và các ${words.noun} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này`),
  ];
}

function annexTable(i: DecisionDocumentInput): BodyBlock {
  const words = subjectWords(i);
  const columns: TableColumn[] = [
    { header: 'TT', width: 6, align: 'center' },
    { header: words.name, width: 34 },
    { header: words.place, width: 40 },
    { header: 'Kết quả', width: 20, align: 'center' },
  ];
  return { type: 'table', fontSize: 13, columns, rows: i.entries.map((e, n) => [String(n + 1), e.name, e.place, e.result]) };
}

export function decisionDocumentSpec(i: DecisionDocumentInput): OfficialDocumentSpec {
  const t = quotedTitle(i.title);
  const { number, symbol } = parseDecisionNumber(i.number);
  const words = subjectWords(i);
  return {
    ...(i.governingBody && !isCommittee(i.issuingBody) ? { governingBody: i.governingBody } : {}),
    issuingBody: i.issuingBody,
    number,
    symbol,
    place: placeOf([i.issuingBody, ...i.units]) ?? PLACE_BLANK,
    date: i.signedOn ?? i.today.slice(0, 7),
    documentType: 'Quyết định',
    summary: `Về việc công nhận danh hiệu ${t} năm ${i.year}`,
    authority: authorityLine(i),
    bases: [
      `Căn cứ chức năng, nhiệm vụ, quyền hạn của ${spelledOut(i.issuingBody)}`,
      ...i.sources.map((s) => `Căn cứ ${s.replace(/[.;\s]+$/, '')}`),
      `Xét đề nghị và kết quả thẩm định hồ sơ đề nghị công nhận danh hiệu ${t} năm ${i.year}`,
    ],
    enacting: 'Quyết định',
    draft: i.draft,
    body: articles(i),
    signatures: [signature(i)],
    copiesTo: { recipients: ['Như Điều 3', ...(i.governingBody ? [i.governingBody] : [])], archive: 'Hồ sơ' },
    appendices: [
      {
        title: `Danh sách ${words.noun} được công nhận danh hiệu ${t} năm ${i.year}`,
        blocks: [annexTable(i)],
      },
    ],
  };
}
