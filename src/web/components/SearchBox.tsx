import { useEffect, useRef, useState } from 'react';
import { Input } from 'antd';
import { useDebounced } from './useDebounced';

interface Props {
  /** The search in force (from the URL). */
  value: string | undefined;
  /** Called with the trimmed text once typing pauses, or at once on Enter. */
  onSearch: (text: string) => void;
  placeholder: string;
  id?: string;
  className?: string;
  'data-testid'?: string;
}

/**
 * A search field whose text is applied once the user stops typing; it follows outside changes
 * of the search (back button, a link).
 */
export function SearchBox({ value, onSearch, placeholder, ...rest }: Props) {
  const [text, setText] = useState(value ?? '');
  const settled = useDebounced(text, 350).trim();
  const emitted = useRef(value ?? '');

  useEffect(() => {
    if ((value ?? '') !== emitted.current) {
      emitted.current = value ?? '';
      setText(value ?? '');
    }
  }, [value]);

  const emit = (next: string) => {
    if (next === emitted.current) return;
    emitted.current = next;
    onSearch(next);
  };

  useEffect(() => {
    emit(settled);
    // emit only when the settled text changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  return (
    <Input.Search
      {...rest}
      allowClear
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(typed) => emit(typed.trim())}
      placeholder={placeholder}
      aria-label={placeholder}
    />
  );
}
