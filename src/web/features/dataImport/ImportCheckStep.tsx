import { Alert, Button, Card, Space, Typography } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, EditOutlined, ImportOutlined } from '@ant-design/icons';
import { useShowError } from '../../app/errors';
import { formatNumber, pickText, useLang, useT } from '../../app/i18n';
import { fileUrl } from '../jobs/jobApi';
import { useCommitImport, type ImportAnalysis, type ImportSummary, type ImportView } from './importApi';
import { ImportIssues } from './ImportIssues';
import { KIND_TEXT } from './importLabels';
import { ImportPreview } from './ImportPreview';
import { ImportSummaryFigures } from './ImportSummaryFigures';
import { ImportTrainingFacts } from './ImportTrainingForm';

interface Props {
  view: ImportView;
  analysis: ImportAnalysis;
  summary: ImportSummary;
  onRemap: () => void;
  onUploadFixed: () => void;
}

/** Step 3: what the check found: figures, the first rows, every problem; import when there is no error. */
export function ImportCheckStep({ view, analysis, summary, onRemap, onUploadFixed }: Props) {
  const t = useT();
  const { lang } = useLang();
  const showError = useShowError();
  const commit = useCommitImport();
  const blocked = summary.errors > 0;
  const toSave = summary.create + summary.update;

  return (
    <Space orientation="vertical" size={16} className="full-width" data-testid="import-checked">
      <Card className="import-card">
        {view.settings?.training && <ImportTrainingFacts training={view.settings.training} />}
        <ImportSummaryFigures summary={summary} only={view.kind === 'attendance' ? ['rows', 'create', 'skip', 'errors', 'warnings'] : undefined} />
        {view.error && <Alert type="error" showIcon className="import-alert" title={pickText(lang, view.error)} data-testid="import-error" />}
        {blocked ? (
          <Alert
            type="error"
            showIcon
            className="import-alert"
            data-testid="import-blocked"
            title={t('import.check.blocked', { count: formatNumber(lang, summary.errors) })}
            description={t('import.check.blockedHelp')}
          />
        ) : (
          <Alert
            type="success"
            showIcon
            className="import-alert"
            title={t(KIND_TEXT[view.kind].ready, { create: formatNumber(lang, summary.create), update: formatNumber(lang, summary.update), skip: formatNumber(lang, summary.skip) })}
            description={summary.warnings > 0 ? t('import.check.warnings', { count: formatNumber(lang, summary.warnings) }) : undefined}
          />
        )}
        <div className="import-actions">
          <Button
            type="primary"
            icon={<ImportOutlined />}
            disabled={blocked || toSave === 0}
            loading={commit.isPending}
            onClick={() => commit.mutate({ id: view.id }, { onError: (error) => showError(error) })}
            data-testid="import-commit"
          >
            {t(KIND_TEXT[view.kind].commit, { count: formatNumber(lang, toSave) })}
          </Button>
          {view.errorFileId && (
            <Button icon={<DownloadOutlined />} href={fileUrl(view.errorFileId)} download data-testid="import-error-file">
              {t('import.check.errorFile')}
            </Button>
          )}
          <Button icon={<CloudUploadOutlined />} onClick={onUploadFixed} data-testid="import-upload-fixed">
            {t('import.check.uploadFixed')}
          </Button>
          <Button icon={<EditOutlined />} onClick={onRemap} data-testid="import-remap">
            {t('import.check.remap')}
          </Button>
        </div>
      </Card>
      <Card className="import-card" title={t('import.check.issuesTitle')} size="small">
        <ImportIssues importId={view.id} />
      </Card>
      <Card className="import-card" title={t('import.check.previewTitle')} size="small">
        <Typography.Paragraph type="secondary">{t('import.check.previewHelp')}</Typography.Paragraph>
        <ImportPreview importId={view.id} fields={analysis.fields} />
      </Card>
    </Space>
  );
}
