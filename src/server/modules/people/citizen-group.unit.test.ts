import { describe, expect, it } from 'vitest';
import { deriveCitizenGroup } from './citizen-group.js';

const today = '2026-11-22';
const facts = (f: Partial<Parameters<typeof deriveCitizenGroup>[0]>) => ({ birthDate: '1980-01-01', occupationKey: null, staffCategories: [], ...f });

describe('deriveCitizenGroup', () => {
  it('puts civil servants and public employees in group 3, workers in group 2', () => {
    expect(deriveCitizenGroup(facts({ staffCategories: ['vien_chuc'] }), today)).toBe('officials');
    expect(deriveCitizenGroup(facts({ staffCategories: ['nguoi_lao_dong'] }), today)).toBe('workers');
    expect(deriveCitizenGroup(facts({ staffCategories: ['nguoi_lao_dong', 'cong_chuc'] }), today)).toBe('officials');
  });
  it('reads occupations: pupils and students are learners, factory workers workers, entrepreneurs group 3', () => {
    expect(deriveCitizenGroup(facts({ occupationKey: 'sinh vien' }), today)).toBe('learners');
    expect(deriveCitizenGroup(facts({ occupationKey: 'cong nhan may' }), today)).toBe('workers');
    expect(deriveCitizenGroup(facts({ occupationKey: 'chu doanh nghiep tu nhan' }), today)).toBe('officials');
  });
  it('counts anyone under 18 on the day as a learner, and an 18th birthday tomorrow still a learner', () => {
    expect(deriveCitizenGroup(facts({ birthDate: '2008-11-23' }), today)).toBe('learners');
    expect(deriveCitizenGroup(facts({ birthDate: '2008-11-22' }), today)).toBe('residents');
    expect(deriveCitizenGroup(facts({ birthDate: null, occupationKey: 'lam ruong' }), today)).toBe('residents');
  });
});
