/**
 * The life of a title case (hồ sơ đăng ký danh hiệu), without a database: its states, the acts that
 * move it, who may do each and what each needs. The service works out the actor's roles on the case
 * (recognition.policy.ts) and asks `transition` before writing.
 *
 *   registered ─submit→ submitted ─accept→ reviewed ─recognise (decision issued)→ recognised
 *        ↑                  │ return          (revoke keeps the state; the recognition is revoked)
 *        └── returned ←─────┤
 *                           └ reject → not_recognised
 *   withdraw: from registered, submitted, returned or reviewed → withdrawn
 */
import type { Bilingual } from '../../../shared/api-types.js';
import { ruleBroken } from '../../platform/errors.js';

export const REGISTRATION_STATES = ['registered', 'submitted', 'returned', 'reviewed', 'recognised', 'not_recognised', 'withdrawn'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/**
 * Who acts on a case: the person themself (Công dân học tập), a manager (recognition.manage on the
 * case's organisation: registers and assesses on the subject's behalf), a reviewer (the level above),
 * a decider (recognition.decide: issues decisions, revokes).
 */
export type CaseRole = 'owner' | 'manager' | 'reviewer' | 'decider';

export const CASE_ACTS = ['register', 'assess', 'submit', 'assessReview', 'accept', 'return', 'reject', 'withdraw', 'recognise', 'revoke'] as const;
export type CaseAct = (typeof CASE_ACTS)[number];

interface ActRule {
  /** States the act starts from (`register` starts from none). */
  from: readonly RegistrationState[];
  /** The state after; null: unchanged. */
  to: RegistrationState | null;
  by: readonly CaseRole[];
  needsComment?: boolean;
}

export const ACT_RULES: Record<CaseAct, ActRule> = {
  register: { from: [], to: 'registered', by: ['owner', 'manager'] },
  assess: { from: ['registered', 'returned'], to: null, by: ['owner', 'manager'] },
  submit: { from: ['registered', 'returned'], to: 'submitted', by: ['owner', 'manager'] },
  assessReview: { from: ['submitted'], to: null, by: ['reviewer'] },
  accept: { from: ['submitted'], to: 'reviewed', by: ['reviewer'] },
  return: { from: ['submitted'], to: 'returned', by: ['reviewer'], needsComment: true },
  reject: { from: ['submitted'], to: 'not_recognised', by: ['reviewer'], needsComment: true },
  withdraw: { from: ['registered', 'submitted', 'returned', 'reviewed'], to: 'withdrawn', by: ['owner', 'manager'], needsComment: true },
  recognise: { from: ['reviewed'], to: 'recognised', by: ['decider'] },
  revoke: { from: ['recognised'], to: null, by: ['decider'], needsComment: true },
};

export const ACT_NAMES: Record<CaseAct, Bilingual> = {
  register: { vi: 'đăng ký', en: 'register' },
  assess: { vi: 'tự đánh giá', en: 'self-assess' },
  submit: { vi: 'gửi hồ sơ', en: 'submit' },
  assessReview: { vi: 'thẩm định', en: 'review-assess' },
  accept: { vi: 'thông qua', en: 'accept' },
  return: { vi: 'trả lại', en: 'return' },
  reject: { vi: 'không công nhận', en: 'reject' },
  withdraw: { vi: 'rút hồ sơ', en: 'withdraw' },
  recognise: { vi: 'công nhận', en: 'recognise' },
  revoke: { vi: 'thu hồi công nhận', en: 'revoke' },
};

export const STATE_NAMES: Record<RegistrationState, Bilingual> = {
  registered: { vi: 'Đã đăng ký', en: 'Registered' },
  submitted: { vi: 'Chờ thẩm định', en: 'Awaiting review' },
  returned: { vi: 'Trả lại để bổ sung', en: 'Returned' },
  reviewed: { vi: 'Đã thẩm định, chờ quyết định', en: 'Reviewed, awaiting decision' },
  recognised: { vi: 'Đã công nhận', en: 'Recognised' },
  not_recognised: { vi: 'Không công nhận', en: 'Not recognised' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

export interface ActInput {
  /** The case's state; null for `register`. */
  state: RegistrationState | null;
  /** The actor's roles on the case. */
  roles: readonly CaseRole[];
  comment?: string | null;
  /** `submit`: a self-assessment is saved and its inputs are valid. */
  selfAssessed?: boolean;
  /** `accept`: the assessment accepted earns the title. */
  passed?: boolean;
}

/** Whether the roles allow the act in the state (for the screen's buttons; `transition` checks again). */
export function allows(act: CaseAct, state: RegistrationState, roles: readonly CaseRole[]): boolean {
  const rule = ACT_RULES[act];
  return rule.from.includes(state) && rule.by.some((r) => roles.includes(r));
}

/** The state after `act`, or the rule it breaks (an AppError naming the field). */
export function transition(act: CaseAct, input: ActInput): RegistrationState {
  const rule = ACT_RULES[act];
  const name = ACT_NAMES[act];
  if (!rule.by.some((r) => input.roles.includes(r))) {
    throw ruleBroken('TITLE_ACT_NOT_YOURS', `Bạn không được ${name.vi} hồ sơ này.`, `You may not ${name.en} this case.`);
  }
  if (act !== 'register' && (input.state === null || !rule.from.includes(input.state))) {
    const state = input.state ? STATE_NAMES[input.state] : { vi: 'chưa đăng ký', en: 'not registered' };
    throw ruleBroken('TITLE_STATE', `Không thể ${name.vi} hồ sơ ở trạng thái "${state.vi}".`, `Cannot ${name.en} a case that is "${state.en}".`, 'state');
  }
  if (rule.needsComment && !input.comment?.trim()) {
    throw ruleBroken('COMMENT_REQUIRED', `Hãy ghi lý do để ${name.vi}.`, `Give the reason to ${name.en}.`, act === 'withdraw' || act === 'revoke' ? 'reason' : 'comment');
  }
  if (act === 'submit' && !input.selfAssessed) {
    throw ruleBroken('SELF_ASSESSMENT_REQUIRED', 'Hãy lưu bản tự đánh giá hợp lệ trước khi gửi hồ sơ.', 'Save a valid self-assessment before submitting.', 'self');
  }
  if (act === 'accept' && !input.passed) {
    throw ruleBroken(
      'ASSESSMENT_NOT_PASSED',
      'Kết quả đánh giá chưa đạt danh hiệu: hãy trả lại hoặc không công nhận.',
      'The assessment does not earn the title: return or reject the case instead.',
      'act',
    );
  }
  return rule.to ?? input.state!;
}
