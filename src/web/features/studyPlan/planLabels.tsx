import { Tag } from 'antd';
import type { Lang } from '../../../shared/i18n';
import { LEARNING_METHODS, LINE_TYPES, NO_PLAN, PLAN_STATES, SELF_ASSESSMENTS, type PlanState } from '../../../shared/studyPlan';
import { pickText, useLang } from '../../app/i18n';
import type { Bilingual } from '../../app/types';

/** The label of a code in one of the shared code lists (LEARNING_METHODS…), or '' for an unknown code. */
export function codeLabel(lang: Lang, codes: Record<string, Bilingual>, code: string | null | undefined): string {
  if (!code || !Object.prototype.hasOwnProperty.call(codes, code)) return '';
  return pickText(lang, codes[code]);
}

/** Select options of a code list, in its order. */
export function codeOptions(lang: Lang, codes: Record<string, Bilingual>): { value: string; label: string }[] {
  return Object.entries(codes).map(([value, label]) => ({ value, label: pickText(lang, label) }));
}

export const methodLabel = (lang: Lang, code: string) => codeLabel(lang, LEARNING_METHODS, code);
export const lineTypeLabel = (lang: Lang, code: string) => codeLabel(lang, LINE_TYPES, code);
export const assessmentLabel = (lang: Lang, code: string | null | undefined) => codeLabel(lang, SELF_ASSESSMENTS, code);

export function stateLabel(lang: Lang, state: PlanState | 'none'): string {
  return state === 'none' ? pickText(lang, NO_PLAN) : codeLabel(lang, PLAN_STATES, state);
}

/** Colours of the states, the same in tags, filters and the chart. */
export const STATE_COLORS: Record<PlanState | 'none', string> = {
  none: '#bfbfbf',
  draft: '#91caff',
  returned: '#fa8c16',
  submitted: '#faad14',
  approved: '#52c41a',
  reported: '#13c2c2',
  confirmed: '#237804',
};

const TAG_COLORS: Record<PlanState | 'none', string> = {
  none: 'default',
  draft: 'blue',
  returned: 'orange',
  submitted: 'gold',
  approved: 'green',
  reported: 'cyan',
  confirmed: 'green',
};

/** States in the order the chart and the filter list them (the cycle's order, "none" first). */
export const STATE_ORDER: readonly (PlanState | 'none')[] = ['none', 'draft', 'returned', 'submitted', 'approved', 'reported', 'confirmed'];

export function PlanStateTag({ state, testId = 'plan-state' }: { state: PlanState | 'none'; testId?: string }) {
  const { lang } = useLang();
  return (
    <Tag color={TAG_COLORS[state]} className="plan-state-tag" data-testid={testId} data-state={state}>
      {stateLabel(lang, state)}
    </Tag>
  );
}

/** 'YYYY-MM' as 'MM/YYYY'. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return '';
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

/** A line's period: 'MM/YYYY – MM/YYYY', or one month. */
export function formatPeriod(from: string, to: string): string {
  return from === to ? formatMonth(from) : `${formatMonth(from)} – ${formatMonth(to)}`;
}
