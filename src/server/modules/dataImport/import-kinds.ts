import type { ImportKind } from '../../../shared/api-types.js';
import { ATTENDANCE_FIELDS, ORG_FIELDS, REGISTRATION_FIELDS, RESIDENT_FIELDS, STAFF_FIELDS, type ImportField } from '../../platform/excel/header-match.js';

/** What the import wizard can bring in, with its field catalogue and template. */
export const IMPORT_KINDS = ['staff', 'residents', 'orgs', 'attendance', 'titleRegistration'] as const satisfies readonly ImportKind[];
export type { ImportKind };

export interface ImportTemplate {
  sheetName: string;
  titleVi: string;
  /** Columns of the template, by field key, in order. */
  /** `list`: a drop-down of values; `number`: a decimal between min and max. */
  columns: { key: string; width: number; list?: string[]; number?: { min: number; max: number } }[];
  examples: Record<string, string | number | Date>[];
  /** Lines of the instructions sheet for this kind (after the common ones). */
  help: string[];
  /** Text above the header, under the title (where the data of the file comes from). */
  subtitleVi?: string;
}

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  staff: STAFF_FIELDS,
  residents: RESIDENT_FIELDS,
  orgs: ORG_FIELDS,
  attendance: ATTENDANCE_FIELDS,
  titleRegistration: REGISTRATION_FIELDS,
};

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const IMPORT_TEMPLATES: Record<ImportKind, ImportTemplate> = {
  staff: {
    sheetName: 'Cán bộ',
    titleVi: 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG',
    columns: [
      { key: 'fullName', width: 28 },
      { key: 'birthDate', width: 13 },
      { key: 'sex', width: 9, list: ['Nam', 'Nữ'] },
      { key: 'ethnicity', width: 10 },
      { key: 'citizenId', width: 15 },
      { key: 'phone', width: 13 },
      { key: 'email', width: 24 },
      { key: 'unit', width: 30 },
      { key: 'position', width: 20 },
      { key: 'isLeader', width: 10, list: ['x', ''] },
      { key: 'category', width: 16, list: ['Công chức', 'Viên chức', 'Người lao động'] },
      { key: 'rank', width: 20 },
      { key: 'startDate', width: 13 },
      { key: 'generalEducation', width: 10, list: ['12/12', '9/12'] },
      { key: 'qualification', width: 16, list: ['Sơ cấp', 'Trung cấp', 'Cao đẳng', 'Đại học', 'Thạc sĩ', 'Tiến sĩ'] },
      { key: 'foreignLanguage', width: 18 },
      { key: 'ethnicLanguage', width: 16 },
      { key: 'itSkill', width: 18 },
      { key: 'note', width: 20 },
    ],
    examples: [
      { fullName: 'Nguyễn Văn Đức', birthDate: d('1980-03-15'), sex: 'Nam', ethnicity: 'Kinh', citizenId: '062080000123', phone: '0912345678', email: 'ducnv@example.gov.vn', unit: 'Phòng Quản lý ngân sách', position: 'Trưởng phòng', isLeader: 'x', category: 'Công chức', rank: 'Chuyên viên chính', startDate: d('2005-09-01'), generalEducation: '12/12', qualification: 'Thạc sĩ', foreignLanguage: 'Tiếng Anh B1', itSkill: 'Ứng dụng CNTT cơ bản' },
      { fullName: 'Trần Thị Hồng Nhung', birthDate: '01/07/1992', sex: 'Nữ', ethnicity: 'Kinh', citizenId: '062192000456', phone: '0987654321', unit: 'Văn phòng Sở', position: 'Chuyên viên', category: 'Công chức', rank: 'Chuyên viên', startDate: '15/03/2016', generalEducation: '12/12', qualification: 'Đại học', foreignLanguage: 'Tiếng Anh bậc 3' },
    ],
    help: [
      '• Ngoại ngữ ghi tên tiếng và trình độ, ví dụ "Tiếng Anh B1", "Tiếng Trung bậc 3"; nhiều tiếng cách nhau bằng dấu ;. Languages with level, separated by ;.',
      '• Nhập lại cùng một tệp đã sửa sẽ cập nhật, không tạo trùng (đối chiếu theo CCCD, rồi họ tên + ngày sinh + đơn vị). Re-importing a corrected file updates people instead of duplicating them.',
    ],
  },
  residents: {
    sheetName: 'Hộ gia đình',
    titleVi: 'DANH SÁCH HỘ GIA ĐÌNH VÀ NHÂN KHẨU',
    columns: [
      { key: 'householdCode', width: 10 },
      { key: 'fullName', width: 26 },
      { key: 'relation', width: 14, list: ['Chủ hộ', 'Vợ', 'Chồng', 'Con', 'Cha', 'Mẹ', 'Cháu', 'Anh', 'Chị', 'Em', 'Khác'] },
      { key: 'birthDate', width: 13 },
      { key: 'sex', width: 9, list: ['Nam', 'Nữ'] },
      { key: 'ethnicity', width: 10 },
      { key: 'citizenId', width: 15 },
      { key: 'phone', width: 13 },
      { key: 'hamlet', width: 18 },
      { key: 'address', width: 24 },
      { key: 'clan', width: 16 },
      { key: 'generalEducation', width: 10, list: ['12/12', '9/12', '5/12'] },
      { key: 'qualification', width: 16, list: ['Chưa qua đào tạo', 'Sơ cấp', 'Trung cấp', 'Cao đẳng', 'Đại học', 'Thạc sĩ', 'Tiến sĩ'] },
      { key: 'foreignLanguage', width: 16 },
      { key: 'occupation', width: 16 },
      { key: 'note', width: 20 },
    ],
    examples: [
      { householdCode: '001', fullName: 'Danh Sà Phên', relation: 'Chủ hộ', birthDate: d('1970-01-01'), sex: 'Nam', ethnicity: 'Khmer', citizenId: '091070000321', phone: '0912000111', hamlet: 'Ấp Cờ Trắng', clan: 'Dòng họ Danh', generalEducation: '9/12', qualification: 'Chưa qua đào tạo', occupation: 'Làm ruộng' },
      { householdCode: '001', fullName: 'Thị Sóc Khá', relation: 'Con', birthDate: '01/06/2015', sex: 'Nữ', ethnicity: 'Khmer', hamlet: 'Ấp Cờ Trắng', occupation: 'Học sinh' },
    ],
    help: [
      '• Ngoại ngữ ghi tên tiếng và trình độ, ví dụ "Tiếng Anh B1"; nhiều tiếng cách nhau bằng dấu ;. Languages with level, separated by ;.',
      '• Nhập lại cùng một tệp đã sửa sẽ cập nhật, không tạo trùng (đối chiếu theo CCCD, rồi họ tên + ngày sinh + thôn, ấp). Re-importing a corrected file updates people instead of duplicating them.',
    ],
  },
  orgs: {
    sheetName: 'Đơn vị',
    titleVi: 'DANH SÁCH ĐƠN VỊ TRỰC THUỘC',
    columns: [
      { key: 'name', width: 40 },
      { key: 'kind', width: 22, list: ['Phòng', 'Ban', 'Tổ', 'Thôn', 'Ấp', 'Tổ dân phố', 'Trạm y tế xã', 'Khoa', 'Trường học', 'Hội'] },
      { key: 'parent', width: 40 },
      { key: 'code', width: 12 },
    ],
    examples: [
      { name: 'Phòng Kế hoạch – Tài chính', kind: 'Phòng', parent: '', code: 'KHTC' },
      { name: 'Tổ Tổng hợp', kind: 'Tổ', parent: 'Phòng Kế hoạch – Tài chính', code: '' },
    ],
    help: ['• Đơn vị cấp trên để trống: trực thuộc ngay đơn vị nhận. An empty parent: directly under the receiving unit.'],
  },
  attendance: {
    sheetName: 'Học viên',
    titleVi: 'DANH SÁCH HỌC VIÊN THAM DỰ LỚP BỒI DƯỠNG',
    subtitleVi: 'Tên lớp, loại hình, đơn vị tổ chức, thời gian và số giờ của khóa học nhập trên màn hình khi nhập tệp.',
    columns: [
      { key: 'fullName', width: 28 },
      { key: 'birthDate', width: 13 },
      { key: 'citizenId', width: 15 },
      { key: 'unit', width: 30 },
      { key: 'hours', width: 9, number: { min: 0, max: 5000 } },
      { key: 'result', width: 16, list: ['Xuất sắc', 'Giỏi', 'Khá', 'Trung bình', 'Đạt', 'Hoàn thành', 'Không đạt', 'Không hoàn thành', 'Vắng'] },
      { key: 'certificateNo', width: 16 },
      { key: 'note', width: 20 },
    ],
    examples: [
      { fullName: 'Nguyễn Văn Đức', birthDate: d('1980-03-15'), citizenId: '062080000123', unit: 'Phòng Quản lý ngân sách', hours: 40, result: 'Hoàn thành', certificateNo: 'BD-2026/0115' },
      { fullName: 'Trần Thị Hồng Nhung', birthDate: '01/07/1992', citizenId: '', unit: 'Văn phòng Sở', hours: '', result: 'Giỏi', certificateNo: 'BD-2026/0116', note: 'Vắng 1 buổi' },
    ],
    help: [
      '• Mỗi dòng là một cán bộ đang công tác trong đơn vị nhận (hoặc đơn vị trực thuộc). Hệ thống nhận ra người theo số CCCD; không có CCCD thì theo họ tên và ngày sinh (hoặc năm sinh); chỉ có họ tên thì khi trong đơn vị chỉ một người có tên đó. Each row is a current member, found by citizen ID, else by name and date of birth, else by a name no one else in the unit has.',
      '• Số giờ để trống: lấy số giờ của khóa học nhập trên màn hình. An empty "Số giờ": the hours entered for the training.',
      '• Kết quả "Không đạt", "Không hoàn thành", "Vắng": người đó không được ghi hồ sơ. A result of "Không đạt", "Không hoàn thành" or "Vắng": no record for that person.',
      '• Cột Ghi chú chỉ để đọc, không được lưu. The "Ghi chú" column is read, not kept.',
      '• Tất cả người trong danh sách được ghi hồ sơ học tập đã xác nhận, cùng một lúc; có lỗi thì không ghi ai. Everyone is recorded at once, verified; with any error, no one is.',
    ],
  },
  titleRegistration: {
    sheetName: 'Đăng ký',
    titleVi: 'DANH SÁCH ĐĂNG KÝ DANH HIỆU HỌC TẬP',
    subtitleVi: 'Danh hiệu (Công dân học tập, Gia đình học tập, Dòng họ học tập, Cộng đồng học tập, Đơn vị học tập) và năm đăng ký chọn trên màn hình khi nhập tệp.',
    columns: [
      { key: 'name', width: 30 },
      { key: 'birthDate', width: 13 },
      { key: 'citizenId', width: 15 },
      { key: 'householdCode', width: 10 },
      { key: 'place', width: 28 },
      { key: 'note', width: 20 },
    ],
    examples: [
      { name: 'Nguyễn Văn Đức', birthDate: d('1980-03-15'), citizenId: '062080000123', householdCode: '', place: 'Phòng Quản lý ngân sách' },
      { name: 'Danh Sóc', birthDate: '', citizenId: '', householdCode: '0012', place: 'Ấp Tân Khánh', note: 'Gia đình học tập: tên chủ hộ' },
    ],
    help: [
      '• Công dân học tập: mỗi dòng là một người, nhận ra theo số CCCD; không có CCCD thì theo họ tên và ngày sinh; chỉ có họ tên khi trong đơn vị chỉ một người có tên đó. Learning citizen: a person per row, found by citizen ID, else by name and date of birth, else by a name no one else has.',
      '• Gia đình học tập: mỗi dòng là một hộ, theo mã hộ và thôn/ấp, hoặc họ tên chủ hộ (và thôn/ấp). Learning family: a household per row, by its code and hamlet, or its head’s name (and hamlet).',
      '• Dòng họ học tập: tên dòng họ (và xã). Cộng đồng học tập, Đơn vị học tập: tên thôn, ấp hoặc đơn vị trực thuộc đơn vị nhận. Learning clan: the clan’s name; learning community or unit: the hamlet’s or unit’s name.',
      '• Đối tượng đã đăng ký danh hiệu này trong năm được bỏ qua. Tất cả được đăng ký cùng một lúc; có lỗi thì không đăng ký ai. Subjects already registered are skipped; all are registered at once, or none when any row has an error.',
    ],
  },
};
