import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaSetDocument } from '../../../shared/criteria.js';
import { Client, createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { checksumOf, canonicalJson } from './criteria.schemas.js';
import { effectiveVersion } from './criteria.service.js';

const bi = (vi: string) => ({ vi, en: `${vi} (en)` });

/** A small set in the shape of TT 22/2020 (points), in force until TT 24/2023 replaced it. */
function tt22(): CriteriaSetDocument {
  return {
    code: 'TEST-TT22-DVHT',
    name: bi('Đơn vị học tập (TT 22/2020, thử)'),
    title: 'LEARNING_UNIT',
    scope: { description: bi('Cơ quan, đơn vị') },
    source: { document: 'Thông tư 22/2020/TT-BGDĐT', status: 'confirmed' },
    effectiveFrom: '2020-10-01',
    effectiveTo: '2024-01-25',
    engine: 'points',
    points: { max: 30, bands: [{ code: 'TOT', name: bi('Tốt'), min: 25, passes: true }, { code: 'CHUA_DAT', name: bi('Chưa đạt'), min: 0, passes: false }], passRules: {} },
    criteria: [
      {
        code: '1',
        name: bi('Điều kiện'),
        max: 20,
        indicators: [
          { code: '1a', text: bi('Kế hoạch học tập'), valueType: 'points', max: 10, evidenceRequired: false },
          { code: '1b', text: bi('Quy định khuyến khích'), valueType: 'points', max: 10, evidenceRequired: false },
        ],
      },
      { code: '2', name: bi('Kết quả'), max: 10, indicators: [{ code: '2a', text: bi('Kế hoạch tự học'), valueType: 'points', max: 10, evidenceRequired: false, derived: { formula: 'share_members_plan_approved', params: {} } }] },
    ],
  };
}

/** A small set in the shape of TT 24/2023 (levels), with a part still unknown. */
function tt24(): CriteriaSetDocument {
  return {
    code: 'TEST-TT24-DVHT',
    name: bi('Đơn vị học tập (TT 24/2023, thử)'),
    title: 'LEARNING_UNIT',
    scope: { level: 'district', description: bi('Đơn vị cấp huyện') },
    source: { document: 'Thông tư 24/2023/TT-BGDĐT', status: 'partial' },
    effectiveFrom: '2024-01-26',
    validityMonths: 36,
    engine: 'levels',
    levels: [{ code: 'L1', name: bi('Mức độ 1') }, { code: 'L2', name: bi('Mức độ 2') }],
    criteria: [
      {
        code: '2',
        name: bi('Kết quả'),
        indicators: [
          { code: '2.1', text: bi('Chấp hành kỷ luật'), valueType: 'percent', thresholds: { L1: { kind: 'min', value: 90 }, L2: { kind: 'min', value: 95 } }, evidenceRequired: true },
          { code: '2.4', text: bi('Ngoại ngữ'), valueType: 'percent', thresholds: { L1: { kind: 'min', value: 50 }, L2: { kind: 'min', value: 70 } }, evidenceRequired: true, incomplete: true },
        ],
      },
    ],
  };
}

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let adminA: Client;
let tt22Id: string;
let tt24Id: string;

async function userWith(login: string, orgId: string, role: string) {
  const created = await s.admin.post('/api/v1/users', { login, displayName: 'Phan Thị Thu Hà', homeOrgId: orgId, password: 'TamThoi2026x' });
  await s.admin.post(`/api/v1/users/${created.body.id}/grants`, { orgId, role });
  const client = await new Client(t.app).login(login, 'TamThoi2026x');
  await client.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'MoiDoi2026x', newPasswordConfirm: 'MoiDoi2026x' });
  return client;
}

const auditOf = (entity: string, entityId: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)));

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  adminA = await userWith('qt.ngansach', s.unitA.id, 'org_admin');
});
afterAll(() => t?.close());

describe('built-in sets', () => {
  it('are loaded once as published version 1 of a deployment set', async () => {
    expect(await t.services.criteria.loadBuiltInSets([tt22(), tt24()])).toEqual({ created: 2, updated: 0 });
    expect(await t.services.criteria.loadBuiltInSets([tt22(), tt24()])).toEqual({ created: 0, updated: 0 });
    const list = await s.memberA.client.get('/api/v1/criteria-sets?title=LEARNING_UNIT&q=thu');
    expect(list.status).toBe(200);
    const byCode = Object.fromEntries(list.body.items.map((i: any) => [i.code, i]));
    expect(byCode['TEST-TT22-DVHT']).toMatchObject({ orgId: null, origin: 'builtin', engine: 'points', incomplete: false, canManage: false, draftVersionId: null, latest: { no: 1, state: 'published', effectiveFrom: '2020-10-01', effectiveTo: '2024-01-25' } });
    expect(byCode['TEST-TT24-DVHT']).toMatchObject({ incomplete: true, latest: { no: 1, effectiveTo: null } });
    tt22Id = byCode['TEST-TT22-DVHT'].id;
    tt24Id = byCode['TEST-TT24-DVHT'].id;
    const v1 = await s.memberA.client.get(`/api/v1/criteria-set-versions/${byCode['TEST-TT24-DVHT'].latest.versionId}`);
    expect(v1.body).toMatchObject({ no: 1, state: 'published', checksum: checksumOf(tt24()), incomplete: true });
  });

  it('publish a new version when the file changed, the old one kept and ended', async () => {
    const before = (await s.admin.get(`/api/v1/criteria-sets/${tt24Id}`)).body.versions[0];
    const changed = tt24();
    changed.effectiveFrom = '2025-07-01';
    changed.criteria[0].indicators[1].thresholds = { L1: { kind: 'min', value: 55 }, L2: { kind: 'min', value: 70 } };
    expect(await t.services.criteria.loadBuiltInSets([tt22(), changed])).toEqual({ created: 0, updated: 1 });
    expect(await t.services.criteria.loadBuiltInSets([tt22(), changed])).toEqual({ created: 0, updated: 0 });
    const got = await s.admin.get(`/api/v1/criteria-sets/${tt24Id}`);
    expect(got.body.versions).toMatchObject([
      { no: 2, state: 'published', effectiveFrom: '2025-07-01', effectiveTo: null, builtin: true },
      { no: 1, state: 'published', effectiveFrom: '2024-01-26', effectiveTo: '2025-06-30', builtin: true },
    ]);
    const old = await s.admin.get(`/api/v1/criteria-set-versions/${before.id}`);
    expect(old.body.checksum).toBe(checksumOf(tt24()));
    expect(old.body.document.criteria[0].indicators[1].thresholds.L1.value).toBe(50);
    expect((await auditOf('criteria_set_version', got.body.versions[0].id)).map((a) => a.action)).toEqual(['publish']);
  });
});

describe('built-in sets and an administrator’s draft', () => {
  it('a changed file is published before the draft, which keeps the next number', async () => {
    const doc = tt22();
    doc.code = 'TEST-TT22-SUA';
    await t.services.criteria.loadBuiltInSets([doc]);
    const setId = (await s.admin.get('/api/v1/criteria-sets?q=TEST-TT22-SUA')).body.items[0].id;
    const draft = { ...doc, name: bi('Bản nháp của quản trị') };
    expect((await s.admin.put(`/api/v1/criteria-sets/${setId}/draft`, { document: draft })).body).toMatchObject({ no: 2, state: 'draft' });
    const fixed = { ...doc, effectiveFrom: '2021-01-01', name: bi('Sửa lỗi chính tả') };
    expect(await t.services.criteria.loadBuiltInSets([fixed])).toEqual({ created: 0, updated: 1 });
    const versions = (await s.admin.get(`/api/v1/criteria-sets/${setId}`)).body.versions;
    expect(versions.map((v: any) => [v.no, v.state, v.effectiveFrom, v.effectiveTo])).toEqual([
      [3, 'draft', '2020-10-01', null],
      [2, 'published', '2021-01-01', '2024-01-25'],
      [1, 'published', '2020-10-01', '2020-12-31'],
    ]);
    const published = await s.admin.post(`/api/v1/criteria-sets/${setId}/publish`, { effectiveFrom: '2022-01-01' });
    expect(published.body).toMatchObject({ no: 3, effectiveFrom: '2022-01-01' });
    expect(await t.services.criteria.loadBuiltInSets([fixed])).toEqual({ created: 0, updated: 0 });
  });
});

describe('copy, edit, publish', () => {
  let copyId: string;
  let v1Id: string;

  it('a unit head may not copy (403 on their unit, 404 elsewhere); an org admin copies to their unit', async () => {
    expect((await s.headA.client.post(`/api/v1/criteria-sets/${tt22Id}/copy`, { orgId: s.unitA.id })).status).toBe(403);
    expect((await s.headA.client.post(`/api/v1/criteria-sets/${tt22Id}/copy`, { orgId: s.unitB.id })).status).toBe(404);
    expect((await adminA.post(`/api/v1/criteria-sets/${tt22Id}/copy`, { orgId: null, code: 'TT22-KHAC' })).status).toBe(403);
    expect((await adminA.post(`/api/v1/criteria-sets/${tt22Id}/copy`, { orgId: s.rootId })).status).toBe(404);
    const res = await adminA.post(`/api/v1/criteria-sets/${tt22Id}/copy`, { orgId: s.unitA.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ code: 'TEST-TT22-DVHT', orgId: s.unitA.id, orgName: 'Phòng Quản lý ngân sách', origin: 'copy', canManage: true, latest: { no: 1, state: 'draft' } });
    copyId = res.body.id;
    const again = await adminA.post(`/api/v1/criteria-sets/${tt22Id}/copy`, { orgId: s.unitA.id });
    expect(again).toMatchObject({ status: 409, body: { code: 'CRITERIA_SET_CODE_TAKEN', field: 'code' } });
    expect((await auditOf('criteria_set', copyId)).map((a) => a.action)).toEqual(['create']);
  });

  it('the copy is seen by the unit and those above it, not by the other unit', async () => {
    expect((await s.headA.client.get(`/api/v1/criteria-sets/${copyId}`)).status).toBe(200);
    expect((await s.admin.get(`/api/v1/criteria-sets/${copyId}`)).status).toBe(200);
    expect((await s.headB.client.get(`/api/v1/criteria-sets/${copyId}`)).status).toBe(404);
    const listB = await s.headB.client.get('/api/v1/criteria-sets');
    expect(listB.body.items.some((i: any) => i.id === copyId)).toBe(false);
  });

  it('an invalid draft is refused with the path named', async () => {
    const doc = tt22() as any;
    doc.criteria[1].indicators[0].max = -1;
    const bad = await adminA.put(`/api/v1/criteria-sets/${copyId}/draft`, { document: doc });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_CRITERIA_SET', field: 'criteria[1].indicators[0].max' });
    expect(bad.body.message.vi).toContain('criteria[1].indicators[0].max');
    expect(bad.body.issues[0].path).toBe('criteria[1].indicators[0].max');

    const sums = tt22();
    sums.criteria[0].indicators[0].max = 15;
    const notAdding = await adminA.put(`/api/v1/criteria-sets/${copyId}/draft`, { document: sums });
    expect(notAdding).toMatchObject({ status: 400 }); expect(notAdding.body).toMatchObject({ code: 'INVALID_CRITERIA_SET', field: 'criteria[0].max' });
    const otherCode = await adminA.put(`/api/v1/criteria-sets/${copyId}/draft`, { document: { ...tt22(), code: 'KHAC' } });
    expect(otherCode).toMatchObject({ status: 422, body: { field: 'code' } });
  });

  it('a unit head may not edit or publish the copy; the org admin may not edit the deployment’s set', async () => {
    expect((await s.headA.client.put(`/api/v1/criteria-sets/${copyId}/draft`, { document: tt22() })).status).toBe(403);
    expect((await s.headA.client.post(`/api/v1/criteria-sets/${copyId}/publish`, { effectiveFrom: '2021-01-01' })).status).toBe(403);
    expect((await s.headB.client.post(`/api/v1/criteria-sets/${copyId}/publish`, { effectiveFrom: '2021-01-01' })).status).toBe(404);
    expect((await adminA.put(`/api/v1/criteria-sets/${tt22Id}/draft`, { document: tt22() })).status).toBe(403);
    expect((await adminA.post(`/api/v1/criteria-sets/${tt22Id}/publish`, { effectiveFrom: '2021-01-01' })).status).toBe(403);
  });

  it('publishes the draft as version 1, then a changed draft as version 2; version 1 keeps its document', async () => {
    const first = await adminA.post(`/api/v1/criteria-sets/${copyId}/publish`, { effectiveFrom: '2021-01-01', note: 'Áp dụng tại phòng' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ no: 1, state: 'published', effectiveFrom: '2021-01-01', effectiveTo: '2024-01-25' });
    v1Id = first.body.id;
    const v1Before = (await adminA.get(`/api/v1/criteria-set-versions/${v1Id}`)).body;

    const edited = tt22();
    edited.criteria[0].indicators[0].max = 15;
    edited.criteria[0].indicators[1].max = 5;
    const saved = await adminA.put(`/api/v1/criteria-sets/${copyId}/draft`, { document: edited });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ no: 2, state: 'draft' });
    expect((await adminA.post(`/api/v1/criteria-sets/${copyId}/publish`, { effectiveFrom: '2020-12-31' })).body).toMatchObject({ code: 'EFFECTIVE_BEFORE_PREVIOUS', field: 'effectiveFrom' });
    const second = await adminA.post(`/api/v1/criteria-sets/${copyId}/publish`, { effectiveFrom: '2023-01-01' });
    expect(second.body).toMatchObject({ no: 2, effectiveFrom: '2023-01-01', effectiveTo: '2024-01-25' });

    const v1After = (await adminA.get(`/api/v1/criteria-set-versions/${v1Id}`)).body;
    expect(v1After.document).toEqual(v1Before.document);
    expect(v1After.checksum).toBe(v1Before.checksum);
    expect(v1After.effectiveTo).toBe('2022-12-31');

    const got = await adminA.get(`/api/v1/criteria-sets/${copyId}`);
    expect(got.body.versions.map((v: any) => [v.no, v.state, v.effectiveFrom, v.effectiveTo, v.publishedByName])).toEqual([
      [2, 'published', '2023-01-01', '2024-01-25', 'Phan Thị Thu Hà'],
      [1, 'published', '2021-01-01', '2022-12-31', 'Phan Thị Thu Hà'],
    ]);
    expect((await auditOf('criteria_set_version', second.body.id)).map((a) => a.action)).toEqual(['create', 'publish']);
  });

  it('shows the diff between the two versions', async () => {
    const versions = (await s.memberA.client.get(`/api/v1/criteria-sets/${copyId}`)).body.versions;
    const diff = await s.memberA.client.get(`/api/v1/criteria-sets/diff?from=${versions[1].id}&to=${versions[0].id}`);
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toEqual(
      expect.arrayContaining([
        { path: 'criteria.1.indicators.1a.max', kind: 'changed', criterion: '1', indicator: '1a', field: 'max', before: 10, after: 15 },
        { path: 'criteria.1.indicators.1b.max', kind: 'changed', criterion: '1', indicator: '1b', field: 'max', before: 10, after: 5 },
      ]),
    );
    expect((await s.headB.client.get(`/api/v1/criteria-sets/diff?from=${versions[1].id}&to=${versions[0].id}`)).status).toBe(404);
    for (const url of [`/api/v1/criteria-set-versions/${versions[0].id}`, `/api/v1/criteria-set-versions/${versions[0].id}/export`]) {
      expect((await s.headB.client.get(url)).status, url).toBe(404);
      expect((await s.headA.client.get(url)).status, url).toBe(200);
    }
    expect((await s.headB.client.delete(`/api/v1/criteria-sets/${copyId}/draft`)).status).toBe(404);
    expect((await s.headB.client.post(`/api/v1/criteria-sets/${copyId}/copy`, { orgId: s.unitB.id })).status).toBe(404);
  });

  it('drops a draft; a draft-only copy goes with it', async () => {
    const copy = await s.admin.post(`/api/v1/criteria-sets/${tt24Id}/copy`, { orgId: null, code: 'TEST-TT24-BAN-SAO' });
    expect(copy.status).toBe(201);
    expect((await s.headA.client.delete(`/api/v1/criteria-sets/${copy.body.id}/draft`)).status).toBe(403);
    expect((await s.admin.delete(`/api/v1/criteria-sets/${copy.body.id}/draft`)).status).toBe(204);
    expect((await s.admin.get(`/api/v1/criteria-sets/${copy.body.id}`)).status).toBe(404);
  });
});

describe('export and import', () => {
  it('round-trips a version: same code makes a new draft, a new code a new set', async () => {
    const setBody = (await s.admin.get(`/api/v1/criteria-sets/${tt22Id}`)).body;
    const exported = await s.memberA.client.get(`/api/v1/criteria-set-versions/${setBody.versions[0].id}/export`);
    expect(exported.status).toBe(200);
    expect(String(exported.headers['content-disposition'])).toContain('attachment; filename="TEST-TT22-DVHT-v1.json"');
    const file = typeof exported.body === 'string' ? JSON.parse(exported.body) : exported.body;
    expect(file).toMatchObject({ format: 'hoctap.criteria-set', version: { no: 1 } });

    const same = await s.admin.post('/api/v1/criteria-sets/import', { document: file, orgId: null });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body).toMatchObject({ created: false, set: { id: tt22Id, draftVersionId: expect.any(String) } });
    const draft = (await s.admin.get(`/api/v1/criteria-set-versions/${same.body.set.draftVersionId}`)).body;
    expect(canonicalJson(draft.document)).toBe(canonicalJson(file.document));
    expect(draft.checksum).toBe(file.version.checksum);
    expect((await s.admin.delete(`/api/v1/criteria-sets/${tt22Id}/draft`)).status).toBe(204);

    const renamed = { ...file.document, code: 'TEST-TT22-NHAP' };
    const upload = await adminA.upload('/api/v1/criteria-sets/import', { orgId: s.unitA.id }, { name: 'bo-tieu-chi.json', content: Buffer.from(JSON.stringify(renamed)) });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    expect(upload.body).toMatchObject({ created: true, set: { code: 'TEST-TT22-NHAP', orgId: s.unitA.id, origin: 'import', latest: { state: 'draft' } } });
    const imported = (await adminA.get(`/api/v1/criteria-set-versions/${upload.body.set.draftVersionId}`)).body;
    expect(canonicalJson(imported.document)).toBe(canonicalJson(renamed));
  });

  it('refuses what is not a criteria set, naming the field; a unit head cannot import', async () => {
    const notJson = await adminA.upload('/api/v1/criteria-sets/import', { orgId: s.unitA.id }, { name: 'x.json', content: Buffer.from('{ không phải json') });
    expect(notJson).toMatchObject({ status: 400, body: { field: 'file' } });
    const bad = await adminA.post('/api/v1/criteria-sets/import', { document: { ...tt22(), engine: 'stars' }, orgId: s.unitA.id });
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVALID_CRITERIA_SET', field: 'engine' } });
    expect((await s.headA.client.post('/api/v1/criteria-sets/import', { document: { ...tt22(), code: 'X1' }, orgId: s.unitA.id })).status).toBe(403);
    expect((await s.headA.client.post('/api/v1/criteria-sets/import', { document: { ...tt22(), code: 'X1' }, orgId: s.unitB.id })).status).toBe(404);
  });
});

describe('the version in force', () => {
  it('is TT 22 for 2023 and TT 24 for 2024; an organisation’s own copy comes first', async () => {
    const in2023 = await s.headA.client.get(`/api/v1/criteria-sets/effective?title=LEARNING_UNIT&on=2023-12-31&orgId=${s.unitB.id}`);
    expect(in2023.status).toBe(404);
    const b2023 = await s.headB.client.get(`/api/v1/criteria-sets/effective?title=LEARNING_UNIT&on=2023-12-31&orgId=${s.unitB.id}`);
    const codes2023 = b2023.body.items.map((i: any) => i.code);
    expect(codes2023).toContain('TEST-TT22-DVHT');
    expect(codes2023).not.toContain('TEST-TT24-DVHT');
    const b2024 = await s.headB.client.get(`/api/v1/criteria-sets/effective?title=LEARNING_UNIT&on=2024-12-31&orgId=${s.unitB.id}&level=district`);
    const codes2024 = b2024.body.items.map((i: any) => i.code);
    expect(codes2024).toContain('TEST-TT24-DVHT');
    expect(codes2024).not.toContain('TEST-TT22-DVHT');
    expect(b2024.body.items.find((i: any) => i.code === 'TEST-TT24-DVHT')).toMatchObject({ no: 1, effectiveFrom: '2024-01-26' });
    const province = await s.headB.client.get(`/api/v1/criteria-sets/effective?title=LEARNING_UNIT&on=2024-12-31&orgId=${s.unitB.id}&level=province`);
    expect(province.body.items.map((i: any) => i.code)).not.toContain('TEST-TT24-DVHT');

    // Unit A published its own copy of TT 22 (version 2 from 2023): it comes first there and shadows the deployment's.
    const a2023 = await effectiveVersion(t.database.db, { title: 'LEARNING_UNIT', on: '2023-06-30', orgPath: (await s.admin.get(`/api/v1/orgs/${s.unitA.id}`)).body.path ?? `/${s.rootId}/${s.unitA.id}/` });
    expect(a2023).toMatchObject({ code: 'TEST-TT22-DVHT', orgId: s.unitA.id, no: 2 });
    expect(a2023!.document.criteria[0].indicators[0].max).toBe(15);
    const a2022 = await s.headA.client.get(`/api/v1/criteria-sets/effective?title=LEARNING_UNIT&on=2022-06-30&orgId=${s.unitA.id}`);
    expect(a2022.body.items[0]).toMatchObject({ code: 'TEST-TT22-DVHT', orgId: s.unitA.id, no: 1 });
    expect(a2022.body.items.filter((i: any) => i.code === 'TEST-TT22-DVHT')).toHaveLength(1);
  });
});

describe('calendar', () => {
  it('gives the defaults, then the nearest organisation’s own date', async () => {
    const def = await s.memberA.client.get(`/api/v1/calendar-dates?orgId=${s.unitA.id}`);
    expect(def.status).toBe(200);
    expect(def.body.items.find((i: any) => i.key === 'unit.dossier')).toMatchObject({ month: 1, day: 15, yearOffset: 1, setBy: null, status: 'confirmed' });
    expect(def.body.canManage).toBe(false);

    expect((await s.headA.client.put('/api/v1/calendar-dates', { orgId: s.unitA.id, key: 'unit.dossier', month: 1, day: 10, yearOffset: 1, label: 'Nộp hồ sơ' })).status).toBe(403);
    expect((await adminA.put('/api/v1/calendar-dates', { orgId: s.rootId, key: 'unit.dossier', month: 1, day: 10, yearOffset: 1, label: 'Nộp hồ sơ' })).status).toBe(404);
    expect((await adminA.put('/api/v1/calendar-dates', { orgId: s.unitA.id, key: 'unit.dossier', month: 2, day: 30, yearOffset: 1, label: 'Nộp hồ sơ' })).body).toMatchObject({ field: 'day' });

    const root = await s.admin.put('/api/v1/calendar-dates', { orgId: s.rootId, key: 'unit.dossier', month: 1, day: 10, yearOffset: 1, label: 'Nộp hồ sơ về Sở' });
    expect(root.status, JSON.stringify(root.body)).toBe(200);
    const own = await adminA.put('/api/v1/calendar-dates', { orgId: s.unitA.id, key: 'unit.dossier', month: 1, day: 5, yearOffset: 1, label: 'Nộp hồ sơ về phòng' });
    expect(own.status).toBe(200);

    const dossier = async (client: Client, orgId: string) => (await client.get(`/api/v1/calendar-dates?orgId=${orgId}`)).body.items.find((i: any) => i.key === 'unit.dossier');
    expect(await dossier(s.memberA.client, s.unitA.id)).toMatchObject({ day: 5, label: { vi: 'Nộp hồ sơ về phòng' }, setBy: { orgId: s.unitA.id }, default: { day: 15 } });
    expect(await dossier(s.headB.client, s.unitB.id)).toMatchObject({ day: 10, setBy: { orgId: s.rootId } });
    expect(await dossier(s.admin, s.rootId)).toMatchObject({ day: 10 });
    expect((await s.headB.client.get(`/api/v1/calendar-dates?orgId=${s.unitA.id}`)).status).toBe(404);
    expect((await s.headB.client.delete(`/api/v1/calendar-dates?orgId=${s.unitA.id}&key=unit.dossier`)).status).toBe(404);
    expect((await s.headA.client.delete(`/api/v1/calendar-dates?orgId=${s.unitA.id}&key=unit.dossier`)).status).toBe(403);

    const path = (await t.services.orgs.findByIds(t.database.db, [s.unitA.id]))[0].path;
    const deadlines = await t.services.criteria.deadlinesFor(path, 2024);
    expect(deadlines.find((d) => d.key === 'unit.dossier')).toMatchObject({ date: '2025-01-05' });
    expect(deadlines.find((d) => d.key === 'community.commune.decision')).toMatchObject({ date: '2025-03-31' });

    expect((await adminA.delete(`/api/v1/calendar-dates?orgId=${s.unitA.id}&key=unit.dossier`)).status).toBe(204);
    expect(await dossier(s.memberA.client, s.unitA.id)).toMatchObject({ day: 10, setBy: { orgId: s.rootId } });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'calendar_date'));
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'create', 'delete']);
  });
});
