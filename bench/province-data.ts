/**
 * Synthetic province for the benchmarks: organisations, accounts, role grants, sessions and
 * audit rows, loaded in bulk (COPY through psql, INSERT … SELECT generate_series), never row
 * by row. Names are realistic Vietnamese text; name_search / name_sort are computed in JS with
 * the app's own functions (src/shared/vn-text.ts), exactly as the services compute them.
 *
 * Deterministic: a seeded PRNG drives names, ids and choices; the SQL part uses setseed().
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type pg from 'pg';
import { personSortKey, searchKey, sortKey } from '../src/shared/vn-text.js';

// ---------------------------------------------------------------------------------------
// Sizes

export interface ProvinceSizes {
  communes: number;
  hamletsPerCommune: number;
  unitsPerCommune: number;
  agencies: number;
  departmentsPerAgency: number;
  users: number;
  auditRows: number;
  sessions: number;
}

const envNumber = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};

/** Full scale is one province; BENCH_SCALE shrinks (or grows) every count but the per-commune ones. */
export function sizesFromEnv(): ProvinceSizes & { scale: number } {
  const scale = envNumber('BENCH_SCALE', 1);
  const scaled = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  return {
    scale,
    communes: envNumber('BENCH_COMMUNES', scaled(100, 3)),
    hamletsPerCommune: envNumber('BENCH_HAMLETS_PER_COMMUNE', 30),
    unitsPerCommune: envNumber('BENCH_UNITS_PER_COMMUNE', 40),
    agencies: envNumber('BENCH_AGENCIES', scaled(200, 2)),
    departmentsPerAgency: envNumber('BENCH_DEPARTMENTS_PER_AGENCY', 4),
    users: envNumber('BENCH_USERS', scaled(100_000, 500)),
    auditRows: envNumber('BENCH_AUDIT_ROWS', scaled(1_000_000, 5_000)),
    sessions: envNumber('BENCH_SESSIONS', scaled(5_000, 50)),
  };
}

// ---------------------------------------------------------------------------------------
// Deterministic randomness

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uuidFrom(rand: () => number): string {
  const b = new Array<number>(16);
  for (let i = 0; i < 16; i++) b[i] = Math.floor(rand() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

export function weighted<T>(rand: () => number, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [x, w] of xs) {
    r -= w;
    if (r < 0) return x;
  }
  return xs[xs.length - 1]![0];
}

// ---------------------------------------------------------------------------------------
// Vietnamese names

const PLACE_1 = ['Vĩnh', 'Tân', 'Phú', 'Hòa', 'An', 'Bình', 'Long', 'Thạnh', 'Mỹ', 'Phước', 'Thuận', 'Hưng', 'Hiệp', 'Hải', 'Trung', 'Quang', 'Đông', 'Tây', 'Nam', 'Bắc', 'Đức', 'Thành', 'Xuân', 'Lộc', 'Thới', 'Định', 'Khánh', 'Nhơn', 'Châu', 'Ngọc'];
const PLACE_2 = ['Điều', 'Lợi', 'Thạnh', 'Hòa', 'An', 'Phú', 'Bình', 'Hưng', 'Lộc', 'Thuận', 'Tiến', 'Mỹ', 'Đông', 'Tây', 'Trung', 'Hiệp', 'Thành', 'Phước', 'Long', 'Hải', 'Sơn', 'Định', 'Xuân', 'Khánh', 'Tân', 'Quới', 'Hậu', 'Nghĩa', 'Điền', 'Thủy'];
/** Hamlets are often named after people (Ấp Trần Thệ, Thôn Lê Lợi). */
const HAMLET_PEOPLE = ['Trần Thệ', 'Lê Lợi', 'Nguyễn Trãi', 'Trần Hưng Đạo', 'Lý Thường Kiệt', 'Võ Thị Sáu', 'Phan Đình Phùng', 'Hoàng Diệu', 'Ngô Quyền', 'Đinh Tiên Hoàng', 'Nguyễn Huệ', 'Bà Triệu'];
const HAMLET_PREFIX = [['Ấp', 5], ['Thôn', 4], ['Khóm', 1], ['Bản', 1], ['Tổ dân phố', 2]] as const;

const placeName = (rand: () => number) => `${pick(rand, PLACE_1)} ${pick(rand, PLACE_2)}`;

const AGENCIES = [
  'Sở Tài chính', 'Sở Tư pháp', 'Sở Nội vụ', 'Sở Giáo dục và Đào tạo', 'Sở Y tế', 'Sở Xây dựng', 'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường', 'Sở Khoa học và Công nghệ', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Dân tộc và Tôn giáo',
  'Thanh tra tỉnh', 'Văn phòng UBND tỉnh', 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', 'Ban Quản lý các khu công nghiệp',
  'Đài Phát thanh và Truyền hình', 'Trường Chính trị tỉnh', 'Liên minh Hợp tác xã', 'Ban Quản lý dự án đầu tư xây dựng',
  'Trung tâm Xúc tiến đầu tư, thương mại và du lịch',
];
const AGENCY_FIELDS = ['Thuế', 'Hải quan', 'Kiểm lâm', 'Thủy lợi', 'Chăn nuôi và Thú y', 'Trồng trọt và Bảo vệ thực vật', 'Quản lý thị trường', 'Thống kê', 'Bảo hiểm xã hội', 'Kho bạc Nhà nước'];
const DEPARTMENTS = [
  'Văn phòng', 'Phòng Tổ chức cán bộ', 'Phòng Kế hoạch – Tài chính', 'Thanh tra', 'Phòng Quản lý ngân sách',
  'Phòng Tài chính doanh nghiệp', 'Phòng Quản lý giá và công sản', 'Phòng Nghiệp vụ', 'Phòng Hành chính – Tổng hợp',
  'Phòng Pháp chế', 'Phòng Công nghệ thông tin', 'Phòng Quản lý đầu tư',
];
const COMMUNE_ASSOCIATIONS = ['Hội Khuyến học xã', 'Hội Liên hiệp Phụ nữ xã', 'Hội Nông dân xã', 'Hội Cựu chiến binh xã', 'Đoàn Thanh niên xã', 'Hội Người cao tuổi xã', 'Hội Chữ thập đỏ xã', 'Ủy ban MTTQ Việt Nam xã'];
const ENTERPRISE_FIELDS = ['Nông nghiệp', 'Dịch vụ', 'Thủy sản', 'Vận tải', 'Xây dựng', 'Thương mại'];

/** The units of one commune: kind and name (each kind allowed under a commune by org-kinds.json). */
function communeUnits(rand: () => number, place: string, count: number): { kind: string; name: string }[] {
  const units: { kind: string; name: string }[] = [
    { kind: 'department', name: 'Văn phòng HĐND và UBND xã' },
    { kind: 'department', name: 'Phòng Kinh tế' },
    { kind: 'department', name: 'Phòng Văn hóa – Xã hội' },
    { kind: 'department', name: 'Trung tâm Phục vụ hành chính công' },
    { kind: 'school', name: `Trường Mầm non ${place}` },
    { kind: 'school', name: `Trường Mầm non ${place} 2` },
    { kind: 'school', name: `Trường Tiểu học ${place} 1` },
    { kind: 'school', name: `Trường Tiểu học ${place} 2` },
    { kind: 'school', name: `Trường Tiểu học ${place} 3` },
    { kind: 'school', name: `Trường THCS ${place}` },
    { kind: 'school', name: `Trường THCS ${place} 2` },
    { kind: 'school', name: `Trường THPT ${place}` },
    { kind: 'community_learning_centre', name: 'Trung tâm học tập cộng đồng' },
    { kind: 'health_station', name: `Trạm Y tế xã ${place}` },
    ...COMMUNE_ASSOCIATIONS.map((name) => ({ kind: 'association', name })),
  ];
  for (let k = 1; units.length < count; k++) {
    units.push(
      k % 2
        ? { kind: 'enterprise', name: `Hợp tác xã ${pick(rand, ENTERPRISE_FIELDS)} ${place} ${k}` }
        : { kind: 'enterprise', name: `Công ty TNHH ${placeName(rand)} ${k}` },
    );
  }
  return units.slice(0, count);
}

export const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 3], ['Phan', 4.5], ['Vũ', 3], ['Võ', 2.5],
  ['Đặng', 2], ['Bùi', 2], ['Đỗ', 1.5], ['Hồ', 1.5], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 1], ['Trương', 1],
  ['Lương', 0.5], ['Mai', 0.5], ['Cao', 0.5], ['Hà', 0.5], ['Tạ', 0.3], ['Lâm', 0.5], ['Châu', 0.3], ['Quách', 0.2],
  ['Thái', 0.3], ['Kiều', 0.2], ['Tô', 0.3],
];
const MIDDLE_F = ['Ngọc', 'Thu', 'Thanh', 'Bích', 'Minh', 'Kim', 'Thùy', 'Hồng', 'Mỹ', 'Phương', 'Hoài'];
const MIDDLE_M = ['Đức', 'Minh', 'Quốc', 'Hữu', 'Thanh', 'Công', 'Xuân', 'Đình', 'Ngọc', 'Quang', 'Trọng'];
const MIDDLE2_F = ['Ngọc', 'Thu', 'Thanh', 'Bích', 'Diệu', 'Mai', 'Kim'];
const MIDDLE2_M = ['Minh', 'Anh', 'Quốc', 'Hoàng', 'Tuấn', 'Gia'];
const GIVEN_F = ['Lan', 'Hương', 'Hằng', 'Hà', 'Linh', 'Trang', 'Thủy', 'Thúy', 'Hồng', 'Nga', 'Ngọc', 'Phương', 'Thảo', 'Huyền', 'Mai', 'Loan', 'Dung', 'Yến', 'Oanh', 'Hạnh', 'Vân', 'Nhung', 'Hiền', 'Tâm', 'Quyên', 'Chi', 'Anh', 'Nhi', 'Uyên', 'Thư', 'Vy', 'Giang', 'Hoa', 'Liên', 'Lụa', 'Huệ', 'Xuân', 'Diệp', 'Khánh', 'My'];
const GIVEN_M = ['Anh', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Hưng', 'Huy', 'Khánh', 'Long', 'Minh', 'Nam', 'Phong', 'Phúc', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Lộc', 'Hiếu', 'Hoàng', 'Kiên', 'Lâm', 'Nghĩa', 'Phát', 'Quân', 'Thịnh', 'Tú', 'Hậu', 'Đạt'];

export function personName(rand: () => number): string {
  return personNameOf(rand, rand() < 0.5);
}

/**
 * A full name for a woman or a man. `family` is drawn from FAMILY unless given (children take
 * their father's, members of an ethnic minority their community's). Same draws as personName.
 */
export function personNameOf(rand: () => number, female: boolean, family = weighted(rand, FAMILY)): string {
  const middle = female ? (rand() < 0.6 ? 'Thị' : pick(rand, MIDDLE_F)) : rand() < 0.5 ? 'Văn' : pick(rand, MIDDLE_M);
  const middle2 = rand() < 0.25 ? ` ${pick(rand, female ? MIDDLE2_F : MIDDLE2_M)}` : '';
  const given = pick(rand, female ? GIVEN_F : GIVEN_M);
  return `${family} ${middle}${middle2} ${given}`;
}

/** 'Nguyễn Văn Đức', 1234 -> 'ducnv1234' (the usual office login shape). */
function loginOf(name: string, n: number): string {
  const words = searchKey(name).split(' ');
  const given = words.pop()!;
  return `${given}${words.map((w) => w[0]).join('')}${n}`;
}

// ---------------------------------------------------------------------------------------
// Rows

export interface OrgRowGen {
  id: string;
  rootId: string;
  parentId: string | null;
  path: string;
  depth: number;
  name: string;
  nameSearch: string;
  nameSort: string;
  kindCode: string;
  code: string | null;
}

export interface GeneratedOrgs {
  rows: OrgRowGen[];
  root: OrgRowGen;
  communes: OrgRowGen[];
  hamletsOf: Map<string, OrgRowGen[]>;
  unitsOf: Map<string, OrgRowGen[]>;
  agencies: OrgRowGen[];
  departments: OrgRowGen[];
  /** The commune named 'Xã Vĩnh Điều 57' (or the last one in small runs). */
  vinhDieu: OrgRowGen;
}

export function generateOrgs(sizes: ProvinceSizes, seed = 20261122): GeneratedOrgs {
  const rand = mulberry32(seed);
  const rows: OrgRowGen[] = [];
  const rootId = uuidFrom(rand);
  const rootName = 'Tỉnh Vĩnh Long';
  const root: OrgRowGen = { id: rootId, rootId, parentId: null, path: `/${rootId}/`, depth: 0, name: rootName, nameSearch: searchKey(rootName), nameSort: sortKey(rootName), kindCode: 'province', code: '86' };
  rows.push(root);
  const child = (parent: OrgRowGen, name: string, kindCode: string, code: string | null = null): OrgRowGen => {
    const id = uuidFrom(rand);
    const row = { id, rootId, parentId: parent.id, path: `${parent.path}${id}/`, depth: parent.depth + 1, name, nameSearch: searchKey(name), nameSort: sortKey(name), kindCode, code };
    rows.push(row);
    return row;
  };

  const communes: OrgRowGen[] = [];
  const hamletsOf = new Map<string, OrgRowGen[]>();
  const unitsOf = new Map<string, OrgRowGen[]>();
  const vinhDieuIndex = Math.min(56, sizes.communes - 1);
  for (let c = 0; c < sizes.communes; c++) {
    const place = c === vinhDieuIndex ? 'Vĩnh Điều' : placeName(rand);
    const commune = child(root, `Xã ${place} ${c + 1}`, 'commune', String(29000 + c * 7));
    communes.push(commune);
    const hamlets: OrgRowGen[] = [];
    for (let h = 0; h < sizes.hamletsPerCommune; h++) {
      const prefix = weighted(rand, HAMLET_PREFIX);
      // A third of the hamlets carry the commune's own place name, as they do in the south.
      const base = rand() < 0.3 ? pick(rand, HAMLET_PEOPLE) : rand() < 0.5 ? place : placeName(rand);
      hamlets.push(child(commune, `${prefix} ${base} ${h + 1}`, 'hamlet'));
    }
    hamletsOf.set(commune.id, hamlets);
    unitsOf.set(
      commune.id,
      communeUnits(rand, place, sizes.unitsPerCommune).map((u) => child(commune, u.name, u.kind)),
    );
  }

  const agencies: OrgRowGen[] = [];
  const departments: OrgRowGen[] = [];
  for (let a = 0; a < sizes.agencies; a++) {
    const name =
      a < AGENCIES.length
        ? AGENCIES[a]!
        : a % 3 === 0
          ? `Chi cục ${AGENCY_FIELDS[a % AGENCY_FIELDS.length]} khu vực ${Math.floor(a / AGENCY_FIELDS.length)}`
          : a % 3 === 1
            ? `Trung tâm ${AGENCY_FIELDS[a % AGENCY_FIELDS.length]} ${placeName(rand)} ${a}`
            : `Ban Quản lý rừng phòng hộ ${placeName(rand)} ${a}`;
    const agency = child(root, name, 'agency');
    agencies.push(agency);
    for (let d = 0; d < sizes.departmentsPerAgency; d++) {
      departments.push(child(agency, DEPARTMENTS[(a + d * 3) % DEPARTMENTS.length]!, 'department'));
    }
  }
  return { rows, root, communes, hamletsOf, unitsOf, agencies, departments, vinhDieu: communes[vinhDieuIndex]! };
}

export interface UserRowGen {
  id: string;
  login: string;
  displayName: string;
  nameSearch: string;
  nameSort: string;
  homeOrgId: string;
}

export const userRow = (u: Omit<UserRowGen, 'nameSearch' | 'nameSort'>): UserRowGen => ({ ...u, nameSearch: searchKey(u.displayName), nameSort: personSortKey(u.displayName) });

/**
 * Accounts with homes spread over units and communes: a commune's people's committee has the
 * most staff, then provincial departments, then commune units (schools, associations…).
 */
export function generateUsers(sizes: ProvinceSizes, orgs: GeneratedOrgs, seed = 7): UserRowGen[] {
  const rand = mulberry32(seed);
  const homes: (readonly [OrgRowGen[], number])[] = [
    [orgs.communes, 0.06],
    [orgs.departments, 0.24],
    [orgs.agencies, 0.02],
    [[...orgs.unitsOf.values()].flat(), 0.68],
  ];
  const users: UserRowGen[] = [];
  for (let i = 0; i < sizes.users; i++) {
    const group = weighted(rand, homes.filter(([xs]) => xs.length > 0));
    const home = pick(rand, group);
    const displayName = personName(rand);
    users.push(userRow({ id: uuidFrom(rand), login: loginOf(displayName, i), displayName, homeOrgId: home.id }));
  }
  return users;
}

// ---------------------------------------------------------------------------------------
// Loading

/** COPY text format: backslash, tab and line breaks escaped; null is \N. */
function copyField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export interface PsqlTarget {
  binDir: string;
  port: number;
  database: string;
}

/** A COPY text-format line: fields escaped, tab-separated, newline-terminated. */
export const copyLine = (row: (string | number | boolean | null)[]) => row.map(copyField).join('\t') + '\n';

/** `COPY table (columns) FROM STDIN` through psql, the client PostgreSQL ships for bulk loads. */
export function copyIn(target: PsqlTarget, table: string, columns: string[], rows: Iterable<(string | number | boolean | null)[]>): Promise<number> {
  return copyLines(target, table, columns, (function* () {
    for (const row of rows) yield copyLine(row);
  })());
}

/**
 * The same with lines already in COPY text format (each item one or more rows, each row ending
 * in a newline), for generators that write millions of rows and know their fields need no
 * escaping, or that stream them from an async source. Returns the number of items.
 */
export function copyLines(target: PsqlTarget, table: string, columns: string[], lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  const child = spawn(
    path.join(target.binDir, 'psql'),
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(target.port), '-U', 'postgres', '-d', target.database, '-c', `COPY ${table} (${columns.join(', ')}) FROM STDIN`],
    { env, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`COPY ${table} failed (${code}): ${stderr}`))));
  });
  return (async () => {
    let n = 0;
    let chunk: string[] = [];
    let size = 0;
    const flush = async () => {
      if (!chunk.length) return;
      const ok = child.stdin.write(chunk.join(''));
      chunk = [];
      size = 0;
      // A psql that failed stops reading: its exit ends the wait too.
      if (!ok) await Promise.race([new Promise((r) => child.stdin.once('drain', r)), done]);
    };
    for await (const line of lines) {
      chunk.push(line);
      size += line.length;
      n++;
      if (chunk.length >= 5000 || size >= 1 << 20) await flush();
    }
    await flush();
    child.stdin.end();
    await done;
    return n;
  })();
}

export interface LoadTiming {
  step: string;
  rows: number;
  ms: number;
}

const ORG_COLUMNS = ['id', 'root_id', 'parent_id', 'path', 'depth', 'name', 'name_search', 'name_sort', 'kind_code', 'code'];
const orgValues = (orgs: GeneratedOrgs) => orgs.rows.map((o) => [o.id, o.rootId, o.parentId, o.path, o.depth, o.name, o.nameSearch, o.nameSort, o.kindCode, o.code]);
const USER_COLUMNS = ['id', 'login', 'display_name', 'name_search', 'name_sort', 'home_org_id', 'password_hash'];
const userValues = (users: UserRowGen[], passwordHash: string) => users.map((u) => [u.id, u.login, u.displayName, u.nameSearch, u.nameSort, u.homeOrgId, passwordHash]);

/**
 * The ingest floor: the same rows COPYed into a copy of the table without indexes or foreign
 * keys (then dropped). The difference is what the schema's indexes and checks cost.
 */
async function copyFloor(target: PsqlTarget, client: pg.Client, table: string, columns: string[], rows: (string | number | boolean | null)[][], step: string): Promise<LoadTiming> {
  const scratch = `bench_floor_${table}`;
  await client.query(`create table ${scratch} (like ${table} including defaults)`);
  try {
    const t0 = performance.now();
    const n = await copyIn(target, scratch, columns, rows);
    return { step, rows: n, ms: performance.now() - t0 };
  } finally {
    await client.query(`drop table ${scratch}`);
  }
}

export async function loadOrgs(target: PsqlTarget, client: pg.Client, orgs: GeneratedOrgs): Promise<LoadTiming[]> {
  const rows = orgValues(orgs);
  const floor = await copyFloor(target, client, 'org', ORG_COLUMNS, rows, '  floor: same rows into org without indexes or FK');
  const t0 = performance.now();
  const n = await copyIn(target, 'org', ORG_COLUMNS, rows);
  return [{ step: 'org (COPY into the app\'s table: its indexes and FK)', rows: n, ms: performance.now() - t0 }, floor];
}

export async function loadUsers(target: PsqlTarget, client: pg.Client, users: UserRowGen[], passwordHash: string): Promise<LoadTiming[]> {
  const rows = userValues(users, passwordHash);
  const floor = await copyFloor(target, client, 'user_account', USER_COLUMNS, rows, '  floor: same rows into user_account without indexes or FK');
  const t0 = performance.now();
  const n = await copyIn(target, 'user_account', USER_COLUMNS, rows);
  return [{ step: 'user_account (COPY into the app\'s table: its indexes and FK)', rows: n, ms: performance.now() - t0 }, floor];
}

/**
 * Grants: a unit head in every unit and commune (the first account homed there), an org admin
 * in every commune and a secretariat in a few agencies: about 5,000 at full scale.
 */
export async function loadGrants(target: PsqlTarget, orgs: GeneratedOrgs, users: UserRowGen[], seed = 11): Promise<LoadTiming> {
  const rand = mulberry32(seed);
  const byHome = new Map<string, UserRowGen[]>();
  for (const u of users) {
    const list = byHome.get(u.homeOrgId);
    if (list) list.push(u);
    else byHome.set(u.homeOrgId, [u]);
  }
  const grants: [string, string, string, string][] = [];
  const communeIds = new Set(orgs.communes.map((c) => c.id));
  for (const [orgId, list] of byHome) {
    grants.push([uuidFrom(rand), list[0]!.id, orgId, 'unit_head']);
    if (communeIds.has(orgId) && list.length > 1) grants.push([uuidFrom(rand), list[1]!.id, orgId, 'org_admin']);
  }
  for (const a of orgs.agencies.slice(0, 20)) {
    const u = byHome.get(a.id)?.[1];
    if (u) grants.push([uuidFrom(rand), u.id, orgs.root.id, 'secretariat']);
  }
  const t0 = performance.now();
  const n = await copyIn(target, 'role_grant', ['id', 'user_id', 'org_id', 'role'], grants);
  return { step: 'role_grant (COPY; the app\'s indexes and 2 FKs)', rows: n, ms: performance.now() - t0 };
}

/**
 * Sessions and a year of audit rows, generated in the server (INSERT … SELECT generate_series).
 * Mix (by share of rows): logins 55 %, logouts 5 % (no organisation, as the app writes them),
 * account changes 20 %, unit changes 17 %, export requests ~3 %, kind edits 0.1 %.
 * Ids follow time: the newest row has the highest id, as in production.
 */
export async function loadActivity(client: pg.Client, sizes: ProvinceSizes): Promise<LoadTiming[]> {
  const timings: LoadTiming[] = [];
  await client.query(`create temp table bu as select row_number() over (order by id)::int as n, id, home_org_id from user_account`);
  await client.query(`alter table bu add primary key (n)`);
  await client.query(`create temp table bo as select row_number() over (order by id)::int as n, id, root_id, name from org`);
  await client.query(`alter table bo add primary key (n)`);
  await client.query(`analyze bu; analyze bo`);
  const nu = (await client.query<{ n: number }>(`select count(*)::int as n from bu`)).rows[0]!.n;
  const no = (await client.query<{ n: number }>(`select count(*)::int as n from bo`)).rows[0]!.n;
  await client.query(`select setseed(0.2026)`);

  let t0 = performance.now();
  const sessions = await client.query(
    `insert into session (id, user_id, csrf_token, created_at, last_seen_at, expires_at)
     select md5('bench-session-' || g), u.id, md5('csrf-' || g), now() - interval '1 hour', now() - (g % 300) * interval '1 second', now() + interval '6 days'
     from generate_series(1, $1::int) g join bu u on u.n = 1 + (g * 7919) % $2::int`,
    [sizes.sessions, nu],
  );
  timings.push({ step: 'session (INSERT … SELECT)', rows: sessions.rowCount ?? 0, ms: performance.now() - t0 });

  t0 = performance.now();
  const audit = await client.query(
    `insert into audit_log (at, user_id, action, entity, entity_id, org_id, root_id, before, after, request_id, ip)
     select s.at,
       case when s.r < 0.60 then u.id else a.id end,
       case when s.r < 0.55 then 'login' when s.r < 0.60 then 'logout'
            when s.r < 0.70 then 'update' when s.r < 0.75 then 'grant' when s.r < 0.78 then 'create' when s.r < 0.80 then 'reset_password'
            when s.r < 0.92 then 'update' when s.r < 0.96 then 'create' when s.r < 0.97 then 'close'
            when s.r < 0.999 then 'export_requested' else 'update' end,
       case when s.r < 0.60 then 'session' when s.r < 0.80 then 'user' when s.r < 0.97 then 'org' when s.r < 0.999 then 'audit' else 'org_kind' end,
       case when s.r < 0.80 then u.id::text when s.r < 0.97 then o.id::text when s.r < 0.999 then md5(s.g::text)::uuid::text else 'commune' end,
       case when s.r < 0.55 then u.home_org_id when s.r < 0.60 then null when s.r < 0.80 then u.home_org_id
            when s.r < 0.97 then o.id when s.r < 0.985 then a.home_org_id else null end,
       case when s.r >= 0.80 and s.r < 0.97 then o.root_id end,
       case when s.r >= 0.60 and s.r < 0.70 then jsonb_build_object('disabled', false, 'homeOrgId', u.home_org_id)
            when s.r >= 0.80 and s.r < 0.92 then jsonb_build_object('name', o.name, 'code', null) end,
       case when s.r >= 0.60 and s.r < 0.70 then jsonb_build_object('disabled', s.r < 0.65, 'homeOrgId', u.home_org_id)
            when s.r >= 0.70 and s.r < 0.75 then jsonb_build_object('role', 'member', 'orgId', u.home_org_id)
            when s.r >= 0.80 and s.r < 0.97 then jsonb_build_object('name', o.name, 'code', null, 'kindCode', 'hamlet')
            when s.r >= 0.97 and s.r < 0.999 then jsonb_build_object('query', jsonb_build_object('entity', 'org'), 'scopes', 1) end,
       'req-' || s.g,
       '10.' || (s.g % 7) || '.' || (s.g % 250) || '.' || (s.g % 199)
     from (
       select g, now() - interval '365 days' + (g::float8 / $1::int) * interval '365 days' as at, random() as r,
              1 + floor(random() * $2::int)::int as ui, 1 + floor(random() * $2::int)::int as ai, 1 + floor(random() * $3::int)::int as oi
       from generate_series(1, $1::int) g
     ) s
     join bu u on u.n = s.ui
     join bu a on a.n = s.ai
     join bo o on o.n = s.oi
     order by s.g`,
    [sizes.auditRows, nu, no],
  );
  timings.push({ step: 'audit_log (INSERT … SELECT generate_series; the app\'s indexes)', rows: audit.rowCount ?? 0, ms: performance.now() - t0 });

  // With synchronous_commit=off (the throwaway cluster) VACUUM cannot mark pages all-visible
  // until the walwriter has flushed the load's commit (a fraction of a second later): VACUUM
  // again until it has, so index-only scans work as they would once autovacuum has passed.
  t0 = performance.now();
  await client.query('vacuum analyze');
  for (let attempt = 0; attempt < 20; attempt++) {
    const { rows } = await client.query<{ pct: number }>(`select (100.0 * relallvisible / greatest(relpages, 1))::float8 as pct from pg_class where relname = 'audit_log'`);
    if (rows[0]!.pct >= 99) break;
    await new Promise((r) => setTimeout(r, 250));
    await client.query('vacuum audit_log, user_account, org, role_grant, session');
  }
  timings.push({ step: 'VACUUM ANALYZE (until the visibility map is set)', rows: 0, ms: performance.now() - t0 });
  return timings;
}
