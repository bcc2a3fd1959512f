/**
 * Data for the learning-title scenario, written through the running app's HTTP API: a province with
 * its Sở Giáo dục và Đào tạo (two phòng) and a commune with a hamlet of twenty households (two adults
 * each); a Sở secretariat account, a commune officer, a unit head and a civil servant of Phòng Giáo
 * dục thường xuyên, each with an account and (the last two) a staff record.
 */
import { ApiClient } from './people-seed.js';

export const YEAR = new Date().getFullYear();
/** TT 22/2020 (points) was in force for Đơn vị học tập until TT 24/2023 replaced it (26/01/2024). */
export const TT22_YEAR = 2023;

export const ADMIN = { login: 'quantri', password: 'DakLak2026!x', displayName: 'Y Phi Êban' };
export const SO_USER = { login: 'vanphong.so', password: 'SoGDDT@2026x', displayName: 'Nguyễn Thị Thu Hà' };
export const COMMUNE_OFFICER = { login: 'canbo.xa', password: 'EaKao@2026x', displayName: 'H’Hoa Niê' };
export const HEAD = { login: 'truongphong', password: 'GDTX@2026xx', displayName: 'Trần Văn Dũng' };
export const MEMBER = { login: 'congchuc', password: 'Khoa@2026xx', displayName: 'Lê Minh Khoa' };

export const PROVINCE = 'Tỉnh Đắk Lắk';
export const SO = 'Sở Giáo dục và Đào tạo';
export const PHONG = 'Phòng Giáo dục thường xuyên';
export const OTHER_PHONG = 'Phòng Kế hoạch – Tài chính';
export const COMMUNE = 'Xã Ea Kao';
export const HAMLET = 'Thôn 3';

const TEMPORARY = 'TamThoi2026x';

/** Twenty households of Thôn 3: head and spouse (invented names). */
const FAMILIES: [string, string][] = [
  ['Nguyễn Văn Tư', 'Trần Thị Mai'],
  ['Y Bih Êban', 'H’Nhi Niê'],
  ['Lê Văn Hải', 'Phạm Thị Hoa'],
  ['Hoàng Văn Nam', 'Đỗ Thị Lan'],
  ['Ama Khoa', 'H’Linh Mlô'],
  ['Vũ Đình Trọng', 'Bùi Thị Thu'],
  ['Đặng Văn Lộc', 'Ngô Thị Hạnh'],
  ['Phan Văn Sơn', 'Lý Thị Nga'],
  ['Y Thuê Niê', 'H’Yên Êban'],
  ['Trịnh Văn Bảo', 'Đinh Thị Huệ'],
  ['Cao Văn Phúc', 'Lưu Thị Tâm'],
  ['Mai Văn Thành', 'Tạ Thị Liên'],
  ['Hà Văn Quang', 'Dương Thị Yến'],
  ['Kiều Văn Tài', 'Âu Thị Hằng'],
  ['Y Jut Mlô', 'H’Lan Êban'],
  ['Tô Văn Khải', 'Lâm Thị Ngọc'],
  ['Quách Văn Đức', 'Châu Thị Vân'],
  ['Thái Văn Minh', 'Tăng Thị Hiền'],
  ['La Văn Tiến', 'Mạc Thị Loan'],
  ['Ninh Văn Hùng', 'Khúc Thị Phượng'],
];

export interface SeededTitles {
  admin: ApiClient;
  so: ApiClient;
  provinceId: string;
  soId: string;
  phongId: string;
  otherPhongId: string;
  communeId: string;
  hamletId: string;
  householdIds: string[];
  /** Head and spouse of each household, in the order of `householdIds`. */
  householdAdults: [string, string][];
  memberPersonId: string;
}

async function account(admin: ApiClient, baseUrl: string, homeOrgId: string, who: { login: string; password: string; displayName: string }, grant: { orgId: string; role: string }): Promise<{ client: ApiClient; userId: string }> {
  const user = await admin.ok<{ id: string }>('POST', '/api/v1/users', { login: who.login, displayName: who.displayName, homeOrgId, password: TEMPORARY });
  await admin.ok('POST', `/api/v1/users/${user.id}/grants`, grant);
  const client = await new ApiClient(baseUrl).login(who.login, TEMPORARY);
  await client.ok('POST', '/api/v1/auth/password', { currentPassword: TEMPORARY, newPassword: who.password, newPasswordConfirm: who.password });
  return { client, userId: user.id };
}

/** Sets the app up and fills it (see the file's comment). */
export async function seedTitles(baseUrl: string): Promise<SeededTitles> {
  const admin = new ApiClient(baseUrl);
  const setup = await admin.ok<{ user: { homeOrg: { id: string } } }>('POST', '/api/v1/setup', {
    org: { name: PROVINCE, kindCode: 'province' },
    admin: { displayName: ADMIN.displayName, login: ADMIN.login, password: ADMIN.password, passwordConfirm: ADMIN.password },
  });
  const provinceId = setup.user.homeOrg.id;
  const org = (parentId: string, name: string, kindCode: string) => admin.ok<{ id: string }>('POST', '/api/v1/orgs', { parentId, name, kindCode }).then((o) => o.id);
  const soId = await org(provinceId, SO, 'agency');
  const phongId = await org(soId, PHONG, 'department');
  const otherPhongId = await org(soId, OTHER_PHONG, 'department');
  const communeId = await org(provinceId, COMMUNE, 'commune');
  const hamletId = await org(communeId, HAMLET, 'hamlet');

  const { client: so } = await account(admin, baseUrl, soId, SO_USER, { orgId: soId, role: 'secretariat' });
  await account(admin, baseUrl, communeId, COMMUNE_OFFICER, { orgId: communeId, role: 'secretariat' });
  const head = await account(admin, baseUrl, phongId, HEAD, { orgId: phongId, role: 'unit_head' });
  const member = await account(admin, baseUrl, phongId, MEMBER, { orgId: phongId, role: 'member' });
  const staff = (fullName: string, userId: string, position: string, isLeader: boolean) =>
    admin.ok<{ id: string }>('POST', '/api/v1/people', {
      fullName,
      userId,
      membership: { orgId: phongId, category: 'cong_chuc', position, isLeader, validFrom: '2020-01-01' },
    });
  await staff(HEAD.displayName, head.userId, 'Trưởng phòng', true);
  const memberPerson = await staff(MEMBER.displayName, member.userId, 'Chuyên viên', false);
  for (const [i, name] of ['Trần Văn Bình', 'Phạm Thị Cúc', 'Ksor Thị Hoa'].entries()) {
    await admin.ok('POST', '/api/v1/people', { fullName: name, membership: { orgId: i < 2 ? phongId : otherPhongId, category: 'vien_chuc', position: 'Chuyên viên', validFrom: '2021-01-01' } });
  }

  const householdIds: string[] = [];
  const householdAdults: [string, string][] = [];
  for (const [i, [head, spouse]] of FAMILIES.entries()) {
    const code = `T3-${String(i + 1).padStart(3, '0')}`;
    const h = await admin.ok<{ id: string }>('POST', '/api/v1/households', { orgId: hamletId, code, address: `Tổ ${1 + (i % 4)}, thôn 3, xã Ea Kao` });
    const a = await admin.ok<{ id: string }>('POST', '/api/v1/people', { fullName: head, birthDate: `${1960 + i}-03-0${1 + (i % 9)}`, sex: 'male', residenceOrgId: hamletId, householdId: h.id, householdRelation: 'head' });
    const b = await admin.ok<{ id: string }>('POST', '/api/v1/people', { fullName: spouse, birthDate: `${1962 + i}-07-1${i % 10}`, sex: 'female', residenceOrgId: hamletId, householdId: h.id, householdRelation: 'spouse' });
    await admin.ok('PATCH', `/api/v1/households/${h.id}`, { headPersonId: a.id });
    householdIds.push(h.id);
    householdAdults.push([a.id, b.id]);
  }

  return { admin, so, provinceId, soId, phongId, otherPhongId, communeId, hamletId, householdIds, householdAdults, memberPersonId: memberPerson.id };
}
