/**
 * Parsing of imported cell values (pure). Every parser takes what the sheet reader gives
 * (string | number | Date | boolean | null; raw exceljs values are tolerated) and returns
 *
 *     { ok: true, value, warning? }   or   { ok: false, error: { vi, en } }
 *
 * A blank cell is `{ ok: true, value: null }` (booleans: false; lists: []): whether a
 * field is required is the importer's business, not the parser's.
 *
 * Dates: exceljs gives a date cell as a Date at UTC midnight of the calendar day shown in
 * Excel, so dates are read with getUTC*; an Excel serial (days since 1899-12-30) that came
 * as a plain number is converted the same way.
 */
import { searchKey } from '../../../shared/vn-text.js';
import type { Bilingual } from '../errors.js';
import { todayInVietnam } from '../time.js';

export type Parsed<T> = { ok: true; value: T; warning?: Bilingual } | { ok: false; error: Bilingual };

const ok = <T>(value: T, warning?: Bilingual): Parsed<T> => (warning ? { ok: true, value, warning } : { ok: true, value });
const fail = (vi: string, en: string): { ok: false; error: Bilingual } => ({ ok: false, error: { vi, en } });
const msg = (vi: string, en: string): Bilingual => ({ vi, en });

// ---------------------------------------------------------------------------------------
// Text

/** NFC, zero-width characters and soft hyphens removed, every kind of space one space, trimmed. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
    .trim();
}

/** 'yyyy-mm-dd' of a Date read as exceljs gives it (the calendar day in UTC). */
export function isoFromExcelDate(d: Date): string | null {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Date exceljs would give for an Excel serial (1900 date system unless date1904). */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  const epochDays = date1904 ? 24107 : 25569; // days from the Excel epoch to 1970-01-01
  return new Date(Math.round((serial - epochDays) * 86_400_000));
}

/** Text of any cell value: numbers without exponent, dates as dd/mm/yyyy; null when blank. */
export function valueToText(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return cleanText(v) || null;
  if (typeof v === 'number') return Number.isFinite(v) ? (Number.isInteger(v) ? v.toFixed(0) : String(v)) : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const iso = isoFromExcelDate(v);
    return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return valueToText(o.richText.map((r: { text?: unknown }) => String(r?.text ?? '')).join(''));
    if ('result' in o) return valueToText(o.result);
    if ('text' in o) return valueToText(o.text);
    if ('error' in o) return null;
  }
  return cleanText(String(v)) || null;
}

export function isBlank(v: unknown): boolean {
  return valueToText(v) === null;
}

export function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every(isBlank);
}

export function parseText(v: unknown): Parsed<string | null> {
  return ok(valueToText(v));
}

const NAME_FORBIDDEN = /[\d@#$%^&*_=+<>/\\|{}[\]~`!?;:"]/u;

/** A person's name: cleaned text, kept as typed (case included); no digits or symbols. */
export function parsePersonName(v: unknown): Parsed<string | null> {
  const text = valueToText(v);
  if (text === null) return ok(null);
  if (typeof v === 'number' || /\d/.test(text)) {
    return fail(`Họ tên không được chứa chữ số: "${text}"`, `A name cannot contain digits: "${text}"`);
  }
  if (NAME_FORBIDDEN.test(text)) {
    return fail(`Họ tên chứa ký tự không hợp lệ: "${text}"`, `The name contains invalid characters: "${text}"`);
  }
  if (text.length > 100) return fail('Họ tên dài quá 100 ký tự', 'The name is longer than 100 characters');
  return ok(text);
}

// ---------------------------------------------------------------------------------------
// Dates

export interface DateOptions {
  /** Accept a year alone ("1985"); the value is then 'yyyy' (see isYearOnly). */
  allowYearOnly?: boolean;
  /** Latest accepted date, 'yyyy-mm-dd' (inclusive). */
  notAfter?: string;
  /** Earliest accepted date, 'yyyy-mm-dd' (inclusive). */
  notBefore?: string;
}

/** True for the 'yyyy' values parseDateValue gives with allowYearOnly. */
export const isYearOnly = (value: string) => /^\d{4}$/.test(value);

const pad2 = (n: number) => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

type DateParts = { y: number; m: number; d: number } | { year: number };

/** Date parts of a text, or an error. */
function datePartsOfText(text: string): DateParts | Bilingual {
  const t = text.replace(/\s*([/.-])\s*/g, '$1');
  if (/^\d{4}$/.test(t)) return { year: Number(t) };
  let m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$/.exec(t);
  if (m) {
    if (m[4]!.length !== 4) {
      return msg(`Năm phải có đủ 4 chữ số: "${text}"`, `The year must have 4 digits: "${text}"`);
    }
    return { d: Number(m[1]), m: Number(m[3]), y: Number(m[4]) };
  }
  m = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/.exec(t);
  if (m) return { y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) };
  m = /^(\d{8})$/.exec(t);
  if (m) {
    const s = m[1]!;
    const asYmd = { y: Number(s.slice(0, 4)), m: Number(s.slice(4, 6)), d: Number(s.slice(6)) };
    if (asYmd.y >= 1900 && asYmd.y <= 2100 && isRealDate(asYmd.y, asYmd.m, asYmd.d)) return asYmd;
    return { d: Number(s.slice(0, 2)), m: Number(s.slice(2, 4)), y: Number(s.slice(4)) };
  }
  m = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(searchKey(text).replace(/[^a-z0-9]+/g, ' ').trim());
  if (m) return { d: Number(m[1]), m: Number(m[2]), y: Number(m[3]) };
  if (/^\d{1,2}[/.-]\d{4}$/.test(t)) {
    return msg(`Thiếu ngày (chỉ có tháng/năm): "${text}"`, `The day is missing (only month/year): "${text}"`);
  }
  return msg(
    `Không đọc được ngày "${text}" (cần dạng dd/mm/yyyy)`,
    `Cannot read the date "${text}" (expected dd/mm/yyyy)`,
  );
}

function datePartsOf(v: unknown): DateParts | Bilingual | null {
  if (v instanceof Date) {
    const iso = isoFromExcelDate(v);
    if (!iso) return msg('Ngày không hợp lệ', 'Invalid date');
    return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1900 && v <= 2100) return { year: v };
    if (v >= 1 && v < 2_958_466) return datePartsOf(excelSerialToDate(Math.floor(v)));
    return msg(`Không đọc được ngày từ số ${v}`, `Cannot read a date from the number ${v}`);
  }
  const text = valueToText(v);
  return text === null ? null : datePartsOfText(text);
}

/**
 * A date from a date cell, an Excel serial, or text: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy,
 * dd.mm.yyyy, yyyy-mm-dd, ddmmyyyy, "ngày 15 tháng 3 năm 1985". Gives 'yyyy-mm-dd'.
 * Two-digit years, impossible dates (31/02) and dates outside [notBefore, notAfter] are
 * errors; a year alone is an error unless allowYearOnly.
 */
export function parseDateValue(v: unknown, opts: DateOptions = {}): Parsed<string | null> {
  const parts = datePartsOf(v);
  if (parts === null) return ok(null);
  if ('vi' in parts) return { ok: false, error: parts };
  if ('year' in parts) {
    if (!opts.allowYearOnly) {
      return fail(
        `Chỉ có năm (${parts.year}); cần đủ ngày/tháng/năm (dd/mm/yyyy)`,
        `Only a year (${parts.year}); a full date (dd/mm/yyyy) is needed`,
      );
    }
    return checkRange(String(parts.year), `${parts.year}-01-01`, `${parts.year}-12-31`, opts);
  }
  const { y, m, d } = parts;
  if (!isRealDate(y, m, d)) {
    const swapped = isRealDate(y, d, m);
    return fail(
      `Ngày không tồn tại: ${pad2(d)}/${pad2(m)}/${y}${swapped ? ' (có thể đã nhập tháng/ngày kiểu Mỹ?)' : ''}`,
      `No such date: ${pad2(d)}/${pad2(m)}/${y}${swapped ? ' (month/day order, as in the US?)' : ''}`,
    );
  }
  const iso = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  return checkRange(iso, iso, iso, opts);
}

function checkRange(value: string, first: string, last: string, opts: DateOptions): Parsed<string> {
  const shown = isYearOnly(value) ? value : `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
  if (opts.notAfter && first > opts.notAfter) {
    return fail(`Ngày ${shown} ở tương lai hoặc quá muộn`, `The date ${shown} is in the future or too late`);
  }
  if (opts.notBefore && last < opts.notBefore) {
    return fail(`Ngày ${shown} quá xa trong quá khứ`, `The date ${shown} is too far in the past`);
  }
  return ok(value);
}

/** A date of birth: not in the future (Vietnam's today), not before 1900. */
export function parseBirthDate(v: unknown, opts: { allowYearOnly?: boolean; today?: string } = {}): Parsed<string | null> {
  return parseDateValue(v, {
    allowYearOnly: opts.allowYearOnly,
    notAfter: opts.today ?? todayInVietnam(),
    notBefore: '1900-01-01',
  });
}

// ---------------------------------------------------------------------------------------
// Sex, booleans

export type Sex = 'male' | 'female';

const plainKey = (text: string) => searchKey(text).replace(/[^a-z0-9]+/g, ' ').trim();

const MALE_WORDS = new Set(['nam', 'm', 'male', 'trai', 'ong', 'nam gioi']);
const FEMALE_WORDS = new Set(['nu', 'f', 'female', 'gai', 'ba', 'nu gioi']);
const MARK_WORDS = new Set(['x', 'v', '1', 'co', 'true', 'yes', 'y']);

/**
 * "Nam", "Nữ", "nu", "M", "F", "Ông", "Bà" → male / female. In a column that stands for
 * one sex (a "Nữ" column holding "x"), pass `column`: a mark then means that sex.
 */
export function parseSex(v: unknown, opts: { column?: Sex } = {}): Parsed<Sex | null> {
  if (opts.column && (v === true || (typeof v === 'number' && v === 1))) return ok(opts.column);
  const text = valueToText(v);
  if (text === null || (opts.column && v === false)) return ok(null);
  const key = plainKey(text);
  if (opts.column && (MARK_WORDS.has(key) || /^[✓✔☑+*]$/u.test(text))) return ok(opts.column);
  if (MALE_WORDS.has(key)) return ok('male');
  if (FEMALE_WORDS.has(key)) return ok('female');
  return fail(`Giới tính không hợp lệ: "${text}" (Nam hoặc Nữ)`, `Invalid sex: "${text}" (Nam or Nữ)`);
}

const TRUE_WORDS = new Set(['x', 'co', '1', 'yes', 'y', 'true', 'dung', 'v', 'phai', 'la lanh dao']);
const FALSE_WORDS = new Set(['khong', 'ko', 'k', '0', 'no', 'n', 'false', 'sai', 'chua']);

/** "x", "có", "1", "yes" → true; "", "không", "0", "no" → false. */
export function parseBoolean(v: unknown): Parsed<boolean> {
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number' && (v === 0 || v === 1)) return ok(v === 1);
  const text = valueToText(v);
  if (text === null || /^[-–—]$/.test(text)) return ok(false);
  if (/^[✓✔☑]$/u.test(text)) return ok(true);
  const key = plainKey(text);
  if (TRUE_WORDS.has(key)) return ok(true);
  if (FALSE_WORDS.has(key)) return ok(false);
  return fail(`Không hiểu giá trị có/không: "${text}" (dùng "x" hoặc để trống)`, `Not a yes/no value: "${text}" (use "x" or leave blank)`);
}

// ---------------------------------------------------------------------------------------
// Citizen ID (CCCD)

/**
 * Province codes that open a CCCD number (Circular 07/2016/TT-BCA, now 59/2021/TT-BCA):
 * the 63 provinces' statistical codes with a leading 0.
 */
export const CCCD_PROVINCE_CODES: ReadonlySet<string> = new Set(
  [1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48,
    49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96]
    .map((n) => String(n).padStart(3, '0')),
);

export interface CitizenIdInfo {
  provinceCode: string;
  sex: Sex;
  birthYear: number;
}

/**
 * The facts a 12-digit CCCD number encodes: digits 1-3 the province of birth registration,
 * digit 4 century and sex (0/1 1900s, 2/3 2000s, 4/5 2100s, 6/7 2200s, 8/9 1800s; even is
 * male), digits 5-6 the last two digits of the birth year. Null if not 12 digits.
 */
export function citizenIdInfo(id: string): CitizenIdInfo | null {
  if (!/^\d{12}$/.test(id)) return null;
  const code = Number(id[3]);
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(code / 2)]!;
  return { provinceCode: id.slice(0, 3), sex: code % 2 === 0 ? 'male' : 'female', birthYear: century + Number(id.slice(4, 6)) };
}

/**
 * A CCCD number: 12 digits once spaces, dots and dashes are gone. 11 digits not starting
 * with 0 (a number cell lost the leading zero) are padded back with a warning; a 9-digit old CMND number
 * is accepted with a warning. The province code and the birth century are checked.
 */
export function parseCitizenId(v: unknown, opts: { today?: string } = {}): Parsed<string | null> {
  const fromNumber = typeof v === 'number';
  if (fromNumber && (!Number.isInteger(v) || v < 0)) return fail(`Số CCCD không hợp lệ: ${v}`, `Invalid citizen ID: ${v}`);
  const text = valueToText(v);
  if (text === null) return ok(null);
  const digits = text.replace(/[\s.\-'’_]/g, '');
  if (!/^\d+$/.test(digits)) {
    return fail(`Số CCCD chỉ gồm chữ số: "${text}"`, `A citizen ID has digits only: "${text}"`);
  }
  if (digits.length === 9 || (fromNumber && digits.length === 8)) {
    const id = digits.padStart(9, '0');
    return ok(id, msg(`Số CMND cũ (9 chữ số): ${id}; nên cập nhật số CCCD 12 chữ số`, `Old 9-digit identity card number: ${id}; the 12-digit citizen ID should be entered`));
  }
  let id = digits;
  let warning: Bilingual | undefined;
  // Every CCCD starts with 0; 11 digits without it lost the zero (a number cell, a CSV trip).
  // 11 digits that still start with 0 lack another digit: no guessing.
  if (digits.length === 11 && !digits.startsWith('0')) {
    id = '0' + digits;
    warning = msg(
      `Số CCCD bị mất số 0 ở đầu (ô kiểu số?); đã sửa thành ${id}`,
      `The citizen ID lost its leading zero (a number cell?); corrected to ${id}`,
    );
  }
  if (id.length !== 12) {
    return fail(`CCCD phải có 12 chữ số (đang có ${digits.length}): "${text}"`, `A citizen ID must have 12 digits (found ${digits.length}): "${text}"`);
  }
  const info = citizenIdInfo(id)!;
  if (!CCCD_PROVINCE_CODES.has(info.provinceCode)) {
    return fail(
      `Số CCCD ${id}: mã tỉnh ${info.provinceCode} (3 số đầu) không hợp lệ`,
      `Citizen ID ${id}: ${info.provinceCode} (first 3 digits) is not a province code`,
    );
  }
  const thisYear = Number((opts.today ?? todayInVietnam()).slice(0, 4));
  if (info.birthYear > thisYear || info.birthYear < 1900) {
    return fail(
      `Số CCCD ${id}: số thứ 4-6 cho năm sinh ${info.birthYear}, không hợp lệ`,
      `Citizen ID ${id}: digits 4-6 give the birth year ${info.birthYear}, which is not valid`,
    );
  }
  return ok(id, warning);
}

/**
 * A warning when a CCCD number disagrees with the person's birth year or sex; null when
 * consistent or not checkable (no 12-digit number, or nothing to compare).
 */
export function citizenIdMatches(citizenId: string | null, birthDate: string | null, sex: Sex | null): Bilingual | null {
  const info = citizenId ? citizenIdInfo(citizenId) : null;
  if (!info) return null;
  const problemsVi: string[] = [];
  const problemsEn: string[] = [];
  const year = birthDate && /^\d{4}/.test(birthDate) ? Number(birthDate.slice(0, 4)) : null;
  if (year !== null && year !== info.birthYear) {
    problemsVi.push(`năm sinh ${info.birthYear} theo CCCD khác ${year}`);
    problemsEn.push(`birth year ${info.birthYear} per the ID differs from ${year}`);
  }
  if (sex && sex !== info.sex) {
    problemsVi.push(`giới tính theo CCCD là ${info.sex === 'male' ? 'Nam' : 'Nữ'}`);
    problemsEn.push(`the ID says ${info.sex}`);
  }
  if (problemsVi.length === 0) return null;
  return msg(`Số CCCD ${citizenId} không khớp: ${problemsVi.join('; ')}`, `Citizen ID ${citizenId} does not match: ${problemsEn.join('; ')}`);
}

// ---------------------------------------------------------------------------------------
// Phone, email

/** 11-digit mobile prefixes renumbered to 10 digits in 2018. */
const OLD_MOBILE_PREFIXES: Record<string, string> = {
  '0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036', '0167': '037', '0168': '038', '0169': '039',
  '0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
  '0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
  '0186': '056', '0188': '058', '0199': '059',
};

/**
 * A Vietnamese phone number as 0xxxxxxxxx: mobiles have 10 digits (03, 05, 07, 08, 09),
 * landlines 11 (02x). Accepts "+84 912 345 678", "84912345678", dots and dashes, and a
 * number cell that lost its leading zero (warning). Old 11-digit mobiles (016x ...) are
 * renumbered with a warning. Of several numbers only the first is kept (warning).
 */
export function parsePhone(v: unknown): Parsed<string | null> {
  const text = valueToText(v);
  if (text === null) return ok(null);
  const warnings: Bilingual[] = [];
  const pieces = text.split(/\s*(?:[;,/|\n]|\s-\s|\svà\s|\sor\s|\shoặc\s)\s*/u).filter(Boolean);
  const first = pieces[0] ?? text;
  if (pieces.length > 1) warnings.push(msg(`Có nhiều số điện thoại; chỉ lấy số đầu: ${first}`, `Several phone numbers; only the first is kept: ${first}`));
  let digits = first.replace(/\D/g, '');
  const international = /^\s*(\+|00)/.test(first);
  if (international && digits.startsWith('0084')) digits = digits.slice(2);
  if ((international || digits.length >= 11) && digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) {
    digits = '0' + digits.slice(2);
  }
  if ((digits.length === 9 && /^[35789]/.test(digits)) || (digits.length === 10 && digits.startsWith('2'))) {
    digits = '0' + digits;
    warnings.push(msg(`Số điện thoại bị mất số 0 ở đầu; đã sửa thành ${digits}`, `The phone number lost its leading zero; corrected to ${digits}`));
  }
  const old = OLD_MOBILE_PREFIXES[digits.slice(0, 4)];
  if (digits.length === 11 && old) {
    const renumbered = old + digits.slice(4);
    warnings.push(msg(`Số di động 11 số cũ ${digits} đã đổi thành ${renumbered}`, `The old 11-digit mobile number ${digits} is now ${renumbered}`));
    digits = renumbered;
  }
  if (/^0[35789]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits)) return ok(digits, joinWarnings(warnings));
  return fail(
    `Số điện thoại không hợp lệ: "${text}" (di động 10 số đầu 03/05/07/08/09, cố định 11 số đầu 02)`,
    `Invalid phone number: "${text}" (mobiles: 10 digits starting 03/05/07/08/09; landlines: 11 digits starting 02)`,
  );
}

function joinWarnings(ws: Bilingual[]): Bilingual | undefined {
  if (ws.length === 0) return undefined;
  return msg(ws.map((w) => w.vi).join('; '), ws.map((w) => w.en).join('; '));
}

const EMAIL_RE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*\.[a-z]{2,}$/i;

/** An email address, lower-cased; "mailto:" dropped; of several only the first (warning). */
export function parseEmail(v: unknown): Parsed<string | null> {
  const text = valueToText(v);
  if (text === null) return ok(null);
  const pieces = text.replace(/^mailto:/i, '').split(/\s*[;,\s]\s*/).filter(Boolean);
  const email = (pieces[0] ?? '').toLowerCase();
  if (!EMAIL_RE.test(email)) return fail(`Email không hợp lệ: "${text}"`, `Invalid email address: "${text}"`);
  return ok(email, pieces.length > 1 ? msg(`Có nhiều email; chỉ lấy ${email}`, `Several emails; only ${email} is kept`) : undefined);
}

// ---------------------------------------------------------------------------------------
// Numbers

/**
 * A number from a number cell or text in Vietnamese notation ("1.234.567", "12,5") or
 * with a decimal point ("12.5"). When both separators appear, the last one is the decimal.
 */
export function parseNumber(v: unknown): Parsed<number | null> {
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : fail('Số không hợp lệ', 'Invalid number');
  const text = valueToText(v);
  if (text === null) return ok(null);
  let t = text.replace(/\s/g, '');
  if (!/^[-+]?[\d.,]+$/.test(t)) return fail(`Không phải số: "${text}"`, `Not a number: "${text}"`);
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    t = t.split(decimal === '.' ? ',' : '.').join('').replace(',', '.');
  } else if (lastComma >= 0) {
    t = /^[-+]?\d{1,3}(,\d{3}){2,}$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
  } else if (/^[-+]?\d{1,3}(\.\d{3})+$/.test(t) && (t.match(/\./g)?.length ?? 0) >= 2) {
    t = t.replace(/\./g, '');
  } else if (/^[-+]?\d{1,3}\.\d{3}$/.test(t)) {
    t = t.replace('.', ''); // Vietnamese thousands separator: "1.500" is fifteen hundred
  }
  const n = Number(t);
  return Number.isFinite(n) && t !== '' ? ok(n) : fail(`Không phải số: "${text}"`, `Not a number: "${text}"`);
}

// ---------------------------------------------------------------------------------------
// Qualification, general education

export type QualificationLevel = 'none' | 'so_cap' | 'trung_cap' | 'cao_dang' | 'dai_hoc' | 'thac_si' | 'tien_si';

const QUALIFICATION_ORDER: QualificationLevel[] = ['none', 'so_cap', 'trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'];

/** Phrases (as plainKey tokens) per level; the longest phrase is matched first. */
const QUALIFICATION_PHRASES: Array<[QualificationLevel, string[]]> = [
  ['tien_si', ['tien si', 'tien sy', 'ts', 't s', 'tskh', 'pgs', 'gs', 'pgs ts', 'gs ts', 'phd', 'dr', 'tien si khoa hoc']],
  ['thac_si', ['thac si', 'thac sy', 'ths', 'th s', 'cao hoc', 'master', 'thac si khoa hoc']],
  ['dai_hoc', ['dai hoc', 'dh', 'd h', 'cu nhan', 'cn', 'ky su', 'ki su', 'ks', 'kien truc su', 'bac si', 'bac sy', 'duoc si', 'duoc sy', 'dhsp', 'bachelor', 'university']],
  ['cao_dang', ['cao dang', 'cd', 'c d', 'cdsp', 'college']],
  ['trung_cap', ['trung cap', 'tc', 't c', 'tcsp', 'trung hoc chuyen nghiep', 'thcn', 'y si', 'y sy', 'duoc si trung hoc', 'duoc si trung cap', 'duoc ta', 'trung cap nghe']],
  ['so_cap', ['so cap', 'sc', 'so cap nghe', 'chung chi nghe']],
  ['none', ['chua qua dao tao', 'chua dao tao', 'khong qua dao tao', 'khong', 'chua', 'chua co', 'khong co', 'lao dong pho thong', 'ldpt', 'none', '0']],
];

const QUALIFICATION_MATCHERS = QUALIFICATION_PHRASES.flatMap(([level, phrases]) => phrases.map((p) => ({ level, tokens: p.split(' ') }))).sort(
  (a, b) => b.tokens.length - a.tokens.length,
);

/** Political-theory levels ("Trung cấp LLCT") are not professional qualifications. */
const POLITICAL_THEORY = /\b(so cap|trung cap|cao cap|cu nhan)\s+(ly luan chinh tri|ly luan|llct|chinh tri)\b/g;

/**
 * The professional qualification level of texts such as "Đại học", "ĐH Luật", "Cử nhân
 * Kinh tế", "Kỹ sư", "ThS", "Tiến sĩ", "CĐ", "Trung cấp", "Sơ cấp", "Chưa qua đào tạo".
 * When several are named, the highest.
 */
export function parseQualification(v: unknown): Parsed<QualificationLevel | null> {
  const text = valueToText(v);
  if (text === null) return ok(null);
  if (/^[-–—]$/.test(text)) return ok('none');
  const tokens = plainKey(text)
    .replace(POLITICAL_THEORY, ' ')
    .replace(/\bdang (theo )?hoc\b.*$/, ' ') // "Đại học (đang học thạc sĩ)": not yet obtained
    .split(' ')
    .filter(Boolean);
  const used = new Array<boolean>(tokens.length).fill(false);
  let best = -1;
  for (const { level, tokens: phrase } of QUALIFICATION_MATCHERS) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((t, j) => tokens[i + j] === t && !used[i + j])) {
        for (let j = 0; j < phrase.length; j++) used[i + j] = true;
        best = Math.max(best, QUALIFICATION_ORDER.indexOf(level));
      }
    }
  }
  if (best < 0) {
    return fail(
      `Không nhận ra trình độ chuyên môn "${text}" (Tiến sĩ, Thạc sĩ, Đại học, Cao đẳng, Trung cấp, Sơ cấp, Chưa qua đào tạo)`,
      `Unrecognised qualification "${text}" (doctorate, master, university, college, intermediate, elementary, none)`,
    );
  }
  return ok(QUALIFICATION_ORDER[best]!);
}

/**
 * General education as "n/12": "12/12", "9/12", "lớp 12", "THPT" → "12/12", "THCS" →
 * "9/12", "Tiểu học" → "5/12". The old 10-year system: "10/10" → "12/12" and "7/10"
 * (end of lower secondary) → "9/12" with a warning; other "n/10" are kept as typed. A cell
 * Excel turned into a date ("12/12" became 12 December) is read back with a warning.
 */
export function parseGeneralEducation(v: unknown): Parsed<string | null> {
  if (v instanceof Date) {
    const iso = isoFromExcelDate(v);
    if (iso) {
      const [m, d] = [Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
      const pair = m === 12 || m === 10 ? [d, m] : d === 12 || d === 10 ? [m, d] : null;
      if (pair) {
        const r = gradeOf(pair[0]!, pair[1]!, `${pair[0]}/${pair[1]}`);
        const w = msg(`Excel đã đổi "${pair[0]}/${pair[1]}" thành ngày; đã đọc lại`, `Excel had turned "${pair[0]}/${pair[1]}" into a date; read back`);
        return r.ok ? ok(r.value, joinWarnings([w, ...(r.warning ? [r.warning] : [])])) : r;
      }
    }
  }
  const text = valueToText(v);
  if (text === null) return ok(null);
  const key = plainKey(text);
  const m = /(\d{1,2})\s*\/\s*(\d{1,2})/.exec(text);
  if (m) return gradeOf(Number(m[1]), Number(m[2]), text);
  const grade = /^(?:lop\s*)?(\d{1,2})$/.exec(key);
  if (grade) return gradeOf(Number(grade[1]), 12, text);
  if (/\b(thpt|ptth|cap 3|cap iii|trung hoc pho thong|pho thong trung hoc|bttc|btvh 12)\b/.test(key)) return ok('12/12');
  if (/\b(thcs|ptcs|cap 2|cap ii|trung hoc co so|pho thong co so)\b/.test(key)) return ok('9/12');
  if (/\b(tieu hoc|cap 1|cap i)\b/.test(key)) return ok('5/12');
  if (/\b(mu chu|khong biet chu|chua di hoc)\b/.test(key)) return ok('0/12');
  return fail(`Không nhận ra trình độ văn hóa "${text}" (ví dụ 12/12, 9/12)`, `Unrecognised general education "${text}" (e.g. 12/12, 9/12)`);
}

function gradeOf(n: number, of: number, text: string): Parsed<string> {
  if (of === 12 && n >= 0 && n <= 12) return ok(`${n}/12`);
  if (of === 10 && n >= 0 && n <= 10) {
    const converted = n === 10 ? '12/12' : n === 7 ? '9/12' : null;
    if (converted) {
      return ok(converted, msg(`"${n}/10" (hệ 10 năm) được ghi là ${converted}`, `"${n}/10" (10-year system) recorded as ${converted}`));
    }
    return ok(`${n}/10`, msg(`"${n}/10" theo hệ 10 năm, giữ nguyên`, `"${n}/10" is in the 10-year system; kept as is`));
  }
  return fail(`Trình độ văn hóa không hợp lệ: "${text}"`, `Invalid general education: "${text}"`);
}

// ---------------------------------------------------------------------------------------
// Foreign languages

export interface ForeignLanguage {
  /** 'en' 'zh' 'fr' 'ru' 'ja' 'ko' 'de', another language's name as typed, or null if not said. */
  language: string | null;
  /** What the certificate says: 'B1', 'Bậc 3', 'B' (old A/B/C), 'TOEIC 550', 'Cử nhân'... or ''. */
  certificate: string;
  /** Level 1-6 of the national framework (Circular 01/2014/TT-BGDĐT; A1 = 1 … C2 = 6), or null. */
  level: number | null;
}

/** Language words (plainKey token runs) → code. Longest first when matching. */
const LANGUAGE_WORDS: Array<[string, string[]]> = [
  ['en', ['tieng anh', 'anh van', 'anh ngu', 'english', 'anh', 'av', 'toeic', 'toefl', 'ielts', 'cambridge']],
  ['zh', ['tieng trung', 'trung van', 'trung quoc', 'tieng hoa', 'hoa van', 'han ngu', 'trung', 'hoa', 'hsk']],
  ['fr', ['tieng phap', 'phap van', 'phap ngu', 'phap', 'pv', 'delf', 'dalf', 'tcf']],
  ['ru', ['tieng nga', 'nga van', 'nga ngu', 'nga', 'torfl']],
  ['ja', ['tieng nhat', 'nhat van', 'nhat ngu', 'nhat', 'jlpt']],
  ['ko', ['tieng han', 'han quoc', 'han', 'topik']],
  ['de', ['tieng duc', 'duc van', 'duc', 'goethe', 'testdaf']],
];

const CEFR_LEVELS: Record<string, number> = { a1: 1, a2: 2, b1: 3, b2: 4, c1: 5, c2: 6 };
const EXAMS = ['toeic', 'toefl', 'ielts', 'hsk', 'jlpt', 'topik', 'delf', 'dalf', 'tcf', 'torfl'];
const DEGREES: Array<[string, string]> = [
  ['tien si', 'Tiến sĩ'], ['thac si', 'Thạc sĩ'], ['cu nhan', 'Cử nhân'], ['dai hoc', 'Đại học'], ['cao dang', 'Cao đẳng'], ['trung cap', 'Trung cấp'],
];
const NO_LANGUAGE = new Set(['khong', 'chua', 'chua co', 'khong co', '0', 'none']);

/**
 * Foreign languages from free text: "Tiếng Anh B1", "Anh văn trình độ B", "TOEIC 550",
 * "Tiếng Trung bậc 3", "Anh B; Pháp A". A1-C2 and "bậc N" give the level; the old A/B/C
 * certificates (before Circular 01/2014) keep their letter with level null, as no
 * official equivalence exists; exam scores are kept as the certificate, level null.
 */
export function parseForeignLanguages(v: unknown): Parsed<ForeignLanguage[]> {
  const text = valueToText(v);
  if (text === null || /^[-–—]$/.test(text) || NO_LANGUAGE.has(plainKey(text))) return ok([]);
  const pieces = text.split(/\s*(?:[;,+\n]|\s(?:và|and)\s)\s*/iu).filter(Boolean);
  const result = pieces.map(parseOneLanguage);
  const unclear = result.filter((r) => r.language === null || r.certificate === '');
  return ok(
    result,
    unclear.length > 0
      ? msg(`Chưa rõ ngôn ngữ hoặc trình độ trong "${text}"`, `Language or level unclear in "${text}"`)
      : undefined,
  );
}

function parseOneLanguage(piece: string): ForeignLanguage {
  const key = plainKey(piece);
  const tokens = key.split(' ');
  const language = languageOf(tokens, piece);
  let certificate = '';
  let level: number | null = null;
  const cefr = tokens.find((t) => t in CEFR_LEVELS);
  const bac = /\bbac\s*(\d)\b/.exec(key);
  const exam = new RegExp(`\\b(${EXAMS.join('|')})\\s*(n?\\s*\\d+(?:[.,]\\d+)?)?`).exec(searchKey(piece));
  if (cefr) {
    certificate = cefr.toUpperCase();
    level = CEFR_LEVELS[cefr]!;
  } else if (bac && Number(bac[1]) >= 1 && Number(bac[1]) <= 6) {
    level = Number(bac[1]);
    certificate = `Bậc ${level}`;
  } else if (exam) {
    const score = exam[2] ? exam[2].replace(/\s+/g, '').toUpperCase() : '';
    certificate = `${exam[1]!.toUpperCase()}${score ? ' ' + score : ''}`;
  } else {
    const letter = legacyLetter(tokens);
    if (letter) certificate = letter;
    else certificate = DEGREES.find(([k]) => key.includes(k))?.[1] ?? '';
  }
  if (cefr && bac && Number(bac[1]) !== level) level = CEFR_LEVELS[cefr]!; // CEFR wins over a contradictory "bậc"
  return { language, certificate, level };
}

function languageOf(tokens: string[], piece: string): string | null {
  for (const [code, words] of LANGUAGE_WORDS) {
    for (const w of words) {
      const wt = w.split(' ');
      if (tokens.some((_, i) => wt.every((t, j) => tokens[i + j] === t))) return code;
    }
  }
  const other = /tiếng\s+([\p{L}'-]+)/iu.exec(piece.normalize('NFC'));
  return other ? other[1]! : null;
}

/** The old certificate letter: "trình độ B", or a lone A/B/C word ("Anh B"). */
function legacyLetter(tokens: string[]): 'A' | 'B' | 'C' | null {
  const i = tokens.findIndex((t, k) => (t === 'a' || t === 'b' || t === 'c') && (k > 0 || tokens.length === 1));
  return i >= 0 ? (tokens[i]!.toUpperCase() as 'A' | 'B' | 'C') : null;
}

// ---------------------------------------------------------------------------------------
// Ethnicity

/** The 54 ethnic groups (General Statistics Office list, Decision 121-TCTK/PPCĐ), with spellings met in files. */
export const ETHNIC_GROUPS: ReadonlyArray<{ code: string; name: string; aliases: string[] }> = [
  ['Kinh', 'Việt'], ['Tày'], ['Thái'], ['Hoa', 'Hán'], ['Khơ-me', 'Khmer', 'Khơ me', 'Khơme', 'Khme'], ['Mường'], ['Nùng'],
  ['Mông', "H'Mông", 'HMông', 'Hmong', 'Mèo'], ['Dao', 'Mán'], ['Gia-rai', 'Jrai', 'Jarai', 'Giarai'], ['Ngái'],
  ['Ê-đê', 'Êđê', 'Rhade', 'Rađê'], ['Ba-na', 'Bana', 'Bahnar'], ['Xơ-đăng', 'Xê-đăng', 'Sedang', 'Xơ Đăng'], ['Sán Chay', 'Cao Lan', 'Sán Chỉ'],
  ['Cơ-ho', 'Koho', "K'Ho"], ['Chăm', 'Chàm', 'Champa'], ['Sán Dìu'], ['Hrê', 'H’rê', "H're"], ['Mnông', "M'Nông"], ['Ra-glai', 'Raglay'],
  ['Xtiêng', 'Stiêng', 'X’tiêng'], ['Bru-Vân Kiều', 'Vân Kiều', 'Bru'], ['Thổ'], ['Giáy'], ['Cơ-tu', 'Katu', 'Ca Tu'],
  ['Gié-Triêng', 'Gié Triêng', 'Triêng', 'Gié', 'Ve', 'Giẻ-Triêng'], ['Mạ'], ['Khơ-mú', 'Khmu', 'Kmhmu'], ['Co', 'Cor'], ['Tà-ôi', 'Tà Ôi', 'Pa Cô', 'Pacô'],
  ['Chơ-ro', 'Chơro'], ['Kháng'], ['Xinh-mun'], ['Hà Nhì'], ['Chu-ru', 'Churu'], ['Lào'], ['La Chí'], ['La Ha'], ['Phù Lá'],
  ['La Hủ'], ['Lự'], ['Lô Lô'], ['Chứt'], ['Mảng'], ['Pà Thẻn'], ['Cơ Lao'], ['Cống'], ['Bố Y'], ['Si La'], ['Pu Péo'],
  ['Brâu'], ['Ơ Đu'], ['Rơ Măm'],
].map(([name, ...aliases], i) => ({ code: String(i + 1).padStart(2, '0'), name: name!, aliases }));

const looseKey = (s: string) => searchKey(s).replace(/[^a-z0-9]+/g, '');

const ETHNIC_BY_KEY = new Map<string, string>();
for (const g of ETHNIC_GROUPS) for (const n of [g.name, ...g.aliases]) ETHNIC_BY_KEY.set(looseKey(n), g.name);

/** An ethnic group's standard name ("Khmer" → "Khơ-me", "H'Mông" → "Mông"); unknown names kept with a warning. */
export function parseEthnicity(v: unknown): Parsed<string | null> {
  const text = valueToText(v);
  if (text === null) return ok(null);
  const bare = text.replace(/^(dân tộc|người)\s+/iu, '');
  const name = ETHNIC_BY_KEY.get(looseKey(bare));
  if (name) return ok(name);
  return ok(bare, msg(`Dân tộc "${bare}" không có trong danh mục 54 dân tộc; giữ nguyên`, `Ethnic group "${bare}" is not in the list of 54; kept as typed`));
}

// ---------------------------------------------------------------------------------------
// Staff category

export type StaffCategory = 'cong_chuc' | 'vien_chuc' | 'nguoi_lao_dong';

/** "Công chức" / "CC", "Viên chức" / "VC", "Người lao động" / "NLĐ" / "Hợp đồng" → category. */
export function parseStaffCategory(v: unknown): Parsed<StaffCategory | null> {
  const text = valueToText(v);
  if (text === null) return ok(null);
  const key = plainKey(text);
  if (/^(cong chuc|cc|can bo cong chuc|can bo)$/.test(key)) return ok('cong_chuc');
  if (/^(vien chuc|vc)$/.test(key)) return ok('vien_chuc');
  if (/^(nguoi lao dong|nld|lao dong|hop dong|hd|hop dong lao dong|hdld)\b/.test(key)) return ok('nguoi_lao_dong');
  return fail(
    `Không nhận ra loại "${text}" (Công chức, Viên chức, Người lao động)`,
    `Unrecognised category "${text}" (civil servant, public employee, employee)`,
  );
}

// ---------------------------------------------------------------------------------------
// Footer rows

/** Totals, compared with their tone marks: "Tổng", "Cộng" ("Tống" is a surname, "Công" a given name). */
const TOTAL_START = /^(tổng cộng|tổng số|tổng|cộng)(?=$|[\s:.(\d])/u;
/** Signature blocks and closing sentences, compared mark-free. */
const SIGNATURE_START = /^(nguoi lap( bieu| bang)?|thu truong( don vi| co quan)?|xac nhan( cua)?|danh sach (nay )?co|an dinh danh sach)\b/;
/** "Kon Tum, ngày 15 tháng 3 năm 2026", "ngày … tháng … năm …". */
const PLACE_AND_DATE = /^([a-z ]+, )?ngay( \d{1,2}| \.+| …+)? thang/;

/**
 * A row that ends the data: a total ("Tổng cộng: 25 người", "Cộng") or a signature block
 * ("Người lập biểu", "Thủ trưởng đơn vị", "Kon Tum, ngày … tháng … năm …"). A row whose
 * first filled cell is a number (the row number of a person) never is.
 */
export function isFooterRow(cells: readonly unknown[]): boolean {
  const first = cells.find((c) => !isBlank(c));
  if (first === undefined || typeof first === 'number' || first instanceof Date) return false;
  const text = valueToText(first)!;
  if (/^\d+$/.test(text)) return false;
  if (TOTAL_START.test(text.toLowerCase())) return true;
  return SIGNATURE_START.test(plainKey(text)) || PLACE_AND_DATE.test(searchKey(text));
}

/**
 * Leading words of unit and place names that office files drop or abbreviate ("P. Kế toán",
 * "Kế toán", "Ấp Tân Khánh", "Tân Khánh"; "Dòng họ Nguyễn", "Nguyễn").
 */
const PLACE_KIND_WORDS = /^(phong|p|khoa|k|tram y te|tram|van phong|ban|to|doi|trung tam|ap|thon|to dan pho|khom|khu pho|xa|phuong|dong ho)\s+/;

/** The mark-free keys a unit or place name is known by: as written, and without its kind word. */
export function placeNameKeys(name: string): string[] {
  const key = searchKey(name).replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  return [...new Set([key, key.replace(PLACE_KIND_WORDS, '')])];
}
