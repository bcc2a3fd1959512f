/**
 * The 1 July 2025 reform as it reached the demo's huyện Giang Thành (seed 001, Kiên Giang), as data,
 * and `applyDemoReform2025`, which applies it through the org service like an administrator would.
 *
 * What happened (sources):
 * - Nghị quyết 202/2025/QH15 (12/6/2025): tỉnh Kiên Giang and tỉnh An Giang merged into tỉnh An Giang.
 * - Luật Tổ chức chính quyền địa phương số 72/2025/QH15: local government of two levels (province,
 *   commune) from 1/7/2025; the district level, huyện Giang Thành included, ends.
 * - Nghị quyết 1654/NQ-UBTVQH15 (16/6/2025) on the commune-level units of An Giang in 2025
 *   (102 units: 85 communes, 14 wards, 3 special zones), Article 1, items 78 and 79:
 *     78. xã Tân Khánh Hòa, xã Phú Lợi and xã Phú Mỹ → a new commune, xã Giang Thành;
 *     79. xã Vĩnh Phú and xã Vĩnh Điều → a new commune, xã Vĩnh Điều.
 *   The resolution's number, date and totals are from the press (Báo Pháp Luật Việt Nam, 17/6/2025:
 *   https://www.vietnam.vn/en/thanh-lap-tinh-an-giang-moi-voi-102-xa-phuong-dac-khu); the two items
 *   from public transcriptions of its list, which agree with each other. The official text itself
 *   was not at hand.
 *
 * Simplified for the demo: the province root holds only what the demo needs; the new communes get
 * no code (the demo takes codes from the national list only, and the new codes were not checked);
 * the district's health centre goes straight under the province (in reality under the provincial
 * Department of Health); the district's phòng, its culture centre and its association close with it.
 */
import type { RequestContext } from '../platform/http/context.js';
import { ruleBroken } from '../platform/errors.js';
import type { OrgService } from '../modules/org/org.service.js';
import type { ReorgOutcome, ReorgPlan } from '../modules/org/reorganisation.js';

export interface DemoMerge {
  /** The item of Article 1 of Nghị quyết 1654/NQ-UBTVQH15. */
  item: number;
  predecessors: string[];
  successor: string;
}

export const REFORM_2025 = {
  effectiveDate: '2025-07-01',
  province: 'Tỉnh An Giang',
  district: 'Huyện Giang Thành',
  communeDecision: 'Nghị quyết 1654/NQ-UBTVQH15',
  communeMerges: [
    { item: 78, predecessors: ['Xã Tân Khánh Hòa', 'Xã Phú Lợi', 'Xã Phú Mỹ'], successor: 'Xã Giang Thành' },
    { item: 79, predecessors: ['Xã Vĩnh Phú', 'Xã Vĩnh Điều'], successor: 'Xã Vĩnh Điều' },
  ] satisfies DemoMerge[],
  districtDecision: 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15',
  /** Units of the district that carry on under the province; the others close with the district. */
  continuing: ['Trung tâm Y tế Giang Thành'],
};

/** The district's units the reform names. */
export const reform2025UnitNames = () => [...REFORM_2025.communeMerges.flatMap((m) => m.predecessors), ...REFORM_2025.continuing];

/** The reform's plans, given the ids of the district's units by name and the province's id. */
export function reform2025Plans(idOf: (name: string) => string, provinceId: string): ReorgPlan[] {
  const { effectiveDate } = REFORM_2025;
  const merges = REFORM_2025.communeMerges.map(
    (m): ReorgPlan => ({
      kind: 'merge',
      predecessorIds: m.predecessors.map(idOf),
      successor: { type: 'new', name: m.successor, kindCode: 'commune', parentId: provinceId },
      effectiveDate,
      decisionRef: REFORM_2025.communeDecision,
      note: `Khoản ${m.item} Điều 1`,
    }),
  );
  const dissolveDistrict: ReorgPlan = {
    kind: 'transfer',
    unitIds: REFORM_2025.continuing.map(idOf),
    newParentId: provinceId,
    dissolveOldParents: true,
    effectiveDate,
    decisionRef: REFORM_2025.districtDecision,
    note: 'Kết thúc hoạt động của đơn vị hành chính cấp huyện',
  };
  return [...merges, dissolveDistrict];
}

type Orgs = Pick<OrgService, 'listChildren' | 'create' | 'applyReorganisation'>;

/** Open units under a parent (the roots when `parentId` is undefined), every page. */
async function openChildren(orgs: Orgs, ctx: RequestContext, parentId?: string) {
  const all: { id: string; name: string; kindCode: string }[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await orgs.listChildren(ctx, { parentId, includeClosed: false, page, pageSize: 100 });
    all.push(...items);
    if (all.length >= total || items.length === 0) return all;
  }
}

async function findRoot(orgs: Orgs, ctx: RequestContext, name: string, kindCode: string) {
  return (await openChildren(orgs, ctx)).find((o) => o.name === name && o.kindCode === kindCode);
}

/**
 * Applies the reform to the demo tree (src/server/demo/seed.ts), in a system administrator's
 * context: creates the province root if missing, merges the communes, then moves the health centre
 * to the province and dissolves the district. Each step is one reorganisation (one transaction).
 * Answers null, changing nothing, when the demo's district is not there or no longer open.
 */
export async function applyDemoReform2025(services: { orgs: Orgs }, ctx: RequestContext): Promise<{ provinceId: string; reorganisations: ReorgOutcome[] } | null> {
  const { orgs } = services;
  const district = await findRoot(orgs, ctx, REFORM_2025.district, 'district');
  if (!district) return null;
  const units = new Map((await openChildren(orgs, ctx, district.id)).map((o) => [o.name, o.id]));
  const idOf = (name: string) => {
    const id = units.get(name);
    if (!id) throw ruleBroken('DEMO_UNIT_MISSING', `Không tìm thấy "${name}" trong ${REFORM_2025.district}.`, `"${name}" is not in ${REFORM_2025.district}.`);
    return id;
  };
  reform2025UnitNames().forEach(idOf); // every unit the reform names is there, before anything changes
  const province =
    (await findRoot(orgs, ctx, REFORM_2025.province, 'province')) ??
    (await orgs.create(ctx, { parentId: null, name: REFORM_2025.province, kindCode: 'province' }));
  const plans = reform2025Plans(idOf, province.id);
  const reorganisations: ReorgOutcome[] = [];
  for (const plan of plans) reorganisations.push(await orgs.applyReorganisation(ctx, plan));
  return { provinceId: province.id, reorganisations };
}
