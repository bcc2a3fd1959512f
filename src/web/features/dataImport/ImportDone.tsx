import { Button, Result } from 'antd';
import { TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { ImportSummary, ImportView } from './importApi';
import { ImportSummaryFigures } from './ImportSummaryFigures';

/** The people lists where an import's people are, filtered to its organisation. */
export const peopleListUrl = (view: ImportView) =>
  `/people?${new URLSearchParams({ ...(view.kind === 'residents' ? { tab: 'resident' } : {}), orgId: view.org.id })}`;

/** Step 4 done: how many people were added, updated and skipped, and where to see them. */
export function ImportDone({ view, summary, onAnother }: { view: ImportView; summary: ImportSummary; onAnother: () => void }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Result
      status="success"
      className="import-card import-result"
      data-testid="import-done"
      title={t('import.done.title', { count: formatNumber(lang, summary.create + summary.update) })}
      subTitle={t('import.done.text', { org: view.org.name })}
      extra={[
        <Link key="people" to={peopleListUrl(view)}>
          <Button type="primary" icon={<TeamOutlined />} data-testid="import-see-people">
            {t('import.done.seePeople')}
          </Button>
        </Link>,
        <Button key="again" icon={<UploadOutlined />} onClick={onAnother} data-testid="import-another">
          {t('import.done.another')}
        </Button>,
      ]}
    >
      <ImportSummaryFigures summary={summary} only={['create', 'update', 'skip']} />
    </Result>
  );
}
