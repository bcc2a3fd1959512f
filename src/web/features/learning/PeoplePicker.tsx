import { useState } from 'react';
import { Select } from 'antd';
import { formatDate } from '../../../shared/vn-text';
import { useT } from '../../app/i18n';
import type { PickedOption } from '../../components/RemoteSelect';
import { useDebounced } from '../../components/useDebounced';
import { usePeople } from '../people/peopleApi';

interface Props {
  id?: string;
  value?: PickedOption[];
  onChange?: (value: PickedOption[]) => void;
  /** Staff of this unit (and the units under it). */
  orgId: string | undefined;
  'data-testid'?: string;
}

/** Picks several staff of a unit by a mark-free search on the name ("nguyen van duc"). */
export function PeoplePicker({ orgId, value, onChange, ...rest }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text, 300).trim();
  const people = usePeople({ kind: 'staff', orgId, q: q || undefined }, 1, 50);
  const rows = orgId ? (people.data?.items ?? []).filter((p, i, all) => all.findIndex((o) => o.id === p.id) === i) : [];
  // A tag shows the name; the list also shows the birth date, position and unit.
  const options = rows.map((p) => ({
    value: p.id,
    label: p.fullName,
    detail: [p.birthDate ? formatDate(p.birthDate) : null, p.position ?? null, p.org.name].filter(Boolean).join(' · '),
  }));
  return (
    <Select<PickedOption[]>
      {...rest}
      mode="multiple"
      labelInValue
      allowClear
      disabled={!orgId}
      value={value ?? []}
      onChange={(picked) => {
        setText('');
        onChange?.((picked ?? []).map((p) => ({ value: String(p.value), label: String(p.label) })));
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={people.isFetching}
      placeholder={orgId ? t('learning.bulk.peoplePlaceholder') : t('learning.bulk.pickUnitFirst')}
      notFoundContent={people.isFetching ? undefined : t('people.empty')}
      maxTagCount={30}
      optionRender={(option) => (
        <div className="people-picker-option">
          <div>{option.data.label}</div>
          <div className="muted people-picker-detail">{option.data.detail}</div>
        </div>
      )}
      popupMatchSelectWidth={false}
      className="people-picker"
    />
  );
}
