/**
 * Codes of the yearly self-study plan (kế hoạch tự học, tự bồi dưỡng) and its cycle, shared by the
 * server (validation, documents) and the web (forms, filters). The plan's parts follow the form
 * recommended in ../shared/spec/forms.md §3 (no national form exists; TT 22/2020 and TT 24/2023
 * count plans "được lãnh đạo đơn vị phê duyệt").
 */
import type { Bilingual } from './api-types.js';

const labels = <K extends string>(entries: Record<K, Bilingual>) => entries;

/** How a line is learned (forms.md §3, part IV "Hình thức"). */
export const LEARNING_METHODS = labels({
  self_study: { vi: 'Tự học', en: 'Self-study' },
  online: { vi: 'Học trực tuyến', en: 'Online' },
  course: { vi: 'Lớp tập trung, khóa học', en: 'Course' },
  unit_training: { vi: 'Đơn vị tổ chức bồi dưỡng', en: 'Training by the unit' },
  seminar: { vi: 'Hội thảo, sinh hoạt chuyên môn', en: 'Seminar or professional meeting' },
  club: { vi: 'Câu lạc bộ, trung tâm học tập cộng đồng', en: 'Club or community learning centre' },
});
export type LearningMethod = keyof typeof LEARNING_METHODS;

/** Why the line is in the plan (forms.md §3, part IV "Thuộc loại"). */
export const LINE_TYPES = labels({
  mandatory: { vi: 'Bắt buộc theo quy định', en: 'Required by regulation' },
  unit_required: { vi: 'Theo yêu cầu của đơn vị', en: 'Required by the unit' },
  elective: { vi: 'Tự chọn', en: 'Own choice' },
});
export type LineType = keyof typeof LINE_TYPES;

/**
 * Where a plan stands. draft → submitted → approved, or returned with a comment → submitted again;
 * an approved plan can be reopened (returned, with a reason); at year end: approved → reported →
 * confirmed by the head (or the report returned: back to approved).
 */
export const PLAN_STATES = labels({
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  returned: { vi: 'Trả lại để sửa', en: 'Returned for changes' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  reported: { vi: 'Đã báo cáo kết quả', en: 'Year-end report sent' },
  confirmed: { vi: 'Đã xác nhận kết quả', en: 'Results confirmed' },
});
export type PlanState = keyof typeof PLAN_STATES;

/** A member expected to act who has no plan yet, in lists and counts. */
export const NO_PLAN = { vi: 'Chưa lập kế hoạch', en: 'No plan yet' } as const;

/** A member's own assessment of a line, and of the year (forms.md §3, year-end columns). */
export const SELF_ASSESSMENTS = labels({
  done_well: { vi: 'Hoàn thành tốt', en: 'Done well' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  not_done: { vi: 'Chưa hoàn thành', en: 'Not done' },
});
export type SelfAssessment = keyof typeof SELF_ASSESSMENTS;

/** The lifelong-learning commitment a member confirms (TT 22/2020: "cam kết học tập suốt đời"). */
export const DEFAULT_COMMITMENT = {
  vi: 'Tôi cam kết thực hiện nghiêm túc kế hoạch tự học, tự bồi dưỡng này; chủ động học tập thường xuyên, học tập suốt đời để nâng cao trình độ, năng lực, đáp ứng yêu cầu nhiệm vụ được giao và góp phần xây dựng đơn vị học tập.',
  en: 'I commit to carrying out this self-study plan in earnest, to learning regularly and throughout my life to improve my knowledge and skills, meet the demands of my work and help build a learning unit.',
} as const;

/** One line of a plan: what, why, how, when, what it gives, and the year-end result. */
export interface PlanLine {
  /** Stable across versions, so changes and the year-end report refer to it. */
  id: string;
  content: string;
  need: string | null;
  method: LearningMethod;
  /** The platform or provider, e.g. "Nền tảng học tập số tỉnh", "Trường Chính trị tỉnh". */
  provider: string | null;
  /** Months 'YYYY-MM'. */
  fromMonth: string;
  toMonth: string;
  expectedResult: string | null;
  hours: number | null;
  lineType: LineType;
  expectedEvidence: string | null;
  note: string | null;
}

/** The parts of a plan a member writes (forms.md §3, parts II–VI). */
export interface PlanContent {
  selfAssessment: string | null;
  goals: string | null;
  lines: PlanLine[];
  conditions: string | null;
  commitment: string;
}

/** The year-end report: one entry per line, and the year as a whole. */
export interface PlanReport {
  lines: { lineId: string; result: string | null; percent: number; evidence: string | null; assessment: SelfAssessment }[];
  assessment: SelfAssessment;
  comment: string | null;
}

/** What changed between two versions of a plan's content, for the reviewer. */
export interface PlanChanges {
  added: string[];
  removed: string[];
  /** Line ids with the names of the fields that differ. */
  changed: { lineId: string; fields: string[] }[];
  /** Parts outside the lines that differ: 'goals', 'conditions', 'selfAssessment', 'commitment'. */
  parts: string[];
}

// ── Answers of the study-plan API, as the web reads them (studyPlan.service.ts) ──────────────

/** Acts on a plan (server: workflow.ts PLAN_ACTS); a plan's `acts` lists those the viewer may do now. */
export type PlanAct = 'submit' | 'withdraw' | 'approve' | 'return' | 'reopen' | 'report' | 'confirm' | 'returnReport';

/** The learning year that applies to a unit (its own or that of the nearest unit above that opened one). */
export interface LearningYearInfo {
  /** The unit that opened it. */
  orgName: string;
  startsOn?: string;
  endsOn?: string;
  /** 'yyyy-mm-dd'. */
  planDeadline: string;
  reportDeadline: string;
}

/** One kept version of a plan: the act that made it, the state after, the comment given. */
export interface PlanVersionView {
  no: number;
  act: PlanAct;
  stateAfter: PlanState;
  comment: string | null;
  actorId: string | null;
  createdAt: string;
}

/** GET /study-plans/:id (and every act, save and report): one plan as the viewer sees it. */
export interface PlanView {
  id: string;
  year: number;
  state: PlanState;
  person: { id: string; fullName: string };
  org: { id: string; name: string };
  content: PlanContent;
  report: PlanReport | null;
  reviewComment: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  reportedAt: string | null;
  confirmedAt: string | null;
  updatedAt: string;
  learningYear: LearningYearInfo | null;
  /** The viewer: the member who wrote it, a reviewer (may approve), or a reader. */
  role: 'owner' | 'reviewer' | 'reader';
  acts: PlanAct[];
  /** A plan sent again after a return: what changed since the version that was returned. */
  changes: PlanChanges | null;
  versions: PlanVersionView[];
}

/** GET /study-plans/mine?year: the member's year (member null: the account has no current staff record). */
export interface MyPlanYear {
  year: number;
  member: { personId: string; fullName: string; org: { id: string; name: string }; position: string | null } | null;
  learningYear: LearningYearInfo | null;
  plan: PlanView | null;
  templates: { id: string; title: string; orgName: string }[];
  hasPrevious: boolean;
}

/** A plan template a unit published for a year (GET /plan-templates?orgId): for the given positions, none: everyone. */
export interface PlanTemplateView {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  title: string;
  positions: string[];
  content: PlanContent;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A row of GET /study-plans: a member expected to have a plan, and where it stands. */
export interface PlanMemberRow {
  person: { id: string; fullName: string };
  org: { id: string; name: string };
  position: string | null;
  isLeader: boolean;
  hasAccount: boolean;
  planId: string | null;
  state: PlanState | 'none';
  submittedAt: string | null;
  late: boolean;
  /** Submitted, and the viewer may approve it (not their own). */
  canApprove: boolean;
}

export interface PlanMembersPage {
  items: PlanMemberRow[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  learningYear: Pick<LearningYearInfo, 'orgName' | 'planDeadline' | 'reportDeadline'> | null;
}

/** Plan states counted over a set of members. */
export interface PlanTally {
  expected: number;
  counts: Record<PlanState | 'none', number>;
  approved: number;
  /** approved / expected, or null when nobody is expected. */
  approvedShare: number | null;
}

/** GET /study-plans/summary: the chosen unit, and each unit directly under it (`own`: the unit's own members). */
export interface PlanSummary {
  org: { id: string; name: string };
  year: number;
  learningYear: Pick<LearningYearInfo, 'orgName' | 'planDeadline' | 'reportDeadline'> | null;
  total: PlanTally;
  units: (PlanTally & { org: { id: string; name: string }; own: boolean })[];
}

/** A learning year a unit opened itself (GET /learning-years, PUT /learning-years). */
export interface LearningYearRecord {
  id: string;
  orgId: string;
  year: number;
  startsOn: string;
  endsOn: string;
  planDeadline: string;
  reportDeadline: string;
}
