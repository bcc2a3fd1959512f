import { useState } from 'react';
import { useT } from '../../app/i18n';
import { RemoteSelect, type PickedOption } from '../../components/RemoteSelect';
import { useUsers } from './usersApi';

export type UserOption = PickedOption;

interface Props {
  id?: string;
  value?: UserOption;
  onChange?: (value: UserOption | undefined) => void;
  placeholder?: string;
  className?: string;
  'data-testid'?: string;
}

/** Picks a user by a mark-free search on name or login. */
export function UserSelect({ placeholder, ...rest }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const users = useUsers({ q: q || undefined, page: 1, pageSize: 20 });
  const options = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${user.displayName} (${user.login})`,
  }));
  return (
    <RemoteSelect
      {...rest}
      options={options}
      loading={users.isFetching}
      onSearch={setQ}
      placeholder={placeholder ?? t('users.select.placeholder')}
      notFound={t('users.empty')}
    />
  );
}
