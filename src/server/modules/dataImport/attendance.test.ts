/**
 * The attendance list of one training (danh sách học viên) imported through the wizard: every
 * member listed gets a verified learning record of the training, all or nothing.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';
import { auditLog } from '../../platform/audit/audit.table.js';

const YEAR = 2026;
let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let mandatoryId: string;
const people: Record<string, string> = {};

const TRAINING = {
  kind: 'mandatory_training',
  title: 'Bồi dưỡng kiến thức quản lý tài chính công',
  provider: 'Trường Chính trị tỉnh Kon Tum',
  startsOn: `${YEAR}-05-04`,
  endsOn: `${YEAR}-05-08`,
  hours: 40,
};

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  const add = async (key: string, body: Record<string, unknown>, orgId: string, extra: Record<string, unknown> = {}) => {
    const res = await s.admin.post('/api/v1/people', { ...body, membership: { orgId, category: 'cong_chuc', validFrom: '2020-01-01', ...extra } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    people[key] = res.body.id;
  };
  // Phòng A: Linh (the member's account, has a CCCD), Hải (the head, two "Lê Văn Hải" in the Sở), Khánh (a worker).
  await add('linh', { fullName: 'Võ Thị Mỹ Linh', birthDate: '1990-04-12', citizenId: '062190000111', userId: s.memberA.id }, s.unitA.id, { position: 'Chuyên viên' });
  await add('hai', { fullName: 'Lê Văn Hải', birthDate: '1978-09-05', userId: s.headA.id }, s.unitA.id, { position: 'Trưởng phòng', isLeader: true });
  await add('khanh', { fullName: 'Bùi Văn Khánh', birthDate: '1995-01-20' }, s.unitA.id, { category: 'nguoi_lao_dong' });
  // Phòng B: another Lê Văn Hải.
  await add('hai2', { fullName: 'Lê Văn Hải', birthDate: '1985-11-30' }, s.unitB.id);
  const catalogue = await s.admin.get(`/api/v1/mandatory-trainings?orgId=${s.rootId}`);
  mandatoryId = catalogue.body.items.find((e: { code: string }) => e.code === 'BDBB-CBCCVC').id;
});
afterAll(() => t?.close());

type Row = { name: string; male?: string | Date; female?: string | Date; cccd?: string; unit?: string; hours?: number | string; result?: string; cert?: string; note?: string };

/**
 * A list as a training school sends it: merged title rows, a two-row header ("Ngày sinh" over
 * "Nam | Nữ", the other headers merged down), dates as text and as real dates, a total and signatures.
 */
async function attendanceFile(rows: Row[]) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS học viên');
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = 'TRƯỜNG CHÍNH TRỊ TỈNH KON TUM';
  ws.mergeCells('A2:J2');
  ws.getCell('A2').value = 'DANH SÁCH HỌC VIÊN LỚP BỒI DƯỠNG KIẾN THỨC QUẢN LÝ TÀI CHÍNH CÔNG';
  ws.mergeCells('A3:J3');
  ws.getCell('A3').value = `(Khóa 12, từ ngày 04/5/${YEAR} đến ngày 08/5/${YEAR})`;
  const headers: [string, string][] = [['A', 'STT'], ['B', 'Họ và tên học viên'], ['E', 'Số CCCD/CMND'], ['F', 'Đơn vị công tác'], ['G', 'Số tiết'], ['H', 'Kết quả học tập'], ['I', 'Số GCN'], ['J', 'Ghi chú']];
  for (const [col, text] of headers) {
    ws.mergeCells(`${col}5:${col}6`);
    ws.getCell(`${col}5`).value = text;
  }
  ws.mergeCells('C5:D5');
  ws.getCell('C5').value = 'Ngày sinh';
  ws.getCell('C6').value = 'Nam';
  ws.getCell('D6').value = 'Nữ';
  rows.forEach((r, i) => {
    const n = 7 + i;
    ws.getRow(n).values = [i + 1, r.name, r.male ?? null, r.female ?? null, r.cccd ?? null, r.unit ?? null, r.hours ?? null, r.result ?? null, r.cert ?? null, r.note ?? null] as never;
    for (const c of ['C', 'D']) if (ws.getCell(`${c}${n}`).value instanceof Date) ws.getCell(`${c}${n}`).numFmt = 'dd/mm/yyyy';
  });
  const end = 7 + rows.length;
  ws.mergeCells(`A${end}:B${end}`);
  ws.getCell(`A${end}`).value = `Tổng cộng: ${rows.length} học viên`;
  ws.getCell(`H${end + 2}`).value = `Kon Tum, ngày 08 tháng 5 năm ${YEAR}`;
  ws.getCell(`H${end + 3}`).value = 'HIỆU TRƯỞNG';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const good: Row[] = [
  // NFD name, found by CCCD (a text cell), birth date a real date in the "Nữ" column, hours of the training.
  { name: 'Võ Thị Mỹ Linh'.normalize('NFD'), female: new Date(Date.UTC(1990, 3, 12)), cccd: '062190000111', unit: 'Phòng Quản lý ngân sách', result: 'Giỏi', cert: 'BD-2026/0115' },
  // Name and birth date (text, "Nam" column): two Lê Văn Hải in the Sở. 24 hours of his own.
  { name: 'LÊ VĂN HẢI', male: '05/09/1978', unit: 'P. Quản lý ngân sách', hours: 24, result: 'Hoàn thành', note: 'Vắng 2 buổi' },
  // Name alone, the only one of that name.
  { name: 'Bùi Văn Khánh', unit: 'Phòng Quản lý ngân sách', result: 'Khá' },
];

const runJobs = () => t.services.jobs.drain();

async function upload(client: Client, content: Buffer, orgId = s.rootId) {
  const up = await client.upload('/api/v1/imports', { kind: 'attendance', orgId }, { name: 'danh-sach-hoc-vien.xlsx', content });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  await runJobs();
  return (await client.get(`/api/v1/imports/${up.body.id}`)).body;
}

const mappingOf = (view: any) => Object.fromEntries(view.analysis.columns.filter((c: any) => c.fieldKey).map((c: any) => [String(c.index), c.fieldKey]));

async function check(client: Client, view: any, training: Record<string, unknown> = { ...TRAINING, mandatoryTrainingId: mandatoryId }) {
  const res = await client.request('PUT', `/api/v1/imports/${view.id}/settings`, { sheet: view.analysis.sheet, headerRow: view.analysis.headerRow, mapping: mappingOf(view), duplicates: 'skip', training });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  await runJobs();
  return (await client.get(`/api/v1/imports/${view.id}`)).body;
}

const issuesOf = async (id: string) => (await s.admin.get(`/api/v1/imports/${id}/issues?pageSize=100`)).body.items as any[];
const recordsOfTraining = async () => (await s.admin.get(`/api/v1/learning-records?orgId=${s.rootId}&year=${YEAR}&kind=mandatory_training&pageSize=100`)).body;

describe('attendance import', () => {
  it('finds the header under the title rows and maps the Vietnamese headers, the birth date split by sex', async () => {
    const view = await upload(s.admin, await attendanceFile(good));
    expect(view.state, JSON.stringify(view)).toBe('analysed');
    expect(view.analysis.headerRow).toBe(6);
    expect(view.analysis.firstDataRow).toBe(7);
    const mapped = Object.fromEntries(view.analysis.columns.map((c: any) => [c.letter, c.fieldKey]));
    expect(mapped).toMatchObject({ A: null, B: 'fullName', C: '_birthDateMale', D: '_birthDateFemale', E: 'citizenId', F: 'unit', G: 'hours', H: 'result', I: 'certificateNo', J: 'note' });
    expect(view.analysis.fields.find((f: any) => f.key === 'fullName')).toMatchObject({ required: true, labelVi: 'Họ và tên' });
  });

  it('checks the training field by field, naming the field', async () => {
    const view = await upload(s.admin, await attendanceFile(good));
    const put = (training: unknown) =>
      s.admin.request('PUT', `/api/v1/imports/${view.id}/settings`, { sheet: view.analysis.sheet, headerRow: view.analysis.headerRow, mapping: mappingOf(view), duplicates: 'skip', ...(training ? { training } : {}) });
    expect(await put(null)).toMatchObject({ status: 400, body: { field: 'training' } });
    expect(await put({ ...TRAINING, title: '  ' })).toMatchObject({ status: 400, body: { field: 'training.title' } });
    expect(await put({ ...TRAINING, kind: 'picnic' })).toMatchObject({ status: 400, body: { field: 'training.kind' } });
    expect(await put({ ...TRAINING, endsOn: `${YEAR}-02-30` })).toMatchObject({ status: 400, body: { field: 'training.endsOn' } });
    const backwards = await put({ ...TRAINING, startsOn: `${YEAR}-06-01` });
    expect(backwards).toMatchObject({ status: 400, body: { field: 'training.startsOn' } });
    expect(backwards.body.message.vi).toContain('Ngày bắt đầu');
    expect(await put({ ...TRAINING, hours: -1 })).toMatchObject({ status: 400, body: { field: 'training.hours' } });
    expect(await put({ ...TRAINING, kind: 'foreign_language' })).toMatchObject({ status: 400, body: { field: 'training.language' } });
    expect(await put({ ...TRAINING, mandatoryTrainingId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ status: 400, body: { field: 'training.mandatoryTrainingId' } });
    expect((await s.admin.get(`/api/v1/imports/${view.id}`)).body.state).toBe('analysed');
  });

  it('imports a realistic list: verified records with the right hours, one batch, audited; owed → done', async () => {
    const member = s.memberA.client;
    const before = await member.get(`/api/v1/learning-records/mine?year=${YEAR}`);
    expect(before.body.owed).toMatchObject([{ id: mandatoryId, hoursRequired: 40, hoursDone: 0, done: false }]);
    const summaryBefore = await s.admin.get(`/api/v1/learning-records/summary?orgId=${s.rootId}&year=${YEAR}`);
    const unitA = (body: any) => body.units.find((u: { org: { id: string } }) => u.org.id === s.unitA.id);
    expect(unitA(summaryBefore.body)).toMatchObject({ owing: 2, counts: { mandatoryDone: 0 } });

    const view = await check(s.admin, await upload(s.admin, await attendanceFile(good)));
    expect(view.state, JSON.stringify(view)).toBe('checked');
    expect(view.settings.training).toMatchObject({ ...TRAINING, mandatoryTrainingId: mandatoryId });
    expect(view.summary).toMatchObject({ rows: 3, create: 3, skip: 0, errors: 0 });
    const warnings = await issuesOf(view.id);
    expect(warnings.map((i) => [i.rowNumber, i.code])).toEqual([[9, 'MATCHED_BY_NAME']]);
    const preview = (await s.admin.get(`/api/v1/imports/${view.id}/preview`)).body.items;
    expect(preview.map((r: any) => [r.rowNumber, r.action, r.values.fullName, r.values.birthDate])).toEqual([
      [7, 'create', 'Võ Thị Mỹ Linh', '12/04/1990'],
      [8, 'create', 'Lê Văn Hải', '05/09/1978'],
      [9, 'create', 'Bùi Văn Khánh', null],
    ]);

    expect((await s.admin.post(`/api/v1/imports/${view.id}/commit`)).status).toBe(202);
    await runJobs();
    const done = (await s.admin.get(`/api/v1/imports/${view.id}`)).body;
    expect(done.state, JSON.stringify(done)).toBe('imported');
    expect(done.summary).toMatchObject({ create: 3, update: 0, skip: 0 });

    const records = await recordsOfTraining();
    expect(records.total).toBe(3);
    const byPerson = Object.fromEntries(records.items.map((r: any) => [r.person.id, r]));
    expect(byPerson[people.linh]).toMatchObject({ status: 'verified', hours: 40, result: 'Giỏi', certificateNo: 'BD-2026/0115', batchId: view.id, mandatoryTrainingId: mandatoryId, year: YEAR, org: { id: s.unitA.id } });
    expect(byPerson[people.hai]).toMatchObject({ status: 'verified', hours: 24, result: 'Hoàn thành', batchId: view.id });
    expect(byPerson[people.khanh]).toMatchObject({ status: 'verified', hours: 40, batchId: view.id });
    expect(byPerson[people.hai2]).toBeUndefined();
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'learning_record'), eq(auditLog.action, 'create')));
    expect(audits.filter((a) => (a.after as { batchId?: string }).batchId === view.id)).toHaveLength(3);

    const after = await member.get(`/api/v1/learning-records/mine?year=${YEAR}`);
    expect(after.body.owed).toMatchObject([{ id: mandatoryId, hoursDone: 40, done: true }]);
    expect(after.body.items[0]).toMatchObject({ title: TRAINING.title, status: 'verified', mine: true });
    const summaryAfter = await s.admin.get(`/api/v1/learning-records/summary?orgId=${s.rootId}&year=${YEAR}`);
    expect(unitA(summaryAfter.body)).toMatchObject({ owing: 2, counts: { mandatoryDone: 1 } });
    expect(unitA(summaryAfter.body).shares.mandatoryDone).toBe(0.5);

    // The same list again: everyone already has the record, nothing to import.
    const again = await check(s.admin, await upload(s.admin, await attendanceFile(good)));
    expect(again.summary).toMatchObject({ rows: 3, create: 0, skip: 3, errors: 0 });
    expect((await issuesOf(again.id)).filter((i) => i.code === 'ALREADY_RECORDED')).toHaveLength(3);
  });

  it('an unknown person, an ambiguous name and a person listed twice: every error listed, nothing imported', async () => {
    const before = (await recordsOfTraining()).total;
    const bad: Row[] = [
      { name: 'Bùi Văn Khánh', hours: 8 },
      { name: 'Phan Thanh Tùng', male: '02/02/1988', unit: 'Phòng Quản lý ngân sách' },
      { name: 'Lê Văn Hải', unit: 'Phòng Quản lý ngân sách' },
      { name: 'Bùi Văn Khánh', male: new Date(Date.UTC(1995, 0, 20)) },
      { name: 'Võ Thị Mỹ Linh', cccd: '062190000999' },
      { name: 'Võ Thị Mỹ Linh', hours: 'bốn mươi' },
    ];
    const view = await check(s.admin, await upload(s.admin, await attendanceFile(bad)), { ...TRAINING, title: 'Lớp bồi dưỡng kỹ năng số', kind: 'digital_transformation', mandatoryTrainingId: null });
    expect(view.state).toBe('checked');
    const errors = (await issuesOf(view.id)).filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.rowNumber, i.column, i.code])).toEqual([
      [8, 'B', 'MEMBER_NOT_FOUND'],
      [9, 'B', 'AMBIGUOUS_MEMBER'],
      [10, 'B', 'DUPLICATE_IN_FILE'],
      [11, 'E', 'MEMBER_NOT_FOUND'],
      [12, 'G', 'INVALID_HOURS'],
    ]);
    const [unknown, ambiguous, twice, byId] = errors;
    expect(unknown.message.vi).toBe('Không tìm thấy cán bộ "Phan Thanh Tùng" sinh 02/02/1988 đang công tác trong Sở Tài chính tỉnh Kon Tum');
    expect(unknown.message.en).toContain('Phan Thanh Tùng');
    expect(unknown).toMatchObject({ sheet: 'DS học viên', header: 'Họ và tên học viên', value: 'Phan Thanh Tùng' });
    expect(ambiguous.message.vi).toBe('Có 2 người cùng tên "Lê Văn Hải" trong Sở Tài chính tỉnh Kon Tum; hãy ghi ngày sinh hoặc số CCCD');
    expect(twice.message.vi).toContain('dòng 7');
    expect(byId.message.vi).toContain('062190000999');
    expect(view.summary.errors).toBe(5);
    expect(view.errorFileId).toBeTruthy();

    expect((await s.admin.post(`/api/v1/imports/${view.id}/commit`)).status).toBe(422);
    expect((await recordsOfTraining()).total).toBe(before);
    expect((await s.admin.get(`/api/v1/learning-records?orgId=${s.rootId}&kind=digital_transformation`)).body.total).toBe(0);
  });

  it('only those who record learning for the unit import into it: not a unit head, not another unit’s', async () => {
    const content = await attendanceFile(good);
    const other = await s.headB.client.upload('/api/v1/imports', { kind: 'attendance', orgId: s.unitA.id }, { name: 'x.xlsx', content });
    expect(other.status).toBe(404);
    const head = await s.headA.client.upload('/api/v1/imports', { kind: 'attendance', orgId: s.unitA.id }, { name: 'x.xlsx', content });
    expect(head.status).toBe(403);
    const mine = (await s.admin.get('/api/v1/imports')).body.items[0];
    expect(mine.kind).toBe('attendance');
    expect((await s.headA.client.get(`/api/v1/imports/${mine.id}`)).status).toBe(404);
  });

  it('members of another unit are not found in a unit’s import', async () => {
    const view = await check(s.admin, await upload(s.admin, await attendanceFile([{ name: 'Lê Văn Hải', male: '30/11/1985' }]), s.unitA.id));
    const [issue] = (await issuesOf(view.id)).filter((i) => i.severity === 'error');
    expect(issue).toMatchObject({ rowNumber: 7, code: 'MEMBER_NOT_FOUND' });
    expect(issue.message.vi).toContain('Phòng Quản lý ngân sách');
  });

  it('offers a template the wizard reads back', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/imports/templates/attendance', headers: { cookie: s.admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('mau-danh-sach-hoc-vien.xlsx');
    const view = await upload(s.admin, res.rawPayload);
    expect(view.analysis.headerRow).toBe(3);
    expect(view.analysis.columns.map((c: any) => c.fieldKey)).toEqual([null, 'fullName', 'birthDate', 'citizenId', 'unit', 'hours', 'result', 'certificateNo', 'note']);
  });
});
