import { describe, expect, it } from 'vitest';
import {
  citizenIdInfo,
  citizenIdMatches,
  cleanText,
  excelSerialToDate,
  isBlankRow,
  isFooterRow,
  parseBirthDate,
  parseBoolean,
  parseCitizenId,
  parseDateValue,
  parseEmail,
  parseEthnicity,
  parseForeignLanguages,
  parseGeneralEducation,
  parseNumber,
  parsePersonName,
  parsePhone,
  parseQualification,
  parseSex,
  parseStaffCategory,
  parseText,
  valueToText,
  type Parsed,
} from './cell-values.js';

const TODAY = '2026-05-01';
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

function value<T>(r: Parsed<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.en}`);
  return r.value;
}
function error<T>(r: Parsed<T>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}
const warning = <T>(r: Parsed<T>) => (r.ok ? r.warning : undefined);

describe('text', () => {
  it('NFC, trims, collapses spaces, drops zero-width and non-breaking spaces', () => {
    expect(value(parseText('  Nguye\u0302\u0303n\u00A0\u00A0Văn\u200B  A \n'))).toBe('Nguyễn Văn A');
    expect(cleanText('\uFEFFPhòng\u202FTổ chức')).toBe('Phòng Tổ chức');
    expect(value(parseText('   '))).toBeNull();
    expect(value(parseText(null))).toBeNull();
    expect(valueToText(62085000123)).toBe('62085000123');
    expect(valueToText(utc('1985-03-07'))).toBe('07/03/1985');
    expect(valueToText({ richText: [{ text: 'Nguyễn ' }, { text: 'Văn A' }] })).toBe('Nguyễn Văn A');
  });

  it('person names keep their case but refuse digits and symbols', () => {
    expect(value(parsePersonName(' NGUYỄN  văn A '))).toBe('NGUYỄN văn A');
    expect(value(parsePersonName("Y H'Nhan"))).toBe("Y H'Nhan");
    expect(error(parsePersonName('Nguyễn Văn 2')).vi).toContain('chữ số');
    expect(error(parsePersonName('Lê@Thị')).en).toContain('invalid characters');
    expect(error(parsePersonName(12)).en).toContain('digits');
  });

  it('blank rows', () => {
    expect(isBlankRow([null, '', '  ', undefined])).toBe(true);
    expect(isBlankRow([null, 0])).toBe(false);
  });
});

describe('dates', () => {
  it('reads date cells, serials and the usual texts', () => {
    const cases: unknown[] = [utc('1985-03-07'), 31113, '07/03/1985', '7/3/1985', '07-03-1985', '07.03.1985', '1985-03-07', ' 7 / 3 / 1985 ', '07031985', 'ngày 7 tháng 3 năm 1985'];
    for (const c of cases) expect(value(parseDateValue(c)), String(c)).toBe('1985-03-07');
    expect(value(parseDateValue(excelSerialToDate(31113.75)))).toBe('1985-03-07'); // a date with a time
    expect(value(parseDateValue(''))).toBeNull();
  });

  it('refuses two-digit years, impossible dates and a month without a day', () => {
    expect(error(parseDateValue('07/03/85')).en).toContain('4 digits');
    expect(error(parseDateValue('31/02/1990')).vi).toContain('không tồn tại');
    expect(error(parseDateValue('29/02/2023')).en).toContain('No such date');
    expect(value(parseDateValue('29/02/2024'))).toBe('2024-02-29');
    expect(error(parseDateValue('03/15/1985')).en).toContain('month/day order');
    expect(error(parseDateValue('03/1985')).en).toContain('day is missing');
    expect(error(parseDateValue('không rõ')).vi).toContain('dd/mm/yyyy');
  });

  it('takes a year alone only when allowed', () => {
    expect(error(parseBirthDate('1985', { today: TODAY })).vi).toContain('Chỉ có năm');
    expect(error(parseBirthDate(1985, { today: TODAY })).en).toContain('Only a year');
    expect(value(parseBirthDate('1985', { allowYearOnly: true, today: TODAY }))).toBe('1985');
  });

  it('refuses birth dates in the future or before 1900', () => {
    expect(error(parseBirthDate('02/05/2026', { today: TODAY })).en).toContain('future');
    expect(value(parseBirthDate('01/05/2026', { today: TODAY }))).toBe('2026-05-01');
    expect(error(parseBirthDate('01/01/1890', { today: TODAY })).en).toContain('past');
    expect(value(parseDateValue('01/01/2090'))).toBe('2090-01-01'); // not a birth date: no limit
  });

  it('converts serials of both date systems', () => {
    expect(excelSerialToDate(31113).toISOString()).toBe('1985-03-07T00:00:00.000Z');
    expect(excelSerialToDate(31113 - 1462, true).toISOString()).toBe('1985-03-07T00:00:00.000Z');
  });
});

describe('sex and booleans', () => {
  it('reads sexes', () => {
    for (const v of ['Nam', 'nam', 'M', 'male', 'Ông']) expect(value(parseSex(v)), v).toBe('male');
    for (const v of ['Nữ', 'nữ', 'nu', 'NỮ', 'F', 'Bà']) expect(value(parseSex(v)), v).toBe('female');
    expect(error(parseSex('x')).vi).toContain('Giới tính');
    expect(value(parseSex(''))).toBeNull();
  });

  it('reads a mark in a column that stands for one sex', () => {
    expect(value(parseSex('x', { column: 'female' }))).toBe('female');
    expect(value(parseSex('X', { column: 'male' }))).toBe('male');
    expect(value(parseSex(true, { column: 'female' }))).toBe('female');
    expect(value(parseSex('', { column: 'female' }))).toBeNull();
  });

  it('reads yes/no', () => {
    for (const v of ['x', 'X', 'có', 'Có', '1', 'yes', true, 1, '✓']) expect(value(parseBoolean(v)), String(v)).toBe(true);
    for (const v of ['', null, 'không', 'Không', '0', 'no', false, 0, '-']) expect(value(parseBoolean(v)), String(v)).toBe(false);
    expect(error(parseBoolean('có lẽ')).en).toContain('yes/no');
  });
});

describe('citizen ID', () => {
  it('accepts 12 digits with spaces or dots', () => {
    expect(value(parseCitizenId('062085000123', { today: TODAY }))).toBe('062085000123');
    expect(value(parseCitizenId('062 085 000 123', { today: TODAY }))).toBe('062085000123');
    expect(value(parseCitizenId('062.085.000.123', { today: TODAY }))).toBe('062085000123');
    expect(value(parseCitizenId(null))).toBeNull();
  });

  it('puts back the leading zero a number cell lost, with a warning', () => {
    const r = parseCitizenId(62085000123, { today: TODAY });
    expect(value(r)).toBe('062085000123');
    expect(warning(r)?.vi).toContain('mất số 0');
  });

  it('accepts an old 9-digit CMND with a warning, refuses other lengths', () => {
    const r = parseCitizenId('212345678', { today: TODAY });
    expect(value(r)).toBe('212345678');
    expect(warning(r)?.vi).toContain('CMND cũ');
    expect(value(parseCitizenId('62085000123', { today: TODAY }))).toBe('062085000123'); // text that lost its zero
    expect(error(parseCitizenId('06208500012', { today: TODAY })).vi).toContain('12 chữ số'); // a digit missing elsewhere
    expect(error(parseCitizenId('1234567', { today: TODAY })).vi).toContain('CCCD phải có 12 chữ số');
    expect(error(parseCitizenId('06208500012x', { today: TODAY })).en).toContain('digits only');
  });

  it('checks the province code and the birth century', () => {
    expect(error(parseCitizenId('099085000123', { today: TODAY })).vi).toContain('mã tỉnh 099');
    expect(error(parseCitizenId('003085000123', { today: TODAY })).en).toContain('province code');
    expect(error(parseCitizenId('062430000123', { today: TODAY })).en).toContain('2130');
    expect(value(parseCitizenId('096310000001', { today: TODAY }))).toBe('096310000001');
  });

  it('decodes and cross-checks birth year and sex', () => {
    expect(citizenIdInfo('062185000123')).toEqual({ provinceCode: '062', sex: 'female', birthYear: 1985 });
    expect(citizenIdInfo('001203000001')).toEqual({ provinceCode: '001', sex: 'male', birthYear: 2003 });
    expect(citizenIdMatches('062185000123', '1985-03-07', 'female')).toBeNull();
    expect(citizenIdMatches('062185000123', '1986-03-07', 'male')?.vi).toMatch(/năm sinh 1985.*Nữ/);
    expect(citizenIdMatches('212345678', '1986-03-07', 'male')).toBeNull();
  });
});

describe('phone and email', () => {
  it('normalises mobiles and landlines', () => {
    for (const v of ['0912345678', '0912 345 678', '0912.345.678', '+84 912 345 678', '84912345678', '(+84) 912-345-678', '0084912345678']) {
      expect(value(parsePhone(v)), v).toBe('0912345678');
    }
    expect(value(parsePhone('02603 812 345'))).toBe('02603812345');
  });

  it('repairs a lost leading zero and renumbers old 11-digit mobiles, with warnings', () => {
    const lost = parsePhone(912345678);
    expect(value(lost)).toBe('0912345678');
    expect(warning(lost)?.en).toContain('leading zero');
    expect(value(parsePhone(2603812345))).toBe('02603812345');
    const old = parsePhone('01689123456');
    expect(value(old)).toBe('0389123456');
    expect(warning(old)?.vi).toContain('11 số cũ');
  });

  it('keeps the first of several numbers and refuses nonsense', () => {
    const r = parsePhone('0912345678 - 0987654321');
    expect(value(r)).toBe('0912345678');
    expect(warning(r)?.en).toContain('first');
    expect(error(parsePhone('123')).vi).toContain('không hợp lệ');
    expect(error(parsePhone('0112345678')).en).toContain('Invalid phone');
  });

  it('reads emails', () => {
    expect(value(parseEmail('mailto:Nguyen.A@KonTum.gov.vn'))).toBe('nguyen.a@kontum.gov.vn');
    expect(error(parseEmail('nguyen.a@')).vi).toContain('Email');
    expect(value(parseEmail(''))).toBeNull();
  });
});

describe('numbers', () => {
  it('reads number cells and Vietnamese notation', () => {
    expect(value(parseNumber(42))).toBe(42);
    expect(value(parseNumber('1.234.567'))).toBe(1234567);
    expect(value(parseNumber('1.500'))).toBe(1500);
    expect(value(parseNumber('12,5'))).toBe(12.5);
    expect(value(parseNumber('12.5'))).toBe(12.5);
    expect(value(parseNumber('1.234,5'))).toBe(1234.5);
    expect(error(parseNumber('12 người')).en).toContain('Not a number');
  });
});

describe('qualification and general education', () => {
  it('maps qualification texts to levels', () => {
    const cases: Record<string, string> = {
      'Đại học': 'dai_hoc', ĐH: 'dai_hoc', 'ĐH Luật': 'dai_hoc', 'Cử nhân Kinh tế': 'dai_hoc', 'Kỹ sư': 'dai_hoc', 'Bác sĩ': 'dai_hoc',
      'Thạc sĩ': 'thac_si', ThS: 'thac_si', 'Th.S Quản lý': 'thac_si', 'Tiến sĩ': 'tien_si', TS: 'tien_si', 'PGS.TS': 'tien_si',
      'Cao đẳng': 'cao_dang', CĐ: 'cao_dang', 'Trung cấp': 'trung_cap', TC: 'trung_cap', 'Dược sĩ trung học': 'trung_cap',
      'Sơ cấp': 'so_cap', 'Chưa qua đào tạo': 'none', 'Đại học, Thạc sĩ': 'thac_si', 'Đại học (đang học thạc sĩ)': 'dai_hoc',
    };
    for (const [text, level] of Object.entries(cases)) expect(value(parseQualification(text)), text).toBe(level);
    expect(value(parseQualification(''))).toBeNull();
    expect(error(parseQualification('Trung cấp LLCT')).vi).toContain('Không nhận ra');
  });

  it('normalises general education to n/12', () => {
    const cases: Record<string, string> = { '12/12': '12/12', '9/12': '9/12', ' 12 / 12 ': '12/12', THPT: '12/12', 'Tốt nghiệp THPT': '12/12', THCS: '9/12', 'Tiểu học': '5/12', 'Lớp 9': '9/12' };
    for (const [text, norm] of Object.entries(cases)) expect(value(parseGeneralEducation(text)), text).toBe(norm);
    const old = parseGeneralEducation('10/10');
    expect(value(old)).toBe('12/12');
    expect(warning(old)?.vi).toContain('hệ 10 năm');
    expect(value(parseGeneralEducation('8/10'))).toBe('8/10');
    expect(error(parseGeneralEducation('13/12')).en).toContain('Invalid');
  });

  it('reads back "12/12" and "9/12" that Excel turned into dates', () => {
    const r = parseGeneralEducation(utc('2026-12-12'));
    expect(value(r)).toBe('12/12');
    expect(warning(r)?.vi).toContain('thành ngày');
    expect(value(parseGeneralEducation(utc('2026-12-09')))).toBe('9/12'); // d/m locale
    expect(value(parseGeneralEducation(utc('2026-09-12')))).toBe('9/12'); // m/d locale
    expect(value(parseGeneralEducation(utc('2026-10-10')))).toBe('12/12');
  });
});

describe('foreign languages', () => {
  const langs = (v: unknown) => value(parseForeignLanguages(v));

  it('reads the national 6-level framework and CEFR', () => {
    expect(langs('Tiếng Anh B1')).toEqual([{ language: 'en', certificate: 'B1', level: 3 }]);
    expect(langs('Tiếng Trung bậc 3')).toEqual([{ language: 'zh', certificate: 'Bậc 3', level: 3 }]);
    expect(langs('Anh C2')).toEqual([{ language: 'en', certificate: 'C2', level: 6 }]);
    expect(langs('Tiếng Anh bậc 4/6')).toEqual([{ language: 'en', certificate: 'Bậc 4', level: 4 }]);
  });

  it('keeps old A/B/C certificates and exam scores without inventing a level', () => {
    expect(langs('Anh văn trình độ B')).toEqual([{ language: 'en', certificate: 'B', level: null }]);
    expect(langs('Anh B')).toEqual([{ language: 'en', certificate: 'B', level: null }]);
    expect(langs('TOEIC 550')).toEqual([{ language: 'en', certificate: 'TOEIC 550', level: null }]);
    expect(langs('IELTS 6.5')).toEqual([{ language: 'en', certificate: 'IELTS 6.5', level: null }]);
    expect(langs('Tiếng Nhật JLPT N2')).toEqual([{ language: 'ja', certificate: 'JLPT N2', level: null }]);
  });

  it('splits several languages', () => {
    expect(langs('Anh văn B, Pháp văn A')).toEqual([
      { language: 'en', certificate: 'B', level: null },
      { language: 'fr', certificate: 'A', level: null },
    ]);
    expect(langs('Anh B1 + Trung HSK 3; Tiếng Hàn bậc 2').map((l) => l.language)).toEqual(['en', 'zh', 'ko']);
    expect(langs('Tiếng Nga A2 và tiếng Đức B2').map((l) => [l.language, l.level])).toEqual([['ru', 2], ['de', 4]]);
  });

  it('keeps other languages by name and says when something is unclear', () => {
    expect(langs('Tiếng Lào B')).toEqual([{ language: 'Lào', certificate: 'B', level: null }]);
    const r = parseForeignLanguages('B1');
    expect(value(r)).toEqual([{ language: null, certificate: 'B1', level: 3 }]);
    expect(warning(r)?.en).toContain('unclear');
    expect(langs('Không')).toEqual([]);
    expect(langs('')).toEqual([]);
  });
});

describe('ethnicity and category', () => {
  it('normalises ethnic group names', () => {
    const cases: Record<string, string> = {
      Kinh: 'Kinh', kinh: 'Kinh', Khmer: 'Khơ-me', 'Khơ-me': 'Khơ-me', 'Khơ me': 'Khơ-me', "H'Mông": 'Mông', Mông: 'Mông', Hoa: 'Hoa',
      Tày: 'Tày', Thái: 'Thái', Mường: 'Mường', Nùng: 'Nùng', 'Xơ Đăng': 'Xơ-đăng', 'Ba Na': 'Ba-na', 'Dân tộc Tày': 'Tày', 'Gia Rai': 'Gia-rai',
    };
    for (const [text, name] of Object.entries(cases)) expect(value(parseEthnicity(text)), text).toBe(name);
  });

  it('keeps an unknown ethnicity as typed, with a warning', () => {
    const r = parseEthnicity('Pháp');
    expect(value(r)).toBe('Pháp');
    expect(warning(r)?.vi).toContain('54 dân tộc');
  });

  it('reads staff categories', () => {
    expect(value(parseStaffCategory('Công chức'))).toBe('cong_chuc');
    expect(value(parseStaffCategory('VC'))).toBe('vien_chuc');
    expect(value(parseStaffCategory('Người lao động'))).toBe('nguoi_lao_dong');
    expect(value(parseStaffCategory('HĐ 68'))).toBe('nguoi_lao_dong');
    expect(error(parseStaffCategory('Khác')).vi).toContain('Công chức');
  });
});

describe('isFooterRow', () => {
  it('recognises totals and signature blocks', () => {
    expect(isFooterRow(['Tổng cộng: 25 người'])).toBe(true);
    expect(isFooterRow([null, 'Cộng', null, 25])).toBe(true);
    expect(isFooterRow(['TỔNG SỐ', 12])).toBe(true);
    expect(isFooterRow(['Kon Tum, ngày 15 tháng 3 năm 2026'])).toBe(true);
    expect(isFooterRow([null, 'Người lập biểu', null, 'Thủ trưởng đơn vị'])).toBe(true);
  });

  it('does not take people for footers', () => {
    expect(isFooterRow([1, 'Nguyễn Văn Cộng'])).toBe(false);
    expect(isFooterRow(['Tống Văn Cộng', '01/01/1980'])).toBe(false);
    expect(isFooterRow(['Công', 'Nam'])).toBe(false);
    expect(isFooterRow(['12', 'Tổng cộng'])).toBe(false);
    expect(isFooterRow([null, ''])).toBe(false);
  });
});
