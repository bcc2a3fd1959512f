import { useState } from 'react';
import { Alert, Button, Card } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { formatDate } from '../../../shared/vn-text';
import type { PlanSummary } from '../../../shared/studyPlan';
import { hasPermission, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { LearningYearModal } from './LearningYearModal';
import { useLearningYears } from './studyPlanApi';

/**
 * The learning year of the chosen unit: its deadlines (its own, or those of a unit above), and for
 * those who run the cycle (learning.manage) a button to open it or change the deadlines.
 */
export function LearningYearCard({ org, year, learningYear }: { org: { id: string; name: string }; year: number; learningYear: PlanSummary['learningYear'] }) {
  const t = useT();
  const me = useMe();
  const manage = hasPermission(me.data, 'learning.manage');
  const own = useLearningYears(org.id).data?.find((y) => y.year === year);
  const [editing, setEditing] = useState(false);
  const inherited = !!learningYear && !own;

  const button = manage && (
    <Button size="small" icon={<CalendarOutlined />} onClick={() => setEditing(true)} data-testid="ly-edit">
      {!learningYear ? t('studyPlan.ly.open') : inherited ? t('studyPlan.ly.openOwn') : t('studyPlan.ly.edit')}
    </Button>
  );

  return (
    <Card size="small" className="plan-ly-card" title={t('studyPlan.ly.title', { year })} data-testid="ly-card">
      {learningYear ? (
        <dl className="plan-ly-facts">
          <div>
            <dt>{t('studyPlan.ly.planDeadline')}</dt>
            <dd data-testid="ly-plan-deadline">{formatDate(learningYear.planDeadline)}</dd>
          </div>
          <div>
            <dt>{t('studyPlan.ly.reportDeadline')}</dt>
            <dd data-testid="ly-report-deadline">{formatDate(learningYear.reportDeadline)}</dd>
          </div>
          {inherited && <p className="muted plan-ly-inherited">{t('studyPlan.ly.inherited', { org: learningYear.orgName })}</p>}
        </dl>
      ) : (
        <Alert type="warning" showIcon title={t('studyPlan.ly.none', { year })} data-testid="ly-none" />
      )}
      {button && <div className="plan-ly-actions">{button}</div>}
      {editing && <LearningYearModal org={org} year={year} current={own} onClose={() => setEditing(false)} />}
    </Card>
  );
}
