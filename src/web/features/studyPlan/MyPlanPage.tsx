import { Alert } from 'antd';
import { useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useQueryParams } from '../../components/useQueryParams';
import { LearningYearFacts } from './PlanFacts';
import { PlanStateTag } from './planLabels';
import { PlanStart } from './PlanStart';
import { PlanWorkspace } from './PlanWorkspace';
import { useMyPlan } from './studyPlanApi';
import './studyPlan.css';
import { yearParam, YearSelect } from './YearSelect';

/**
 * /my-plan?year=YYYY: the member's self-study plan of a year (this year by default): the learning
 * year and its deadlines, starting the plan, the editor, acts, the reviewer's comment, the year-end
 * report and the history.
 */
export default function MyPlanPage() {
  const t = useT();
  const [params, set] = useQueryParams(['year'] as const);
  const year = yearParam(params.year);
  const mine = useMyPlan(year);
  const data = mine.data;
  const subtitle = data?.member ? [data.member.fullName, data.member.position, data.member.org.name].filter(Boolean).join(' · ') : undefined;

  return (
    <div className="page plan-page" data-testid="my-plan-page">
      <PageHeading
        title={t('studyPlan.mine.title', { year })}
        subtitle={
          subtitle || data?.plan ? (
            <span className="plan-heading-sub">
              {data?.plan && <PlanStateTag state={data.plan.state} testId="my-plan-state" />}
              {subtitle}
            </span>
          ) : undefined
        }
        action={<YearSelect value={year} onChange={(y) => set({ year: y === new Date().getFullYear() ? undefined : y })} testId="my-plan-year" />}
      />
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !mine.data.member ? (
        <Alert type="warning" showIcon title={t('studyPlan.mine.noMember.title')} description={t('studyPlan.mine.noMember.text')} data-testid="plan-no-member" />
      ) : mine.data.plan ? (
        <PlanWorkspace plan={mine.data.plan} position={mine.data.member.position} />
      ) : !mine.data.learningYear ? (
        <Alert
          type="warning"
          showIcon
          title={t('studyPlan.mine.noYear.title', { year })}
          description={t('studyPlan.mine.noYear.text', { year, org: mine.data.member.org.name })}
          data-testid="plan-no-year"
        />
      ) : (
        <div className="plan-workspace">
          <LearningYearFacts year={year} learningYear={mine.data.learningYear} />
          <PlanStart mine={mine.data} />
        </div>
      )}
    </div>
  );
}
