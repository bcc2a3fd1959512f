import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/app.js';
import { systemActor, systemContext } from '../platform/http/context.js';
import { rollupOrgIds } from '../modules/org/reorganisation.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { applyDemoReform2025, REFORM_2025 } from './reform-2025.js';
import { seedDemo } from './seed.js';

let t: TestApp;
let admin: Client;
const ctx = systemContext(systemActor(), 'demo-reform-2025');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database, { sessionSecret: 'x', dataDir: t.dataDir });
  admin = await new Client(t.app).login('admin', DEMO_PASSWORD);
});
afterAll(() => t?.close());

type Item = { id: string; name: string; kindCode: string; closed: boolean };
const children = async (parentId?: string, includeClosed = false): Promise<Item[]> =>
  (await admin.get(`/api/v1/orgs?pageSize=100&includeClosed=${includeClosed}${parentId ? `&parentId=${parentId}` : ''}`)).body.items;
const byName = (items: Item[], name: string) => items.find((o) => o.name === name)!;

describe('the 1/7/2025 reform of the demo', () => {
  let result: Awaited<ReturnType<typeof applyDemoReform2025>>;

  it('applies Nghị quyết 1654/NQ-UBTVQH15 to huyện Giang Thành under a new tỉnh An Giang', async () => {
    const districtBefore = byName(await children(), REFORM_2025.district);
    const oldCommunes = await children(districtBefore.id);
    result = await applyDemoReform2025(t.services, ctx);
    expect(result).not.toBeNull();
    expect(result!.reorganisations.map((r) => [r.kind, r.decisionRef])).toEqual([
      ['merge', 'Nghị quyết 1654/NQ-UBTVQH15'],
      ['merge', 'Nghị quyết 1654/NQ-UBTVQH15'],
      ['transfer', 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15'],
    ]);

    const roots = await children();
    expect(roots.map((o) => o.name)).toContain('Tỉnh An Giang');
    expect(roots.map((o) => o.name)).not.toContain(REFORM_2025.district);
    const province = await children(result!.provinceId);
    expect(province.map((o) => o.name)).toEqual(['Trung tâm Y tế Giang Thành', 'Xã Giang Thành', 'Xã Vĩnh Điều']);

    const giangThanh = await children(byName(province, 'Xã Giang Thành').id);
    // 4 + 5 + 4 hamlets and the three communes' community learning centres
    expect(giangThanh.filter((o) => o.kindCode === 'hamlet')).toHaveLength(13);
    expect(giangThanh.filter((o) => o.kindCode === 'community_learning_centre')).toHaveLength(3);
    const vinhDieu = await children(byName(province, 'Xã Vĩnh Điều').id);
    expect(vinhDieu.map((o) => o.name)).toContain('Ấp Vĩnh Thuận');
    expect(vinhDieu).toHaveLength(4 + 3 + 2);

    // the district and what stayed in it are closed from the effective date
    const closedDistrict = await children(districtBefore.id, true);
    expect(closedDistrict.every((o) => o.closed)).toBe(true);
    expect(closedDistrict.map((o) => o.name)).toEqual(expect.arrayContaining(['Phòng Nội vụ', 'Hội Khuyến học huyện', 'Xã Phú Lợi']));
    expect(oldCommunes.filter((o) => o.kindCode === 'commune')).toHaveLength(5);
  });

  it('rolls the old communes and the district into their successors', async () => {
    const province = await children(result!.provinceId);
    const giangThanh = byName(province, 'Xã Giang Thành').id;
    const lineage = await admin.get(`/api/v1/orgs/${giangThanh}/lineage`);
    expect(lineage.body.predecessors.map((p: { org: { name: string } }) => p.org.name).sort()).toEqual(['Xã Phú Lợi', 'Xã Phú Mỹ', 'Xã Tân Khánh Hòa']);
    expect(await rollupOrgIds(t.database.db, giangThanh)).toHaveLength(4);
    expect(await rollupOrgIds(t.database.db, byName(province, 'Xã Vĩnh Điều').id)).toHaveLength(3);
    const provinceLineage = await admin.get(`/api/v1/orgs/${result!.provinceId}/lineage`);
    expect(provinceLineage.body.predecessors.map((p: { org: { name: string } }) => p.org.name)).toEqual([REFORM_2025.district]);
  });

  it('keeps the health centre whole under the province, and warns of grants left on closed units', async () => {
    const khoa = await admin.get('/api/v1/orgs/search?q=' + encodeURIComponent('khoa kham benh'));
    expect(khoa.body.items[0].pathNames).toEqual(['Tỉnh An Giang', 'Trung tâm Y tế Giang Thành', 'Khoa Khám bệnh']);
    const head = await new Client(t.app).login('gt.khoa.kb', DEMO_PASSWORD);
    expect((await head.get(`/api/v1/orgs/${khoa.body.items[0].id}`)).status).toBe(200);

    const [phuLoi, , dissolve] = result!.reorganisations;
    expect(phuLoi.warnings.map((w) => w.org.name)).toContain('Xã Phú Lợi');
    expect(dissolve.warnings.map((w) => w.org.name)).toContain(REFORM_2025.district);
  });

  it('lists the three reorganisations, and applying again changes nothing', async () => {
    const list = await admin.get(`/api/v1/reorganisations?orgId=${result!.provinceId}`);
    expect(list.body.total).toBe(1);
    expect((await admin.get('/api/v1/reorganisations')).body.total).toBe(3);
    expect(await applyDemoReform2025(t.services, ctx)).toBeNull();
    expect((await admin.get('/api/v1/reorganisations')).body.total).toBe(3);
  });
});
