import type { Lang } from '../../../shared/i18n';
import type { Bilingual } from '../../app/types';
import { AGE_BANDS, CITIZEN_GROUPS, HOUSEHOLD_RELATIONS, QUALIFICATIONS, SEXES, STAFF_CATEGORIES } from '../../../shared/people';

type Labelled = Record<string, Bilingual | { vi: string; en: string }>;

/** The label of a shared code (sex, category…) in the user's language; the code itself if unknown. */
export function codeLabel(lang: Lang, codes: Labelled, code: string | null | undefined): string {
  if (!code) return '';
  const entry = Object.prototype.hasOwnProperty.call(codes, code) ? codes[code] : undefined;
  return entry ? entry[lang] : code;
}

/** Select options of a list of shared codes. */
export function codeOptions(lang: Lang, codes: Labelled): { value: string; label: string }[] {
  return Object.entries(codes).map(([value, label]) => ({ value, label: label[lang] }));
}

export const sexLabel = (lang: Lang, code: string | null | undefined) => codeLabel(lang, SEXES, code);
export const categoryLabel = (lang: Lang, code: string | null | undefined) => codeLabel(lang, STAFF_CATEGORIES, code);
export const citizenGroupLabel = (lang: Lang, code: string | null | undefined) => codeLabel(lang, CITIZEN_GROUPS, code);
export const qualificationLabel = (lang: Lang, code: string | null | undefined) => codeLabel(lang, QUALIFICATIONS, code);
export const relationLabel = (lang: Lang, code: string | null | undefined) => codeLabel(lang, HOUSEHOLD_RELATIONS, code);
export const ageBandOptions = (lang: Lang) => codeOptions(lang, AGE_BANDS);

/** "Nhóm 1: Người dân ở xã, phường" → "Nhóm 1" (for narrow places). */
export function citizenGroupShort(lang: Lang, code: string): string {
  return citizenGroupLabel(lang, code).split(':')[0];
}
