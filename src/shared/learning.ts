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

/** How a level reads: 'Bậc 3 (B1)' on the 6-level framework, 'Chứng chỉ B (cũ)' for a legacy certificate. */
export const LANGUAGE_LEVEL_LABELS: Record<LanguageLevel, Bilingual> = {
  '1': { vi: 'Bậc 1 (A1)', en: 'Level 1 (A1)' },
  '2': { vi: 'Bậc 2 (A2)', en: 'Level 2 (A2)' },
  '3': { vi: 'Bậc 3 (B1)', en: 'Level 3 (B1)' },
  '4': { vi: 'Bậc 4 (B2)', en: 'Level 4 (B2)' },
  '5': { vi: 'Bậc 5 (C1)', en: 'Level 5 (C1)' },
  '6': { vi: 'Bậc 6 (C2)', en: 'Level 6 (C2)' },
  A: { vi: 'Chứng chỉ A (cũ)', en: 'Legacy certificate A' },
  B: { vi: 'Chứng chỉ B (cũ)', en: 'Legacy certificate B' },
  C: { vi: 'Chứng chỉ C (cũ)', en: 'Legacy certificate C' },
};

// ── Answers of the learning-record API, as the web reads them (learningRecord.service.ts) ────

/** An evidence file of a record (GET /learning-records/:id/evidence/:fileId opens it). */
export interface EvidenceFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** The fields of a record as POST and PUT /learning-records take them (dates 'yyyy-mm-dd'). */
export interface RecordFieldsBody {
  kind: RecordKind;
  title: string;
  provider: string | null;
  startsOn: string | null;
  endsOn: string;
  hours: number | null;
  result: string | null;
  itStandard: ItStandard | null;
  language: string | null;
  languageLevel: LanguageLevel | null;
  certificateNo: string | null;
  mandatoryTrainingId: string | null;
  planLineId: string | null;
}

/** POST /learning-records/bulk: one training for many members of a unit, verified at once. */
export interface BulkRecordBody extends RecordFieldsBody {
  orgId: string;
  personIds: string[];
}

/** A record as the service's present() shapes it: `mine` (the viewer's own), `canVerify` (the viewer may verify it). */
export interface LearningRecordView extends Omit<RecordFieldsBody, 'kind' | 'itStandard' | 'languageLevel'> {
  id: string;
  personId: string;
  orgId: string;
  year: number;
  kind: RecordKind;
  itStandard: ItStandard | null;
  languageLevel: LanguageLevel | null;
  batchId: string | null;
  status: RecordStatus;
  reviewedBy: string | null;
  reviewedAt: string | null;
  rejectReason: string | null;
  createdAt: string;
  updatedAt: string;
  person: { id: string; fullName: string };
  org: { id: string; name: string };
  mine: boolean;
  canVerify: boolean;
  evidence: EvidenceFile[];
}

/** A mandatory training the member owes this year, with the verified hours done. */
export interface OwedTraining {
  id: string;
  title: string;
  kind: RecordKind;
  legalBasis: string | null;
  hoursRequired: number;
  hoursDone: number;
  done: boolean;
}

/** GET /learning-records/mine?year. */
export interface MyLearningYear {
  items: LearningRecordView[];
  owed: OwedTraining[];
}

/** GET /learning-records?orgId&…: records of a subtree, paged. */
export interface LearningRecordPage {
  items: LearningRecordView[];
  total: number;
  page: number;
  pageSize: number;
}

/** An entry of the mandatory-training catalogue (GET /mandatory-trainings?orgId). */
export interface MandatoryTrainingEntry {
  id: string;
  orgId: string | null;
  orgName: string | null;
  code: string;
  title: string;
  kind: RecordKind;
  /** Verified hours of the year that complete it; 0: one verified record is enough. */
  hoursPerYear: number;
  categories: string[];
  leadersOnly: boolean;
  legalBasis: string | null;
  /** When it stopped being owed (ISO); null: in force. */
  retiredAt: string | null;
}

export interface MandatoryCatalogue {
  source: string;
  items: MandatoryTrainingEntry[];
}

/** The shares the seeds target, each met or not by a member in a year (server: learningRecord.repo INDICATORS). */
export const SUMMARY_INDICATORS = ['planApproved', 'mandatoryDone', 'leaderTrained', 'digitalTrained', 'itJoined', 'languageJoined', 'languageCertified'] as const;
export type SummaryIndicator = (typeof SUMMARY_INDICATORS)[number];

/** What each share counts, and over whom (its denominator). */
export const SUMMARY_INDICATOR_LABELS: Record<SummaryIndicator, Bilingual & { of: 'members' | 'leaders' | 'owing' }> = {
  planApproved: { vi: 'Có kế hoạch tự học được duyệt', en: 'Self-study plan approved', of: 'members' },
  mandatoryDone: { vi: 'Hoàn thành bồi dưỡng bắt buộc', en: 'Mandatory training completed', of: 'owing' },
  leaderTrained: { vi: 'Lãnh đạo được bồi dưỡng lãnh đạo, quản lý', en: 'Leaders trained in leadership', of: 'leaders' },
  digitalTrained: { vi: 'Được bồi dưỡng chuyển đổi số', en: 'Trained for digital transformation', of: 'members' },
  itJoined: { vi: 'Tham gia học công nghệ thông tin', en: 'Joined IT programmes', of: 'members' },
  languageJoined: { vi: 'Tham gia học ngoại ngữ', en: 'Joined language programmes', of: 'members' },
  languageCertified: { vi: 'Có chứng chỉ ngoại ngữ', en: 'Hold a language certificate', of: 'members' },
};

/**
 * Reference targets drawn beside the shares (0–1), with where they come from. Plans set their own
 * figures; these are the national ones (TT 22/2020, TT 24/2023 level 1) and seed 001's (KH
 * 1080/KH-TTYT, 2025 milestone) where the regulations give none. Shares without one have no line.
 */
export const SHARE_TARGETS: Partial<Record<SummaryIndicator, { value: number; source: string }>> = {
  planApproved: { value: 1, source: 'TT 22/2020/TT-BGDĐT, Điều 5, 2a' },
  mandatoryDone: { value: 0.9, source: 'TT 24/2023/TT-BGDĐT, tiêu chí 2.2 (mức 1)' },
  leaderTrained: { value: 1, source: 'KH 1080/KH-TTYT (2025)' },
  digitalTrained: { value: 0.9, source: 'TT 24/2023/TT-BGDĐT, tiêu chí 2.3 (mức 1)' },
  itJoined: { value: 0.95, source: 'KH 1080/KH-TTYT (2025)' },
  languageCertified: { value: 0.5, source: 'TT 24/2023/TT-BGDĐT, tiêu chí 2.4 (mức 1)' },
};

/** Counts and shares of a set of members (a unit, or all). A share is null when nobody is counted. */
export interface LearningTally {
  members: number;
  leaders: number;
  /** Members who owe at least one mandatory training. */
  owing: number;
  counts: Record<SummaryIndicator, number>;
  shares: Record<SummaryIndicator, number | null>;
  /** Members by the level of their latest verified certificate: '1'…'6', 'A'…'C', 'none'. */
  levels: Record<string, number>;
}

/** GET /learning-records/summary?orgId&year: all, and each unit directly under (`own`: the unit's own members). */
export interface LearningSummary {
  org: { id: string; name: string };
  year: number;
  total: LearningTally;
  units: (LearningTally & { org: { id: string; name: string }; own: boolean })[];
}

/** A member behind a number (GET /learning-records/summary/members). */
export interface SummaryMember {
  person: { id: string; fullName: string };
  org: { id: string; name: string };
  isLeader: boolean;
  languageLevel: LanguageLevel | null;
}

export interface SummaryMembersPage {
  items: SummaryMember[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}
