/**
 * Roles of hoctap. A role is granted on an organisation and covers its whole subtree.
 * What each role may do lives in the server's policy module (src/server/platform/policy).
 */
export const ROLE_CODES = [
  'system_admin',
  'org_admin',
  'secretariat',
  'unit_head',
  'member',
  'council_member',
  'viewer',
] as const;

export type RoleCode = (typeof ROLE_CODES)[number];

/** Names and descriptions shown in the UI (the API sends them; screens do not hard-code them). */
export const ROLE_INFO: Record<RoleCode, { nameVi: string; nameEn: string; descriptionVi: string; descriptionEn: string }> = {
  system_admin: {
    nameVi: 'Quản trị hệ thống',
    nameEn: 'System administrator',
    descriptionVi: 'Toàn quyền trên cây tổ chức được cấp.',
    descriptionEn: 'Full control of the organisation subtree.',
  },
  org_admin: {
    nameVi: 'Quản trị đơn vị',
    nameEn: 'Organisation administrator',
    descriptionVi: 'Quản lý đơn vị, tài khoản và phân quyền trong phạm vi được cấp.',
    descriptionEn: 'Manages units, accounts and roles within the subtree.',
  },
  secretariat: {
    nameVi: 'Văn phòng / Phòng TCHC',
    nameEn: 'Secretariat',
    descriptionVi: 'Cấu hình phong trào, theo dõi, tổng hợp báo cáo và hồ sơ khen thưởng.',
    descriptionEn: 'Configures the movement, tracks and aggregates reports and reward dossiers.',
  },
  unit_head: {
    nameVi: 'Trưởng đơn vị',
    nameEn: 'Unit head',
    descriptionVi: 'Phê duyệt kế hoạch, xác nhận kết quả, gửi báo cáo của đơn vị.',
    descriptionEn: "Approves plans, confirms results and submits the unit's report.",
  },
  member: {
    nameVi: 'Cán bộ, công chức, viên chức',
    nameEn: 'Member',
    descriptionVi: 'Lập kế hoạch tự học, ghi nhận kết quả học tập, tự đánh giá.',
    descriptionEn: 'Writes a self-study plan, records learning, self-assesses.',
  },
  council_member: {
    nameVi: 'Thành viên Hội đồng TĐKT',
    nameEn: 'Emulation and reward council member',
    descriptionVi: 'Xem xét, biểu quyết đề nghị khen thưởng.',
    descriptionEn: 'Reviews and votes on reward nominations.',
  },
  viewer: {
    nameVi: 'Lãnh đạo (xem)',
    nameEn: 'Leadership (view)',
    descriptionVi: 'Xem bảng điều khiển và số liệu.',
    descriptionEn: 'Views dashboards and figures.',
  },
};
