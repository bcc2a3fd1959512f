import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';
import { auditLog } from '../../platform/audit/audit.table.js';

const YEAR = 2026;
let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let member: Client;
let memberPersonId: string;
let leaderId: string;
let workerId: string;
let outsiderB: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A multipart upload of one file to a path, as the web app sends it. */
function upload(client: Client, url: string, name: string, content: Buffer) {
  const boundary = '----hoctapEvidence';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

const record = (extra: Record<string, unknown> = {}) => ({
  kind: 'mandatory_training',
  title: 'Bồi dưỡng kiến thức quản lý tài chính công',
  provider: 'Trường Chính trị tỉnh Kon Tum',
  startsOn: `${YEAR}-05-04`,
  endsOn: `${YEAR}-05-08`,
  hours: 24,
  result: 'Hoàn thành',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  const linked = await s.admin.post('/api/v1/people', { fullName: 'Võ Thị Mỹ Linh', userId: s.memberA.id, membership: { orgId: s.unitA.id, category: 'cong_chuc', position: 'Chuyên viên', validFrom: '2020-01-01' } });
  memberPersonId = linked.body.id;
  member = s.memberA.client;
  leaderId = (await s.admin.post('/api/v1/people', { fullName: 'Lê Văn Hải', userId: s.headA.id, membership: { orgId: s.unitA.id, category: 'cong_chuc', position: 'Trưởng phòng', isLeader: true, validFrom: '2020-01-01' } })).body.id;
  workerId = (await s.admin.post('/api/v1/people', { fullName: 'Bùi Văn Khánh', membership: { orgId: s.unitA.id, category: 'nguoi_lao_dong', validFrom: '2020-01-01' } })).body.id;
  outsiderB = (await s.admin.post('/api/v1/people', { fullName: 'Lê Văn Đông', membership: { orgId: s.unitB.id, category: 'cong_chuc', validFrom: '2020-01-01' } })).body.id;
});
afterAll(() => t?.close());

describe('a member records learning and the head verifies it', () => {
  let id: string;

  it('adds a record awaiting verification, checked field by field', async () => {
    const backwards = await member.post('/api/v1/learning-records', record({ startsOn: `${YEAR}-06-01` }));
    expect(backwards).toMatchObject({ status: 400, body: { field: 'startsOn' } });
    const noLanguage = await member.post('/api/v1/learning-records', record({ kind: 'foreign_language', languageLevel: '2' }));
    expect(noLanguage).toMatchObject({ status: 400, body: { field: 'language' } });
    const res = await member.post('/api/v1/learning-records', record());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', year: YEAR, hours: 24, mine: true, canVerify: false, person: { id: memberPersonId }, org: { id: s.unitA.id } });
    id = res.body.id;
  });

  it('attaches a PDF as evidence; a file that is not a PDF or an image is refused whatever its name', async () => {
    const fake = await upload(member, `/api/v1/learning-records/${id}/evidence`, 'chung-chi.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(fake).toMatchObject({ status: 400, body: { field: 'file' } });
    const res = await upload(member, `/api/v1/learning-records/${id}/evidence`, 'Chứng chỉ bồi dưỡng.pdf', PDF);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.evidence).toMatchObject([{ name: 'Chứng chỉ bồi dưỡng.pdf', contentType: 'application/pdf', size: PDF.length }]);
    const file = await s.headA.client.get(`/api/v1/learning-records/${id}/evidence/${res.body.evidence[0].id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.body)).toContain('%PDF-1.4');
  });

  it('the head of another unit, and its members, learn nothing of it', async () => {
    const evidenceId = (await member.get(`/api/v1/learning-records/${id}`)).body.evidence[0].id;
    for (const client of [s.headB.client]) {
      expect((await client.get(`/api/v1/learning-records/${id}`)).status).toBe(404);
      expect((await client.get(`/api/v1/learning-records/${id}/evidence/${evidenceId}`)).status).toBe(404);
      expect((await client.post(`/api/v1/learning-records/${id}/verify`, { decision: 'verified' })).status).toBe(404);
      expect((await client.get(`/api/v1/learning-records?orgId=${s.unitA.id}`)).status).toBe(404);
      expect((await client.get(`/api/v1/learning-records/summary?orgId=${s.unitA.id}&year=${YEAR}`)).status).toBe(404);
      expect((await client.get(`/api/v1/learning-records/summary/members?orgId=${s.unitA.id}&year=${YEAR}&indicator=mandatoryDone&met=false`)).status).toBe(404);
      expect((await client.post('/api/v1/learning-records/bulk', { ...record(), orgId: s.unitA.id, personIds: [memberPersonId] })).status).toBe(404);
      const own = await client.get(`/api/v1/learning-records?orgId=${s.unitB.id}`);
      expect(own.body.items).toEqual([]);
    }
  });

  it('the member cannot verify their own; the head rejects with a reason, the member is told and fixes it', async () => {
    expect((await member.post(`/api/v1/learning-records/${id}/verify`, { decision: 'verified' })).body.code).toBe('RECORD_OWNER');
    expect((await s.headA.client.post(`/api/v1/learning-records/${id}/verify`, { decision: 'rejected' })).body.code).toBe('COMMENT_REQUIRED');
    const rejected = await s.headA.client.post(`/api/v1/learning-records/${id}/verify`, { decision: 'rejected', reason: 'Thiếu số giờ trên giấy chứng nhận.' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'Thiếu số giờ trên giấy chứng nhận.' });
    const inbox = await member.get('/api/v1/notifications?unreadOnly=true');
    expect(inbox.body.items[0].message.vi).toContain('không được xác nhận: Thiếu số giờ');
    const fixed = await member.request('PUT', `/api/v1/learning-records/${id}`, record({ hours: 24, certificateNo: 'BD-2026/115' }));
    expect(fixed.body).toMatchObject({ status: 'pending', rejectReason: null });
    const verified = await s.headA.client.post(`/api/v1/learning-records/${id}/verify`, { decision: 'verified' });
    expect(verified.body).toMatchObject({ status: 'verified', canVerify: true });
    expect((await member.request('PUT', `/api/v1/learning-records/${id}`, record())).body.code).toBe('RECORD_VERIFIED');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(['add_evidence', 'create', 'reject', 'update', 'verify']);
  });

  it('shows the member what is still owed this year', async () => {
    const mine = await member.get(`/api/v1/learning-records/mine?year=${YEAR}`);
    expect(mine.body.owed).toMatchObject([{ kind: 'mandatory_training', hoursRequired: 40, hoursDone: 24, done: false }]);
    expect(mine.body.member).toMatchObject({ fullName: 'Võ Thị Mỹ Linh', org: { id: s.unitA.id } });
  });
});

describe('the secretariat records one training for many', () => {
  it('refuses the whole batch when one attendee is not a member of the unit', async () => {
    const res = await s.admin.post('/api/v1/learning-records/bulk', { ...record({ title: 'Hội nghị bồi dưỡng chuyển đổi số', hours: 16 }), orgId: s.unitA.id, personIds: [memberPersonId, outsiderB] });
    expect(res).toMatchObject({ status: 400, body: { field: 'personIds.1' } });
    const list = await s.admin.get(`/api/v1/learning-records?orgId=${s.rootId}&q=hoi nghi`);
    expect(list.body.total).toBe(0);
  });

  it('records it verified for every attendee, in one batch', async () => {
    const res = await s.admin.post('/api/v1/learning-records/bulk', { ...record({ title: 'Hội nghị bồi dưỡng chuyển đổi số', hours: 16 }), orgId: s.unitA.id, personIds: [memberPersonId, leaderId] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.created).toBe(2);
    const mine = await member.get(`/api/v1/learning-records/mine?year=${YEAR}`);
    expect(mine.body.owed).toMatchObject([{ hoursDone: 40, done: true }]);
  });

  it('records levels and leadership training for single members, verified at once', async () => {
    const english = await s.admin.post('/api/v1/learning-records', record({ personId: memberPersonId, kind: 'foreign_language', title: 'Chứng chỉ tiếng Anh', language: 'Tiếng Anh', languageLevel: '3', hours: null }));
    expect(english.body).toMatchObject({ status: 'verified', language: 'Tiếng Anh', languageLevel: '3' });
    const leadership = await s.admin.post('/api/v1/learning-records', record({ personId: leaderId, kind: 'leadership_training', title: 'Bồi dưỡng lãnh đạo cấp phòng', hours: 120 }));
    expect(leadership.body.status).toBe('verified');
    const it = await s.admin.post('/api/v1/learning-records', record({ personId: workerId, kind: 'it_skill', title: 'Chuẩn kỹ năng CNTT cơ bản', itStandard: 'basic', hours: 60 }));
    expect(it.body).toMatchObject({ itStandard: 'basic' });
  });
});

describe('the shares, computed from the records', () => {
  it('per unit: mandatory training done, leaders trained, IT and languages, language levels', async () => {
    const res = await s.admin.get(`/api/v1/learning-records/summary?orgId=${s.rootId}&year=${YEAR}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const a = res.body.units.find((u: { org: { id: string } }) => u.org.id === s.unitA.id);
    // Phòng A: Linh (40 h, level 3), Hải (leader, 16 h + leadership), Khánh (worker: owes nothing, IT basic).
    expect(a).toMatchObject({ members: 3, leaders: 1, owing: 2, counts: { mandatoryDone: 1, leaderTrained: 1, itJoined: 1, languageJoined: 1, languageCertified: 1 } });
    expect(a.shares.mandatoryDone).toBe(0.5);
    expect(a.shares.leaderTrained).toBe(1);
    expect(a.levels).toEqual({ '3': 1, none: 2 });
    expect(res.body.total.members).toBe(4);
  });

  it('lists the members behind a number', async () => {
    const notDone = await s.admin.get(`/api/v1/learning-records/summary/members?orgId=${s.rootId}&year=${YEAR}&indicator=mandatoryDone&met=false`);
    expect(notDone.body.items.map((i: { person: { fullName: string } }) => i.person.fullName)).toEqual(['Lê Văn Đông', 'Lê Văn Hải']);
    const inA = await s.admin.get(`/api/v1/learning-records/summary/members?orgId=${s.rootId}&year=${YEAR}&indicator=mandatoryDone&met=false&childId=${s.unitA.id}`);
    expect(inA.body.items.map((i: { person: { fullName: string } }) => i.person.fullName)).toEqual(['Lê Văn Hải']);
    // The members of the unit itself, not of those under it: none stand directly in the Sở here.
    const own = await s.admin.get(`/api/v1/learning-records/summary/members?orgId=${s.rootId}&year=${YEAR}&indicator=mandatoryDone&met=false&childId=own`);
    expect(own.body.items).toEqual([]);
    const ownOfA = await s.admin.get(`/api/v1/learning-records/summary/members?orgId=${s.unitA.id}&year=${YEAR}&indicator=mandatoryDone&met=false&childId=own`);
    expect(ownOfA.body.items.map((i: { person: { fullName: string } }) => i.person.fullName)).toEqual(['Lê Văn Hải']);
  });

  it('the catalogue is data: the secretariat adds an entry for its subtree, a unit head may not', async () => {
    const entry = { orgId: s.unitA.id, code: 'BD-CDS', title: 'Bồi dưỡng chuyển đổi số', kind: 'digital_transformation', hoursPerYear: 8, categories: [], leadersOnly: false, legalBasis: 'Kế hoạch của Sở' };
    expect((await s.headA.client.post('/api/v1/mandatory-trainings', entry)).status).toBe(403);
    expect((await s.admin.post('/api/v1/mandatory-trainings', entry)).status).toBe(201);
    const list = await s.headA.client.get(`/api/v1/mandatory-trainings?orgId=${s.unitA.id}`);
    expect(list.body.items.map((e: { code: string }) => e.code)).toEqual(['BD-CDS', 'BDBB-CBCCVC']);
    const mine = await member.get(`/api/v1/learning-records/mine?year=${YEAR}`);
    expect(mine.body.owed.map((o: { done: boolean }) => o.done)).toEqual([false, true]);
  });

  it('a retired entry is no longer owed nor counted, stays listed with its date, and can be brought back', async () => {
    const entry = (await s.admin.get(`/api/v1/mandatory-trainings?orgId=${s.unitA.id}`)).body.items.find((e: { code: string }) => e.code === 'BD-CDS');
    const { id, orgName: _orgName, createdAt: _createdAt, updatedAt: _updatedAt, retiredAt, ...fields } = entry;
    expect(retiredAt).toBeNull();
    const unitAShares = async () =>
      (await s.admin.get(`/api/v1/learning-records/summary?orgId=${s.rootId}&year=${YEAR}`)).body.units.find((u: { org: { id: string } }) => u.org.id === s.unitA.id).counts.mandatoryDone;
    expect(await unitAShares()).toBe(0);

    expect((await s.headA.client.request('PUT', `/api/v1/mandatory-trainings/${id}`, { ...fields, retired: true })).status).toBe(403);
    const retired = await s.admin.request('PUT', `/api/v1/mandatory-trainings/${id}`, { ...fields, retired: true });
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    expect(retired.body.retiredAt).not.toBeNull();
    const owed = async () => (await member.get(`/api/v1/learning-records/mine?year=${YEAR}`)).body.owed.map((o: { title: string; done: boolean }) => [o.title, o.done]);
    expect(await owed()).toEqual([[expect.stringContaining('Bồi dưỡng bắt buộc tối thiểu'), true]]);
    expect(await unitAShares()).toBe(1);
    const listed = (await s.headA.client.get(`/api/v1/mandatory-trainings?orgId=${s.unitA.id}`)).body.items.find((e: { id: string }) => e.id === id);
    expect(listed.retiredAt).toBe(retired.body.retiredAt);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    expect(audit.find((a) => a.action === 'update')?.after).toMatchObject({ retiredAt: expect.any(String) });

    const back = await s.admin.request('PUT', `/api/v1/mandatory-trainings/${id}`, { ...fields, retired: false });
    expect(back.body.retiredAt).toBeNull();
    expect((await owed()).length).toBe(2);
  });
});
