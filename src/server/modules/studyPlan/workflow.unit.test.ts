import { describe, expect, it } from 'vitest';
import type { PlanContent, PlanLine } from '../../../shared/studyPlan.js';
import { diffPlan, transition } from './workflow.js';

const line = (id: string, extra: Partial<PlanLine> = {}): PlanLine => ({
  id,
  content: 'Tin học cơ bản',
  need: null,
  method: 'online',
  provider: null,
  fromMonth: '2026-02',
  toMonth: '2026-05',
  expectedResult: null,
  hours: 20,
  lineType: 'elective',
  expectedEvidence: null,
  note: null,
  ...extra,
});
const content = (lines: PlanLine[], extra: Partial<PlanContent> = {}): PlanContent => ({ selfAssessment: null, goals: null, lines, conditions: null, commitment: 'Tôi cam kết.', ...extra });
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string; field?: string }).code;
  }
  return null;
};

describe('plan transitions', () => {
  it('goes draft → submitted → returned → submitted → approved → reported → confirmed', () => {
    const c = content([line('a')]);
    expect(transition('submit', { state: 'draft', role: 'owner', content: c })).toBe('submitted');
    expect(transition('return', { state: 'submitted', role: 'reviewer', content: c, comment: 'Sửa' })).toBe('returned');
    expect(transition('submit', { state: 'returned', role: 'owner', content: c })).toBe('submitted');
    expect(transition('approve', { state: 'submitted', role: 'reviewer', content: c })).toBe('approved');
    expect(transition('report', { state: 'approved', role: 'owner', content: c, reportComplete: true })).toBe('reported');
    expect(transition('confirm', { state: 'reported', role: 'reviewer', content: c })).toBe('confirmed');
  });

  it('refuses the wrong person, state, a missing reason, an empty plan, a line that ends before it starts', () => {
    const c = content([line('a')]);
    expect(code(() => transition('approve', { state: 'submitted', role: 'owner', content: c }))).toBe('PLAN_REVIEWER_ONLY');
    expect(code(() => transition('submit', { state: 'draft', role: 'reviewer', content: c }))).toBe('PLAN_OWNER_ONLY');
    expect(code(() => transition('approve', { state: 'draft', role: 'reviewer', content: c }))).toBe('PLAN_STATE');
    expect(code(() => transition('reopen', { state: 'approved', role: 'reviewer', content: c, comment: '  ' }))).toBe('COMMENT_REQUIRED');
    expect(code(() => transition('submit', { state: 'draft', role: 'owner', content: content([]) }))).toBe('PLAN_EMPTY');
    expect(code(() => transition('submit', { state: 'draft', role: 'owner', content: content([line('a', { fromMonth: '2026-09' })]) }))).toBe('LINE_DATES');
    expect(code(() => transition('submit', { state: 'draft', role: 'owner', content: content([line('a')], { commitment: ' ' }) }))).toBe('COMMITMENT_REQUIRED');
    expect(code(() => transition('report', { state: 'approved', role: 'owner', content: c, reportComplete: false }))).toBe('REPORT_INCOMPLETE');
  });
});

describe('plan changes', () => {
  it('names lines added, removed and changed (with fields) and the parts that differ', () => {
    const before = content([line('a'), line('b'), line('c')]);
    const after = content([line('a'), line('b', { hours: 40, method: 'course' }), line('d')], { goals: 'Đạt chứng chỉ' });
    expect(diffPlan(before, after)).toEqual({ added: ['d'], removed: ['c'], changed: [{ lineId: 'b', fields: ['method', 'hours'] }], parts: ['goals'] });
    expect(diffPlan(before, before)).toEqual({ added: [], removed: [], changed: [], parts: [] });
  });
});
