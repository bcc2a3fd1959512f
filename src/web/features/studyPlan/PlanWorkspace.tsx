import { Alert } from 'antd';
import type { PlanView } from '../../../shared/studyPlan';
import { useT } from '../../app/i18n';
import { PlanActsBar } from './PlanActs';
import { PlanContentView } from './PlanContentView';
import { PlanEditor } from './PlanEditor';
import { PlanStatusCard } from './PlanFacts';
import { PlanHistory } from './PlanHistory';
import { PlanReportForm, PlanReportView } from './PlanReport';

/** The reviewer's comment, prominent: a warning when the plan came back for changes. */
function ReviewComment({ plan }: { plan: PlanView }) {
  const t = useT();
  if (!plan.reviewComment) return null;
  const returned = plan.state === 'returned';
  // Sent again after a return: the comment is the one the return gave.
  const title = returned ? t('studyPlan.review.returnedTitle') : plan.changes ? t('studyPlan.review.returnComment') : t('studyPlan.review.commentTitle');
  return (
    <Alert
      type={returned ? 'warning' : 'info'}
      showIcon
      className={returned ? 'plan-review-comment plan-review-returned' : 'plan-review-comment'}
      title={title}
      description={<span className="plan-text">{plan.reviewComment}</span>}
      data-testid="plan-review-comment"
    />
  );
}

/** For the reviewer of a plan sent again: how much changed since the return. */
function ChangesSummary({ plan }: { plan: PlanView }) {
  const t = useT();
  const c = plan.changes;
  if (!c || plan.role === 'owner') return null;
  const parts = c.parts.map((p) => t(`studyPlan.partName.${p as 'goals'}`)).join(', ');
  return (
    <Alert
      type="info"
      showIcon
      className="plan-changes"
      title={t('studyPlan.changes.title')}
      description={
        <>
          <div>{t('studyPlan.changes.summary', { added: c.added.length, changed: c.changed.length, removed: c.removed.length })}</div>
          {parts && <div>{t('studyPlan.changes.parts', { parts })}</div>}
          <div className="muted">{t('studyPlan.changes.legend')}</div>
        </>
      }
      data-testid="plan-changes"
    />
  );
}

function Hint({ plan }: { plan: PlanView }) {
  const t = useT();
  const text =
    plan.role === 'reader'
      ? t('studyPlan.hint.reader')
      : plan.role === 'owner' && plan.state === 'submitted'
        ? t('studyPlan.hint.submitted')
        : plan.role === 'owner' && plan.acts.includes('report') && !plan.report
          ? t('studyPlan.hint.approved')
          : null;
  return text ? <Alert type="info" showIcon className="plan-hint" title={text} data-testid="plan-hint" /> : null;
}

/**
 * One plan as its viewer may use it: the owner edits a draft or returned plan and writes the
 * year-end report of an approved one; a reviewer reads it (changes since the return highlighted)
 * and acts on it. What may be done comes from the server's `acts`.
 */
export function PlanWorkspace({ plan, position }: { plan: PlanView; position?: string | null }) {
  const owner = plan.role === 'owner';
  const editing = owner && plan.acts.includes('submit');
  const reporting = owner && plan.acts.includes('report');
  return (
    <div className="plan-workspace" data-testid="plan-workspace" data-plan-id={plan.id} data-state={plan.state}>
      <ReviewComment plan={plan} />
      <ChangesSummary plan={plan} />
      <Hint plan={plan} />
      <PlanActsBar plan={plan} />
      <PlanStatusCard plan={plan} position={position} />
      {editing ? <PlanEditor key={plan.id} plan={plan} /> : <PlanContentView plan={plan} />}
      {reporting ? <PlanReportForm key={`${plan.id}-report`} plan={plan} /> : <PlanReportView plan={plan} />}
      <PlanHistory versions={plan.versions} />
    </div>
  );
}
