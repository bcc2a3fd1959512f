import { Tag } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/vn-text';
import type { PlanMemberRow } from '../../../shared/studyPlan';
import { useT } from '../../app/i18n';
import type { ListColumn } from '../../components/ResponsiveList';
import { PlanStateTag } from './planLabels';

export const planPath = (id: string) => `/study-plans/${encodeURIComponent(id)}`;

/** The columns of the members list of "Duyệt kế hoạch". */
export function usePlanMemberColumns(): ListColumn<PlanMemberRow>[] {
  const t = useT();
  const dash = <span className="muted">{t('common.none')}</span>;
  return [
    {
      key: 'name',
      title: t('studyPlan.list.col.name'),
      card: 'title',
      render: (m) =>
        m.planId ? (
          <Link to={planPath(m.planId)} className="person-link" data-testid="plan-member-name">
            {m.person.fullName}
          </Link>
        ) : (
          <span data-testid="plan-member-name">{m.person.fullName}</span>
        ),
    },
    { key: 'unit', title: t('studyPlan.list.col.unit'), card: 'subtitle', render: (m) => m.org.name },
    { key: 'position', title: t('studyPlan.list.col.position'), render: (m) => m.position ?? dash },
    {
      key: 'state',
      title: t('studyPlan.list.col.state'),
      render: (m) => (
        <span className="plan-member-state">
          <PlanStateTag state={m.state} testId="plan-member-state" />
          {m.late && (
            <Tag color="red" data-testid="plan-member-late">
              {t('studyPlan.list.late')}
            </Tag>
          )}
          {!m.hasAccount && <Tag>{t('studyPlan.list.noAccount')}</Tag>}
        </span>
      ),
    },
    {
      key: 'submittedAt',
      title: t('studyPlan.list.col.submittedAt'),
      className: 'nowrap',
      render: (m) => (m.submittedAt ? formatDateTime(m.submittedAt) : dash),
    },
  ];
}
