import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { decodeQrOnPage, hasPoppler, pdfFonts, pdfText } from '../../platform/pdf/pdf-reading.fixture.js';
import { DECISION, HOLDER_NAME, recognisedCitizen } from './certificate.fixture.js';

const poppler = hasPoppler() || process.env.HOCTAP_REQUIRE_ALL_LEGS === '1';

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let held: Awaited<ReturnType<typeof recognisedCitizen>>;

const url = () => `/api/v1/titles/recognitions/${held.recognitionId}/certificate`;
/** The raw PDF bytes of a download (the test client reads non-JSON bodies as text). */
async function download(client: Client, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url: url(), headers: { ...(client.cookie ? { cookie: client.cookie } : {}), ...headers } });
  return { status: res.statusCode, headers: res.headers, pdf: res.rawPayload, json: () => res.json() };
}
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  held = await recognisedCitizen(s);
});
afterAll(() => t?.close());

describe('GET /api/v1/titles/recognitions/:id/certificate', () => {
  it('gives the holder their certificate as a PDF named after them in ASCII', async () => {
    const res = await download(s.memberA.client);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="giay-chung-nhan-cong-dan-hoc-tap-2025-nguyen-van-duc.pdf"');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.skipIf(!poppler)('prints the title, holder, unit, decision and code in Vietnamese, with the fonts embedded', async () => {
    const { pdf } = await download(s.memberA.client);
    const text = oneLine(await pdfText(pdf));
    for (const expected of [
      'SỞ TÀI CHÍNH TỈNH KON TUM',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'GIẤY CHỨNG NHẬN',
      'CÔNG DÂN HỌC TẬP',
      'Năm 2025',
      HOLDER_NAME,
      'Phòng Quản lý ngân sách, Sở Tài chính tỉnh Kon Tum',
      'Đã đạt danh hiệu “Công dân học tập” năm 2025',
      `Theo Quyết định số ${DECISION.number} ngày 15/02/2026 của ${DECISION.issuingBody}`,
      'Kon Tum, ngày 15 tháng 02 năm 2026',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      DECISION.signerName,
      held.code,
    ]) {
      expect(text).toContain(expected);
    }
    // The built-in QĐ 324 set has no validity limit and one passing band: neither line is printed.
    expect(text).not.toContain('có giá trị đến');
    expect(text).not.toContain('Xếp loại');
    expect((await pdfFonts(pdf)).every((f) => f.embedded && f.unicode && f.name.includes('LiberationSerif'))).toBe(true);
  });

  it.skipIf(!poppler)('carries a QR code of the public verification page at the address the request came to', async () => {
    const { pdf } = await download(s.headA.client, { host: 'hoctap.kontum.gov.vn' });
    expect(await decodeQrOnPage(pdf)).toBe(`http://hoctap.kontum.gov.vn/verify/${held.code}`);
  });

  it('audits each download as a generated document: who, when, which recognition', async () => {
    const before = Date.now();
    await download(s.headA.client);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'recognition'), eq(auditLog.entityId, held.recognitionId), eq(auditLog.action, 'generate')));
    const mine = rows.find((r) => r.userId === s.headA.id && r.at.getTime() >= before - 1000);
    expect(mine?.after).toMatchObject({ kind: 'certificate', name: 'giay-chung-nhan-cong-dan-hoc-tap-2025-nguyen-van-duc.pdf', title: 'LEARNING_CITIZEN', year: 2025 });
    expect(rows.some((r) => r.userId === s.memberA.id)).toBe(true);
  });

  it('gives it to the head of the unit (recognition.read) and the administrator', async () => {
    expect((await download(s.headA.client)).status).toBe(200);
    expect((await download(s.admin)).status).toBe(200);
  });

  it("answers 404 to another unit's head, 401 without a login, 404 for an unknown recognition", async () => {
    const other = await download(s.headB.client);
    expect(other.status).toBe(404);
    expect(other.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await download(new Client(t.app))).status).toBe(401);
    const unknown = await s.admin.get('/api/v1/titles/recognitions/00000000-0000-4000-8000-000000000000/certificate');
    expect(unknown.status).toBe(404);
    const malformed = await s.admin.get('/api/v1/titles/recognitions/abc/certificate');
    expect(malformed.status).toBe(400);
  });

  it('is no longer issued once the recognition is revoked', async () => {
    await s.admin.post(`/api/v1/titles/recognitions/${held.recognitionId}/revoke`, { reason: 'Thu hồi theo kết luận thanh tra' });
    const res = await download(s.memberA.client);
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ code: 'RECOGNITION_REVOKED' });
    expect((await download(s.headB.client)).status).toBe(404);
  });
});
