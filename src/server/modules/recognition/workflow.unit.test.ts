import { describe, expect, it } from 'vitest';
import { allows, transition } from './workflow.js';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return null;
};

describe('title case transitions', () => {
  it('goes registered → submitted → returned → submitted → reviewed → recognised', () => {
    expect(transition('register', { state: null, roles: ['owner'] })).toBe('registered');
    expect(transition('assess', { state: 'registered', roles: ['manager'] })).toBe('registered');
    expect(transition('submit', { state: 'registered', roles: ['owner'], selfAssessed: true })).toBe('submitted');
    expect(transition('return', { state: 'submitted', roles: ['reviewer'], comment: 'Bổ sung minh chứng' })).toBe('returned');
    expect(transition('submit', { state: 'returned', roles: ['manager'], selfAssessed: true })).toBe('submitted');
    expect(transition('assessReview', { state: 'submitted', roles: ['reviewer'] })).toBe('submitted');
    expect(transition('accept', { state: 'submitted', roles: ['reviewer'], passed: true })).toBe('reviewed');
    expect(transition('recognise', { state: 'reviewed', roles: ['decider'] })).toBe('recognised');
    expect(transition('revoke', { state: 'recognised', roles: ['decider'], comment: 'Khai không đúng' })).toBe('recognised');
  });

  it('rejects and withdraws with a reason', () => {
    expect(transition('reject', { state: 'submitted', roles: ['reviewer'], comment: 'Không đủ điều kiện' })).toBe('not_recognised');
    expect(transition('withdraw', { state: 'reviewed', roles: ['owner'], comment: 'Chuyển công tác' })).toBe('withdrawn');
  });

  it('refuses the wrong person, the wrong state, a missing reason, an unassessed or failing case', () => {
    expect(code(() => transition('accept', { state: 'submitted', roles: ['owner', 'manager'], passed: true }))).toBe('TITLE_ACT_NOT_YOURS');
    expect(code(() => transition('submit', { state: 'submitted', roles: ['owner'], selfAssessed: true }))).toBe('TITLE_STATE');
    expect(code(() => transition('assess', { state: 'reviewed', roles: ['manager'] }))).toBe('TITLE_STATE');
    expect(code(() => transition('return', { state: 'submitted', roles: ['reviewer'], comment: ' ' }))).toBe('COMMENT_REQUIRED');
    expect(code(() => transition('withdraw', { state: 'registered', roles: ['manager'] }))).toBe('COMMENT_REQUIRED');
    expect(code(() => transition('submit', { state: 'registered', roles: ['owner'], selfAssessed: false }))).toBe('SELF_ASSESSMENT_REQUIRED');
    expect(code(() => transition('accept', { state: 'submitted', roles: ['reviewer'], passed: false }))).toBe('ASSESSMENT_NOT_PASSED');
    expect(code(() => transition('recognise', { state: 'submitted', roles: ['decider'] }))).toBe('TITLE_STATE');
    expect(code(() => transition('withdraw', { state: 'recognised', roles: ['manager'], comment: 'x' }))).toBe('TITLE_STATE');
  });

  it('tells the screen which acts are open', () => {
    expect(allows('submit', 'returned', ['owner'])).toBe(true);
    expect(allows('accept', 'submitted', ['manager'])).toBe(false);
    expect(allows('withdraw', 'recognised', ['manager'])).toBe(false);
  });
});
