import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Grid, Input, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { BellOutlined, CheckOutlined, EyeOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { PLAN_STATES, type PlanState } from '../../../shared/studyPlan';
import { hasPermission, useMe } from '../../app/auth';
import { errorText } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList } from '../../components/ResponsiveList';
import { SearchBox } from '../../components/SearchBox';
import { testId } from '../../components/testId';
import { usePagination } from '../../components/usePagination';
import { intParam, useQueryParams } from '../../components/useQueryParams';
import { OrgFilter } from '../org/OrgFilter';
import { LearningYearCard } from './LearningYearCard';
import { planPath, usePlanMemberColumns } from './planMemberColumns';
import { STATE_ORDER, stateLabel } from './planLabels';
import { formatShare, PlanSummaryChart } from './PlanSummaryChart';
import { useApproveMany, usePlanMembers, usePlanSummary, useRemind } from './studyPlanApi';
import { ListExportButton, ListExportProgress, useListExport } from '../jobs/ListExport';
import './studyPlan.css';
import { yearParam, YearSelect } from './YearSelect';

const QUERY_KEYS = ['orgId', 'year', 'state', 'q', 'page', 'pageSize'] as const;
const isState = (value: string | undefined): value is PlanState | 'none' =>
  value === 'none' || (value !== undefined && Object.prototype.hasOwnProperty.call(PLAN_STATES, value));

/** Approves the selected plans together, with an optional comment. */
function ApproveManyModal({ planIds, onDone, onClose }: { planIds: string[]; onDone: () => void; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const approve = useApproveMany();
  const [form] = Form.useForm<{ comment?: string }>();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('studyPlan.list.approveTitle', { count: planIds.length })}
      okText={t('studyPlan.act.approve')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={approve.isPending}
      okButtonProps={testId<ButtonProps>('plan-approve-many-confirm')}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>{t('studyPlan.list.approveText')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="approveMany"
        onFinish={(values) => {
          setError(null);
          approve.mutate(
            { planIds, comment: values.comment?.trim() || null },
            {
              onSuccess: (res) => {
                void message.success(t('studyPlan.list.approved', { count: res.approved }));
                onDone();
              },
              onError: setError,
            },
          );
        }}
      >
        <Form.Item name="comment" label={t('studyPlan.actModal.comment')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="plan-approve-many-comment" />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorText(lang, error)} data-testid="plan-approve-many-error" />}
    </Modal>
  );
}

/**
 * /study-plans?orgId&year&state&q: the unit's self-study plans. A chart of plan states per unit
 * with the share approved, the learning year (opened or changed by those who run the cycle), the
 * members and their plans (search without marks, filter by state, who is late), approving many
 * submitted plans at once, and reminding those who have not sent theirs.
 */
export default function StudyPlansPage() {
  const t = useT();
  const { lang } = useLang();
  const { modal, message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [params, set] = useQueryParams(QUERY_KEYS);
  const year = yearParam(params.year);
  const orgId = params.orgId ?? me.data?.homeOrg?.id ?? me.data?.grants[0]?.orgId;
  const state = isState(params.state) ? params.state : undefined;
  const paging = { page: intParam(params.page, 1), pageSize: intParam(params.pageSize, 20) };
  const filter = orgId ? { orgId, year, state, q: params.q } : undefined;
  const summary = usePlanSummary(orgId, year);
  const members = usePlanMembers(filter, paging.page, paging.pageSize);
  // The register exports exactly the list shown: the same unit, year, state and search.
  const register = useListExport('/study-plans/export', 'study-plans', { orgId, year, ...(state ? { state } : {}), ...(params.q ? { q: params.q } : {}) });
  const remind = useRemind();
  const columns = usePlanMemberColumns();
  const pagination = usePagination(members.data, paging, (page, pageSize) => set({ page, pageSize }));
  const [selected, setSelected] = useState<string[]>([]);
  const [approving, setApproving] = useState(false);
  const [reminded, setReminded] = useState<{ reminded: number; withoutAccount: number } | null>(null);
  const canRemind = hasPermission(me.data, 'learning.review');
  const canApproveAny = (members.data?.items ?? []).some((m) => m.canApprove);
  const org = summary.data?.org;

  // Another unit or year: the selection and the last reminder's answer no longer apply.
  useEffect(() => {
    setSelected([]);
    setReminded(null);
  }, [orgId, year]);

  const confirmRemind = () => {
    if (!orgId || !org) return;
    modal.confirm({
      title: t('studyPlan.list.remindTitle', { year }),
      content: t('studyPlan.list.remindText', { org: org.name }),
      okText: t('studyPlan.list.remind'),
      cancelText: t('common.cancel'),
      okButtonProps: testId<ButtonProps>('plan-remind-confirm'),
      onOk: () =>
        remind.mutateAsync({ orgId, year }).then(setReminded, (error: unknown) => {
          void message.error(errorText(lang, error));
        }),
    });
  };

  const counts = summary.data?.total.counts;
  const total = summary.data?.total;

  return (
    <div className="page plan-list-page" data-testid="study-plans-page">
      <PageHeading
        title={t('studyPlan.list.title')}
        action={
          orgId && (
            <Space wrap>
              <ListExportButton exporter={register} testId="plan-export" />
              {canRemind && (
                <Button icon={<BellOutlined />} onClick={confirmRemind} loading={remind.isPending} disabled={!org} data-testid="plan-remind">
                  {t('studyPlan.list.remind')}
                </Button>
              )}
            </Space>
          )
        }
      />
      <ListExportProgress exporter={register} />
      <div className="filters">
        <OrgFilter orgId={orgId} onChange={(id) => set({ orgId: id, state: undefined })} placeholder={t('studyPlan.list.unit')} testId="plan-org-filter" />
        <YearSelect value={year} onChange={(y) => set({ year: y === new Date().getFullYear() ? undefined : y })} testId="plan-year" />
      </div>
      {!orgId ? (
        <Alert type="info" showIcon title={t('studyPlan.list.pickUnit')} />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]} className="plan-overview">
            <Col xs={24} xl={16}>
              <Card size="small" className="plan-summary-card" title={t('studyPlan.summary.title', { year })} loading={summary.isPending}>
                {total && (
                  <div className="plan-summary-head">
                    <span className="plan-share" data-testid="plan-approved-share">
                      {t('studyPlan.summary.approvedShare', {
                        approved: formatNumber(lang, total.approved),
                        expected: formatNumber(lang, total.expected),
                        share: formatShare(lang, total.approvedShare),
                      })}
                    </span>
                    {summary.data && <span className="muted">{summary.data.org.name}</span>}
                  </div>
                )}
                {summary.data &&
                  (summary.data.total.expected === 0 ? (
                    <span className="muted">{t('studyPlan.summary.noMembers')}</span>
                  ) : (
                    <PlanSummaryChart summary={summary.data} onPickUnit={(id) => set({ orgId: id, state: undefined })} />
                  ))}
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              {org && <LearningYearCard org={org} year={year} learningYear={summary.data?.learningYear ?? null} />}
            </Col>
          </Row>
          {screens.md ? (
            <div className="plan-state-filter" role="group" aria-label={t('studyPlan.list.col.state')} data-testid="plan-state-filter">
              <Tag.CheckableTag checked={!state} onChange={() => set({ state: undefined })} data-testid="plan-state-all">
                {t('studyPlan.list.allStates')}
                {total && <span className="plan-state-count">{formatNumber(lang, total.expected)}</span>}
              </Tag.CheckableTag>
              {STATE_ORDER.map((s) => (
                <Tag.CheckableTag key={s} checked={state === s} onChange={(on) => set({ state: on ? s : undefined })} data-testid={`plan-state-${s}`}>
                  {stateLabel(lang, s)}
                  {counts && <span className="plan-state-count">{formatNumber(lang, counts[s])}</span>}
                </Tag.CheckableTag>
              ))}
            </div>
          ) : null}
          <div className="filters">
            {!screens.md && (
              <Select
                className="plan-state-select"
                value={state ?? ''}
                onChange={(value: string) => set({ state: value || undefined })}
                aria-label={t('studyPlan.list.stateFilter')}
                prefix={t('studyPlan.list.stateFilter')}
                data-testid="plan-state-select"
                options={[
                  { value: '', label: `${t('studyPlan.list.allStates')}${total ? ` (${formatNumber(lang, total.expected)})` : ''}` },
                  ...STATE_ORDER.map((s) => ({ value: s, label: `${stateLabel(lang, s)}${counts ? ` (${formatNumber(lang, counts[s])})` : ''}` })),
                ]}
              />
            )}
            <SearchBox
              id="plan-search"
              data-testid="plan-search"
              className="filter-search"
              placeholder={t('studyPlan.list.search')}
              value={params.q}
              onSearch={(q) => set({ q }, { replace: true })}
            />
          </div>
          {reminded && (
            <Alert
              type="success"
              showIcon
              closable={{ onClose: () => setReminded(null) }}
              className="plan-remind-result"
              title={t('studyPlan.list.reminded', { count: formatNumber(lang, reminded.reminded) })}
              description={reminded.withoutAccount > 0 ? t('studyPlan.list.remindedNoAccount', { count: formatNumber(lang, reminded.withoutAccount) }) : undefined}
              data-testid="plan-remind-result"
            />
          )}
          {canApproveAny && (
            <div className="list-toolbar plan-approve-bar">
              <span className="muted list-toolbar-selection">{t('studyPlan.list.selectHint')}</span>
              <span className="plan-approve-buttons">
                {selected.length > 0 && (
                  <Button onClick={() => setSelected([])} data-testid="plan-clear-selection">
                    {t('studyPlan.list.clearSelection')}
                  </Button>
                )}
                <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} onClick={() => setApproving(true)} data-testid="plan-approve-many">
                  {t('studyPlan.list.approveSelected', { count: selected.length })}
                </Button>
              </span>
            </div>
          )}
          {members.isError ? (
            <ErrorState error={members.error} onRetry={() => void members.refetch()} />
          ) : (
            <ResponsiveList
              testId="plan-members"
              items={members.data?.items ?? []}
              rowKey={(m) => m.planId ?? `person:${m.person.id}`}
              columns={columns}
              loading={members.isFetching}
              pagination={pagination}
              emptyText={t('studyPlan.list.empty')}
              actionsTitle={t('common.actions')}
              actions={(m) =>
                m.planId ? (
                  <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(planPath(m.planId!))} data-testid="plan-member-open">
                    {t('studyPlan.list.open')}
                  </Button>
                ) : null
              }
              selection={canApproveAny ? { selectedKeys: selected, onChange: setSelected, canSelect: (m) => m.canApprove, label: t('studyPlan.list.select') } : undefined}
            />
          )}
        </>
      )}
      {approving && (
        <ApproveManyModal
          planIds={selected}
          onClose={() => setApproving(false)}
          onDone={() => {
            setApproving(false);
            setSelected([]);
          }}
        />
      )}
    </div>
  );
}
