import { useEffect, useState } from 'react';
import { Alert, Button, Grid, Space, Steps, Typography } from 'antd';
import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../app/api';
import { pickText, useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useQueryParams } from '../../components/useQueryParams';
import { isImportKind, useImport, type ImportKind, type ImportView } from './importApi';
import { ImportCheckStep } from './ImportCheckStep';
import { ImportDone } from './ImportDone';
import { ImportJobBar } from './ImportJobBar';
import { KIND_TEXT } from './importLabels';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportUploadStep } from './ImportUploadStep';
import { ImportStateTag, RecentImports } from './RecentImports';

const KEYS = ['id', 'kind', 'orgId'] as const;

/** The wizard's step for an import's state (0 file, 1 columns, 2 check, 3 import). */
function stepOf(view: ImportView | undefined, remapping: boolean): number {
  if (!view) return 0;
  if (remapping) return 1;
  switch (view.state) {
    case 'analysing':
    case 'analysed':
      return 1;
    case 'checking':
    case 'checked':
      return 2;
    case 'failed':
      return view.analysis ? 1 : 0;
    default:
      return 3;
  }
}

/** Which file, kind and organisation the wizard is working on. */
function ImportHeader({ view, onRestart }: { view: ImportView; onRestart: () => void }) {
  const t = useT();
  return (
    <div className="import-header" data-testid="import-header">
      <FileExcelOutlined className="import-header-icon" />
      <div className="import-header-text">
        <Typography.Text strong className="import-header-file">
          {view.fileName}
        </Typography.Text>
        <span className="muted">
          {t(KIND_TEXT[view.kind].label)} · {view.org.name}
        </span>
      </div>
      <ImportStateTag state={view.state} />
      <Button size="small" icon={<ReloadOutlined />} onClick={onRestart} data-testid="import-restart">
        {t('import.restart')}
      </Button>
    </div>
  );
}

/** The step the import is at. */
function ImportStepBody({ view, remapping, setRemapping, onUploadFixed, onAnother }: {
  view: ImportView;
  remapping: boolean;
  setRemapping: (on: boolean) => void;
  onUploadFixed: () => void;
  onAnother: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { state, analysis, summary } = view;
  if (state === 'analysing') return <ImportJobBar jobId={view.jobId} title={t('import.busy.analysing')} />;
  if (state === 'checking') return <ImportJobBar jobId={view.jobId} title={t('import.busy.checking')} help={t('import.busy.checkingHelp')} />;
  if (state === 'importing') return <ImportJobBar jobId={view.jobId} title={t('import.busy.importing')} help={t('import.busy.importingHelp')} />;
  if (state === 'imported' && summary) return <ImportDone view={view} summary={summary} onAnother={onAnother} />;
  if (!analysis) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="import-failed"
        title={t('import.failed.title')}
        description={view.error ? pickText(lang, view.error) : undefined}
        action={
          <Button onClick={onUploadFixed} data-testid="import-upload-fixed">
            {t('import.check.uploadFixed')}
          </Button>
        }
      />
    );
  }
  if (state === 'checked' && summary && !remapping) {
    return <ImportCheckStep view={view} analysis={analysis} summary={summary} onRemap={() => setRemapping(true)} onUploadFixed={onUploadFixed} />;
  }
  return (
    <Space orientation="vertical" size={12} className="full-width">
      {view.error && <Alert type="error" showIcon title={pickText(lang, view.error)} data-testid="import-error" />}
      <ImportMappingStep view={view} analysis={analysis} />
    </Space>
  );
}

/**
 * /imports: the Excel import wizard. ?id=<import> follows one import through its steps (a reload
 * resumes it); ?kind&orgId start a new upload with those choices.
 */
export default function ImportPage() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const [values, set] = useQueryParams(KEYS);
  const current = useImport(values.id);
  const view = current.data;
  const [remapping, setRemapping] = useState(false);
  const step = stepOf(view, remapping);

  // A new check ends the remapping; an import that is in changes the people lists, the tree or the learning records.
  const state = view?.state;
  useEffect(() => {
    if (state === 'checking') setRemapping(false);
    if (state !== 'imported') return;
    if (view?.kind === 'attendance') void queryClient.invalidateQueries({ queryKey: ['learning'] });
    else void queryClient.invalidateQueries({ queryKey: view?.kind === 'orgs' ? ['orgs'] : ['people'] });
  }, [state, view?.kind, queryClient]);

  const startOver = (keep?: { kind: ImportKind; orgId: string }) => {
    setRemapping(false);
    set({ id: undefined, kind: keep?.kind, orgId: keep?.orgId });
  };
  const steps = [
    { title: t('import.step.file') },
    { title: t('import.step.columns') },
    { title: t('import.step.check') },
    { title: t('import.step.import') },
  ];

  return (
    <div className="page import-page">
      <PageHeading title={t('import.title')} />
      <Steps current={step} size="small" items={steps} responsive={false} className="import-steps" titlePlacement={screens.md ? 'horizontal' : 'vertical'} data-testid="import-steps" />
      {!values.id ? (
        <Space orientation="vertical" size={16} className="full-width">
          <ImportUploadStep
            key={`${values.kind ?? ''}-${values.orgId ?? ''}`}
            initialKind={isImportKind(values.kind) ? values.kind : undefined}
            initialOrgId={values.orgId}
            onUploaded={(uploaded) => set({ id: uploaded.id, kind: undefined, orgId: undefined })}
          />
          <RecentImports />
        </Space>
      ) : current.isPending ? (
        <Loading />
      ) : current.isError ? (
        isApiError(current.error) && current.error.status === 404 ? (
          <Alert type="warning" showIcon title={t('import.notFound')} action={<Button onClick={() => startOver()}>{t('import.restart')}</Button>} />
        ) : (
          <ErrorState error={current.error} onRetry={() => void current.refetch()} />
        )
      ) : (
        <Space orientation="vertical" size={12} className="full-width">
          <ImportHeader view={current.data} onRestart={() => startOver()} />
          <ImportStepBody
            view={current.data}
            remapping={remapping}
            setRemapping={setRemapping}
            onUploadFixed={() => startOver({ kind: current.data.kind, orgId: current.data.org.id })}
            onAnother={() => startOver()}
          />
        </Space>
      )}
    </div>
  );
}
