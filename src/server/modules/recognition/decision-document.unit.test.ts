import { describe, expect, it } from 'vitest';
import { authorityLine, decisionDocumentSpec, parseDecisionNumber } from './decision-document.js';

const base = {
  title: 'LEARNING_UNIT' as const,
  year: 2025,
  subjectKind: 'org' as const,
  issuingBody: 'Sở Tài chính tỉnh Kon Tum',
  governingBody: 'UBND tỉnh Kon Tum',
  units: ['Sở Tài chính tỉnh Kon Tum', 'UBND tỉnh Kon Tum'],
  number: '15/QĐ-STC',
  signedOn: '2026-02-15',
  signerName: 'Trần Văn Bình',
  signerPosition: 'Giám đốc',
  draft: false,
  today: '2026-02-20',
  sources: ['Thông tư 22/2020/TT-BGDĐT ngày 06/8/2020 của Bộ Giáo dục và Đào tạo.'],
  validityMonths: 36,
  validUntil: '2029-02-14',
  entries: [{ name: 'Phòng Quản lý ngân sách', place: 'Sở Tài chính tỉnh Kon Tum', result: 'Khá' }],
};

describe('the decision number', () => {
  it('splits a written number into its number and ký hiệu, leaving blanks for what is not known', () => {
    expect(parseDecisionNumber('15/QĐ-STC')).toEqual({ number: 15, symbol: 'QĐ-STC' });
    expect(parseDecisionNumber(' 07 / QĐ-UBND ')).toEqual({ number: 7, symbol: 'QĐ-UBND' });
    expect(parseDecisionNumber('15')).toEqual({ number: 15, symbol: 'QĐ-…' });
    expect(parseDecisionNumber(null)).toEqual({ symbol: 'QĐ-…' });
    expect(parseDecisionNumber('15a/QĐ')).toEqual({ symbol: 'QĐ-…' });
  });
});

describe('the competent person and the signer', () => {
  it('names the head of the issuing body, spelled out; a deputy signs KT.', () => {
    expect(authorityLine({ issuingBody: 'UBND xã Tân Phú', signerPosition: 'Phó Chủ tịch' })).toBe('Chủ tịch Ủy ban nhân dân xã Tân Phú');
    expect(authorityLine({ issuingBody: 'UBND xã Tân Phú', signerPosition: null })).toBe('Chủ tịch Ủy ban nhân dân xã Tân Phú');
    expect(authorityLine({ issuingBody: 'Sở Tài chính tỉnh Kon Tum', signerPosition: 'giám đốc' })).toBe('Giám đốc Sở Tài chính tỉnh Kon Tum');
    expect(decisionDocumentSpec({ ...base, signerPosition: 'Phó Giám đốc' }).signatures).toEqual([{ authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Trần Văn Bình' }]);
    expect(decisionDocumentSpec(base).signatures).toEqual([{ title: 'Giám đốc', name: 'Trần Văn Bình' }]);
  });
});

describe('the decision spec', () => {
  it('is a Mẫu 1.2 quyết định with the căn cứ from the set, three articles and the list as a phụ lục', () => {
    const spec = decisionDocumentSpec(base);
    expect(spec).toMatchObject({
      governingBody: 'UBND tỉnh Kon Tum',
      number: 15,
      symbol: 'QĐ-STC',
      place: 'Kon Tum',
      date: '2026-02-15',
      documentType: 'Quyết định',
      summary: 'Về việc công nhận danh hiệu "Đơn vị học tập" năm 2025',
      authority: 'Giám đốc Sở Tài chính tỉnh Kon Tum',
      enacting: 'Quyết định',
      draft: false,
    });
    expect(spec.bases?.[1]).toBe('Căn cứ Thông tư 22/2020/TT-BGDĐT ngày 06/8/2020 của Bộ Giáo dục và Đào tạo');
    expect(spec.body).toHaveLength(3);
    expect(spec.appendices?.[0].title).toBe('Danh sách đơn vị được công nhận danh hiệu "Đơn vị học tập" năm 2025');
  });

  it('a draft is marked, dated by its month, and a committee has no governing body printed', () => {
    const spec = decisionDocumentSpec({ ...base, issuingBody: 'UBND xã Tân Phú', governingBody: 'UBND tỉnh Kon Tum', number: null, signedOn: null, draft: true, validUntil: null });
    expect(spec).toMatchObject({ draft: true, date: '2026-02', symbol: 'QĐ-…', place: 'Tân Phú' });
    expect(spec.number).toBeUndefined();
    expect(spec.governingBody).toBeUndefined();
  });
});
