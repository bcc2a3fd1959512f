import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useDebounced } from './useDebounced';

/** A thing picked in a form: its id and what the field shows. */
export interface PickedOption {
  value: string;
  label: string;
}

interface Props {
  id?: string;
  value?: PickedOption | null;
  onChange?: (value: PickedOption | undefined) => void;
  /** The options found for the text typed so far. */
  options: PickedOption[];
  loading: boolean;
  /** The typed text, once typing pauses (the caller asks the server). */
  onSearch: (text: string) => void;
  placeholder: string;
  notFound: string;
  disabled?: boolean;
  className?: string;
  'data-testid'?: string;
}

/** Picks one item the server finds by a mark-free search (a household, a person…). */
export function RemoteSelect({ value, onChange, options, loading, onSearch, notFound, ...rest }: Props) {
  const [text, setText] = useState('');
  const settled = useDebounced(text, 300).trim();
  useEffect(() => onSearch(settled), [settled, onSearch]);
  return (
    <Select<PickedOption>
      {...rest}
      labelInValue
      allowClear
      value={value ?? undefined}
      onChange={(picked) => {
        setText('');
        onChange?.(picked ? { value: String(picked.value), label: String(picked.label) } : undefined);
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={loading}
      notFoundContent={loading ? undefined : notFound}
      popupMatchSelectWidth={false}
    />
  );
}
