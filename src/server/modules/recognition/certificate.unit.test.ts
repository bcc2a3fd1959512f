import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_CODE,
  certificateContent,
  certificateFileName,
  mayReadCertificate,
  outcomeLine,
  publicVerification,
  verificationStatus,
  verifyUrlOf,
  type CertificateRecord,
} from './certificate.js';
import { certificateCode } from './recognition.service.js';

const record: CertificateRecord = {
  id: '3f1c2a7e-0000-4000-8000-000000000001',
  code: 'K7QJ3M2XWZ4TBN6RPA5DHVYC2E',
  title: 'LEARNING_UNIT',
  year: 2025,
  subjectKind: 'org',
  holderName: 'Trường Tiểu học Kim Đồng',
  holderUserId: null,
  orgId: '3f1c2a7e-0000-4000-8000-000000000002',
  casePath: '/p/x/s/',
  decisionOrgPath: '/p/x/',
  outcome: { code: 'L2', kind: 'level', name: { vi: 'Mức độ 2', en: 'Level 2' } },
  gradedBands: false,
  validFrom: '2026-02-15',
  validUntil: '2029-02-14',
  revokedAt: null,
  decision: { number: '45/QĐ-UBND', signedOn: '2026-02-15', issuingBody: 'Ủy ban nhân dân xã Tân Phú', signerName: 'Lê Văn Tám', signerPosition: 'Chủ tịch' },
  holderUnits: ['Xã Tân Phú', 'Tỉnh Đồng Nai'],
  decisionUnits: ['Xã Tân Phú', 'Tỉnh Đồng Nai'],
};

describe('certificateContent', () => {
  it('words every line of the certificate, the QR code leading to the public page of the code', () => {
    expect(certificateContent(record, 'https://hoctap.dongnai.gov.vn/')).toEqual({
      issuingBody: 'Ủy ban nhân dân xã Tân Phú',
      titleName: 'Đơn vị học tập',
      outcome: 'Mức độ 2',
      year: 2025,
      holderName: 'Trường Tiểu học Kim Đồng',
      holderDetail: 'Xã Tân Phú, Tỉnh Đồng Nai',
      statement: 'Đã đạt danh hiệu “Đơn vị học tập” năm 2025',
      decisionLine: 'Theo Quyết định số 45/QĐ-UBND ngày 15/02/2026 của Ủy ban nhân dân xã Tân Phú',
      validityLine: 'Giấy chứng nhận có giá trị đến hết ngày 14/02/2029.',
      placeDate: 'Tân Phú, ngày 15 tháng 02 năm 2026',
      signerPosition: 'Chủ tịch',
      signerName: 'Lê Văn Tám',
      verifyUrl: 'https://hoctap.dongnai.gov.vn/verify/K7QJ3M2XWZ4TBN6RPA5DHVYC2E',
      code: 'K7QJ3M2XWZ4TBN6RPA5DHVYC2E',
      documentTitle: 'Giấy chứng nhận Đơn vị học tập năm 2025 - Trường Tiểu học Kim Đồng',
    });
  });

  it('takes the province as the place when no commune is named; no validity line without a limit', () => {
    const c = certificateContent({ ...record, validUntil: null, decisionUnits: ['Sở Tài chính tỉnh Kon Tum'], holderUnits: [] }, 'http://127.0.0.1:3000');
    expect(c.placeDate).toBe('Kon Tum, ngày 15 tháng 02 năm 2026');
    expect(c.validityLine).toBeNull();
    expect(c.holderDetail).toBeNull();
    expect(c.verifyUrl).toBe('http://127.0.0.1:3000/verify/K7QJ3M2XWZ4TBN6RPA5DHVYC2E');
  });

  it('names the signing body (the last line) in the decision line of a two-line issuing body', () => {
    const c = certificateContent({ ...record, decision: { ...record.decision, issuingBody: 'Ủy ban nhân dân tỉnh Đồng Nai\nSở Giáo dục và Đào tạo' } }, 'http://x');
    expect(c.issuingBody).toBe('Ủy ban nhân dân tỉnh Đồng Nai\nSở Giáo dục và Đào tạo');
    expect(c.decisionLine).toBe('Theo Quyết định số 45/QĐ-UBND ngày 15/02/2026 của Sở Giáo dục và Đào tạo');
  });

  it('writes the date alone when no place can be named', () => {
    expect(certificateContent({ ...record, decisionUnits: ['Hội Khuyến học'], holderUnits: [] }, 'http://x').placeDate).toBe('Ngày 15 tháng 02 năm 2026');
  });
});

describe('outcomeLine', () => {
  it('prints a level, a band among several, nothing for a plain pass', () => {
    expect(outcomeLine(record)).toBe('Mức độ 2');
    expect(outcomeLine({ outcome: { code: 'TOT', kind: 'band', name: { vi: 'Tốt', en: 'Good' } }, gradedBands: true })).toBe('Xếp loại: Tốt');
    expect(outcomeLine({ outcome: { code: 'DAT', kind: 'band', name: { vi: 'Đạt', en: 'Achieved' } }, gradedBands: false })).toBeNull();
    expect(outcomeLine({ outcome: null, gradedBands: true })).toBeNull();
  });
});

describe('verificationStatus', () => {
  it('is valid through the last day, expired after it, revoked whatever the dates', () => {
    expect(verificationStatus({ revokedAt: null, validUntil: '2029-02-14' }, '2029-02-14')).toBe('valid');
    expect(verificationStatus({ revokedAt: null, validUntil: '2029-02-14' }, '2029-02-15')).toBe('expired');
    expect(verificationStatus({ revokedAt: null, validUntil: null }, '2099-01-01')).toBe('valid');
    expect(verificationStatus({ revokedAt: new Date('2026-03-01T02:00:00Z'), validUntil: '2029-02-14' }, '2026-03-01')).toBe('revoked');
  });
});

describe('publicVerification', () => {
  it('keeps to the contract: no unit, no ids, no reason', () => {
    const v = publicVerification({ ...record, revokedAt: new Date('2026-03-01T02:00:00Z') }, '2026-03-02');
    expect(Object.keys(v).sort()).toEqual(['decision', 'holderName', 'outcome', 'revokeReason', 'revokedAt', 'status', 'title', 'validUntil', 'year']);
    expect(v).toMatchObject({ status: 'revoked', revokedAt: '2026-03-01T02:00:00.000Z', revokeReason: null, outcome: { code: 'L2', name: { vi: 'Mức độ 2', en: 'Level 2' } } });
    expect(JSON.stringify(v)).not.toMatch(/Xã Tân Phú, Tỉnh|3f1c2a7e|Lê Văn Tám/);
  });
});

describe('certificate codes and names', () => {
  it('recognises the codes the service issues and nothing else', () => {
    for (let i = 0; i < 50; i++) expect(certificateCode()).toMatch(CERTIFICATE_CODE);
    for (const bad of ['K7QJ3M2XWZ4TBN6RPA5DHVYC2', 'K7QJ3M2XWZ4TBN6RPA5DHVYC2E1', 'k7qj3m2xwz4tbn6rpa5dhvyc2e', 'K7QJ3M2XWZ4TBN6RPA5DHVYC10']) {
      expect(bad).not.toMatch(CERTIFICATE_CODE);
    }
  });

  it('names the file in ASCII after the title, year and holder', () => {
    expect(certificateFileName({ title: 'LEARNING_CITIZEN', year: 2025, holderName: 'Đặng Thị Ngọc Ánh' })).toBe('giay-chung-nhan-cong-dan-hoc-tap-2025-dang-thi-ngoc-anh.pdf');
    expect(certificateFileName({ title: 'LEARNING_FAMILY', year: 2024, holderName: 'Hộ Y Bih Êban (003)' })).toBe('giay-chung-nhan-gia-dinh-hoc-tap-2024-ho-y-bih-eban-003.pdf');
  });

  it('joins the public address and the code with one slash', () => {
    expect(verifyUrlOf('https://a.vn//', 'X')).toBe('https://a.vn/verify/X');
  });
});

describe('mayReadCertificate', () => {
  const grant = (orgPath: string, role: 'unit_head' | 'member') => ({ id: 'g', orgId: 'o', orgPath, orgName: '', role });
  const citizen = { subjectKind: 'person' as const, holderUserId: 'u-holder', casePath: '/p/a/', decisionOrgPath: '/p/' };
  it('lets the holder and readers of the case or decision in, no one else', () => {
    expect(mayReadCertificate({ userId: 'u-holder', grants: [] }, citizen)).toBe(true);
    expect(mayReadCertificate({ userId: 'u-head-a', grants: [grant('/p/a/', 'unit_head')] }, citizen)).toBe(true);
    expect(mayReadCertificate({ userId: 'u-head-b', grants: [grant('/p/b/', 'unit_head')] }, citizen)).toBe(false);
    expect(mayReadCertificate({ userId: 'u-member', grants: [grant('/p/a/', 'member')] }, citizen)).toBe(false);
    // Only a person holds their own certificate: a household head's account is not the holder.
    expect(mayReadCertificate({ userId: 'u-holder', grants: [] }, { ...citizen, subjectKind: 'household' })).toBe(false);
  });
});
