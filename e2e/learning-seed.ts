/**
 * Data for the learning-record scenario, written through the running app's HTTP API as an
 * administrator would write it: an agency with two phòng, staff linked to accounts — a member
 * (Võ Thị Mỹ Linh) and her unit head (Lê Văn Hải) in Phòng Công chức, viên chức, and the
 * secretariat (Phạm Thị Lan, Văn phòng Sở) for the whole agency. Every account has changed its
 * first password. Invented people.
 */
import { ApiClient } from './people-seed.js';

export const LEARNING_ADMIN = { login: 'quantri', password: 'KonTum2026!x', displayName: 'Trần Quốc Bảo' };
export const LEARNING_AGENCY = 'Sở Nội vụ tỉnh Kon Tum';
export const LEARNING_UNITS = ['Phòng Công chức, viên chức', 'Văn phòng Sở'] as const;

/** Accounts with the person each one is, their unit (index in LEARNING_UNITS) and role. */
export const MEMBER = { login: 'linh.vtm', password: 'HocTap@Linh2026', displayName: 'Võ Thị Mỹ Linh' };
export const HEAD = { login: 'hai.lv', password: 'HocTap@Hai2026', displayName: 'Lê Văn Hải' };
export const LEARNING_SECRETARIAT = { login: 'lan.pt', password: 'HocTap@Lan2026', displayName: 'Phạm Thị Lan' };

export interface LearningSeeded {
  admin: ApiClient;
  agencyId: string;
  unitIds: string[];
  memberPersonId: string;
  headPersonId: string;
}

/** Sets the app up and fills it; returns the administrator's client and the ids. */
export async function seedLearning(baseUrl: string): Promise<LearningSeeded> {
  const admin = new ApiClient(baseUrl);
  const setup = await admin.ok<{ user: { homeOrg: { id: string } } }>('POST', '/api/v1/setup', {
    org: { name: LEARNING_AGENCY, kindCode: 'agency' },
    admin: {
      displayName: LEARNING_ADMIN.displayName,
      login: LEARNING_ADMIN.login,
      password: LEARNING_ADMIN.password,
      passwordConfirm: LEARNING_ADMIN.password,
    },
  });
  const agencyId = setup.user.homeOrg.id;
  const unitIds: string[] = [];
  for (const name of LEARNING_UNITS) {
    unitIds.push((await admin.ok<{ id: string }>('POST', '/api/v1/orgs', { parentId: agencyId, name, kindCode: 'department' })).id);
  }

  /** An account on a unit with a role there (or on the agency), its first password already changed. */
  const account = async (who: { login: string; password: string; displayName: string }, homeOrgId: string, grants: [string, string][]) => {
    const temporary = 'TamThoi2026x';
    const user = await admin.ok<{ id: string }>('POST', '/api/v1/users', { login: who.login, displayName: who.displayName, homeOrgId, password: temporary });
    for (const [orgId, role] of grants) await admin.ok('POST', `/api/v1/users/${user.id}/grants`, { orgId, role });
    const client = await new ApiClient(baseUrl).login(who.login, temporary);
    await client.ok('POST', '/api/v1/auth/password', { currentPassword: temporary, newPassword: who.password, newPasswordConfirm: who.password });
    return user.id;
  };
  const staff = (fullName: string, unit: number, position: string, isLeader: boolean, userId?: string) =>
    admin
      .ok<{ id: string }>('POST', '/api/v1/people', {
        fullName,
        userId,
        membership: { orgId: unitIds[unit], category: 'cong_chuc', position, isLeader, validFrom: '2020-01-01' },
      })
      .then((p) => p.id);

  const memberUser = await account(MEMBER, unitIds[0], [[unitIds[0], 'member']]);
  const headUser = await account(HEAD, unitIds[0], [[unitIds[0], 'unit_head'], [unitIds[0], 'member']]);
  const secretariatUser = await account(LEARNING_SECRETARIAT, unitIds[1], [[agencyId, 'secretariat']]);

  const memberPersonId = await staff(MEMBER.displayName, 0, 'Chuyên viên', false, memberUser);
  const headPersonId = await staff(HEAD.displayName, 0, 'Trưởng phòng', true, headUser);
  await staff(LEARNING_SECRETARIAT.displayName, 1, 'Chánh Văn phòng', true, secretariatUser);
  await staff('Bùi Quang Huy', 1, 'Kế toán viên', false);
  return { admin, agencyId, unitIds, memberPersonId, headPersonId };
}
