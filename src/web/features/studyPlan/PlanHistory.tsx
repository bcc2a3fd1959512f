import { Card, Timeline } from 'antd';
import { formatDateTime } from '../../../shared/vn-text';
import type { PlanAct, PlanVersionView } from '../../../shared/studyPlan';
import { useT } from '../../app/i18n';
import { PlanStateTag } from './planLabels';

const RETURNS: readonly PlanAct[] = ['return', 'reopen', 'returnReport'];
const APPROVALS: readonly PlanAct[] = ['approve', 'confirm'];

/** The kept versions of a plan: each act, when, the state after it, the comment given. */
export function PlanHistory({ versions }: { versions: PlanVersionView[] }) {
  const t = useT();
  return (
    <Card size="small" className="plan-part" title={t('studyPlan.history.title')} data-testid="plan-history">
      {versions.length === 0 ? (
        <span className="muted">{t('studyPlan.history.empty')}</span>
      ) : (
        <Timeline
          className="plan-history"
          items={versions.map((v) => ({
            key: v.no,
            color: RETURNS.includes(v.act) ? 'orange' : APPROVALS.includes(v.act) ? 'green' : 'blue',
            content: (
              <div className="plan-history-item" data-testid="plan-history-item" data-act={v.act}>
                <div className="plan-history-head">
                  <strong>{t(`studyPlan.history.${v.act}`)}</strong>
                  <span className="muted nowrap">{formatDateTime(v.createdAt)}</span>
                  <PlanStateTag state={v.stateAfter} testId="plan-history-state" />
                </div>
                {v.comment && <div className="plan-history-comment">“{v.comment}”</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
