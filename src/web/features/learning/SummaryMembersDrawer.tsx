import { useState } from 'react';
import { Drawer, Grid, Tag } from 'antd';
import { Link } from 'react-router';
import type { SummaryMember } from '../../../shared/learning';
import { hasPermission, useMe } from '../../app/auth';
import { useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { usePagination } from '../../components/usePagination';
import { useSummaryMembers, type SummaryMembersQuery } from './learningApi';
import { indicatorLabel, levelLabel } from './learningLabels';

export interface MembersTarget extends SummaryMembersQuery {
  /** The unit's name when childId is set. */
  unitName?: string;
}

/** The members behind one number of the summary, paged by the server. */
export function SummaryMembersDrawer({ target, orgName, onClose }: { target: MembersTarget; orgName: string; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { unitName, ...q } = target;
  const members = useSummaryMembers(q, paging.page, paging.pageSize);
  const pagination = usePagination(members.data, paging, (page, pageSize) => setPaging({ page, pageSize }));
  const links = hasPermission(me.data, 'person.read');
  const dash = <span className="muted">{t('common.none')}</span>;

  const columns: ListColumn<SummaryMember>[] = [
    {
      key: 'name',
      title: t('learning.col.person'),
      card: 'title',
      render: (m) => (
        <span className="summary-member-name">
          {links ? (
            <Link to={`/people/${encodeURIComponent(m.person.id)}`} data-testid="summary-member">
              {m.person.fullName}
            </Link>
          ) : (
            <span data-testid="summary-member">{m.person.fullName}</span>
          )}
          {m.isLeader && (
            <Tag color="blue" className="leader-tag">
              {t('learning.summary.leader')}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'org', title: t('learning.col.unit'), card: 'subtitle', render: (m) => m.org.name },
    { key: 'level', title: t('learning.summary.level'), render: (m) => (m.languageLevel ? levelLabel(lang, m.languageLevel) : dash) },
  ];

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={t(target.met ? 'learning.summary.membersMet' : 'learning.summary.membersUnmet', { indicator: indicatorLabel(lang, target.indicator) })}
      data-testid="summary-members-drawer"
    >
      <p className="summary-members-scope muted">
        {t('learning.summary.membersScope', { unit: unitName ?? orgName, year: target.year })}
      </p>
      {members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <ResponsiveList
          testId="summary-members"
          items={members.data?.items ?? []}
          rowKey={(m) => m.person.id}
          columns={columns}
          loading={members.isFetching}
          pagination={pagination}
          emptyText={t('learning.summary.membersEmpty')}
        />
      )}
    </Drawer>
  );
}
