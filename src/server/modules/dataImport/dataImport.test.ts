import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';
import { encodeLegacy } from '../../platform/excel/legacy-encoding.js';
import { ROLE_ACTIONS, type Action } from '../../platform/policy.js';
import type { RoleCode } from '../../../shared/roles.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
});
afterAll(() => t?.close());

type Row = (string | number | Date | null)[];
const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại', 'Đơn vị', 'Chức vụ', 'Trình độ chuyên môn', 'Ngoại ngữ'];

/** A staff list as offices keep it: merged title rows, a blank row, the header, data, a total. */
async function staffFile(rows: Row[], opts: { encoding?: 'tcvn3' | 'vni' } = {}) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  const enc = (v: unknown) => (typeof v === 'string' && opts.encoding ? encodeLegacy(v, opts.encoding) : v);
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = enc('SỞ TÀI CHÍNH TỈNH KON TUM') as string;
  ws.mergeCells('A2:J2');
  ws.getCell('A2').value = enc('DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2026') as string;
  ws.getRow(4).values = HEADER.map(enc) as string[];
  rows.forEach((r, i) => {
    ws.getRow(5 + i).values = [i + 1, ...r.map(enc)] as never;
    const date = ws.getCell(5 + i, 3);
    if (date.value instanceof Date) date.numFmt = 'dd/mm/yyyy';
  });
  ws.getRow(5 + rows.length + 1).values = [enc(`Tổng cộng: ${rows.length} người`) as string];
  if (opts.encoding) ws.eachRow((row) => row.eachCell((c) => (c.font = { name: opts.encoding === 'tcvn3' ? '.VnTime' : 'VNI-Times' })));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const good: Row[] = [
  ['Nguyễn Văn Đức', new Date(Date.UTC(1980, 2, 15)), 'Nam', '062080000123', 912345678, 'Phòng Quản lý ngân sách', 'Trưởng phòng', 'Thạc sĩ', 'Tiếng Anh B1'],
  ['Trần Thị Hồng'.normalize('NFD'), '01/07/1990', 'Nữ', '062190000456', '0987654321', 'Phòng Tài chính doanh nghiệp', 'Chuyên viên', 'Đại học', 'Anh B'],
  ['  Lê   Thị Ngọc Ánh ', '31/12/1995', 'nữ', '', '0912 000 111', 'P. Quản lý ngân sách', 'Chuyên viên', 'ĐH', ''],
];

async function runJobs() {
  await t.services.jobs.drain();
}

async function importFile(client: Client, content: Buffer, orgId = s.rootId) {
  const up = await client.upload('/api/v1/imports', { kind: 'staff', orgId }, { name: 'danh-sach.xlsx', content });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  await runJobs();
  const analysed = await client.get(`/api/v1/imports/${up.body.id}`);
  return analysed.body;
}

async function check(client: Client, view: any, duplicates = 'update') {
  const mapping = Object.fromEntries(view.analysis.columns.filter((c: any) => c.fieldKey && !c.fieldKey.startsWith('_')).map((c: any) => [String(c.index), c.fieldKey]));
  const res = await client.request('PUT', `/api/v1/imports/${view.id}/settings`, { sheet: view.analysis.sheet, headerRow: view.analysis.headerRow, mapping, duplicates });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  await runJobs();
  return (await client.get(`/api/v1/imports/${view.id}`)).body;
}

describe('staff import', () => {
  it('analyses a messy file: title rows skipped, header found, columns mapped from Vietnamese headers', async () => {
    const view = await importFile(s.admin, await staffFile(good));
    expect(view.state).toBe('analysed');
    expect(view.analysis.headerRow).toBe(4);
    expect(view.analysis.encoding).toBe('unicode');
    const mapped = Object.fromEntries(view.analysis.columns.map((c: any) => [c.letter, c.fieldKey]));
    expect(mapped).toMatchObject({ B: 'fullName', C: 'birthDate', D: 'sex', E: 'citizenId', F: 'phone', G: 'unit', H: 'position', I: 'qualification', J: 'foreignLanguage' });
    expect(view.analysis.columns.find((c: any) => c.letter === 'B').samples[1]).toBe('Trần Thị Hồng');
  });

  it('checks every row, previews them, imports all in one go, and re-importing updates instead of duplicating', async () => {
    const view = await check(s.admin, await importFile(s.admin, await staffFile(good)));
    expect(view.state).toBe('checked');
    expect(view.summary).toMatchObject({ rows: 3, create: 3, update: 0, errors: 0 });
    const preview = (await s.admin.get(`/api/v1/imports/${view.id}/preview`)).body.items;
    expect(preview.map((r: any) => [r.rowNumber, r.values.fullName, r.values.birthDate])).toEqual([
      [5, 'Nguyễn Văn Đức', '15/03/1980'],
      [6, 'Trần Thị Hồng', '01/07/1990'],
      [7, 'Lê Thị Ngọc Ánh', '31/12/1995'],
    ]);
    expect((await s.admin.post(`/api/v1/imports/${view.id}/commit`)).status).toBe(202);
    await runJobs();
    const done = (await s.admin.get(`/api/v1/imports/${view.id}`)).body;
    expect(done.state, JSON.stringify(done)).toBe('imported');
    expect(done.summary).toMatchObject({ create: 3, update: 0 });

    const duc = (await s.admin.get('/api/v1/people?kind=staff&q=nguyen van duc')).body.items[0];
    expect(duc).toMatchObject({ fullName: 'Nguyễn Văn Đức', birthDate: '1980-03-15', phone: '0912345678', position: 'Trưởng phòng', org: { name: 'Phòng Quản lý ngân sách' } });
    const detail = (await s.admin.get(`/api/v1/people/${duc.id}`)).body;
    expect(detail.qualification).toBe('thac_si');
    expect(detail.languages).toEqual([{ language: 'en', kind: 'foreign', certificate: 'B1', level: 3 }]);
    expect((await s.admin.get('/api/v1/people?kind=staff&q=ngoc anh')).body.items[0].org.name).toBe('Phòng Quản lý ngân sách');

    const again = await check(s.admin, await importFile(s.admin, await staffFile(good)));
    expect(again.summary).toMatchObject({ rows: 3, create: 0, update: 3 });
    await s.admin.post(`/api/v1/imports/${again.id}/commit`);
    await runJobs();
    expect((await s.admin.get(`/api/v1/people?kind=staff&orgId=${s.rootId}`)).body.total).toBe(3);
    const audit = await s.admin.get('/api/v1/audit?entity=person&action=import_update');
    expect(audit.body.items.length).toBe(3);
  });

  it('lists every error at once with row and column, imports nothing, and marks the cells in a copy of the file', async () => {
    const bad: Row[] = [
      ['Phạm Minh Tuấn', '31/02/1985', 'Nam', '062085000999', '0912345670', 'Phòng Quản lý ngân sách', 'Chuyên viên', 'Đại học', ''],
      ['Võ Thị Mai', '12/05/1988', 'Nữ', '062188000777', '12345', 'Phòng Không Có', 'Chuyên viên', 'Đại học', ''],
      ['Đỗ Văn Bình', '03/03/1983', 'Nam', '062188000777', '0912345671', 'Phòng Quản lý ngân sách', 'Chuyên viên', 'Đại học', ''],
    ];
    const before = (await s.admin.get(`/api/v1/people?kind=staff&orgId=${s.rootId}`)).body.total;
    const view = await check(s.admin, await importFile(s.admin, await staffFile(bad)));
    expect(view.summary.errors).toBeGreaterThanOrEqual(4);
    const issues = (await s.admin.get(`/api/v1/imports/${view.id}/issues?pageSize=100`)).body.items.filter((i: any) => i.severity === 'error');
    const where = issues.map((i: any) => `${i.rowNumber}${i.column}`);
    expect(where).toEqual(expect.arrayContaining(['5C', '6F', '6G', '7E']));
    expect(issues.filter((i: any) => i.rowNumber === 5 && i.column === 'C')).toHaveLength(1); // unreadable, not also "missing"
    const date = issues.find((i: any) => i.rowNumber === 5 && i.column === 'C');
    expect(date.message.vi).toContain('31/02/1985');
    expect(date.header).toBe('Ngày sinh');
    expect(date.message.en.length).toBeGreaterThan(5);
    expect(issues.find((i: any) => i.rowNumber === 7).message.vi).toContain('dòng 6');

    expect((await s.admin.post(`/api/v1/imports/${view.id}/commit`)).status).toBe(422);
    expect((await s.admin.get(`/api/v1/people?kind=staff&orgId=${s.rootId}`)).body.total).toBe(before);

    const file = await t.app.inject({ method: 'GET', url: `/api/v1/files/${view.errorFileId}`, headers: { cookie: s.admin.cookie } });
    expect(file.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Danh sách')!;
    expect(ws.getCell('A2').value).toBe('DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2026');
    expect((ws.getCell('C5').fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(ws.getCell('C5').note)).toContain('31/02/1985');
    expect(String(ws.getCell(6, 11).value)).toContain('Phòng Không Có');
  });

  it('converts a TCVN3 file to Unicode before anything is saved', async () => {
    const legacy: Row[] = [['Hoàng Thị Thu Hương', '20/10/1979', 'Nữ', '062179000555', '0905123456', 'Phòng Quản lý ngân sách', 'Phó Trưởng phòng', 'Đại học', 'Tiếng Anh B2']];
    const view = await importFile(s.admin, await staffFile(legacy, { encoding: 'tcvn3' }));
    expect(view.analysis.encoding).toBe('tcvn3');
    expect(view.analysis.columns.find((c: any) => c.fieldKey === 'fullName').samples[0]).toBe('Hoàng Thị Thu Hương');
    const checked = await check(s.admin, view);
    expect(checked.summary).toMatchObject({ create: 1, errors: 0 });
    await s.admin.post(`/api/v1/imports/${view.id}/commit`);
    await runJobs();
    expect((await s.admin.get('/api/v1/people?kind=staff&q=hoang thi thu huong')).body.items[0].position).toBe('Phó Trưởng phòng');
  });

  it('a unit head cannot import, and nobody sees another user’s import', async () => {
    const up = await s.headA.client.upload('/api/v1/imports', { kind: 'staff', orgId: s.unitA.id }, { name: 'x.xlsx', content: await staffFile(good) });
    expect(up.status).toBe(403);
    const mine = (await s.admin.get('/api/v1/imports')).body.items[0];
    expect((await s.headA.client.get(`/api/v1/imports/${mine.id}`)).status).toBe(404);
    const notExcel = await s.admin.upload('/api/v1/imports', { kind: 'staff', orgId: s.rootId }, { name: 'x.xlsx', content: Buffer.from('Họ và tên;Ngày sinh') });
    expect([notExcel.status, notExcel.body.field]).toEqual([400, 'file']);
  });

  it('offers a template with Vietnamese headers that the wizard reads back', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/imports/templates/staff', headers: { cookie: s.admin.cookie } });
    expect(res.statusCode).toBe(200);
    const view = await importFile(s.admin, res.rawPayload);
    expect(view.analysis.headerRow).toBe(3);
    const keys = view.analysis.columns.map((c: any) => c.fieldKey);
    expect(keys).toEqual(expect.arrayContaining(['fullName', 'birthDate', 'sex', 'citizenId', 'unit', 'category', 'rank', 'qualification']));
  });
});

describe('organisation units import', () => {
  async function unitsFile(rows: (string | null)[][]) {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.getRow(1).values = ['TRUNG TÂM Y TẾ HUYỆN GIANG THÀNH'];
    ws.getRow(3).values = ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Trực thuộc', 'Mã'];
    rows.forEach((r, i) => (ws.getRow(4 + i).values = [i + 1, ...r]));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('creates units under parents named in the file or already in the tree, checking kinds', async () => {
    const file = await unitsFile([
      ['Phòng Kế hoạch – Tài chính', 'Phòng', '', 'KHTC'],
      ['Tổ Tổng hợp', 'Tổ', 'Phòng Kế hoạch – Tài chính', null],
      ['Tổ Kiểm tra', 'Tổ', 'Phòng Quản lý ngân sách', null],
    ]);
    const up = await s.admin.upload('/api/v1/imports', { kind: 'orgs', orgId: s.rootId }, { name: 'don-vi.xlsx', content: file });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    await runJobs();
    const view = (await s.admin.get(`/api/v1/imports/${up.body.id}`)).body;
    expect(view.analysis.columns.map((c: any) => c.fieldKey)).toEqual([null, 'name', 'kind', 'parent', 'code']);
    const checked = await check(s.admin, view);
    expect(checked.summary, JSON.stringify(checked.summary)).toMatchObject({ create: 3, errors: 0 });
    await s.admin.post(`/api/v1/imports/${view.id}/commit`);
    await runJobs();
    const top = (await s.admin.get(`/api/v1/orgs?parentId=${s.rootId}`)).body.items.find((o: any) => o.name === 'Phòng Kế hoạch – Tài chính');
    expect(top).toMatchObject({ code: 'KHTC', kindCode: 'department', childCount: 1 });
    expect((await s.admin.get(`/api/v1/orgs?parentId=${s.unitA.id}`)).body.items.map((o: any) => o.name)).toContain('Tổ Kiểm tra');

    const bad = await unitsFile([['Ấp Mới', 'Ấp', '', null], ['Tổ Lạ', 'Tổ', 'Phòng Không Có', null]]);
    const again = await s.admin.upload('/api/v1/imports', { kind: 'orgs', orgId: s.rootId }, { name: 'sai.xlsx', content: bad });
    await runJobs();
    const failed = await check(s.admin, (await s.admin.get(`/api/v1/imports/${again.body.id}`)).body);
    const issues = (await s.admin.get(`/api/v1/imports/${again.body.id}/issues`)).body.items;
    expect(failed.summary.errors).toBe(2);
    expect(issues.map((i: any) => [i.rowNumber, i.column, i.code])).toEqual([
      [4, 'C', 'KIND_NOT_ALLOWED_UNDER_PARENT'],
      [5, 'D', 'UNKNOWN_PARENT'],
    ]);
    expect((await s.headA.client.upload('/api/v1/imports', { kind: 'orgs', orgId: s.unitA.id }, { name: 'x.xlsx', content: file })).status).toBe(403);
  });
});

describe('emulation titles in a staff list', () => {
  async function titlesFile(titles: string[]) {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thi đua');
    ws.getRow(1).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Đơn vị', 'Danh hiệu thi đua'];
    const people = [
      ['Đinh Văn Khánh', '05/05/1981', '062081000321'],
      ['Mai Thị Lan', '06/06/1986', '062186000654'],
    ];
    titles.forEach((title, i) => (ws.getRow(2 + i).values = [i + 1, ...people[i], 'Phòng Quản lý ngân sách', title]));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('records last year’s individual titles from the list; an unknown title is an error on its cell', async () => {
    const wrong = await check(s.admin, await importFile(s.admin, await titlesFile(['Lao động tiên tiến', 'Giỏi'])));
    const issue = (await s.admin.get(`/api/v1/imports/${wrong.id}/issues`)).body.items.find((i: any) => i.severity === 'error');
    expect([issue.rowNumber, issue.column, issue.code]).toEqual([3, 'F', 'UNKNOWN_TITLE']);

    const view = await check(s.admin, await importFile(s.admin, await titlesFile(['Lao động tiên tiến', 'CSTĐ cơ sở'])));
    expect(view.settings.emulationYear).toBe(Number(new Date().toISOString().slice(0, 4)) - 1);
    await s.admin.post(`/api/v1/imports/${view.id}/commit`);
    await runJobs();
    expect((await s.admin.get(`/api/v1/imports/${view.id}`)).body.state).toBe('imported');
    const lan = (await s.admin.get('/api/v1/people?kind=staff&q=mai thi lan')).body.items[0];
    expect((await s.admin.get(`/api/v1/people/${lan.id}`)).body.emulation).toEqual([{ year: view.settings.emulationYear, titleCode: 'CSTD_CO_SO', discipline: null, note: null }]);
  });
});

/**
 * Each kind asks for its own permission on the receiving unit: attendance lists `learning.manage`,
 * staff and residents `person.manage`. No built-in role holds the first without the second, so
 * this file's process gives the viewer role learning rights only (restored afterwards).
 */
describe('who may import what: learning.manage without person.manage', () => {
  const roles = ROLE_ACTIONS as Record<RoleCode, readonly Action[]>;
  const viewerActions = roles.viewer;
  let learning: Client;

  beforeAll(async () => {
    roles.viewer = ['org.read', 'learning.read', 'learning.manage'];
    const created = await s.admin.post('/api/v1/users', { login: 'hoctap.phongA', displayName: 'Phan Thị Thu', homeOrgId: s.unitA.id, password: 'TamThoi2026x' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await s.admin.post(`/api/v1/users/${created.body.id}/grants`, { orgId: s.unitA.id, role: 'viewer' })).status).toBe(201);
    learning = await new Client(t.app).login('hoctap.phongA', 'TamThoi2026x');
    await learning.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'MoiDoi2026x', newPasswordConfirm: 'MoiDoi2026x' });
    const person = await s.admin.post('/api/v1/people', { fullName: 'Hồ Văn Tâm', birthDate: '1991-02-03', membership: { orgId: s.unitA.id, category: 'cong_chuc', validFrom: '2020-01-01' } });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
  });
  afterAll(() => {
    roles.viewer = viewerActions;
  });

  async function attendanceFile() {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS học viên');
    ws.getRow(1).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị công tác', 'Số tiết'];
    ws.getRow(2).values = [1, 'Hồ Văn Tâm', '03/02/1991', 'Phòng Quản lý ngân sách', 16];
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('runs an attendance import into its unit, from upload to the verified records', async () => {
    expect((await learning.get('/api/v1/auth/me')).body.user.permissions).toEqual(['org.read', 'learning.read', 'learning.manage']);
    const up = await learning.upload('/api/v1/imports', { kind: 'attendance', orgId: s.unitA.id }, { name: 'danh-sach-hoc-vien.xlsx', content: await attendanceFile() });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    await runJobs();
    const view = (await learning.get(`/api/v1/imports/${up.body.id}`)).body;
    const mapping = Object.fromEntries(view.analysis.columns.filter((c: any) => c.fieldKey).map((c: any) => [String(c.index), c.fieldKey]));
    const training = { kind: 'course', title: 'Kỹ năng soạn thảo văn bản hành chính', endsOn: '2026-04-10', hours: 16 };
    const settings = await learning.put(`/api/v1/imports/${view.id}/settings`, { sheet: view.analysis.sheet, headerRow: view.analysis.headerRow, mapping, duplicates: 'skip', training });
    expect(settings.status, JSON.stringify(settings.body)).toBe(202);
    await runJobs();
    const checked = (await learning.get(`/api/v1/imports/${view.id}`)).body;
    expect(checked.summary).toMatchObject({ rows: 1, create: 1, errors: 0 });
    expect((await learning.post(`/api/v1/imports/${view.id}/commit`)).status).toBe(202);
    await runJobs();
    expect((await learning.get(`/api/v1/imports/${view.id}`)).body.state).toBe('imported');
    expect((await learning.get('/api/v1/imports')).body.items.map((i: any) => i.kind)).toEqual(['attendance']);
    const records = (await learning.get(`/api/v1/learning-records?orgId=${s.unitA.id}&q=ho van tam`)).body;
    expect(records.items).toMatchObject([{ title: training.title, status: 'verified', hours: 16, batchId: view.id }]);
  });

  it('cannot run a people import, nor one into a unit outside its grant', async () => {
    const staff = await learning.upload('/api/v1/imports', { kind: 'staff', orgId: s.unitA.id }, { name: 'x.xlsx', content: await staffFile(good) });
    expect(staff.status).toBe(403);
    const residents = await learning.upload('/api/v1/imports', { kind: 'residents', orgId: s.unitA.id }, { name: 'x.xlsx', content: await staffFile(good) });
    expect(residents.status).toBe(403);
    const elsewhere = await learning.upload('/api/v1/imports', { kind: 'attendance', orgId: s.unitB.id }, { name: 'x.xlsx', content: await attendanceFile() });
    expect(elsewhere.status).toBe(404);
  });
});
