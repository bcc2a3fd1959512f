/**
 * A registration list for a learning title (danh sách đăng ký) imported through the wizard: every
 * household, person, clan or unit listed is registered for the title and year, all or nothing.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';
import { auditLog } from '../../platform/audit/audit.table.js';

const YEAR = 2026;
let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let commune: { id: string };
const HEADS = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Khải', 'Khánh', 'Lâm', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Nhân', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trí', 'Trung', 'Tuấn', 'Vinh'];

async function created(client: Client, url: string, body: Record<string, unknown>) {
  const res = await client.post(url, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  // A commune of two hamlets: thirty households in Ấp Phú Hòa, one in Ấp Phú Lợi whose head is also a Nguyễn Văn An.
  commune = await created(s.admin, '/api/v1/orgs', { parentId: null, name: 'Xã Tân Phú', kindCode: 'commune' });
  const hoa = await created(s.admin, '/api/v1/orgs', { parentId: commune.id, name: 'Ấp Phú Hòa', kindCode: 'hamlet' });
  const loi = await created(s.admin, '/api/v1/orgs', { parentId: commune.id, name: 'Ấp Phú Lợi', kindCode: 'hamlet' });
  const household = async (hamlet: { id: string }, code: string, head: string) => {
    const h = await created(s.admin, '/api/v1/households', { orgId: hamlet.id, code });
    const p = await created(s.admin, '/api/v1/people', { fullName: head, householdId: h.id, householdRelation: 'head' });
    await s.admin.patch(`/api/v1/households/${h.id}`, { headPersonId: p.id });
  };
  for (const [i, name] of HEADS.entries()) await household(hoa, String(i + 1).padStart(3, '0'), `Nguyễn Văn ${name}`);
  await household(loi, '001', 'Nguyễn Văn An');
  // Staff of the Sở: Linh (a CCCD), two "Lê Văn Hải" (phòng A and B).
  const staff = async (body: Record<string, unknown>, orgId: string) =>
    created(s.admin, '/api/v1/people', { ...body, membership: { orgId, category: 'cong_chuc', validFrom: '2020-01-01' } });
  await staff({ fullName: 'Võ Thị Mỹ Linh', birthDate: '1990-04-12', citizenId: '062190000111' }, s.unitA.id);
  await staff({ fullName: 'Lê Văn Hải', birthDate: '1978-09-05' }, s.unitA.id);
  await staff({ fullName: 'Lê Văn Hải', birthDate: '1985-11-30' }, s.unitB.id);
}, 120_000);
afterAll(() => t?.close());

/** A list as a commune keeps it: title rows, a header with "STT", the data, a total and a signature. */
async function listFile(headers: string[], rows: (string | null)[][]) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = 'UBND XÃ TÂN PHÚ';
  ws.mergeCells('A2:E2');
  ws.getCell('A2').value = `DANH SÁCH ĐĂNG KÝ NĂM ${YEAR}`;
  ws.getRow(4).values = ['STT', ...headers];
  rows.forEach((r, i) => (ws.getRow(5 + i).values = [i + 1, ...r] as never));
  const end = 5 + rows.length;
  ws.getCell(`A${end}`).value = `Tổng cộng: ${rows.length}`;
  ws.getCell(`C${end + 2}`).value = 'CHỦ TỊCH';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const householdRows = () =>
  HEADS.map((name, i) =>
    // Half by code and hamlet, half by the head's name without marks (and the hamlet, to tell the two Nguyễn Văn An apart).
    i % 2 === 0 ? [null, String(i + 1).padStart(3, '0'), 'Ấp Phú Hòa'] : [`nguyen van ${name}`.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'), null, 'Phú Hòa'],
  );
const HOUSEHOLD_HEADERS = ['Họ và tên chủ hộ', 'Mã hộ', 'Ấp'];

const runJobs = () => t.services.jobs.drain();

async function upload(client: Client, content: Buffer, orgId: string) {
  const up = await client.upload('/api/v1/imports', { kind: 'titleRegistration', orgId }, { name: 'dang-ky.xlsx', content });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  await runJobs();
  return (await client.get(`/api/v1/imports/${up.body.id}`)).body;
}

const mappingOf = (view: any) => Object.fromEntries(view.analysis.columns.filter((c: any) => c.fieldKey).map((c: any) => [String(c.index), c.fieldKey]));

const configure = (client: Client, view: any, registration: Record<string, unknown>) =>
  client.request('PUT', `/api/v1/imports/${view.id}/settings`, { sheet: view.analysis.sheet, headerRow: view.analysis.headerRow, mapping: mappingOf(view), duplicates: 'skip', registration });

async function check(client: Client, view: any, registration: Record<string, unknown>) {
  const res = await configure(client, view, registration);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  await runJobs();
  return (await client.get(`/api/v1/imports/${view.id}`)).body;
}

async function commit(client: Client, view: any) {
  const res = await client.post(`/api/v1/imports/${view.id}/commit`, {});
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  await runJobs();
  return (await client.get(`/api/v1/imports/${view.id}`)).body;
}

const issuesOf = async (client: Client, id: string) => (await client.get(`/api/v1/imports/${id}/issues?pageSize=100`)).body.items as any[];
const registered = async (title: string, orgId: string) => (await s.admin.get(`/api/v1/titles/registrations?year=${YEAR}&title=${title}&orgId=${orgId}&pageSize=100`)).body;
const FAMILY = { title: 'LEARNING_FAMILY', year: YEAR };

describe('a registration list', () => {
  it('maps the headers under the title rows', async () => {
    const view = await upload(s.admin, await listFile(HOUSEHOLD_HEADERS, householdRows()), commune.id);
    expect(view.state, JSON.stringify(view)).toBe('analysed');
    expect(view.analysis.headerRow).toBe(4);
    expect(Object.fromEntries(view.analysis.columns.map((c: any) => [c.letter, c.fieldKey]))).toMatchObject({ A: null, B: 'name', C: 'householdCode', D: 'place' });
  });

  it('checks the title and year, naming the field', async () => {
    const view = await upload(s.admin, await listFile(HOUSEHOLD_HEADERS, householdRows()), commune.id);
    expect((await configure(s.admin, view, { title: 'LEARNING_GENIUS', year: YEAR })).body).toMatchObject({ field: 'registration.title' });
    expect((await configure(s.admin, view, { title: 'LEARNING_FAMILY', year: 1990 })).body).toMatchObject({ field: 'registration.year' });
    expect((await configure(s.admin, view, { title: 'LEARNING_FAMILY', year: YEAR, citizenGroup: 'workers' })).body).toMatchObject({ field: 'registration.citizenGroup' });
  });

  it('registers a commune’s thirty households in one go, audited; again, they are skipped', async () => {
    const file = await listFile(HOUSEHOLD_HEADERS, householdRows());
    const view = await check(s.admin, await upload(s.admin, file, commune.id), FAMILY);
    expect(view.summary, JSON.stringify(await issuesOf(s.admin, view.id))).toMatchObject({ rows: 30, create: 30, errors: 0 });
    const preview = (await s.admin.get(`/api/v1/imports/${view.id}/preview`)).body.items;
    expect(preview[1].values).toMatchObject({ name: 'Hộ Nguyễn Văn Bình (002)', place: 'Ấp Phú Hòa' });
    const done = await commit(s.admin, view);
    expect(done.state).toBe('imported');
    expect(done.summary).toMatchObject({ create: 30, skip: 0 });
    const list = await registered('LEARNING_FAMILY', commune.id);
    expect(list.total).toBe(30);
    expect(list.items.every((r: any) => r.state === 'registered' && r.subjectKind === 'household')).toBe(true);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'data_import'), eq(auditLog.entityId, view.id), eq(auditLog.action, 'import')));
    expect(audit.after).toMatchObject({ kind: 'titleRegistration', create: 30, registration: { title: 'LEARNING_FAMILY', year: YEAR } });

    const again = await check(s.admin, await upload(s.admin, file, commune.id), FAMILY);
    expect(again.summary).toMatchObject({ rows: 30, create: 0, skip: 30, errors: 0, warnings: 30 });
    expect((await issuesOf(s.admin, again.id))[0]).toMatchObject({ severity: 'warning', code: 'ALREADY_REGISTERED' });
    expect((await commit(s.admin, again)).summary).toMatchObject({ create: 0, skip: 30 });
    expect((await registered('LEARNING_FAMILY', commune.id)).total).toBe(30);
  });

  it('refuses a list with an unknown CCCD, an ambiguous name and a name outside the unit, and registers no one', async () => {
    const rows = [
      ['Võ Thị Mỹ Linh', null, '062190000111', 'Phòng Quản lý ngân sách'],
      ['Trần Văn Bảy', null, '062199999999', null],
      ['Lê Văn Hải', null, null, null],
    ];
    const view = await check(s.admin, await upload(s.admin, await listFile(['Họ và tên', 'Ngày sinh', 'Số CCCD', 'Đơn vị'], rows), s.rootId), { title: 'LEARNING_CITIZEN', year: YEAR, citizenGroup: 'officials' });
    expect(view.summary).toMatchObject({ rows: 3, create: 1, errors: 2 });
    const issues = await issuesOf(s.admin, view.id);
    expect(issues.map((i) => [i.rowNumber, i.column, i.code])).toEqual([
      [6, 'D', 'SUBJECT_NOT_FOUND'],
      [7, 'B', 'AMBIGUOUS_SUBJECT'],
    ]);
    expect(issues[1].message.vi).toContain('Có 2 người khớp với "Lê Văn Hải"');
    expect(issues[1].message.en).toContain('give the date of birth or the citizen ID');
    const refused = await s.admin.post(`/api/v1/imports/${view.id}/commit`, {});
    expect(refused.status).toBe(422);
    expect((await registered('LEARNING_CITIZEN', s.rootId)).total).toBe(0);

    // In phòng B the head of phòng A's "Lê Văn Hải" is out of reach; phòng B's is found by name alone.
    const mine = await check(s.headB.client, await upload(s.headB.client, await listFile(['Họ và tên', 'Ngày sinh'], [['Lê Văn Hải', null], ['Võ Thị Mỹ Linh', null]]), s.unitB.id), { title: 'LEARNING_CITIZEN', year: YEAR });
    expect((await issuesOf(s.headB.client, mine.id)).map((i) => [i.rowNumber, i.code])).toEqual([[6, 'SUBJECT_NOT_FOUND']]);
  });

  it('a unit head cannot import into another unit, nor read another’s import', async () => {
    const content = await listFile(['Họ và tên'], [['Võ Thị Mỹ Linh']]);
    const other = await s.headB.client.upload('/api/v1/imports', { kind: 'titleRegistration', orgId: s.unitA.id }, { name: 'x.xlsx', content });
    expect(other.status).toBe(404);
    const own = await upload(s.headA.client, content, s.unitA.id);
    expect((await s.headB.client.get(`/api/v1/imports/${own.id}`)).status).toBe(404);
    const member = await s.memberA.client.upload('/api/v1/imports', { kind: 'titleRegistration', orgId: s.unitA.id }, { name: 'x.xlsx', content });
    expect(member.status).toBe(403);
  });

  it('registers units of the Sở as learning units, and refuses a commune listed as one', async () => {
    const rows = [['Phòng Quản lý ngân sách', null], ['P. Tài chính doanh nghiệp', 'đăng ký lần đầu']];
    const view = await check(s.admin, await upload(s.admin, await listFile(['Tên đơn vị', 'Ghi chú'], rows), s.rootId), { title: 'LEARNING_UNIT', year: YEAR });
    expect(view.summary, JSON.stringify(await issuesOf(s.admin, view.id))).toMatchObject({ create: 2, errors: 0 });
    expect((await commit(s.admin, view)).summary).toMatchObject({ create: 2 });
    expect((await registered('LEARNING_UNIT', s.rootId)).items.map((r: any) => r.subjectName).sort()).toEqual(['Phòng Quản lý ngân sách', 'Phòng Tài chính doanh nghiệp']);

    const hamlets = await check(s.admin, await upload(s.admin, await listFile(['Tên đơn vị', 'Ghi chú'], [['Ấp Phú Hòa', null]]), commune.id), { title: 'LEARNING_UNIT', year: YEAR });
    expect((await issuesOf(s.admin, hamlets.id)).map((i) => i.code)).toEqual(['TITLE_DOES_NOT_FIT']);
  });
});
