/**
 * Column detection for imported sheets: which row is the header, and which column holds
 * which field. Pure: works on the first rows of a sheet as text (see read-sheet's cellText).
 *
 * Headers are compared through `headerKey`: mark-free lower case (searchKey: đ → d),
 * notes in brackets dropped ("(*)", "(dd/mm/yyyy)"), punctuation and line breaks as single
 * spaces. So "Họ và tên", "HỌ VÀ TÊN", "Ho va ten", "Họ, tên" and "Họ và tên (*)" all match.
 */
import { searchKey } from '../../../shared/vn-text.js';

export interface ImportField {
  key: string;
  labelVi: string;
  labelEn: string;
  /** Vietnamese header spellings (any case, marks, punctuation). */
  aliases: string[];
  required?: boolean;
  /**
   * Header words (as headerKey gives them) that rule out a partial match: "Ngày vào Đảng"
   * contains the alias "Ngày vào" but is not the start date.
   */
  exclude?: string[];
}

/** A cell of the first rows of a sheet, as text. */
export type CellText = string | null | undefined;

/** The row-number column ("STT", "TT", "Số TT"): recognised so it is not mistaken, then ignored. */
export const ROW_NO_KEY = '_rowNo';
/**
 * Official lists often split a column by sex: "Ngày sinh" over "Nam | Nữ" (the date is
 * written in the column of the person's sex), or plain "Nam | Nữ" columns holding an "x".
 */
export const BIRTH_DATE_MALE_KEY = '_birthDateMale';
export const BIRTH_DATE_FEMALE_KEY = '_birthDateFemale';
export const SEX_MALE_KEY = '_sexMale';
export const SEX_FEMALE_KEY = '_sexFemale';

const ROW_NO_FIELD: ImportField = {
  key: ROW_NO_KEY,
  labelVi: 'Số thứ tự',
  labelEn: 'Row number',
  aliases: ['STT', 'TT', 'Số TT', 'Số thứ tự', 'Thứ tự', 'No'],
};

const f = (key: string, labelVi: string, labelEn: string, aliases: string[], required = false, exclude?: string[]): ImportField => ({
  key,
  labelVi,
  labelEn,
  aliases: [labelVi, ...aliases],
  ...(required ? { required } : {}),
  ...(exclude ? { exclude } : {}),
});

/** Party and youth-union columns ("Ngày vào Đảng", "Chức vụ Đoàn") look like staff fields. */
const PARTY_WORDS = ['dang', 'doan'];

// Fields shared by the staff and resident catalogues.
const fullName = f('fullName', 'Họ và tên', 'Full name', ['Họ tên', 'Họ và tên khai sinh', 'Tên cán bộ', 'Họ và tên cán bộ', 'Họ và tên người'], true);
const birthDate = f('birthDate', 'Ngày sinh', 'Date of birth', ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Năm sinh', 'Sinh ngày', 'NS'], true);
const sex = f('sex', 'Giới tính', 'Sex', ['Nam/Nữ', 'Nam, nữ', 'Phái', 'GT']);
const ethnicity = f('ethnicity', 'Dân tộc', 'Ethnicity', ['DT']);
const citizenId = f('citizenId', 'Số CCCD', 'Citizen ID number', [
  'CCCD', 'Căn cước công dân', 'Số căn cước công dân', 'Số căn cước', 'Căn cước', 'Số định danh cá nhân',
  'Số định danh', 'Mã định danh', 'CMND/CCCD', 'Số CMND/CCCD', 'CCCD/CMND', 'Số CMND', 'CMND',
]);
const phone = f('phone', 'Số điện thoại', 'Phone number', ['SĐT', 'Điện thoại', 'ĐT', 'Số ĐT', 'Điện thoại di động', 'Di động', 'ĐTDĐ']);
const generalEducation = f('generalEducation', 'Trình độ văn hóa', 'General education', [
  'Văn hóa', 'Trình độ GDPT', 'Giáo dục phổ thông', 'Trình độ giáo dục phổ thông', 'TĐVH', 'Học vấn', 'Trình độ học vấn',
]);
const qualification = f('qualification', 'Trình độ chuyên môn', 'Professional qualification', [
  'TĐCM', 'Chuyên môn', 'Trình độ CMNV', 'Trình độ chuyên môn nghiệp vụ', 'Chuyên môn nghiệp vụ', 'Trình độ đào tạo',
]);
const foreignLanguage = f('foreignLanguage', 'Ngoại ngữ', 'Foreign languages', ['Trình độ ngoại ngữ', 'TĐNN']);
const note = f('note', 'Ghi chú', 'Note', ['GC', 'Ghi chú khác']);

export const STAFF_FIELDS: readonly ImportField[] = [
  fullName,
  birthDate,
  sex,
  ethnicity,
  citizenId,
  phone,
  f('email', 'Email', 'Email', ['E-mail', 'Thư điện tử', 'Địa chỉ email', 'Địa chỉ thư điện tử']),
  f('unit', 'Đơn vị', 'Unit', ['Phòng', 'Khoa/Phòng', 'Đơn vị công tác', 'Phòng ban', 'Phòng, ban', 'Bộ phận', 'Khoa', 'Phòng/Khoa', 'Nơi công tác']),
  f('position', 'Chức vụ', 'Position', ['Chức vụ hiện tại', 'Chức danh', 'Chức vụ, chức danh', 'Chức vụ/Chức danh'], false, PARTY_WORDS),
  f('isLeader', 'Lãnh đạo, quản lý', 'Leader or manager', ['Lãnh đạo quản lý', 'Là lãnh đạo', 'Lãnh đạo', 'LĐQL', 'Cán bộ lãnh đạo, quản lý']),
  f('category', 'Loại', 'Category', ['Đối tượng', 'Loại cán bộ', 'Phân loại', 'Công chức/Viên chức', 'CC/VC/NLĐ', 'Loại hình']),
  f('rank', 'Ngạch', 'Civil-service rank or professional title', [
    'Chức danh nghề nghiệp', 'Ngạch/Chức danh', 'Ngạch/Chức danh nghề nghiệp', 'Ngạch, chức danh nghề nghiệp', 'Ngạch công chức', 'CDNN', 'Hạng chức danh nghề nghiệp',
  ]),
  f('startDate', 'Ngày vào', 'Start date', ['Từ ngày', 'Ngày vào cơ quan', 'Ngày tuyển dụng', 'Ngày bắt đầu công tác', 'Ngày vào ngành', 'Ngày bắt đầu'], false, PARTY_WORDS),
  generalEducation,
  qualification,
  foreignLanguage,
  f('ethnicLanguage', 'Tiếng dân tộc', 'Ethnic minority language', ['Tiếng dân tộc thiểu số', 'Trình độ tiếng dân tộc', 'Tiếng DTTS']),
  f('itSkill', 'Tin học', 'IT skills', ['Trình độ tin học', 'TĐTH']),
  f('emulationTitle', 'Danh hiệu thi đua', 'Emulation title', ['Danh hiệu', 'Thi đua']),
  note,
];

export const RESIDENT_FIELDS: readonly ImportField[] = [
  f('householdCode', 'Mã hộ', 'Household code', ['Số hộ', 'STT hộ', 'Mã hộ gia đình', 'Mã số hộ', 'Hộ số', 'Số hộ khẩu']),
  f('householdHead', 'Chủ hộ', 'Head of household', ['Họ và tên chủ hộ', 'Họ tên chủ hộ', 'Tên chủ hộ']),
  f('relation', 'Quan hệ với chủ hộ', 'Relation to the head of household', ['QH với chủ hộ', 'Quan hệ với CH', 'QH với CH', 'Quan hệ', 'QHCH']),
  fullName,
  birthDate,
  sex,
  ethnicity,
  citizenId,
  phone,
  f('hamlet', 'Thôn', 'Hamlet', [
    'Ấp', 'Bản', 'Tổ dân phố', 'Thôn/ấp', 'Thôn, ấp', 'Thôn/bản', 'Thôn, bản', 'Thôn/Tổ dân phố', 'Thôn, tổ dân phố',
    'Thôn/bản/TDP', 'TDP', 'Khu phố', 'Khóm', 'Buôn', 'Làng', 'Xóm', 'Tên thôn',
  ], true),
  f('address', 'Địa chỉ', 'Address', ['Nơi ở hiện nay', 'Nơi ở', 'Chỗ ở hiện nay', 'Địa chỉ thường trú', 'Nơi thường trú', 'Nơi cư trú', 'Số nhà']),
  f('clan', 'Dòng họ', 'Clan', ['Họ tộc', 'Thuộc dòng họ']),
  generalEducation,
  qualification,
  foreignLanguage,
  f('occupation', 'Nghề nghiệp', 'Occupation', ['Nghề', 'Nghề nghiệp hiện nay', 'Công việc', 'Việc làm']),
  note,
];

/**
 * The attendance list of one training (danh sách học viên, danh sách tham dự): who attended, told
 * apart by CCCD or name and date of birth, with the hours, result and certificate of each.
 */
export const ATTENDANCE_FIELDS: readonly ImportField[] = [
  f('fullName', 'Họ và tên', 'Full name', [
    'Họ tên', 'Họ tên học viên', 'Họ và tên học viên', 'Tên học viên', 'Học viên', 'Họ và tên người học', 'Họ và tên người tham dự',
    'Họ tên người tham dự', 'Họ và tên đại biểu', 'Họ tên đại biểu', 'Họ và tên cán bộ', 'Họ tên cán bộ', 'Tên cán bộ', 'Họ và tên khai sinh',
  ], true),
  f('birthDate', 'Ngày sinh', 'Date of birth', ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Năm sinh', 'Sinh ngày', 'NS']),
  citizenId,
  f('unit', 'Đơn vị', 'Unit', [
    'Đơn vị công tác', 'Cơ quan, đơn vị', 'Cơ quan đơn vị công tác', 'Nơi công tác', 'Phòng, ban', 'Phòng ban', 'Phòng/Khoa', 'Khoa/Phòng', 'Bộ phận',
  ]),
  f('hours', 'Số giờ', 'Hours', ['Số tiết', 'Số giờ học', 'Số tiết học', 'Số giờ tham gia', 'Số giờ bồi dưỡng', 'Thời lượng', 'Thời lượng (giờ)', 'Giờ học']),
  f('result', 'Kết quả', 'Result', ['Kết quả học tập', 'Xếp loại', 'Kết quả xếp loại', 'Xếp loại học tập', 'Kết quả đánh giá', 'Đánh giá', 'Kết quả học tập, xếp loại']),
  f('certificateNo', 'Số chứng chỉ', 'Certificate number', [
    'Số GCN', 'Số giấy chứng nhận', 'Số chứng nhận', 'Số hiệu chứng chỉ', 'Số hiệu giấy chứng nhận', 'Số văn bằng, chứng chỉ', 'Số vào sổ', 'Số vào sổ cấp chứng chỉ',
  ]),
  note,
];

/**
 * A registration list for a learning title (danh sách đăng ký): who registers, told apart as offices
 * do: a person by CCCD or name and date of birth, a household by its code or its head's name and
 * hamlet, a clan or a unit by its name. `place` is where the subject is (unit, hamlet).
 */
export const REGISTRATION_FIELDS: readonly ImportField[] = [
  f('name', 'Họ và tên / Tên', 'Name', [
    'Họ và tên', 'Họ tên', 'Tên', 'Họ và tên chủ hộ', 'Họ tên chủ hộ', 'Tên chủ hộ', 'Chủ hộ', 'Tên dòng họ', 'Dòng họ', 'Tên đơn vị',
    'Tên cơ quan, đơn vị', 'Tên thôn', 'Tên thôn, ấp', 'Tên ấp', 'Tên tổ dân phố', 'Họ và tên người đăng ký', 'Tên hộ gia đình', 'Hộ gia đình',
  ], true),
  f('birthDate', 'Ngày sinh', 'Date of birth', ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Năm sinh', 'Sinh ngày', 'NS']),
  citizenId,
  f('householdCode', 'Mã hộ', 'Household code', ['Số hộ', 'Mã hộ gia đình', 'Mã số hộ', 'Hộ số', 'Số hộ khẩu']),
  f('place', 'Đơn vị / Thôn', 'Unit / hamlet', [
    'Đơn vị', 'Đơn vị công tác', 'Cơ quan, đơn vị', 'Nơi công tác', 'Phòng, ban', 'Thôn', 'Ấp', 'Bản', 'Tổ dân phố', 'Thôn/ấp', 'Thôn, ấp',
    'Thôn/bản', 'Khu phố', 'Khóm', 'Xóm', 'Địa chỉ', 'Nơi ở', 'Xã', 'Xã, phường',
  ]),
  note,
];

export const ORG_FIELDS: readonly ImportField[] = [
  f('name', 'Tên đơn vị', 'Name', ['Đơn vị', 'Tên', 'Tên cơ quan', 'Tên tổ chức', 'Tên cơ quan, đơn vị', 'Cơ quan, đơn vị'], true),
  f('kind', 'Loại đơn vị', 'Kind', ['Loại', 'Loại hình', 'Loại hình đơn vị', 'Cấp']),
  f('parent', 'Đơn vị cấp trên', 'Parent', ['Trực thuộc', 'Cơ quan cấp trên', 'Cơ quan chủ quản', 'Đơn vị chủ quản', 'Thuộc', 'Cấp trên']),
  f('code', 'Mã đơn vị', 'Code', ['Mã', 'Mã số', 'Mã cơ quan']),
];

// ---------------------------------------------------------------------------------------
// Normalisation and scoring

/** "Họ và tên (*)\n" → "ho va ten"; "CMND/CCCD" → "cmnd cccd". */
export function headerKey(text: CellText): string {
  return searchKey(String(text ?? ''))
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Aliases of one or two short tokens ("tt", "sdt", "cd") only match the whole header. */
function isShortAlias(aliasKey: string): boolean {
  return !aliasKey.includes(' ') && aliasKey.length <= 3;
}

/** Index of `needle` as a contiguous token run in `hay`, or -1. */
function tokenRunIndex(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * How well a header names a field, 0..1: 1 for an alias, 0.5-0.9 when the header contains
 * an alias among other words (more of the header covered scores higher), else 0.
 */
export function fieldScore(header: string, field: ImportField): number {
  const key = headerKey(header);
  if (!key) return 0;
  const words = key.split(' ');
  const excluded = field.exclude?.some((w) => words.includes(w)) ?? false;
  let best = 0;
  for (const a of aliasKeys(field)) {
    if (a === key) return 1;
    if (excluded || isShortAlias(a)) continue;
    const aw = a.split(' ');
    if (aw.length < words.length && tokenRunIndex(words, aw) >= 0) best = Math.max(best, 0.5 + 0.4 * (aw.length / words.length));
  }
  return best;
}

const aliasKeyCache = new WeakMap<ImportField, string[]>();

function aliasKeys(field: ImportField): string[] {
  let keys = aliasKeyCache.get(field);
  if (!keys) {
    keys = [...new Set(field.aliases.map(headerKey).filter(Boolean))];
    aliasKeyCache.set(field, keys);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------
// Mapping

export interface ColumnMatch {
  index: number;
  header: string;
  fieldKey: string | null;
  confidence: number;
}

export interface SuggestedColumn extends ColumnMatch {
  /** 'remembered' when a mapping saved from an earlier import decided it. */
  source: 'remembered' | 'alias' | null;
}

/**
 * A field per header: remembered mappings first (keyed by headerKey; null means "ignore
 * this column"), then the best alias matches, each field used at most once and each
 * column at most once, highest score first. The row-number column gets ROW_NO_KEY.
 */
export function suggestMapping(
  headers: readonly CellText[],
  fields: readonly ImportField[],
  remembered: Readonly<Record<string, string | null>> = {},
): SuggestedColumn[] {
  const result: SuggestedColumn[] = headers.map((h, index) => ({ index, header: cleanHeader(h), fieldKey: null, confidence: 0, source: null }));
  const fieldKeys = new Set(fields.map((fl) => fl.key));
  const usedFields = new Set<string>();
  const decided = new Set<number>();
  for (const col of result) {
    const key = headerKey(col.header);
    if (!key || !(key in remembered)) continue;
    const target = remembered[key] ?? null;
    if (target !== null && (usedFields.has(target) || !(fieldKeys.has(target) || target.startsWith('_')))) continue;
    Object.assign(col, { fieldKey: target, confidence: 1, source: 'remembered' });
    if (target) usedFields.add(target);
    decided.add(col.index);
  }
  const candidates: Array<{ index: number; key: string; score: number }> = [];
  for (const col of result) {
    if (decided.has(col.index)) continue;
    for (const field of [ROW_NO_FIELD, ...fields]) {
      const score = fieldScore(col.header, field);
      if (score > 0) candidates.push({ index: col.index, key: field.key, score });
    }
  }
  // Highest score first; on a tie the field listed first, then the leftmost column.
  const order = new Map([ROW_NO_FIELD, ...fields].map((fl, i) => [fl.key, i]));
  candidates.sort((a, b) => b.score - a.score || order.get(a.key)! - order.get(b.key)! || a.index - b.index);
  for (const c of candidates) {
    if (decided.has(c.index) || usedFields.has(c.key)) continue;
    Object.assign(result[c.index]!, { fieldKey: c.key, confidence: c.score, source: 'alias' });
    usedFields.add(c.key);
    decided.add(c.index);
  }
  return result;
}

function cleanHeader(h: CellText): string {
  return String(h ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------
// Header row detection

export interface HeaderDetection {
  /** 0-based index (into the rows given) of the header's first row. */
  headerRowIndex: number;
  headerRowCount: 1 | 2;
  /** First row after the header and its numbering row ("(1) (2) (3)"), if any. */
  firstDataRowIndex: number;
  /** Index of the numbering row under the header, or null. */
  numberingRowIndex: number | null;
  columns: ColumnMatch[];
  /** Keys of required fields no column matched. */
  missingRequired: string[];
}

interface Candidate {
  headerRowIndex: number;
  headerRowCount: 1 | 2;
  columns: SuggestedColumn[];
  matched: number;
  score: number;
}

const isBlank = (c: CellText) => c == null || String(c).trim() === '';

/**
 * Finds the header among the first `maxScan` rows: the row (or pair of rows, for a group
 * header merged over sub-headers) with the most field matches, needing at least two
 * fields including a required one. Title rows above it ("ỦY BAN NHÂN DÂN…", "DANH SÁCH…")
 * are skipped; a numbering row under it ("(1) (2) (3)", "1 2 3") is reported.
 * Returns null when no row qualifies.
 */
export function detectHeader(
  rows: readonly (readonly CellText[])[],
  fields: readonly ImportField[],
  maxScan = 30,
  remembered: Readonly<Record<string, string | null>> = {},
): HeaderDetection | null {
  let best: Candidate | null = null;
  const last = Math.min(rows.length, maxScan);
  for (let r = 0; r < last; r++) {
    const row = rows[r] ?? [];
    if (row.filter((c) => !isBlank(c)).length < 2) continue;
    const single = evaluate(r, 1, [...row], fields, remembered);
    let candidate = single;
    const next = rows[r + 1];
    if (next && r + 1 < rows.length && !isNumberingRow(next)) {
      const double = evaluate(r, 2, combineHeaderRows(row, next, fields), fields, remembered);
      if (double && (!single || double.matched > single.matched || (double.matched === single.matched && double.score > single.score + 1e-9))) {
        candidate = double;
      }
    }
    if (candidate && (!best || candidate.matched > best.matched || (candidate.matched === best.matched && candidate.score > best.score + 1e-9))) {
      best = candidate;
    }
  }
  if (!best) return null;
  const after = best.headerRowIndex + best.headerRowCount;
  const numberingRowIndex = after < rows.length && isNumberingRow(rows[after]!) ? after : null;
  const matchedKeys = new Set(best.columns.map((c) => logicalField(c.fieldKey)));
  return {
    headerRowIndex: best.headerRowIndex,
    headerRowCount: best.headerRowCount,
    firstDataRowIndex: numberingRowIndex === null ? after : after + 1,
    numberingRowIndex,
    columns: best.columns.map(({ index, header, fieldKey, confidence }) => ({ index, header, fieldKey, confidence })),
    missingRequired: fields.filter((fl) => fl.required && !matchedKeys.has(fl.key)).map((fl) => fl.key),
  };
}

function evaluate(
  headerRowIndex: number,
  headerRowCount: 1 | 2,
  headers: CellText[],
  fields: readonly ImportField[],
  remembered: Readonly<Record<string, string | null>>,
): Candidate | null {
  const columns = suggestMapping(headers, fields, remembered);
  applySexSplit(columns, headers);
  const matchedFields = new Set(columns.map((c) => logicalField(c.fieldKey)).filter((k): k is string => k !== null));
  const hasRequired = fields.some((fl) => fl.required && matchedFields.has(fl.key));
  if (matchedFields.size < 2 || !hasRequired) return null;
  const score = columns.reduce((s, c) => s + (c.fieldKey ? c.confidence : 0), 0);
  return { headerRowIndex, headerRowCount, columns, matched: matchedFields.size, score };
}

/** The field a column key stands for: the sex-split keys count as birthDate / sex; the row number as none. */
function logicalField(key: string | null): string | null {
  if (key === BIRTH_DATE_MALE_KEY || key === BIRTH_DATE_FEMALE_KEY) return 'birthDate';
  if (key === SEX_MALE_KEY || key === SEX_FEMALE_KEY) return 'sex';
  return key === ROW_NO_KEY ? null : key;
}

/**
 * Header texts of a two-row header. A column whose second-row cell is empty was merged
 * vertically: its text is the first row's. A column with a second-row text is a
 * sub-header: its text is the group's (the nearest first-row text at or left of it that
 * starts a group) followed by its own, e.g. "Trình độ" + "Văn hóa".
 */
export function combineHeaderRows(top: readonly CellText[], sub: readonly CellText[], fields: readonly ImportField[] = []): CellText[] {
  const width = Math.max(top.length, sub.length);
  const out: CellText[] = [];
  let group = '';
  for (let c = 0; c < width; c++) {
    const t = isBlank(top[c]) ? '' : String(top[c]).trim();
    const s = isBlank(sub[c]) ? '' : String(sub[c]).trim();
    if (t) group = s ? t : '';
    if (!s) {
      out.push(t);
      continue;
    }
    // A sub-header that already names a field on its own is kept alone when the
    // combination would name nothing (a "Ghi chú" under an unrelated group).
    const combined = group ? `${group} ${s}` : s;
    const alone = fields.length > 0 && bestScore(combined, fields) < bestScore(s, fields);
    out.push(alone ? s : combined);
  }
  return out;
}

function bestScore(header: string, fields: readonly ImportField[]): number {
  return Math.max(0, ...fields.map((fl) => fieldScore(header, fl)));
}

/** "Ngày sinh" over "Nam | Nữ" → birth date by sex; bare "Nam" / "Nữ" columns → sex marks. */
function applySexSplit(columns: SuggestedColumn[], headers: CellText[]): void {
  for (const col of columns) {
    const key = headerKey(headers[col.index]);
    const m = /^(.*?)\s*\b(nam|nu)$/.exec(key);
    if (!m || col.source === 'remembered') continue;
    const prefix = m[1]!.trim();
    const male = m[2] === 'nam';
    if (prefix === '' || prefix === 'gioi tinh') {
      Object.assign(col, { fieldKey: male ? SEX_MALE_KEY : SEX_FEMALE_KEY, confidence: 1, source: 'alias' });
    } else if (fieldScore(prefix, birthDate) > 0) {
      Object.assign(col, { fieldKey: male ? BIRTH_DATE_MALE_KEY : BIRTH_DATE_FEMALE_KEY, confidence: 1, source: 'alias' });
    }
  }
}

/**
 * A numbering row under a header: at least three non-blank cells, nearly all "(1)", "1",
 * "(A)"..., increasing with at most one restart (forms number "A B 1 2 3 …").
 */
export function isNumberingRow(row: readonly CellText[]): boolean {
  const cells = row.filter((c) => !isBlank(c)).map((c) => String(c).trim());
  if (cells.length < 3) return false;
  const numbers: number[] = [];
  for (const c of cells) {
    const m = /^\(?\s*(\d{1,2}|[A-Za-z])\s*\)?\.?$/.exec(c);
    if (!m) continue;
    const v = m[1]!;
    numbers.push(/\d/.test(v) ? Number(v) : v.toUpperCase().charCodeAt(0) - 64);
  }
  if (numbers.length < cells.length * 0.8) return false;
  const numeric = numbers.filter((n, i) => i === 0 || n > numbers[i - 1]!).length;
  return numeric >= numbers.length - 1;
}
