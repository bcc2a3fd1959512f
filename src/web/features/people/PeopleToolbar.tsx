import { Button, Space } from 'antd';
import { StopOutlined, SwapOutlined } from '@ant-design/icons';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { ColumnChooser } from '../../components/ColumnChooser';
import type { ListColumn } from '../../components/ResponsiveList';
import type { PersonListItem } from '../../app/types';
import { ListExportButton, type ListExport } from '../jobs/ListExport';

interface Props {
  exporter: ListExport;
  columns: ListColumn<PersonListItem>[];
  visible: string[];
  onVisibleChange: (visible: string[]) => void;
  /** Rows picked for a bulk change; undefined when the list offers none. */
  selectedCount: number | undefined;
  onBulk: (action: 'move' | 'end') => void;
  onClearSelection: () => void;
}

/** Above the list: bulk actions on the picked staff, the columns shown, "Xuất Excel". */
export function PeopleToolbar(props: Props) {
  const t = useT();
  const { lang } = useLang();
  const picked = props.selectedCount ?? 0;

  return (
    <div className="list-toolbar" data-testid="people-toolbar">
      <Space wrap size={8} className="list-toolbar-selection">
        {picked > 0 && (
          <>
            <span data-testid="people-selected-count">
              {t('people.bulk.selected', { count: formatNumber(lang, picked) })}
            </span>
            <Button icon={<SwapOutlined />} onClick={() => props.onBulk('move')} data-testid="people-bulk-move">
              {t('people.bulk.move')}
            </Button>
            <Button danger icon={<StopOutlined />} onClick={() => props.onBulk('end')} data-testid="people-bulk-end">
              {t('people.bulk.end')}
            </Button>
            <Button type="link" onClick={props.onClearSelection}>
              {t('people.bulk.clear')}
            </Button>
          </>
        )}
        {props.selectedCount === 0 && <span className="muted list-toolbar-hint">{t('people.bulk.hint')}</span>}
      </Space>
      <Space wrap size={8}>
        <ColumnChooser columns={props.columns} visible={props.visible} onChange={props.onVisibleChange} fixed="fullName" />
        <ListExportButton exporter={props.exporter} testId="people-export" />
      </Space>
    </div>
  );
}
