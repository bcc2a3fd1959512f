/**
 * What the fields of the API are called in Vietnamese and English, for error messages that name a
 * field ("Trường "Các đơn vị sáp nhập" cần ít nhất 2 mục"). Looked up by the last name in the
 * field's path ("successors.1.name" → "name"); a field not listed is named as the API names it.
 */
import { PEOPLE_COLUMNS } from './people.js';

type Bilingual = { vi: string; en: string };

export const FIELD_LABELS: Record<string, Bilingual> = {
  ...PEOPLE_COLUMNS,
  name: { vi: 'Tên', en: 'Name' },
  code: { vi: 'Mã', en: 'Code' },
  kindCode: { vi: 'Loại đơn vị', en: 'Kind of unit' },
  parentId: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  orgId: { vi: 'Đơn vị', en: 'Unit' },
  note: { vi: 'Ghi chú', en: 'Note' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  login: { vi: 'Tên đăng nhập', en: 'Login' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  displayName: { vi: 'Tên hiển thị', en: 'Display name' },
  validFrom: { vi: 'Từ ngày', en: 'From' },
  validTo: { vi: 'Đến ngày (ngày thôi)', en: 'Until (first day no longer)' },
  effectiveDate: { vi: 'Ngày hiệu lực', en: 'Effective date' },
  decisionRef: { vi: 'Số quyết định', en: 'Decision' },
  predecessorIds: { vi: 'Các đơn vị sáp nhập', en: 'Units to merge' },
  predecessorId: { vi: 'Đơn vị chia tách', en: 'Unit to split' },
  successor: { vi: 'Đơn vị sau sáp nhập', en: 'Resulting unit' },
  successors: { vi: 'Các đơn vị sau chia tách', en: 'Resulting units' },
  assignments: { vi: 'Phân chia đơn vị trực thuộc', en: 'Assignment of child units' },
  unitIds: { vi: 'Các đơn vị được chuyển', en: 'Units to move' },
  newParentId: { vi: 'Đơn vị cấp trên mới', en: 'New parent unit' },
  renames: { vi: 'Đổi tên', en: 'Renames' },
  membershipIds: { vi: 'Các dòng được chọn', en: 'Selected rows' },
  targetOrgId: { vi: 'Đơn vị chuyển đến', en: 'Unit to move to' },
  date: { vi: 'Ngày', en: 'Date' },
};

/** The label of a field path, or the path itself. */
export function fieldLabel(field: string): Bilingual {
  const last = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? '';
  return FIELD_LABELS[last] ?? { vi: field, en: field };
}
