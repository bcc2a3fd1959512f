/**
 * Data for the self-study plan scenario, written through the running app's HTTP API as the
 * agency would write it: setup, an agency with two units, the learning year opened at the agency,
 * a unit head and a member of Phòng Tổ chức cán bộ with accounts and staff records, four colleagues
 * whose plans are already submitted, and a few staff without a plan (one without an account).
 */
import { ApiClient } from './people-seed.js';

export const YEAR = new Date().getFullYear();
export const ADMIN = { login: 'quantri', password: 'DakLak2026!x', displayName: 'Y Phi Êban' };
export const HEAD = { login: 'truongphong', password: 'HuongTCCB@2026x', displayName: 'Nguyễn Thị Thanh Hương' };
export const MEMBER = { login: 'chuyenvien', password: 'KhoaTCCB@2026x', displayName: 'Lê Minh Khoa' };

export const AGENCY = 'Sở Nội vụ tỉnh Đắk Lắk';
export const UNIT = 'Phòng Tổ chức cán bộ';
export const OTHER_UNIT = 'Văn phòng Sở';
/** Colleagues of the member whose plans the head approves together with the member's. */
export const COLLEAGUES = ['Trần Văn Bình', 'Phạm Thị Cúc', 'H’Linh Niê', 'Đỗ Quang Vinh'];

const TEMPORARY = 'TamThoi2026x';

export interface SeededPlans {
  admin: ApiClient;
  agencyId: string;
  unitId: string;
  otherUnitId: string;
}

const line = (content: string, extra: Record<string, unknown> = {}) => ({
  content,
  need: 'Yêu cầu vị trí việc làm',
  method: 'online',
  provider: 'Nền tảng học tập số tỉnh Đắk Lắk',
  fromMonth: `${YEAR}-03`,
  toMonth: `${YEAR}-06`,
  expectedResult: 'Giấy chứng nhận hoàn thành',
  hours: 40,
  lineType: 'mandatory',
  expectedEvidence: 'Giấy chứng nhận',
  note: null,
  ...extra,
});

/** An account (role on the unit), linked to a staff record of the unit, with its first password changed. */
export async function staff(
  admin: ApiClient,
  baseUrl: string,
  unitId: string,
  person: { fullName: string; position: string; isLeader?: boolean },
  account?: { login: string; password: string; role: string },
): Promise<ApiClient | undefined> {
  let userId: string | null = null;
  if (account) {
    const user = await admin.ok<{ id: string }>('POST', '/api/v1/users', { login: account.login, displayName: person.fullName, homeOrgId: unitId, password: TEMPORARY });
    await admin.ok('POST', `/api/v1/users/${user.id}/grants`, { orgId: unitId, role: account.role });
    userId = user.id;
  }
  await admin.ok('POST', '/api/v1/people', {
    fullName: person.fullName,
    ...(userId ? { userId } : {}),
    membership: { orgId: unitId, category: 'cong_chuc', position: person.position, isLeader: person.isLeader ?? false, validFrom: '2020-01-01' },
  });
  if (!account) return undefined;
  const client = await new ApiClient(baseUrl).login(account.login, TEMPORARY);
  await client.ok('POST', '/api/v1/auth/password', { currentPassword: TEMPORARY, newPassword: account.password, newPasswordConfirm: account.password });
  return client;
}

/** Sets the app up and fills it (see the file's comment). */
export async function seedPlans(baseUrl: string): Promise<SeededPlans> {
  const admin = new ApiClient(baseUrl);
  const setup = await admin.ok<{ user: { homeOrg: { id: string } } }>('POST', '/api/v1/setup', {
    org: { name: AGENCY, kindCode: 'agency' },
    admin: { displayName: ADMIN.displayName, login: ADMIN.login, password: ADMIN.password, passwordConfirm: ADMIN.password },
  });
  const agencyId = setup.user.homeOrg.id;
  const unit = (name: string) => admin.ok<{ id: string }>('POST', '/api/v1/orgs', { parentId: agencyId, name, kindCode: 'department' }).then((o) => o.id);
  const unitId = await unit(UNIT);
  const otherUnitId = await unit(OTHER_UNIT);

  // The agency opens the learning year for all its units.
  await admin.ok('PUT', '/api/v1/learning-years', { orgId: agencyId, year: YEAR, planDeadline: `${YEAR}-03-31`, reportDeadline: `${YEAR}-12-15` });

  await staff(admin, baseUrl, unitId, { fullName: HEAD.displayName, position: 'Trưởng phòng', isLeader: true }, { ...HEAD, role: 'unit_head' });
  await staff(admin, baseUrl, unitId, { fullName: MEMBER.displayName, position: 'Chuyên viên' }, { ...MEMBER, role: 'member' });

  // Four colleagues with submitted plans.
  for (const [i, fullName] of COLLEAGUES.entries()) {
    const client = (await staff(admin, baseUrl, unitId, { fullName, position: 'Chuyên viên' }, { login: `cv.${i + 1}`, password: `DongNghiep@2026-${i + 1}`, role: 'member' }))!;
    const started = await client.ok<{ id: string; content: Record<string, unknown> }>('POST', '/api/v1/study-plans', { year: YEAR });
    await client.ok('PUT', `/api/v1/study-plans/${started.id}`, {
      ...started.content,
      goals: 'Hoàn thành chương trình bồi dưỡng bắt buộc và nâng cao kỹ năng số.',
      lines: [line('Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên'), line('Kỹ năng số cho cán bộ, công chức', { method: 'self_study', lineType: 'unit_required', hours: 20 })],
    });
    await client.ok('POST', `/api/v1/study-plans/${started.id}/submit`, {});
  }

  // Staff without a plan: one without an account (reminded in person), one in the other unit with a draft.
  await staff(admin, baseUrl, unitId, { fullName: 'Bùi Thị Lan', position: 'Nhân viên' });
  const office = (await staff(admin, baseUrl, otherUnitId, { fullName: 'Võ Văn Tài', position: 'Chánh Văn phòng', isLeader: true }, { login: 'vanphong', password: 'ChanhVP@2026x', role: 'member' }))!;
  await office.ok('POST', '/api/v1/study-plans', { year: YEAR });
  await staff(admin, baseUrl, otherUnitId, { fullName: 'Ksor Thị Hoa', position: 'Văn thư' });

  return { admin, agencyId, unitId, otherUnitId };
}
