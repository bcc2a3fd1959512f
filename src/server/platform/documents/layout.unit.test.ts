import { describe, expect, it } from 'vitest';
import { MOTTO, NATIONAL_NAME } from './header.js';
import { pageTextWidth, punctuateList } from './layout.js';
import { shareWidths } from './tables.js';
import { balancedLines, textWidth } from './text-width.js';

const cm = (twips: number) => (twips / 1440) * 2.54;

describe('text widths in Times New Roman', () => {
  it('measures the Quốc hiệu and the Tiêu ngữ as Word sets them', () => {
    // forms.md §1.3: the Quốc hiệu is about 8.8 cm in bold 12 and 9.6 cm in bold 13.
    expect(cm(textWidth(NATIONAL_NAME, 12, true))).toBeCloseTo(8.83, 1);
    expect(cm(textWidth(NATIONAL_NAME, 13, true))).toBeCloseTo(9.57, 1);
    expect(cm(textWidth(MOTTO, 13, true))).toBeCloseTo(5.61, 1);
    expect(textWidth(MOTTO, 13, false)).toBeLessThan(textWidth(MOTTO, 13, true));
  });

  it('counts a marked letter as its base letter, a little wider with a horn', () => {
    expect(textWidth('Ấ Ặ Ễ', 12, true)).toBe(textWidth('A A E', 12, true));
    expect(textWidth('Đ đ', 12, true)).toBe(textWidth('D d', 12, true));
    expect(textWidth('ư', 12, true)).toBeGreaterThan(textWidth('u', 12, true));
  });

  it('keeps the Quốc hiệu on one line in the right column of the header', () => {
    const rightColumn = pageTextWidth() * 0.6 - 2 * 108;
    expect(textWidth(NATIONAL_NAME, 12, true)).toBeLessThan(rightColumn);
  });
});

describe('balancedLines', () => {
  it('leaves a name that fits, or one broken by hand, as it is', () => {
    expect(balancedLines('SỞ TÀI CHÍNH', 12, true, 3500)).toBe('SỞ TÀI CHÍNH');
    expect(balancedLines('PHÒNG QUẢN LÝ\nNGÂN SÁCH', 12, true, 1000)).toBe('PHÒNG QUẢN LÝ\nNGÂN SÁCH');
  });

  it('breaks a long name into two lines of similar width', () => {
    expect(balancedLines('TRUNG TÂM HỌC TẬP CỘNG ĐỒNG XÃ ĐẮK HÀ', 12, true, 3500)).toBe('TRUNG TÂM HỌC TẬP\nCỘNG ĐỒNG XÃ ĐẮK HÀ');
  });
});

describe('punctuateList', () => {
  it('closes each item with ";" and the last with ".", replacing what the caller typed', () => {
    expect(punctuateList(['Như trên', 'UBND tỉnh (b/c);', 'Lưu: VT, VP.'])).toEqual(['Như trên;', 'UBND tỉnh (b/c);', 'Lưu: VT, VP.']);
    expect(punctuateList(['Sở Nội vụ;'])).toEqual(['Sở Nội vụ.']);
  });
});

describe('shareWidths', () => {
  it('shares the width in proportion, exactly', () => {
    const widths = shareWidths([1, 2, 3], 9355);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9355);
    expect(widths[1]).toBe(Math.floor(9355 / 3));
  });
});
