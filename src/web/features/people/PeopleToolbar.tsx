import { Button, Space } from 'antd';
import { FileExcelOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { useShowError } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { ColumnChooser } from '../../components/ColumnChooser';
import type { ListColumn } from '../../components/ResponsiveList';
import type { PersonListItem } from '../../app/types';
import { exportColumns } from './peopleColumns';
import { useExportPeople, type PeopleFilter } from './peopleApi';

interface Props {
  filter: PeopleFilter;
  columns: ListColumn<PersonListItem>[];
  visible: string[];
  onVisibleChange: (visible: string[]) => void;
  /** Rows picked for a bulk change; undefined when the list offers none. */
  selectedCount: number | undefined;
  onBulk: (action: 'move' | 'end') => void;
  onClearSelection: () => void;
  onExportStarted: (jobId: string) => void;
}

/** Above the list: bulk actions on the picked staff, the columns shown, "Xuất Excel". */
export function PeopleToolbar(props: Props) {
  const t = useT();
  const { lang } = useLang();
  const showError = useShowError();
  const startExport = useExportPeople();
  const picked = props.selectedCount ?? 0;

  const exportList = () =>
    startExport.mutate(
      { ...props.filter, columns: exportColumns(props.visible), language: lang },
      { onSuccess: (job) => props.onExportStarted(job.id), onError: (error) => showError(error) },
    );

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
        <Button icon={<FileExcelOutlined />} loading={startExport.isPending} onClick={exportList} data-testid="people-export">
          {t('people.export.button')}
        </Button>
      </Space>
    </div>
  );
}
