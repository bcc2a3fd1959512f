import { useCallback, useState } from 'react';
import { Button, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { hasPermission, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList, type ListSort } from '../../components/ResponsiveList';
import { usePagination } from '../../components/usePagination';
import { useVisibleColumns } from '../../components/ColumnChooser';
import { JobProgress } from '../jobs/JobProgress';
import { useStoredJobId } from '../jobs/jobApi';
import { ListExportProgress, useListExport } from '../jobs/ListExport';
import { useOrgDetail } from '../org/orgApi';
import { BulkMembershipModal } from './BulkMembershipModal';
import { PeopleFilters } from './PeopleFilters';
import { PeopleToolbar } from './PeopleToolbar';
import { exportColumns, PEOPLE_HIDDEN_BY_DEFAULT, PEOPLE_LIST_COLUMNS, usePeopleColumns } from './peopleColumns';
import { peopleKeys, usePeople, type PeopleKind, type PeopleSort } from './peopleApi';
import { RESIDENT_ONLY, STAFF_ONLY, usePeopleQuery } from './peopleQuery';
import { PersonFormModal } from './PersonFormModal';

type Dialog = { kind: 'create' } | { kind: 'bulk'; action: 'move' | 'end' } | null;

const toSort = (sort: ListSort | undefined): PeopleSort | undefined =>
  sort ? (`${sort.desc ? '-' : ''}${sort.key === 'birthDate' ? 'birthDate' : 'name'}` as PeopleSort) : undefined;
const fromSort = (sort: PeopleSort | undefined): ListSort => {
  const value = sort ?? 'name';
  const key = value.replace('-', '');
  return { key: key === 'name' ? 'fullName' : key, desc: value.startsWith('-') };
};

/**
 * /people?tab=staff|resident&orgId&q&…: staff (cán bộ, công chức, viên chức) and residents of a
 * subtree, searched without marks, filtered and sorted by the server; bulk moves and the Excel
 * export run as jobs.
 */
export default function PeoplePage() {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const canManage = hasPermission(me.data, 'person.manage');
  const query = usePeopleQuery();
  const { filter, paging, set } = query;
  const kind = filter.kind;
  const people = usePeople(filter, paging.page, paging.pageSize);
  const org = useOrgDetail(filter.orgId);
  const allColumns = usePeopleColumns(kind);
  const [visible, setVisible] = useVisibleColumns(`hoctap.columns.people.${kind}`, PEOPLE_LIST_COLUMNS[kind], PEOPLE_HIDDEN_BY_DEFAULT[kind]);
  const columns = allColumns.filter((column) => visible.includes(column.key));
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [bulkJobId, setBulkJobId] = useStoredJobId('hoctap.job.peopleBulk');
  const exporter = useListExport('/people/export', 'people', { ...filter, columns: exportColumns(visible) });
  const forgetBulk = useCallback(() => setBulkJobId(null), [setBulkJobId]);
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: peopleKeys.all }), [queryClient]);
  const pagination = usePagination(people.data, paging, (page, pageSize) => set({ page, pageSize }));
  const selectable = kind === 'staff' && canManage;

  const switchTab = (next: PeopleKind) => {
    setSelected([]);
    const dropped = next === 'staff' ? RESIDENT_ONLY : STAFF_ONLY;
    set({ tab: next === 'staff' ? undefined : next, ...Object.fromEntries(dropped.map((key) => [key, undefined])) });
  };

  return (
    <div className="page">
      <PageHeading
        title={t('people.title')}
        action={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="person-create">
              {t('people.create')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={kind}
        onChange={(key) => switchTab(key as PeopleKind)}
        data-testid="people-tabs"
        items={[
          { key: 'staff', label: <span data-testid="people-tab-staff">{t('people.tab.staff')}</span> },
          { key: 'resident', label: <span data-testid="people-tab-resident">{t('people.tab.resident')}</span> },
        ]}
      />
      <PeopleFilters query={query} />
      {bulkJobId && (
        <JobProgress key={bulkJobId} jobId={bulkJobId} title={t('people.bulk.job')} onDismiss={forgetBulk} onSucceeded={refresh} />
      )}
      <ListExportProgress exporter={exporter} />
      <PeopleToolbar
        exporter={exporter}
        columns={allColumns}
        visible={visible}
        onVisibleChange={setVisible}
        selectedCount={selectable ? selected.length : undefined}
        onBulk={(action) => setDialog({ kind: 'bulk', action })}
        onClearSelection={() => setSelected([])}
      />
      {people.isError ? (
        <ErrorState error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <ResponsiveList
          testId="people-list"
          items={people.data?.items ?? []}
          rowKey={(p) => p.membershipId ?? p.id}
          columns={columns}
          loading={people.isFetching}
          pagination={pagination}
          emptyText={filter.q ? t('people.emptySearch', { q: filter.q }) : t('people.empty')}
          sort={fromSort(filter.sort)}
          onSortChange={(sort) => set({ sort: toSort(sort) === 'name' ? undefined : toSort(sort) })}
          selection={
            selectable
              ? { selectedKeys: selected, onChange: setSelected, canSelect: (p) => !!p.membershipId, label: t('people.bulk.select') }
              : undefined
          }
        />
      )}
      {dialog?.kind === 'create' && (
        <PersonFormModal
          mode="create"
          kind={kind}
          defaultOrg={filter.orgId && org.data ? { value: filter.orgId, label: org.data.org.name } : undefined}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'bulk' && (
        <BulkMembershipModal
          action={dialog.action}
          membershipIds={selected}
          onClose={() => setDialog(null)}
          onStarted={(jobId) => {
            setDialog(null);
            setSelected([]);
            setBulkJobId(jobId);
          }}
        />
      )}
    </div>
  );
}
