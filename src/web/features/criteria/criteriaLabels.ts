import type { CriteriaSetItem, CriteriaVersionHeadline } from '../../../shared/api-types';
import { SUBJECT_ATTRIBUTES, type SubjectAttribute } from '../../../shared/criteria';
import type { Lang, MessageKey } from '../../../shared/i18n';
import { translate } from '../../../shared/i18n';
import { formatDate } from '../../../shared/vn-text';

const tr = (lang: Lang, key: string, params?: Record<string, string | number>) => translate(lang, key as MessageKey, params);

export const titleName = (lang: Lang, title: string) => tr(lang, `criteria.title.${title}`);
export const originName = (lang: Lang, origin: string) => tr(lang, `criteria.origin.${origin}`);
export const engineName = (lang: Lang, engine: string | null) => (engine ? tr(lang, `criteria.engine.${engine}`) : '');
export const levelName = (lang: Lang, level: string) => tr(lang, `criteria.level.${level}`);
export const groupName = (lang: Lang, group: string) => tr(lang, `criteria.group.${group}`);
export const valueTypeName = (lang: Lang, valueType: string) => tr(lang, `criteria.valueType.${valueType}`);

export function attributeName(lang: Lang, attribute: string): string {
  const a = SUBJECT_ATTRIBUTES[attribute as SubjectAttribute];
  return a ? a[lang] : attribute;
}

/** "Phiên bản 2, hiệu lực từ 26/01/2024" or "Bản nháp, chưa ban hành". */
export function versionState(lang: Lang, v: CriteriaVersionHeadline | null): string {
  if (!v || v.state === 'draft') return tr(lang, 'criteria.state.draftOnly');
  return v.effectiveTo
    ? tr(lang, 'criteria.state.publishedUntil', { no: v.no, from: formatDate(v.effectiveFrom), to: formatDate(v.effectiveTo) })
    : tr(lang, 'criteria.state.published', { no: v.no, from: formatDate(v.effectiveFrom) });
}

/** In force "from 26/01/2024" or "01/01/2021 – 31/12/2022", or wholly replaced. */
export function effectiveRange(lang: Lang, v: { effectiveFrom: string; effectiveTo: string | null; state: string }): string {
  if (v.state === 'draft') return '—';
  if (v.effectiveTo && v.effectiveTo < v.effectiveFrom) return tr(lang, 'criteria.versions.superseded');
  return v.effectiveTo
    ? tr(lang, 'criteria.versions.range', { from: formatDate(v.effectiveFrom), to: formatDate(v.effectiveTo) })
    : tr(lang, 'criteria.versions.from', { from: formatDate(v.effectiveFrom) });
}

export const ownerName = (lang: Lang, set: Pick<CriteriaSetItem, 'orgName'>) => set.orgName ?? tr(lang, 'criteria.owner.deployment');

/** A value of the diff, short: numbers and texts as they are, objects as compact JSON. */
export function shortValue(lang: Lang, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  const v = value as { vi?: unknown; en?: unknown };
  if (typeof v.vi === 'string' && typeof v.en === 'string') return lang === 'en' ? v.en : v.vi;
  // An added or removed criterion or indicator: its code and wording.
  const named = value as { code?: unknown; text?: unknown; name?: unknown };
  const label = (named.text ?? named.name) as { vi?: unknown; en?: unknown } | undefined;
  if (typeof named.code === 'string' && label && typeof label.vi === 'string') return `${named.code}. ${lang === 'en' ? String(label.en) : label.vi}`;
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
