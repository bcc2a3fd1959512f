import { useState } from 'react';
import { Button, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { hasPermission, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList } from '../../components/ResponsiveList';
import { SearchBox } from '../../components/SearchBox';
import { usePagination } from '../../components/usePagination';
import { intParam, useQueryParams } from '../../components/useQueryParams';
import { ListExportButton, ListExportProgress, useListExport } from '../jobs/ListExport';
import { OrgFilter } from '../org/OrgFilter';
import { useOrgDetail } from '../org/orgApi';
import { ClanFormModal } from './ClanFormModal';
import { clanPath, householdPath, useClanColumns, useHouseholdColumns } from './householdColumns';
import { HouseholdFormModal } from './HouseholdFormModal';
import { useClans, useHouseholds, type PlaceFilter } from './householdsApi';

const KEYS = ['tab', 'orgId', 'q', 'page', 'pageSize'] as const;

function HouseholdList({ filter, onPage }: { filter: PlaceFilter; onPage: (page: number, pageSize: number) => void }) {
  const t = useT();
  const households = useHouseholds(filter);
  const columns = useHouseholdColumns();
  const pagination = usePagination(households.data, filter, onPage);
  if (households.isError) return <ErrorState error={households.error} onRetry={() => void households.refetch()} />;
  return (
    <ResponsiveList
      testId="household-list"
      items={households.data?.items ?? []}
      rowKey={(h) => h.id}
      columns={columns}
      loading={households.isFetching}
      pagination={pagination}
      emptyText={t('household.empty')}
    />
  );
}

function ClanList({ filter, onPage }: { filter: PlaceFilter; onPage: (page: number, pageSize: number) => void }) {
  const t = useT();
  const clans = useClans(filter);
  const columns = useClanColumns();
  const pagination = usePagination(clans.data, filter, onPage);
  if (clans.isError) return <ErrorState error={clans.error} onRetry={() => void clans.refetch()} />;
  return (
    <ResponsiveList
      testId="clan-list"
      items={clans.data?.items ?? []}
      rowKey={(c) => c.id}
      columns={columns}
      loading={clans.isFetching}
      pagination={pagination}
      emptyText={t('clan.empty')}
    />
  );
}

/**
 * /households?tab=households|clans&orgId&q: the households of the hamlets and the clans of the
 * communes the user looks after; each list exports to Excel as shown (a job).
 */
export default function HouseholdsPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const canManage = hasPermission(me.data, 'person.manage');
  const [values, set] = useQueryParams(KEYS);
  const tab = values.tab === 'clans' ? 'clans' : 'households';
  const filter: PlaceFilter = {
    orgId: values.orgId,
    q: values.q,
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, 20),
  };
  const listQuery = { orgId: values.orgId, q: values.q };
  const householdExport = useListExport('/households/export', 'households', listQuery);
  const clanExport = useListExport('/clans/export', 'clans', listQuery);
  const exporter = tab === 'clans' ? clanExport : householdExport;
  const org = useOrgDetail(values.orgId);
  const defaultOrg = values.orgId && org.data ? { value: values.orgId, label: org.data.org.name } : undefined;
  const [creating, setCreating] = useState(false);
  const onPage = (page: number, pageSize: number) => set({ page, pageSize });

  return (
    <div className="page">
      <PageHeading
        title={t('household.title')}
        action={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={`${tab === 'clans' ? 'clan' : 'household'}-create`}>
              {tab === 'clans' ? t('clan.create') : t('household.create')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key === 'clans' ? 'clans' : undefined, q: undefined })}
        items={[
          { key: 'households', label: <span data-testid="tab-households">{t('household.tab.households')}</span> },
          { key: 'clans', label: <span data-testid="tab-clans">{t('household.tab.clans')}</span> },
        ]}
      />
      <div className="filters">
        <SearchBox
          key={tab}
          id="households-search"
          data-testid="households-search"
          className="filter-search"
          placeholder={tab === 'clans' ? t('clan.searchPlaceholder') : t('household.searchPlaceholder')}
          value={values.q}
          onSearch={(q) => set({ q }, { replace: true })}
        />
        <OrgFilter
          orgId={values.orgId}
          onChange={(orgId) => set({ orgId })}
          placeholder={t('people.filter.place')}
          testId="households-org-filter"
        />
        <ListExportButton exporter={exporter} testId={`${tab === 'clans' ? 'clan' : 'household'}-export`} />
      </div>
      <ListExportProgress exporter={exporter} />
      {tab === 'clans' ? <ClanList filter={filter} onPage={onPage} /> : <HouseholdList filter={filter} onPage={onPage} />}
      {creating && tab === 'households' && (
        <HouseholdFormModal mode="create" defaultOrg={defaultOrg} onClose={() => setCreating(false)} onDone={(id) => navigate(householdPath(id))} />
      )}
      {creating && tab === 'clans' && (
        <ClanFormModal mode="create" defaultOrg={defaultOrg} onClose={() => setCreating(false)} onDone={(id) => navigate(clanPath(id))} />
      )}
    </div>
  );
}
