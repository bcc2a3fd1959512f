import { Link } from 'react-router';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { ClanSummary, HouseholdSummary } from '../../app/types';
import type { ListColumn } from '../../components/ResponsiveList';
import { PersonLink } from '../people/peopleColumns';

export const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;
export const clanPath = (id: string) => `/clans/${encodeURIComponent(id)}`;

/** The head of a household or clan, linking to their page. */
export function HeadLink({ head }: { head: { id: string; fullName: string } | null }) {
  const t = useT();
  return head ? <PersonLink id={head.id} name={head.fullName} /> : <span className="muted">{t('common.none')}</span>;
}

export function useHouseholdColumns(): ListColumn<HouseholdSummary>[] {
  const t = useT();
  const { lang } = useLang();
  return [
    {
      key: 'code',
      title: t('household.field.code'),
      card: 'title',
      render: (h) => (
        <Link to={householdPath(h.id)} data-testid="household-code">
          {t('household.codeLabel', { code: h.code })}
        </Link>
      ),
    },
    { key: 'head', title: t('household.field.head'), render: (h) => <HeadLink head={h.head} /> },
    { key: 'org', title: t('people.col.place'), card: 'subtitle', render: (h) => h.org.name },
    { key: 'address', title: t('people.field.address'), render: (h) => h.address ?? <span className="muted">{t('common.none')}</span> },
    { key: 'members', title: t('household.field.memberCount'), render: (h) => formatNumber(lang, h.memberCount) },
  ];
}

export function useClanColumns(): ListColumn<ClanSummary>[] {
  const t = useT();
  const { lang } = useLang();
  return [
    {
      key: 'name',
      title: t('clan.field.name'),
      card: 'title',
      render: (c) => (
        <Link to={clanPath(c.id)} data-testid="clan-name">
          {c.name}
        </Link>
      ),
    },
    { key: 'head', title: t('clan.field.head'), render: (c) => <HeadLink head={c.head} /> },
    { key: 'org', title: t('clan.field.org'), card: 'subtitle', render: (c) => c.org.name },
    { key: 'households', title: t('clan.field.householdCount'), render: (c) => formatNumber(lang, c.householdCount) },
    { key: 'hamlets', title: t('clan.field.hamletCount'), render: (c) => formatNumber(lang, c.hamletCount) },
  ];
}
