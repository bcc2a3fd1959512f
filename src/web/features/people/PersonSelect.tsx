import { useState } from 'react';
import { formatDate } from '../../../shared/vn-text';
import { useT } from '../../app/i18n';
import { RemoteSelect, type PickedOption } from '../../components/RemoteSelect';
import { usePeople, type PeopleKind } from './peopleApi';

interface Props {
  id?: string;
  value?: PickedOption | null;
  onChange?: (value: PickedOption | undefined) => void;
  kind: PeopleKind;
  /** Only people of this subtree. */
  orgId?: string;
  placeholder?: string;
  'data-testid'?: string;
}

/** Picks a person by a mark-free search on the name ("nguyen van duc"). */
export function PersonSelect({ kind, orgId, placeholder, ...rest }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const people = usePeople({ kind, orgId, q: q || undefined }, 1, 20);
  const rows = (people.data?.items ?? []).filter((p, i, all) => all.findIndex((o) => o.id === p.id) === i);
  const options = rows.map((p) => ({
    value: p.id,
    label: [p.fullName, p.birthDate ? formatDate(p.birthDate) : null, p.org.name].filter(Boolean).join(' · '),
  }));
  return (
    <RemoteSelect
      {...rest}
      options={options}
      loading={people.isFetching}
      onSearch={setQ}
      placeholder={placeholder ?? t('people.select.placeholder')}
      notFound={t('people.empty')}
    />
  );
}
