import { useCallback, useState } from 'react';
import { Card, Col, Row, Select, Typography } from 'antd';
import { useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { Figures } from '../../components/Figures';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { intParam, useQueryParams } from '../../components/useQueryParams';
import { OrgFilter } from '../org/OrgFilter';
import { useLearningSummary } from './learningApi';
import { currentYear, defaultLearningOrg, yearOptions } from './learningLabels';
import { LevelsChart, TotalSharesChart, UnitSharesChart, type OpenMembers } from './SummaryCharts';
import { SummaryMembersDrawer, type MembersTarget } from './SummaryMembersDrawer';
import { SummaryTable } from './SummaryTable';
import './learning.css';

/**
 * /learning-summary?orgId&year: "Kết quả học tập" — the shares the seeds target (plan approved,
 * mandatory training done, leaders trained, digital transformation, IT, languages, certificates)
 * for all members of a unit and per unit under it, the language levels; every number opens the
 * members behind it.
 */
export default function SummaryPage() {
  const t = useT();
  const me = useMe();
  const [values, set] = useQueryParams(['orgId', 'year'] as const);
  const thisYear = currentYear();
  const year = intParam(values.year, thisYear);
  const orgId = values.orgId ?? defaultLearningOrg(me.data);
  const summary = useLearningSummary(orgId, year);
  const [target, setTarget] = useState<MembersTarget | null>(null);
  // While another unit or year loads, the previous numbers stay (placeholder data).
  const data = summary.data;

  const open = useCallback<OpenMembers>(
    ({ indicator, met, unit }) => {
      if (!orgId) return;
      setTarget({ orgId, year, indicator, met, childId: unit?.id, unitName: unit?.name });
    },
    [orgId, year],
  );

  return (
    <div className="page learning-page">
      <PageHeading title={t('learning.summary.title')} subtitle={data ? t('learning.summary.subtitle', { name: data.org.name, year }) : undefined} />
      <div className="filters">
        <OrgFilter orgId={orgId} onChange={(next) => set({ orgId: next })} placeholder={t('learning.filter.unit')} testId="summary-org" />
        <Select
          className="filter-year"
          value={year}
          onChange={(next) => set({ year: next === thisYear ? undefined : next })}
          options={yearOptions(thisYear)}
          prefix={t('learning.year')}
          aria-label={t('learning.year')}
          data-testid="summary-year"
        />
      </div>
      {!orgId ? (
        <span className="muted">{t('learning.filter.pickUnit')}</span>
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !data ? (
        <Loading />
      ) : (
        <div className="summary" data-testid="summary">
          <Figures
            testId="summary-figures"
            figures={[
              { key: 'members', label: t('learning.summary.figMembers'), value: data.total.members },
              { key: 'leaders', label: t('learning.summary.figLeaders'), value: data.total.leaders },
              { key: 'owing', label: t('learning.summary.figOwing'), value: data.total.owing },
            ]}
          />
          <Row gutter={[16, 16]} className="summary-charts">
            <Col xs={24} xl={14}>
              <Card size="small" className="learning-card" title={t('learning.summary.totalChart')}>
                <TotalSharesChart tally={data.total} onOpen={open} />
                <div className="muted small-note">{t('learning.summary.chartHelp')}</div>
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" className="learning-card" title={t('learning.summary.levelsChart')}>
                <LevelsChart tally={data.total} onOpen={open} />
              </Card>
            </Col>
            <Col xs={24}>
              <UnitSharesChart summary={data} onOpen={open} />
            </Col>
          </Row>
          <Typography.Title level={3} className="learning-section-title">
            {t('learning.summary.tableTitle')}
          </Typography.Title>
          <SummaryTable summary={data} onOpen={open} />
        </div>
      )}
      {target && <SummaryMembersDrawer target={target} orgName={data?.org.name ?? ''} onClose={() => setTarget(null)} />}
    </div>
  );
}
