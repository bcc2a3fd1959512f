import { useState } from 'react';
import { useT } from '../../app/i18n';
import { RemoteSelect, type PickedOption } from '../../components/RemoteSelect';
import { useHouseholds } from './householdsApi';

interface Props {
  id?: string;
  value?: PickedOption | null;
  onChange?: (value: PickedOption | undefined) => void;
  /** Only households of this hamlet (subtree). */
  orgId?: string;
  placeholder?: string;
  'data-testid'?: string;
}

/** Picks a household by its code, address or head's name. */
export function HouseholdSelect({ orgId, placeholder, ...rest }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const households = useHouseholds({ orgId, q: q || undefined, page: 1, pageSize: 20 });
  const options = (households.data?.items ?? []).map((h) => ({
    value: h.id,
    label: [h.code, h.head?.fullName, h.org.name].filter(Boolean).join(' · '),
  }));
  return (
    <RemoteSelect
      {...rest}
      options={options}
      loading={households.isFetching}
      onSearch={setQ}
      placeholder={placeholder ?? t('household.select.placeholder')}
      notFound={t('household.empty')}
    />
  );
}
