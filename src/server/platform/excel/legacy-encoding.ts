/**
 * Vietnamese legacy 8-bit font encodings, as they survive in Excel files.
 *
 * Before Unicode, Vietnamese offices typed with fonts whose glyphs sat on Latin-1 code
 * points. Excel stores text in Unicode, so a cell typed in such a font holds the Latin-1
 * characters of the old bytes: "Nguyễn Văn Đức" is "NguyÔn V¨n §øc" (TCVN3, font .VnTime)
 * or "Nguyeãn Vaên Ñöùc" (VNI, font VNI-Times). This module recognises and converts both.
 *
 * TCVN3 (ABC, TCVN 5712:1993 "VN3"): one code per lower-case letter, tone included. The
 * upper-case letters with a tone have no code: offices used separate "H" fonts (.VnTimeH)
 * that draw the lower-case codes as capitals. Only Ă Â Ê Ô Ơ Ư Đ have capital codes.
 * Decoding therefore gives lower case for those letters; see `restoreCase` for the two
 * heuristics that bring the capitals back (all-caps cells, a capital initial of a name).
 * The VN1 capitals that live in 0xA0-0xFF (Ấ at 0xC4 ...) are decoded too; the VN1 codes
 * in 0x80-0x9F and the C0 range are not, because CP1252 puts – ’ “ ” … there, which TCVN3
 * text uses as punctuation.
 *
 * VNI (VNI-Times): a base letter followed by a mark character, upper case with upper-case
 * marks ("aù" = á, "AÙ" = Á, "oá" = ố, "aê" = ă, "ô" = ơ, "ö" = ư, "ñ" = đ, "í ì æ ó ò" =
 * í ì ỉ ĩ ị, "î" = ỵ).
 *
 * Tables checked against: glibc iconv TCVN5712-1 (all of 0xA0-0xFF), xvnkb tcvn.h and
 * vni.h (Dao Hai Lam), the C# Unicode2TCVN3 table of Eruylz/XuatThuy and the charsets of
 * duydev/vietnamese-conversion (TCVN3 and VNI).
 */

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni';
export type LegacyEncoding = Exclude<TextEncoding, 'unicode'>;

// ---------------------------------------------------------------------------------------
// TCVN3 tables

/** Lower-case letters: [unicode, tcvn3 code]. The code for ư is U+00AD (soft hyphen). */
const TCVN3_LOWER: ReadonlyArray<readonly [string, string]> = [
  ['á', '¸'], ['à', 'µ'], ['ả', '¶'], ['ã', '·'], ['ạ', '¹'],
  ['ă', '¨'], ['ắ', '¾'], ['ằ', '»'], ['ẳ', '¼'], ['ẵ', '½'], ['ặ', 'Æ'],
  ['â', '©'], ['ấ', 'Ê'], ['ầ', 'Ç'], ['ẩ', 'È'], ['ẫ', 'É'], ['ậ', 'Ë'],
  ['é', 'Ð'], ['è', 'Ì'], ['ẻ', 'Î'], ['ẽ', 'Ï'], ['ẹ', 'Ñ'],
  ['ê', 'ª'], ['ế', 'Õ'], ['ề', 'Ò'], ['ể', 'Ó'], ['ễ', 'Ô'], ['ệ', 'Ö'],
  ['í', 'Ý'], ['ì', '×'], ['ỉ', 'Ø'], ['ĩ', 'Ü'], ['ị', 'Þ'],
  ['ó', 'ã'], ['ò', 'ß'], ['ỏ', 'á'], ['õ', 'â'], ['ọ', 'ä'],
  ['ô', '«'], ['ố', 'è'], ['ồ', 'å'], ['ổ', 'æ'], ['ỗ', 'ç'], ['ộ', 'é'],
  ['ơ', '¬'], ['ớ', 'í'], ['ờ', 'ê'], ['ở', 'ë'], ['ỡ', 'ì'], ['ợ', 'î'],
  ['ú', 'ó'], ['ù', 'ï'], ['ủ', 'ñ'], ['ũ', 'ò'], ['ụ', 'ô'],
  ['ư', '\u00AD'], ['ứ', 'ø'], ['ừ', 'õ'], ['ử', 'ö'], ['ữ', '÷'], ['ự', 'ù'],
  ['ý', 'ý'], ['ỳ', 'ú'], ['ỷ', 'û'], ['ỹ', 'ü'], ['ỵ', 'þ'],
  ['đ', '®'],
];

/** The only capitals TCVN3 (VN3) encodes. */
const TCVN3_UPPER: ReadonlyArray<readonly [string, string]> = [
  ['Ă', '¡'], ['Â', '¢'], ['Ê', '£'], ['Ô', '¤'], ['Ơ', '¥'], ['Ư', '¦'], ['Đ', '§'],
];

/** VN1 capitals with a tone that sit in 0xA0-0xFF: decoded, never produced. */
const TCVN3_VN1_CAPITALS: ReadonlyArray<readonly [string, string]> = [
  ['Ằ', '¯'], ['Ẳ', 'º'], ['Ẵ', '¿'], ['Ắ', 'À'], ['Ầ', 'Á'], ['Ẩ', 'Â'], ['Ẫ', 'Ã'], ['Ấ', 'Ä'],
  ['Ề', 'Å'], ['Ể', 'Í'], ['Ễ', 'Ù'], ['Ế', 'Ú'], ['Ồ', 'Û'], ['Ổ', 'à'], ['Ỗ', 'ð'], ['Ố', 'ÿ'],
];

const TCVN3_DECODE = new Map<string, string>(
  [...TCVN3_LOWER, ...TCVN3_UPPER, ...TCVN3_VN1_CAPITALS].map(([uni, code]) => [code, uni]),
);
const TCVN3_ENCODE = new Map<string, string>([...TCVN3_LOWER, ...TCVN3_UPPER]);
const TCVN3_UPPER_CODES = new Set(TCVN3_UPPER.map(([, code]) => code));
/**
 * Lower-case codes whose capital has no code of its own (the letters with a tone): in an
 * ABC "H" font they also stand for the capital. ă â ê ô ơ ư đ are not among them.
 */
const TCVN3_AMBIGUOUS_CODES = new Set(
  TCVN3_LOWER.filter(([uni]) => !TCVN3_UPPER.some(([upper]) => upper.toLowerCase() === uni)).map(([, code]) => code),
);

// ---------------------------------------------------------------------------------------
// VNI tables, generated from the structure of the encoding.

const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const; // sắc huyền hỏi ngã nặng
/** Marks after a plain vowel or after ơ (ô) / ư (ö), in the order of TONES. */
const VNI_TONE = ['ù', 'ø', 'û', 'õ', 'ï'] as const;
/** Circumflex (â ê ô) with no tone, then with each tone. */
const VNI_CIRCUMFLEX = ['â', 'á', 'à', 'å', 'ã', 'ä'] as const;
/** Breve (ă) with no tone, then with each tone. */
const VNI_BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'] as const;
/** i with each tone: single characters. */
const VNI_I = ['í', 'ì', 'æ', 'ó', 'ò'] as const;

/** [unicode lower-case letter, vni lower-case sequence] for every Vietnamese letter. */
function vniLowerPairs(): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const compose = (s: string) => s.normalize('NFC');
  // Plain vowels a e o u y, and ơ (ô) ư (ö): tone marks follow the base.
  for (const [base, code] of [['a', 'a'], ['e', 'e'], ['o', 'o'], ['u', 'u'], ['y', 'y'], ['o\u031B', 'ô'], ['u\u031B', 'ö']]) {
    if (base.length > 1) pairs.push([compose(base), code]);
    TONES.forEach((tone, i) => {
      if (base === 'y' && i === 4) return; // ỵ is the single character î
      pairs.push([compose(base + tone), code + VNI_TONE[i]]);
    });
  }
  for (const base of ['a', 'e', 'o']) {
    pairs.push([compose(base + '\u0302'), base + VNI_CIRCUMFLEX[0]]);
    TONES.forEach((tone, i) => pairs.push([compose(base + '\u0302' + tone), base + VNI_CIRCUMFLEX[i + 1]]));
  }
  pairs.push(['ă', 'a' + VNI_BREVE[0]]);
  TONES.forEach((tone, i) => pairs.push([compose('a\u0306' + tone), 'a' + VNI_BREVE[i + 1]]));
  TONES.forEach((tone, i) => pairs.push([compose('i' + tone), VNI_I[i]]));
  pairs.push(['ỵ', 'î'], ['đ', 'ñ']);
  return pairs;
}

const VNI_LOWER = vniLowerPairs();
/** VNI capitals are the lower-case sequences in upper case: "aù" → "AÙ", "ô" → "Ô". */
const VNI_PAIRS = [...VNI_LOWER, ...VNI_LOWER.map(([u, v]) => [u.toUpperCase(), v.toUpperCase()] as [string, string])];
const VNI_ENCODE = new Map<string, string>(VNI_PAIRS);
const VNI_DECODE = new Map<string, string>(VNI_PAIRS.map(([u, v]) => [v, u]));
// Mixed case (a capital base with a lower-case mark or the reverse) follows the base letter.
for (const [u, v] of VNI_LOWER) {
  if (v.length !== 2) continue;
  VNI_DECODE.set(v[0]! + v[1]!.toUpperCase(), u);
  VNI_DECODE.set(v[0]!.toUpperCase() + v[1]!, u.toUpperCase());
}

// ---------------------------------------------------------------------------------------
// Conversion

export interface ConvertOptions {
  /**
   * TCVN3 only: the cell's font is an ABC capitals font (.VnTimeH ...), so the whole text
   * is upper case. Without it, all-caps cells are still recognised by `restoreCase`.
   */
  allCaps?: boolean;
}

/** Legacy text → NFC Unicode. 'unicode' text is only normalised to NFC. */
export function convertLegacy(text: string, enc: TextEncoding, opts: ConvertOptions = {}): string {
  if (enc === 'tcvn3') return decodeTcvn3(text, opts);
  if (enc === 'vni') return decodeVni(text);
  return text.normalize('NFC');
}

function decodeTcvn3(text: string, opts: ConvertOptions): string {
  if (opts.allCaps) return decodeTcvn3Chars(text).toUpperCase().normalize('NFC');
  return restoreCase(text).normalize('NFC');
}

const decodeTcvn3Chars = (s: string) => [...s].map((ch) => TCVN3_DECODE.get(ch) ?? ch).join('');

/**
 * Decodes TCVN3 and restores capitals the encoding could not carry:
 * - all caps: the cell has no lower-case ASCII letter and either two words are written in
 *   capitals (at least two of A-Z, ¡¢£¤¥¦§ each) or one such word holds a capital-only
 *   code: "Hä Vµ T£N" → "HỌ VÀ TÊN", "NGµY SINH" → "NGÀY SINH"; but "Sè CCCD" stays "Số
 *   CCCD". Otherwise a word in capitals is upper-cased alone ("NGUYÔN" → "NGUYỄN");
 * - title case: when every other word starts with a capital, the first or last word
 *   starting with a toned-letter code gets a capital: "Lª ThÞ Ngäc ¸nh" → "Lê Thị Ngọc Ánh".
 */
function restoreCase(text: string): string {
  const words = text.split(/(\s+)/); // separators kept at odd indices
  const decoded = words.map(decodeTcvn3Chars);
  const wordIdx = words.map((w, i) => (i % 2 === 0 && w !== '' ? i : -1)).filter((i) => i >= 0);
  const capitalSigns = (w: string) => [...w].filter((ch) => (ch >= 'A' && ch <= 'Z') || TCVN3_UPPER_CODES.has(ch)).length;
  const inCapitals = (w: string) => !/[a-z]/.test(w) && capitalSigns(w) >= 2;
  const capsWords = wordIdx.filter((i) => inCapitals(words[i]!));
  const capitalOnlyCode = capsWords.some((i) => [...words[i]!].some((ch) => TCVN3_UPPER_CODES.has(ch)));

  if (!/[a-z]/.test(text) && (capsWords.length >= 2 || capitalOnlyCode)) return decoded.join('').toUpperCase();
  for (const i of capsWords) decoded[i] = decoded[i]!.toUpperCase();

  const startsCapital = (w: string) => /^[A-Z]/.test(w) || TCVN3_UPPER_CODES.has(w[0] ?? '');
  const startsAmbiguous = (w: string) => TCVN3_AMBIGUOUS_CODES.has(w[0] ?? '') && !/[A-Z]/.test(w);
  const isWord = (w: string) => /\p{L}/u.test(w);
  if (wordIdx.length >= 2) {
    for (const i of new Set([wordIdx[0]!, wordIdx[wordIdx.length - 1]!])) {
      const others = wordIdx.filter((j) => j !== i && isWord(words[j]!));
      if (startsAmbiguous(words[i]!) && others.length > 0 && others.every((j) => startsCapital(words[j]!))) {
        decoded[i] = decoded[i]!.charAt(0).toUpperCase() + decoded[i]!.slice(1);
      }
    }
  }
  return decoded.join('');
}

function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const two = VNI_DECODE.get(text.slice(i, i + 2));
    if (two !== undefined && i + 1 < text.length) {
      out += two;
      i += 2;
      continue;
    }
    const ch = text[i]!;
    out += VNI_DECODE.get(ch) ?? ch;
    i += 1;
  }
  return out.normalize('NFC');
}

/**
 * Unicode → legacy text, as an office computer would have stored it (used by test
 * fixtures). TCVN3 capitals with a tone get their lower-case code, as typed with an ABC
 * "H" font.
 */
export function encodeLegacy(text: string, enc: TextEncoding): string {
  const nfcText = text.normalize('NFC');
  if (enc === 'unicode') return nfcText;
  const table = enc === 'tcvn3' ? TCVN3_ENCODE : VNI_ENCODE;
  return [...nfcText]
    .map((ch) => table.get(ch) ?? (enc === 'tcvn3' ? TCVN3_ENCODE.get(ch.toLowerCase()) : undefined) ?? ch)
    .join('');
}

// ---------------------------------------------------------------------------------------
// Fonts

/** The legacy encoding a font name implies: ".VnTime", ".VnArialH" → tcvn3; "VNI-Times" → vni. */
export function encodingOfFont(fontName: string | null | undefined): LegacyEncoding | null {
  const name = (fontName ?? '').trim();
  if (/^\.vn/i.test(name)) return 'tcvn3';
  if (/^vni[-\s]/i.test(name)) return 'vni';
  return null;
}

/** ABC capitals fonts (.VnTimeH, .VnArialH ...) draw every letter as a capital. */
export function isTcvn3CapitalsFont(fontName: string | null | undefined): boolean {
  return encodingOfFont(fontName) === 'tcvn3' && /h$/i.test((fontName ?? '').trim());
}

// ---------------------------------------------------------------------------------------
// Detection

/** Letters (or marks) only Unicode Vietnamese text has: beyond Latin-1, or combining (NFD). */
const UNICODE_VIET = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B]/gu;

const L1 = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF';
/** TCVN3 codes in 0xA1-0xBE touching a letter: "V¨n", "§øc", "Tr\u00ADêng". */
const TCVN3_SYMBOL = new RegExp(`(?<=[${L1}])[\\u00A1-\\u00AE\\u00B5-\\u00B9\\u00BB-\\u00BE]|[\\u00A1-\\u00AE\\u00B5-\\u00B9\\u00BB-\\u00BE](?=[${L1}])`, 'g');
/** A lower-case ASCII letter followed by a Latin-1 capital (TCVN3 codes ấ-ệ, ì, ị ...): "NguyÔn". */
const TCVN3_CAPITAL_INSIDE = /[a-z][\u00C0-\u00D6\u00D8-\u00DE]/g;

/**
 * VNI base + mark pairs that Unicode Vietnamese, French and TCVN3 text do not produce.
 * Left out on purpose: "oà oá oã" (Unicode "hoà", "toán"), "uû" (TCVN3 "Thuû" = Thuỷ),
 * "ñy" (TCVN3 "ñy" = Ủy), marks after i (Unicode "giá").
 */
const VNI_PATTERNS: RegExp[] = [
  /[aA][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]/g,
  /[eE][ùøûõïâáàåãäÙØÛÕÏÂÁÀÅÃÄ]/g,
  /[oO][ùøûõïâåäÙØÛÕÏÂÅÄ]/g,
  /[uU][ùøõïÙØÕÏ]/g,
  /[yY][ùøûõÙØÛÕ]/g,
  /[ôöÔÖ][ùøûõïÙØÛÕÏ]/g,
  // đ at the start of a word ("ñi", "Ñöùc"); not before y (TCVN3 "ñy" is "ủy")
  new RegExp(`(?<![${L1}])[ñÑ](?![yY])(?=[${L1}])`, 'g'),
];

/** VNI mark characters (never letters on their own in VNI text). */
const VNI_MARKS = 'ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË';
/**
 * A VNI mark after something that is not a VNI vowel base: VNI cannot produce it, while
 * Unicode Vietnamese ("Hà", "Lê"), French ("café") and TCVN3 ("häc") text do.
 */
const NOT_VNI = new RegExp(`(?<![aeouyAEOUYôöÔÖ])[${VNI_MARKS}]`, 'g');
/** TCVN3 codes that are rare letters elsewhere (ß × ÷ Þ þ ð å æ ø, ä ë ï ö ü after a consonant). */
const TCVN3_RARE_LETTER = /(?<=[A-Za-z])[ß×÷Þþðåæø]|(?<=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])[äëïöü]/g;

const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;

export interface EncodingScores {
  /** Letters only Unicode Vietnamese has (beyond Latin-1, or combining marks). */
  unicode: number;
  /** TCVN3 code patterns. */
  tcvn3: number;
  /** VNI base + mark pairs, less the marks VNI could not have produced (at least 0). */
  vni: number;
  /** Marks VNI could not have produced: evidence for Latin-1 text (Unicode Vietnamese, French). */
  notVni: number;
}

/** Evidence counts for one text. */
export function scoreText(text: string): EncodingScores {
  const notVni = count(text, NOT_VNI);
  return {
    unicode: count(text, UNICODE_VIET),
    tcvn3: count(text, TCVN3_SYMBOL) + count(text, TCVN3_CAPITAL_INSIDE) + count(text, TCVN3_RARE_LETTER),
    vni: Math.max(0, VNI_PATTERNS.reduce((n, re) => n + count(text, re), 0) - notVni),
    notVni,
  };
}

type TextClass = TextEncoding | 'latin' | 'neutral';

/** What one text says: an encoding, 'latin' (accented Latin-1 text, not VNI) or nothing. */
function classifyText(text: string): TextClass {
  const s = scoreText(text);
  if (s.unicode > 0 && s.unicode >= s.tcvn3 + s.vni) return 'unicode';
  if (s.tcvn3 > s.vni) return 'tcvn3';
  if (s.vni > s.tcvn3) return 'vni';
  return s.notVni > 0 ? 'latin' : 'neutral';
}

/** The encoding one text most likely uses; 'unicode' when nothing says otherwise. */
export function detectTextEncoding(text: string): TextEncoding {
  const c = classifyText(text);
  return c === 'tcvn3' || c === 'vni' ? c : 'unicode';
}

/**
 * The encoding of a sheet from a sample of its text cells. Each cell with non-ASCII text
 * votes: unicode (Vietnamese letters beyond Latin-1), tcvn3 or vni (their code patterns),
 * latin (accents VNI cannot produce and no TCVN3 pattern: "Hà", "café"). A legacy
 * encoding wins when it has more votes than unicode, speaks for at least a quarter of the
 * non-ASCII cells, and is not outweighed by latin votes (more latin than vni votes; more
 * than twice as many as tcvn3 votes, since TCVN3 words such as "Phã" look latin).
 * ASCII-only or empty samples are 'unicode'.
 */
export function detectLegacyEncoding(samples: Iterable<string>): TextEncoding {
  const votes: Record<TextClass, number> = { unicode: 0, tcvn3: 0, vni: 0, latin: 0, neutral: 0 };
  let nonAscii = 0;
  for (const text of samples) {
    if (typeof text !== 'string' || !/[^\x00-\x7F]/.test(text)) continue;
    nonAscii += 1;
    votes[classifyText(text)] += 1;
  }
  const legacy: LegacyEncoding = votes.tcvn3 >= votes.vni ? 'tcvn3' : 'vni';
  const legacyVotes = votes[legacy];
  if (legacyVotes === 0 || legacyVotes <= votes.unicode) return 'unicode';
  if (legacyVotes < nonAscii * 0.25) return 'unicode';
  if (votes.latin > legacyVotes * (legacy === 'tcvn3' ? 2 : 1)) return 'unicode';
  return legacy;
}
