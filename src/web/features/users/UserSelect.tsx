import { useState } from 'react';
import { Select } from 'antd';
import { useT } from '../../app/i18n';
import { useDebounced } from '../../components/useDebounced';
import { useUsers } from './usersApi';

export interface UserOption {
  value: string;
  label: string;
}

interface Props {
  id?: string;
  value?: UserOption;
  onChange?: (value: UserOption | undefined) => void;
  placeholder?: string;
  className?: string;
  'data-testid'?: string;
}

/** Picks a user by a mark-free search on name or login. */
export function UserSelect({ value, onChange, placeholder, ...rest }: Props) {
  const t = useT();
  const [searchText, setSearchText] = useState('');
  const q = useDebounced(searchText, 300).trim();
  const users = useUsers({ q: q || undefined, page: 1, pageSize: 20 });
  const options = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${user.displayName} (${user.login})`,
  }));
  return (
    <Select<UserOption>
      {...rest}
      labelInValue
      allowClear
      value={value}
      onChange={(picked) => onChange?.(picked ? { value: String(picked.value), label: String(picked.label) } : undefined)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearchText, searchValue: searchText }}
      loading={users.isFetching}
      placeholder={placeholder ?? t('users.select.placeholder')}
      notFoundContent={t('users.empty')}
      popupMatchSelectWidth={false}
    />
  );
}
