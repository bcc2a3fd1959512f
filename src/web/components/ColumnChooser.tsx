import { useCallback, useState } from 'react';
import { Button, Checkbox, Popover } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useT } from '../app/i18n';

function readStored(storageKey: string): string[] | null {
  try {
    const text = localStorage.getItem(storageKey);
    const value: unknown = text ? JSON.parse(text) : null;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
  } catch {
    return null;
  }
}

/**
 * The hidden columns of a list, remembered in localStorage. Returns the visible keys among
 * `keys` (in their order) and a setter.
 */
export function useVisibleColumns(storageKey: string, keys: readonly string[], hiddenByDefault: readonly string[]) {
  const [hidden, setHiddenState] = useState<string[]>(() => readStored(storageKey) ?? [...hiddenByDefault]);
  const setHidden = useCallback(
    (next: string[]) => {
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // storage unavailable: the choice lasts for this page only
      }
      setHiddenState(next);
    },
    [storageKey],
  );
  const visible = keys.filter((key) => !hidden.includes(key));
  const setVisible = (next: string[]) => setHidden(keys.filter((key) => !next.includes(key)));
  return [visible, setVisible] as const;
}

interface Props {
  columns: { key: string; title: string }[];
  visible: string[];
  onChange: (visible: string[]) => void;
  /** A column that cannot be hidden (the name). */
  fixed: string;
}

/** "Columns": which columns a list shows (and an export takes). */
export function ColumnChooser({ columns, visible, onChange, fixed }: Props) {
  const t = useT();
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('list.columns.title')}
      content={
        <Checkbox.Group
          className="column-chooser"
          value={visible}
          onChange={(next) => onChange([fixed, ...next.map(String).filter((key) => key !== fixed)])}
          options={columns.map((column) => ({ value: column.key, label: column.title, disabled: column.key === fixed }))}
          data-testid="column-chooser"
        />
      }
    >
      <Button icon={<SettingOutlined />} data-testid="column-chooser-open">
        {t('list.columns.button')}
      </Button>
    </Popover>
  );
}
