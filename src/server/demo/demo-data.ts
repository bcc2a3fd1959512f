/**
 * Demonstration data: the organisation trees of the five seed plans and a handful of accounts,
 * one or more per role. Pure data, no I/O; the demo loader turns it into rows.
 *
 * Sources:
 * - seed 000: Sở Tài chính tỉnh Tây Ninh ("Văn phòng Sở", "các phòng và tương đương thuộc Sở");
 * - seed 001: UBND huyện Giang Thành (Kiên Giang) and Trung tâm Y tế Giang Thành
 *   ("Phòng Tổ chức – Hành chính", "Phòng Dân số - TTGDSK", "các Khoa, Phòng, Trạm Y tế xã",
 *   "Hội Khuyến học Trung tâm Y tế", "Phòng Giáo dục và Đào tạo huyện", "Phòng Nội vụ huyện",
 *   "Phòng Tài chính-Kế hoạch huyện", "Phòng Văn hóa và Thông tin huyện",
 *   "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện", "Hội Khuyến học huyện", "UBND các xã");
 * - seed 002: Sở Tài chính tỉnh Kon Tum ("Văn phòng Sở", "Phòng Tài chính doanh nghiệp");
 * - seed 003: Sở Tư pháp tỉnh Tuyên Quang ("Văn phòng Sở", "các phòng, đơn vị thuộc Sở,
 *   các đơn vị sự nghiệp trực thuộc Sở");
 * - seed 004: Sở Tài nguyên và Môi trường tỉnh Lạng Sơn ("Văn phòng Sở", "các phòng, đơn vị").
 * Units the seeds do not name are the usual departments of that kind of agency before the
 * 2025 reorganisation. Codes: only the national list of administrative units (danh mục đơn vị
 * hành chính Việt Nam, TCTK) — district 914 Giang Thành and its five communes; no other code.
 * Hamlet (ấp) names are ILLUSTRATIVE: plausible Mekong-delta names, not the real ấp list.
 * Every person below is invented; none is a person printed in the seeds.
 */
import { ROLE_CODES, type RoleCode } from '../../shared/roles.js';

export interface DemoOrg {
  name: string;
  kind: string;
  code?: string;
  children?: DemoOrg[];
}

export interface DemoAccount {
  login: string;
  password: string;
  displayName: string;
  /** Path of org names from the root, joined by ' / '. */
  homeOrg: string;
  /** Org given the same way as homeOrg. */
  grants: { org: string; role: RoleCode }[];
}

/** Separator of org names in a path. */
export const ORG_PATH_SEPARATOR = ' / ';

/** The one password of every demo account: ≥ 10 characters, letters and digits. */
export const DEMO_PASSWORD = 'HocTap@2026';

const dept = (name: string): DemoOrg => ({ name, kind: 'department' });
const khoa = (name: string): DemoOrg => ({ name, kind: 'hospital_dept' });
const ap = (name: string): DemoOrg => ({ name, kind: 'hamlet' });

/** A commune of Giang Thành with its illustrative hamlets and its community learning centre. */
function xa(shortName: string, code: string, hamlets: string[]): DemoOrg {
  return {
    name: `Xã ${shortName}`,
    kind: 'commune',
    code,
    children: [
      ...hamlets.map((h) => ap(`Ấp ${h}`)),
      { name: `Trung tâm học tập cộng đồng xã ${shortName}`, kind: 'community_learning_centre' },
    ],
  };
}

// ── names used again by the accounts ────────────────────────────────────────

const KT = 'Sở Tài chính tỉnh Kon Tum';
const TN = 'Sở Tài chính tỉnh Tây Ninh';
const TQ = 'Sở Tư pháp tỉnh Tuyên Quang';
const LS = 'Sở Tài nguyên và Môi trường tỉnh Lạng Sơn';
const GT = 'Huyện Giang Thành';
const GT_TTYT = 'Trung tâm Y tế Giang Thành';

const p = (...names: string[]): string => names.join(ORG_PATH_SEPARATOR);

// ── the trees ───────────────────────────────────────────────────────────────

/** Usual departments of a provincial Department of Finance (before the 2025 merger with Sở KH&ĐT). */
const financeDepartments = (): DemoOrg[] => [
  dept('Văn phòng Sở'),
  dept('Thanh tra Sở'),
  dept('Phòng Quản lý ngân sách'),
  dept('Phòng Tài chính hành chính sự nghiệp'),
  dept('Phòng Tài chính đầu tư'),
  dept('Phòng Quản lý giá và công sản'),
  dept('Phòng Tài chính doanh nghiệp'),
];

export const demoTrees: DemoOrg[] = [
  // 1. seed 002
  { name: KT, kind: 'agency', children: financeDepartments() },

  // 2. seed 000
  { name: TN, kind: 'agency', children: financeDepartments() },

  // 3. seed 003 — phòng thuộc Sở and đơn vị sự nghiệp trực thuộc Sở (the latter as 'department',
  //    the only kind allowed under an agency besides school / health_centre / hospital)
  {
    name: TQ,
    kind: 'agency',
    children: [
      dept('Văn phòng Sở'),
      dept('Thanh tra Sở'),
      dept('Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật'),
      dept('Phòng Phổ biến, giáo dục pháp luật'),
      dept('Phòng Hành chính tư pháp'),
      dept('Phòng Bổ trợ tư pháp'),
      dept('Trung tâm Trợ giúp pháp lý nhà nước'),
      dept('Phòng Công chứng số 1'),
    ],
  },

  // 4. seed 004 — phòng and đơn vị thuộc Sở
  {
    name: LS,
    kind: 'agency',
    children: [
      dept('Văn phòng Sở'),
      dept('Thanh tra Sở'),
      dept('Phòng Kế hoạch – Tài chính'),
      dept('Phòng Quản lý đất đai'),
      dept('Phòng Đo đạc, bản đồ và viễn thám'),
      dept('Phòng Tài nguyên nước, khoáng sản và khí tượng thủy văn'),
      dept('Chi cục Bảo vệ môi trường'),
      dept('Văn phòng Đăng ký đất đai'),
      dept('Trung tâm Quan trắc tài nguyên và môi trường'),
      dept('Trung tâm Công nghệ thông tin tài nguyên và môi trường'),
    ],
  },

  // 5. seed 001 — the district as it was before 1/7/2025 (Kiên Giang, code 914)
  {
    name: GT,
    kind: 'district',
    code: '914',
    children: [
      dept('Văn phòng HĐND và UBND huyện'),
      dept('Phòng Nội vụ'),
      dept('Phòng Giáo dục và Đào tạo'),
      dept('Phòng Tài chính – Kế hoạch'),
      dept('Phòng Văn hóa và Thông tin'),
      { name: 'Trung tâm Văn hóa, Thể thao và Truyền thanh huyện', kind: 'agency' },
      { name: 'Hội Khuyến học huyện', kind: 'association' },
      {
        name: GT_TTYT,
        kind: 'health_centre',
        children: [
          dept('Phòng Tổ chức – Hành chính'),
          dept('Phòng Kế hoạch – Nghiệp vụ'),
          dept('Phòng Tài chính – Kế toán'),
          dept('Phòng Dân số – TTGDSK'),
          khoa('Khoa Khám bệnh'),
          khoa('Khoa Hồi sức cấp cứu'),
          khoa('Khoa Nội tổng hợp'),
          khoa('Khoa Ngoại – Chăm sóc sức khỏe sinh sản'),
          khoa('Khoa Nhi'),
          khoa('Khoa Y học cổ truyền – Phục hồi chức năng'),
          khoa('Khoa Xét nghiệm – Chẩn đoán hình ảnh'),
          khoa('Khoa Dược – Trang thiết bị – Vật tư y tế'),
          khoa('Khoa Kiểm soát bệnh tật'),
          khoa('Khoa An toàn thực phẩm'),
          { name: 'Trạm Y tế xã Phú Lợi', kind: 'health_station' },
          { name: 'Trạm Y tế xã Phú Mỹ', kind: 'health_station' },
          { name: 'Trạm Y tế xã Tân Khánh Hòa', kind: 'health_station' },
          { name: 'Trạm Y tế xã Vĩnh Điều', kind: 'health_station' },
          { name: 'Trạm Y tế xã Vĩnh Phú', kind: 'health_station' },
          { name: 'Hội Khuyến học Trung tâm Y tế', kind: 'association' },
        ],
      },
      // commune codes: danh mục đơn vị hành chính (TCTK), valid until 30/6/2025
      xa('Phú Lợi', '30797', ['Phú Hòa', 'Phú Thạnh', 'Phú Hưng', 'Phú Quới']),
      xa('Phú Mỹ', '30799', ['Mỹ Lợi', 'Mỹ Thạnh', 'Mỹ Hòa', 'Mỹ Tân', 'Mỹ An']),
      xa('Tân Khánh Hòa', '30796', ['Khánh Tân', 'Khánh Lợi', 'Khánh Hưng', 'Khánh Bình']),
      xa('Vĩnh Điều', '30793', ['Vĩnh Thạnh', 'Vĩnh Lợi', 'Vĩnh Hòa', 'Vĩnh Hưng']),
      xa('Vĩnh Phú', '30791', ['Vĩnh Thuận', 'Vĩnh Bình', 'Vĩnh Tân']),
    ],
  },
];

// ── the accounts ────────────────────────────────────────────────────────────

const account = (
  login: string,
  displayName: string,
  homeOrg: string,
  grants: { org: string; role: RoleCode }[],
): DemoAccount => ({ login, password: DEMO_PASSWORD, displayName, homeOrg, grants });

export const demoAccounts: DemoAccount[] = [
  // platform
  account(
    'admin',
    'Trần Quốc Bảo',
    KT,
    [KT, TN, TQ, LS, GT].map((org) => ({ org, role: 'system_admin' as const })),
  ),

  // Sở Tài chính tỉnh Kon Tum
  account('kt.quantri', 'Phạm Minh Tuấn', p(KT, 'Văn phòng Sở'), [{ org: KT, role: 'org_admin' }]),
  account('kt.vanphong', 'Nguyễn Thị Hồng Nhung', p(KT, 'Văn phòng Sở'), [{ org: KT, role: 'secretariat' }]),
  account('kt.tphong.ns', 'Lê Văn Hải', p(KT, 'Phòng Quản lý ngân sách'), [
    { org: p(KT, 'Phòng Quản lý ngân sách'), role: 'unit_head' },
  ]),
  account('kt.tphong.dn', 'Đỗ Thị Kim Oanh', p(KT, 'Phòng Tài chính doanh nghiệp'), [
    { org: p(KT, 'Phòng Tài chính doanh nghiệp'), role: 'unit_head' },
  ]),
  account('kt.cv.ns', 'Võ Thị Mỹ Linh', p(KT, 'Phòng Quản lý ngân sách'), [
    { org: p(KT, 'Phòng Quản lý ngân sách'), role: 'member' },
  ]),
  account('kt.cv.dn', 'Bùi Quang Vinh', p(KT, 'Phòng Tài chính doanh nghiệp'), [
    { org: p(KT, 'Phòng Tài chính doanh nghiệp'), role: 'member' },
  ]),
  account('kt.hoidong', 'Trịnh Văn Sơn', p(KT, 'Phòng Tài chính đầu tư'), [{ org: KT, role: 'council_member' }]),
  account('kt.lanhdao', 'Hoàng Ngọc Lâm', KT, [{ org: KT, role: 'viewer' }]),

  // Huyện Giang Thành
  account('gt.pgd', 'Dương Thị Thu Hà', p(GT, 'Phòng Giáo dục và Đào tạo'), [{ org: GT, role: 'secretariat' }]),
  account('gt.xa.phuloi', 'Lâm Văn Tài', p(GT, 'Xã Phú Lợi'), [{ org: p(GT, 'Xã Phú Lợi'), role: 'unit_head' }]),
  account('gt.tchc', 'Trương Thị Ngọc Diễm', p(GT, GT_TTYT, 'Phòng Tổ chức – Hành chính'), [
    { org: p(GT, GT_TTYT), role: 'secretariat' },
  ]),
  account('gt.khoa.kb', 'Châu Minh Trí', p(GT, GT_TTYT, 'Khoa Khám bệnh'), [
    { org: p(GT, GT_TTYT, 'Khoa Khám bệnh'), role: 'unit_head' },
  ]),
  account('gt.cv.kb', 'Thạch Thị Mỹ Tiên', p(GT, GT_TTYT, 'Khoa Khám bệnh'), [
    { org: p(GT, GT_TTYT, 'Khoa Khám bệnh'), role: 'member' },
  ]),
];

// ── helpers and self-check ──────────────────────────────────────────────────

export interface DemoOrgVisit {
  org: DemoOrg;
  /** Names from the root joined by ORG_PATH_SEPARATOR. */
  path: string;
  /** null for a root. */
  parent: DemoOrg | null;
  parentPath: string | null;
  depth: number;
}

/** Every org of the trees, parents before children, in declaration order. */
export function walkDemoTrees(trees: DemoOrg[] = demoTrees): DemoOrgVisit[] {
  const out: DemoOrgVisit[] = [];
  const visit = (org: DemoOrg, parent: DemoOrg | null, parentPath: string | null, depth: number): void => {
    const path = parentPath === null ? org.name : parentPath + ORG_PATH_SEPARATOR + org.name;
    out.push({ org, path, parent, parentPath, depth });
    for (const child of org.children ?? []) visit(child, org, path, depth + 1);
  };
  for (const root of trees) visit(root, null, null, 0);
  return out;
}

/**
 * Problems of the demo data against the org kinds (unknown kind, disallowed parent, root that
 * cannot be root, duplicate sibling or root names, names containing the path separator,
 * duplicate codes, account org paths that do not resolve, unknown roles, duplicate logins,
 * weak passwords). Empty when all is well.
 */
export function validateDemoData(
  kinds: { code: string; canBeRoot: boolean; parentKinds: string[] }[],
  trees: DemoOrg[] = demoTrees,
  accounts: DemoAccount[] = demoAccounts,
): string[] {
  const problems: string[] = [];
  const kindByCode = new Map(kinds.map((k) => [k.code, k]));
  const visits = walkDemoTrees(trees);
  const paths = new Set<string>();
  const codes = new Map<string, string>();

  for (const v of visits) {
    const { org, path, parent } = v;
    if (!org.name.trim()) problems.push(`empty org name under "${v.parentPath ?? '(root)'}"`);
    if (org.name.includes(ORG_PATH_SEPARATOR.trim())) problems.push(`org name contains "/": "${path}"`);
    if (paths.has(path)) problems.push(`duplicate ${parent ? 'sibling' : 'root'} name: "${path}"`);
    paths.add(path);

    const kind = kindByCode.get(org.kind);
    if (!kind) {
      problems.push(`unknown kind "${org.kind}": "${path}"`);
    } else if (!parent) {
      if (!kind.canBeRoot) problems.push(`kind "${org.kind}" cannot be a root: "${path}"`);
    } else if (!kind.parentKinds.includes(parent.kind)) {
      problems.push(`kind "${org.kind}" not allowed under "${parent.kind}": "${path}"`);
    }

    if (org.code !== undefined) {
      if (!org.code.trim()) problems.push(`empty code: "${path}"`);
      const other = codes.get(org.code);
      if (other) problems.push(`duplicate code "${org.code}": "${other}" and "${path}"`);
      else codes.set(org.code, path);
    }
  }

  const logins = new Set<string>();
  const roles = new Set<string>(ROLE_CODES);
  for (const a of accounts) {
    if (logins.has(a.login)) problems.push(`duplicate login "${a.login}"`);
    logins.add(a.login);
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(a.login)) problems.push(`login not ascii lower case: "${a.login}"`);
    if (!a.displayName.trim()) problems.push(`${a.login}: empty display name`);
    if (a.password.length < 10 || !/\p{L}/u.test(a.password) || !/\d/.test(a.password)) {
      problems.push(`${a.login}: password needs ≥ 10 characters with a letter and a digit`);
    }
    if (!paths.has(a.homeOrg)) problems.push(`${a.login}: home org does not resolve: "${a.homeOrg}"`);
    if (a.grants.length === 0) problems.push(`${a.login}: no grant`);
    const seen = new Set<string>();
    for (const g of a.grants) {
      if (!paths.has(g.org)) problems.push(`${a.login}: grant org does not resolve: "${g.org}"`);
      if (!roles.has(g.role)) problems.push(`${a.login}: unknown role "${g.role}"`);
      const key = `${g.org}\u0000${g.role}`;
      if (seen.has(key)) problems.push(`${a.login}: duplicate grant ${g.role} on "${g.org}"`);
      seen.add(key);
    }
  }
  return problems;
}
