import { ageOn, type CitizenGroup, type StaffCategory } from '../../../shared/people.js';

/** Occupations that place a resident in group 4 (learners) or group 3 (entrepreneurs). */
const LEARNER_OCCUPATIONS = /hoc sinh|sinh vien|hoc vien|nguoi hoc/;
const ENTREPRENEUR_OCCUPATIONS = /doanh nhan|chu doanh nghiep|giam doc doanh nghiep/;
const WORKER_OCCUPATIONS = /cong nhan|nguoi lao dong/;

export interface CitizenGroupFacts {
  birthDate: string | null;
  /** Mark-free occupation (searchKey), if recorded. */
  occupationKey: string | null;
  /** Categories of the person's current staff memberships. */
  staffCategories: StaffCategory[];
}

/**
 * The QĐ 677 citizen group a person falls in, from what the record says: staff by their category,
 * pupils and students by occupation or age, otherwise residents. A group set by hand wins
 * (the service keeps it); this is only the derivation.
 */
export function deriveCitizenGroup(f: CitizenGroupFacts, today: string): CitizenGroup {
  if (f.staffCategories.some((c) => c === 'cong_chuc' || c === 'vien_chuc')) return 'officials';
  if (f.staffCategories.includes('nguoi_lao_dong')) return 'workers';
  const occupation = f.occupationKey ?? '';
  if (LEARNER_OCCUPATIONS.test(occupation)) return 'learners';
  if (ENTREPRENEUR_OCCUPATIONS.test(occupation)) return 'officials';
  if (WORKER_OCCUPATIONS.test(occupation)) return 'workers';
  if (f.birthDate && ageOn(f.birthDate, today) < 18) return 'learners';
  return 'residents';
}
