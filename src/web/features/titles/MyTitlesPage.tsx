import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Select, Space } from 'antd';
import { EditOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { CITIZEN_GROUPS } from '../../../shared/people';
import { formatDate } from '../../../shared/vn-text';
import { useShowError } from '../../app/errors';
import { pickText, useLang, useT } from '../../app/i18n';
import type { TitleRegistrationRow } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useQueryParams } from '../../components/useQueryParams';
import { yearParam, YearSelect } from '../studyPlan/YearSelect';
import { HeadlineTag, outcomeName, RegistrationStateTag, titleName } from './titleLabels';
import { certificateHref, useMyRegistrations, useRegister } from './titlesApi';
import { registrationPath } from './TitlesPage';
import './titles.css';

/** My Công dân học tập case of the year: register myself (with my citizen group), or open it. */
function CitizenCard({ year, mine, personId }: { year: number; mine: TitleRegistrationRow | undefined; personId: string | undefined }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const register = useRegister();
  const [group, setGroup] = useState<string | undefined>('officials');

  const start = () => {
    if (!personId) return;
    register.mutate(
      { year, title: 'LEARNING_CITIZEN', subjectKind: 'person', subjectIds: [personId], ...(group ? { citizenGroup: group } : {}) },
      {
        onSuccess: (res) => {
          void message.success(t('titles.register.doneOne'));
          if (res.id) navigate(registrationPath(res.id));
        },
        onError: (error) => showError(error),
      },
    );
  };

  return (
    <Card size="small" className="title-mine-card" title={t('titles.mine.cdht', { year })} data-testid="my-citizen-card">
      {mine ? (
        <>
          <Space wrap>
            <RegistrationStateTag state={mine.state} testId="my-citizen-state" />
            <HeadlineTag headline={mine.review ?? mine.self} testId="my-citizen-result" />
          </Space>
          <div className="title-mine-actions">
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(registrationPath(mine.id))} data-testid="my-citizen-open">
              {t('titles.mine.openCase')}
            </Button>
          </div>
        </>
      ) : !personId ? (
        <Alert type="info" showIcon title={t('titles.mine.noPerson')} data-testid="my-citizen-no-person" />
      ) : (
        <>
          <div className="muted">{t('titles.mine.notRegistered', { year })}</div>
          <div className="title-mine-actions">
            <Select
              className="filter-select-wide"
              value={group}
              onChange={setGroup}
              aria-label={t('titles.register.group')}
              data-testid="my-citizen-group"
              options={Object.entries(CITIZEN_GROUPS).map(([value, label]) => ({ value, label: pickText(lang, label) }))}
              popupMatchSelectWidth={false}
            />
            <Button type="primary" icon={<PlusOutlined />} loading={register.isPending} onClick={start} data-testid="my-citizen-register">
              {t('titles.mine.registerSelf')}
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}

/**
 * /my-titles?year: "Danh hiệu của tôi" — my Công dân học tập registration of the year (register
 * myself, choose my citizen group, then self-assess and submit on the case page), my other cases and
 * the titles recognised to me with their certificates.
 */
export default function MyTitlesPage() {
  const t = useT();
  const { lang } = useLang();
  const [params, set] = useQueryParams(['year'] as const);
  const year = yearParam(params.year);
  const mine = useMyRegistrations(year);

  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  const items = mine.data.items;
  const citizen = items.find((r) => r.title === 'LEARNING_CITIZEN' && r.year === year);
  const others = items.filter((r) => r !== citizen && !r.recognition);
  const recognised = items.filter((r) => r.recognition);
  const personId = mine.data.person?.id;

  return (
    <div className="page my-titles-page" data-testid="my-titles-page">
      <PageHeading title={t('titles.mine.title')} action={<YearSelect value={year} onChange={(y) => set({ year: y === new Date().getFullYear() ? undefined : y })} testId="my-titles-year" />} />
      <CitizenCard year={year} mine={citizen} personId={personId} />
      {others.length > 0 && (
        <Card size="small" className="title-mine-card" title={t('titles.mine.others')}>
          <ul className="plain-list">
            {others.map((r) => (
              <li key={r.id}>
                <Link to={registrationPath(r.id)}>
                  {titleName(lang, r.title)} {r.year} · {r.subjectName}
                </Link>{' '}
                <RegistrationStateTag state={r.state} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card size="small" className="title-mine-card" title={t('titles.mine.recognitions')} data-testid="my-recognitions">
        {recognised.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('titles.mine.noRecognitions')} />
        ) : (
          <ul className="plain-list">
            {recognised.map((r) => (
              <li key={r.id} data-testid="my-recognition">
                <strong>
                  {titleName(lang, r.title)} {r.year}
                </strong>{' '}
                {r.recognition?.outcome && <span>{outcomeName(lang, r.recognition.outcome)}</span>}{' '}
                {r.recognition?.revokedAt ? (
                  <span className="muted">{t('titles.facts.revoked', { date: formatDate(r.recognition.revokedAt) })}</span>
                ) : r.recognition?.validUntil ? (
                  <span className="muted">{t('titles.facts.validUntil', { date: formatDate(r.recognition.validUntil) })}</span>
                ) : null}{' '}
                <a href={certificateHref(r.recognition!.id)} target="_blank" rel="noopener noreferrer" data-testid="my-certificate">
                  <FilePdfOutlined /> {t('titles.mine.certificate')}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
