import { useState } from 'react';
import { Button, Card, Tag } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { formatDate } from '../../../shared/vn-text';
import { useLang, useT } from '../../app/i18n';
import type { MembershipView, PersonDetail } from '../../app/types';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { AddMembershipModal } from './AddMembershipModal';
import { EndMembershipModal } from './EndMembershipModal';
import { categoryLabel } from './peopleLabels';

function useMembershipColumns(): ListColumn<MembershipView>[] {
  const t = useT();
  const { lang } = useLang();
  const dash = t('common.none');
  return [
    { key: 'org', title: t('people.col.unit'), card: 'title', render: (m) => m.org.name },
    {
      key: 'position',
      title: t('people.field.position'),
      card: 'subtitle',
      render: (m) => (
        <span>
          {m.position ?? dash}
          {m.isLeader && (
            <Tag color="blue" className="leader-tag">
              {t('people.leader')}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'category', title: t('people.field.category'), render: (m) => categoryLabel(lang, m.category) },
    { key: 'rank', title: t('people.field.rank'), render: (m) => m.rank ?? dash },
    {
      key: 'period',
      title: t('people.membership.period'),
      render: (m) => (
        <span className="membership-period">
          <span className="nowrap">
            {t('people.membership.fromTo', {
              from: m.validFrom ? formatDate(m.validFrom) : '…',
              to: m.validTo ? formatDate(m.validTo) : t('people.membership.now'),
            })}
          </span>{' '}
          {m.current ? <Tag color="green">{t('people.membership.current')}</Tag> : <Tag>{t('people.membership.past')}</Tag>}
        </span>
      ),
    },
  ];
}

/** The person's work in units: current first, then the history; add one, end one. */
export function PersonMemberships({ person }: { person: PersonDetail }) {
  const t = useT();
  const columns = useMembershipColumns();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<MembershipView | null>(null);
  const canManage = person.can.manage;
  const sorted = [...person.memberships].sort(
    (a, b) => Number(b.current) - Number(a.current) || (b.validFrom ?? '').localeCompare(a.validFrom ?? ''),
  );

  return (
    <Card
      size="small"
      className="facts-card"
      title={t('people.section.work')}
      data-testid="person-memberships"
      extra={
        canManage && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="membership-add">
            {t('people.membership.add')}
          </Button>
        )
      }
    >
      <ResponsiveList
        testId="membership-list"
        items={sorted}
        rowKey={(m) => m.id}
        columns={columns}
        loading={false}
        pagination={false}
        emptyText={t('people.membership.none')}
        actionsTitle={t('common.actions')}
        actions={
          canManage
            ? (m) =>
                m.current && (
                  <Button size="small" danger icon={<StopOutlined />} onClick={() => setEnding(m)} data-testid="membership-end">
                    {t('people.membership.end')}
                  </Button>
                )
            : undefined
        }
      />
      {adding && <AddMembershipModal person={person} onClose={() => setAdding(false)} />}
      {ending && <EndMembershipModal membership={ending} onClose={() => setEnding(null)} />}
    </Card>
  );
}
