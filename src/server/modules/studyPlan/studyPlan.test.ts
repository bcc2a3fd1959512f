import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, exportedSheet, smallAgency, type TestApp } from '../../../../test/app.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { zipEntryText } from '../../platform/documents/docx-reading.fixture.js';
import { studyPlan, studyPlanVersion } from './studyPlan.table.js';

const YEAR = 2026;
let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let member: Client;
/** Five more members of phòng A with accounts, and one of phòng B. */
const others: { client: Client; personId: string; fullName: string }[] = [];
let memberB: Client;

/** An account linked to a staff record of a unit; returns the logged-in client. */
async function staffAccount(login: string, fullName: string, orgId: string, position = 'Chuyên viên') {
  const user = await s.admin.post('/api/v1/users', { login, displayName: fullName, homeOrgId: orgId, password: 'TamThoi2026x' });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  await s.admin.post(`/api/v1/users/${user.body.id}/grants`, { orgId, role: 'member' });
  const person = await s.admin.post('/api/v1/people', { fullName, userId: user.body.id, membership: { orgId, category: 'cong_chuc', position, validFrom: '2020-01-01' } });
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  const client = await new Client(t.app).login(login, 'TamThoi2026x');
  await client.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'MoiDoi2026x', newPasswordConfirm: 'MoiDoi2026x' });
  return { client, personId: person.body.id as string };
}

const line = (content: string, extra: Record<string, unknown> = {}) => ({
  content,
  need: 'Yêu cầu vị trí việc làm',
  method: 'online',
  provider: 'Nền tảng học tập số',
  fromMonth: `${YEAR}-03`,
  toMonth: `${YEAR}-06`,
  expectedResult: 'Chứng chỉ',
  hours: 40,
  lineType: 'mandatory',
  expectedEvidence: 'Giấy chứng nhận',
  note: null,
  ...extra,
});

async function startPlan(client: Client, lines = [line('Bồi dưỡng kiến thức quản lý nhà nước')]) {
  const started = await client.post('/api/v1/study-plans', { year: YEAR });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const saved = await client.put(`/api/v1/study-plans/${started.body.id}`, { ...started.body.content, lines });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body;
}

const act = (client: Client, id: string, name: string, comment?: string) => client.post(`/api/v1/study-plans/${id}/${name}`, comment ? { comment } : {});
const unread = async (client: Client) => (await client.get('/api/v1/notifications?unreadOnly=true')).body;

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  // The member of phòng A (created by smallAgency) gets a staff record.
  const linked = await s.admin.post('/api/v1/people', { fullName: 'Võ Thị Mỹ Linh', userId: s.memberA.id, membership: { orgId: s.unitA.id, category: 'cong_chuc', position: 'Chuyên viên', validFrom: '2020-01-01' } });
  expect(linked.status, JSON.stringify(linked.body)).toBe(201);
  member = s.memberA.client;
  const names = ['Nguyễn Văn Đức', 'Trần Thị Hồng', 'Phạm Quốc Bảo', 'Đặng Thị Thu Hà', 'Huỳnh Minh Tâm'];
  for (const [i, fullName] of names.entries()) {
    const { client, personId } = await staffAccount(`cv.a${i}`, fullName, s.unitA.id);
    others.push({ client, personId, fullName });
  }
  memberB = (await staffAccount('cv.b1', 'Lê Văn Đông', s.unitB.id)).client;
  // A staff member without an account: expected, cannot be reminded in the app.
  await s.admin.post('/api/v1/people', { fullName: 'Bùi Văn Khánh', membership: { orgId: s.unitA.id, category: 'nguoi_lao_dong', validFrom: '2020-01-01' } });
});
afterAll(() => t?.close());

describe('the learning year', () => {
  it('a member cannot start before the unit opens the year', async () => {
    const res = await member.post('/api/v1/study-plans', { year: YEAR });
    expect(res).toMatchObject({ status: 422, body: { code: 'NO_LEARNING_YEAR', field: 'year' } });
  });

  it('checks the deadlines, naming the field; a unit head may not open it', async () => {
    const bad = await s.admin.put('/api/v1/learning-years', { orgId: s.rootId, year: YEAR, planDeadline: `${YEAR + 1}-01-10`, reportDeadline: `${YEAR}-12-15` });
    expect(bad).toMatchObject({ status: 422, body: { code: 'DEADLINE_OUTSIDE', field: 'planDeadline' } });
    const head = await s.headA.client.put('/api/v1/learning-years', { orgId: s.unitA.id, year: YEAR, planDeadline: `${YEAR}-03-31`, reportDeadline: `${YEAR}-12-15` });
    expect(head.status).toBe(403);
  });

  it('the secretariat opens it at the root, and every unit below follows it', async () => {
    const res = await s.admin.put('/api/v1/learning-years', { orgId: s.rootId, year: YEAR, planDeadline: `${YEAR}-03-31`, reportDeadline: `${YEAR}-12-15` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31` });
    const mine = await member.get(`/api/v1/study-plans/mine?year=${YEAR}`);
    expect(mine.body).toMatchObject({ member: { fullName: 'Võ Thị Mỹ Linh', org: { id: s.unitA.id } }, learningYear: { orgName: 'Sở Tài chính tỉnh Kon Tum', planDeadline: `${YEAR}-03-31` }, plan: null });
  });

  it('an account without a staff record is told so', async () => {
    const res = await s.headA.client.post('/api/v1/study-plans', { year: YEAR });
    expect(res).toMatchObject({ status: 422, body: { code: 'NOT_A_MEMBER' } });
  });
});

describe('a plan from draft to approval', () => {
  let plan: { id: string; content: { lines: { id: string; content: string }[] } };

  it('starts as a draft with the commitment, and cannot be sent empty', async () => {
    const started = await member.post('/api/v1/study-plans', { year: YEAR });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body).toMatchObject({ state: 'draft', role: 'owner', acts: ['submit'], content: { lines: [] } });
    expect(started.body.content.commitment).toContain('học tập suốt đời');
    plan = started.body;
    expect(await act(member, plan.id, 'submit')).toMatchObject({ status: 422, body: { code: 'PLAN_EMPTY', field: 'lines' } });
    const again = await member.post('/api/v1/study-plans', { year: YEAR });
    expect(again.body.code).toBe('PLAN_EXISTS');
  });

  it('is written, validated by field, and submitted; the unit head hears of it', async () => {
    const badMonth = await member.put(`/api/v1/study-plans/${plan.id}`, { ...plan.content, lines: [line('Tin học', { fromMonth: '2026-13' })] });
    expect(badMonth).toMatchObject({ status: 400, body: { field: 'lines.0.fromMonth' } });
    plan = await (async () => {
      const res = await member.put(`/api/v1/study-plans/${plan.id}`, { ...plan.content, lines: [line('Bồi dưỡng kiến thức quản lý nhà nước'), line('Tiếng Anh bậc 2', { method: 'course', lineType: 'elective' })] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    })();
    expect(plan.content.lines.every((l) => /^[0-9a-f-]{36}$/.test(l.id))).toBe(true);
    const before = (await unread(s.headA.client)).unread;
    const submitted = await act(member, plan.id, 'submit');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    const inbox = await unread(s.headA.client);
    expect(inbox.unread).toBe(before + 1);
    expect(inbox.items[0]).toMatchObject({ kind: 'study_plan.submit', link: `/study-plans/${plan.id}`, message: { vi: 'Võ Thị Mỹ Linh đã gửi kế hoạch tự học năm 2026 để duyệt.' } });
  });

  it('is frozen while submitted; the member cannot approve it', async () => {
    expect((await member.put(`/api/v1/study-plans/${plan.id}`, plan.content)).body.code).toBe('PLAN_FROZEN');
    expect((await act(member, plan.id, 'approve')).body.code).toBe('PLAN_REVIEWER_ONLY');
  });

  it('the head of another unit learns nothing of it', async () => {
    expect((await s.headB.client.get(`/api/v1/study-plans/${plan.id}`)).status).toBe(404);
    expect((await act(s.headB.client, plan.id, 'approve')).status).toBe(404);
    expect((await s.headB.client.get(`/api/v1/study-plans?orgId=${s.unitA.id}&year=${YEAR}`)).status).toBe(404);
    expect((await s.headB.client.get(`/api/v1/study-plans/summary?orgId=${s.unitA.id}&year=${YEAR}`)).status).toBe(404);
    expect((await s.headB.client.post('/api/v1/study-plans/approve', { planIds: [plan.id] })).status).toBe(404);
    expect((await s.headB.client.post('/api/v1/study-plans/remind', { orgId: s.unitA.id, year: YEAR })).status).toBe(404);
    expect((await memberB.get(`/api/v1/study-plans/${plan.id}`)).status).toBe(404);
    // Their own unit's list does not show phòng A's people.
    const own = await s.headB.client.get(`/api/v1/study-plans?orgId=${s.unitB.id}&year=${YEAR}`);
    expect(own.body.items.map((i: { person: { fullName: string } }) => i.person.fullName)).toEqual(['Lê Văn Đông']);
  });

  it('is returned with a reason; the member is told why', async () => {
    expect((await act(s.headA.client, plan.id, 'return')).body).toMatchObject({ code: 'COMMENT_REQUIRED', field: 'comment' });
    const returned = await act(s.headA.client, plan.id, 'return', 'Bổ sung nội dung về chuyển đổi số.');
    expect(returned.body).toMatchObject({ state: 'returned', reviewComment: 'Bổ sung nội dung về chuyển đổi số.' });
    const inbox = await unread(member);
    expect(inbox.items[0]).toMatchObject({ kind: 'study_plan.return', message: { vi: 'Kế hoạch tự học năm 2026 được trả lại để sửa: Bổ sung nội dung về chuyển đổi số.' } });
  });

  it('comes back changed, and the head sees what changed since the return', async () => {
    const [first, second] = plan.content.lines;
    const fixed = await member.put(`/api/v1/study-plans/${plan.id}`, {
      ...plan.content,
      lines: [first, { ...line('Tiếng Anh bậc 2', { method: 'course', lineType: 'elective' }), id: second.id, hours: 60 }, line('Kỹ năng số cho chuyển đổi số', { lineType: 'unit_required' })],
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect((await act(member, plan.id, 'submit')).body.state).toBe('submitted');
    const seen = await s.headA.client.get(`/api/v1/study-plans/${plan.id}`);
    expect(seen.body.role).toBe('reviewer');
    expect(seen.body.acts).toEqual(['approve', 'return']);
    expect(seen.body.changes).toMatchObject({ added: [fixed.body.content.lines[2].id], removed: [], changed: [{ lineId: second.id, fields: ['hours'] }], parts: [] });
  });

  it('is approved with four others in one action, all or none', async () => {
    const ids = [plan.id];
    for (const o of others.slice(0, 4)) {
      const p = await startPlan(o.client);
      expect((await act(o.client, p.id, 'submit')).status).toBe(200);
      ids.push(p.id);
    }
    // The fifth is still a draft: approving it with the others changes nothing and names the member.
    const draft = await startPlan(others[4].client);
    const refused = await s.headA.client.post('/api/v1/study-plans/approve', { planIds: [...ids, draft.id] });
    expect(refused).toMatchObject({ status: 422, body: { code: 'PLAN_STATE', field: 'planIds' } });
    expect(refused.body.message.vi).toContain('Huỳnh Minh Tâm');
    const [{ n: approvedAfterRefusal }] = await t.database.db.select({ n: count() }).from(studyPlan).where(eq(studyPlan.state, 'approved'));
    expect(approvedAfterRefusal).toBe(0);

    const res = await s.headA.client.post('/api/v1/study-plans/approve', { planIds: ids });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ approved: 5 });
    const mine = await member.get(`/api/v1/study-plans/${plan.id}`);
    expect(mine.body).toMatchObject({ state: 'approved', acts: ['report'] });
    expect(mine.body.versions.map((v: { act: string }) => v.act)).toEqual(['submit', 'return', 'submit', 'approve']);
    // The approved copy is kept as it was.
    const versions = await t.database.db.select().from(studyPlanVersion).where(eq(studyPlanVersion.planId, plan.id));
    expect(versions.find((v) => v.act === 'approve')!.content.lines).toHaveLength(3);
    const audits = await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, plan.id));
    expect(audits[0].n).toBeGreaterThanOrEqual(7);
  });

  it('reopening an approved plan needs a reason and is audited', async () => {
    const other = others[0];
    const mine = await other.client.get(`/api/v1/study-plans/mine?year=${YEAR}`);
    const id = mine.body.plan.id;
    expect((await act(s.headA.client, id, 'reopen')).body.code).toBe('COMMENT_REQUIRED');
    const reopened = await act(s.headA.client, id, 'reopen', 'Điều chỉnh theo kế hoạch bồi dưỡng mới của Sở.');
    expect(reopened.body.state).toBe('returned');
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'reopen'));
    expect(row).toMatchObject({ entityId: id, before: { state: 'approved' }, after: { state: 'returned', comment: 'Điều chỉnh theo kế hoạch bồi dưỡng mới của Sở.' } });
  });

  it('at year end the member reports against each line and the head confirms', async () => {
    const current = (await member.get(`/api/v1/study-plans/${plan.id}`)).body;
    expect((await act(member, plan.id, 'report')).body.code).toBe('REPORT_INCOMPLETE');
    const lines = current.content.lines.map((l: { id: string }) => ({ lineId: l.id, result: 'Đã hoàn thành', percent: 100, evidence: 'Chứng chỉ số 123', assessment: 'done' }));
    const stray = await member.put(`/api/v1/study-plans/${plan.id}/report`, { lines: [...lines, { ...lines[0], lineId: crypto.randomUUID() }], assessment: 'done', comment: null });
    expect(stray).toMatchObject({ status: 422, body: { code: 'UNKNOWN_LINE', field: 'lines.3.lineId' } });
    expect((await member.put(`/api/v1/study-plans/${plan.id}/report`, { lines, assessment: 'done_well', comment: 'Hoàn thành kế hoạch.' })).status).toBe(200);
    expect((await act(member, plan.id, 'report')).body.state).toBe('reported');
    const confirmed = await act(s.headA.client, plan.id, 'confirm', 'Hoàn thành tốt.');
    expect(confirmed.body).toMatchObject({ state: 'confirmed', acts: [] });
  });
  it('is downloaded as a Word file in the official layout, signed by the member and approved by the head', async () => {
    expect((await s.headB.client.post(`/api/v1/study-plans/${plan.id}/document`)).status).toBe(404);
    const res = await member.post(`/api/v1/study-plans/${plan.id}/document`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.name).toBe('ke-hoach-tu-hoc-2026-vo-thi-my-linh.docx');
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/files/${res.body.fileId}`, headers: { cookie: member.cookie } });
    expect(file.statusCode).toBe(200);
    const xml = zipEntryText(file.rawPayload, 'word/document.xml');
    const text = xml.replace(/<w:br\/>/g, ' ').replace(/<[^>]+>/g, '');
    // Header: the Sở above the phòng; Quốc hiệu; no Số (a personal plan); the place from the Sở's name.
    for (const expected of ['SỞ TÀI CHÍNH TỈNH KON TUM', 'PHÒNG QUẢN LÝ NGÂN SÁCH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Kon Tum, ngày', 'KẾ HOẠCH', 'Tự học, tự bồi dưỡng năm 2026']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Số:');
    // Parts, the commitment, the lines in a landscape phụ lục, the results in a second one.
    for (const expected of ['THÔNG TIN CÁ NHÂN', 'Họ và tên: Võ Thị Mỹ Linh', 'CAM KẾT', 'học tập suốt đời', 'Kỹ năng số cho chuyển đổi số', 'Học trực tuyến: Nền tảng học tập số', 'Đã hoàn thành', '100 %', 'Hoàn thành tốt', 'Nhận xét của lãnh đạo đơn vị: Hoàn thành tốt.']) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('w:w="11906"');
    // Signatures: the head who approved it (left) and the member (right).
    expect(text).toContain('DUYỆT CỦA THỦ TRƯỞNG ĐƠN VỊ');
    expect(text).toContain('NGƯỜI LẬP KẾ HOẠCH');
    expect(text.indexOf('Lê Văn Hải')).toBeLessThan(text.lastIndexOf('Võ Thị Mỹ Linh'));
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'generate'));
    expect(audit).toMatchObject({ entity: 'study_plan', entityId: plan.id, after: { fileId: res.body.fileId, kind: 'study_plan' } });
  });
});

describe("the unit's view", () => {
  it('lists every member expected, with plan states, late ones and who may be approved', async () => {
    const res = await s.headA.client.get(`/api/v1/study-plans?orgId=${s.unitA.id}&year=${YEAR}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byName = Object.fromEntries(res.body.items.map((i: { person: { fullName: string } }) => [i.person.fullName, i]));
    // Vietnamese order: by given name first.
    expect(Object.keys(byName)).toEqual(['Phạm Quốc Bảo', 'Nguyễn Văn Đức', 'Đặng Thị Thu Hà', 'Trần Thị Hồng', 'Bùi Văn Khánh', 'Võ Thị Mỹ Linh', 'Huỳnh Minh Tâm']);
    expect(res.body.total).toBe(7);
    expect(byName['Bùi Văn Khánh']).toMatchObject({ state: 'none', hasAccount: false, late: true, planId: null });
    expect(byName['Huỳnh Minh Tâm']).toMatchObject({ state: 'draft', late: true });
    expect(byName['Võ Thị Mỹ Linh']).toMatchObject({ state: 'confirmed', late: false });
    const none = await s.headA.client.get(`/api/v1/study-plans?orgId=${s.unitA.id}&year=${YEAR}&state=none`);
    expect(none.body.items.map((i: { person: { fullName: string } }) => i.person.fullName)).toEqual(['Bùi Văn Khánh']);
    const search = await s.headA.client.get(`/api/v1/study-plans?orgId=${s.unitA.id}&year=${YEAR}&q=tran thi hong`);
    expect(search.body.items.map((i: { person: { fullName: string } }) => i.person.fullName)).toEqual(['Trần Thị Hồng']);
  });

  it('exports the plan register to Excel exactly as the list shows it', async () => {
    const queued = await s.headA.client.post('/api/v1/study-plans/export', { orgId: s.unitA.id, year: YEAR, state: 'approved', language: 'vi' });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const rows = await exportedSheet(t, s.headA.client, queued.body.id);
    expect(rows[0]).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Kế hoạch năm 2026', 'Ngày gửi duyệt', 'Quá hạn']);
    const listed = await s.headA.client.get(`/api/v1/study-plans?orgId=${s.unitA.id}&year=${YEAR}&state=approved`);
    expect(rows.slice(1).map((r) => r[1])).toEqual(listed.body.items.map((i: { person: { fullName: string } }) => i.person.fullName));
    expect(rows[1][4]).toBe('Đã duyệt');
    expect(rows[1][5]).toMatch(/^\d{2}\/\d{2}\/2026$/);
    expect((await s.headB.client.post('/api/v1/study-plans/export', { orgId: s.unitA.id, year: YEAR, language: 'vi' })).status).toBe(404);
  });

  it('rolls the states up per unit with the share approved', async () => {
    const res = await s.admin.get(`/api/v1/study-plans/summary?orgId=${s.rootId}&year=${YEAR}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toMatchObject({ expected: 8, approved: 4 });
    const a = res.body.units.find((u: { org: { id: string } }) => u.org.id === s.unitA.id);
    expect(a.counts).toMatchObject({ none: 1, draft: 1, returned: 1, approved: 3, confirmed: 1 });
    expect(a.approvedShare).toBeCloseTo(4 / 7);
    const b = res.body.units.find((u: { org: { id: string } }) => u.org.id === s.unitB.id);
    expect(b.counts).toMatchObject({ none: 1 });
  });

  it('reminds in one click those who have not sent a plan, and says who has no account', async () => {
    const before = (await unread(others[4].client)).unread;
    const res = await s.headA.client.post('/api/v1/study-plans/remind', { orgId: s.unitA.id, year: YEAR });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Huỳnh Minh Tâm (draft) and Nguyễn Văn Đức (returned) have accounts; Bùi Văn Khánh has none.
    expect(res.body).toEqual({ reminded: 2, withoutAccount: 1 });
    const inbox = await unread(others[4].client);
    expect(inbox.unread).toBe(before + 1);
    expect(inbox.items[0].message.vi).toContain('trước ngày 31/03/2026');
    const marked = await others[4].client.post('/api/v1/notifications/read', { ids: 'all' });
    expect(marked.body.marked).toBeGreaterThan(0);
    expect((await unread(others[4].client)).unread).toBe(0);
  });
});
