/**
 * Vietnamese text helpers shared by the server and the browser (no Node-only APIs,
 * no dependencies): normalisation, search keys, sort keys and dd/mm/yyyy dates.
 *
 * Sort keys are pure printable ASCII so that PostgreSQL (COLLATE "C", bytewise) and plain
 * JS `<` on strings agree. A key is
 *
 *     primary            when the text has no tone marks, else
 *     primary + ' ' + tones
 *
 * primary: one code per character, compared left to right:
 *   ' '  (0x20)   separator before the tones; lower than every primary code
 *   '!'           a space (word boundary), so "An" < "An Bình" < "Anh"
 *   '"'           any punctuation or symbol (all alike), before digits
 *   '0'-'9'       digits
 *   'a'-'z'       the plain Latin letters (f j w z land in their Latin positions)
 *   'a{' 'a|'     ă â    'd{' đ    'e{' ê    'o{' 'o|' ô ơ    'u{' ư
 *   'z}'          any other letter (Greek, CJK...), after z
 * A modified letter is its base letter followed by a char above 'z', so it sorts after
 * every word that continues with the plain letter: an < az < ăn < ân < b.
 * tones: one digit per letter, ngang '0' < huyền '1' < hỏi '2' < ngã '3' < sắc '4' < nặng '5'
 * (the order Intl.Collator('vi') uses), trailing '0's dropped. Tones only decide when the
 * primaries are equal, and then both tone strings have one digit per letter.
 */

/** Unicode NFC, trimmed, inner runs of whitespace collapsed to one space. */
export function nfc(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Mark-free, lower-case search key: 'Nguyễn Văn Đức' -> 'nguyen van duc'. */
export function searchKey(s: string): string {
  return nfc(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đð]/g, 'd'); // ð (U+00F0) is a common stand-in for đ in badly converted data
}

// Combining marks (as found after NFD) that make a new letter of the alphabet.
const MODIFIED: Record<string, string> = {
  'a\u0306': 'a{', // ă
  'a\u0302': 'a|', // â
  'e\u0302': 'e{', // ê
  'o\u0302': 'o{', // ô
  'o\u031b': 'o|', // ơ
  'u\u031b': 'u{', // ư
};

// Tone marks -> tone digit; no tone mark (ngang) is '0'.
const TONES: Record<string, string> = {
  '\u0300': '1', // huyền
  '\u0309': '2', // hỏi
  '\u0303': '3', // ngã
  '\u0301': '4', // sắc
  '\u0323': '5', // nặng
};

/** Primary codes and per-letter tone digits (trailing zeros kept) of a text. */
function encode(s: string): { primary: string; tones: string } {
  let primary = '';
  let tones = '';
  const text = nfc(s).toLowerCase().normalize('NFD');
  // One cluster = a base character followed by its combining marks.
  for (const cluster of text.match(/\P{M}\p{M}*/gu) ?? []) {
    const [base = '', ...marks] = [...cluster];
    if ((base >= 'a' && base <= 'z') || base === 'đ' || base === 'ð') {
      let code = base >= 'a' && base <= 'z' ? base : 'd{';
      let tone = '0';
      for (const mark of marks) {
        if (TONES[mark]) tone = TONES[mark];
        else code = MODIFIED[base + mark] ?? code; // other marks (ü, ç...) are ignored
      }
      primary += code;
      tones += tone;
    } else if (base >= '0' && base <= '9') {
      primary += base;
    } else if (base === ' ') {
      primary += '!';
    } else if (/\p{L}/u.test(base)) {
      primary += 'z}';
      tones += '0';
    } else {
      primary += '"';
    }
  }
  return { primary, tones };
}

function joinKey(primary: string, tones: string): string {
  const t = tones.replace(/0+$/, '');
  return t ? `${primary} ${t}` : primary;
}

/** Sort key for general text (organisation names, titles...). */
export function sortKey(s: string): string {
  const { primary, tones } = encode(s);
  return joinKey(primary, tones);
}

/**
 * Sort key for a person's full name, in Vietnamese office-list order: given name (last
 * word) first, then family + middle names as one string, then the tones of the given name
 * and then of the rest. "Nguyễn Văn An" -> primary 'an!nguyen!va{n'.
 */
export function personSortKey(fullName: string): string {
  const words = nfc(fullName).split(' ');
  const given = encode(words.pop() ?? '');
  if (words.length === 0) return joinKey(given.primary, given.tones);
  const rest = encode(words.join(' '));
  // '!' is below every code a (space-free) given name can contain, so given names compare first.
  return joinKey(`${given.primary}!${rest.primary}`, given.tones + rest.tones);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compare two texts by sortKey (for in-memory lists; precompute keys for big ones). */
export function compareVi(a: string, b: string): number {
  return compareStrings(sortKey(a), sortKey(b));
}

/** Compare two full names by personSortKey. */
export function comparePersonNames(a: string, b: string): number {
  return compareStrings(personSortKey(a), personSortKey(b));
}

// ---------------------------------------------------------------------------------------
// Dates. Vietnam is UTC+7 all year (no DST), so a fixed offset is used: no Intl time zone
// data needed.

const VN_OFFSET_MS = 7 * 3600 * 1000;

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  dateOnly: boolean;
}

function isRealDate(y: number, mo: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return y >= 1 && days !== undefined && d >= 1 && d <= days;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'dd/mm/yyyy' (or d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) -> 'yyyy-mm-dd'; null if not a real date. */
export function parseDate(s: string): string | null {
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec((s ?? '').trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return isRealDate(y, mo, d) ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : null;
}

function fromEpoch(ms: number): Parts | null {
  if (!Number.isFinite(ms)) return null;
  const v = new Date(ms + VN_OFFSET_MS); // read with getUTC* = Vietnam wall clock
  return {
    y: v.getUTCFullYear(),
    mo: v.getUTCMonth() + 1,
    d: v.getUTCDate(),
    h: v.getUTCHours(),
    mi: v.getUTCMinutes(),
    dateOnly: false,
  };
}

// 'yyyy-mm-dd', optionally with a time ('T' or space), seconds, fraction and zone offset.
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Vietnam wall-clock parts of a Date, an ISO date or an ISO timestamp; null if invalid. */
function vnParts(input: string | Date | null | undefined): Parts | null {
  if (input == null) return null;
  if (input instanceof Date) return fromEpoch(input.getTime());
  const m = ISO_RE.exec(String(input).trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return null;
  // A plain date is a calendar day: no time zone shift.
  if (m[4] === undefined) return { y, mo, d, h: 0, mi: 0, dateOnly: true };
  const [h, mi, zone] = [Number(m[4]), Number(m[5]), m[6]];
  if (h > 23 || mi > 59) return null;
  // No offset: taken as Vietnam wall time already (never as the machine's local time).
  if (zone === undefined) return { y, mo, d, h, mi, dateOnly: false };
  // Seconds cannot change the minute once shifted by a whole-minute offset, so drop them.
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMin = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3) || 0)) * (zone[0] === '-' ? -1 : 1);
  }
  return fromEpoch(Date.UTC(y, mo - 1, d, h, mi) - offsetMin * 60_000);
}

/** 'dd/mm/yyyy' of an ISO date, ISO timestamp or Date (Vietnam time); '' if null or invalid. */
export function formatDate(d: string | Date | null | undefined): string {
  const p = vnParts(d);
  return p ? `${pad(p.d)}/${pad(p.mo)}/${pad(p.y, 4)}` : '';
}

/**
 * 'dd/mm/yyyy HH:mm' in Vietnam time; '' if null or invalid. A date-only input
 * ('yyyy-mm-dd') has no time of day and gives just 'dd/mm/yyyy'.
 */
export function formatDateTime(d: string | Date | null | undefined): string {
  const p = vnParts(d);
  if (!p) return '';
  const date = `${pad(p.d)}/${pad(p.mo)}/${pad(p.y, 4)}`;
  return p.dateOnly ? date : `${date} ${pad(p.h)}:${pad(p.mi)}`;
}
