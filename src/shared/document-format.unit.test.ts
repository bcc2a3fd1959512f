import { describe, expect, it } from 'vitest';
import {
  documentSymbol,
  formatDocumentDate,
  formatDocumentNumber,
  formatPlaceDate,
  formatShortDate,
  HAND_FILLED_BLANK,
  pointLetter,
  romanNumeral,
} from './document-format.js';

describe('formatDocumentNumber', () => {
  it('puts a zero before numbers below 10 and no spaces around the hyphen', () => {
    expect(formatDocumentNumber(5, 'KH-STC')).toBe('Số: 05/KH-STC');
    expect(formatDocumentNumber(15, 'QĐ-BNV')).toBe('Số: 15/QĐ-BNV');
    expect(formatDocumentNumber(148, 'TTr - SLĐTBXH')).toBe('Số: 148/TTr-SLĐTBXH');
    expect(formatDocumentNumber(12, 'UBND-VX')).toBe('Số: 12/UBND-VX');
  });

  it('leaves a blank for the văn thư when the number is not given yet', () => {
    expect(formatDocumentNumber(undefined, 'KH-STC')).toBe(`Số: ${HAND_FILLED_BLANK}/KH-STC`);
  });

  it('refuses numbers and symbols the decree does not allow', () => {
    expect(() => formatDocumentNumber(0, 'KH-STC')).toThrow();
    expect(() => formatDocumentNumber(2.5, 'KH-STC')).toThrow();
    expect(() => formatDocumentNumber(3, 'KH--STC')).toThrow();
    expect(() => formatDocumentNumber(3, 'KH/STC')).toThrow();
    expect(() => formatDocumentNumber(3, '')).toThrow();
  });
});

describe('documentSymbol', () => {
  it('joins the type abbreviation (mixed case kept) and the body abbreviations', () => {
    expect(documentSymbol('plan', 'STC')).toBe('KH-STC');
    expect(documentSymbol('submission', 'SLĐTBXH')).toBe('TTr-SLĐTBXH');
    expect(documentSymbol('minutes', 'HĐTĐKT')).toBe('BB-HĐTĐKT');
  });
});

describe('formatDocumentDate and formatPlaceDate', () => {
  it('gives days 1-9 and months 1-2 a leading zero, and months 3-12 none', () => {
    expect(formatDocumentDate('2025-12-05')).toBe('ngày 05 tháng 12 năm 2025');
    expect(formatDocumentDate('2020-01-05')).toBe('ngày 05 tháng 01 năm 2020');
    expect(formatDocumentDate('2025-02-15')).toBe('ngày 15 tháng 02 năm 2025');
    expect(formatDocumentDate('2025-03-20')).toBe('ngày 20 tháng 3 năm 2025');
    expect(formatDocumentDate('2025-09-09')).toBe('ngày 09 tháng 9 năm 2025');
    expect(formatDocumentDate('2024-02-29')).toBe('ngày 29 tháng 02 năm 2024');
  });

  it('leaves the day (and month) blank for the signer', () => {
    expect(formatDocumentDate('2025-12')).toBe(`ngày ${HAND_FILLED_BLANK} tháng 12 năm 2025`);
    expect(formatDocumentDate('2025')).toBe(`ngày ${HAND_FILLED_BLANK} tháng ${HAND_FILLED_BLANK} năm 2025`);
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '05/12/2025', '2025-1-5']) {
      expect(() => formatDocumentDate(bad), bad).toThrow();
    }
  });

  it('writes the place, a comma and the date', () => {
    expect(formatPlaceDate('Kon Tum', '2025-12-05')).toBe('Kon Tum, ngày 05 tháng 12 năm 2025');
    expect(formatPlaceDate(' Hà Nội ', '2020-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2020');
  });

  it('writes short dates as dd/mm/yyyy', () => {
    expect(formatShortDate('2020-07-03')).toBe('03/07/2020');
    expect(() => formatShortDate('2020-07')).toThrow();
  });
});

describe('numbering labels', () => {
  it('writes roman numerals', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 14, 40, 90, 1999].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX', 'X', 'XIV', 'XL', 'XC', 'MCMXCIX']);
    expect(() => romanNumeral(0)).toThrow();
  });

  it('letters points in the Vietnamese order (a, b, c, d, đ, e, g …)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map(pointLetter)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'k']);
    expect(() => pointLetter(24)).toThrow();
  });
});
