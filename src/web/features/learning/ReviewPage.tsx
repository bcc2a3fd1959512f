import { useState } from 'react';
import { App, Button, Popconfirm, Select, Space } from 'antd';
import { CheckOutlined, CloseOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { RECORD_KINDS, RECORD_STATUSES, type LearningRecordView, type RecordKind, type RecordStatus } from '../../../shared/learning';
import { hasPermission, useMe } from '../../app/auth';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList } from '../../components/ResponsiveList';
import { SearchBox } from '../../components/SearchBox';
import { usePagination } from '../../components/usePagination';
import { intParam, useQueryParams } from '../../components/useQueryParams';
import { useOrgDetail } from '../org/orgApi';
import { OrgFilter } from '../org/OrgFilter';
import { BulkRecordModal } from './BulkRecordModal';
import { useRecords, useVerifyRecord, type RecordFilter } from './learningApi';
import { currentYear, defaultLearningOrg, kindOptions, statusOptions, yearOptions } from './learningLabels';
import { useRecordColumns } from './recordColumns';
import { RejectModal } from './RejectModal';
import './learning.css';

const KEYS = ['orgId', 'year', 'status', 'kind', 'q', 'page', 'pageSize'] as const;
/** The status filter's value for "every status" (no status in the URL means awaiting verification). */
const ALL = 'all';

const has = (codes: object, value: string | undefined) => value !== undefined && Object.prototype.hasOwnProperty.call(codes, value);

type Dialog = { kind: 'reject'; record: LearningRecordView } | { kind: 'bulk' } | null;

/**
 * /learning-records?orgId&year&status&kind&q: the records of a subtree for the unit head or the
 * secretariat to verify (awaiting first: status defaults to pending), or reject with a reason;
 * "Ghi nhận cho nhiều người" for those who run the cycle (learning.manage).
 */
export default function ReviewPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const me = useMe();
  const [values, set] = useQueryParams(KEYS);
  const orgId = values.orgId ?? defaultLearningOrg(me.data);
  const org = useOrgDetail(orgId);
  const status: RecordStatus | undefined = values.status === ALL ? undefined : has(RECORD_STATUSES, values.status) ? (values.status as RecordStatus) : 'pending';
  const filter: RecordFilter | undefined = orgId
    ? {
        orgId,
        year: values.year ? intParam(values.year, currentYear()) : undefined,
        status,
        kind: has(RECORD_KINDS, values.kind) ? (values.kind as RecordKind) : undefined,
        q: values.q,
      }
    : undefined;
  const paging = { page: intParam(values.page, 1), pageSize: intParam(values.pageSize, 20) };
  const records = useRecords(filter, paging.page, paging.pageSize);
  const pagination = usePagination(records.data, paging, (page, pageSize) => set({ page, pageSize }));
  const verify = useVerifyRecord();
  const [dialog, setDialog] = useState<Dialog>(null);
  const canManage = hasPermission(me.data, 'learning.manage');
  const columns = useRecordColumns({ who: true, editable: () => false, personLinks: hasPermission(me.data, 'person.read') });

  const actions = (r: LearningRecordView) =>
    r.canVerify ? (
      <Space size={4} wrap className="record-actions">
        {r.status !== 'verified' && (
          <Popconfirm
            title={t('learning.review.verifyTitle', { name: r.person.fullName })}
            okText={t('learning.review.verify')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              verify.mutateAsync({ id: r.id, decision: 'verified' }).then(
                () => void message.success(t('learning.review.verified', { name: r.person.fullName })),
                (error: unknown) => void message.error(errorText(lang, error)),
              )
            }
          >
            <Button size="small" type="primary" icon={<CheckOutlined />} data-testid="record-verify">
              {t('learning.review.verify')}
            </Button>
          </Popconfirm>
        )}
        {r.status !== 'rejected' && (
          <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDialog({ kind: 'reject', record: r })} data-testid="record-reject">
            {t('learning.review.reject')}
          </Button>
        )}
      </Space>
    ) : (
      <span className="muted">{r.mine ? t('learning.review.own') : t('common.none')}</span>
    );

  return (
    <div className="page learning-page">
      <PageHeading
        title={t('learning.review.title')}
        subtitle={t('learning.review.subtitle')}
        action={
          canManage && (
            <Button icon={<UsergroupAddOutlined />} onClick={() => setDialog({ kind: 'bulk' })} data-testid="bulk-record-open">
              {t('learning.bulk.open')}
            </Button>
          )
        }
      />
      <div className="filters" data-testid="review-filters">
        <OrgFilter orgId={orgId} onChange={(next) => set({ orgId: next })} placeholder={t('learning.filter.unit')} testId="review-org" />
        <SearchBox
          id="review-search"
          data-testid="review-search"
          className="filter-search"
          placeholder={t('learning.filter.search')}
          value={values.q}
          onSearch={(q) => set({ q }, { replace: true })}
        />
        <Select
          className="filter-select"
          data-testid="review-status"
          aria-label={t('learning.col.status')}
          value={status ?? ALL}
          onChange={(next: string) => set({ status: next === 'pending' ? undefined : next })}
          options={[...statusOptions(lang), { value: ALL, label: t('learning.filter.allStatuses') }]}
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          className="filter-select filter-select-wide"
          data-testid="review-kind"
          placeholder={t('learning.field.kind')}
          aria-label={t('learning.field.kind')}
          value={filter?.kind}
          onChange={(kind) => set({ kind })}
          options={kindOptions(lang)}
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          className="filter-year"
          data-testid="review-year"
          placeholder={t('learning.filter.allYears')}
          aria-label={t('learning.year')}
          value={filter?.year}
          onChange={(year) => set({ year })}
          options={yearOptions(currentYear())}
        />
      </div>
      {!orgId ? (
        <span className="muted">{t('learning.filter.pickUnit')}</span>
      ) : records.isError ? (
        <ErrorState error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <ResponsiveList
          testId="review-list"
          items={records.data?.items ?? []}
          rowKey={(r) => r.id}
          columns={columns}
          loading={records.isFetching}
          pagination={pagination}
          emptyText={status === 'pending' ? t('learning.review.emptyPending') : t('learning.review.empty')}
          actions={actions}
          actionsTitle={t('common.actions')}
        />
      )}
      {dialog?.kind === 'reject' && <RejectModal record={dialog.record} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'bulk' && (
        <BulkRecordModal
          defaultOrg={orgId && org.data ? { value: orgId, label: org.data.org.name } : undefined}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
