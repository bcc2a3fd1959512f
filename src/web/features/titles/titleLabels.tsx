import { Tag } from 'antd';
import { LEARNING_TITLES, type LearningTitle } from '../../../shared/criteria';
import { CITIZEN_GROUPS } from '../../../shared/people';
import type { Lang, MessageKey } from '../../../shared/i18n';
import { translate } from '../../../shared/i18n';
import type { AssessmentHeadline, Bilingual, RegistrationState } from '../../app/types';
import { formatNumber, pickText, useLang, type Translate } from '../../app/i18n';

export const REGISTRATION_STATES: readonly RegistrationState[] = ['registered', 'submitted', 'returned', 'reviewed', 'recognised', 'not_recognised', 'withdrawn'];

export const isTitle = (value: string | undefined): value is LearningTitle => !!value && (LEARNING_TITLES as readonly string[]).includes(value);
export const isRegistrationState = (value: string | undefined): value is RegistrationState =>
  !!value && (REGISTRATION_STATES as readonly string[]).includes(value);

export function titleName(lang: Lang, title: string): string {
  return isTitle(title) ? translate(lang, `titles.name.${title}` as MessageKey) : title;
}

/** What a title's figures count: "hộ" for families, "người" for citizens… */
export function titleUnit(lang: Lang, title: string): string {
  return isTitle(title) ? translate(lang, `titles.unit.${title}` as MessageKey) : '';
}

export function stateLabel(lang: Lang, state: string): string {
  return isRegistrationState(state) ? translate(lang, `titles.state.${state}` as MessageKey) : state;
}

export function citizenGroupLabel(lang: Lang, group: string | null | undefined): string {
  if (!group || !Object.prototype.hasOwnProperty.call(CITIZEN_GROUPS, group)) return '';
  return pickText(lang, (CITIZEN_GROUPS as Record<string, Bilingual>)[group]);
}

export const titleOptions = (lang: Lang) => LEARNING_TITLES.map((title) => ({ value: title, label: titleName(lang, title) }));

const TAG_COLORS: Record<RegistrationState, string> = {
  registered: 'blue',
  submitted: 'gold',
  returned: 'orange',
  reviewed: 'cyan',
  recognised: 'green',
  not_recognised: 'red',
  withdrawn: 'default',
};

export function RegistrationStateTag({ state, testId = 'title-state' }: { state: RegistrationState; testId?: string }) {
  const { lang } = useLang();
  return (
    <Tag color={TAG_COLORS[state] ?? 'default'} data-testid={testId} data-state={state}>
      {stateLabel(lang, state)}
    </Tag>
  );
}

/** 0.4 → "40,0 %" (one decimal, as the seeds' figures are written); null → "–". */
export function formatPercent(lang: Lang, share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** A points total as the server gave it: 86 → "86", 86.5 → "86,5". */
export const formatPoints = (lang: Lang, value: number | null | undefined) => (value === null || value === undefined ? '–' : formatNumber(lang, value));

/**
 * A band or level code in words. Lists carry the code only (recognition.repo.ts `headline`), so the
 * built-in sets' codes (TOT, KHA, TRUNG_BINH, DAT, CHUA_DAT, L1…) are named from the catalogue; a code
 * of an administrator's own set shows as it is.
 */
export function outcomeName(lang: Lang, code: string | null | undefined): string {
  if (!code) return '–';
  const key = `titles.outcome.${code}` as MessageKey;
  const text = translate(lang, key);
  return text === key ? code : text;
}

/** A result's headline in words: "86 điểm · Tốt", "Mức độ 1", "Chưa đạt mức nào". */
export function headlineText(lang: Lang, t: Translate, h: AssessmentHeadline | null | undefined): string {
  if (!h) return '';
  // A points result has a total; a levels result has none (its level may be null: no level reached).
  if (h.total !== null && h.total !== undefined) {
    const points = t('titles.result.total', { total: formatPoints(lang, h.total) });
    return h.band ? `${points} · ${outcomeName(lang, h.band)}` : points;
  }
  return h.level ? outcomeName(lang, h.level) : t('titles.result.noLevel');
}

export function HeadlineTag({ headline, testId }: { headline: AssessmentHeadline | null | undefined; testId: string }) {
  const { lang } = useLang();
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  if (!headline) return <span className="muted">—</span>;
  return (
    <span className="title-headline" data-testid={testId} data-passed={headline.passed ? 'true' : 'false'}>
      <Tag color={headline.passed ? 'green' : 'default'}>{headlineText(lang, t, headline)}</Tag>
    </span>
  );
}
