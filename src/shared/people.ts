/**
 * Codes that describe people, shared by the server (validation, imports, exports) and the web
 * (filters, forms). Labels in Vietnamese and English.
 */
import type { Bilingual } from './api-types.js';

const labels = <K extends string>(entries: Record<K, Bilingual>) => entries;

export const SEXES = labels({
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
});
export type Sex = keyof typeof SEXES;

/** Categories of staff (Luật Cán bộ, công chức; Luật Viên chức; Bộ luật Lao động). */
export const STAFF_CATEGORIES = labels({
  cong_chuc: { vi: 'Công chức', en: 'Civil servant' },
  vien_chuc: { vi: 'Viên chức', en: 'Public employee' },
  nguoi_lao_dong: { vi: 'Người lao động', en: 'Worker' },
});
export type StaffCategory = keyof typeof STAFF_CATEGORIES;

/** The four groups of citizens of QĐ 677/QĐ-TTg and QĐ 324/QĐ-KHVN. */
export const CITIZEN_GROUPS = labels({
  residents: { vi: 'Nhóm 1: Người dân ở xã, phường', en: 'Group 1: residents of a commune' },
  workers: { vi: 'Nhóm 2: Công nhân, người lao động', en: 'Group 2: workers' },
  officials: { vi: 'Nhóm 3: Cán bộ, công chức, viên chức, doanh nhân', en: 'Group 3: officials, civil servants, public employees, entrepreneurs' },
  learners: { vi: 'Nhóm 4: Học sinh, sinh viên, người học', en: 'Group 4: pupils, students and learners' },
});
export type CitizenGroup = keyof typeof CITIZEN_GROUPS;

/** Technical and vocational qualification (Luật Giáo dục nghề nghiệp 2014, Luật Giáo dục đại học). */
export const QUALIFICATIONS = labels({
  none: { vi: 'Chưa qua đào tạo', en: 'No qualification' },
  so_cap: { vi: 'Sơ cấp', en: 'Elementary vocational' },
  trung_cap: { vi: 'Trung cấp', en: 'Intermediate vocational' },
  cao_dang: { vi: 'Cao đẳng', en: 'College' },
  dai_hoc: { vi: 'Đại học', en: 'University' },
  thac_si: { vi: 'Thạc sĩ', en: "Master's" },
  tien_si: { vi: 'Tiến sĩ', en: 'Doctorate' },
});
export type Qualification = keyof typeof QUALIFICATIONS;

/** Foreign languages by the ISO 639-1 code the records keep (imports recognise these). */
export const FOREIGN_LANGUAGES = labels({
  en: { vi: 'Tiếng Anh', en: 'English' },
  zh: { vi: 'Tiếng Trung', en: 'Chinese' },
  fr: { vi: 'Tiếng Pháp', en: 'French' },
  ru: { vi: 'Tiếng Nga', en: 'Russian' },
  ja: { vi: 'Tiếng Nhật', en: 'Japanese' },
  ko: { vi: 'Tiếng Hàn', en: 'Korean' },
  de: { vi: 'Tiếng Đức', en: 'German' },
});

/** A language's name: the label of its code, or the name as recorded (minority languages). */
export const languageName = (language: string, lang: 'vi' | 'en' = 'vi') => FOREIGN_LANGUAGES[language as keyof typeof FOREIGN_LANGUAGES]?.[lang] ?? language;

export const HOUSEHOLD_RELATIONS = labels({
  head: { vi: 'Chủ hộ', en: 'Head of household' },
  spouse: { vi: 'Vợ/chồng', en: 'Spouse' },
  child: { vi: 'Con', en: 'Child' },
  parent: { vi: 'Cha/mẹ', en: 'Parent' },
  grandchild: { vi: 'Cháu', en: 'Grandchild' },
  sibling: { vi: 'Anh/chị/em', en: 'Sibling' },
  other: { vi: 'Khác', en: 'Other' },
});
export type HouseholdRelation = keyof typeof HOUSEHOLD_RELATIONS;

/** Age bands of the people filters, in whole years on the day of the query. */
export const AGE_BANDS = {
  under6: { min: 0, max: 5, vi: 'Dưới 6 tuổi', en: 'Under 6' },
  '6to14': { min: 6, max: 14, vi: '6–14 tuổi', en: '6–14' },
  '15to17': { min: 15, max: 17, vi: '15–17 tuổi', en: '15–17' },
  '18to35': { min: 18, max: 35, vi: '18–35 tuổi', en: '18–35' },
  '36to59': { min: 36, max: 59, vi: '36–59 tuổi', en: '36–59' },
  '60plus': { min: 60, max: 150, vi: 'Từ 60 tuổi', en: '60 and over' },
} as const;
export type AgeBand = keyof typeof AGE_BANDS;

export const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Whole years of age on `day` (ISO dates). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A citizen ID shown to someone who may not read it: only its last three digits. */
export const maskCitizenId = (id: string) => '*'.repeat(Math.max(0, id.length - 3)) + id.slice(-3);
/** A phone number shown to someone who may not read it: the first two and last two digits. */
export const maskPhone = (phone: string) => phone.slice(0, 2) + '*'.repeat(Math.max(0, phone.length - 4)) + phone.slice(-2);

/** Columns of the people lists, in screen order; exports write the ones the screen shows. */
export const PEOPLE_COLUMNS = labels({
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  citizenId: { vi: 'Số CCCD', en: 'Citizen ID' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  org: { vi: 'Đơn vị / Thôn, ấp', en: 'Unit / hamlet' },
  position: { vi: 'Chức vụ', en: 'Position' },
  category: { vi: 'Loại', en: 'Category' },
  isLeader: { vi: 'Lãnh đạo, quản lý', en: 'Leader or manager' },
  householdRelation: { vi: 'Quan hệ với chủ hộ', en: 'Relation to head' },
  citizenGroup: { vi: 'Nhóm công dân', en: 'Citizen group' },
});
export type PeopleColumn = keyof typeof PEOPLE_COLUMNS;
