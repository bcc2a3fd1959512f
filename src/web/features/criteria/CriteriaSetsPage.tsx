import { useState } from 'react';
import { Button, Select, Space, Tabs, Tag, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { CriteriaSetItem } from '../../../shared/api-types';
import { LEARNING_TITLES } from '../../../shared/criteria';
import { hasPermission, useMe } from '../../app/auth';
import { pickText, useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { SearchBox } from '../../components/SearchBox';
import { useQueryParams } from '../../components/useQueryParams';
import { CalendarSection } from './CalendarSection';
import { useCriteriaSets } from './criteriaApi';
import { originName, ownerName, titleName, versionState } from './criteriaLabels';
import { ImportModal } from './ImportModal';
import './criteria.css';

export const criteriaSetPath = (id: string) => `/criteria-sets/${id}`;

function StateCell({ set }: { set: CriteriaSetItem }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Space size={4} wrap>
      <span>{versionState(lang, set.latest)}</span>
      {set.draftVersionId && set.latest?.state === 'published' && <Tag color="processing">{t('criteria.hasDraft')}</Tag>}
      {set.incomplete && (
        <Tag color="warning" data-testid="criteria-incomplete">
          {t('criteria.incomplete')}
        </Tag>
      )}
    </Space>
  );
}

function SetsList() {
  const t = useT();
  const { lang } = useLang();
  const [values, set] = useQueryParams(['title', 'q'] as const);
  const sets = useCriteriaSets(values.title, values.q ?? '');
  const columns: ListColumn<CriteriaSetItem>[] = [
    {
      key: 'name',
      title: t('criteria.col.name'),
      card: 'title',
      render: (s) => (
        <Link to={criteriaSetPath(s.id)} data-testid="criteria-set-link" data-code={s.code}>
          {pickText(lang, s.name)}
        </Link>
      ),
    },
    { key: 'code', title: t('criteria.facts.code'), card: 'subtitle', render: (s) => <span className="criteria-code-text">{s.code}</span> },
    { key: 'title', title: t('criteria.col.title'), render: (s) => titleName(lang, s.title) },
    { key: 'source', title: t('criteria.col.source'), render: (s) => s.source?.document ?? '—' },
    { key: 'owner', title: t('criteria.col.owner'), render: (s) => `${ownerName(lang, s)} · ${originName(lang, s.origin)}` },
    { key: 'state', title: t('criteria.col.state'), render: (s) => <StateCell set={s} /> },
  ];
  return (
    <>
      <div className="filters">
        <SearchBox id="criteria-search" data-testid="criteria-search" className="filter-search" placeholder={t('criteria.search')} value={values.q} onSearch={(q) => set({ q }, { replace: true })} />
        <Select
          allowClear
          className="filter-select"
          placeholder={t('criteria.filter.allTitles')}
          aria-label={t('criteria.filter.title')}
          value={values.title}
          onChange={(title) => set({ title })}
          options={LEARNING_TITLES.map((title) => ({ value: title, label: titleName(lang, title) }))}
          data-testid="criteria-title-filter"
        />
      </div>
      {sets.isError ? (
        <ErrorState error={sets.error} onRetry={() => void sets.refetch()} />
      ) : (
        <ResponsiveList items={sets.data ?? []} rowKey={(s) => s.id} columns={columns} loading={sets.isFetching} pagination={{ pageSize: 50 }} emptyText={t('criteria.empty')} testId="criteria-sets" />
      )}
    </>
  );
}

/** /criteria-sets: the criteria sets (?tab=calendar: the yearly calendar of dates per unit). */
export default function CriteriaSetsPage() {
  const t = useT();
  const me = useMe();
  const [values, set] = useQueryParams(['tab'] as const);
  const [importing, setImporting] = useState(false);
  const tab = values.tab === 'calendar' ? 'calendar' : 'sets';
  const canWrite = hasPermission(me.data, 'criteria.manage') || hasPermission(me.data, 'system.configure');
  return (
    <div className="page criteria-page">
      <PageHeading
        title={t('criteria.title')}
        action={
          tab === 'sets' && canWrite ? (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="criteria-import">
              {t('criteria.action.import')}
            </Button>
          ) : undefined
        }
      />
      <Typography.Paragraph className="page-intro">{tab === 'sets' ? t('criteria.intro') : t('calendar.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key === 'calendar' ? 'calendar' : undefined })}
        items={[
          { key: 'sets', label: <span data-testid="tab-criteria-sets">{t('criteria.tab.sets')}</span> },
          { key: 'calendar', label: <span data-testid="tab-calendar">{t('criteria.tab.calendar')}</span> },
        ]}
      />
      {tab === 'sets' ? <SetsList /> : <CalendarSection />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </div>
  );
}
