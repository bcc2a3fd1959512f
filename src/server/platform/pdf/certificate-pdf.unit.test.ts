/**
 * The certificate PDF read back by poppler: Vietnamese text exactly as given, Liberation Serif
 * embedded with its Unicode map, one A4 landscape page, and a QR code that decodes to the
 * verification address. Page 1 is drawn to test-results/documents/certificate.png for a look.
 * Skipped without poppler-utils, unless HOCTAP_REQUIRE_ALL_LEGS=1 (CI installs it).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCertificatePdf, type CertificateContent } from './certificate-pdf.js';
import { decodeQrOnPage, hasPoppler, pdfFonts, pdfPageSizes, pdfText, pdfToPng } from './pdf-reading.fixture.js';
import { qrMatrix } from './qr.js';

const required = process.env.HOCTAP_REQUIRE_ALL_LEGS === '1';
const poppler = hasPoppler();
if (!poppler && !required) console.log('PDF check SKIPPED: pdftotext not found (install the Debian package poppler-utils)');

const CODE = 'K7QJ3M2XWZ4TBN6RPA5DHVYC2E';
const SAMPLE_CERTIFICATE: CertificateContent = {
  issuingBody: 'Ủy ban nhân dân xã Tân Phú',
  titleName: 'Công dân học tập',
  outcome: null,
  year: 2025,
  holderName: 'Nguyễn Văn Đức',
  holderDetail: 'Ấp Phú Hòa, Xã Tân Phú',
  statement: 'Đã đạt danh hiệu “Công dân học tập” năm 2025',
  decisionLine: 'Theo Quyết định số 12/QĐ-UBND ngày 15/02/2026 của Ủy ban nhân dân xã Tân Phú',
  validityLine: 'Giấy chứng nhận có giá trị đến hết ngày 14/02/2029.',
  placeDate: 'Tân Phú, ngày 15 tháng 02 năm 2026',
  signerPosition: 'KT. Chủ tịch\nPhó Chủ tịch',
  signerName: 'Trần Thị Hồng Nhung',
  verifyUrl: `https://hoctap.tanphu.gov.vn/verify/${CODE}`,
  code: CODE,
  documentTitle: 'Giấy chứng nhận Công dân học tập năm 2025 - Nguyễn Văn Đức',
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('qrMatrix', () => {
  it('encodes a verification address in a small symbol', () => {
    const m = qrMatrix(SAMPLE_CERTIFICATE.verifyUrl);
    expect(m.size).toBeGreaterThanOrEqual(21);
    expect(m.size).toBeLessThanOrEqual(41);
    // The three finder patterns' corners are dark.
    expect([m.dark(0, 0), m.dark(0, m.size - 1), m.dark(m.size - 1, 0)]).toEqual([true, true, true]);
  });
});

describe.skipIf(!poppler && !required)('renderCertificatePdf', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderCertificatePdf(SAMPLE_CERTIFICATE);
    const dir = path.resolve('test-results/documents');
    await mkdir(dir, { recursive: true });
    await pdfToPng(pdf, path.join(dir, 'certificate.png'));
  });

  it('is one A4 landscape page', async () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfPageSizes(pdf)).toEqual(['841.89 x 595.28']);
  });

  it('gives back every Vietnamese text exactly', async () => {
    const text = oneLine(await pdfText(pdf));
    for (const expected of [
      'ỦY BAN NHÂN DÂN XÃ TÂN PHÚ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY CHỨNG NHẬN',
      'CÔNG DÂN HỌC TẬP',
      'Năm 2025',
      'Nguyễn Văn Đức',
      'Ấp Phú Hòa, Xã Tân Phú',
      'Đã đạt danh hiệu “Công dân học tập” năm 2025',
      'Theo Quyết định số 12/QĐ-UBND ngày 15/02/2026 của Ủy ban nhân dân xã Tân Phú',
      'Giấy chứng nhận có giá trị đến hết ngày 14/02/2029.',
      'Tân Phú, ngày 15 tháng 02 năm 2026',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Trần Thị Hồng Nhung',
      CODE,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds Liberation Serif (regular, bold, italic) with a Unicode map, and no other font', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-Italic']);
    expect(fonts.every((f) => f.embedded && f.unicode)).toBe(true);
  });

  it('carries a QR code of the verification address', async () => {
    expect(await decodeQrOnPage(pdf)).toBe(SAMPLE_CERTIFICATE.verifyUrl);
  });

  it('fits a long name and a two-line issuing body on the page', async () => {
    const long = await renderCertificatePdf({
      ...SAMPLE_CERTIFICATE,
      issuingBody: 'Ủy ban nhân dân tỉnh Kon Tum\nSở Giáo dục và Đào tạo',
      titleName: 'Đơn vị học tập',
      outcome: 'Mức độ 2',
      holderName: 'Trường Trung học phổ thông chuyên Nguyễn Tất Thành thành phố Kon Tum tỉnh Kon Tum',
    });
    expect(await pdfPageSizes(long)).toHaveLength(1);
    const text = oneLine(await pdfText(long));
    expect(text).toContain('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(text).toContain('ĐƠN VỊ HỌC TẬP');
    expect(text).toContain('Mức độ 2');
    expect(text).toContain('Trường Trung học phổ thông chuyên Nguyễn Tất Thành thành phố Kon Tum tỉnh Kon Tum');
  });
});
