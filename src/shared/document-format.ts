/**
 * How official documents write their numbers, dates and numbering labels (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I; ../shared/spec/forms.md §1.4 and §1.6). Pure, so the web can show what a generated
 * document will say.
 */

/**
 * Document types the platform issues, with the abbreviation of Phụ lục III, Mục I. Names are in
 * normal case ("Kế hoạch"); the document prints them in capitals. Mind the mixed-case
 * abbreviations (TTr, CTr, QyĐ): never upper-case a ký hiệu.
 */
export const DOCUMENT_TYPES = {
  decision: { name: 'Quyết định', abbreviation: 'QĐ' },
  regulation: { name: 'Quy chế', abbreviation: 'QC' },
  rule: { name: 'Quy định', abbreviation: 'QyĐ' },
  notice: { name: 'Thông báo', abbreviation: 'TB' },
  guidance: { name: 'Hướng dẫn', abbreviation: 'HD' },
  programme: { name: 'Chương trình', abbreviation: 'CTr' },
  plan: { name: 'Kế hoạch', abbreviation: 'KH' },
  report: { name: 'Báo cáo', abbreviation: 'BC' },
  minutes: { name: 'Biên bản', abbreviation: 'BB' },
  submission: { name: 'Tờ trình', abbreviation: 'TTr' },
  invitation: { name: 'Giấy mời', abbreviation: 'GM' },
} as const;
export type DocumentTypeCode = keyof typeof DOCUMENT_TYPES;

/** Blank left in a number or date for the văn thư or the signer to fill in by hand. */
export const HAND_FILLED_BLANK = '\u00a0'.repeat(6);

/**
 * "Số: 05/KH-STC": numbers below 10 get a leading zero; "/" before the ký hiệu, whose groups are
 * joined by "-" without spaces. Without a number (a draft numbered by the văn thư when signed),
 * a blank is left before the "/".
 */
export function formatDocumentNumber(number: number | null | undefined, symbol: string): string {
  const cleanSymbol = symbol.replace(/\s+/g, '');
  if (!/^[^/-]+(-[^/-]+)*$/.test(cleanSymbol)) throw new Error(`bad document symbol: ${symbol}`);
  if (number == null) return `Số: ${HAND_FILLED_BLANK}/${cleanSymbol}`;
  if (!Number.isInteger(number) || number < 1) throw new Error(`bad document number: ${number}`);
  return `Số: ${String(number).padStart(2, '0')}/${cleanSymbol}`;
}

/** "KH-STC": the type's abbreviation and the issuing body's, joined without spaces. */
export function documentSymbol(type: DocumentTypeCode, ...bodyAbbreviations: string[]): string {
  return [DOCUMENT_TYPES[type].abbreviation, ...bodyAbbreviations].join('-');
}

/**
 * A document date as 'yyyy-mm-dd', or 'yyyy-mm' / 'yyyy' when the day (and month) are left blank
 * for the signer to write in on the signing day.
 */
export type DocumentDate = string;

/** Days 1–9 and months 1 and 2 take a leading zero; months 3–12 do not (forms.md §1.4 "Ngày tháng"). */
const dayText = (day: number) => String(day).padStart(2, '0');
const monthText = (month: number) => (month <= 2 ? String(month).padStart(2, '0') : String(month));

function parseDocumentDate(date: DocumentDate): { year: number; month?: number; day?: number } {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) throw new Error(`bad document date: ${date}`);
  const [year, month, day] = [match[1], match[2], match[3]].map((part) => (part ? Number(part) : undefined));
  const valid =
    (month === undefined || (month >= 1 && month <= 12)) &&
    (day === undefined || (day >= 1 && day <= new Date(Date.UTC(year!, month!, 0)).getUTCDate()));
  if (!valid) throw new Error(`bad document date: ${date}`);
  return { year: year!, month, day };
}

/** "ngày 05 tháng 12 năm 2025"; "ngày      tháng 12 năm 2025" for '2025-12'. */
export function formatDocumentDate(date: DocumentDate): string {
  const { year, month, day } = parseDocumentDate(date);
  const blankOr = (value: number | undefined, text: (n: number) => string) => (value === undefined ? HAND_FILLED_BLANK : text(value));
  return `ngày ${blankOr(day, dayText)} tháng ${blankOr(month, monthText)} năm ${year}`;
}

/** "Kon Tum, ngày 05 tháng 12 năm 2025": the place name, a comma, then the date. */
export function formatPlaceDate(place: string, date: DocumentDate): string {
  return `${place.trim()}, ${formatDocumentDate(date)}`;
}

/** "15/02/2025": the short date used inside sentences and tables. */
export function formatShortDate(date: DocumentDate): string {
  const { year, month, day } = parseDocumentDate(date);
  if (month === undefined || day === undefined) throw new Error(`incomplete date: ${date}`);
  return `${dayText(day)}/${String(month).padStart(2, '0')}/${year}`;
}

const ROMAN = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
] as const;

/** 1 → "I", 14 → "XIV": Phần, Mục and Phụ lục numbers. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new Error(`no roman numeral for ${n}`);
  let rest = n;
  let text = '';
  for (const [value, letters] of ROMAN) {
    for (; rest >= value; rest -= value) text += letters;
  }
  return text;
}

/** Letters of điểm (a, b, c, d, đ, e, g, …): the Vietnamese alphabet without its marked vowels. */
const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** 1 → "a", 5 → "đ", 7 → "g". */
export function pointLetter(n: number): string {
  const letter = POINT_LETTERS[n - 1];
  if (!Number.isInteger(n) || !letter) throw new Error(`no point letter for ${n}`);
  return letter;
}
