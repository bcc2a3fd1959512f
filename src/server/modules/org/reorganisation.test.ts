import { asc, count, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, setUp, type TestApp } from '../../../../test/app.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ruleBroken } from '../../platform/errors.js';
import { userAccount } from '../user/user.table.js';
import { org, orgLineage, reorganisation } from './org.table.js';
import { rollupOrgIds, type ReorgOutcome, type ReorgParticipant, type ReorgTransfer } from './reorganisation.js';

const DAY = '2025-07-01';
const DECISION = 'Nghị quyết 1654/NQ-UBTVQH15';

let t: TestApp;
let admin: Client;
let provinceId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin } = await setUp(t.app, 'Sở Tư pháp tỉnh Tuyên Quang'));
  provinceId = (await create(null, 'Tỉnh An Giang', 'province')).id;
});
afterAll(() => t?.close());

async function create(parentId: string | null, name: string, kindCode: string) {
  const res = await admin.post('/api/v1/orgs', { parentId, name, kindCode });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
}

/** A district root with communes, each with its hamlets; returns ids by name. */
async function district(name: string, communes: Record<string, string[]>) {
  const ids: Record<string, string> = {};
  ids[name] = (await create(null, name, 'district')).id;
  for (const [commune, hamlets] of Object.entries(communes)) {
    ids[commune] = (await create(ids[name], commune, 'commune')).id;
    for (const hamlet of hamlets) ids[`${commune}/${hamlet}`] = (await create(ids[commune], hamlet, 'hamlet')).id;
  }
  return ids;
}

async function userWith(login: string, orgId: string, role: string) {
  const created = await admin.post('/api/v1/users', { login, displayName: 'Người Thử', homeOrgId: orgId, password: 'TamThoi2026x' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await admin.post(`/api/v1/users/${created.body.id}/grants`, { orgId, role });
  const client = await new Client(t.app).login(login, 'TamThoi2026x');
  await client.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'MoiDoi2026x', newPasswordConfirm: 'MoiDoi2026x' });
  return { id: created.body.id as string, client };
}

/** Everything a reorganisation could write, to show that something wrote nothing. */
async function snapshotState() {
  const db = t.database.db;
  return {
    orgs: await db.select().from(org).orderBy(asc(org.id)),
    audit: (await db.select({ n: count() }).from(auditLog))[0].n,
    reorganisations: (await db.select({ n: count() }).from(reorganisation))[0].n,
    lineage: (await db.select({ n: count() }).from(orgLineage))[0].n,
    homes: await db.select({ id: userAccount.id, home: userAccount.homeOrgId }).from(userAccount).orderBy(asc(userAccount.id)),
  };
}

const auditCount = async () => (await snapshotState()).audit;
const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((o) => o.name);

/** A preview with the provisional ids of created units replaced by the ids apply gave them. */
function asApplied(preview: ReorgOutcome, applied: ReorgOutcome): ReorgOutcome {
  const real = new Map(preview.created.map((c) => [c.id, applied.created.find((a) => a.key === c.key)!.id]));
  const swap = (text: string) => [...real].reduce((s, [from, to]) => s.replaceAll(from, to), text);
  return { ...JSON.parse(swap(JSON.stringify(preview))), reorganisationId: applied.reorganisationId };
}

describe('merge', () => {
  let ids: Record<string, string>;
  let applied: ReorgOutcome;
  const newCommune = () => applied.created[0].id;

  beforeAll(async () => {
    ids = await district('Huyện Giang Thành', {
      'Xã Tân Khánh Hòa': ['Ấp Khánh Tân', 'Ấp Khánh Lợi'],
      'Xã Phú Lợi': ['Ấp Phú Hòa', 'Ấp Phú Thạnh'],
      'Xã Phú Mỹ': ['Ấp Mỹ Lợi', 'Ấp Mỹ Thạnh'],
    });
  });

  const plan = () => ({
    kind: 'merge',
    predecessorIds: [ids['Xã Tân Khánh Hòa'], ids['Xã Phú Lợi'], ids['Xã Phú Mỹ']],
    successor: { type: 'new', name: 'Xã Giang Thành', kindCode: 'commune', parentId: provinceId },
    effectiveDate: DAY,
    decisionRef: DECISION,
    note: 'Khoản 78 Điều 1',
  });

  it('warns that a date still ahead changes the tree at once', async () => {
    const ahead = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const preview = await admin.post('/api/v1/reorganisations/preview', { ...plan(), effectiveDate: ahead });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.warnings).toMatchObject([{ code: 'EFFECTIVE_DATE_AHEAD', org: { id: ids['Xã Tân Khánh Hòa'] } }]);
    expect(preview.body.warnings[0].message.vi).toContain('áp dụng vào ngày hiệu lực');
    const past = await admin.post('/api/v1/reorganisations/preview', plan());
    expect(past.body.warnings).toEqual([]);
  });

  it('previews exactly what apply does, and the preview writes nothing', async () => {
    const before = await snapshotState();
    const preview = await admin.post('/api/v1/reorganisations/preview', plan());
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(await snapshotState()).toEqual(before);
    expect(preview.body).toMatchObject({ reorganisationId: null, kind: 'merge', effectiveDate: DAY, decisionRef: DECISION });
    expect(preview.body.created).toMatchObject([{ key: 'successor', name: 'Xã Giang Thành', kindCode: 'commune', parent: { id: provinceId, name: 'Tỉnh An Giang' } }]);
    expect(preview.body.moved).toHaveLength(6);
    expect(preview.body.closed.map((c: { unitsClosed: number }) => c.unitsClosed)).toEqual([1, 1, 1]);

    const res = await admin.post('/api/v1/reorganisations', plan());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    applied = res.body;
    expect(applied.reorganisationId).toBeTruthy();
    expect(asApplied(preview.body, applied)).toEqual(applied);
    // one row per unit created, moved and closed, and one for the reorganisation
    expect((await auditCount()) - before.audit).toBe(1 + 6 + 3 + 1);
  });

  it('moves the hamlets under the new commune, in its root, and closes the old communes from the date', async () => {
    const hamlets = await admin.get(`/api/v1/orgs?parentId=${newCommune()}`);
    expect(names(hamlets)).toEqual(['Ấp Khánh Lợi', 'Ấp Khánh Tân', 'Ấp Mỹ Lợi', 'Ấp Mỹ Thạnh', 'Ấp Phú Hòa', 'Ấp Phú Thạnh']);
    const hamlet = await admin.get(`/api/v1/orgs/${ids['Xã Phú Lợi/Ấp Phú Hòa']}`);
    expect(hamlet.body.ancestors.map((a: { name: string }) => a.name)).toEqual(['Tỉnh An Giang', 'Xã Giang Thành']);
    const created = await admin.get(`/api/v1/orgs/${newCommune()}`);
    expect(created.body.org).toMatchObject({ validFrom: DAY, closed: false });
    for (const name of ['Xã Tân Khánh Hòa', 'Xã Phú Lợi', 'Xã Phú Mỹ']) {
      const old = await admin.get(`/api/v1/orgs/${ids[name]}`);
      expect(old.body.org).toMatchObject({ validTo: DAY, closed: true, childCount: 0 });
    }
  });

  it('links old → new: lineage both ways, and the rollup of the new commune holds the four ids', async () => {
    const lineage = await admin.get(`/api/v1/orgs/${newCommune()}/lineage`);
    expect(lineage.status).toBe(200);
    expect(lineage.body.predecessors.map((p: { org: { name: string } }) => p.org.name).sort()).toEqual(['Xã Phú Lợi', 'Xã Phú Mỹ', 'Xã Tân Khánh Hòa']);
    expect(lineage.body.predecessors[0]).toMatchObject({ depth: 1, effectiveDate: DAY, via: newCommune(), reorganisation: { kind: 'merge', decisionRef: DECISION } });
    expect(lineage.body.successors).toEqual([]);
    const old = await admin.get(`/api/v1/orgs/${ids['Xã Phú Mỹ']}/lineage`);
    expect(old.body.successors.map((s: { org: { name: string } }) => s.org.name)).toEqual(['Xã Giang Thành']);

    const rollup = await rollupOrgIds(t.database.db, newCommune());
    expect(rollup.sort()).toEqual([newCommune(), ids['Xã Tân Khánh Hòa'], ids['Xã Phú Lợi'], ids['Xã Phú Mỹ']].sort());
    expect(await rollupOrgIds(t.database.db, newCommune(), '2025-06-30')).toEqual([newCommune()]);
    expect(await t.services.orgs.rollupOrgIds(t.database.db, ids['Xã Phú Lợi'])).toEqual([ids['Xã Phú Lợi']]);
  });

  it('lists the reorganisation and shows it with its links', async () => {
    const list = await admin.get(`/api/v1/reorganisations?orgId=${newCommune()}`);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: applied.reorganisationId, kind: 'merge', effectiveDate: DAY, decisionRef: DECISION, moreLinks: 0 }] });
    // The row names its units, so the list needs no request per row.
    expect(list.body.items[0].links.map((l: any) => l.predecessor.name).sort()).toEqual(['Xã Phú Lợi', 'Xã Phú Mỹ', 'Xã Tân Khánh Hòa']);
    const detail = await admin.get(`/api/v1/reorganisations/${applied.reorganisationId}`);
    expect(detail.body.links).toHaveLength(3);
    expect(detail.body.links[0].successor).toMatchObject({ id: newCommune(), name: 'Xã Giang Thành' });
    const audit = await admin.get(`/api/v1/audit?orgId=${newCommune()}&entity=reorganisation`);
    expect(audit.body.items[0]).toMatchObject({ action: 'reorganise', entityId: applied.reorganisationId });
  });

  it('a unit already merged cannot be merged again', async () => {
    const again = await admin.post('/api/v1/reorganisations', { ...plan(), successor: { type: 'new', name: 'Xã Khác', kindCode: 'commune', parentId: provinceId } });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'NOT_OPEN_ON_DATE', field: 'predecessorIds' });
  });
});

describe('absorb', () => {
  it('refuses two hamlets with one name under the absorbing commune, changing nothing; a rename lets it through', async () => {
    const ids = await district('Huyện Kiên Lương', { 'Xã Bình An': ['Ấp Ba Núi', 'Ấp Một'], 'Xã Bình Trị': ['Ấp Một', 'Ấp Hòn Chông'] });
    const plan = { kind: 'merge', predecessorIds: [ids['Xã Bình An'], ids['Xã Bình Trị']], successor: { type: 'existing', id: ids['Xã Bình An'] }, effectiveDate: DAY };
    const before = await snapshotState();
    const clash = await admin.post('/api/v1/reorganisations', plan);
    expect(clash.status).toBe(409);
    // Names the arriving unit (the one to rename) and where the two names would meet.
    expect(clash.body).toMatchObject({ code: 'ORG_NAME_TAKEN', field: 'renames', name: 'Ấp Một', orgId: ids['Xã Bình Trị/Ấp Một'] });
    expect(clash.body.message.vi).toBe('"Xã Bình An" sẽ có hai đơn vị tên "Ấp Một"; hãy đổi tên một đơn vị.');
    expect(await snapshotState()).toEqual(before);

    const res = await admin.post('/api/v1/reorganisations', { ...plan, renames: [{ orgId: ids['Xã Bình Trị/Ấp Một'], name: 'Ấp Một Bình Trị' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.created).toEqual([]);
    expect(res.body.closed.map((c: { unit: { name: string } }) => c.unit.name)).toEqual(['Xã Bình Trị']);
    const hamlets = await admin.get(`/api/v1/orgs?parentId=${ids['Xã Bình An']}`);
    expect(names(hamlets)).toEqual(['Ấp Ba Núi', 'Ấp Hòn Chông', 'Ấp Một', 'Ấp Một Bình Trị']);
    expect((await admin.get(`/api/v1/orgs/${ids['Xã Bình An']}`)).body.org.closed).toBe(false);
    expect((await rollupOrgIds(t.database.db, ids['Xã Bình An'])).sort()).toEqual([ids['Xã Bình An'], ids['Xã Bình Trị']].sort());
    const moveAudit = await admin.get(`/api/v1/audit?orgId=${ids['Xã Bình Trị/Ấp Một']}&entity=org&action=move`);
    expect(moveAudit.body.items[0]).toMatchObject({ before: { name: 'Ấp Một' }, after: { name: 'Ấp Một Bình Trị', reorganisationId: res.body.reorganisationId } });
  });
});

describe('split', () => {
  it('needs a successor for every child, naming the field; then splits and links to both', async () => {
    const commune = await create(provinceId, 'Xã Vĩnh Phú', 'commune');
    const hamlets = await Promise.all(['Ấp Vĩnh Thuận', 'Ấp Vĩnh Bình', 'Ấp Vĩnh Tân'].map((h) => create(commune.id, h, 'hamlet')));
    const plan = {
      kind: 'split',
      predecessorId: commune.id,
      successors: [
        { type: 'new', key: 'bac', name: 'Xã Vĩnh Phú Bắc', kindCode: 'commune', parentId: provinceId },
        { type: 'new', key: 'nam', name: 'Xã Vĩnh Phú Nam', kindCode: 'commune', parentId: provinceId },
      ],
      assignments: [
        { childId: hamlets[0].id, to: 'bac' },
        { childId: hamlets[1].id, to: 'bac' },
      ],
      ownRecordsTo: 'bac',
      effectiveDate: DAY,
    };
    const missing = await admin.post('/api/v1/reorganisations/preview', plan);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'INVALID_INPUT', field: 'assignments', missing: [hamlets[2].id] });
    expect(missing.body.message.en).toContain('Ấp Vĩnh Tân');

    const res = await admin.post('/api/v1/reorganisations', { ...plan, assignments: [...plan.assignments, { childId: hamlets[2].id, to: 'nam' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [bac, nam] = res.body.created.map((c: { id: string }) => c.id);
    expect(names(await admin.get(`/api/v1/orgs?parentId=${bac}`))).toEqual(['Ấp Vĩnh Bình', 'Ấp Vĩnh Thuận']);
    expect(names(await admin.get(`/api/v1/orgs?parentId=${nam}`))).toEqual(['Ấp Vĩnh Tân']);
    expect(res.body.transfers).toEqual([{ fromOrgId: commune.id, toOrgId: bac }]);
    const lineage = await admin.get(`/api/v1/orgs/${commune.id}/lineage`);
    expect(lineage.body.successors.map((s: { org: { name: string } }) => s.org.name).sort()).toEqual(['Xã Vĩnh Phú Bắc', 'Xã Vĩnh Phú Nam']);
    expect(await rollupOrgIds(t.database.db, nam)).toContain(commune.id);
  });
});

describe('transfer', () => {
  it('moves communes from a district root to the province, rewriting root and paths of the whole subtree, and dissolves the district', async () => {
    const ids = await district('Huyện Hòn Đất', { 'Xã Mỹ Lâm': ['Ấp Mỹ Tân'], 'Xã Sơn Kiên': ['Ấp Hòn Quéo'] });
    const districtId = ids['Huyện Hòn Đất'];
    const association = await create(ids['Xã Mỹ Lâm/Ấp Mỹ Tân'], 'Chi hội Khuyến học ấp Mỹ Tân', 'association');
    await create(districtId, 'Phòng Nội vụ', 'department');
    await userWith('qt.hondat', districtId, 'org_admin');
    const plan = { kind: 'transfer', unitIds: [ids['Xã Mỹ Lâm'], ids['Xã Sơn Kiên']], newParentId: provinceId, dissolveOldParents: true, effectiveDate: DAY, decisionRef: 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15' };

    const preview = await admin.post('/api/v1/reorganisations/preview', plan);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.moved.map((m: { unit: { name: string }; unitsMoved: number }) => [m.unit.name, m.unitsMoved])).toEqual([
      ['Xã Mỹ Lâm', 3],
      ['Xã Sơn Kiên', 2],
    ]);
    // the district closes with its remaining department
    expect(preview.body.closed).toEqual([{ unit: { id: districtId, name: 'Huyện Hòn Đất' }, unitsClosed: 2 }]);
    expect(preview.body.warnings).toEqual([expect.objectContaining({ code: 'GRANTS_ON_CLOSING_UNIT', org: { id: districtId, name: 'Huyện Hòn Đất' }, count: 1 })]);
    expect(preview.body.lineage).toContainEqual({ predecessor: { id: districtId, name: 'Huyện Hòn Đất' }, successor: { id: provinceId, name: 'Tỉnh An Giang' } });

    const res = await admin.post('/api/v1/reorganisations', plan);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(asApplied(preview.body, res.body)).toEqual(res.body);

    const [province] = await t.database.db.select().from(org).where(eq(org.id, provinceId));
    for (const commune of [ids['Xã Mỹ Lâm'], ids['Xã Sơn Kiên']]) {
      const subtree = await t.database.db.select().from(org).where(like(org.path, `${province.path}${commune}/%`));
      expect(subtree.length).toBeGreaterThanOrEqual(2);
      for (const u of subtree) {
        expect(u.rootId).toBe(provinceId);
        expect(u.depth).toBe(u.path.split('/').filter(Boolean).length - 1);
      }
    }
    const [moved] = await t.database.db.select().from(org).where(eq(org.id, association.id));
    expect(moved).toMatchObject({ rootId: provinceId, path: `${province.path}${ids['Xã Mỹ Lâm']}/${ids['Xã Mỹ Lâm/Ấp Mỹ Tân']}/${association.id}/`, depth: 3 });
    const left = await t.database.db.select().from(org).where(eq(org.rootId, districtId));
    expect(left.map((u) => [u.name, u.validTo]).sort()).toEqual([
      ['Huyện Hòn Đất', DAY],
      ['Phòng Nội vụ', DAY],
    ]);
    expect(await rollupOrgIds(t.database.db, provinceId)).toContain(districtId);
    // the communes' reorganisation is on their record (a transfer links each unit to itself)
    const list = await admin.get(`/api/v1/reorganisations?orgId=${ids['Xã Sơn Kiên']}`);
    expect(list.body.items.map((r: { kind: string }) => r.kind)).toEqual(['transfer']);
    expect((await admin.get(`/api/v1/orgs/${ids['Xã Sơn Kiên']}/lineage`)).body).toMatchObject({ predecessors: [], successors: [] });
  });
});

describe('access', () => {
  let ids: Record<string, string>;
  let districtAdmin: Client;
  let communeHead: Client;

  beforeAll(async () => {
    ids = await district('Huyện Giồng Riềng', { 'Xã Bàn Thạch': ['Ấp Bàn Thạch'], 'Xã Thạnh Bình': ['Ấp Thạnh Bình'], 'Xã Thạnh Hòa': [] });
    districtAdmin = (await userWith('qt.giongrieng', ids['Huyện Giồng Riềng'], 'org_admin')).client;
    communeHead = (await userWith('ct.banthach', ids['Xã Bàn Thạch'], 'unit_head')).client;
  });

  const transfer = () => ({ kind: 'transfer', unitIds: [ids['Xã Bàn Thạch']], newParentId: provinceId, dissolveOldParents: true, effectiveDate: DAY });
  const merge = (parentId: string | null) => ({
    kind: 'merge',
    predecessorIds: [ids['Xã Bàn Thạch'], ids['Xã Thạnh Bình']],
    successor: { type: 'new', name: 'Xã Giồng Riềng', kindCode: 'commune', parentId },
    effectiveDate: DAY,
  });

  it('an administrator of the district, not of the province, cannot transfer to the province', async () => {
    const before = await snapshotState();
    expect((await districtAdmin.post('/api/v1/reorganisations/preview', transfer())).status).toBe(404);
    expect((await districtAdmin.post('/api/v1/reorganisations', transfer())).status).toBe(404);
    expect(await snapshotState()).toEqual(before);
    // within the district they may; a new root is for system administrators
    expect((await districtAdmin.post('/api/v1/reorganisations/preview', merge(ids['Huyện Giồng Riềng']))).status).toBe(200);
    expect((await districtAdmin.post('/api/v1/reorganisations/preview', merge(null))).status).toBe(403);
  });

  it('a unit head may not reorganise its unit (403) and learns nothing of others (404)', async () => {
    expect((await communeHead.post('/api/v1/reorganisations/preview', merge(ids['Huyện Giồng Riềng']))).status).toBe(403);
    const others = { ...merge(provinceId), predecessorIds: [ids['Xã Thạnh Bình'], ids['Xã Thạnh Hòa']] };
    expect((await communeHead.post('/api/v1/reorganisations/preview', others)).status).toBe(404);
  });

  it('an administrator of another subtree sees none of the reorganisations', async () => {
    const all = await admin.get('/api/v1/reorganisations');
    expect(all.body.total).toBeGreaterThanOrEqual(4);
    const theirs = await districtAdmin.get('/api/v1/reorganisations');
    expect(theirs.body).toMatchObject({ total: 0, items: [] });
    expect((await districtAdmin.get(`/api/v1/reorganisations/${all.body.items[0].id}`)).status).toBe(404);
    expect((await districtAdmin.get(`/api/v1/orgs/${provinceId}/lineage`)).status).toBe(404);
  });

  it('validates the plan, naming the field', async () => {
    const noSuccessor = await admin.post('/api/v1/reorganisations/preview', { ...merge(provinceId), successor: undefined });
    expect(noSuccessor).toMatchObject({ status: 400, body: { field: 'successor' } });
    const badDate = await admin.post('/api/v1/reorganisations/preview', { ...merge(provinceId), effectiveDate: '2025-02-30' });
    expect(badDate).toMatchObject({ status: 400, body: { field: 'effectiveDate' } });
    const one = await admin.post('/api/v1/reorganisations/preview', { ...merge(provinceId), predecessorIds: [ids['Xã Bàn Thạch']] });
    expect(one).toMatchObject({ status: 400, body: { field: 'predecessorIds' } });
    // Named as the form names it, with the rule for a list.
    expect(one.body.message).toEqual({ vi: 'Trường "Các đơn vị sáp nhập" cần ít nhất 2 mục.', en: 'The field "Units to merge" needs at least 2 item(s).' });
  });
});

describe('participants', () => {
  /** A participant owning the accounts' home organisations: it moves accounts of units that close. */
  function homeOrgParticipant() {
    const calls: { step: 'preview' | 'apply'; transfers: ReorgTransfer[]; seen?: { id: string; validTo: string | null }[] }[] = [];
    let refuse = false;
    const countHomes = async (tx: Parameters<ReorgParticipant['preview']>[0], transfers: ReorgTransfer[]) => {
      const [{ n }] = await tx.select({ n: count() }).from(userAccount).where(inArray(userAccount.homeOrgId, transfers.map((x) => x.fromOrgId)));
      return [{ key: 'accounts', labelVi: 'Tài khoản', labelEn: 'Accounts', count: n }];
    };
    const participant: ReorgParticipant = {
      async preview(tx, _date, transfers) {
        calls.push({ step: 'preview', transfers });
        return countHomes(tx, transfers);
      },
      async apply(tx, ctx, _date, transfers) {
        const ids = transfers.flatMap((x) => [x.fromOrgId, x.toOrgId]);
        const seen = await tx.select({ id: org.id, validTo: org.validTo }).from(org).where(inArray(org.id, ids));
        calls.push({ step: 'apply', transfers, seen });
        if (refuse) throw ruleBroken('PARTICIPANT_REFUSED', 'Không chuyển được tài khoản.', 'Accounts cannot be moved.');
        const impacts = await countHomes(tx, transfers);
        for (const x of transfers) await tx.update(userAccount).set({ homeOrgId: x.toOrgId }).where(eq(userAccount.homeOrgId, x.fromOrgId));
        await recordAudit(tx, ctx, { action: 'move', entity: 'test_home_org', after: { transfers } });
        return impacts;
      },
    };
    return { participant, calls, refuse: (value: boolean) => (refuse = value) };
  }

  it('get the closing units and their successor in the same transaction; a participant that throws undoes everything', async () => {
    const ids = await district('Huyện An Minh', { 'Xã Đông Hòa': ['Ấp Đông Hưng'], 'Xã Đông Thạnh': ['Ấp Đông Thành'] });
    const resident = await userWith('cb.dongthanh', ids['Xã Đông Thạnh'], 'member');
    const home = homeOrgParticipant();
    const unregister = t.services.orgs.registerReorgParticipant(home.participant);
    try {
      const plan = {
        kind: 'merge',
        predecessorIds: [ids['Xã Đông Hòa'], ids['Xã Đông Thạnh']],
        successor: { type: 'new', name: 'Xã Đông Hòa', kindCode: 'commune', parentId: provinceId },
        effectiveDate: DAY,
      };
      const preview = await admin.post('/api/v1/reorganisations/preview', plan);
      // The people module's participant is registered by the app too; this test looks at its own.
      const accounts = (impacts: { key: string }[]) => impacts.filter((i) => i.key === 'accounts');
      expect(accounts(preview.body.impacts)).toEqual([{ key: 'accounts', labelVi: 'Tài khoản', labelEn: 'Accounts', count: 1 }]);
      expect(home.calls[0].transfers.map((x) => x.fromOrgId)).toEqual([ids['Xã Đông Hòa'], ids['Xã Đông Thạnh']]);

      home.refuse(true);
      const before = await snapshotState();
      const refused = await admin.post('/api/v1/reorganisations', plan);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('PARTICIPANT_REFUSED');
      expect(await snapshotState()).toEqual(before);
      // it ran inside the transaction: the new commune existed there and the old ones were closed
      const attempt = home.calls.at(-1)!;
      const successorId = attempt.transfers[0].toOrgId;
      expect(attempt.transfers).toEqual([
        { fromOrgId: ids['Xã Đông Hòa'], toOrgId: successorId },
        { fromOrgId: ids['Xã Đông Thạnh'], toOrgId: successorId },
      ]);
      expect(Object.fromEntries(attempt.seen!.map((s) => [s.id, s.validTo]))).toEqual({ [ids['Xã Đông Hòa']]: DAY, [ids['Xã Đông Thạnh']]: DAY, [successorId]: null });
      expect(await t.database.db.select().from(org).where(eq(org.id, successorId))).toEqual([]);

      home.refuse(false);
      const res = await admin.post('/api/v1/reorganisations', plan);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(accounts(res.body.impacts)).toEqual(accounts(preview.body.impacts));
      const [account] = await t.database.db.select().from(userAccount).where(eq(userAccount.id, resident.id));
      expect(account.homeOrgId).toBe(res.body.created[0].id);
      expect(home.calls.at(-1)!.transfers.every((x) => x.toOrgId === res.body.created[0].id)).toBe(true);
    } finally {
      unregister();
    }
  });
});
