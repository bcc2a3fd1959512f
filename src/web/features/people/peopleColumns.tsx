import { Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/vn-text';
import { useLang, useT } from '../../app/i18n';
import type { PersonListItem } from '../../app/types';
import type { PeopleColumn } from '../../../shared/people';
import type { ListColumn } from '../../components/ResponsiveList';
import type { PeopleKind } from './peopleApi';
import { categoryLabel, citizenGroupLabel, citizenGroupShort, relationLabel, sexLabel } from './peopleLabels';

export const personPath = (id: string) => `/people/${encodeURIComponent(id)}`;

/** A person's name, linking to their page. */
export function PersonLink({ id, name }: { id: string; name: string }) {
  return (
    <Link to={personPath(id)} className="person-link" data-testid="person-name">
      {name}
    </Link>
  );
}

/** A citizen ID or phone number as the server sent it (masked for those who may not read it). */
export function Identifier({ value, masked }: { value: string | null; masked: boolean }) {
  const t = useT();
  if (!value) return <span className="muted">{t('common.none')}</span>;
  return masked ? (
    <Tooltip title={t('people.masked')}>
      <span className="identifier identifier-masked">{value}</span>
    </Tooltip>
  ) : (
    <span className="identifier">{value}</span>
  );
}

/** Keys of the columns of each list (shared with the export); the export takes the visible ones. */
export const PEOPLE_LIST_COLUMNS: Record<PeopleKind, readonly PeopleColumn[]> = {
  staff: ['fullName', 'birthDate', 'sex', 'org', 'position', 'category', 'citizenId', 'phone', 'citizenGroup'],
  resident: ['fullName', 'birthDate', 'sex', 'ethnicity', 'org', 'householdRelation', 'citizenId', 'phone', 'citizenGroup'],
};

/** Columns hidden until the user shows them. */
export const PEOPLE_HIDDEN_BY_DEFAULT: Record<PeopleKind, readonly PeopleColumn[]> = {
  staff: ['phone', 'citizenGroup'],
  resident: ['phone'],
};

/** The columns of the staff or residents list. */
export function usePeopleColumns(kind: PeopleKind): ListColumn<PersonListItem>[] {
  const t = useT();
  const { lang } = useLang();
  const dash = <span className="muted">{t('common.none')}</span>;
  const all: Partial<Record<PeopleColumn, ListColumn<PersonListItem>>> = {
    fullName: {
      key: 'fullName',
      title: t('people.field.fullName'),
      card: 'title',
      sortable: true,
      render: (p) => <PersonLink id={p.id} name={p.fullName} />,
    },
    birthDate: {
      key: 'birthDate',
      title: t('people.field.birthDate'),
      sortable: true,
      className: 'nowrap',
      render: (p) => (p.birthDate ? formatDate(p.birthDate) : dash),
    },
    sex: { key: 'sex', title: t('people.field.sex'), render: (p) => sexLabel(lang, p.sex) || dash },
    ethnicity: { key: 'ethnicity', title: t('people.field.ethnicity'), render: (p) => p.ethnicity ?? dash },
    org: {
      key: 'org',
      title: kind === 'staff' ? t('people.col.unit') : t('people.col.place'),
      card: 'subtitle',
      render: (p) => p.org.name,
    },
    position: {
      key: 'position',
      title: t('people.field.position'),
      render: (p) => (
        <span>
          {p.position ?? dash}
          {p.isLeader && (
            <Tag color="blue" className="leader-tag">
              {t('people.leader')}
            </Tag>
          )}
        </span>
      ),
    },
    category: { key: 'category', title: t('people.field.category'), render: (p) => categoryLabel(lang, p.category) || dash },
    householdRelation: {
      key: 'householdRelation',
      title: t('people.field.householdRelation'),
      render: (p) => relationLabel(lang, p.householdRelation) || dash,
    },
    citizenId: {
      key: 'citizenId',
      title: t('people.field.citizenId'),
      render: (p) => <Identifier value={p.citizenId} masked={p.masked} />,
    },
    phone: { key: 'phone', title: t('people.field.phone'), render: (p) => <Identifier value={p.phone} masked={p.masked} /> },
    citizenGroup: {
      key: 'citizenGroup',
      title: t('people.field.citizenGroup'),
      render: (p) => (
        <Tooltip title={citizenGroupLabel(lang, p.citizenGroup)}>
          <span className="nowrap">{citizenGroupShort(lang, p.citizenGroup)}</span>
        </Tooltip>
      ),
    },
  };
  return PEOPLE_LIST_COLUMNS[kind].flatMap((key) => all[key] ?? []);
}

/**
 * The export's columns for the visible ones: the list shows leadership beside the position,
 * the file has a column of its own for it.
 */
export function exportColumns(visible: readonly string[]): PeopleColumn[] {
  return (visible as PeopleColumn[]).flatMap((key) => (key === 'position' ? ['position', 'isLeader'] : [key]));
}
