import { Button, Result } from 'antd';
import { ApartmentOutlined, ReadOutlined, TeamOutlined, TrophyOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { ImportSummary, ImportView } from './importApi';
import { KIND_TEXT } from './importLabels';
import { ImportSummaryFigures } from './ImportSummaryFigures';
import { ImportTrainingFacts } from './ImportTrainingForm';

/**
 * Where an import's records are: the people lists filtered to its organisation, the organisation in
 * the tree, or the verified learning records of the training's kind and year in the unit.
 */
export function resultUrl(view: ImportView): string {
  if (view.kind === 'orgs') return `/orgs?${new URLSearchParams({ id: view.org.id })}`;
  const training = view.settings?.training;
  if (view.kind === 'attendance' && training) {
    return `/learning-records?${new URLSearchParams({ orgId: view.org.id, year: training.endsOn.slice(0, 4), status: 'verified', kind: training.kind })}`;
  }
  const registration = view.settings?.registration;
  if (view.kind === 'titleRegistration' && registration) {
    return `/titles?${new URLSearchParams({ orgId: view.org.id, year: String(registration.year), title: registration.title })}`;
  }
  return `/people?${new URLSearchParams({ ...(view.kind === 'residents' ? { tab: 'resident' } : {}), orgId: view.org.id })}`;
}

/** Step 4 done: how many people (or units) were added, updated and skipped, and where to see them. */
export function ImportDone({ view, summary, onAnother }: { view: ImportView; summary: ImportSummary; onAnother: () => void }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Result
      status="success"
      className="import-card import-result"
      data-testid="import-done"
      title={t(KIND_TEXT[view.kind].done, { count: formatNumber(lang, summary.create + summary.update) })}
      subTitle={t('import.done.text', { org: view.org.name })}
      extra={[
        <Link key="result" to={resultUrl(view)}>
          <Button type="primary" icon={view.kind === 'orgs' ? <ApartmentOutlined /> : view.kind === 'attendance' ? <ReadOutlined /> : view.kind === 'titleRegistration' ? <TrophyOutlined /> : <TeamOutlined />} data-testid="import-see-people">
            {t(KIND_TEXT[view.kind].see)}
          </Button>
        </Link>,
        <Button key="again" icon={<UploadOutlined />} onClick={onAnother} data-testid="import-another">
          {t('import.done.another')}
        </Button>,
      ]}
    >
      {view.settings?.training && <ImportTrainingFacts training={view.settings.training} />}
      <ImportSummaryFigures summary={summary} only={view.kind === 'attendance' || view.kind === 'titleRegistration' ? ['create', 'skip'] : ['create', 'update', 'skip']} />
    </Result>
  );
}
