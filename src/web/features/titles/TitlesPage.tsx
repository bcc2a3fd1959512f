import { useEffect, useState } from 'react';
import { Alert, App, Button, Modal, Select, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { CheckOutlined, FileDoneOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../shared/vn-text';
import { hasPermission, useMe } from '../../app/auth';
import { errorText } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { TitleRegistrationRow } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { SearchBox } from '../../components/SearchBox';
import { testId } from '../../components/testId';
import { usePagination } from '../../components/usePagination';
import { intParam, useQueryParams } from '../../components/useQueryParams';
import { ListExportButton, ListExportProgress, useListExport } from '../jobs/ListExport';
import { OrgFilter } from '../org/OrgFilter';
import { useOrgDetail } from '../org/orgApi';
import { yearParam, YearSelect } from '../studyPlan/YearSelect';
import { RegisterModal } from './RegisterModal';
import { citizenGroupLabel, HeadlineTag, isRegistrationState, isTitle, REGISTRATION_STATES, RegistrationStateTag, stateLabel, titleName, titleOptions } from './titleLabels';
import { useRegistrations, useReviewMany, useTitleSummary } from './titlesApi';
import { TitleSummaryCard } from './TitleSummaryCard';
import './titles.css';

const QUERY_KEYS = ['orgId', 'year', 'title', 'state', 'q', 'page', 'pageSize'] as const;

export const registrationPath = (id: string) => `/titles/registrations/${encodeURIComponent(id)}`;

function useColumns(): ListColumn<TitleRegistrationRow>[] {
  const t = useT();
  const { lang } = useLang();
  return [
    {
      key: 'subject',
      title: t('titles.list.col.subject'),
      card: 'title',
      width: 240,
      render: (r) => (
        <Link to={registrationPath(r.id)} data-testid="title-row-subject">
          {r.subjectName}
        </Link>
      ),
    },
    // An organisation's own case belongs to the organisation itself: its name is already the subject.
    { key: 'unit', title: t('titles.list.col.unit'), card: 'subtitle', width: 200, render: (r) => (r.subjectKind === 'org' ? null : r.orgName) },
    {
      key: 'title',
      title: t('titles.list.col.title'),
      render: (r) => (
        <span>
          {titleName(lang, r.title)}
          {r.citizenGroup && <span className="muted"> · {citizenGroupLabel(lang, r.citizenGroup).split(':')[0]}</span>}
        </span>
      ),
    },
    { key: 'state', title: t('titles.list.col.state'), render: (r) => <RegistrationStateTag state={r.state} testId="title-row-state" /> },
    { key: 'self', title: t('titles.list.col.self'), render: (r) => <HeadlineTag headline={r.self} testId="title-row-self" /> },
    { key: 'review', title: t('titles.list.col.review'), render: (r) => <HeadlineTag headline={r.review} testId="title-row-review" /> },
    { key: 'updatedAt', title: t('titles.list.col.updatedAt'), className: 'nowrap', render: (r) => formatDate(r.updatedAt) },
  ];
}

/** Accepts the selected submitted cases together (all or nothing). */
function AcceptManyModal({ ids, onDone, onClose }: { ids: string[]; onDone: () => void; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const accept = useReviewMany();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('titles.list.acceptTitle', { count: ids.length })}
      okText={t('titles.acts.accept')}
      cancelText={t('common.cancel')}
      onOk={() =>
        accept.mutate(ids, {
          onSuccess: (res) => {
            void message.success(t('titles.list.accepted', { count: formatNumber(lang, res.accepted) }));
            onDone();
          },
          onError: setError,
        })
      }
      onCancel={onClose}
      confirmLoading={accept.isPending}
      okButtonProps={testId<ButtonProps>('titles-accept-many-confirm')}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>{t('titles.list.acceptText')}</Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={errorText(lang, error)} data-testid="titles-accept-many-error" />}
    </Modal>
  );
}

/**
 * /titles?orgId&year&title&state&q: the learning titles of a unit's subtree. The figures per title
 * (registered of eligible, recognised of registered) as the server counts them, the registrations
 * (filters, mark-free search, paging), accepting many reviewed cases at once, registering one or
 * many subjects, the Excel import and export.
 */
export default function TitlesPage() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const [params, set] = useQueryParams(QUERY_KEYS);
  const year = yearParam(params.year);
  const orgId = params.orgId ?? me.data?.homeOrg?.id ?? me.data?.grants[0]?.orgId;
  const title = isTitle(params.title) ? params.title : undefined;
  const state = isRegistrationState(params.state) ? params.state : undefined;
  const paging = { page: intParam(params.page, 1), pageSize: intParam(params.pageSize, 20) };
  const filter = orgId ? { orgId, year, title, state, q: params.q } : undefined;
  const list = useRegistrations(filter, paging.page, paging.pageSize);
  const summary = useTitleSummary(orgId, year, title);
  const org = useOrgDetail(orgId);
  const exporter = useListExport('/titles/registrations/export', 'titles', {
    orgId,
    year,
    ...(title ? { title } : {}),
    ...(state ? { state } : {}),
    ...(params.q ? { q: params.q } : {}),
  });
  const columns = useColumns();
  const pagination = usePagination(list.data, paging, (page, pageSize) => set({ page, pageSize }));
  const [selected, setSelected] = useState<string[]>([]);
  const [accepting, setAccepting] = useState(false);
  const [registering, setRegistering] = useState(false);
  const canManage = hasPermission(me.data, 'recognition.manage');
  const canReview = hasPermission(me.data, 'recognition.review');
  const canDecide = hasPermission(me.data, 'recognition.decide');
  // The server refuses (naming the case) what the viewer may not accept, e.g. their own unit's case.
  const selectable = (r: TitleRegistrationRow) => r.state === 'submitted';
  const anySelectable = canReview && (list.data?.items ?? []).some(selectable);

  useEffect(() => setSelected([]), [orgId, year, title]);

  const orgOption = orgId ? { value: orgId, label: org.data?.org.name ?? '…' } : undefined;

  return (
    <div className="page titles-page" data-testid="titles-page">
      <PageHeading
        title={t('titles.list.title')}
        action={
          orgId && (
            <Space wrap>
              {canManage && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="titles-register">
                  {t('titles.list.register')}
                </Button>
              )}
              {canManage && (
                <Button icon={<ImportOutlined />} onClick={() => navigate(`/imports?kind=titleRegistration&orgId=${encodeURIComponent(orgId)}`)} data-testid="titles-import">
                  {t('titles.list.import')}
                </Button>
              )}
              <ListExportButton exporter={exporter} testId="titles-export" />
              {canDecide && (
                <Button icon={<FileDoneOutlined />} onClick={() => navigate(`/titles/decisions?orgId=${encodeURIComponent(orgId)}&year=${year}`)} data-testid="titles-decisions">
                  {t('titles.list.decisions')}
                </Button>
              )}
            </Space>
          )
        }
      />
      <ListExportProgress exporter={exporter} />
      <div className="filters">
        <OrgFilter orgId={orgId} onChange={(id) => set({ orgId: id })} placeholder={t('titles.list.unit')} testId="titles-org-filter" />
        <YearSelect value={year} onChange={(y) => set({ year: y === new Date().getFullYear() ? undefined : y })} testId="titles-year" />
        <Select
          className="filter-select-wide"
          value={title ?? ''}
          onChange={(value: string) => set({ title: value || undefined })}
          aria-label={t('titles.list.titleFilter')}
          data-testid="titles-title-filter"
          options={[{ value: '', label: t('titles.list.allTitles') }, ...titleOptions(lang)]}
        />
        <Select
          className="filter-select-wide"
          value={state ?? ''}
          onChange={(value: string) => set({ state: value || undefined })}
          aria-label={t('titles.list.stateFilter')}
          data-testid="titles-state-filter"
          options={[{ value: '', label: t('titles.list.allStates') }, ...REGISTRATION_STATES.map((s) => ({ value: s, label: stateLabel(lang, s) }))]}
        />
        <SearchBox id="titles-search" data-testid="titles-search" className="filter-search" placeholder={t('titles.list.search')} value={params.q} onSearch={(q) => set({ q }, { replace: true })} />
      </div>
      {!orgId ? (
        <Alert type="info" showIcon title={t('titles.list.pickUnit')} />
      ) : (
        <>
          {summary.isError ? (
            <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
          ) : (
            <TitleSummaryCard summary={summary.data} year={year} loading={summary.isPending} />
          )}
          {anySelectable && (
            <div className="list-toolbar titles-accept-bar">
              <span className="muted list-toolbar-selection">{t('titles.list.selectHint')}</span>
              <span>
                {selected.length > 0 && (
                  <Button onClick={() => setSelected([])} data-testid="titles-clear-selection">
                    {t('titles.list.clearSelection')}
                  </Button>
                )}{' '}
                <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} onClick={() => setAccepting(true)} data-testid="titles-accept-many">
                  {t('titles.list.acceptSelected', { count: selected.length })}
                </Button>
              </span>
            </div>
          )}
          {list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <ResponsiveList
              testId="titles-list"
              items={list.data?.items ?? []}
              rowKey={(r) => r.id}
              columns={columns}
              loading={list.isFetching}
              pagination={pagination}
              emptyText={t('titles.list.empty')}
              selection={anySelectable ? { selectedKeys: selected, onChange: setSelected, canSelect: selectable, label: t('titles.list.select') } : undefined}
            />
          )}
        </>
      )}
      {accepting && (
        <AcceptManyModal
          ids={selected}
          onClose={() => setAccepting(false)}
          onDone={() => {
            setAccepting(false);
            setSelected([]);
          }}
        />
      )}
      {registering && <RegisterModal org={orgOption} year={year} title={title} onClose={() => setRegistering(false)} />}
    </div>
  );
}
