import { describe, expect, it } from 'vitest';
import {
  ATTENDANCE_FIELDS,
  BIRTH_DATE_FEMALE_KEY,
  BIRTH_DATE_MALE_KEY,
  combineHeaderRows,
  detectHeader,
  fieldScore,
  headerKey,
  isNumberingRow,
  ORG_FIELDS,
  RESIDENT_FIELDS,
  ROW_NO_KEY,
  SEX_FEMALE_KEY,
  SEX_MALE_KEY,
  STAFF_FIELDS,
  suggestMapping,
  type CellText,
} from './header-match.js';

const keyOf = (headers: string[], fields = STAFF_FIELDS) => suggestMapping(headers, fields).map((c) => c.fieldKey);
const one = (header: string, fields = STAFF_FIELDS) => keyOf([header], fields)[0];

describe('headerKey', () => {
  it('drops marks, case, notes in brackets, punctuation and line breaks', () => {
    expect(headerKey('Họ và tên (*)')).toBe('ho va ten');
    expect(headerKey('NGÀY SINH\n(dd/mm/yyyy)')).toBe('ngay sinh');
    expect(headerKey('CMND/CCCD')).toBe('cmnd cccd');
    expect(headerKey('  Đơn vị   công tác ')).toBe('don vi cong tac');
    expect(headerKey('Số CCCD [bắt buộc]')).toBe('so cccd');
    expect(headerKey(null)).toBe('');
  });
});

describe('suggestMapping', () => {
  it.each(['Họ và tên', 'HỌ VÀ TÊN', 'Ho va ten', 'Họ tên', 'Họ, tên', 'Họ và tên (*)', 'Họ và\ntên', 'Họ và tên cán bộ'])(
    '"%s" is fullName',
    (header) => expect(one(header)).toBe('fullName'),
  );

  it('knows the staff spellings', () => {
    const cases: Record<string, string> = {
      'Số CCCD': 'citizenId', CCCD: 'citizenId', 'Căn cước công dân': 'citizenId', 'Số định danh cá nhân': 'citizenId', 'CMND/CCCD': 'citizenId',
      'Số điện thoại': 'phone', SĐT: 'phone', 'Điện thoại': 'phone',
      'Đơn vị': 'unit', Phòng: 'unit', 'Khoa/Phòng': 'unit', 'Đơn vị công tác': 'unit',
      'Chức vụ': 'position', 'Lãnh đạo, quản lý': 'isLeader', Loại: 'category', 'Đối tượng': 'category',
      Ngạch: 'rank', 'Chức danh nghề nghiệp': 'rank', 'Ngạch/Chức danh': 'rank',
      'Ngày vào': 'startDate', 'Từ ngày': 'startDate',
      'Trình độ văn hóa': 'generalEducation', 'Văn hóa': 'generalEducation', 'Trình độ GDPT': 'generalEducation',
      'Trình độ chuyên môn': 'qualification', TĐCM: 'qualification', 'Chuyên môn': 'qualification',
      'Ngoại ngữ': 'foreignLanguage', 'Trình độ ngoại ngữ': 'foreignLanguage', 'Tiếng dân tộc': 'ethnicLanguage',
      'Tin học': 'itSkill', 'Trình độ tin học': 'itSkill', 'Danh hiệu thi đua': 'emulationTitle', 'Ghi chú': 'note',
      'Ngày tháng năm sinh': 'birthDate', 'Ngày, tháng, năm sinh': 'birthDate', 'Giới tính': 'sex', 'Dân tộc': 'ethnicity', Email: 'email',
      STT: ROW_NO_KEY, TT: ROW_NO_KEY, 'Số TT': ROW_NO_KEY,
    };
    for (const [header, key] of Object.entries(cases)) expect(one(header), header).toBe(key);
  });

  it('knows the resident and organisation spellings', () => {
    const resident: Record<string, string> = {
      'Mã hộ': 'householdCode', 'Số hộ': 'householdCode', 'STT hộ': 'householdCode', 'Quan hệ với chủ hộ': 'relation',
      'QH với chủ hộ': 'relation', Thôn: 'hamlet', Ấp: 'hamlet', Bản: 'hamlet', 'Tổ dân phố': 'hamlet', 'Thôn/ấp': 'hamlet',
      'Dòng họ': 'clan', 'Nghề nghiệp': 'occupation', 'Địa chỉ': 'address', 'Họ và tên chủ hộ': 'householdHead',
    };
    for (const [header, key] of Object.entries(resident)) expect(one(header, RESIDENT_FIELDS), header).toBe(key);
    const org: Record<string, string> = { 'Tên đơn vị': 'name', 'Loại đơn vị': 'kind', 'Đơn vị cấp trên': 'parent', 'Trực thuộc': 'parent', 'Mã đơn vị': 'code' };
    for (const [header, key] of Object.entries(org)) expect(one(header, ORG_FIELDS), header).toBe(key);
    expect(keyOf(['Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Loại đơn vị'], ORG_FIELDS)).toEqual(['code', 'name', 'parent', 'kind']);
  });

  it('matches each field once, to the best column', () => {
    expect(keyOf(['Họ và tên cán bộ công chức', 'Họ và tên'])).toEqual([null, 'fullName']);
    expect(keyOf(['Số CCCD', 'Ngày cấp CCCD'])).toEqual(['citizenId', null]);
    expect(keyOf(['Dân tộc', 'Tiếng dân tộc'])).toEqual(['ethnicity', 'ethnicLanguage']);
  });

  it('leaves unknown and Party columns unmatched', () => {
    expect(keyOf(['Quê quán', 'Ngày vào Đảng', 'Chức vụ Đảng', 'Nơi sinh', ''])).toEqual([null, null, null, null, null]);
  });

  it('scores an alias 1 and a longer header containing one less', () => {
    const fullName = STAFF_FIELDS.find((f) => f.key === 'fullName')!;
    expect(fieldScore('Họ tên', fullName)).toBe(1);
    const partial = fieldScore('Họ và tên cán bộ công chức', fullName);
    expect(partial).toBeGreaterThan(0.5);
    expect(partial).toBeLessThan(1);
    // Short abbreviations only match whole headers.
    expect(one('Số ĐT di động')).toBe('phone');
    expect(fieldScore('TT y tế', { key: 'x', labelVi: 'x', labelEn: 'x', aliases: ['TT'] })).toBe(0);
  });

  it('lets remembered mappings win, including "ignore this column"', () => {
    const cols = suggestMapping(['Họ và tên', 'Đơn vị', 'Cột lạ'], STAFF_FIELDS, { 'cot la': 'unit', 'don vi': null });
    expect(cols.map((c) => [c.fieldKey, c.source])).toEqual([
      ['fullName', 'alias'],
      [null, 'remembered'],
      ['unit', 'remembered'],
    ]);
  });
});

describe('detectHeader', () => {
  const titles: CellText[][] = [
    ['ỦY BAN NHÂN DÂN TỈNH KON TUM', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['SỞ TÀI CHÍNH', null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [],
    ['DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM 2026'],
    [null],
  ];
  const header = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Đơn vị', 'Chức vụ'];
  const data = ['1', 'Nguyễn Văn A', '01/02/1980', 'Nam', '062080000001', 'Văn phòng', ''];

  it('finds the header below merged title rows', () => {
    const h = detectHeader([...titles, header, data], STAFF_FIELDS)!;
    expect(h.headerRowIndex).toBe(5);
    expect(h.headerRowCount).toBe(1);
    expect(h.firstDataRowIndex).toBe(6);
    expect(h.numberingRowIndex).toBeNull();
    expect(h.columns.map((c) => c.fieldKey)).toEqual([ROW_NO_KEY, 'fullName', 'birthDate', 'sex', 'citizenId', 'unit', 'position']);
    expect(h.missingRequired).toEqual([]);
  });

  it('reports a numbering row, "(1) (2)" or "1 2 3"', () => {
    const paren = detectHeader([...titles, header, header.map((_, i) => `(${i + 1})`), data], STAFF_FIELDS)!;
    expect(paren.numberingRowIndex).toBe(6);
    expect(paren.firstDataRowIndex).toBe(7);
    const plain = detectHeader([header, header.map((_, i) => String(i + 1)), data], STAFF_FIELDS)!;
    expect(plain.firstDataRowIndex).toBe(2);
    expect(isNumberingRow(['A', 'B', '1', '2', '3'])).toBe(true);
    expect(isNumberingRow(['3', '1', '2', '5', '4'])).toBe(false);
    expect(isNumberingRow(data)).toBe(false);
    expect(isNumberingRow(['(1)', '(2)', '(3)'])).toBe(true);
  });

  it('combines a two-row header: a group merged over sub-headers', () => {
    const top = ['TT', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Trình độ', null, null, 'Ghi chú'];
    const sub = [null, null, null, null, 'Văn hóa', 'Chuyên môn', 'Ngoại ngữ', null];
    expect(combineHeaderRows(top, sub)).toEqual(['TT', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Trình độ Văn hóa', 'Trình độ Chuyên môn', 'Trình độ Ngoại ngữ', 'Ghi chú']);
    const h = detectHeader([titles[3]!, top, sub, ['1', 'Lê Thị B', '1990', 'Phòng A', '12/12', 'Đại học', 'Anh B', '']], STAFF_FIELDS)!;
    expect(h.headerRowIndex).toBe(1);
    expect(h.headerRowCount).toBe(2);
    expect(h.firstDataRowIndex).toBe(3);
    expect(h.columns.map((c) => c.fieldKey)).toEqual([ROW_NO_KEY, 'fullName', 'birthDate', 'unit', 'generalEducation', 'qualification', 'foreignLanguage', 'note']);
  });

  it('splits "Ngày sinh" over "Nam | Nữ" into birth dates by sex, and bare "Nam | Nữ" into sex marks', () => {
    const top = ['STT', 'Họ và tên', 'Ngày sinh', null, 'Đơn vị'];
    const sub = [null, null, 'Nam', 'Nữ', null];
    const h = detectHeader([top, sub], STAFF_FIELDS)!;
    expect(h.columns.map((c) => c.fieldKey)).toEqual([ROW_NO_KEY, 'fullName', BIRTH_DATE_MALE_KEY, BIRTH_DATE_FEMALE_KEY, 'unit']);
    expect(h.missingRequired).toEqual([]);
    const marks = detectHeader([['Họ và tên', 'Nam', 'Nữ', 'Ngày sinh', 'Đơn vị']], STAFF_FIELDS)!;
    expect(marks.columns.map((c) => c.fieldKey)).toEqual(['fullName', SEX_MALE_KEY, SEX_FEMALE_KEY, 'birthDate', 'unit']);
  });

  it('needs two fields including a required one', () => {
    expect(detectHeader([...titles, ['Chức vụ', 'Ghi chú', 'Tin học']], STAFF_FIELDS)).toBeNull();
    expect(detectHeader([...titles], STAFF_FIELDS)).toBeNull();
    const h = detectHeader([['Họ và tên', 'Ghi chú']], STAFF_FIELDS)!;
    expect(h.missingRequired).toEqual(['birthDate']);
  });

  it('only scans maxScan rows', () => {
    const rows = [...Array.from({ length: 40 }, () => ['x', 'y']), header];
    expect(detectHeader(rows, STAFF_FIELDS)).toBeNull();
    expect(detectHeader(rows, STAFF_FIELDS, 50)!.headerRowIndex).toBe(40);
  });

  it('detects a resident header', () => {
    const h = detectHeader(
      [['ỦY BAN NHÂN DÂN XÃ ĐĂK LA'], ['Mã hộ', 'Họ và tên', 'QH với chủ hộ', 'Năm sinh', 'Giới tính', 'Dân tộc', 'Thôn/ấp', 'Dòng họ']],
      RESIDENT_FIELDS,
    )!;
    expect(h.columns.map((c) => c.fieldKey)).toEqual(['householdCode', 'fullName', 'relation', 'birthDate', 'sex', 'ethnicity', 'hamlet', 'clan']);
  });
});

describe('attendance lists', () => {
  it('maps the headers training schools write, with or without marks', () => {
    const headers = ['STT', 'Họ tên học viên', 'Ngày tháng năm sinh', 'CCCD/CMND', 'Đơn vị công tác', 'Số tiết', 'Kết quả học tập', 'Số GCN', 'Ghi chú'];
    expect(keyOf(headers, ATTENDANCE_FIELDS)).toEqual([ROW_NO_KEY, 'fullName', 'birthDate', 'citizenId', 'unit', 'hours', 'result', 'certificateNo', 'note']);
    const plain = ['TT', 'HO VA TEN', 'Nam sinh', 'So CCCD', 'Don vi', 'So gio', 'Xep loai', 'So chung chi', 'Ghi chu'];
    expect(keyOf(plain, ATTENDANCE_FIELDS)).toEqual([ROW_NO_KEY, 'fullName', 'birthDate', 'citizenId', 'unit', 'hours', 'result', 'certificateNo', 'note']);
  });

  it('finds the header under the list’s title rows', () => {
    const rows: CellText[][] = [
      ['TRƯỜNG CHÍNH TRỊ TỈNH KON TUM'],
      ['DANH SÁCH HỌC VIÊN LỚP BỒI DƯỠNG KIẾN THỨC QUẢN LÝ NHÀ NƯỚC'],
      [],
      ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Đơn vị công tác', 'Kết quả'],
      ['1', 'Nguyễn Văn A', '01/01/1980', 'Chuyên viên', 'Phòng Tài chính', 'Giỏi'],
    ];
    const h = detectHeader(rows, ATTENDANCE_FIELDS)!;
    expect(h.headerRowIndex).toBe(3);
    expect(h.columns.map((c) => c.fieldKey)).toEqual([ROW_NO_KEY, 'fullName', 'birthDate', null, 'unit', 'result']);
  });
});
