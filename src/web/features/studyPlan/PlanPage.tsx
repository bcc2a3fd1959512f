import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { NotFound } from '../../components/NotFound';
import { PageHeading } from '../../components/PageHeading';
import { PlanStateTag } from './planLabels';
import { PlanWorkspace } from './PlanWorkspace';
import { usePlan } from './studyPlanApi';
import './studyPlan.css';

/**
 * /study-plans/:id: one plan. The reviewer reads it (what changed since a return highlighted) and
 * approves, returns, reopens or confirms it; the member who wrote it sees what "Kế hoạch của tôi" shows.
 */
export default function PlanPage() {
  const t = useT();
  const { id } = useParams();
  const plan = usePlan(id);

  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    if (isApiError(plan.error) && plan.error.status === 404) return <NotFound />;
    return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  const p = plan.data;
  const owner = p.role === 'owner';
  const back = owner ? `/my-plan?year=${p.year}` : `/study-plans?orgId=${encodeURIComponent(p.org.id)}&year=${p.year}`;

  return (
    <div className="page plan-page" data-testid="plan-page">
      <Link to={back} className="back-link" data-testid="plan-back">
        <ArrowLeftOutlined /> {owner ? t('nav.myPlan') : t('studyPlan.page.back')}
      </Link>
      <PageHeading
        title={owner ? t('studyPlan.mine.title', { year: p.year }) : t('studyPlan.page.title', { year: p.year, name: p.person.fullName })}
        subtitle={
          <span className="plan-heading-sub">
            <PlanStateTag state={p.state} testId="plan-page-state" />
            {p.org.name}
          </span>
        }
      />
      <PlanWorkspace plan={p} />
    </div>
  );
}
