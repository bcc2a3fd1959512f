import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CriteriaSetDocument } from '../../../shared/criteria.js';
import { Client, createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { titleAssessment } from './recognition.table.js';

const YEAR = 2025;
const bi = (vi: string) => ({ vi, en: `${vi} (en)` });
const pts = (code: string, max: number) => ({ code, text: bi(`Chỉ tiêu ${code}`), valueType: 'points' as const, max, step: 0.5, evidenceRequired: false });

/** Đơn vị học tập in the shape of TT 22/2020 (points, 100, bands Tốt 85 / Khá 70 / Trung bình 50). */
function unitSet(minGood = 85): CriteriaSetDocument {
  return {
    code: 'THU-TT22-DVHT',
    name: bi('Đơn vị học tập (TT 22/2020, thử)'),
    title: 'LEARNING_UNIT',
    scope: { description: bi('Cơ quan, đơn vị') },
    source: { document: 'Thông tư 22/2020/TT-BGDĐT', status: 'confirmed' },
    effectiveFrom: '2021-01-01',
    validityMonths: 36,
    engine: 'points',
    points: {
      max: 100,
      bands: [
        { code: 'TOT', name: bi('Tốt'), min: minGood, passes: true },
        { code: 'KHA', name: bi('Khá'), min: 70, passes: true },
        { code: 'TB', name: bi('Trung bình'), min: 50, passes: true },
        { code: 'CHUA_DAT', name: bi('Chưa đạt'), min: 0, passes: false },
      ],
      passRules: {},
    },
    criteria: [
      { code: '1', name: bi('Điều kiện'), max: 30, indicators: [pts('1a', 10), pts('1b', 10), pts('1c', 10)] },
      { code: '2', name: bi('Kết quả của thành viên'), max: 30, indicators: [pts('2a', 10), pts('2b', 5), pts('2c', 10), pts('2d', 5)] },
      { code: '3', name: bi('Tác động'), max: 40, indicators: [pts('3a', 25), pts('3b', 10), pts('3c', 5)] },
    ],
  };
}

/** Công dân học tập in the shape of QĐ 324 (10 indicators of 10; pass: ≥ 80 and none below 5). */
function citizenSet(): CriteriaSetDocument {
  const codes = Array.from({ length: 10 }, (_, i) => `CS${i + 1}`);
  return {
    code: 'THU-QD324-CDHT',
    name: bi('Công dân học tập (thử)'),
    title: 'LEARNING_CITIZEN',
    scope: { description: bi('Mọi nhóm công dân') },
    source: { document: 'Quyết định 324/QĐ-KHVN', status: 'partial' },
    effectiveFrom: '2023-10-25',
    engine: 'points',
    points: {
      max: 100,
      bands: [
        { code: 'DAT', name: bi('Đạt'), min: 80, passes: true },
        { code: 'CHUA_DAT', name: bi('Chưa đạt'), min: 0, passes: false },
      ],
      passRules: { minTotal: 80, minEachIndicator: 5 },
    },
    criteria: [
      { code: 'NL1', name: bi('Tự học'), max: 40, indicators: codes.slice(0, 4).map((c) => pts(c, 10)) },
      { code: 'NL2', name: bi('Công cụ'), max: 40, indicators: codes.slice(4, 8).map((c) => pts(c, 10)) },
      { code: 'NL3', name: bi('Quan hệ xã hội'), max: 20, indicators: codes.slice(8).map((c) => pts(c, 10)) },
    ],
  };
}

function familySet(): CriteriaSetDocument {
  return {
    code: 'THU-GDHT',
    name: bi('Gia đình học tập (thử)'),
    title: 'LEARNING_FAMILY',
    scope: { description: bi('Hộ gia đình') },
    source: { document: 'QĐ 448/QĐ-KHVN', status: 'partial' },
    effectiveFrom: '2015-01-01',
    validityMonths: 12,
    engine: 'points',
    points: { max: 100, bands: [{ code: 'DAT', name: bi('Đạt'), min: 70, passes: true }, { code: 'CHUA_DAT', name: bi('Chưa đạt'), min: 0, passes: false }], passRules: {} },
    criteria: [{ code: '1', name: bi('Học tập'), max: 100, indicators: [pts('G1', 40), pts('G2', 30), pts('G3', 30)] }],
  };
}

const inputs = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, evidence: [] }]));
/** 84 points: Khá, one below Tốt. */
const UNIT_INPUTS = { '1a': 10, '1b': 10, '1c': 6, '2a': 10, '2b': 5, '2c': 9, '2d': 5, '3a': 15, '3b': 10, '3c': 4 };
const CITIZEN_INPUTS = { CS1: 9, CS2: 8, CS3: 8, CS4: 9, CS5: 9, CS6: 7, CS7: 8, CS8: 8, CS9: 10, CS10: 9 };

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let commune: { id: string };
const households: string[] = [];
let memberPersonId: string;
let headPersonId: string;

const auditOf = (entity: string, entityId: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)));
const unread = async (client: Client) => (await client.get('/api/v1/notifications?unreadOnly=true')).body;

async function created(client: Client, url: string, body: unknown) {
  const res = await client.post(url, body);
  expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

async function publish(doc: CriteriaSetDocument, effectiveFrom = doc.effectiveFrom) {
  const imported = await s.admin.post('/api/v1/criteria-sets/import', { document: doc, orgId: s.rootId });
  expect([200, 201], JSON.stringify(imported.body)).toContain(imported.status);
  const published = await s.admin.post(`/api/v1/criteria-sets/${imported.body.set.id}/publish`, { effectiveFrom });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body.id as string;
}

async function publishAt(orgId: string, doc: CriteriaSetDocument) {
  const imported = await s.admin.post('/api/v1/criteria-sets/import', { document: doc, orgId });
  expect([200, 201], JSON.stringify(imported.body)).toContain(imported.status);
  const published = await s.admin.post(`/api/v1/criteria-sets/${imported.body.set.id}/publish`, { effectiveFrom: doc.effectiveFrom });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  await publish(unitSet());
  await publish(citizenSet());
  // The member of phòng A and the head of phòng A get staff records linked to their accounts.
  memberPersonId = (await created(s.admin, '/api/v1/people', { fullName: 'Võ Thị Mỹ Linh', userId: s.memberA.id, membership: { orgId: s.unitA.id, category: 'cong_chuc', position: 'Chuyên viên', validFrom: '2020-01-01' } })).id;
  headPersonId = (await created(s.admin, '/api/v1/people', { fullName: 'Lê Văn Hải', userId: s.headA.id, membership: { orgId: s.unitA.id, category: 'cong_chuc', position: 'Trưởng phòng', isLeader: true, validFrom: '2020-01-01' } })).id;
  // A commune with a hamlet of 20 households, each with a head.
  commune = await created(s.admin, '/api/v1/orgs', { parentId: null, name: 'Xã Tân Phú', kindCode: 'commune' });
  const hamlet = await created(s.admin, '/api/v1/orgs', { parentId: commune.id, name: 'Ấp Phú Hòa', kindCode: 'hamlet' });
  await publishAt(commune.id, familySet());
  const given = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hải', 'Khánh', 'Lan', 'Long', 'Minh', 'Nam', 'Ngọc', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Yến'];
  for (const [i, name] of given.entries()) {
    const h = await created(s.admin, '/api/v1/households', { orgId: hamlet.id, code: String(i + 1).padStart(3, '0') });
    const head = await created(s.admin, '/api/v1/people', { fullName: `Nguyễn Văn ${name}`, householdId: h.id, householdRelation: 'head' });
    await s.admin.patch(`/api/v1/households/${h.id}`, { headPersonId: head.id });
    households.push(h.id);
  }
});
afterAll(() => t?.close());

describe('a phòng as Đơn vị học tập under a points set', () => {
  let caseId: string;

  it('the unit head registers the unit; a second registration is refused', async () => {
    const res = await s.headA.client.post('/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_UNIT', subjectKind: 'org', subjectId: s.unitA.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ state: 'registered', subjectName: 'Phòng Quản lý ngân sách', orgId: s.unitA.id });
    caseId = res.body.id;
    const again = await s.headA.client.post('/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_UNIT', subjectKind: 'org', subjectId: s.unitA.id });
    expect(again).toMatchObject({ status: 409, body: { code: 'ALREADY_REGISTERED', field: 'subjectId' } });
    const wrongKind = await s.headA.client.post('/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_UNIT', subjectKind: 'person', subjectId: memberPersonId });
    expect(wrongKind).toMatchObject({ status: 400, body: { field: 'subjectKind' } });
  });

  it('a value above the maximum is refused, naming the indicator', async () => {
    const res = await s.headA.client.put(`/api/v1/titles/registrations/${caseId}/assessments/self`, { inputs: inputs({ ...UNIT_INPUTS, '1c': 11 }) });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_ASSESSMENT', field: '1c', reason: 'ABOVE_MAX' });
    expect(res.body.message.vi).toContain('1c');
    expect(res.body.message.en).toContain('1c');
  });

  it('the self-assessment gets the right band (84 points: Khá), with the state-body attribute prefilled', async () => {
    const res = await s.headA.client.put(`/api/v1/titles/registrations/${caseId}/assessments/self`, { inputs: inputs(UNIT_INPUTS), comment: 'Tự đánh giá năm 2025' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ stage: 'self', attributes: ['state_body'], result: { engine: 'points', total: 84, band: { code: 'KHA' }, passed: true }, assessedByName: 'Lê Văn Hải' });
    const got = await s.headA.client.get(`/api/v1/titles/registrations/${caseId}`);
    expect(got.body).toMatchObject({ criteriaVersion: { no: 1, document: { code: 'THU-TT22-DVHT' } }, can: { assess: true, submit: true, review: false } });
  });

  it('a unit cannot review its own case; the level above accepts it', async () => {
    expect((await s.headA.client.post(`/api/v1/titles/registrations/${caseId}/submit`)).body.state).toBe('submitted');
    const own = await s.headA.client.post(`/api/v1/titles/registrations/${caseId}/review`, { act: 'accept' });
    expect(own).toMatchObject({ status: 403, body: { code: 'REVIEW_FROM_ABOVE' } });
    expect((await s.headA.client.put(`/api/v1/titles/registrations/${caseId}/assessments/review`, { inputs: inputs(UNIT_INPUTS) })).status).toBe(403);
    expect((await s.headA.client.get(`/api/v1/titles/registrations/${caseId}`)).body.can.review).toBe(false);
    expect((await s.admin.get(`/api/v1/titles/registrations/${caseId}`)).body.can.review).toBe(true);
    const accepted = await s.admin.post(`/api/v1/titles/registrations/${caseId}/review`, { act: 'accept', comment: 'Đủ điều kiện' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.state).toBe('reviewed');
  });

  it('is recognised by an issued decision with its band, valid 36 months', async () => {
    const draft = await created(s.admin, '/api/v1/titles/decisions', { orgId: s.rootId, year: YEAR, title: 'LEARNING_UNIT', issuingBody: 'Sở Tài chính tỉnh Kon Tum', registrationIds: [caseId] });
    expect(draft).toMatchObject({ state: 'draft', entries: [{ registrationId: caseId, subjectName: 'Phòng Quản lý ngân sách', outcome: 'KHA' }] });
    const issued = await s.admin.post(`/api/v1/titles/decisions/${draft.id}/issue`);
    expect(issued).toMatchObject({ status: 422, body: { code: 'DECISION_NUMBER_REQUIRED', field: 'number' } });
    await s.admin.put(`/api/v1/titles/decisions/${draft.id}`, { number: '15/QĐ-STC', signedOn: '2026-02-15', signerName: 'Trần Văn Bình', signerPosition: 'Giám đốc' });
    const ok = await s.admin.post(`/api/v1/titles/decisions/${draft.id}/issue`);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ state: 'issued', entries: [{ outcome: 'KHA', validUntil: '2029-02-14' }] });
    expect(ok.body.entries[0].certificateCode).toMatch(/^[A-Z2-7]{26}$/);
    const frozen = await s.admin.put(`/api/v1/titles/decisions/${draft.id}`, { number: '16/QĐ-STC' });
    expect(frozen).toMatchObject({ status: 409, body: { code: 'DECISION_ISSUED' } });
    const got = await s.headA.client.get(`/api/v1/titles/registrations/${caseId}`);
    expect(got.body).toMatchObject({ registration: { state: 'recognised' }, recognition: { outcome: 'KHA', validUntil: '2029-02-14', revokedAt: null } });
    expect(got.body.events.map((e: { act: string }) => e.act)).toEqual(['register', 'assess', 'submit', 'accept', 'recognise']);
    expect((await auditOf('recognition_decision', draft.id)).map((a) => a.action)).toEqual(['create', 'update', 'issue']);
  });

  it('a new criteria version published later does not change the stored result', async () => {
    const before = (await s.admin.get(`/api/v1/titles/registrations/${caseId}`)).body;
    await publish(unitSet(80), `${YEAR}-06-01`);
    const after = (await s.admin.get(`/api/v1/titles/registrations/${caseId}`)).body;
    expect(after.self.result).toEqual(before.self.result);
    expect(after.self.result.band.code).toBe('KHA');
    expect(after.criteriaVersion.id).toBe(before.criteriaVersion.id);
    const [stored] = await t.database.db.select().from(titleAssessment).where(eq(titleAssessment.registrationId, caseId));
    expect(stored.criteriaVersionId).toBe(before.criteriaVersion.id);
  });

  it('a new case of the year is evaluated with the version now in force', async () => {
    const b = await created(s.admin, '/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_UNIT', subjectKind: 'org', subjectId: s.unitB.id });
    const res = await s.admin.put(`/api/v1/titles/registrations/${b.id}/assessments/self`, { inputs: inputs(UNIT_INPUTS) });
    expect(res.body.result.band.code).toBe('TOT');
  });
});

describe('a household batch', () => {
  it('registers all or none', async () => {
    const bad = await s.admin.post('/api/v1/titles/registrations/bulk', { year: YEAR, title: 'LEARNING_FAMILY', subjectKind: 'household', subjectIds: [...households, '00000000-0000-4000-8000-000000000001'] });
    expect(bad.status).toBe(404);
    expect((await s.admin.get(`/api/v1/titles/registrations?year=${YEAR}&title=LEARNING_FAMILY`)).body.total).toBe(0);
    const ok = await s.admin.post('/api/v1/titles/registrations/bulk', { year: YEAR, title: 'LEARNING_FAMILY', subjectKind: 'household', subjectIds: households });
    expect(ok.body).toEqual({ created: 20, alreadyRegistered: 0 });
    const again = await s.admin.post('/api/v1/titles/registrations/bulk', { year: YEAR, title: 'LEARNING_FAMILY', subjectKind: 'household', subjectIds: households.slice(0, 5) });
    expect(again.body).toEqual({ created: 0, alreadyRegistered: 5 });
  });

  it('lists in Vietnamese name order of the heads (given name first), paged', async () => {
    const page1 = await s.admin.get(`/api/v1/titles/registrations?year=${YEAR}&title=LEARNING_FAMILY&orgId=${commune.id}&pageSize=8`);
    expect(page1.body.total).toBe(20);
    expect(page1.body.items.map((i: { subjectName: string }) => i.subjectName.replace(/^Hộ Nguyễn Văn (\S+).*$/, '$1'))).toEqual(['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hải']);
    const page3 = await s.admin.get(`/api/v1/titles/registrations?year=${YEAR}&title=LEARNING_FAMILY&orgId=${commune.id}&pageSize=8&page=3`);
    expect(page3.body.items).toHaveLength(4);
    const found = await s.admin.get(`/api/v1/titles/registrations?year=${YEAR}&title=LEARNING_FAMILY&q=duc`);
    expect(found.body.items.map((i: { subjectName: string }) => i.subjectName)).toEqual(['Hộ Nguyễn Văn Đức (005)']);
  });

  it('is assessed, submitted, accepted in bulk, decided and recognised', async () => {
    const list = (await s.admin.get(`/api/v1/titles/registrations?year=${YEAR}&title=LEARNING_FAMILY&pageSize=50`)).body.items as { id: string }[];
    for (const c of list) {
      const saved = await s.admin.put(`/api/v1/titles/registrations/${c.id}/assessments/self`, { inputs: inputs({ G1: 35, G2: 25, G3: 20 }) });
      expect(saved.body.result, JSON.stringify(saved.body)).toMatchObject({ total: 80, passed: true });
    }
    const ids = list.map((c) => c.id);
    const early = await s.admin.post('/api/v1/titles/registrations/review-bulk', { registrationIds: ids, act: 'accept' });
    expect(early).toMatchObject({ status: 422, body: { code: 'TITLE_STATE', field: 'registrationIds' } });
    expect(early.body.message.vi).toMatch(/^Hộ Nguyễn Văn/);
    for (const id of ids) expect((await s.admin.post(`/api/v1/titles/registrations/${id}/submit`)).status).toBe(200);
    const accepted = await s.admin.post('/api/v1/titles/registrations/review-bulk', { registrationIds: ids, act: 'accept' });
    expect(accepted.body).toEqual({ accepted: 20 });
    const d = await created(s.admin, '/api/v1/titles/decisions', {
      orgId: commune.id, year: YEAR, title: 'LEARNING_FAMILY', issuingBody: 'UBND xã Tân Phú', number: '07/QĐ-UBND', signedOn: '2026-01-20', signerName: 'Phạm Thị Hoa', registrationIds: ids,
    });
    expect(d.entries).toHaveLength(20);
    const issued = await s.admin.post(`/api/v1/titles/decisions/${d.id}/issue`);
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(new Set(issued.body.entries.map((e: { certificateCode: string }) => e.certificateCode)).size).toBe(20);
    expect(issued.body.entries[0]).toMatchObject({ outcome: 'DAT', validUntil: '2027-01-19' });
    const recognised = await s.admin.get(`/api/v1/titles/registrations?year=${YEAR}&title=LEARNING_FAMILY&state=recognised`);
    expect(recognised.body.total).toBe(20);
  });

  it('counts eligible, registered and recognised households', async () => {
    const res = await s.admin.get(`/api/v1/titles/summary?year=${YEAR}&orgId=${commune.id}&title=LEARNING_FAMILY`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.totals).toEqual([{ orgId: commune.id, orgName: 'Xã Tân Phú', title: 'LEARNING_FAMILY', citizenGroup: null, eligible: 20, registered: 20, recognised: 20, registeredShare: 1, recognisedShare: 1 }]);
    expect(res.body.rows).toMatchObject([{ orgName: 'Ấp Phú Hòa', eligible: 20, registered: 20, recognised: 20 }]);
  });
});

describe('a person as Công dân học tập', () => {
  let caseId: string;

  it('registers themself and self-assesses', async () => {
    const res = await s.memberA.client.post('/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_CITIZEN', subjectKind: 'person', subjectId: memberPersonId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ subjectName: 'Võ Thị Mỹ Linh', citizenGroup: 'officials', orgId: s.unitA.id });
    caseId = res.body.id;
    const other = await s.memberA.client.post('/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_CITIZEN', subjectKind: 'person', subjectId: headPersonId });
    expect(other.status).toBe(404);
    const weak = await s.memberA.client.put(`/api/v1/titles/registrations/${caseId}/assessments/self`, { inputs: inputs({ ...CITIZEN_INPUTS, CS6: 4 }) });
    expect(weak.body.result).toMatchObject({ passed: false });
    const saved = await s.memberA.client.put(`/api/v1/titles/registrations/${caseId}/assessments/self`, { inputs: inputs(CITIZEN_INPUTS) });
    expect(saved.body.result).toMatchObject({ total: 85, passed: true, band: { code: 'DAT' } });
    const mine = await s.memberA.client.get(`/api/v1/titles/registrations/mine?year=${YEAR}`);
    expect(mine.body.items).toMatchObject([{ id: caseId, state: 'registered', self: { total: 85, passed: true } }]);
    expect((await s.memberA.client.post(`/api/v1/titles/registrations/${caseId}/submit`)).body.state).toBe('submitted');
  });

  it('may not review their own case; a person never reviews themself', async () => {
    expect((await s.memberA.client.post(`/api/v1/titles/registrations/${caseId}/review`, { act: 'accept' })).status).toBe(403);
    const own = await created(s.headA.client, '/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_CITIZEN', subjectKind: 'person', subjectId: headPersonId });
    await s.headA.client.put(`/api/v1/titles/registrations/${own.id}/assessments/self`, { inputs: inputs(CITIZEN_INPUTS) });
    await s.headA.client.post(`/api/v1/titles/registrations/${own.id}/submit`);
    expect(await s.headA.client.post(`/api/v1/titles/registrations/${own.id}/review`, { act: 'accept' })).toMatchObject({ status: 403, body: { code: 'OWN_CASE' } });
  });

  it('is returned with a reason (the person is told), resubmitted, reviewed and accepted', async () => {
    expect((await s.headA.client.post(`/api/v1/titles/registrations/${caseId}/review`, { act: 'return' })).body).toMatchObject({ code: 'COMMENT_REQUIRED', field: 'comment' });
    const before = (await unread(s.memberA.client)).unread;
    const returned = await s.headA.client.post(`/api/v1/titles/registrations/${caseId}/review`, { act: 'return', comment: 'Bổ sung minh chứng chỉ tiêu 5' });
    expect(returned.body).toMatchObject({ state: 'returned', reviewComment: 'Bổ sung minh chứng chỉ tiêu 5' });
    const inbox = await unread(s.memberA.client);
    expect(inbox.unread).toBe(before + 1);
    expect(inbox.items[0]).toMatchObject({ kind: 'title.return', link: `/titles/registrations/${caseId}` });
    expect(inbox.items[0].message.vi).toContain('Bổ sung minh chứng chỉ tiêu 5');
    await s.memberA.client.put(`/api/v1/titles/registrations/${caseId}/assessments/self`, { inputs: inputs(CITIZEN_INPUTS) });
    await s.memberA.client.post(`/api/v1/titles/registrations/${caseId}/submit`);
    const review = await s.headA.client.put(`/api/v1/titles/registrations/${caseId}/assessments/review`, { inputs: inputs({ ...CITIZEN_INPUTS, CS10: 7 }), comment: 'Điều chỉnh chỉ tiêu 10' });
    expect(review.body).toMatchObject({ stage: 'review', result: { total: 83, passed: true } });
    const accepted = await s.headA.client.post(`/api/v1/titles/registrations/${caseId}/review`, { act: 'accept' });
    expect(accepted.body.state).toBe('reviewed');
    const seen = (await s.memberA.client.get(`/api/v1/titles/registrations/${caseId}`)).body;
    expect(seen.events.map((e: { act: string }) => e.act)).toEqual(['register', 'assess', 'assess', 'submit', 'return', 'assess', 'submit', 'assessReview', 'accept']);
    expect(seen.events.at(-1)).toMatchObject({ actorName: 'Lê Văn Hải', summary: { total: 83, stage: 'review' } });
  });

  it('is recognised, then the recognition is revoked with a reason; the case stays recognised', async () => {
    const d = await created(s.admin, '/api/v1/titles/decisions', { orgId: s.rootId, year: YEAR, title: 'LEARNING_CITIZEN', issuingBody: 'Sở Tài chính', number: '20/QĐ-STC', signedOn: '2026-01-10', signerName: 'Trần Văn Bình', registrationIds: [caseId] });
    const issued = await s.admin.post(`/api/v1/titles/decisions/${d.id}/issue`);
    expect(issued.body.entries[0]).toMatchObject({ outcome: 'DAT', validUntil: null });
    const recognitionId = issued.body.entries[0].recognitionId;
    expect((await s.headA.client.post(`/api/v1/titles/recognitions/${recognitionId}/revoke`, { reason: 'Khai sai' })).status).toBe(404);
    const noReason = await s.admin.post(`/api/v1/titles/recognitions/${recognitionId}/revoke`, { reason: '' });
    expect(noReason).toMatchObject({ status: 400, body: { field: 'reason' } });
    const revoked = await s.admin.post(`/api/v1/titles/recognitions/${recognitionId}/revoke`, { reason: 'Kê khai không trung thực' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ revokeReason: 'Kê khai không trung thực' });
    expect((await s.admin.post(`/api/v1/titles/recognitions/${recognitionId}/revoke`, { reason: 'Lần nữa' })).status).toBe(409);
    const seen = (await s.memberA.client.get(`/api/v1/titles/registrations/${caseId}`)).body;
    expect(seen.registration.state).toBe('recognised');
    expect(seen.recognition.revokedAt).not.toBeNull();
    expect(seen.events.at(-1)).toMatchObject({ act: 'revoke', comment: 'Kê khai không trung thực' });
    const list = await s.headA.client.get(`/api/v1/titles/recognitions?year=${YEAR}&state=revoked`);
    expect(list.body.items.map((i: { subjectName: string; status: string }) => [i.subjectName, i.status])).toEqual([['Võ Thị Mỹ Linh', 'revoked']]);
    expect((await auditOf('recognition', recognitionId)).map((a) => a.action)).toEqual(['create', 'revoke']);
    expect((await unread(s.memberA.client)).items[0]).toMatchObject({ kind: 'title.revoke' });
  });
});

describe('out of scope', () => {
  it('a unit head of another unit gets 404 on every endpoint, and lists leave the cases out', async () => {
    const b = s.headB.client;
    const cases = (await s.admin.get(`/api/v1/titles/registrations?orgId=${s.unitA.id}&year=${YEAR}`)).body.items as { id: string; title: string }[];
    const citizen = cases.find((c) => c.title === 'LEARNING_CITIZEN')!;
    const decisions = (await s.admin.get(`/api/v1/titles/decisions?year=${YEAR}`)).body.items as { id: string }[];
    const recognitions = (await s.admin.get(`/api/v1/titles/recognitions?orgId=${s.unitA.id}`)).body.items as { id: string }[];
    expect(cases.length).toBeGreaterThan(1);
    for (const c of cases) {
      expect((await b.get(`/api/v1/titles/registrations/${c.id}`)).status).toBe(404);
      expect((await b.put(`/api/v1/titles/registrations/${c.id}/assessments/self`, { inputs: {} })).status).toBe(404);
      expect((await b.put(`/api/v1/titles/registrations/${c.id}/assessments/review`, { inputs: {} })).status).toBe(404);
      expect((await b.post(`/api/v1/titles/registrations/${c.id}/submit`)).status).toBe(404);
      expect((await b.post(`/api/v1/titles/registrations/${c.id}/review`, { act: 'accept' })).status).toBe(404);
      expect((await b.post(`/api/v1/titles/registrations/${c.id}/withdraw`, { reason: 'x' })).status).toBe(404);
    }
    expect((await b.post('/api/v1/titles/registrations/review-bulk', { registrationIds: [citizen.id], act: 'accept' })).status).toBe(404);
    expect((await b.post('/api/v1/titles/registrations', { year: YEAR + 1, title: 'LEARNING_UNIT', subjectKind: 'org', subjectId: s.unitA.id })).status).toBe(404);
    expect((await b.post('/api/v1/titles/registrations/bulk', { year: YEAR + 1, title: 'LEARNING_CITIZEN', subjectKind: 'person', subjectIds: [memberPersonId] })).status).toBe(404);
    expect((await b.get(`/api/v1/titles/registrations?orgId=${s.unitA.id}`)).status).toBe(404);
    expect((await b.get(`/api/v1/titles/summary?year=${YEAR}&orgId=${s.unitA.id}`)).status).toBe(404);
    expect((await b.get(`/api/v1/titles/decisions?orgId=${s.unitA.id}`)).status).toBe(404);
    expect((await b.get(`/api/v1/titles/recognitions?orgId=${s.unitA.id}`)).status).toBe(404);
    expect((await b.post('/api/v1/titles/decisions', { orgId: s.unitA.id, year: YEAR, title: 'LEARNING_CITIZEN', issuingBody: 'x', registrationIds: [] })).status).toBe(404);
    for (const d of decisions) {
      expect((await b.get(`/api/v1/titles/decisions/${d.id}`)).status).toBe(404);
      expect((await b.put(`/api/v1/titles/decisions/${d.id}`, { number: '1' })).status).toBe(404);
      expect((await b.post(`/api/v1/titles/decisions/${d.id}/issue`)).status).toBe(404);
    }
    for (const r of recognitions) expect((await b.post(`/api/v1/titles/recognitions/${r.id}/revoke`, { reason: 'x' })).status).toBe(404);
    // Their own lists show only phòng B's cases.
    const own = await b.get(`/api/v1/titles/registrations?year=${YEAR}`);
    expect(own.body.items.map((i: { subjectName: string }) => i.subjectName)).toEqual(['Phòng Tài chính doanh nghiệp']);
    expect((await b.get(`/api/v1/titles/recognitions?year=${YEAR}`)).body.total).toBe(0);
    expect((await b.get(`/api/v1/titles/decisions?year=${YEAR}`)).body.total).toBe(0);
    expect((await b.get(`/api/v1/titles/registrations/mine`)).body.items).toEqual([]);
  });

  it('summary of the agency counts its units and members', async () => {
    const res = await s.admin.get(`/api/v1/titles/summary?year=${YEAR}&orgId=${s.rootId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const unit = res.body.totals.find((r: { title: string }) => r.title === 'LEARNING_UNIT');
    expect(unit).toMatchObject({ eligible: 2, registered: 2, recognised: 1, registeredShare: 1, recognisedShare: 0.5 });
    const officials = res.body.totals.find((r: { title: string; citizenGroup: string }) => r.title === 'LEARNING_CITIZEN' && r.citizenGroup === 'officials');
    expect(officials).toMatchObject({ eligible: 2, registered: 2, recognised: 0 });
  });
});
