import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { EyeOutlined, FilePdfOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { LearningTitle } from '../../../shared/criteria';
import { formatDate } from '../../../shared/vn-text';
import { hasPermission, useMe } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { RecognitionDecisionRow, RecognitionView, TitleRegistrationRow } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { testId } from '../../components/testId';
import { usePagination } from '../../components/usePagination';
import { intParam, useQueryParams } from '../../components/useQueryParams';
import { OrgFilter } from '../org/OrgFilter';
import { yearParam, YearSelect } from '../studyPlan/YearSelect';
import { DecisionFields, decisionBody, DECISION_FIELDS, type DecisionValues } from './DecisionForm';
import { HeadlineTag, isTitle, outcomeName, titleName, titleOptions } from './titleLabels';
import { certificateHref, useCreateDecision, useDecisions, useRecognitions, useRegistrations, useRevokeRecognition, verifyHref } from './titlesApi';
import './titles.css';

const QUERY_KEYS = ['orgId', 'year', 'title', 'tab', 'status', 'page', 'pageSize'] as const;
export const decisionPath = (id: string) => `/titles/decisions/${encodeURIComponent(id)}`;

/** The reviewed cases of a title and year that a decision may include (checkboxes, all by default). */
function ReviewedPicker({ orgId, year, title, value, onChange }: { orgId: string; year: number; title: LearningTitle; value: string[]; onChange: (ids: string[]) => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const reviewed = useRegistrations({ orgId, year, title, state: 'reviewed' }, page, 100);
  const columns: ListColumn<TitleRegistrationRow>[] = [
    { key: 'subject', title: t('titles.list.col.subject'), card: 'title', render: (r) => r.subjectName },
    { key: 'unit', title: t('titles.list.col.unit'), card: 'subtitle', render: (r) => r.orgName },
    { key: 'review', title: t('titles.list.col.review'), render: (r) => <HeadlineTag headline={r.review ?? r.self} testId="decision-pick-result" /> },
  ];
  if (!reviewed.isPending && (reviewed.data?.items.length ?? 0) === 0) return <Alert type="info" showIcon title={t('titles.decision.noReviewed')} data-testid="decision-no-reviewed" />;
  return (
    <ResponsiveList
      testId="decision-pick"
      items={reviewed.data?.items ?? []}
      rowKey={(r) => r.id}
      columns={columns}
      loading={reviewed.isFetching}
      pagination={(reviewed.data?.total ?? 0) > 100 ? { current: page, pageSize: 100, total: reviewed.data?.total ?? 0, onChange: setPage } : false}
      emptyText={t('titles.decision.noReviewed')}
      selection={{ selectedKeys: value, onChange, label: t('titles.decision.registrations') }}
    />
  );
}

/** "Lập quyết định": title, year, issuing body, number, date, signer, and the reviewed cases to include. */
function CreateDecisionModal({ orgId, year, title, onClose }: { orgId: string; year: number; title?: LearningTitle; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const create = useCreateDecision();
  const [form] = Form.useForm<DecisionValues>();
  const pickedTitle = Form.useWatch('title', form) ?? title ?? 'LEARNING_FAMILY';
  const pickedYear = Form.useWatch('year', form) ?? year;
  const [ids, setIds] = useState<string[]>([]);
  return (
    <Modal
      open
      title={t('titles.decisions.create')}
      okText={t('titles.decisions.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ ...testId<ButtonProps>('decision-create-ok'), disabled: ids.length === 0 }}
      mask={{ closable: false }}
      width={760}
    >
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        name="decisionCreate"
        className="title-decision-form"
        initialValues={{ title: title ?? 'LEARNING_FAMILY', year }}
        onValuesChange={(changed) => {
          if ('title' in changed || 'year' in changed) setIds([]);
        }}
        onFinish={(values) =>
          create.mutate(
            { orgId, year: values.year, title: values.title, ...decisionBody(values), registrationIds: ids },
            {
              onSuccess: (decision) => {
                void message.success(t('titles.decision.created'));
                onClose();
                navigate(decisionPath(decision.id));
              },
              onError: (error) => showError(error, form, DECISION_FIELDS),
            },
          )
        }
      >
        <DecisionFields form={form} creating />
      </Form>
      <Typography.Title level={5}>
        {t('titles.decision.registrations')} <span className="muted">({formatNumber('vi', ids.length)})</span>
      </Typography.Title>
      <ReviewedPicker key={`${pickedTitle}-${pickedYear}`} orgId={orgId} year={pickedYear} title={pickedTitle} value={ids} onChange={setIds} />
    </Modal>
  );
}

function RevokeModal({ recognition, onClose }: { recognition: RecognitionView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const revoke = useRevokeRecognition();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('titles.recognitions.revokeTitle', { name: recognition.subjectName })}
      okText={t('titles.recognitions.revoke')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={revoke.isPending}
      okButtonProps={{ ...testId<ButtonProps>('recognition-revoke-ok'), danger: true }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>{t('titles.recognitions.revokeText')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="revoke"
        onFinish={(values) =>
          revoke.mutate(
            { id: recognition.id, reason: values.reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('titles.recognitions.revoked'));
                onClose();
              },
              onError: (error) => showError(error, form, ['reason']),
            },
          )
        }
      >
        <Form.Item name="reason" label={t('titles.recognitions.revokeReason')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="recognition-revoke-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const STATUS_COLORS = { valid: 'green', expired: 'default', revoked: 'red' } as const;

/** A recognition's status tag (valid, expired, revoked). */
export function RecognitionStatusTag({ status }: { status: 'valid' | 'expired' | 'revoked' }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="recognition-status" data-status={status}>
      {t(`titles.recognitions.status.${status}`)}
    </Tag>
  );
}

export function useRecognitionColumns(): ListColumn<RecognitionView>[] {
  const t = useT();
  const { lang } = useLang();
  return [
    { key: 'holder', title: t('titles.recognitions.col.holder'), card: 'title', render: (r) => <Link to={`/titles/registrations/${encodeURIComponent(r.registrationId)}`}>{r.subjectName}</Link> },
    { key: 'title', title: t('titles.list.col.title'), card: 'subtitle', render: (r) => `${titleName(lang, r.title)} ${r.year}` },
    { key: 'outcome', title: t('titles.recognitions.col.outcome'), render: (r) => outcomeName(lang, r.outcome) },
    {
      key: 'decision',
      title: t('titles.recognitions.col.decision'),
      render: (r) => <Link to={decisionPath(r.decisionId)}>{r.decisionNumber ?? t('titles.decisions.noNumber')}</Link>,
    },
    {
      key: 'valid',
      title: t('titles.recognitions.col.valid'),
      className: 'nowrap',
      render: (r) => t('titles.recognitions.validRange', { from: formatDate(r.validFrom), to: r.validUntil ? formatDate(r.validUntil) : t('titles.recognitions.noEnd') }),
    },
    {
      key: 'status',
      title: t('titles.recognitions.col.status'),
      render: (r) => <RecognitionStatusTag status={r.status} />,
    },
  ];
}

/** Certificate, verification page and (with recognition.decide) revoke of a recognition. */
export function RecognitionActions<R extends { id: string; certificateCode: string; revokedAt: string | null }>({
  r,
  canRevoke,
  onRevoke,
}: {
  r: R;
  canRevoke: boolean;
  onRevoke: (r: R) => void;
}) {
  const t = useT();
  return (
    <Space wrap size={4}>
      <Button size="small" icon={<FilePdfOutlined />} href={certificateHref(r.id)} target="_blank" data-testid="recognition-certificate">
        {t('titles.recognitions.certificate')}
      </Button>
      <Button size="small" type="link" href={verifyHref(r.certificateCode)} target="_blank" data-testid="recognition-verify">
        {t('titles.recognitions.verify')}
      </Button>
      {canRevoke && !r.revokedAt && (
        <Button size="small" danger icon={<StopOutlined />} onClick={() => onRevoke(r)} data-testid="recognition-revoke">
          {t('titles.recognitions.revoke')}
        </Button>
      )}
    </Space>
  );
}

function RecognitionsTab({ orgId, year, title, status, page, pageSize, onPage, onStatus }: {
  orgId: string;
  year: number;
  title?: LearningTitle;
  status?: 'valid' | 'revoked' | 'expired';
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onStatus: (status: string | undefined) => void;
}) {
  const t = useT();
  const me = useMe();
  const list = useRecognitions({ orgId, year, title, state: status }, page, pageSize);
  const columns = useRecognitionColumns();
  const [revoking, setRevoking] = useState<RecognitionView | null>(null);
  const pagination = usePagination(list.data, { page, pageSize }, onPage);
  const canRevoke = hasPermission(me.data, 'recognition.decide');
  return (
    <>
      <div className="filters">
        <Select
          className="filter-select-wide"
          value={status ?? ''}
          onChange={(v: string) => onStatus(v || undefined)}
          aria-label={t('titles.recognitions.statusFilter')}
          data-testid="recognitions-status"
          options={[
            { value: '', label: t('titles.recognitions.allStatuses') },
            ...(['valid', 'expired', 'revoked'] as const).map((s) => ({ value: s, label: t(`titles.recognitions.status.${s}`) })),
          ]}
        />
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveList
          testId="recognitions-list"
          items={list.data?.items ?? []}
          rowKey={(r) => r.id}
          columns={columns}
          loading={list.isFetching}
          pagination={pagination}
          emptyText={t('titles.recognitions.empty')}
          actionsTitle={t('common.actions')}
          actions={(r) => <RecognitionActions r={r} canRevoke={canRevoke} onRevoke={setRevoking} />}
        />
      )}
      {revoking && <RevokeModal recognition={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}

/**
 * /titles/decisions?orgId&year&title&tab: the recognition decisions of a subtree (draft, issued),
 * drafting one from reviewed cases, and (tab=recognitions) the titles recognised with their
 * certificates, verification pages and revocation.
 */
export default function DecisionsPage() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const [params, set] = useQueryParams(QUERY_KEYS);
  const year = yearParam(params.year);
  const orgId = params.orgId ?? me.data?.homeOrg?.id ?? me.data?.grants[0]?.orgId;
  const title = isTitle(params.title) ? params.title : undefined;
  const tab = params.tab === 'recognitions' ? 'recognitions' : 'decisions';
  const status = params.status === 'valid' || params.status === 'revoked' || params.status === 'expired' ? params.status : undefined;
  const decisions = useDecisions({ orgId, year, title }, !!orgId && tab === 'decisions');
  const [creating, setCreating] = useState(false);
  const canDecide = hasPermission(me.data, 'recognition.decide');

  const columns: ListColumn<RecognitionDecisionRow>[] = [
    {
      key: 'number',
      title: t('titles.decisions.col.number'),
      card: 'title',
      render: (d) => (
        <Link to={decisionPath(d.id)} data-testid="decision-row-number">
          {d.number ?? t('titles.decisions.noNumber')}
        </Link>
      ),
    },
    { key: 'title', title: t('titles.decisions.col.title'), card: 'subtitle', render: (d) => `${titleName(lang, d.title)} ${d.year}` },
    { key: 'body', title: t('titles.decisions.col.body'), render: (d) => d.issuingBody },
    { key: 'signedOn', title: t('titles.decisions.col.signedOn'), className: 'nowrap', render: (d) => (d.signedOn ? formatDate(d.signedOn) : '—') },
    { key: 'count', title: t('titles.decisions.col.count'), render: (d) => formatNumber(lang, d.count) },
    {
      key: 'state',
      title: t('titles.decisions.col.state'),
      render: (d) => (
        <Tag color={d.state === 'issued' ? 'green' : 'blue'} data-testid="decision-row-state" data-state={d.state}>
          {t(`titles.decisions.state.${d.state}`)}
        </Tag>
      ),
    },
  ];

  return (
    <div className="page title-decisions-page" data-testid="title-decisions-page">
      <PageHeading
        title={t('titles.decisions.title')}
        action={
          orgId &&
          canDecide && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="decision-create">
              {t('titles.decisions.create')}
            </Button>
          )
        }
      />
      <div className="filters">
        <OrgFilter orgId={orgId} onChange={(id) => set({ orgId: id })} placeholder={t('titles.list.unit')} testId="decisions-org-filter" />
        <YearSelect value={year} onChange={(y) => set({ year: y === new Date().getFullYear() ? undefined : y })} testId="decisions-year" />
        <Select
          className="filter-select-wide"
          value={title ?? ''}
          onChange={(value: string) => set({ title: value || undefined })}
          aria-label={t('titles.list.titleFilter')}
          data-testid="decisions-title-filter"
          options={[{ value: '', label: t('titles.list.allTitles') }, ...titleOptions(lang)]}
        />
      </div>
      {!orgId ? (
        <Alert type="info" showIcon title={t('titles.list.pickUnit')} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => set({ tab: key === 'recognitions' ? key : undefined })}
          items={[
            {
              key: 'decisions',
              label: <span data-testid="decisions-tab">{t('titles.decisions.tab')}</span>,
              children: decisions.isError ? (
                <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
              ) : (
                <ResponsiveList
                  testId="decisions-list"
                  items={decisions.data?.items ?? []}
                  rowKey={(d) => d.id}
                  columns={columns}
                  loading={decisions.isFetching}
                  pagination={{ pageSize: 20 }}
                  emptyText={t('titles.decisions.empty')}
                  actionsTitle={t('common.actions')}
                  actions={(d) => (
                    <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(decisionPath(d.id))} data-testid="decision-row-open">
                      {t('titles.decisions.open')}
                    </Button>
                  )}
                />
              ),
            },
            {
              key: 'recognitions',
              label: <span data-testid="recognitions-tab">{t('titles.decisions.recognitions')}</span>,
              children: tab === 'recognitions' && (
                <RecognitionsTab
                  orgId={orgId}
                  year={year}
                  title={title}
                  status={status}
                  page={intParam(params.page, 1)}
                  pageSize={intParam(params.pageSize, 20)}
                  onPage={(page, pageSize) => set({ page, pageSize })}
                  onStatus={(s) => set({ status: s })}
                />
              ),
            },
          ]}
        />
      )}
      {creating && orgId && <CreateDecisionModal orgId={orgId} year={year} title={title} onClose={() => setCreating(false)} />}
    </div>
  );
}
