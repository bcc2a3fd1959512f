/**
 * One row of an import file → the values to save and the problems found, in both languages.
 * Pure: the service resolves units, hamlets and duplicates against the database afterwards.
 */
import type { Bilingual } from '../../../shared/api-types.js';
import { QUALIFICATIONS, SEXES, STAFF_CATEGORIES, type HouseholdRelation } from '../../../shared/people.js';
import { formatDate, searchKey } from '../../../shared/vn-text.js';
import { BIRTH_DATE_FEMALE_KEY, BIRTH_DATE_MALE_KEY, SEX_FEMALE_KEY, SEX_MALE_KEY } from '../../platform/excel/header-match.js';
import {
  citizenIdMatches,
  isBlankRow,
  isFooterRow,
  parseBirthDate,
  parseBoolean,
  parseCitizenId,
  parseDateValue,
  parseEmail,
  parseEthnicity,
  parseForeignLanguages,
  parseGeneralEducation,
  parseNumber,
  parsePersonName,
  parsePhone,
  parseQualification,
  parseSex,
  parseStaffCategory,
  parseText,
  type Parsed,
} from '../../platform/excel/cell-values.js';
import type { ImportKind } from './import-kinds.js';

export interface RowIssue {
  column?: string | null;
  header?: string | null;
  value?: string | null;
  severity: 'error' | 'warning';
  code: string;
  message: Bilingual;
}

/** What is saved for a row: person fields, and where they go (filled by the resolver). */
export interface ImportRecord {
  person: {
    fullName: string;
    birthDate: string | null;
    sex: 'male' | 'female' | null;
    ethnicity: string | null;
    citizenId: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    generalEducation: string | null;
    qualification: string | null;
    languages: { language: string; kind: 'foreign' | 'ethnic'; certificate: string | null; level: number | null }[];
    itSkill: string | null;
    occupation: string | null;
    note: string | null;
  };
  /** Staff: the unit as written, its position and so on. */
  unit?: string | null;
  position?: string | null;
  isLeader?: boolean;
  category?: 'cong_chuc' | 'vien_chuc' | 'nguoi_lao_dong';
  rank?: string | null;
  startDate?: string | null;
  /** The individual emulation title as written, for the import's emulation year; its code once resolved. */
  emulationTitle?: string | null;
  emulationTitleCode?: string | null;
  /** Residents: hamlet, household and clan as written. */
  hamlet?: string | null;
  householdCode?: string | null;
  relation?: HouseholdRelation | null;
  clan?: string | null;
  /** Set by the resolver. */
  orgId?: string;
  personId?: string | null;
}

/** A unit of an organisation-units file; ids are filled by the org module's resolver. */
export interface OrgImportRecord {
  name: string;
  kind: string | null;
  parent: string | null;
  code: string | null;
  id?: string;
  kindCode?: string;
  parentId?: string;
  existingId?: string | null;
}

/**
 * A member listed on the attendance list of one training; the person, their unit and whether they
 * already have the record are filled by the learning-record module's resolver.
 */
export interface AttendanceRecord {
  fullName: string;
  /** 'yyyy-mm-dd', or 'yyyy' when the list gives the year of birth only. */
  birthDate: string | null;
  citizenId: string | null;
  unit: string | null;
  /** This member's hours; null: the training's. */
  hours: number | null;
  result: string | null;
  certificateNo: string | null;
  /** Set by the resolver. */
  personId?: string;
  orgId?: string;
  /** Not recorded: already recorded, or the result says the member did not complete it. */
  skip?: boolean;
}

/**
 * A subject listed on a registration list for a learning title: a person, household, clan or unit as
 * the list names it; which one it is, and whether it is already registered, the recognition module's
 * resolver fills in.
 */
export interface RegistrationImportRecord {
  name: string;
  /** 'yyyy-mm-dd', or 'yyyy' when the list gives the year of birth only. */
  birthDate: string | null;
  citizenId: string | null;
  householdCode: string | null;
  /** The unit or hamlet as written. */
  place: string | null;
  /** Set by the resolver. */
  subjectId?: string;
  skip?: boolean;
}

export interface ParsedRow {
  rowNumber: number;
  action: 'create' | 'update' | 'skip' | 'error';
  record: ImportRecord | OrgImportRecord | AttendanceRecord | RegistrationImportRecord;
  /** Values as the preview shows them. */
  display: Record<string, string | null>;
  issues: RowIssue[];
  /** Where each field came from, to name the cell in later issues. */
  columns: Columns;
}

export type Cells = Record<string, unknown>;
export type Columns = Record<string, { letter: string; header: string | null; raw: string }>;

const RELATIONS: [RegExp, HouseholdRelation][] = [
  [/^chu ho$|^ch$/, 'head'],
  [/^(vo|chong|vo\/chong)$/, 'spouse'],
  [/^(con|con trai|con gai|con de|con nuoi|con dau|con re)$/, 'child'],
  [/^(cha|me|bo|cha de|me de|bo de)$/, 'parent'],
  [/^(chau|chau noi|chau ngoai)$/, 'grandchild'],
  [/^(anh|chi|em|anh trai|chi gai|em trai|em gai)$/, 'sibling'],
];

function relationOf(text: string | null): HouseholdRelation | null {
  if (!text) return null;
  const key = searchKey(text).replace(/\s+/g, ' ').trim();
  return RELATIONS.find(([re]) => re.test(key))?.[1] ?? 'other';
}

/**
 * Parses a row; 'blank' for an empty row, 'footer' for a total or signature row that ends the data.
 * `allCells` is the whole row (converted to Unicode), used to tell blank and footer rows.
 */
export function parseRow(kind: ImportKind, rowNumber: number, cells: Cells, columns: Columns, allCells: unknown[]): ParsedRow | 'blank' | 'footer' {
  if (isBlankRow(allCells)) return 'blank';
  if (isFooterRow(allCells)) return 'footer';
  if (kind === 'orgs') return parseOrgRow(rowNumber, cells, columns);
  if (kind === 'attendance') return parseAttendanceRow(rowNumber, cells, columns);
  if (kind === 'titleRegistration') return parseRegistrationRow(rowNumber, cells, columns);
  return parsePersonRow(kind, rowNumber, cells, columns);
}

function missing(columns: Columns, key: string, vi: string, en: string): RowIssue {
  const col = columns[key];
  return { column: col?.letter ?? null, header: col?.header ?? null, value: null, severity: 'error', code: 'REQUIRED', message: { vi: `Thiếu ${vi}`, en: `${en} is missing` } };
}

function displayOf(columns: Columns) {
  return Object.fromEntries(Object.entries(columns).map(([key, col]) => [key, col.raw || null]));
}

function parseOrgRow(rowNumber: number, cells: Cells, columns: Columns): ParsedRow {
  const text = (key: string) => (key in cells ? (parseText(cells[key]) as { value: string | null }).value : null);
  const record: OrgImportRecord = { name: text('name') ?? '', kind: text('kind'), parent: text('parent'), code: text('code') };
  const issues: RowIssue[] = [];
  if (!record.name) issues.push(missing(columns, 'name', 'tên đơn vị', 'The name'));
  if (!record.kind) issues.push(missing(columns, 'kind', 'loại đơn vị', 'The kind of unit'));
  return { rowNumber, action: issues.length ? 'error' : 'create', record, display: displayOf(columns), issues, columns };
}

function parsePersonRow(kind: 'staff' | 'residents', rowNumber: number, cells: Cells, columns: Columns): ParsedRow {
  const issues: RowIssue[] = [];
  const display: Record<string, string | null> = {};

  function take<T>(key: string, result: Parsed<T>): T | null {
    const col = columns[key];
    const where = { column: col?.letter ?? null, header: col?.header ?? null, value: col?.raw || null };
    if (!result.ok) {
      issues.push({ ...where, severity: 'error', code: `INVALID_${key.toUpperCase()}`, message: result.error });
      return null;
    }
    if (result.warning) issues.push({ ...where, severity: 'warning', code: `CHECK_${key.toUpperCase()}`, message: result.warning });
    return result.value;
  }
  const has = (key: string) => key in cells;
  const textOf = (key: string) => (has(key) ? take(key, parseText(cells[key])) : null);
  // Missing, not merely unreadable: a cell that failed to parse already has its error.
  const required = (key: string, value: unknown, vi: string, en: string) => {
    const reported = issues.some((i) => i.severity === 'error' && columns[key] && i.column === columns[key].letter);
    if ((value === null || value === undefined || value === '') && !reported) issues.push(missing(columns, key, vi, en));
  };

  const fullName = take('fullName', parsePersonName(cells.fullName));
  required('fullName', fullName, 'họ và tên', 'The full name');

  // "Ngày sinh" split into "Nam | Nữ" columns: the date's column gives the sex.
  let birthDate: string | null = null;
  let sex: 'male' | 'female' | null = null;
  if (has(BIRTH_DATE_MALE_KEY) || has(BIRTH_DATE_FEMALE_KEY)) {
    const male = take(BIRTH_DATE_MALE_KEY, parseBirthDate(cells[BIRTH_DATE_MALE_KEY]));
    const female = take(BIRTH_DATE_FEMALE_KEY, parseBirthDate(cells[BIRTH_DATE_FEMALE_KEY]));
    birthDate = male ?? female;
    sex = male ? 'male' : female ? 'female' : null;
  } else {
    birthDate = take('birthDate', parseBirthDate(cells.birthDate));
  }
  required(has(BIRTH_DATE_MALE_KEY) ? BIRTH_DATE_MALE_KEY : 'birthDate', birthDate, 'ngày sinh', 'The date of birth');
  if (has('sex')) sex = take('sex', parseSex(cells.sex));
  if (!sex && has(SEX_MALE_KEY)) sex = take(SEX_MALE_KEY, parseSex(cells[SEX_MALE_KEY], { column: 'male' }));
  if (!sex && has(SEX_FEMALE_KEY)) sex = take(SEX_FEMALE_KEY, parseSex(cells[SEX_FEMALE_KEY], { column: 'female' }));

  let citizenId = has('citizenId') ? take('citizenId', parseCitizenId(cells.citizenId)) : null;
  if (citizenId && citizenId.length !== 12) {
    // An old 9-digit CMND is not a citizen ID: kept out of the record, said so.
    issues.push({ column: columns.citizenId?.letter, header: columns.citizenId?.header, value: citizenId, severity: 'warning', code: 'OLD_ID_NOT_SAVED', message: { vi: 'Số CMND 9 số cũ không được lưu làm số CCCD', en: 'An old 9-digit ID card number is not saved as the citizen ID' } });
    citizenId = null;
  }
  const mismatch = citizenId ? citizenIdMatches(citizenId, birthDate, sex) : null;
  if (mismatch) issues.push({ column: columns.citizenId?.letter, header: columns.citizenId?.header, value: citizenId, severity: 'warning', code: 'CITIZEN_ID_MISMATCH', message: mismatch });

  const foreign = has('foreignLanguage') ? (take('foreignLanguage', parseForeignLanguages(cells.foreignLanguage)) ?? []) : [];
  const ethnicLanguage = textOf('ethnicLanguage');
  const record: ImportRecord = {
    person: {
      fullName: fullName ?? '',
      birthDate,
      sex,
      ethnicity: has('ethnicity') ? take('ethnicity', parseEthnicity(cells.ethnicity)) : null,
      citizenId,
      phone: has('phone') ? take('phone', parsePhone(cells.phone)) : null,
      email: has('email') ? take('email', parseEmail(cells.email)) : null,
      address: textOf('address'),
      generalEducation: has('generalEducation') ? take('generalEducation', parseGeneralEducation(cells.generalEducation)) : null,
      qualification: has('qualification') ? take('qualification', parseQualification(cells.qualification)) : null,
      languages: [
        ...foreign.filter((l) => l.language).map((l) => ({ language: l.language!, kind: 'foreign' as const, certificate: l.certificate || null, level: l.level })),
        ...(ethnicLanguage ? [{ language: ethnicLanguage, kind: 'ethnic' as const, certificate: null, level: null }] : []),
      ],
      itSkill: textOf('itSkill'),
      occupation: textOf('occupation'),
      note: textOf('note'),
    },
  };

  if (kind === 'staff') {
    record.unit = textOf('unit');
    record.position = textOf('position');
    record.isLeader = has('isLeader') ? (take('isLeader', parseBoolean(cells.isLeader)) ?? false) : false;
    record.category = (has('category') ? take('category', parseStaffCategory(cells.category)) : null) ?? 'cong_chuc';
    record.rank = textOf('rank');
    record.startDate = has('startDate') ? take('startDate', parseDateValue(cells.startDate, { notBefore: '1950-01-01' })) : null;
    record.emulationTitle = textOf('emulationTitle');
  } else {
    record.hamlet = textOf('hamlet');
    required('hamlet', record.hamlet, 'thôn, ấp', 'The hamlet');
    record.householdCode = textOf('householdCode');
    record.relation = relationOf(textOf('relation'));
    record.clan = textOf('clan');
  }

  // The preview shows what will be saved: cleaned and normalised, not the cell as typed.
  const p = record.person;
  Object.assign(display, displayOf(columns), {
    fullName: p.fullName || display.fullName || null,
    birthDate: birthDate ? formatDate(birthDate) : (columns.birthDate?.raw ?? null),
    ...(has('sex') ? { sex: sex ? SEXES[sex].vi : (columns.sex?.raw ?? null) } : {}),
    ...(has('citizenId') ? { citizenId: p.citizenId ?? (columns.citizenId?.raw || null) } : {}),
    ...(has('phone') ? { phone: p.phone ?? (columns.phone?.raw || null) } : {}),
    ...(has('ethnicity') ? { ethnicity: p.ethnicity } : {}),
    ...(has('qualification') && p.qualification ? { qualification: QUALIFICATIONS[p.qualification as keyof typeof QUALIFICATIONS].vi } : {}),
    ...(has('generalEducation') ? { generalEducation: p.generalEducation } : {}),
    ...(has('foreignLanguage') ? { foreignLanguage: foreign.map((l) => [l.language, l.certificate].filter(Boolean).join(' ')).join('; ') || null } : {}),
    ...(kind === 'staff' && has('category') ? { category: STAFF_CATEGORIES[record.category!].vi } : {}),
  });
  return { rowNumber, action: issues.some((i) => i.severity === 'error') ? 'error' : 'create', record, display, issues, columns };
}

/** Results that say the member did not complete the training: no record for them. */
const NOT_COMPLETED = /^(khong dat|khong hoan thanh|chua dat|chua hoan thanh|vang|vang mat|bo hoc|khong tham du|khong tham gia|khong du dieu kien)\b/;

export const notCompleted = (result: string | null) => result !== null && NOT_COMPLETED.test(searchKey(result).replace(/\s+/g, ' ').trim());

/**
 * A row of an attendance list: the member as the list names them (name, date or year of birth,
 * CCCD, unit) and what they got (hours, result, certificate number). A note is read and shown, not
 * kept (a learning record has no note). Who the member is is the resolver's business.
 */
function parseAttendanceRow(rowNumber: number, cells: Cells, columns: Columns): ParsedRow {
  const issues: RowIssue[] = [];
  const has = (key: string) => key in cells;
  function take<T>(key: string, result: Parsed<T>): T | null {
    const col = columns[key];
    const where = { column: col?.letter ?? null, header: col?.header ?? null, value: col?.raw || null };
    if (!result.ok) {
      issues.push({ ...where, severity: 'error', code: `INVALID_${key.replace(/^_/, '').toUpperCase()}`, message: result.error });
      return null;
    }
    if (result.warning) issues.push({ ...where, severity: 'warning', code: `CHECK_${key.replace(/^_/, '').toUpperCase()}`, message: result.warning });
    return result.value;
  }
  const textOf = (key: string) => (has(key) ? take(key, parseText(cells[key])) : null);

  const fullName = take('fullName', parsePersonName(cells.fullName));
  const nameReported = issues.some((i) => i.severity === 'error');
  if (!fullName && !nameReported) issues.push(missing(columns, 'fullName', 'họ và tên', 'The full name'));

  // A list may give the year of birth only ("Năm sinh"), or split the date by sex ("Nam | Nữ").
  const birth = (key: string) => (has(key) ? take(key, parseBirthDate(cells[key], { allowYearOnly: true })) : null);
  const birthDate = birth('birthDate') ?? birth(BIRTH_DATE_MALE_KEY) ?? birth(BIRTH_DATE_FEMALE_KEY);

  let citizenId = has('citizenId') ? take('citizenId', parseCitizenId(cells.citizenId)) : null;
  if (citizenId && citizenId.length !== 12) {
    // parseCitizenId has said it is an old 9-digit CMND: people are recorded by CCCD only.
    issues.push({ column: columns.citizenId?.letter, header: columns.citizenId?.header, value: citizenId, severity: 'warning', code: 'OLD_ID_NOT_USED', message: { vi: 'Số CMND 9 số cũ không dùng để tìm cán bộ; tìm theo họ tên và ngày sinh', en: 'An old 9-digit ID card number is not used to find the member; found by name and date of birth instead' } });
    citizenId = null;
  }

  let hours = has('hours') ? take('hours', parseNumber(cells.hours)) : null;
  if (hours !== null && (hours < 0 || hours > 5000)) {
    issues.push({ column: columns.hours?.letter, header: columns.hours?.header, value: columns.hours?.raw || null, severity: 'error', code: 'INVALID_HOURS', message: { vi: `Số giờ phải từ 0 đến 5000: "${columns.hours?.raw}"`, en: `Hours must be between 0 and 5000: "${columns.hours?.raw}"` } });
    hours = null;
  }
  const result = textOf('result');
  const record: AttendanceRecord = {
    fullName: fullName ?? '',
    birthDate,
    citizenId,
    unit: textOf('unit'),
    hours,
    result: result && result.length > 300 ? result.slice(0, 300) : result,
    certificateNo: textOf('certificateNo'),
  };
  textOf('note');
  if (notCompleted(record.result)) {
    record.skip = true;
    issues.push({ column: columns.result?.letter, header: columns.result?.header, value: record.result, severity: 'warning', code: 'NOT_COMPLETED', message: { vi: `Kết quả "${record.result}": không ghi hồ sơ học tập cho người này`, en: `Result "${record.result}": no learning record for this person` } });
  }

  // The preview shows the birth date once, however the list splits it.
  const { [BIRTH_DATE_MALE_KEY]: male, [BIRTH_DATE_FEMALE_KEY]: female, ...shown } = displayOf(columns);
  const display: Record<string, string | null> = {
    ...shown,
    fullName: record.fullName || (columns.fullName?.raw ?? null),
    birthDate: birthDate ? (birthDate.length === 4 ? birthDate : formatDate(birthDate)) : (shown.birthDate ?? male ?? female ?? null),
    ...(has('citizenId') ? { citizenId: citizenId ?? (columns.citizenId?.raw || null) } : {}),
    ...(hours !== null ? { hours: String(hours) } : {}),
  };
  const action = issues.some((i) => i.severity === 'error') ? 'error' : record.skip ? 'skip' : 'create';
  return { rowNumber, action, record, display, issues, columns };
}

/** A row of a registration list: the subject as the list names it (who it is: the resolver's business). */
function parseRegistrationRow(rowNumber: number, cells: Cells, columns: Columns): ParsedRow {
  const issues: RowIssue[] = [];
  const has = (key: string) => key in cells;
  function take<T>(key: string, result: Parsed<T>): T | null {
    const col = columns[key];
    const where = { column: col?.letter ?? null, header: col?.header ?? null, value: col?.raw || null };
    if (!result.ok) {
      issues.push({ ...where, severity: 'error', code: `INVALID_${key.toUpperCase()}`, message: result.error });
      return null;
    }
    if (result.warning) issues.push({ ...where, severity: 'warning', code: `CHECK_${key.toUpperCase()}`, message: result.warning });
    return result.value;
  }
  const textOf = (key: string) => (has(key) ? take(key, parseText(cells[key])) : null);
  const name = textOf('name');
  const birth = (key: string) => (has(key) ? take(key, parseBirthDate(cells[key], { allowYearOnly: true })) : null);
  const birthDate = birth('birthDate') ?? birth(BIRTH_DATE_MALE_KEY) ?? birth(BIRTH_DATE_FEMALE_KEY);
  let citizenId = has('citizenId') ? take('citizenId', parseCitizenId(cells.citizenId)) : null;
  if (citizenId && citizenId.length !== 12) {
    issues.push({ column: columns.citizenId?.letter, header: columns.citizenId?.header, value: citizenId, severity: 'warning', code: 'OLD_ID_NOT_USED', message: { vi: 'Số CMND 9 số cũ không dùng để tìm người; tìm theo họ tên và ngày sinh', en: 'An old 9-digit ID card number is not used to find the person; found by name and date of birth instead' } });
    citizenId = null;
  }
  textOf('note');
  const record: RegistrationImportRecord = { name: name ?? '', birthDate, citizenId, householdCode: textOf('householdCode'), place: textOf('place') };
  // A household's code or a CCCD names the subject without a name.
  if (!name && !record.householdCode && !citizenId) issues.push(missing(columns, 'name', 'tên (họ và tên, tên hộ, dòng họ hoặc đơn vị)', 'The name (of the person, household, clan or unit)'));
  const { [BIRTH_DATE_MALE_KEY]: _male, [BIRTH_DATE_FEMALE_KEY]: _female, ...shown } = displayOf(columns);
  const display: Record<string, string | null> = {
    ...shown,
    ...(birthDate ? { birthDate: birthDate.length === 4 ? birthDate : formatDate(birthDate) } : {}),
  };
  return { rowNumber, action: issues.some((i) => i.severity === 'error') ? 'error' : 'create', record, display, issues, columns };
}
