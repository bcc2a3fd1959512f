/**
 * The people of the synthetic province (bench/province-data.ts holds its organisations): 4 M
 * residents in 1.2 M households over 3,000 hamlets, 100 k staff with their memberships in the
 * 5,000 units, and 20 clans per commune with their households. Loaded with COPY through psql;
 * by default the people tables' indexes and foreign keys are dropped before the load and
 * rebuilt after it (each build timed), then VACUUM ANALYZE.
 *
 * Deterministic: one seeded PRNG drives every choice, and ids are a bijective hash of the row
 * number, so households can name their head before the people are written. Names come from the
 * weighted lists of province-data.ts; name_search and name_sort are the app's searchKey and
 * personSortKey (memoised by name: 4 M people share a few hundred thousand names). Citizen groups
 * are the app's deriveCitizenGroup.
 */
import type pg from 'pg';
import { type CitizenGroup, type HouseholdRelation, type Qualification, type StaffCategory } from '../src/shared/people.js';
import { personSortKey, searchKey, sortKey } from '../src/shared/vn-text.js';
import { deriveCitizenGroup } from '../src/server/modules/people/citizen-group.js';
import { copyLines, FAMILY, mulberry32, personNameOf, pick, weighted, type GeneratedOrgs, type LoadTiming, type OrgRowGen, type PsqlTarget } from './province-data.js';

// ---------------------------------------------------------------------------------------
// Sizes

export interface PeopleSizes {
  residents: number;
  households: number;
  staff: number;
  /** Share of staff who are also residents of the province (the rest live elsewhere). */
  staffResidentShare: number;
  clansPerCommune: number;
  /** Share of households, among those whose family has a clan in the commune, linked to it. */
  clanHouseholdShare: number;
}

const envNumber = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};

/** BENCH_RESIDENTS, BENCH_HOUSEHOLDS, BENCH_STAFF (scaled by BENCH_SCALE), BENCH_STAFF_RESIDENT_SHARE, BENCH_CLANS_PER_COMMUNE. */
export function peopleSizesFromEnv(): PeopleSizes {
  const scale = envNumber('BENCH_SCALE', 1);
  const scaled = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  return {
    residents: envNumber('BENCH_RESIDENTS', scaled(4_000_000, 5_000)),
    households: envNumber('BENCH_HOUSEHOLDS', scaled(1_200_000, 1_500)),
    staff: envNumber('BENCH_STAFF', scaled(100_000, 1_000)),
    staffResidentShare: envNumber('BENCH_STAFF_RESIDENT_SHARE', 0.3),
    clansPerCommune: Math.min(CLAN_FAMILIES.length, envNumber('BENCH_CLANS_PER_COMMUNE', 20)),
    clanHouseholdShare: 0.35,
  };
}

/** The day the ages are computed on (fixed, so runs are identical). */
export const BENCH_TODAY = '2026-11-22';
const TODAY_MS = Date.UTC(2026, 10, 22);
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------
// Ids: a bijective 32-bit mix of the row number in the first group, so ids are unique within a
// kind of row and look random (as gen_random_uuid's do) without being stored anywhere.

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Kinds of rows with their own id sequence. */
export const Ns = { person: 1, household: 2, membership: 3, clan: 4, imported: 5, importedMembership: 6 } as const;

export function idOf(ns: number, i: number): string {
  const w0 = mix32((i ^ Math.imul(ns, 0x5bd1e995)) >>> 0);
  const w1 = mix32((w0 + 0x9e3779b9 * ns) >>> 0);
  const w2 = mix32((w1 ^ i) >>> 0);
  const w3 = mix32((w2 + ns) >>> 0);
  return `${hex(w0, 8)}-${hex(w1 >>> 16, 4)}-4${hex(w1 & 0xfff, 3)}-${hex(((w2 >>> 16) & 0x3fff) | 0x8000, 4)}-${hex(w2 & 0xffff, 4)}${hex(w3, 8)}`;
}

// ---------------------------------------------------------------------------------------
// Vocabulary

const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['Kinh', 85], ['Khmer', 7], ['Hoa', 3], ['Tày', 1.5], ['Thái', 1], ['Mường', 1], ['Nùng', 0.8], ['Chăm', 0.4], ['Ê Đê', 0.3],
];
const ETHNIC_FAMILIES: Record<string, readonly (readonly [string, number])[]> = {
  Khmer: [['Thạch', 25], ['Sơn', 20], ['Kim', 12], ['Danh', 12], ['Lâm', 8], ['Châu', 8], ['Lý', 5], ['Trần', 5], ['Huỳnh', 5]],
  Hoa: [['Lâm', 20], ['Quách', 12], ['Trương', 15], ['Lý', 15], ['Mã', 8], ['Tăng', 8], ['Hứa', 8], ['Trần', 7], ['Huỳnh', 7]],
  Tày: [['Hoàng', 25], ['Nông', 25], ['Lục', 10], ['Vi', 10], ['Hà', 10], ['Nguyễn', 20]],
  Thái: [['Lò', 30], ['Lường', 25], ['Cầm', 15], ['Hà', 15], ['Vi', 15]],
  Mường: [['Bùi', 40], ['Đinh', 30], ['Quách', 15], ['Hà', 15]],
  Nùng: [['Nông', 30], ['Hoàng', 25], ['Lương', 20], ['Triệu', 25]],
  Chăm: [['Đạo', 30], ['Từ', 20], ['Thành', 20], ['Châu', 30]],
  'Ê Đê': [['Y', 50], ['H', 50]],
};
/** The clans of every commune, by family name (the first clansPerCommune are used). */
const CLAN_FAMILIES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Phan', 'Võ', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Trương', 'Đinh', 'Thạch', 'Lâm', 'Sơn', 'Lý', 'Mai', 'Cao', 'Hà'];

const PHONE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '086', '088', '089'];
/** Province codes of the citizen ID: the province's own, and where staff living elsewhere were born. */
export const PROVINCE_CODE = '086';
const OTHER_PROVINCES: readonly (readonly [string, number])[] = [['079', 30], ['083', 15], ['084', 15], ['087', 10], ['089', 10], ['094', 10], ['001', 5], ['038', 5]];
/** Citizen IDs of the import file's people start with this code, used by nobody in the database. */
export const IMPORT_PROVINCE_CODE = '092';

const OCCUPATIONS: readonly (readonly [string | null, number])[] = [
  ['Làm ruộng', 28], ['Buôn bán', 12], ['Công nhân', 14], ['Nội trợ', 10], ['Làm thuê', 10], ['Nuôi trồng thủy sản', 6],
  ['Tài xế', 3], ['Thợ xây', 5], ['Chủ doanh nghiệp tư nhân', 1], [null, 11],
];
const ADULT_EDUCATION: readonly (readonly [string | null, number])[] = [['12/12', 55], ['9/12', 30], ['5/12', 12], [null, 3]];
const RESIDENT_QUALIFICATIONS: readonly (readonly [Qualification, number])[] = [
  ['none', 65], ['so_cap', 8], ['trung_cap', 9], ['cao_dang', 6], ['dai_hoc', 11], ['thac_si', 0.8], ['tien_si', 0.2],
];
export const STAFF_QUALIFICATIONS: readonly (readonly [Qualification, number])[] = [
  ['none', 2.5], ['so_cap', 2], ['trung_cap', 10], ['cao_dang', 10], ['dai_hoc', 62], ['thac_si', 12], ['tien_si', 1.5],
];
/** Per kind of unit: staff categories, leader positions, other positions and their rank (ngạch). */
interface UnitStaffing {
  categories: readonly (readonly [StaffCategory, number])[];
  leaders: readonly string[];
  staff: readonly (readonly [string, string | null, number])[];
  femaleShare: number;
}
const STAFFING: Record<string, UnitStaffing> = {
  department: {
    categories: [['cong_chuc', 80], ['nguoi_lao_dong', 20]],
    leaders: ['Trưởng phòng', 'Phó Trưởng phòng'],
    staff: [['Chuyên viên', 'Chuyên viên', 55], ['Chuyên viên chính', 'Chuyên viên chính', 12], ['Cán sự', 'Cán sự', 10], ['Kế toán', 'Kế toán viên', 8], ['Văn thư', 'Văn thư viên', 5], ['Nhân viên', null, 10]],
    femaleShare: 0.5,
  },
  agency: {
    categories: [['cong_chuc', 90], ['nguoi_lao_dong', 10]],
    leaders: ['Giám đốc', 'Phó Giám đốc'],
    staff: [['Chuyên viên', 'Chuyên viên', 60], ['Chuyên viên chính', 'Chuyên viên chính', 25], ['Nhân viên', null, 15]],
    femaleShare: 0.45,
  },
  school: {
    categories: [['vien_chuc', 88], ['nguoi_lao_dong', 12]],
    leaders: ['Hiệu trưởng', 'Phó Hiệu trưởng'],
    staff: [['Giáo viên', 'Giáo viên hạng III', 60], ['Giáo viên', 'Giáo viên hạng II', 20], ['Nhân viên thư viện', 'Thư viện viên hạng IV', 4], ['Kế toán', 'Kế toán viên', 4], ['Nhân viên y tế học đường', null, 4], ['Bảo vệ', null, 8]],
    femaleShare: 0.72,
  },
  health_station: {
    categories: [['vien_chuc', 90], ['nguoi_lao_dong', 10]],
    leaders: ['Trạm trưởng', 'Phó Trạm trưởng'],
    staff: [['Bác sĩ', 'Bác sĩ', 20], ['Y sĩ', 'Y sĩ', 25], ['Điều dưỡng', 'Điều dưỡng hạng IV', 25], ['Hộ sinh', 'Hộ sinh hạng IV', 15], ['Dược sĩ', 'Dược sĩ', 15]],
    femaleShare: 0.65,
  },
  community_learning_centre: {
    categories: [['vien_chuc', 60], ['nguoi_lao_dong', 40]],
    leaders: ['Giám đốc', 'Phó Giám đốc'],
    staff: [['Giáo viên', 'Giáo viên hạng III', 50], ['Cán bộ', null, 50]],
    femaleShare: 0.55,
  },
  association: {
    categories: [['cong_chuc', 30], ['nguoi_lao_dong', 70]],
    leaders: ['Chủ tịch', 'Phó Chủ tịch'],
    staff: [['Ủy viên', null, 50], ['Cán bộ chuyên trách', null, 30], ['Cộng tác viên', null, 20]],
    femaleShare: 0.5,
  },
  enterprise: {
    categories: [['nguoi_lao_dong', 100]],
    leaders: ['Giám đốc', 'Phó Giám đốc'],
    staff: [['Công nhân', null, 50], ['Nhân viên', null, 25], ['Kế toán', null, 10], ['Kỹ thuật viên', null, 15]],
    femaleShare: 0.45,
  },
};
const staffingOf = (kind: string) => STAFFING[kind] ?? STAFFING.department!;

// ---------------------------------------------------------------------------------------
// Small helpers

const keyCache = new Map<string, string>();
/** name_search and name_sort of a full name, tab-separated, from the app's vn-text. */
export function nameKeys(fullName: string): string {
  let k = keyCache.get(fullName);
  if (k === undefined) {
    k = `${searchKey(fullName)}\t${personSortKey(fullName)}`;
    keyCache.set(fullName, k);
  }
  return k;
}

const dateCache = new Map<number, string>();
/** An epoch day as YYYY-MM-DD. */
export function isoDay(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateCache.set(day, s);
  }
  return s;
}
const TODAY_DAY = TODAY_MS / DAY_MS;
/** A birth day for someone `age` years old today. */
export const birthDayOf = (rand: () => number, age: number) => TODAY_DAY - Math.floor((age + rand()) * 365.2425);

const occupationKeys = new Map<string, string>();
const occupationKey = (o: string | null) => {
  if (o === null) return null;
  let k = occupationKeys.get(o);
  if (k === undefined) occupationKeys.set(o, (k = searchKey(o)));
  return k;
};

/** Born after this day: under 18 on BENCH_TODAY. */
const ADULT_BORN_ON_OR_BEFORE = `${Number(BENCH_TODAY.slice(0, 4)) - 18}${BENCH_TODAY.slice(4)}`;

/**
 * The app's derivation. An adult's birth date cannot make them a learner, so it is left out for
 * adults (ageOn on 3 M adults is a tenth of the generation time).
 */
export function groupOf(birthDate: string, occupation: string | null, category: StaffCategory | null): CitizenGroup {
  return deriveCitizenGroup(
    { birthDate: birthDate > ADULT_BORN_ON_OR_BEFORE ? birthDate : null, occupationKey: occupationKey(occupation), staffCategories: category ? [category] : [] },
    BENCH_TODAY,
  );
}

const N = '\\N';
const f = (v: string | null | undefined) => (v === null || v === undefined ? N : v);

/**
 * Citizen IDs (CCCD): province (3 digits), century and sex (0/1 born in the 1900s male/female,
 * 2/3 in the 2000s), the last two digits of the birth year, and 6 digits. The 6 digits are a
 * counter per (province, century-sex, year) sent through a bijection of 0..999,999, so they look
 * random and never repeat.
 */
export class CitizenIds {
  private counters = new Map<string, number>();
  next(province: string, birthDate: string, female: boolean): string {
    const year = Number(birthDate.slice(0, 4));
    const centurySex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
    const prefix = `${province}${centurySex}${birthDate.slice(2, 4)}`;
    const n = this.counters.get(prefix) ?? 0;
    if (n >= 1_000_000) throw new Error(`citizen ids exhausted for ${prefix}`);
    this.counters.set(prefix, n + 1);
    const serial = (n * 387_419 + 271_828) % 1_000_000;
    return prefix + String(serial).padStart(6, '0');
  }
}

export const phoneOf = (rand: () => number) => pick(rand, PHONE_PREFIXES) + String(Math.floor(rand() * 10_000_000)).padStart(7, '0');

// ---------------------------------------------------------------------------------------
// Columns

export const PERSON_COLUMNS = [
  'id', 'full_name', 'name_search', 'name_sort', 'birth_date', 'sex', 'ethnicity', 'citizen_id', 'phone', 'email',
  'residence_org_id', 'household_id', 'household_relation', 'general_education', 'qualification', 'occupation', 'citizen_group',
];
export const HOUSEHOLD_COLUMNS = ['id', 'org_id', 'code', 'head_person_id', 'address'];
export const MEMBERSHIP_COLUMNS = ['id', 'person_id', 'org_id', 'position', 'is_leader', 'category', 'rank', 'valid_from', 'valid_to'];
const CLAN_COLUMNS = ['id', 'org_id', 'name', 'name_search', 'name_sort', 'head_person_id'];
const CLAN_HOUSEHOLD_COLUMNS = ['clan_id', 'household_id'];
/** The tables this module loads (their indexes and foreign keys are rebuilt around the load). */
export const PEOPLE_TABLES = ['person', 'household', 'membership', 'clan', 'clan_household'];

// ---------------------------------------------------------------------------------------
// Generation

interface Hamlet {
  org: OrgRowGen;
  communeIndex: number;
}

/** A member of staff: who, where, and as what (a resident's membership is decided with them). */
interface StaffPost {
  person: number;
  unit: OrgRowGen;
  category: StaffCategory;
  age: number;
  female: boolean;
}

export interface PeopleStats {
  residents: number;
  households: number;
  staffResidents: number;
  staffOnly: number;
  memberships: number;
  pastMemberships: number;
  clans: number;
  clanHouseholds: number;
  learners: number;
  female: number;
  kinh: number;
  withPhone: number;
  withCitizenId: number;
  distinctNames: number;
}

export interface GeneratedPeople {
  stats: PeopleStats;
  /** Person index → id, for the benchmark's own lookups. */
  personId: (i: number) => string;
  /** Milliseconds spent in JS building the rows (the rest of a COPY is psql and the server). */
  jsMs: Record<string, number>;
}

/**
 * Where the staff work. Commune staff sit in the commune's departments (its first units);
 * the rest as in province-data's accounts: provincial departments 24 %, agencies 2 %, commune
 * units 68 %.
 */
export function staffHomes(orgs: GeneratedOrgs) {
  const communeDepartments = [...orgs.unitsOf.values()].flatMap((units) => units.filter((u) => u.kindCode === 'department'));
  const communeUnits = [...orgs.unitsOf.values()].flatMap((units) => units.filter((u) => u.kindCode !== 'department'));
  const homes: (readonly [OrgRowGen[], number])[] = [
    [communeDepartments, 0.06],
    [orgs.departments, 0.24],
    [orgs.agencies, 0.02],
    [communeUnits, 0.68],
  ];
  return homes.filter(([xs]) => xs.length > 0);
}

export function categoryOf(rand: () => number, unit: OrgRowGen): StaffCategory {
  return weighted(rand, staffingOf(unit.kindCode).categories);
}

/** A position in the unit (a leader's 10 % of the time) and its rank (ngạch; none for workers). */
export function positionIn(rand: () => number, unit: OrgRowGen, category: StaffCategory): { position: string; leader: boolean; rank: string | null } {
  const staffing = staffingOf(unit.kindCode);
  const leader = rand() < 0.1;
  if (leader) {
    const position = rand() < 0.3 ? staffing.leaders[0]! : staffing.leaders[1]!;
    return { position, leader, rank: category === 'nguoi_lao_dong' ? null : staffing.staff[0]![1] };
  }
  const [position, rank] = weighted(
    rand,
    staffing.staff.map(([p, r, w]) => [[p, r] as const, w] as const),
  );
  return { position, leader, rank: category === 'nguoi_lao_dong' ? null : rank };
}

/** Women's share of the staff of a kind of unit. */
export const femaleShareOf = (unit: OrgRowGen) => staffingOf(unit.kindCode).femaleShare;

/** The people loader: generation is streamed into COPY, never held in memory as rows. */
export class PeopleGenerator {
  readonly hamlets: Hamlet[] = [];
  readonly hhHamlet: Uint16Array;
  readonly hhSize: Uint8Array;
  readonly hhFirst: Int32Array;
  /** Clan of each household (global clan index), or -1. */
  readonly hhClan: Int32Array;
  readonly clanHead: Int32Array;
  readonly staffPosts: StaffPost[] = [];
  readonly stats: PeopleStats;
  readonly jsMs: Record<string, number> = {};
  private readonly homes: (readonly [OrgRowGen[], number])[];
  private readonly ids = new CitizenIds();
  private staffOnlyTotal = 0;

  constructor(
    readonly orgs: GeneratedOrgs,
    readonly sizes: PeopleSizes,
    seed = 4_000_000,
  ) {
    this.rand = mulberry32(seed);
    const rand = this.rand;
    orgs.communes.forEach((commune, communeIndex) => {
      for (const org of orgs.hamletsOf.get(commune.id) ?? []) this.hamlets.push({ org, communeIndex });
    });
    if (this.hamlets.length === 0 || this.hamlets.length > 65_535) throw new Error(`hamlets: ${this.hamlets.length}`);
    const H = sizes.households;
    if (sizes.residents < H) throw new Error('fewer residents than households');
    this.hhHamlet = new Uint16Array(H);
    this.hhSize = new Uint8Array(H);
    this.hhFirst = new Int32Array(H);
    this.hhClan = new Int32Array(H).fill(-1);
    this.clanHead = new Int32Array(orgs.communes.length * sizes.clansPerCommune).fill(-1);
    // Households spread evenly over hamlets, in hamlet order (so the heap is clustered by hamlet,
    // as a province loaded commune by commune is).
    const perHamlet = H / this.hamlets.length;
    for (let h = 0; h < H; h++) this.hhHamlet[h] = Math.min(this.hamlets.length - 1, Math.floor(h / perHamlet));
    // Household sizes (mean about 3.4), then nudged until they add up to the residents exactly.
    const SIZES: readonly (readonly [number, number])[] = [[1, 10], [2, 18], [3, 25], [4, 27], [5, 12], [6, 6], [7, 2]];
    let total = 0;
    for (let h = 0; h < H; h++) total += this.hhSize[h] = weighted(rand, SIZES);
    while (total !== sizes.residents) {
      const h = Math.floor(rand() * H);
      if (total < sizes.residents && this.hhSize[h]! < 9) {
        this.hhSize[h]!++;
        total++;
      } else if (total > sizes.residents && this.hhSize[h]! > 1) {
        this.hhSize[h]!--;
        total--;
      }
    }
    for (let h = 1; h < H; h++) this.hhFirst[h] = this.hhFirst[h - 1]! + this.hhSize[h - 1]!;
    this.homes = staffHomes(orgs);
    this.stats = {
      residents: sizes.residents, households: H, staffResidents: 0, staffOnly: 0, memberships: 0, pastMemberships: 0, clans: this.clanHead.length,
      clanHouseholds: 0, learners: 0, female: 0, kinh: 0, withPhone: 0, withCitizenId: 0, distinctNames: 0,
    };
  }

  private readonly rand: () => number;

  personId = (i: number) => idOf(Ns.person, i);

  private time(step: string, t0: number) {
    this.jsMs[step] = (this.jsMs[step] ?? 0) + performance.now() - t0;
  }

  /** Household rows, one item per hamlet. */
  *householdLines(): Generator<string> {
    let h = 0;
    const H = this.sizes.households;
    while (h < H) {
      const t0 = performance.now();
      const hamletIndex = this.hhHamlet[h]!;
      const hamlet = this.hamlets[hamletIndex]!.org;
      let out = '';
      for (let n = 1; h < H && this.hhHamlet[h] === hamletIndex; h++, n++) {
        const code = String(n).padStart(4, '0');
        out += `${idOf(Ns.household, h)}\t${hamlet.id}\t${code}\t${this.personId(this.hhFirst[h]!)}\tSố ${n}, ${hamlet.name}\n`;
      }
      this.time('household', t0);
      yield out;
    }
  }

  /**
   * Person rows: the residents household by household (one item per hamlet), then the staff who
   * live outside the province. Residents of working age become staff of a unit now and then
   * (until staffResidentShare of the staff are residents); their membership is recorded for
   * membershipLines().
   */
  *personLines(): Generator<string> {
    const rand = this.rand;
    const H = this.sizes.households;
    const staffResidentTarget = Math.round(this.sizes.staff * this.sizes.staffResidentShare);
    // About half of the residents are 22–60 and not students or retired.
    const staffChance = Math.min(1, (staffResidentTarget / Math.max(1, this.sizes.residents * 0.45)) * 1.05);
    const clansPerCommune = this.sizes.clansPerCommune;
    const clanOfFamily = new Map(CLAN_FAMILIES.slice(0, clansPerCommune).map((family, k) => [family, k]));
    let h = 0;
    while (h < H) {
      const t0 = performance.now();
      const hamletIndex = this.hhHamlet[h]!;
      const { org: hamlet, communeIndex } = this.hamlets[hamletIndex]!;
      const communeUnits = this.orgs.unitsOf.get(this.orgs.communes[communeIndex]!.id) ?? [];
      let out = '';
      for (; h < H && this.hhHamlet[h] === hamletIndex; h++) {
        const householdId = idOf(Ns.household, h);
        const size = this.hhSize[h]!;
        const first = this.hhFirst[h]!;
        const ethnicity = weighted(rand, ETHNICITIES);
        const families = ETHNIC_FAMILIES[ethnicity] ?? FAMILY;
        const familyName = () => weighted(rand, families);
        if (ethnicity === 'Kinh') this.stats.kinh += size;
        // The head, then the others; ages and sexes follow the relation.
        const headMale = rand() < 0.72;
        const headAge = weighted(rand, HEAD_AGES) + Math.floor(rand() * 10);
        const headFamily = familyName();
        let spouseFamily: string | null = null;
        let hasParent = false;
        for (let m = 0; m < size; m++) {
          const i = first + m;
          let relation: HouseholdRelation;
          let female: boolean;
          let age: number;
          let family: string;
          if (m === 0) {
            relation = 'head';
            female = !headMale;
            age = headAge;
            family = headFamily;
          } else if (m === 1 && rand() < 0.85 && headAge >= 20) {
            relation = 'spouse';
            female = headMale;
            age = Math.max(18, headMale ? headAge - Math.floor(rand() * 7) : headAge + Math.floor(rand() * 7));
            family = spouseFamily = familyName();
          } else {
            const r = rand();
            if (headAge >= 55 && r < 0.35) {
              relation = 'grandchild';
              age = Math.max(0, headAge - 42 - Math.floor(rand() * 16));
            } else if (headAge <= 50 && !hasParent && r < 0.15) {
              relation = 'parent';
              hasParent = true;
              age = Math.min(98, headAge + 22 + Math.floor(rand() * 12));
            } else if (r > 0.96) {
              relation = rand() < 0.5 ? 'sibling' : 'other';
              age = Math.max(0, headAge - 10 + Math.floor(rand() * 20));
            } else if (headAge >= 19) {
              relation = 'child';
              age = Math.max(0, headAge - 20 - Math.floor(rand() * Math.min(20, headAge - 18)));
            } else {
              relation = 'sibling';
              age = Math.max(0, headAge - Math.floor(rand() * 8));
            }
            female = rand() < 0.5;
            // Children take the father's family name (the head's, or the head's husband's).
            const fathers = headMale ? headFamily : (spouseFamily ?? headFamily);
            family = relation === 'child' || relation === 'grandchild' || relation === 'sibling' ? fathers : relation === 'parent' && !female ? fathers : familyName();
          }
          const fullName = personNameOf(rand, female, family);
          const birthDate = isoDay(birthDayOf(rand, age));
          const adult = age >= 18;
          const citizenId = age >= 14 || rand() < 0.5 ? this.ids.next(PROVINCE_CODE, birthDate, female) : null;
          const phone = adult && rand() < 0.7 ? phoneOf(rand) : null;
          let occupation: string | null = null;
          if (adult) {
            if (age <= 22 && rand() < 0.35) occupation = 'Sinh viên';
            else if (age >= 60 && rand() < 0.4) occupation = 'Hưu trí';
            else occupation = weighted(rand, OCCUPATIONS);
          }
          let category: StaffCategory | null = null;
          if (age >= 22 && age <= 60 && occupation !== 'Sinh viên' && this.stats.staffResidents < staffResidentTarget && rand() < staffChance) {
            // Most work in their own commune, some in the province's departments.
            const unit = communeUnits.length && rand() < 0.85 ? pick(rand, communeUnits) : pick(rand, this.orgs.departments.length ? this.orgs.departments : communeUnits);
            category = categoryOf(rand, unit);
            this.staffPosts.push({ person: i, unit, category, age, female });
            this.stats.staffResidents++;
            occupation = null;
          }
          const education = age >= 18 ? weighted(rand, ADULT_EDUCATION) : age >= 15 ? '9/12' : age >= 11 ? '5/12' : null;
          const qualification = category ? weighted(rand, STAFF_QUALIFICATIONS) : age >= 18 ? weighted(rand, RESIDENT_QUALIFICATIONS) : null;
          const group = groupOf(birthDate, occupation, category);
          if (group === 'learners') this.stats.learners++;
          if (female) this.stats.female++;
          if (phone) this.stats.withPhone++;
          if (citizenId) this.stats.withCitizenId++;
          out += `${this.personId(i)}\t${fullName}\t${nameKeys(fullName)}\t${birthDate}\t${female ? 'female' : 'male'}\t${ethnicity}\t${f(citizenId)}\t${f(phone)}\t${N}\t${hamlet.id}\t${householdId}\t${relation}\t${f(education)}\t${f(qualification)}\t${f(occupation)}\t${group}\n`;
        }
        // The household joins its family's clan in the commune now and then.
        const clanFamily = headMale ? headFamily : (spouseFamily ?? headFamily);
        const k = clanOfFamily.get(clanFamily);
        if (k !== undefined && rand() < this.sizes.clanHouseholdShare) {
          const clan = communeIndex * clansPerCommune + k;
          this.hhClan[h] = clan;
          if (this.clanHead[clan] === -1) this.clanHead[clan] = first;
          this.stats.clanHouseholds++;
        }
      }
      this.time('person (residents)', t0);
      yield out;
    }
    yield* this.staffOnlyLines();
  }

  /** Staff who do not live in the province: no residence, no household, born elsewhere. */
  private *staffOnlyLines(): Generator<string> {
    const rand = this.rand;
    const count = Math.max(0, this.sizes.staff - this.stats.staffResidents);
    this.staffOnlyTotal = count;
    const base = this.sizes.residents;
    for (let start = 0; start < count; start += 2000) {
      const t0 = performance.now();
      let out = '';
      for (let j = start; j < Math.min(count, start + 2000); j++) {
        const i = base + j;
        const unit = pick(rand, weighted(rand, this.homes));
        const staffing = staffingOf(unit.kindCode);
        const female = rand() < staffing.femaleShare;
        const age = 23 + Math.floor(rand() * 38);
        const fullName = personNameOf(rand, female);
        const birthDate = isoDay(birthDayOf(rand, age));
        const category = categoryOf(rand, unit);
        this.staffPosts.push({ person: i, unit, category, age, female });
        const citizenId = this.ids.next(weighted(rand, OTHER_PROVINCES), birthDate, female);
        const phone = rand() < 0.95 ? phoneOf(rand) : null;
        const email = rand() < 0.6 ? `${searchKey(fullName).replace(/ /g, '.')}.${j}@vinhlong.gov.vn` : null;
        const qualification = weighted(rand, STAFF_QUALIFICATIONS);
        const group = groupOf(birthDate, null, category);
        if (female) this.stats.female++;
        if (phone) this.stats.withPhone++;
        this.stats.withCitizenId++;
        out += `${this.personId(i)}\t${fullName}\t${nameKeys(fullName)}\t${birthDate}\t${female ? 'female' : 'male'}\tKinh\t${citizenId}\t${f(phone)}\t${f(email)}\t${N}\t${N}\t${N}\t12/12\t${qualification}\t${N}\t${group}\n`;
        this.stats.kinh++;
      }
      this.stats.staffOnly = Math.min(count, start + 2000);
      this.time('person (staff living elsewhere)', t0);
      yield out;
    }
  }

  /** One current membership per member of staff; 5 % also have an ended one in another unit. */
  *membershipLines(): Generator<string> {
    const rand = this.rand;
    let m = 0;
    for (let start = 0; start < this.staffPosts.length; start += 2000) {
      const t0 = performance.now();
      let out = '';
      for (const post of this.staffPosts.slice(start, start + 2000)) {
        const { position, leader, rank } = positionIn(rand, post.unit, post.category);
        // Joined at 22 or later, not before 1995.
        const careerYears = Math.max(0, Math.min(post.age - 22, 31));
        const fromDay = TODAY_DAY - Math.floor(rand() * careerYears * 365.2425) - 30;
        if (rand() < 0.05 && careerYears > 2) {
          const pastUnit = pick(rand, weighted(rand, this.homes));
          const pastFrom = fromDay - 365 - Math.floor(rand() * 365 * 4);
          out += `${idOf(Ns.membership, m++)}\t${this.personId(post.person)}\t${pastUnit.id}\tChuyên viên\tfalse\t${post.category}\t${N}\t${isoDay(pastFrom)}\t${isoDay(fromDay - 1)}\n`;
          this.stats.pastMemberships++;
        }
        out += `${idOf(Ns.membership, m++)}\t${this.personId(post.person)}\t${post.unit.id}\t${position}\t${leader}\t${post.category}\t${f(rank)}\t${isoDay(fromDay)}\t${N}\n`;
      }
      this.time('membership', t0);
      yield out;
    }
    this.stats.memberships = m;
  }

  *clanLines(): Generator<string> {
    const t0 = performance.now();
    let out = '';
    this.orgs.communes.forEach((commune, c) => {
      for (let k = 0; k < this.sizes.clansPerCommune; k++) {
        const clan = c * this.sizes.clansPerCommune + k;
        const name = `Dòng họ ${CLAN_FAMILIES[k]}`;
        const head = this.clanHead[clan]!;
        out += `${idOf(Ns.clan, clan)}\t${commune.id}\t${name}\t${searchKey(name)}\t${sortKey(name)}\t${head >= 0 ? this.personId(head) : N}\n`;
      }
    });
    this.time('clan', t0);
    yield out;
  }

  *clanHouseholdLines(): Generator<string> {
    for (let start = 0; start < this.sizes.households; start += 50_000) {
      const t0 = performance.now();
      let out = '';
      for (let h = start; h < Math.min(this.sizes.households, start + 50_000); h++) {
        const clan = this.hhClan[h]!;
        if (clan >= 0) out += `${idOf(Ns.clan, clan)}\t${idOf(Ns.household, h)}\n`;
      }
      this.time('clan_household', t0);
      yield out;
    }
  }

  get staffOnly() {
    return this.staffOnlyTotal;
  }
}

/** Ages of heads of household: [band start, weight], each band 10 years wide. */
const HEAD_AGES: readonly (readonly [number, number])[] = [
  [22, 8], [30, 22], [40, 24], [50, 22], [60, 15], [70, 9],
];

// ---------------------------------------------------------------------------------------
// Loading

interface Ddl {
  table: string;
  name: string;
  kind: 'pk' | 'unique' | 'fk' | 'index';
  create: string;
  drop: string;
}

/**
 * The indexes and constraints of the people tables as the migrations made them, read from the
 * catalog so the rebuild follows the schema (and whatever the lead adds to it): primary keys and
 * unique constraints, plain indexes, and foreign keys from or to these tables.
 */
async function peopleDdl(client: pg.Client, tables: string[]): Promise<Ddl[]> {
  const constraints = await client.query<{ table: string; name: string; contype: string; def: string }>(
    `select c.conrelid::regclass::text as table, c.conname as name, c.contype, pg_get_constraintdef(c.oid) as def
       from pg_constraint c
      where c.contype in ('p', 'u', 'f')
        and (c.conrelid::regclass::text = any($1) or (c.contype = 'f' and c.confrelid::regclass::text = any($1)))`,
    [tables],
  );
  const indexes = await client.query<{ table: string; name: string; def: string }>(
    `select i.tablename as table, i.indexname as name, i.indexdef as def
       from pg_indexes i
      where i.schemaname = 'public' and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass and c.contype in ('p', 'u'))`,
    [tables],
  );
  const q = (s: string) => `"${s}"`;
  const out: Ddl[] = [];
  for (const c of constraints.rows.filter((c) => c.contype !== 'f')) {
    out.push({ table: c.table, name: c.name, kind: c.contype === 'p' ? 'pk' : 'unique', create: `alter table ${q(c.table)} add constraint ${q(c.name)} ${c.def}`, drop: `alter table ${q(c.table)} drop constraint ${q(c.name)}` });
  }
  for (const i of indexes.rows) out.push({ table: i.table, name: i.name, kind: 'index', create: i.def, drop: `drop index ${q(i.name)}` });
  for (const c of constraints.rows.filter((c) => c.contype === 'f')) {
    out.push({ table: c.table, name: c.name, kind: 'fk', create: `alter table ${q(c.table)} add constraint ${q(c.name)} ${c.def}`, drop: `alter table ${q(c.table)} drop constraint ${q(c.name)}` });
  }
  return out;
}

export interface PeopleLoad {
  people: PeopleGenerator;
  timings: LoadTiming[];
  /** Index and constraint builds after the load (only the foreign keys when the indexes were kept). */
  builds: LoadTiming[];
}

/**
 * Loads the people. BENCH_LOAD_KEEP_INDEXES=1 keeps the indexes in place during the COPY (to
 * compare with dropping and rebuilding them); the foreign keys are dropped and checked after the
 * load either way.
 */
export async function loadPeople(target: PsqlTarget, client: pg.Client, orgs: GeneratedOrgs, sizes: PeopleSizes, log: (s: string) => void = () => undefined): Promise<PeopleLoad> {
  const keepIndexes = process.env.BENCH_LOAD_KEEP_INDEXES === '1';
  const people = new PeopleGenerator(orgs, sizes);
  const timings: LoadTiming[] = [];
  const builds: LoadTiming[] = [];
  // The foreign keys go either way: household and person refer to each other.
  const ddl = (await peopleDdl(client, PEOPLE_TABLES)).filter((d) => !keepIndexes || d.kind === 'fk');
  {
    const t0 = performance.now();
    for (const d of [...ddl].reverse()) await client.query(d.drop);
    timings.push({ step: `drop ${ddl.length} ${keepIndexes ? 'foreign keys' : 'indexes and constraints'} of ${PEOPLE_TABLES.join(', ')}`, rows: 0, ms: performance.now() - t0 });
  }
  const suffix = keepIndexes ? ' (indexes in place, no FKs)' : ' (no indexes or FKs)';
  const copy = async (table: string, columns: string[], lines: Iterable<string>, rows: () => number, jsKeys: string[]) => {
    const t0 = performance.now();
    await copyLines(target, table, columns, lines);
    const ms = performance.now() - t0;
    const js = jsKeys.reduce((s, k) => s + (people.jsMs[k] ?? 0), 0);
    timings.push({ step: `${table} COPY${suffix}; JS row building ${Math.round(js).toLocaleString('en')} ms of it`, rows: rows(), ms });
    log(`  ${table}: ${rows().toLocaleString('en')} rows in ${(ms / 1000).toFixed(1)} s`);
  };
  await copy('household', HOUSEHOLD_COLUMNS, people.householdLines(), () => sizes.households, ['household']);
  await copy('person', PERSON_COLUMNS, people.personLines(), () => sizes.residents + people.staffOnly, ['person (residents)', 'person (staff living elsewhere)']);
  await copy('membership', MEMBERSHIP_COLUMNS, people.membershipLines(), () => people.stats.memberships, ['membership']);
  await copy('clan', CLAN_COLUMNS, people.clanLines(), () => people.stats.clans, ['clan']);
  await copy('clan_household', CLAN_HOUSEHOLD_COLUMNS, people.clanHouseholdLines(), () => people.stats.clanHouseholds, ['clan_household']);
  people.stats.distinctNames = keyCache.size;

  {
    // As an operator would for a bulk load: enough memory for the sorts (the server default is 64 MB).
    await client.query(`set maintenance_work_mem = '1GB'`);
    const counts = new Map<string, number>([
      ['person', sizes.residents + people.staffOnly],
      ['household', sizes.households],
      ['membership', people.stats.memberships],
      ['clan', people.stats.clans],
      ['clan_household', people.stats.clanHouseholds],
    ]);
    for (const d of ddl) {
      const t0 = performance.now();
      await client.query(d.create);
      const ms = performance.now() - t0;
      builds.push({ step: `${d.kind === 'fk' ? 'check FK' : d.kind === 'index' ? 'build' : `build ${d.kind}`} ${d.name}`, rows: counts.get(d.table) ?? 0, ms });
    }
    await client.query('reset maintenance_work_mem');
    log(`  ${ddl.length} indexes and constraints rebuilt in ${(builds.reduce((s, b) => s + b.ms, 0) / 1000).toFixed(1)} s`);
  }
  return { people, timings, builds };
}

/**
 * VACUUM ANALYZE, repeated until the visibility map of `person` is set (with
 * synchronous_commit=off the first VACUUM right after a load cannot set it).
 */
export async function vacuumPeople(client: pg.Client): Promise<LoadTiming> {
  const t0 = performance.now();
  await client.query('vacuum analyze');
  for (let attempt = 0; attempt < 20; attempt++) {
    const { rows } = await client.query<{ pct: number }>(`select (100.0 * relallvisible / greatest(relpages, 1))::float8 as pct from pg_class where relname = 'person'`);
    if (rows[0]!.pct >= 99) break;
    await new Promise((r) => setTimeout(r, 250));
    await client.query(`vacuum ${PEOPLE_TABLES.join(', ')}`);
  }
  return { step: 'VACUUM ANALYZE (until the visibility map is set)', rows: 0, ms: performance.now() - t0 };
}

