import type { Lang } from '../../../shared/i18n';
import {
  IT_STANDARDS,
  LANGUAGE_LEVEL_LABELS,
  LANGUAGE_LEVELS,
  RECORD_KINDS,
  RECORD_STATUSES,
  SUMMARY_INDICATOR_LABELS,
  type LanguageLevel,
  type LearningRecordView,
  type RecordStatus,
  type SummaryIndicator,
} from '../../../shared/learning';
import type { Me } from '../../app/types';
import { formatNumber } from '../../app/i18n';
import { codeLabel, codeOptions } from '../people/peopleLabels';

export const kindLabel = (lang: Lang, code: string | null | undefined) => codeLabel(lang, RECORD_KINDS, code);
export const statusLabel = (lang: Lang, code: string | null | undefined) => codeLabel(lang, RECORD_STATUSES, code);
export const itStandardLabel = (lang: Lang, code: string | null | undefined) => codeLabel(lang, IT_STANDARDS, code);
export const levelLabel = (lang: Lang, code: string | null | undefined) => codeLabel(lang, LANGUAGE_LEVEL_LABELS, code);
export const indicatorLabel = (lang: Lang, indicator: SummaryIndicator) => SUMMARY_INDICATOR_LABELS[indicator][lang];

export const kindOptions = (lang: Lang) => codeOptions(lang, RECORD_KINDS);
export const statusOptions = (lang: Lang) => codeOptions(lang, RECORD_STATUSES);
export const itStandardOptions = (lang: Lang) => codeOptions(lang, IT_STANDARDS);

/** Levels grouped: the 6-level framework, then legacy A/B/C certificates. */
export function levelOptions(lang: Lang, groups: { framework: string; legacy: string }) {
  const option = (level: LanguageLevel) => ({ value: level, label: levelLabel(lang, level) });
  return [
    { label: groups.framework, options: LANGUAGE_LEVELS.filter((l) => /\d/.test(l)).map(option) },
    { label: groups.legacy, options: LANGUAGE_LEVELS.filter((l) => !/\d/.test(l)).map(option) },
  ];
}

export const STATUS_COLORS: Record<RecordStatus, string> = { pending: 'gold', verified: 'green', rejected: 'red' };

/** "Tiếng Anh · Bậc 3 (B1)", "Chuẩn kỹ năng sử dụng CNTT cơ bản": what the kind adds to a record. */
export function recordDetail(lang: Lang, r: Pick<LearningRecordView, 'kind' | 'itStandard' | 'language' | 'languageLevel' | 'certificateNo'>): string {
  const parts: string[] = [];
  if (r.kind === 'it_skill' && r.itStandard) parts.push(itStandardLabel(lang, r.itStandard));
  if (r.kind === 'foreign_language') {
    if (r.language) parts.push(r.language);
    if (r.languageLevel) parts.push(levelLabel(lang, r.languageLevel));
  }
  if (r.certificateNo) parts.push(`№ ${r.certificateNo}`);
  return parts.join(' · ');
}

/** A share 0–1 as "50 %" (Vietnamese) / "50%" (English); null (nobody counted) as "—". */
export function formatShare(lang: Lang, share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  const value = formatNumber(lang, Math.round(share * 1000) / 10);
  return lang === 'vi' ? `${value} %` : `${value}%`;
}

/** Hours as "24" or "1,5" / "1.5". */
export const formatHours = (lang: Lang, hours: number) => formatNumber(lang, Math.round(hours * 10) / 10);

/** A file size as "120 KB" / "2,4 MB". */
export function formatSize(lang: Lang, bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(lang, Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(lang, Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/**
 * Roles that may read learning records on their subtree (server: platform/policy.ts ROLE_ACTIONS,
 * 'learning.read'); their organisations are where the review and summary screens open by default.
 */
const LEARNING_READ_ROLES = ['system_admin', 'org_admin', 'secretariat', 'unit_head', 'council_member'];

/** The unit the review and summary screens open on: the user's first grant that reads learning, else the home unit. */
export function defaultLearningOrg(me: Me | null | undefined): string | undefined {
  return me?.grants.find((g) => LEARNING_READ_ROLES.includes(g.role))?.orgId ?? me?.homeOrg?.id;
}

/** Years offered by the year pickers: next year back to six years ago. */
export function yearOptions(current: number) {
  return Array.from({ length: 8 }, (_, i) => current + 1 - i).map((y) => ({ value: y, label: String(y) }));
}

export const currentYear = () => new Date().getFullYear();
