import { useState } from 'react';
import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/vn-text';
import { useT } from '../../app/i18n';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { usePagination } from '../../components/usePagination';
import { useImports, type ImportState, type ImportView } from './importApi';
import { KIND_TEXT, STATE_LABEL } from './importLabels';

const STATE_COLOR: Record<ImportState, string> = {
  analysing: 'processing',
  analysed: 'blue',
  checking: 'processing',
  checked: 'gold',
  importing: 'processing',
  imported: 'green',
  failed: 'red',
};

export function ImportStateTag({ state }: { state: ImportState }) {
  const t = useT();
  return <Tag color={STATE_COLOR[state]}>{t(STATE_LABEL[state])}</Tag>;
}

/** The user's recent imports; each opens where it stopped. */
export function RecentImports() {
  const t = useT();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const imports = useImports(paging.page, paging.pageSize);
  const pagination = usePagination(imports.data, paging, (page, pageSize) => setPaging({ page, pageSize }));
  const columns: ListColumn<ImportView>[] = [
    {
      key: 'file',
      title: t('import.recent.file'),
      card: 'title',
      render: (v) => (
        <Link to={`/imports?id=${encodeURIComponent(v.id)}`} data-testid="import-recent-open">
          {v.fileName}
        </Link>
      ),
    },
    { key: 'kind', title: t('import.recent.kind'), render: (v) => t(KIND_TEXT[v.kind].label) },
    { key: 'org', title: t('import.recent.org'), card: 'subtitle', render: (v) => v.org.name },
    { key: 'state', title: t('import.recent.state'), render: (v) => <ImportStateTag state={v.state} /> },
    { key: 'at', title: t('import.recent.at'), className: 'nowrap', render: (v) => formatDateTime(v.createdAt) },
  ];
  return (
    <Card className="import-card" title={t('import.recent.title')} size="small">
      <ResponsiveList
        testId="import-recent"
        items={imports.data?.items ?? []}
        rowKey={(v) => v.id}
        columns={columns}
        loading={imports.isFetching}
        pagination={pagination}
        emptyText={t('import.recent.none')}
      />
    </Card>
  );
}
