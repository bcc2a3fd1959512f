import { useState } from 'react';
import { Button, Col, Row } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { FactsCard } from '../../components/FactsCard';
import { Loading } from '../../components/Loading';
import { NotFound } from '../../components/NotFound';
import { PageHeading } from '../../components/PageHeading';
import { ClanFormModal } from './ClanFormModal';
import { ClanHouseholds } from './ClanHouseholds';
import { HeadLink } from './householdColumns';
import { useClan } from './householdsApi';

/** /clans/:id: a clan (dòng họ), its head and its households across hamlets. */
export default function ClanPage() {
  const t = useT();
  const { lang } = useLang();
  const { id } = useParams();
  const clan = useClan(id);
  const [editing, setEditing] = useState(false);

  if (clan.isPending) return <Loading />;
  if (clan.isError) {
    if (isApiError(clan.error) && clan.error.status === 404) return <NotFound />;
    return <ErrorState error={clan.error} onRetry={() => void clan.refetch()} />;
  }
  const c = clan.data;

  return (
    <div className="page" data-testid="clan-page">
      <Link to="/households?tab=clans" className="back-link">
        <ArrowLeftOutlined /> {t('clan.back')}
      </Link>
      <PageHeading
        title={c.name}
        action={
          c.can.manage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="clan-edit">
              {t('clan.edit')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <FactsCard
            title={t('clan.section.info')}
            testId="clan-facts"
            facts={[
              { key: 'org', label: t('clan.field.org'), value: c.org.name },
              { key: 'head', label: t('clan.field.head'), value: <HeadLink head={c.head} /> },
              { key: 'households', label: t('clan.field.householdCount'), value: formatNumber(lang, c.householdCount) },
              { key: 'hamlets', label: t('clan.field.hamletCount'), value: formatNumber(lang, c.hamletCount) },
              { key: 'note', label: t('people.field.note'), value: c.note ?? <span className="muted">{t('common.none')}</span> },
            ]}
          />
        </Col>
        <Col xs={24} lg={15}>
          <ClanHouseholds clan={c} />
        </Col>
      </Row>
      {editing && <ClanFormModal mode="edit" clan={c} onClose={() => setEditing(false)} />}
    </div>
  );
}
