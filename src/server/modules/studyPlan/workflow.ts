/**
 * The life of a self-study plan, without a database: which acts exist, who may do each (the
 * member who owns the plan, or a reviewer: a unit head or the secretariat of the plan's unit, never
 * the owner), from which states, and what they need. The service asks `transition` before writing.
 */
import type { PlanChanges, PlanContent, PlanState } from '../../../shared/studyPlan.js';
import { ruleBroken } from '../../platform/errors.js';

export const PLAN_ACTS = ['submit', 'withdraw', 'approve', 'return', 'reopen', 'report', 'confirm', 'returnReport'] as const;
export type PlanAct = (typeof PLAN_ACTS)[number];

interface ActRule {
  from: readonly PlanState[];
  to: PlanState;
  by: 'owner' | 'reviewer';
  /** A comment is required (returns and reopening give a reason). */
  needsComment?: boolean;
  /** The content as it stands is kept as a version. */
  keepsVersion: boolean;
}

export const ACT_RULES: Record<PlanAct, ActRule> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'owner', keepsVersion: true },
  withdraw: { from: ['submitted'], to: 'draft', by: 'owner', keepsVersion: false },
  approve: { from: ['submitted'], to: 'approved', by: 'reviewer', keepsVersion: true },
  return: { from: ['submitted'], to: 'returned', by: 'reviewer', needsComment: true, keepsVersion: true },
  reopen: { from: ['approved'], to: 'returned', by: 'reviewer', needsComment: true, keepsVersion: true },
  report: { from: ['approved'], to: 'reported', by: 'owner', keepsVersion: true },
  confirm: { from: ['reported'], to: 'confirmed', by: 'reviewer', keepsVersion: true },
  returnReport: { from: ['reported'], to: 'approved', by: 'reviewer', needsComment: true, keepsVersion: true },
};

/** States in which the owner edits the content. */
export const EDITABLE_STATES: readonly PlanState[] = ['draft', 'returned'];

export interface ActInput {
  state: PlanState;
  role: 'owner' | 'reviewer';
  comment?: string | null;
  content: PlanContent;
  /** For `report`: whether every line has its result. */
  reportComplete?: boolean;
}

const ACT_NAMES: Record<PlanAct, { vi: string; en: string }> = {
  submit: { vi: 'gửi duyệt', en: 'submit' },
  withdraw: { vi: 'rút lại', en: 'withdraw' },
  approve: { vi: 'phê duyệt', en: 'approve' },
  return: { vi: 'trả lại', en: 'return' },
  reopen: { vi: 'mở lại', en: 'reopen' },
  report: { vi: 'báo cáo kết quả', en: 'report results' },
  confirm: { vi: 'xác nhận kết quả', en: 'confirm results' },
  returnReport: { vi: 'trả lại báo cáo', en: 'return the report' },
};

const STATE_NAMES: Record<PlanState, { vi: string; en: string }> = {
  draft: { vi: 'đang soạn', en: 'a draft' },
  submitted: { vi: 'chờ duyệt', en: 'awaiting approval' },
  returned: { vi: 'đã trả lại', en: 'returned' },
  approved: { vi: 'đã duyệt', en: 'approved' },
  reported: { vi: 'đã báo cáo kết quả', en: 'reported' },
  confirmed: { vi: 'đã xác nhận kết quả', en: 'confirmed' },
};

/** The state after `act`, or the rule it breaks (an AppError naming the field). */
export function transition(act: PlanAct, input: ActInput): PlanState {
  const rule = ACT_RULES[act];
  const name = ACT_NAMES[act];
  if (rule.by !== input.role) {
    throw rule.by === 'owner'
      ? ruleBroken('PLAN_OWNER_ONLY', `Chỉ người lập kế hoạch được ${name.vi}.`, `Only the member who wrote the plan may ${name.en} it.`)
      : ruleBroken('PLAN_REVIEWER_ONLY', `Chỉ lãnh đạo đơn vị (không phải người lập) được ${name.vi} kế hoạch.`, `Only the unit's head, not the plan's author, may ${name.en} it.`);
  }
  if (!rule.from.includes(input.state)) {
    const state = STATE_NAMES[input.state];
    throw ruleBroken('PLAN_STATE', `Không thể ${name.vi} kế hoạch ${state.vi}.`, `Cannot ${name.en} a plan that is ${state.en}.`, 'state');
  }
  if (rule.needsComment && !input.comment?.trim()) {
    throw ruleBroken('COMMENT_REQUIRED', 'Hãy ghi lý do, nhận xét để người lập kế hoạch biết cần sửa gì.', 'Give the reason, so the member knows what to change.', 'comment');
  }
  if (act === 'submit') checkSubmittable(input.content);
  if (act === 'report' && !input.reportComplete) {
    throw ruleBroken('REPORT_INCOMPLETE', 'Hãy ghi kết quả cho từng nội dung của kế hoạch trước khi gửi báo cáo.', 'Give the result of every line of the plan before sending the report.', 'report');
  }
  return rule.to;
}

/** A plan goes to the head only with at least one line and the commitment confirmed. */
function checkSubmittable(content: PlanContent) {
  if (content.lines.length === 0) {
    throw ruleBroken('PLAN_EMPTY', 'Kế hoạch cần ít nhất một nội dung học tập.', 'The plan needs at least one line.', 'lines');
  }
  content.lines.forEach((l, i) => {
    if (l.fromMonth > l.toMonth) {
      throw ruleBroken('LINE_DATES', `Nội dung ${i + 1}: tháng bắt đầu sau tháng kết thúc.`, `Line ${i + 1}: starts after it ends.`, `lines.${i}.fromMonth`);
    }
  });
  if (!content.commitment.trim()) {
    throw ruleBroken('COMMITMENT_REQUIRED', 'Hãy ghi và xác nhận cam kết học tập suốt đời.', 'Write and confirm the lifelong-learning commitment.', 'commitment');
  }
}

const LINE_FIELDS = ['content', 'need', 'method', 'provider', 'fromMonth', 'toMonth', 'expectedResult', 'hours', 'lineType', 'expectedEvidence', 'note'] as const;
const PARTS = ['selfAssessment', 'goals', 'conditions', 'commitment'] as const;

/** What changed from `before` to `after` (the reviewer's view of a plan that comes back). */
export function diffPlan(before: PlanContent, after: PlanContent): PlanChanges {
  const old = new Map(before.lines.map((l) => [l.id, l]));
  const now = new Map(after.lines.map((l) => [l.id, l]));
  return {
    added: after.lines.filter((l) => !old.has(l.id)).map((l) => l.id),
    removed: before.lines.filter((l) => !now.has(l.id)).map((l) => l.id),
    changed: after.lines
      .filter((l) => old.has(l.id))
      .map((l) => ({ lineId: l.id, fields: LINE_FIELDS.filter((f) => (old.get(l.id)![f] ?? null) !== (l[f] ?? null)) }))
      .filter((c) => c.fields.length > 0),
    parts: PARTS.filter((p) => (before[p] ?? null) !== (after[p] ?? null)),
  };
}
