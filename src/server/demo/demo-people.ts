/**
 * Demonstration people: the staff of the seed agencies (four Sở and Trung tâm Y tế Giang Thành)
 * and the residents of the five communes of huyện Giang Thành, in households and clans. Pure and
 * deterministic: seeded PRNGs (one per agency or commune, so a change to one leaves the others
 * alone), no Math.random, no clock; the demo loader (seed.ts) saves the rows through the people
 * service's import path.
 *
 * Every person is INVENTED, drawn from a realistic distribution of Vietnamese names:
 * - Kinh family names by their approximate national frequencies (Nguyễn ~38 %, Trần ~11 %,
 *   Lê ~9.5 %, Phạm ~7 %, Hoàng/Huỳnh ~5 %, Phan ~4.5 %, Vũ/Võ ~3.9 %, Đặng, Bùi, Đỗ, Hồ, Ngô,
 *   Dương, Lý, then a long tail); Huỳnh and Võ in the South, Hoàng and Vũ in the North, both in
 *   the Central Highlands. Middle names by sex and generation ("Văn" and "Thị" fade with the
 *   birth year), given names by sex, with the names of the young for those born after 2005.
 * - Huyện Giang Thành (Kiên Giang, on the Cambodian border): about a quarter of the residents are
 *   Khơ-me, with the naming of the Khmer of Kiên Giang (men "Danh Sà Phên", "Thạch Sóc", "Chau
 *   Sóc"; women "Thị Sóc Khá", "Danh Thị Sa Ry"); a few Hoa families.
 * - Lạng Sơn and Tuyên Quang: Tày, Nùng and Dao staff with their usual family names; Kon Tum: a
 *   few Xơ-đăng, Ba-na and Gié-Triêng staff ("A Pớt", "Y Mửi").
 * Citizen ID numbers follow the CCCD layout (province of registration, century and sex digit,
 * two digits of the birth year, six digits) with the province of the place: they are made up.
 * Positions, categories and ranks follow the usual staffing of each kind of unit.
 *
 * The account holders of demo-data.ts working in these units appear among the staff under their
 * display names (Lê Văn Hải is Trưởng phòng Quản lý ngân sách…), and the commune account's holder
 * heads a household of Xã Phú Lợi; accounts and person records are not linked.
 */
import type { ImportRecord } from '../modules/dataImport/rows.js';
import type { HouseholdRelation, Qualification, StaffCategory } from '../../shared/people.js';
import { demoAccounts, demoTrees, walkDemoTrees, ORG_PATH_SEPARATOR, type DemoOrg } from './demo-data.js';

/** The day the demo's people are described on: births and appointments are before it. */
export const DEMO_PEOPLE_AS_OF = '2025-06-30';
const AS_OF_YEAR = 2025;

// ── randomness ──────────────────────────────────────────────────────────────

type Rng = () => number;

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG seeded from a text (FNV-1a), so each agency or commune has its own stream. */
function rngFor(key: string): Rng {
  let h = 0x811c9dc5;
  for (const ch of `hoctap-demo-people|${key}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mulberry32(h);
}

const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const chance = (r: Rng, p: number) => r() < p;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

type Weighted<T> = readonly (readonly [T, number])[];
function weighted<T>(r: Rng, table: Weighted<T>): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let x = r() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1]![0];
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const AS_OF_MS = Date.parse(`${DEMO_PEOPLE_AS_OF}T00:00:00Z`);

/** A day of the year, before the as-of day. */
function dayIn(r: Rng, year: number): string {
  const start = Date.UTC(year, 0, 1);
  const end = Math.min(Date.UTC(year + 1, 0, 1), AS_OF_MS);
  return iso(start + Math.floor(r() * Math.max(1, (end - start) / DAY_MS)) * DAY_MS);
}

/** A day between two ISO days (inclusive), never after the as-of day. */
function dayBetween(r: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Math.min(Date.parse(`${to}T00:00:00Z`), AS_OF_MS);
  return b <= a ? iso(Math.min(a, AS_OF_MS)) : iso(a + Math.floor(r() * ((b - a) / DAY_MS + 1)) * DAY_MS);
}

// ── names ───────────────────────────────────────────────────────────────────

type Sex = 'male' | 'female';
type Region = 'north' | 'highlands' | 'south';

/** Kinh family names, weights in ‰ (approximate national frequencies). Hoàng and Vũ stand for Huỳnh and Võ too. */
const KINH_FAMILY: Weighted<string> = [
  ['Nguyễn', 380], ['Trần', 110], ['Lê', 95], ['Phạm', 70], ['Hoàng', 50], ['Phan', 45], ['Vũ', 39], ['Đặng', 21], ['Bùi', 20],
  ['Đỗ', 14], ['Hồ', 13], ['Ngô', 13], ['Dương', 10], ['Lý', 5],
  ['Trương', 12], ['Đinh', 9], ['Đoàn', 7], ['Trịnh', 7], ['Lâm', 6], ['Mai', 6], ['Lương', 6], ['Hà', 6], ['Cao', 5], ['Châu', 4],
  ['Lưu', 4], ['Tạ', 3], ['Tô', 3], ['Thái', 3], ['Phùng', 2], ['Văn', 2], ['Hứa', 2], ['Quách', 2], ['La', 2], ['Kiều', 2],
  ['Triệu', 2], ['Tăng', 2], ['Từ', 2], ['Lại', 2], ['Chu', 2], ['Khúc', 1], ['Âu', 1], ['Giang', 1], ['Mạc', 1], ['Nghiêm', 1],
  ['Thân', 1], ['Ông', 1], ['Diệp', 1],
];

/** Share of Huỳnh among Hoàng/Huỳnh and of Võ among Vũ/Võ, by region. */
const SOUTHERN_SPELLING: Record<Region, { huynh: number; vo: number }> = {
  north: { huynh: 0, vo: 0.05 },
  highlands: { huynh: 0.5, vo: 0.6 },
  south: { huynh: 0.85, vo: 0.85 },
};

const MALE_MIDDLE: Weighted<string> = [
  ['Minh', 10], ['Quốc', 6], ['Thanh', 6], ['Hữu', 6], ['Đức', 6], ['Quang', 5], ['Công', 4], ['Ngọc', 4], ['Hoàng', 4], ['Xuân', 3],
  ['Anh', 3], ['Trọng', 3], ['Thành', 3], ['Duy', 3], ['Thế', 2], ['Chí', 2], ['Việt', 2], ['Nhật', 2], ['Bá', 1], ['Tuấn', 2],
  ['Gia', 2], ['Trung', 1], ['Hải', 1], ['Mạnh', 1], ['Kim', 1], ['Hồng', 1],
];
const MALE_MIDDLE_SOUTH: Weighted<string> = [['Tấn', 6], ['Phước', 2], ['Thanh', 3], ['Hữu', 3], ['Hoài', 1]];
const MALE_MIDDLE_NORTH: Weighted<string> = [['Đình', 6], ['Khắc', 2], ['Xuân', 3], ['Tiến', 2], ['Mạnh', 2]];
const MALE_MIDDLE_YOUNG: Weighted<string> = [
  ['Gia', 8], ['Minh', 8], ['Bảo', 5], ['Đăng', 4], ['Hoàng', 5], ['Anh', 4], ['Nhật', 4], ['Quốc', 4], ['Tuấn', 3], ['Trung', 2],
  ['Khánh', 3], ['Thiên', 3], ['Phúc', 2], ['Duy', 3], ['Thành', 2], ['Văn', 4],
];
const MALE_GIVEN: Weighted<string> = [
  ['Anh', 5], ['Bảo', 3], ['Bình', 4], ['Cường', 4], ['Dũng', 6], ['Duy', 3], ['Đạt', 4], ['Đức', 4], ['Hải', 6], ['Hiếu', 4],
  ['Hòa', 3], ['Hoàng', 3], ['Hùng', 6], ['Huy', 5], ['Hưng', 4], ['Khánh', 3], ['Khoa', 3], ['Kiên', 3], ['Lâm', 3], ['Long', 5],
  ['Lộc', 3], ['Luân', 2], ['Minh', 6], ['Nam', 6], ['Nghĩa', 4], ['Nhân', 3], ['Phong', 4], ['Phúc', 4], ['Phước', 3], ['Quân', 4],
  ['Quang', 4], ['Sơn', 5], ['Tài', 4], ['Tâm', 3], ['Tân', 3], ['Thắng', 5], ['Thành', 5], ['Thiện', 3], ['Thịnh', 3], ['Tiến', 4],
  ['Toàn', 4], ['Trí', 3], ['Trung', 4], ['Trường', 3], ['Tuấn', 6], ['Tùng', 4], ['Việt', 3], ['Vinh', 4], ['Vũ', 3], ['Hậu', 2],
  ['Lợi', 3], ['Mạnh', 3], ['Hiệp', 2], ['Tú', 2], ['Thông', 2], ['Sang', 2], ['Tín', 2], ['Thuận', 3], ['Khải', 2], ['Hào', 2],
  ['Định', 2], ['Chiến', 3], ['Công', 2], ['Đông', 2], ['Hiển', 2], ['Quý', 2], ['Thái', 2], ['Hoan', 1], ['Kha', 1],
];
const MALE_GIVEN_SOUTH: Weighted<string> = [['Nhựt', 3], ['Phát', 2], ['Lực', 1], ['Em', 1], ['Út', 1], ['Hên', 1], ['Mến', 1]];
const MALE_GIVEN_YOUNG: Weighted<string> = [
  ['Khang', 5], ['Khôi', 4], ['Phúc', 4], ['Bảo', 4], ['Huy', 5], ['Minh', 5], ['Nam', 4], ['Quân', 4], ['Đăng', 3], ['Kiệt', 4],
  ['Thịnh', 3], ['Tín', 3], ['Nguyên', 3], ['An', 4], ['Khoa', 3], ['Duy', 3], ['Hưng', 3], ['Long', 3], ['Phát', 4], ['Lâm', 3],
  ['Vinh', 2], ['Hiếu', 3], ['Thiện', 2], ['Trí', 3], ['Sơn', 2], ['Đạt', 3],
];
const FEMALE_MIDDLE: Weighted<string> = [
  ['Ngọc', 8], ['Thu', 5], ['Thanh', 5], ['Kim', 5], ['Minh', 3], ['Phương', 3], ['Mỹ', 4], ['Hồng', 4], ['Thùy', 3], ['Bích', 2],
  ['Diệu', 1], ['Khánh', 2], ['Bảo', 2], ['Hoài', 1], ['Quỳnh', 2], ['Lan', 1], ['Xuân', 2], ['Hải', 1], ['Thúy', 2], ['Kiều', 1],
  ['Tuyết', 1], ['Cẩm', 2], ['Huyền', 1], ['Mai', 1], ['Như', 2], ['Yến', 1], ['Thảo', 1],
];
/** The second middle name after "Thị" ("Nguyễn Thị Hồng Nhung"). */
const AFTER_THI: Weighted<string> = [
  ['Hồng', 4], ['Mỹ', 5], ['Thu', 4], ['Thanh', 4], ['Ngọc', 5], ['Kim', 4], ['Bích', 3], ['Thúy', 3], ['Kiều', 2], ['Minh', 2],
  ['Phương', 3], ['Hoài', 2], ['Tuyết', 2], ['Cẩm', 2], ['Quỳnh', 2], ['Diệu', 1], ['Thùy', 3], ['Lan', 2], ['Xuân', 2],
];
const FEMALE_MIDDLE_YOUNG: Weighted<string> = [
  ['Ngọc', 6], ['Bảo', 5], ['Gia', 4], ['Khánh', 4], ['Thảo', 3], ['Minh', 4], ['Phương', 3], ['Thanh', 3], ['Yến', 2], ['Tú', 2],
  ['Thiên', 2], ['Hoài', 2], ['Như', 2], ['Cát', 1], ['Mai', 2], ['Kim', 2], ['Thị', 4],
];
const FEMALE_GIVEN: Weighted<string> = [
  ['Anh', 4], ['Châu', 2], ['Chi', 3], ['Diễm', 3], ['Dung', 4], ['Duyên', 3], ['Giang', 3], ['Hà', 5], ['Hạnh', 4], ['Hằng', 5],
  ['Hiền', 4], ['Hoa', 5], ['Hồng', 4], ['Huệ', 3], ['Hương', 6], ['Huyền', 4], ['Lan', 5], ['Liên', 3], ['Linh', 6], ['Loan', 4],
  ['Mai', 5], ['My', 3], ['Nga', 4], ['Ngân', 3], ['Nhi', 3], ['Nhung', 4], ['Oanh', 3], ['Phương', 5], ['Phượng', 3], ['Quyên', 2],
  ['Tâm', 3], ['Thảo', 5], ['Thanh', 3], ['Thoa', 2], ['Thu', 3], ['Thủy', 5], ['Thúy', 4], ['Trang', 6], ['Trâm', 3], ['Trinh', 3],
  ['Tuyết', 3], ['Uyên', 3], ['Vân', 4], ['Vy', 3], ['Xuân', 3], ['Yến', 5], ['Lý', 2], ['Hậu', 2], ['Ngọc', 3], ['Tiên', 3],
  ['Trân', 2], ['Diệp', 2], ['Nguyệt', 2], ['Lệ', 2], ['Ly', 2], ['Thơ', 2], ['Sương', 2], ['Đào', 2], ['Cúc', 2], ['Kiều', 1],
];
const FEMALE_GIVEN_SOUTH: Weighted<string> = [['Lài', 2], ['Mến', 2], ['Nương', 1], ['Lụa', 1], ['Nhung', 1], ['Bé', 1]];
const FEMALE_GIVEN_YOUNG: Weighted<string> = [
  ['Vy', 5], ['Nhi', 5], ['Ngân', 4], ['My', 4], ['Trâm', 3], ['Hân', 5], ['Thư', 4], ['Linh', 5], ['Như', 4], ['Quỳnh', 3],
  ['Uyên', 4], ['Châu', 3], ['An', 4], ['Anh', 5], ['Chi', 3], ['Tiên', 3], ['Thảo', 3], ['Trân', 3], ['Hà', 2], ['Diệp', 2],
  ['Nguyên', 2],
];

const mix = <T>(...tables: Weighted<T>[]): Weighted<T> => tables.flat();

/** "Văn Hùng", "Thị Hồng Nhung", "Gia Huy": the middle and given names of a Kinh (or Kinh-named) person. */
function kinhGiven(r: Rng, sex: Sex, birthYear: number, region: Region, opts: { plainOnly?: boolean } = {}): string {
  const young = birthYear >= 2005;
  for (;;) {
    let middle: string[];
    let given: string;
    if (sex === 'male') {
      const van = opts.plainOnly ? 0 : birthYear < 1975 ? 0.55 : birthYear < 1995 ? 0.35 : 0.12;
      const table = young
        ? MALE_MIDDLE_YOUNG
        : mix(MALE_MIDDLE, region === 'south' ? MALE_MIDDLE_SOUTH : region === 'north' ? MALE_MIDDLE_NORTH : []);
      middle = [chance(r, van) ? 'Văn' : weighted(r, table)];
      const givens = mix(MALE_GIVEN, region === 'south' ? MALE_GIVEN_SOUTH : []);
      given = young && chance(r, 0.6) ? weighted(r, MALE_GIVEN_YOUNG) : weighted(r, givens);
    } else {
      const thi = opts.plainOnly ? 0 : birthYear < 1975 ? 0.8 : birthYear < 1995 ? 0.55 : 0.25;
      if (chance(r, thi)) middle = chance(r, birthYear < 1975 ? 0.12 : 0.3) ? ['Thị', weighted(r, AFTER_THI)] : ['Thị'];
      else middle = [weighted(r, young ? FEMALE_MIDDLE_YOUNG : FEMALE_MIDDLE)];
      if (opts.plainOnly && middle[0] === 'Thị') middle = [weighted(r, FEMALE_MIDDLE)];
      const givens = mix(FEMALE_GIVEN, region === 'south' ? FEMALE_GIVEN_SOUTH : []);
      given = young && chance(r, 0.6) ? weighted(r, FEMALE_GIVEN_YOUNG) : weighted(r, givens);
    }
    if (!middle.includes(given)) return [...middle, given].join(' ');
  }
}

function kinhFamily(r: Rng, region: Region): string {
  const f = weighted(r, KINH_FAMILY);
  const spelling = SOUTHERN_SPELLING[region];
  if (f === 'Hoàng') return chance(r, spelling.huynh) ? 'Huỳnh' : 'Hoàng';
  if (f === 'Vũ') return chance(r, spelling.vo) ? 'Võ' : 'Vũ';
  return f;
}

// Khmer of Kiên Giang: men mostly "Danh …", women "Thị …" or "Danh Thị …".
const KHMER_FAMILY: Weighted<string> = [['Danh', 55], ['Thạch', 10], ['Sơn', 8], ['Chau', 8], ['Lâm', 7], ['Kim', 7], ['Trần', 3], ['Huỳnh', 2]];
const KHMER_MALE_GIVEN = [
  'Sà Phên', 'Sóc', 'Phol', 'Sươl', 'Thươl', 'Chanh', 'Sa Rươn', 'Sóc Khên', 'Kha', 'Rươl', 'Khởi', 'Mến', 'Út', 'Sal', 'Chăm', 'Rết',
  'Sà Ly', 'Sóc Khơm', 'Dên', 'Mol', 'Năng', 'Keo', 'Sa Vuth', 'Sóc Thắng', 'Sang', 'Hên', 'Rưng', 'Sà Rinh', 'Tha', 'Nol', 'Sóc Phol',
  'Chanh Thi', 'Sà Mưl', 'Ny', 'Huôn', 'Sô Phát', 'Chanh Đa', 'Sa Mết', 'Thươne', 'Sóc Ly', 'Sà Phol', 'Ca Ri', 'Kim Sang',
  'Sơ Phanh', 'Sa Ron', 'Kha Na', 'Ngọc Sươl', 'Rinh', 'Hiêl', 'Pha', 'Sà Vuông', 'Sóc Ngoan', 'Som', 'Sóc Ry', 'Sa Veth', 'Phi',
  'Vươl', 'Kim Hoàng', 'Sóc Phiên', 'Bil', 'Xây',
];
const KHMER_FEMALE_GIVEN = [
  'Sóc Khá', 'Sa Ry', 'Huôl', 'Phép', 'Sa Rây', 'Sà Quênh', 'Sơ Ry', 'Nâm', 'Sà Phiên', 'Sa Rết', 'Xiêm', 'Mum', 'Sa Vân', 'Phal',
  'Sa Rươl', 'Sóc Pha', 'Sà Rum', 'Sà Mết', 'Thol', 'Sa Rinh', 'Na', 'Sà Nê', 'Sóc Na', 'Ma Ly', 'Sa Phol', 'Kim Chên', 'Sà Ươl',
  'Sa Rươne', 'Sóc Thi', 'Kim Sa', 'Sà Ry', 'Ngọc Sa', 'Sa Mi', 'Phiếu', 'Mỹ Sa', 'Sóc Mây', 'Chanh Ni', 'Sa Kha', 'Sóc Lin',
  'Sà Pho', 'Kim Sươl', 'Ry Na', 'Sà Mây', 'Sóc Thươl', 'Sa Ranh', 'Chăn Thu', 'Sa Quin', 'Sóc Hên', 'Pho Ly',
];
const HOA_FAMILY: Weighted<string> = [
  ['Lâm', 15], ['Trần', 12], ['Lý', 12], ['Quách', 8], ['Huỳnh', 8], ['Trương', 8], ['Hứa', 7], ['Tăng', 6], ['Dương', 6], ['Mã', 5],
  ['Châu', 5], ['Lưu', 5], ['La', 3], ['Diệp', 3], ['Tạ', 3],
];
const TAY_FAMILY: Weighted<string> = [
  ['Hoàng', 25], ['Nông', 20], ['Lương', 8], ['Hà', 8], ['Ma', 5], ['Lộc', 4], ['Đàm', 4], ['Triệu', 4], ['Vi', 4], ['Lâm', 3],
  ['Chu', 3], ['Mã', 3], ['Nguyễn', 6], ['Lục', 3], ['Hứa', 2], ['Dương', 3],
];
const NUNG_FAMILY: Weighted<string> = [
  ['Hoàng', 25], ['Nông', 15], ['Lý', 10], ['Vi', 10], ['Lăng', 8], ['Chu', 6], ['Mông', 4], ['Hứa', 4], ['Lương', 5], ['Triệu', 5],
  ['Hà', 3], ['Lục', 5],
];
const DAO_FAMILY: Weighted<string> = [['Bàn', 30], ['Triệu', 30], ['Đặng', 15], ['Lý', 10], ['Phùng', 8], ['Chảo', 7]];
const HIGHLANDS_MALE = ['Pớt', 'Hơi', 'Thông', 'Khoa', 'Jar', 'Nhong', 'Brơi', 'Đoan', 'Sơn', 'Lêm', 'Vinh', 'Dũng', 'Blưh', 'Hmưn', 'Tuấn', 'Kiên', 'Hùng', 'Thiết'];
const HIGHLANDS_FEMALE = ['Mửi', 'Bluyn', 'Hơn', 'Lan', 'Vẻ', 'Hiền', 'Hoa', 'Ngọc', 'Nhung', 'Thảo', 'Khuyên', 'Lưu', 'Phương', 'Bích', 'Đinh'];

/** Ethnic groups, as the standard names of the 54 (Khơ-me, not Khmer: cell-values.ts ETHNIC_GROUPS). */
type Ethnicity = 'Kinh' | 'Khơ-me' | 'Hoa' | 'Tày' | 'Nùng' | 'Dao' | 'Xơ-đăng' | 'Ba-na' | 'Gié-Triêng';

/** The language a minority member may declare, as the people table records ethnic languages. */
const ETHNIC_LANGUAGE: Partial<Record<Ethnicity, string>> = {
  'Khơ-me': 'Khmer',
  Hoa: 'Hoa',
  Tày: 'Tày',
  Nùng: 'Nùng',
  Dao: 'Dao',
  'Xơ-đăng': 'Xơ-đăng',
  'Ba-na': 'Ba-na',
  'Gié-Triêng': 'Gié-Triêng',
};

interface Name {
  fullName: string;
  /** The family (lineage) name, when the name shows one ("Thị Sóc Khá" does not). */
  family: string | null;
}

/** A person's name; `family` is the father's family name when known (children take it). */
function nameOf(r: Rng, ethnicity: Ethnicity, sex: Sex, birthYear: number, region: Region, family?: string | null): Name {
  switch (ethnicity) {
    case 'Khơ-me': {
      const fam = family ?? weighted(r, KHMER_FAMILY);
      const modern = birthYear >= 1990 && chance(r, 0.45);
      if (sex === 'male') {
        const given = modern ? kinhGiven(r, 'male', birthYear, 'south', { plainOnly: true }) : pick(r, KHMER_MALE_GIVEN);
        return { fullName: `${fam} ${given}`, family: fam };
      }
      const given = modern ? kinhGiven(r, 'female', birthYear, 'south', { plainOnly: true }) : pick(r, KHMER_FEMALE_GIVEN);
      const style = weighted(r, [['thi', 40], ['family thi', 45], ['neang', modern ? 0 : fam === 'Chau' ? 30 : 3]] as const);
      if (style === 'thi') return { fullName: `Thị ${given}`, family: null };
      if (style === 'neang') return { fullName: `Néang ${given}`, family: null };
      return { fullName: `${fam} Thị ${given}`, family: fam };
    }
    case 'Xơ-đăng':
    case 'Ba-na':
    case 'Gié-Triêng':
      return { fullName: sex === 'male' ? `A ${pick(r, HIGHLANDS_MALE)}` : `Y ${pick(r, HIGHLANDS_FEMALE)}`, family: null };
    default: {
      const table = ethnicity === 'Hoa' ? HOA_FAMILY : ethnicity === 'Tày' ? TAY_FAMILY : ethnicity === 'Nùng' ? NUNG_FAMILY : ethnicity === 'Dao' ? DAO_FAMILY : null;
      const fam = family ?? (table ? weighted(r, table) : kinhFamily(r, region));
      return { fullName: `${fam} ${kinhGiven(r, sex, birthYear, region)}`, family: fam };
    }
  }
}

/** The family name a full name starts with (for override names). */
const familyOfName = (fullName: string) => fullName.split(' ')[0]!;

// ── identifiers ─────────────────────────────────────────────────────────────

const MOBILE_PREFIXES = [
  '086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039', // Viettel
  '088', '091', '094', '081', '082', '083', '084', '085', // VinaPhone
  '089', '090', '093', '070', '076', '077', '078', '079', // MobiFone
  '056', '058', // Vietnamobile
];

class Identifiers {
  private readonly citizenIds = new Set<string>();
  private readonly phones = new Set<string>();

  /** A CCCD number: province, century-and-sex digit, two digits of the year, six digits. */
  citizenId(r: Rng, province: string, birthDate: string, sex: Sex): string {
    const year = Number(birthDate.slice(0, 4));
    const digit = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
    for (;;) {
      const id = `${province}${digit}${String(year % 100).padStart(2, '0')}${String(int(r, 0, 999_999)).padStart(6, '0')}`;
      if (!this.citizenIds.has(id)) {
        this.citizenIds.add(id);
        return id;
      }
    }
  }

  phone(r: Rng): string {
    for (;;) {
      const p = pick(r, MOBILE_PREFIXES) + String(int(r, 0, 9_999_999)).padStart(7, '0');
      if (!this.phones.has(p)) {
        this.phones.add(p);
        return p;
      }
    }
  }
}

// ── education ───────────────────────────────────────────────────────────────

type Lang = ImportRecord['person']['languages'][number];
const english = (certificate: string, level: number | null): Lang => ({ language: 'en', kind: 'foreign', certificate, level });

/** Foreign languages of someone with a degree (TT 01/2014 levels; the old A/B/C letters have none). */
function foreignLanguages(r: Rng, birthYear: number, province: string): Lang[] {
  const out: Lang[] = [];
  const en = weighted<Lang | null>(r, [
    [null, 15],
    [english('B1', 3), 45],
    [english('B2', 4), 8],
    [english('A2', 2), 10],
    [english('C1', 5), 2],
    [english('B', null), birthYear < 1985 ? 25 : 5],
    [english('TOEIC 550', null), 3],
  ]);
  if (en) out.push(en);
  // Lạng Sơn borders China: some officials read Chinese.
  if (province === '020' && chance(r, 0.15)) {
    const certificate = chance(r, 0.5) ? 'B1' : 'HSK 4';
    out.push({ language: 'zh', kind: 'foreign', certificate, level: certificate === 'B1' ? 3 : null });
  }
  return out;
}

const IT_SKILLS: Weighted<string | null> = [
  ['Chuẩn kỹ năng sử dụng CNTT cơ bản', 60],
  ['Chuẩn kỹ năng sử dụng CNTT nâng cao', 8],
  ['Chứng chỉ tin học B', 12],
  ['Chứng chỉ tin học A', 8],
  [null, 12],
];

/** Ranks of a qualification, lowest first, to compare. */
const QUAL_ORDER: Qualification[] = ['none', 'so_cap', 'trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'];
const atLeast = (q: Qualification, min: Qualification) => QUAL_ORDER.indexOf(q) >= QUAL_ORDER.indexOf(min);

// ── staff ───────────────────────────────────────────────────────────────────

interface Role {
  leader?: boolean;
  /** 'civil' becomes viên chức in public-service units (đơn vị sự nghiệp). */
  category: 'civil' | 'nguoi_lao_dong';
  age: [number, number];
  female: number;
  qual: Weighted<Qualification>;
  rank: (q: Qualification, age: number, r: Rng) => string | null;
}

const DIRECTOR_QUAL: Weighted<Qualification> = [['thac_si', 60], ['tien_si', 10], ['dai_hoc', 30]];
const HEAD_QUAL: Weighted<Qualification> = [['thac_si', 45], ['dai_hoc', 55]];
const seniorRank = (p: number) => (_q: Qualification, _a: number, r: Rng) => (chance(r, p) ? 'Chuyên viên chính' : 'Chuyên viên');
const doctorRank = (_q: Qualification, age: number, r: Rng) => (age >= 45 && chance(r, 0.45) ? 'Bác sĩ chính hạng II' : 'Bác sĩ hạng III');
const grade = (name: string) => (q: Qualification) => `${name} hạng ${atLeast(q, 'dai_hoc') ? 'III' : 'IV'}`;

const leader = (age: [number, number], female: number, qual: Weighted<Qualification>, rank: Role['rank']): Role => ({ leader: true, category: 'civil', age, female, qual, rank });
const civil = (age: [number, number], female: number, qual: Weighted<Qualification>, rank: Role['rank']): Role => ({ category: 'civil', age, female, qual, rank });

const ROLES = {
  'Giám đốc': leader([47, 58], 0.2, DIRECTOR_QUAL, (_q, _a, r) => (chance(r, 0.5) ? 'Chuyên viên cao cấp' : 'Chuyên viên chính')),
  'Phó Giám đốc': leader([40, 58], 0.3, DIRECTOR_QUAL, seniorRank(0.85)),
  'Chánh Văn phòng': leader([38, 58], 0.35, HEAD_QUAL, seniorRank(0.6)),
  'Phó Chánh Văn phòng': leader([33, 56], 0.5, HEAD_QUAL, seniorRank(0.3)),
  'Chánh Thanh tra': leader([40, 58], 0.25, HEAD_QUAL, () => 'Thanh tra viên chính'),
  'Phó Chánh Thanh tra': leader([35, 57], 0.35, HEAD_QUAL, (_q, _a, r) => (chance(r, 0.5) ? 'Thanh tra viên chính' : 'Thanh tra viên')),
  'Trưởng phòng': leader([37, 58], 0.4, HEAD_QUAL, seniorRank(0.7)),
  'Phó Trưởng phòng': leader([32, 57], 0.45, HEAD_QUAL, seniorRank(0.35)),
  'Chi cục trưởng': leader([42, 58], 0.3, HEAD_QUAL, seniorRank(0.8)),
  'Phó Chi cục trưởng': leader([36, 57], 0.35, HEAD_QUAL, seniorRank(0.4)),
  'Chuyên viên chính': civil([38, 60], 0.55, [['thac_si', 40], ['dai_hoc', 60]], () => 'Chuyên viên chính'),
  'Chuyên viên': civil([23, 58], 0.58, [['dai_hoc', 80], ['thac_si', 18], ['cao_dang', 2]], (q) => (q === 'cao_dang' ? 'Cán sự' : 'Chuyên viên')),
  'Thanh tra viên chính': civil([38, 60], 0.4, [['thac_si', 40], ['dai_hoc', 60]], () => 'Thanh tra viên chính'),
  'Thanh tra viên': civil([26, 58], 0.45, [['dai_hoc', 80], ['thac_si', 20]], () => 'Thanh tra viên'),
  'Kế toán viên': civil([24, 58], 0.75, [['dai_hoc', 85], ['thac_si', 5], ['cao_dang', 10]], (q) => (q === 'cao_dang' ? 'Kế toán viên trung cấp' : 'Kế toán viên')),
  'Thủ quỹ': civil([26, 56], 0.8, [['cao_dang', 50], ['trung_cap', 30], ['dai_hoc', 20]], (q) => (atLeast(q, 'dai_hoc') ? 'Kế toán viên' : 'Kế toán viên trung cấp')),
  'Văn thư': civil([24, 58], 0.8, [['trung_cap', 40], ['cao_dang', 30], ['dai_hoc', 30]], (q) => (atLeast(q, 'dai_hoc') ? 'Văn thư viên' : 'Văn thư viên trung cấp')),
  'Lái xe': { category: 'nguoi_lao_dong', age: [27, 58], female: 0, qual: [['so_cap', 50], ['trung_cap', 20], ['none', 30]], rank: () => null },
  'Bảo vệ': { category: 'nguoi_lao_dong', age: [30, 60], female: 0.05, qual: [['none', 60], ['so_cap', 40]], rank: () => null },
  'Nhân viên phục vụ': { category: 'nguoi_lao_dong', age: [28, 58], female: 0.9, qual: [['none', 70], ['so_cap', 30]], rank: () => null },
  // Public-service units of the Sở
  'Trợ giúp viên pháp lý': civil([27, 58], 0.5, [['dai_hoc', 85], ['thac_si', 15]], (_q, age, r) => (age >= 42 && chance(r, 0.4) ? 'Trợ giúp viên pháp lý hạng II' : 'Trợ giúp viên pháp lý hạng III')),
  'Công chứng viên': civil([32, 60], 0.45, [['dai_hoc', 80], ['thac_si', 20]], () => 'Chuyên viên'),
  'Thư ký nghiệp vụ': civil([23, 45], 0.65, [['dai_hoc', 100]], () => 'Chuyên viên'),
  'Địa chính viên': civil([24, 58], 0.4, [['dai_hoc', 80], ['cao_dang', 10], ['thac_si', 10]], grade('Địa chính viên')),
  'Quan trắc viên': civil([24, 58], 0.45, [['dai_hoc', 75], ['thac_si', 15], ['cao_dang', 10]], grade('Quan trắc viên tài nguyên môi trường')),
  'Kỹ sư': civil([24, 55], 0.3, [['dai_hoc', 85], ['thac_si', 15]], () => 'Công nghệ thông tin hạng III'),
  // Health centre (viên chức)
  'Trưởng khoa': leader([36, 58], 0.35, [['thac_si', 55], ['dai_hoc', 45]], doctorRank),
  'Phó Trưởng khoa': leader([32, 57], 0.45, [['thac_si', 40], ['dai_hoc', 60]], doctorRank),
  'Trạm trưởng': leader([34, 58], 0.4, [['dai_hoc', 60], ['trung_cap', 40]], (q, age, r) => (q === 'trung_cap' ? 'Y sĩ hạng IV' : doctorRank(q, age, r))),
  'Điều dưỡng trưởng': civil([35, 58], 0.8, [['cao_dang', 40], ['dai_hoc', 60]], grade('Điều dưỡng')),
  'Bác sĩ': civil([26, 60], 0.45, [['dai_hoc', 65], ['thac_si', 35]], doctorRank),
  'Điều dưỡng': civil([22, 58], 0.72, [['cao_dang', 45], ['dai_hoc', 35], ['trung_cap', 20]], grade('Điều dưỡng')),
  'Y sĩ': civil([23, 58], 0.55, [['trung_cap', 100]], () => 'Y sĩ hạng IV'),
  'Dược sĩ': civil([24, 58], 0.7, [['dai_hoc', 40], ['cao_dang', 20], ['trung_cap', 40]], (q) => (atLeast(q, 'dai_hoc') ? 'Dược sĩ hạng III' : 'Dược hạng IV')),
  'Hộ sinh': civil([23, 58], 1, [['cao_dang', 50], ['trung_cap', 30], ['dai_hoc', 20]], grade('Hộ sinh')),
  'Kỹ thuật viên': civil([23, 58], 0.5, [['cao_dang', 50], ['dai_hoc', 40], ['trung_cap', 10]], grade('Kỹ thuật y')),
  'Dân số viên': civil([24, 55], 0.7, [['trung_cap', 30], ['cao_dang', 30], ['dai_hoc', 40]], grade('Dân số viên')),
} satisfies Record<string, Role>;

type Position = keyof typeof ROLES;

/** Who fills a unit of `size`: its leaders first, then the rest. */
type Template = { public?: boolean; roles: (size: number) => Position[] };

const fill = (size: number, fixed: Position[], rest: Weighted<Position>): Position[] => {
  const out = [...fixed];
  // Deterministic spread of the rest by weight (largest remainder), independent of any PRNG.
  const total = rest.reduce((s, [, w]) => s + w, 0);
  const n = Math.max(0, size - fixed.length);
  const exact = rest.map(([p, w]) => ({ p, x: (n * w) / total }));
  const counts = exact.map((e) => Math.floor(e.x));
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, frac: e.x - Math.floor(e.x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    counts[i]! += 1;
  }
  exact.forEach((e, i) => out.push(...Array<Position>(counts[i]!).fill(e.p)));
  return out.slice(0, Math.max(size, fixed.length));
};

const deputies = (size: number, title: Position): Position[] => Array<Position>(size >= 25 ? 3 : size >= 12 ? 2 : 1).fill(title);

const TEMPLATES: { match: RegExp; kind?: string; health?: boolean; template: Template }[] = [
  { match: /^Văn phòng Sở/, template: { roles: (n) => fill(n, ['Chánh Văn phòng', ...deputies(n, 'Phó Chánh Văn phòng'), 'Kế toán viên', 'Kế toán viên', 'Thủ quỹ', 'Văn thư', 'Văn thư', ...Array<Position>(n >= 25 ? 3 : 2).fill('Lái xe'), 'Bảo vệ', 'Bảo vệ', 'Nhân viên phục vụ'], [['Chuyên viên chính', 1], ['Chuyên viên', 3]]) } },
  { match: /^Thanh tra/, template: { roles: (n) => fill(n, ['Chánh Thanh tra', ...deputies(n, 'Phó Chánh Thanh tra')], [['Thanh tra viên chính', 1], ['Thanh tra viên', 2], ['Chuyên viên', 1]]) } },
  { match: /^Chi cục/, template: { roles: (n) => fill(n, ['Chi cục trưởng', ...deputies(n, 'Phó Chi cục trưởng'), 'Kế toán viên', 'Văn thư'], [['Chuyên viên chính', 1], ['Chuyên viên', 3]]) } },
  { match: /^Trung tâm Trợ giúp pháp lý/, template: { public: true, roles: (n) => fill(n, ['Giám đốc', ...deputies(n, 'Phó Giám đốc'), 'Kế toán viên', 'Văn thư', 'Lái xe'], [['Trợ giúp viên pháp lý', 3], ['Chuyên viên', 1]]) } },
  { match: /^Phòng Công chứng/, template: { public: true, roles: (n) => fill(n, ['Trưởng phòng', 'Phó Trưởng phòng', 'Kế toán viên'], [['Công chứng viên', 1], ['Thư ký nghiệp vụ', 1]]) } },
  { match: /^Văn phòng Đăng ký đất đai/, template: { public: true, roles: (n) => fill(n, ['Giám đốc', ...deputies(n, 'Phó Giám đốc'), 'Kế toán viên', 'Văn thư'], [['Địa chính viên', 3], ['Chuyên viên', 1]]) } },
  { match: /^Trung tâm Quan trắc/, template: { public: true, roles: (n) => fill(n, ['Giám đốc', 'Phó Giám đốc', 'Kế toán viên'], [['Quan trắc viên', 3], ['Chuyên viên', 1]]) } },
  { match: /^Trung tâm Công nghệ thông tin/, template: { public: true, roles: (n) => fill(n, ['Giám đốc', 'Phó Giám đốc', 'Kế toán viên'], [['Kỹ sư', 3], ['Chuyên viên', 1]]) } },
  // Health centre
  { match: /Tổ chức/, health: true, template: { roles: (n) => fill(n, ['Trưởng phòng', 'Phó Trưởng phòng', 'Văn thư', 'Lái xe', 'Lái xe', 'Bảo vệ'], [['Chuyên viên', 1]]) } },
  { match: /Tài chính – Kế toán|Tài chính - Kế toán/, health: true, template: { roles: (n) => fill(n, ['Trưởng phòng', 'Phó Trưởng phòng', 'Thủ quỹ'], [['Kế toán viên', 1]]) } },
  { match: /Kế hoạch/, health: true, template: { roles: (n) => fill(n, ['Trưởng phòng', 'Phó Trưởng phòng', 'Bác sĩ'], [['Chuyên viên', 2], ['Điều dưỡng', 1]]) } },
  { match: /Dân số/, health: true, template: { roles: (n) => fill(n, ['Trưởng phòng', 'Phó Trưởng phòng'], [['Dân số viên', 2], ['Chuyên viên', 1]]) } },
  { match: /Dược/, health: true, template: { roles: (n) => fill(n, ['Trưởng khoa'], [['Dược sĩ', 4], ['Kỹ thuật viên', 1]]) } },
  { match: /Xét nghiệm/, health: true, template: { roles: (n) => fill(n, ['Trưởng khoa', 'Bác sĩ'], [['Kỹ thuật viên', 1]]) } },
  { match: /Ngoại/, health: true, template: { roles: (n) => fill(n, ['Trưởng khoa', 'Phó Trưởng khoa', 'Điều dưỡng trưởng'], [['Bác sĩ', 2], ['Hộ sinh', 3], ['Điều dưỡng', 2]]) } },
  { match: /Y học cổ truyền/, health: true, template: { roles: (n) => fill(n, ['Trưởng khoa', 'Điều dưỡng trưởng'], [['Bác sĩ', 2], ['Y sĩ', 2], ['Kỹ thuật viên', 2], ['Điều dưỡng', 1]]) } },
  { match: /Kiểm soát bệnh tật/, health: true, template: { roles: (n) => fill(n, ['Trưởng khoa', 'Phó Trưởng khoa'], [['Bác sĩ', 1], ['Y sĩ', 2], ['Điều dưỡng', 1], ['Chuyên viên', 1]]) } },
  { match: /An toàn thực phẩm/, health: true, template: { roles: (n) => fill(n, ['Trưởng khoa'], [['Y sĩ', 1], ['Chuyên viên', 1]]) } },
  { match: /^Trạm Y tế/, health: true, template: { roles: (n) => fill(n, ['Trạm trưởng', 'Bác sĩ', 'Hộ sinh', 'Dược sĩ'], [['Y sĩ', 2], ['Điều dưỡng', 1]]) } },
  { match: /^Khoa/, health: true, template: { roles: (n) => fill(n, ['Trưởng khoa', ...(n >= 9 ? (['Phó Trưởng khoa'] as Position[]) : []), 'Điều dưỡng trưởng'], [['Bác sĩ', 2], ['Điều dưỡng', 3], ['Y sĩ', 1]]) } },
  { match: /^Phòng/, health: true, template: { roles: (n) => fill(n, ['Trưởng phòng', 'Phó Trưởng phòng'], [['Chuyên viên', 1]]) } },
  // Any other phòng of a Sở
  { match: /./, template: { roles: (n) => fill(n, ['Trưởng phòng', ...deputies(n, 'Phó Trưởng phòng')], [['Chuyên viên chính', 1], ['Chuyên viên', 3]]) } },
];

interface AgencyPlan {
  /** Path of the agency in demo-data.ts. */
  path: string;
  province: string;
  region: Region;
  ethnic: Weighted<Ethnicity>;
  health?: boolean;
  /** Leadership, members of the agency itself. */
  leaders: Position[];
  /** Staff per unit by name; units not named get `defaultSize`. */
  sizes: Record<string, number>;
  defaultSize: number;
}

const GT = 'Huyện Giang Thành';

export const DEMO_AGENCIES: AgencyPlan[] = [
  {
    path: 'Sở Tài chính tỉnh Kon Tum',
    province: '062',
    region: 'highlands',
    ethnic: [['Kinh', 90], ['Xơ-đăng', 5], ['Ba-na', 3], ['Gié-Triêng', 2]],
    leaders: ['Giám đốc', 'Phó Giám đốc', 'Phó Giám đốc', 'Phó Giám đốc'],
    sizes: {
      'Văn phòng Sở': 34,
      'Thanh tra Sở': 18,
      'Phòng Quản lý ngân sách': 28,
      'Phòng Tài chính hành chính sự nghiệp': 26,
      'Phòng Tài chính đầu tư': 26,
      'Phòng Quản lý giá và công sản': 22,
      'Phòng Tài chính doanh nghiệp': 20,
    },
    defaultSize: 20,
  },
  {
    path: 'Sở Tài chính tỉnh Tây Ninh',
    province: '072',
    region: 'south',
    ethnic: [['Kinh', 97], ['Khơ-me', 2], ['Hoa', 1]],
    leaders: ['Giám đốc', 'Phó Giám đốc', 'Phó Giám đốc', 'Phó Giám đốc'],
    sizes: { 'Văn phòng Sở': 22, 'Thanh tra Sở': 12, 'Phòng Quản lý ngân sách': 18 },
    defaultSize: 14,
  },
  {
    path: 'Sở Tư pháp tỉnh Tuyên Quang',
    province: '008',
    region: 'north',
    ethnic: [['Kinh', 65], ['Tày', 25], ['Dao', 6], ['Nùng', 4]],
    leaders: ['Giám đốc', 'Phó Giám đốc', 'Phó Giám đốc'],
    sizes: { 'Văn phòng Sở': 16, 'Thanh tra Sở': 8, 'Trung tâm Trợ giúp pháp lý nhà nước': 18, 'Phòng Công chứng số 1': 8 },
    defaultSize: 7,
  },
  {
    path: 'Sở Tài nguyên và Môi trường tỉnh Lạng Sơn',
    province: '020',
    region: 'north',
    ethnic: [['Kinh', 35], ['Tày', 35], ['Nùng', 28], ['Dao', 2]],
    leaders: ['Giám đốc', 'Phó Giám đốc', 'Phó Giám đốc', 'Phó Giám đốc'],
    sizes: {
      'Văn phòng Sở': 18,
      'Thanh tra Sở': 9,
      'Phòng Quản lý đất đai': 12,
      'Chi cục Bảo vệ môi trường': 12,
      'Văn phòng Đăng ký đất đai': 20,
      'Trung tâm Quan trắc tài nguyên và môi trường': 12,
      'Trung tâm Công nghệ thông tin tài nguyên và môi trường': 9,
    },
    defaultSize: 7,
  },
  {
    path: `${GT}${ORG_PATH_SEPARATOR}Trung tâm Y tế Giang Thành`,
    province: '091',
    region: 'south',
    ethnic: [['Kinh', 83], ['Khơ-me', 14], ['Hoa', 3]],
    health: true,
    leaders: ['Giám đốc', 'Phó Giám đốc', 'Phó Giám đốc'],
    sizes: {
      'Phòng Tổ chức – Hành chính': 8,
      'Phòng Kế hoạch – Nghiệp vụ': 6,
      'Phòng Tài chính – Kế toán': 6,
      'Phòng Dân số – TTGDSK': 7,
      'Khoa Khám bệnh': 10,
      'Khoa Hồi sức cấp cứu': 11,
      'Khoa Nội tổng hợp': 11,
      'Khoa Ngoại – Chăm sóc sức khỏe sinh sản': 12,
      'Khoa Nhi': 9,
      'Khoa Y học cổ truyền – Phục hồi chức năng': 9,
      'Khoa Xét nghiệm – Chẩn đoán hình ảnh': 9,
      'Khoa Dược – Trang thiết bị – Vật tư y tế': 8,
      'Khoa Kiểm soát bệnh tật': 9,
      'Khoa An toàn thực phẩm': 5,
    },
    defaultSize: 6,
  },
];

/** Positions the health centre's leadership hold as doctors. */
const HEALTH_LEADER_RANK = doctorRank;

/** Account holders shown among the staff: login → the position they hold in their home unit. */
const ACCOUNT_POSITIONS: Record<string, { position: Position; ethnicity?: Ethnicity; sex: Sex }> = {
  'kt.lanhdao': { position: 'Giám đốc', sex: 'male' },
  'kt.quantri': { position: 'Chuyên viên', sex: 'male' },
  'kt.vanphong': { position: 'Phó Chánh Văn phòng', sex: 'female' },
  'kt.tphong.ns': { position: 'Trưởng phòng', sex: 'male' },
  'kt.tphong.dn': { position: 'Trưởng phòng', sex: 'female' },
  'kt.cv.ns': { position: 'Chuyên viên', sex: 'female' },
  'kt.cv.dn': { position: 'Chuyên viên', sex: 'male' },
  'kt.hoidong': { position: 'Trưởng phòng', sex: 'male' },
  'gt.tchc': { position: 'Trưởng phòng', sex: 'female' },
  'gt.khoa.kb': { position: 'Trưởng khoa', sex: 'male' },
  'gt.cv.kb': { position: 'Điều dưỡng', sex: 'female', ethnicity: 'Khơ-me' },
};
/** The commune account's holder heads a household of their commune. */
const ACCOUNT_RESIDENTS: Record<string, { sex: Sex; ethnicity: Ethnicity; occupation: string }> = {
  'gt.xa.phuloi': { sex: 'male', ethnicity: 'Kinh', occupation: 'Cán bộ xã' },
};

export interface DemoStaffRow {
  /** Org path (demo-data.ts) of the unit. */
  unit: string;
  record: ImportRecord;
  /** Login of the demo account whose holder this is, if any. */
  account?: string;
}

function staffMember(
  r: Rng,
  ids: Identifiers,
  plan: AgencyPlan,
  unit: string,
  position: Position,
  publicUnit: boolean,
  override?: { fullName: string; sex: Sex; ethnicity?: Ethnicity },
): ImportRecord {
  const role: Role = ROLES[position];
  const sex: Sex = override?.sex ?? (chance(r, role.female) ? 'female' : 'male');
  const age = int(r, role.age[0], role.age[1]);
  const birthYear = AS_OF_YEAR - age - (chance(r, 0.5) ? 1 : 0);
  const birthDate = dayIn(r, birthYear);
  const ethnicity: Ethnicity = override?.ethnicity ?? (override ? 'Kinh' : weighted(r, plan.ethnic));
  const name = override?.fullName ?? nameOf(r, ethnicity, sex, birthYear, plan.region).fullName;
  const qual = weighted(r, role.qual);
  const rank = plan.health && (position === 'Giám đốc' || position === 'Phó Giám đốc') ? HEALTH_LEADER_RANK(qual, age, r) : role.rank(qual, age, r);
  const category: StaffCategory = role.category === 'nguoi_lao_dong' ? 'nguoi_lao_dong' : publicUnit || plan.health ? 'vien_chuc' : 'cong_chuc';
  // Hired after their studies; leaders appointed to this post later in their career.
  const hiredAt = birthYear + (atLeast(qual, 'dai_hoc') ? 23 : 20) + int(r, 0, 4);
  const from = role.leader ? Math.max(hiredAt + 6, AS_OF_YEAR - int(r, 1, 9)) : Math.max(hiredAt, 1990);
  const startDate = dayBetween(r, `${Math.min(from, AS_OF_YEAR)}-01-01`, `${Math.min(from, AS_OF_YEAR)}-12-31`);
  const languages: Lang[] = atLeast(qual, 'cao_dang') ? foreignLanguages(r, birthYear, plan.province) : [];
  const ethnicLanguage = ETHNIC_LANGUAGE[ethnicity];
  if (ethnicLanguage && ethnicity !== 'Kinh' && chance(r, 0.4)) languages.push({ language: ethnicLanguage, kind: 'ethnic', certificate: null, level: null });
  // Officials posted among minorities often hold a certificate in the local language.
  if (ethnicity === 'Kinh' && plan.province === '062' && chance(r, 0.05)) languages.push({ language: 'Ba-na', kind: 'ethnic', certificate: 'Chứng chỉ tiếng Ba-na', level: null });
  if (ethnicity === 'Kinh' && plan.province === '091' && chance(r, 0.08)) languages.push({ language: 'Khmer', kind: 'ethnic', certificate: 'Chứng chỉ tiếng Khmer', level: null });
  return {
    person: {
      fullName: name,
      birthDate,
      sex,
      ethnicity,
      citizenId: ids.citizenId(r, plan.province, birthDate, sex),
      phone: chance(r, 0.96) ? ids.phone(r) : null,
      email: null,
      address: null,
      generalEducation: role.category === 'nguoi_lao_dong' && chance(r, 0.3) ? '9/12' : '12/12',
      qualification: qual,
      languages,
      itSkill: role.category === 'nguoi_lao_dong' ? (chance(r, 0.2) ? 'Chứng chỉ tin học A' : null) : weighted(r, IT_SKILLS),
      occupation: null,
      note: null,
    },
    unit: unit.split(ORG_PATH_SEPARATOR).pop()!,
    position,
    isLeader: role.leader ?? false,
    category,
    rank: role.category === 'nguoi_lao_dong' ? null : rank,
    startDate,
  };
}

function templateFor(org: DemoOrg, health: boolean) {
  return TEMPLATES.find((t) => (t.health ?? false) === health && t.match.test(org.name))?.template ?? TEMPLATES[TEMPLATES.length - 1]!.template;
}

/** The staff of one agency: its leadership, then each unit under it. */
function agencyStaff(plan: AgencyPlan, ids: Identifiers): DemoStaffRow[] {
  const visits = walkDemoTrees(demoTrees);
  if (!visits.some((v) => v.path === plan.path)) return [];
  const r = rngFor(plan.path);
  const overrides = new Map<string, { login: string; fullName: string; sex: Sex; ethnicity?: Ethnicity }>();
  for (const a of demoAccounts) {
    const o = ACCOUNT_POSITIONS[a.login];
    if (o) overrides.set(`${a.homeOrg}|${o.position}`, { login: a.login, fullName: a.displayName, sex: o.sex, ethnicity: o.ethnicity });
  }
  const rows: DemoStaffRow[] = [];
  const add = (unit: string, positions: Position[], publicUnit: boolean) => {
    for (const position of positions) {
      const key = `${unit}|${position}`;
      const override = overrides.get(key);
      if (override) overrides.delete(key);
      rows.push({ unit, record: staffMember(r, ids, plan, unit, position, publicUnit, override), ...(override ? { account: override.login } : {}) });
    }
  };
  add(plan.path, plan.leaders, false);
  for (const v of visits) {
    if (v.parentPath !== plan.path) continue;
    if (v.org.kind === 'association' || (v.org.children?.length ?? 0) > 0) continue;
    const t = templateFor(v.org, plan.health ?? false);
    add(v.path, t.roles(plan.sizes[v.org.name] ?? plan.defaultSize), t.public ?? false);
  }
  return rows;
}

// ── residents ───────────────────────────────────────────────────────────────

interface CommunePlan {
  /** Org path of the commune in demo-data.ts. */
  path: string;
  residents: number;
  /** Share of Khơ-me households. */
  khmer: number;
}

export const DEMO_COMMUNES: CommunePlan[] = [
  { path: `${GT}${ORG_PATH_SEPARATOR}Xã Phú Lợi`, residents: 420, khmer: 0.22 },
  { path: `${GT}${ORG_PATH_SEPARATOR}Xã Phú Mỹ`, residents: 480, khmer: 0.36 },
  { path: `${GT}${ORG_PATH_SEPARATOR}Xã Tân Khánh Hòa`, residents: 400, khmer: 0.3 },
  { path: `${GT}${ORG_PATH_SEPARATOR}Xã Vĩnh Điều`, residents: 450, khmer: 0.3 },
  { path: `${GT}${ORG_PATH_SEPARATOR}Xã Vĩnh Phú`, residents: 350, khmer: 0.24 },
];
/** Kiên Giang (before the 2025 merger with An Giang). */
const RESIDENT_PROVINCE = '091';
const HOA_SHARE = 0.03;
/** Khmer families live together: each hamlet's share is the commune's times one of these. */
const HAMLET_KHMER_FACTOR = [1.7, 0.5, 1.2, 0.6, 1.0];
/** Share of the households of a clan family that belong to the clan. */
const CLAN_JOIN = 0.8;
const CLANS_PER_COMMUNE = 4;

interface Member {
  relation: HouseholdRelation;
  sex: Sex;
  birthYear: number;
  ethnicity: Ethnicity;
  name: Name;
}

export interface DemoResidentRow {
  /** Org path (demo-data.ts) of the hamlet. */
  hamlet: string;
  record: ImportRecord;
  account?: string;
}

/** Years between parents and children: [min, max] after the parent's birth. */
const CHILD_GAP: [number, number] = [20, 40];

/** A household's members, head first; 2 to 7 people with consistent ages. */
function householdMembers(r: Rng, khmerShare: number, forcedHead?: { fullName: string; sex: Sex; ethnicity: Ethnicity }): Member[] {
  const ethnicity: Ethnicity = forcedHead?.ethnicity ?? (chance(r, khmerShare) ? 'Khơ-me' : chance(r, HOA_SHARE) ? 'Hoa' : 'Kinh');
  const type = forcedHead ? 'family' : weighted(r, [['young', 26], ['family', 30], ['threeGen', 16], ['withParent', 12], ['elderly', 8], ['single', 8]] as const);
  const headAge = { young: [22, 40], family: [40, 60], threeGen: [56, 80], withParent: [30, 55], elderly: [62, 86], single: [30, 60] }[type] as [number, number];
  const headYear = AS_OF_YEAR - int(r, headAge[0], headAge[1]);
  const couple = type === 'single' ? false : type === 'elderly' ? chance(r, 0.6) : type === 'threeGen' ? chance(r, 0.75) : chance(r, 0.93);
  const headSex: Sex = forcedHead?.sex ?? (type === 'single' ? 'female' : !couple ? (chance(r, 0.6) ? 'female' : 'male') : chance(r, 0.8) ? 'male' : 'female');
  const spouseEthnicity = (): Ethnicity => (chance(r, 0.93) ? ethnicity : ethnicity === 'Kinh' ? 'Khơ-me' : 'Kinh');
  const members: Member[] = [];
  const person = (relation: HouseholdRelation, sex: Sex, birthYear: number, eth: Ethnicity, family?: string | null): Member => {
    // No two members of a household share a full name (a mother and her daughter "Thị Sóc Khá").
    let name = nameOf(r, eth, sex, birthYear, 'south', family);
    for (let i = 0; i < 20 && members.some((m) => m.name.fullName === name.fullName); i++) name = nameOf(r, eth, sex, birthYear, 'south', family);
    return { relation, sex, birthYear, ethnicity: eth, name };
  };

  const head: Member = forcedHead
    ? { relation: 'head', sex: forcedHead.sex, birthYear: headYear, ethnicity, name: { fullName: forcedHead.fullName, family: familyOfName(forcedHead.fullName) } }
    : person('head', headSex, headYear, ethnicity);
  members.push(head);
  let spouse: Member | null = null;
  if (couple) {
    // Husbands are mostly 0–8 years older than their wives.
    const gap = chance(r, 0.88) ? int(r, 0, 8) : -int(r, 1, 3);
    const spouseYear = head.sex === 'male' ? headYear + gap : headYear - gap;
    spouse = person('spouse', head.sex === 'male' ? 'female' : 'male', Math.min(spouseYear, AS_OF_YEAR - 19), spouseEthnicity());
    members.push(spouse);
  }
  const father = head.sex === 'male' ? head : spouse?.sex === 'male' ? spouse : null;
  // Without a father in the household, the children still carry his family name.
  const fatherEthnicity = father?.ethnicity ?? ethnicity;
  const fatherFamily = father ? father.name.family : nameOf(r, fatherEthnicity, 'male', headYear, 'south').family;
  const parents = [head, ...(spouse ? [spouse] : [])];
  const childWindow = (): [number, number] => [
    Math.max(...parents.map((p) => p.birthYear)) + CHILD_GAP[0],
    Math.min(AS_OF_YEAR, ...parents.map((p) => p.birthYear + CHILD_GAP[1])),
  ];
  const addChildren = (count: number, window: [number, number], fam: string | null, eth: Ethnicity, relation: HouseholdRelation = 'child') => {
    const [lo, hi] = window;
    if (hi < lo) return;
    const years = Array.from({ length: count }, () => int(r, lo, hi)).sort((a, b) => a - b);
    for (const y of years) members.push(person(relation, chance(r, 0.51) ? 'male' : 'female', y, eth, fam));
  };

  switch (type) {
    case 'young':
    case 'family':
    case 'single': {
      const [lo, hi] = childWindow();
      // Younger families have fewer children; keep them in the window.
      addChildren(weighted(r, type === 'young' ? [[0, 2], [1, 4], [2, 4], [3, 1]] : [[1, 3], [2, 5], [3, 3], [4, 1]]), [lo, type === 'young' ? hi : Math.min(hi, AS_OF_YEAR - 1)], fatherFamily, fatherEthnicity);
      break;
    }
    case 'withParent': {
      const parentSex: Sex = chance(r, 0.75) ? 'female' : 'male';
      const parentYear = headYear - int(r, 20, 38);
      // The head's parent: the head's family name if it is the father.
      const parentFamily = parentSex === 'male' ? head.name.family : null;
      members.push(person('parent', parentSex, Math.max(parentYear, AS_OF_YEAR - 95), ethnicity, parentFamily));
      addChildren(int(r, 0, 3), childWindow(), fatherFamily, fatherEthnicity);
      break;
    }
    case 'threeGen': {
      // One married child living with the parents, with their spouse and children.
      const [lo, hi] = childWindow();
      const childYear = int(r, lo, Math.min(hi, AS_OF_YEAR - 22));
      const son = chance(r, 0.7);
      const child = person('child', son ? 'male' : 'female', childYear, fatherEthnicity, fatherFamily);
      members.push(child);
      // Sons- and daughters-in-law are registered as "con dâu", "con rể": the import's 'child'.
      const inLawYear = Math.max(childYear - int(r, -2, 6), lo);
      const inLaw = person('child', son ? 'female' : 'male', Math.min(inLawYear, hi), chance(r, 0.9) ? ethnicity : spouseEthnicity());
      const withInLaw = chance(r, 0.75) && Math.min(inLawYear, hi) <= AS_OF_YEAR - 19;
      if (withInLaw) members.push(inLaw);
      const grandFather = son ? child : withInLaw ? inLaw : null;
      const gFamily = grandFather ? grandFather.name.family : nameOf(r, fatherEthnicity, 'male', childYear, 'south').family;
      addChildren(int(r, 1, 3), [childYear + CHILD_GAP[0], Math.min(AS_OF_YEAR, childYear + 35)], gFamily, grandFather?.ethnicity ?? child.ethnicity, 'grandchild');
      break;
    }
    case 'elderly': {
      if (!couple || chance(r, 0.3)) {
        // A grandchild living with the grandparents.
        const y = int(r, Math.max(headYear + 40, AS_OF_YEAR - 20), Math.min(AS_OF_YEAR - 3, headYear + 75));
        members.push(person('grandchild', chance(r, 0.5) ? 'male' : 'female', y, fatherEthnicity, fatherFamily));
      }
      break;
    }
  }
  if (members.length < 2) {
    // A lone head: an adult child stays with them, or, for a young head, their mother.
    const [lo, hi] = childWindow();
    if (lo <= hi) members.push(person('child', chance(r, 0.5) ? 'male' : 'female', int(r, lo, hi), fatherEthnicity, fatherFamily));
    else members.push(person('parent', 'female', headYear - int(r, 20, 35), ethnicity));
  }
  return members.slice(0, 7);
}

const OCCUPATIONS_ADULT: Weighted<string> = [
  ['Làm ruộng', 35], ['Làm thuê', 15], ['Nuôi trồng thủy sản', 8], ['Chăn nuôi', 5], ['Buôn bán', 10], ['Công nhân', 7], ['Thợ hồ', 3],
  ['Tài xế', 2], ['Thợ may', 2], ['Nội trợ', 8],
];
const OCCUPATIONS_TRAINED: Weighted<string> = [
  ['Giáo viên', 4], ['Cán bộ xã', 1], ['Nhân viên y tế', 1], ['Kế toán', 1], ['Nhân viên văn phòng', 2], ['Buôn bán', 2], ['Làm ruộng', 2],
];
const OCCUPATIONS_OLD: Weighted<string | null> = [['Làm ruộng', 30], [null, 40], ['Nội trợ', 15], ['Buôn bán', 5], ['Hưu trí', 5], ['Chăn nuôi', 5]];

/** What a resident of Giang Thành has learnt and does, by age and background. */
function residentProfile(r: Rng, m: Member) {
  const age = AS_OF_YEAR - m.birthYear;
  const khmer = m.ethnicity === 'Khơ-me';
  let generalEducation: string | null = null;
  let qualification: Qualification | null = null;
  let occupation: string | null = null;
  if (age >= 6 && age <= 17) {
    // Grades completed; a pupil in the first year has none yet.
    generalEducation = age >= 8 ? `${Math.min(12, age - 7)}/12` : null;
    occupation = 'Học sinh';
    if (age >= 15 && chance(r, khmer ? 0.35 : 0.2)) {
      generalEducation = pick(r, ['5/12', '7/12', '9/12']);
      occupation = 'Làm thuê';
    }
    if (age >= 15) qualification = 'none';
  } else if (age >= 18) {
    const cohort = m.birthYear >= 1990 ? 0 : m.birthYear >= 1970 ? 1 : 2;
    const edu: Weighted<string>[] = [
      [['12/12', 45], ['9/12', 33], ['5/12', 15], ['7/12', 5], ['3/12', 2]],
      [['12/12', 25], ['9/12', 35], ['5/12', 28], ['3/12', 8], ['0/12', 4]],
      [['12/12', 8], ['9/12', 22], ['5/12', 40], ['3/12', 18], ['0/12', 12]],
    ];
    generalEducation = weighted(r, edu[khmer ? Math.min(2, cohort + 1) : cohort]!);
    const quals: Weighted<Qualification> =
      khmer ? [['none', 85], ['so_cap', 8], ['trung_cap', 4], ['cao_dang', 1], ['dai_hoc', 2]]
      : cohort === 0 ? [['none', 55], ['so_cap', 12], ['trung_cap', 10], ['cao_dang', 8], ['dai_hoc', 14], ['thac_si', 1]]
      : [['none', 80], ['so_cap', 10], ['trung_cap', 5], ['cao_dang', 2], ['dai_hoc', 3]];
    qualification = weighted(r, quals);
    // Still studying for a degree they are too young to hold.
    const student = (qualification === 'cao_dang' && age < 21) || (atLeast(qualification, 'dai_hoc') && age < 23);
    if (student) qualification = 'none';
    // Degrees need the schooling before them.
    if (atLeast(qualification, 'cao_dang')) generalEducation = '12/12';
    else if (qualification === 'trung_cap' && !['12/12', '9/12'].includes(generalEducation)) generalEducation = '9/12';
    if (student || (age <= 22 && generalEducation === '12/12' && chance(r, 0.3))) {
      generalEducation = '12/12';
      occupation = 'Sinh viên';
    }
    else if (age >= 60) occupation = weighted(r, OCCUPATIONS_OLD);
    else if (atLeast(qualification, 'cao_dang')) occupation = weighted(r, OCCUPATIONS_TRAINED);
    else occupation = weighted(r, m.sex === 'male' ? OCCUPATIONS_ADULT.filter(([o]) => o !== 'Nội trợ' && o !== 'Thợ may') : OCCUPATIONS_ADULT.filter(([o]) => o !== 'Thợ hồ' && o !== 'Tài xế'));
  }
  return { age, generalEducation, qualification, occupation };
}

/** The residents of one commune, hamlet by hamlet, household by household, head first. */
function communeResidents(plan: CommunePlan, ids: Identifiers): DemoResidentRow[] {
  const commune = walkDemoTrees(demoTrees).find((v) => v.path === plan.path);
  if (!commune) return [];
  const hamlets = (commune.org.children ?? []).filter((c) => c.kind === 'hamlet').map((c) => `${plan.path}${ORG_PATH_SEPARATOR}${c.name}`);
  if (hamlets.length === 0) return [];
  const r = rngFor(plan.path);
  const communeName = commune.org.name.replace(/^Xã /, '');
  const forced = demoAccounts
    .filter((a) => ACCOUNT_RESIDENTS[a.login] && a.homeOrg === plan.path)
    .map((a) => ({ login: a.login, fullName: a.displayName, ...ACCOUNT_RESIDENTS[a.login]! }));

  // Households, spread over the hamlets in turn.
  const households: { hamlet: string; code: string; members: Member[]; account?: string; occupation?: string }[] = [];
  const next = new Map<string, number>();
  let people = 0;
  for (let i = 0; people < plan.residents; i++) {
    const h = i % hamlets.length;
    const hamlet = hamlets[h]!;
    const n = (next.get(hamlet) ?? 0) + 1;
    next.set(hamlet, n);
    const f = forced.shift();
    const members = householdMembers(r, Math.min(0.95, plan.khmer * HAMLET_KHMER_FACTOR[h % HAMLET_KHMER_FACTOR.length]!), f);
    households.push({ hamlet, code: String(n).padStart(3, '0'), members, ...(f ? { account: f.login, occupation: f.occupation } : {}) });
    people += members.length;
  }

  // Clans: the commune's most common family names among the heads (at least two of them).
  const heads = new Map<string, number>();
  for (const h of households) {
    const fam = h.members[0]!.name.family;
    if (fam) heads.set(fam, (heads.get(fam) ?? 0) + 1);
  }
  const ranked = [...heads.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'));
  const clanFamilies = new Set(ranked.filter(([, n], i) => i < 2 || n >= 4).slice(0, CLANS_PER_COMMUNE).map(([f]) => f));

  const rows: DemoResidentRow[] = [];
  for (const h of households) {
    const headFamily = h.members[0]!.name.family;
    const clan = headFamily && clanFamilies.has(headFamily) && chance(r, CLAN_JOIN) ? `Dòng họ ${headFamily}` : null;
    const hamletName = h.hamlet.split(ORG_PATH_SEPARATOR).pop()!;
    const address = `Tổ ${Math.ceil(Number(h.code) / 12)}, ${hamletName.replace(/^Ấp/, 'ấp')}, xã ${communeName}, huyện Giang Thành, tỉnh Kiên Giang`;
    for (const m of h.members) {
      const birthDate = dayIn(r, m.birthYear);
      const p = residentProfile(r, m);
      const isAccount = m.relation === 'head' && h.account;
      const languages: Lang[] = [];
      const ethnicLanguage = ETHNIC_LANGUAGE[m.ethnicity];
      if (ethnicLanguage && p.age >= 5 && chance(r, m.ethnicity === 'Khơ-me' ? 0.7 : 0.4)) languages.push({ language: ethnicLanguage, kind: 'ethnic', certificate: null, level: null });
      if (p.qualification && atLeast(p.qualification, 'cao_dang') && chance(r, 0.5)) languages.push(chance(r, 0.6) ? english('B1', 3) : english('A2', 2));
      rows.push({
        hamlet: h.hamlet,
        ...(isAccount ? { account: h.account } : {}),
        record: {
          person: {
            fullName: m.name.fullName,
            birthDate,
            sex: m.sex,
            ethnicity: m.ethnicity,
            citizenId: ids.citizenId(r, RESIDENT_PROVINCE, birthDate, m.sex),
            phone: (p.age >= 18 && chance(r, p.age >= 70 ? 0.4 : 0.85)) || (p.age >= 15 && p.age < 18 && chance(r, 0.35)) ? ids.phone(r) : null,
            email: null,
            address,
            generalEducation: isAccount ? '12/12' : p.generalEducation,
            qualification: isAccount ? 'dai_hoc' : p.qualification,
            languages,
            itSkill: p.age >= 15 && p.generalEducation === '12/12' && chance(r, 0.2) ? 'Chứng chỉ tin học cơ bản' : null,
            occupation: isAccount ? (h.occupation ?? null) : p.occupation,
            note: null,
          },
          hamlet: hamletName,
          householdCode: h.code,
          relation: m.relation,
          // The household joins its clan once, on the head's row.
          clan: m.relation === 'head' ? clan : null,
        },
      });
    }
  }
  return rows;
}

// ── emulation ───────────────────────────────────────────────────────────────

export interface DemoEmulation {
  /** Individual titles, by the person's citizen ID and unit path. */
  persons: { unit: string; citizenId: string; year: number; titleCode: string; discipline: 'compliant' }[];
  /** Collective titles of units, by path. */
  units: { unit: string; year: number; titleCode: string }[];
}

const EMULATION_YEARS = [2024, 2025];
/** Units whose people get individual titles: the two phòng of the Kon Tum accounts. */
const EMULATION_PERSON_UNITS: [string, number][] = [
  [`Sở Tài chính tỉnh Kon Tum${ORG_PATH_SEPARATOR}Phòng Quản lý ngân sách`, 8],
  [`Sở Tài chính tỉnh Kon Tum${ORG_PATH_SEPARATOR}Phòng Tài chính doanh nghiệp`, 7],
];

function emulationOf(staff: DemoStaffRow[]): DemoEmulation {
  const r = rngFor('emulation');
  const persons: DemoEmulation['persons'] = [];
  for (const [unit, count] of EMULATION_PERSON_UNITS) {
    const members = staff.filter((s) => s.unit === unit).slice(0, count);
    for (const year of EMULATION_YEARS) {
      for (const m of members) persons.push({ unit, citizenId: m.record.person.citizenId!, year, titleCode: chance(r, 0.15) ? 'CSTD_CO_SO' : 'LAO_DONG_TIEN_TIEN', discipline: 'compliant' });
    }
  }
  const kt = DEMO_AGENCIES[0]!.path;
  const unitPaths = [
    ...walkDemoTrees(demoTrees).filter((v) => v.parentPath === kt).map((v) => v.path),
    `${GT}${ORG_PATH_SEPARATOR}Trung tâm Y tế Giang Thành${ORG_PATH_SEPARATOR}Khoa Khám bệnh`,
  ].filter((p) => staff.some((s) => s.unit === p));
  const units: DemoEmulation['units'] = [];
  for (const year of EMULATION_YEARS) {
    for (const unit of unitPaths) units.push({ unit, year, titleCode: chance(r, 0.3) ? 'TAP_THE_LDXS' : 'TAP_THE_LDTT' });
  }
  return { persons, units };
}

// ── all of it ───────────────────────────────────────────────────────────────

export interface DemoPeople {
  staff: { agency: string; rows: DemoStaffRow[] }[];
  residents: { commune: string; rows: DemoResidentRow[] }[];
  emulation: DemoEmulation;
}

/** The demo's people; the same on every call (fresh objects, so callers may fill in ids). */
export function generateDemoPeople(): DemoPeople {
  const ids = new Identifiers();
  const staff = DEMO_AGENCIES.map((plan) => ({ agency: plan.path, rows: agencyStaff(plan, ids) })).filter((a) => a.rows.length > 0);
  const residents = DEMO_COMMUNES.map((plan) => ({ commune: plan.path, rows: communeResidents(plan, ids) })).filter((c) => c.rows.length > 0);
  return { staff, residents, emulation: emulationOf(staff.flatMap((a) => a.rows)) };
}
