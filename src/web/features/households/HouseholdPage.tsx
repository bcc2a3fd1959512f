import { useState } from 'react';
import { Button, Card, Col, Row, Space, Tag, Tooltip } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../shared/vn-text';
import { isApiError } from '../../app/api';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { HouseholdMember } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { FactsCard } from '../../components/FactsCard';
import { Loading } from '../../components/Loading';
import { NotFound } from '../../components/NotFound';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { PersonLink } from '../people/peopleColumns';
import { citizenGroupLabel, citizenGroupShort, relationLabel, sexLabel } from '../people/peopleLabels';
import { clanPath, HeadLink } from './householdColumns';
import { HouseholdFormModal } from './HouseholdFormModal';
import { useHousehold } from './householdsApi';

function useMemberColumns(): ListColumn<HouseholdMember>[] {
  const t = useT();
  const { lang } = useLang();
  const dash = <span className="muted">{t('common.none')}</span>;
  return [
    { key: 'name', title: t('people.field.fullName'), card: 'title', render: (m) => <PersonLink id={m.id} name={m.fullName} /> },
    { key: 'relation', title: t('people.field.householdRelation'), card: 'subtitle', render: (m) => relationLabel(lang, m.relation) || dash },
    { key: 'birthDate', title: t('people.field.birthDate'), render: (m) => (m.birthDate ? formatDate(m.birthDate) : dash) },
    { key: 'sex', title: t('people.field.sex'), render: (m) => sexLabel(lang, m.sex) || dash },
    {
      key: 'group',
      title: t('people.field.citizenGroup'),
      render: (m) => (
        <Tooltip title={citizenGroupLabel(lang, m.citizenGroup)}>
          <span>{citizenGroupShort(lang, m.citizenGroup)}</span>
        </Tooltip>
      ),
    },
  ];
}

/** /households/:id: a household, its members (linking to their pages) and its clans. */
export default function HouseholdPage() {
  const t = useT();
  const { lang } = useLang();
  const { id } = useParams();
  const household = useHousehold(id);
  const columns = useMemberColumns();
  const [editing, setEditing] = useState(false);

  if (household.isPending) return <Loading />;
  if (household.isError) {
    if (isApiError(household.error) && household.error.status === 404) return <NotFound />;
    return <ErrorState error={household.error} onRetry={() => void household.refetch()} />;
  }
  const h = household.data;
  const dash = <span className="muted">{t('common.none')}</span>;

  return (
    <div className="page" data-testid="household-page">
      <Link to="/households" className="back-link">
        <ArrowLeftOutlined /> {t('household.back')}
      </Link>
      <PageHeading
        title={t('household.codeLabel', { code: h.code })}
        action={
          h.can.manage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="household-edit">
              {t('household.edit')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <FactsCard
            title={t('household.section.info')}
            testId="household-facts"
            facts={[
              { key: 'org', label: t('people.col.place'), value: h.org.name },
              { key: 'address', label: t('people.field.address'), value: h.address ?? dash },
              { key: 'head', label: t('household.field.head'), value: <HeadLink head={h.head} /> },
              { key: 'members', label: t('household.field.memberCount'), value: formatNumber(lang, h.memberCount) },
              {
                key: 'clans',
                label: t('household.field.clans'),
                value:
                  h.clans.length === 0 ? (
                    dash
                  ) : (
                    <Space size={[4, 4]} wrap>
                      {h.clans.map((clan) => (
                        <Tag key={clan.id} color="purple">
                          <Link to={clanPath(clan.id)}>{clan.name}</Link>
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" className="facts-card" title={t('household.section.members')}>
            <ResponsiveList
              testId="household-members"
              items={h.members}
              rowKey={(m) => m.id}
              columns={columns}
              loading={false}
              pagination={false}
              emptyText={t('household.noMembers')}
            />
          </Card>
        </Col>
      </Row>
      {editing && <HouseholdFormModal mode="edit" household={h} onClose={() => setEditing(false)} />}
    </div>
  );
}
