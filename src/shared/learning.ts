/**
 * Codes of learning records (hồ sơ học tập), shared by the server and the web. The kinds are the
 * ones TT 24/2023 and the seed plans count: mandatory yearly training, leadership training, IT
 * skill (Thông tư 03/2014/TT-BTTTT: cơ bản / nâng cao), training for the unit's digital
 * transformation (TT 24/2023 tiêu chí 2.3), foreign languages on the 6-level framework
 * (Thông tư 01/2014/TT-BGDĐT; legacy A/B/C certificates kept as such).
 */
import type { Bilingual } from './api-types.js';

const labels = <K extends string>(entries: Record<K, Bilingual>) => entries;

export const RECORD_KINDS = labels({
  course: { vi: 'Khóa học, lớp bồi dưỡng', en: 'Course or training' },
  mandatory_training: { vi: 'Bồi dưỡng bắt buộc hằng năm', en: 'Mandatory yearly training' },
  leadership_training: { vi: 'Bồi dưỡng lãnh đạo, quản lý', en: 'Leadership and management training' },
  it_skill: { vi: 'Kỹ năng công nghệ thông tin', en: 'IT skill' },
  digital_transformation: { vi: 'Bồi dưỡng chuyển đổi số của đơn vị', en: "Training for the unit's digital transformation" },
  foreign_language: { vi: 'Ngoại ngữ, tiếng dân tộc thiểu số', en: 'Foreign or ethnic-minority language' },
  self_study: { vi: 'Tự học', en: 'Self-study' },
  seminar: { vi: 'Hội thảo, sinh hoạt chuyên môn', en: 'Seminar' },
  reading: { vi: 'Đọc sách, tài liệu', en: 'Reading' },
});
export type RecordKind = keyof typeof RECORD_KINDS;

export const IT_STANDARDS = labels({
  basic: { vi: 'Chuẩn kỹ năng sử dụng CNTT cơ bản', en: 'Basic IT skills standard' },
  advanced: { vi: 'Chuẩn kỹ năng sử dụng CNTT nâng cao', en: 'Advanced IT skills standard' },
});
export type ItStandard = keyof typeof IT_STANDARDS;

/** Levels on the 6-level framework ('1'…'6') or a legacy certificate ('A', 'B', 'C'). */
export const LANGUAGE_LEVELS = ['1', '2', '3', '4', '5', '6', 'A', 'B', 'C'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const RECORD_STATUSES = labels({
  pending: { vi: 'Chờ xác nhận', en: 'Awaiting verification' },
  verified: { vi: 'Đã xác nhận', en: 'Verified' },
  rejected: { vi: 'Không xác nhận', en: 'Rejected' },
});
export type RecordStatus = keyof typeof RECORD_STATUSES;

/** Evidence files: PDF or an image, recognised by their first bytes, at most this size. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
