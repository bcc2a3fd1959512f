import type { ReactNode } from 'react';
import { FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Tooltip } from 'antd';
import { errorText } from '../../app/errors';
import { formatDate, formatDateTime } from '../../../shared/vn-text';
import type { LearningYearInfo, PlanView } from '../../../shared/studyPlan';
import { useLang, useT } from '../../app/i18n';
import { usePlanDocument } from './studyPlanApi';
import { FactsCard, type Fact } from '../../components/FactsCard';
import { PlanStateTag } from './planLabels';

/** The learning year that applies: who opened it, its period and deadlines (before a plan is started). */
export function LearningYearFacts({ year, learningYear, extra }: { year: number; learningYear: LearningYearInfo; extra?: ReactNode }) {
  const t = useT();
  const facts: Fact[] = [
    { key: 'org', label: t('studyPlan.ly.openedBy'), value: learningYear.orgName },
    ...(learningYear.startsOn && learningYear.endsOn
      ? [{ key: 'period', label: t('studyPlan.ly.period'), value: `${formatDate(learningYear.startsOn)} – ${formatDate(learningYear.endsOn)}` }]
      : []),
    { key: 'plan', label: t('studyPlan.ly.planDeadline'), value: <strong>{formatDate(learningYear.planDeadline)}</strong> },
    { key: 'report', label: t('studyPlan.ly.reportDeadline'), value: <strong>{formatDate(learningYear.reportDeadline)}</strong> },
  ];
  return <FactsCard title={t('studyPlan.ly.title', { year })} facts={facts} extra={extra} testId="learning-year" />;
}

/** Downloads the plan as a Word file in the official layout. */
function PlanDocumentButton({ planId }: { planId: string }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const document = usePlanDocument();
  return (
    <Tooltip title={t('studyPlan.document.help')}>
      <Button
        size="small"
        icon={<FileWordOutlined />}
        loading={document.isPending}
        onClick={() => document.mutate(planId, { onError: (error) => void message.error(errorText(lang, error)) })}
        data-testid="plan-document"
      >
        {t('studyPlan.document.download')}
      </Button>
    </Tooltip>
  );
}

/**
 * Where the plan stands (part I of the form): who wrote it (for others than the author), the unit
 * that approves it, its state, the deadlines of the learning year and when it moved.
 */
export function PlanStatusCard({ plan, position }: { plan: PlanView; position?: string | null }) {
  const t = useT();
  const ly = plan.learningYear;
  const when = (key: string, label: string, at: string | null) => (at ? [{ key, label, children: formatDateTime(at) }] : []);
  const items = [
    { key: 'state', label: t('studyPlan.status.state'), children: <PlanStateTag state={plan.state} testId="plan-status-state" /> },
    ...(plan.role !== 'owner' ? [{ key: 'member', label: t('studyPlan.status.member'), children: plan.person.fullName }] : []),
    ...(position ? [{ key: 'position', label: t('studyPlan.info.position'), children: position }] : []),
    { key: 'unit', label: t('studyPlan.status.unit'), children: plan.org.name },
    ...(ly
      ? [
          { key: 'planDeadline', label: t('studyPlan.ly.planDeadline'), children: <strong data-testid="plan-deadline">{formatDate(ly.planDeadline)}</strong> },
          { key: 'reportDeadline', label: t('studyPlan.ly.reportDeadline'), children: <strong>{formatDate(ly.reportDeadline)}</strong> },
        ]
      : []),
    ...when('submitted', t('studyPlan.status.submittedAt'), plan.submittedAt),
    ...when('approved', t('studyPlan.status.approvedAt'), plan.approvedAt),
    ...when('reported', t('studyPlan.status.reportedAt'), plan.reportedAt),
    ...when('confirmed', t('studyPlan.status.confirmedAt'), plan.confirmedAt),
  ];
  return (
    <Card size="small" className="plan-part plan-status" title={t('studyPlan.status.title')} extra={<PlanDocumentButton planId={plan.id} />} data-testid="plan-status">
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} items={items} className="plan-status-facts" />
      {ly?.startsOn && ly.endsOn && (
        <div className="muted plan-status-note">
          {t('studyPlan.ly.note', { year: plan.year, org: ly.orgName, from: formatDate(ly.startsOn), to: formatDate(ly.endsOn) })}
        </div>
      )}
    </Card>
  );
}
