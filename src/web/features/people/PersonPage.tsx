import { useState } from 'react';
import { Button, Col, Row, Space } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { NotFound } from '../../components/NotFound';
import { PageHeading } from '../../components/PageHeading';
import { usePerson } from './peopleApi';
import { PersonEducationCard, PersonIdentityCard, PersonResidenceCard } from './PersonFacts';
import { PersonEmulation } from './PersonEmulation';
import { PersonFormModal } from './PersonFormModal';
import { PersonMemberships } from './PersonMemberships';

/** /people/:id: a person's record, their work in units and their emulation results by year. */
export default function PersonPage() {
  const t = useT();
  const { id } = useParams();
  const person = usePerson(id);
  const [editing, setEditing] = useState(false);

  if (person.isPending) return <Loading />;
  if (person.isError) {
    if (isApiError(person.error) && person.error.status === 404) return <NotFound />;
    return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  }
  const p = person.data;
  const current = p.memberships.filter((m) => m.current);
  const subtitle = [
    ...current.map((m) => [m.position, m.org.name].filter(Boolean).join(' · ')),
    ...(p.residence ? [p.residence.name] : []),
  ].join(' — ');

  return (
    <div className="page" data-testid="person-page">
      <Link to="/people" className="back-link">
        <ArrowLeftOutlined /> {t('people.back')}
      </Link>
      <PageHeading
        title={p.fullName}
        subtitle={subtitle || undefined}
        action={
          p.can.manage && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
                {t('people.edit')}
              </Button>
            </Space>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size={16} className="full-width">
            <PersonIdentityCard person={p} />
            <PersonResidenceCard person={p} />
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <PersonEducationCard person={p} />
        </Col>
        <Col xs={24}>
          <PersonMemberships person={p} />
        </Col>
        <Col xs={24}>
          <PersonEmulation person={p} />
        </Col>
      </Row>
      {editing && <PersonFormModal mode="edit" person={p} onClose={() => setEditing(false)} />}
    </div>
  );
}
