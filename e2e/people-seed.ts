/**
 * Data for the people and import scenarios, written through the running app's HTTP API as an
 * administrator would write it: setup, an agency with three phòng, a commune with two ấp, staff
 * and residents, and a secretariat account (Văn phòng Sở) that has changed its first password.
 */

/** A small HTTP client with the session cookie and the CSRF token, like the browser's. */
export class ApiClient {
  private cookie = '';
  private csrf = '';
  constructor(private readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      if (pair.startsWith('hoctap_session=')) this.cookie = pair;
    }
    const type = res.headers.get('content-type') ?? '';
    const payload = type.includes('json') ? await res.json() : await res.text();
    if (payload && typeof payload === 'object' && 'csrfToken' in payload) this.csrf = String(payload.csrfToken);
    return { status: res.status, body: payload as T };
  }

  /** The body of a request that must succeed (2xx). */
  async ok<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async login(login: string, password: string): Promise<this> {
    await this.ok('POST', '/api/v1/auth/login', { login, password });
    return this;
  }
}

export const ADMIN = { login: 'quantri', password: 'KonTum2026!x', displayName: 'Trần Quốc Bảo' };
export const SECRETARIAT = { login: 'vanphong', password: 'KonTum@Lan2026', displayName: 'Phạm Thị Lan' };

export const AGENCY = 'Sở Tài chính tỉnh Kon Tum';
export const UNITS = ['Văn phòng Sở', 'Phòng Quản lý ngân sách', 'Phòng Tài chính doanh nghiệp'];

/** Staff: name, birth date, sex, unit (index in UNITS), position, leader. Invented people. */
const STAFF: [string, string, 'male' | 'female', number, string, boolean][] = [
  ['Nguyễn Văn Đức', '1980-03-15', 'male', 1, 'Trưởng phòng', true],
  ['Trần Thị Hồng', '1990-07-01', 'female', 1, 'Chuyên viên', false],
  ['Nguyễn Thị Hồng Nhung', '1995-12-31', 'female', 1, 'Chuyên viên', false],
  ['Lê Văn Đông', '1975-05-20', 'male', 2, 'Phó Trưởng phòng', true],
  ['Phạm Minh Tuấn', '1988-09-09', 'male', 2, 'Chuyên viên chính', false],
  ['Hoàng Thị Mai', '1992-02-14', 'female', 2, 'Chuyên viên', false],
  ['Võ Thanh Sơn', '1969-11-30', 'male', 0, 'Chánh Văn phòng', true],
  ['Đặng Thị Thu Hà', '1985-04-18', 'female', 0, 'Văn thư', false],
  ['Bùi Quang Huy', '1998-06-06', 'male', 0, 'Kế toán viên', false],
  ['Y Blang', '1991-08-21', 'male', 2, 'Chuyên viên', false],
  ['A Thắng', '1987-01-12', 'male', 1, 'Chuyên viên', false],
  ['Ngô Thị Lệ Quyên', '1979-10-10', 'female', 0, 'Phó Chánh Văn phòng', true],
];

/** Residents of the commune: name, birth date, sex, ethnicity, hamlet (0 or 1), occupation. */
const RESIDENTS: [string, string, 'male' | 'female', string, number, string | null][] = [
  ['Danh Sà Phên', '1970-01-01', 'male', 'Khmer', 0, 'Làm ruộng'],
  ['Thị Sóc Khá', '2015-06-01', 'female', 'Khmer', 1, null],
  ['Nguyễn Văn Đức', '1962-09-02', 'male', 'Kinh', 1, 'Nuôi tôm'],
  ['Lâm Thị Kim Ngân', '1984-03-08', 'female', 'Hoa', 0, 'Buôn bán'],
  ['Trương Văn Lợi', '2001-12-12', 'male', 'Kinh', 0, 'Công nhân'],
  ['Kiên Thị Sa Rươne', '1958-07-27', 'female', 'Khmer', 1, 'Làm ruộng'],
];

export interface Seeded {
  admin: ApiClient;
  agencyId: string;
  unitIds: string[];
  communeId: string;
  hamletIds: string[];
}

/** Sets the app up and fills it; returns the administrator's client and the ids. */
export async function seedPeople(baseUrl: string): Promise<Seeded> {
  const admin = new ApiClient(baseUrl);
  const setup = await admin.ok<{ user: { homeOrg: { id: string } } }>('POST', '/api/v1/setup', {
    org: { name: AGENCY, kindCode: 'agency' },
    admin: { displayName: ADMIN.displayName, login: ADMIN.login, password: ADMIN.password, passwordConfirm: ADMIN.password },
  });
  const agencyId = setup.user.homeOrg.id;
  const org = (parentId: string | null, name: string, kindCode: string) =>
    admin.ok<{ id: string }>('POST', '/api/v1/orgs', { parentId, name, kindCode }).then((o) => o.id);
  const unitIds: string[] = [];
  for (const name of UNITS) unitIds.push(await org(agencyId, name, 'department'));
  const communeId = await org(null, 'Xã Vĩnh Điều', 'commune');
  const hamletIds = [await org(communeId, 'Ấp Cờ Trắng', 'hamlet'), await org(communeId, 'Ấp Tà Êm', 'hamlet')];

  let serial = 100;
  for (const [fullName, birthDate, sex, unit, position, isLeader] of STAFF) {
    serial += 1;
    await admin.ok('POST', '/api/v1/people', {
      fullName,
      birthDate,
      sex,
      ethnicity: fullName.startsWith('Y ') || fullName.startsWith('A ') ? 'Ê Đê' : 'Kinh',
      citizenId: `062${birthDate.slice(2, 4)}${String(serial).padStart(7, '0')}`,
      phone: `0905${String(serial).padStart(6, '0')}`,
      qualification: 'dai_hoc',
      membership: { orgId: unitIds[unit], category: 'cong_chuc', position, isLeader, validFrom: '2020-01-01' },
    });
  }
  for (const [fullName, birthDate, sex, ethnicity, hamlet, occupation] of RESIDENTS) {
    await admin.ok('POST', '/api/v1/people', { fullName, birthDate, sex, ethnicity, occupation, residenceOrgId: hamletIds[hamlet] });
  }

  await seedHouseholds(admin, hamletIds, communeId);

  const user = await admin.ok<{ id: string }>('POST', '/api/v1/users', {
    login: SECRETARIAT.login,
    displayName: SECRETARIAT.displayName,
    homeOrgId: unitIds[0],
    password: 'TamThoi2026x',
  });
  await admin.ok('POST', `/api/v1/users/${user.id}/grants`, { orgId: agencyId, role: 'secretariat' });
  await admin.ok('POST', `/api/v1/users/${user.id}/grants`, { orgId: communeId, role: 'secretariat' });
  const secretariat = await new ApiClient(baseUrl).login(SECRETARIAT.login, 'TamThoi2026x');
  await secretariat.ok('POST', '/api/v1/auth/password', {
    currentPassword: 'TamThoi2026x',
    newPassword: SECRETARIAT.password,
    newPasswordConfirm: SECRETARIAT.password,
  });
  return { admin, agencyId, unitIds, communeId, hamletIds };
}

/** Two households of Ấp Cờ Trắng and Ấp Tà Êm with their members, and a clan holding both. */
export async function seedHouseholds(admin: ApiClient, hamletIds: string[], communeId: string): Promise<void> {
  const residents = await admin.ok<{ items: { id: string; fullName: string }[] }>('GET', `/api/v1/people?kind=resident&orgId=${communeId}&pageSize=100`);
  const id = (name: string) => residents.items.find((p) => p.fullName === name)!.id;
  const households: [string, number, string, [string, string][]][] = [
    ['001', 0, 'Tổ 1, ấp Cờ Trắng', [['Danh Sà Phên', 'head'], ['Lâm Thị Kim Ngân', 'spouse']]],
    ['014', 1, 'Tổ 3, ấp Tà Êm', [['Kiên Thị Sa Rươne', 'head'], ['Thị Sóc Khá', 'grandchild']]],
  ];
  const householdIds: string[] = [];
  for (const [code, hamlet, address, members] of households) {
    const h = await admin.ok<{ id: string }>('POST', '/api/v1/households', { orgId: hamletIds[hamlet], code, address });
    householdIds.push(h.id);
    for (const [name, householdRelation] of members) {
      await admin.ok('PATCH', `/api/v1/people/${id(name)}`, { householdId: h.id, householdRelation });
    }
    await admin.ok('PATCH', `/api/v1/households/${h.id}`, { headPersonId: id(members[0][0]) });
  }
  const clan = await admin.ok<{ id: string }>('POST', '/api/v1/clans', { orgId: communeId, name: 'Dòng họ Danh', headPersonId: id('Danh Sà Phên') });
  for (const householdId of householdIds) await admin.ok('POST', `/api/v1/clans/${clan.id}/households`, { householdId });
}
