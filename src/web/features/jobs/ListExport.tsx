import { useCallback } from 'react';
import { Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../app/api';
import { useShowError } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import type { Job } from '../../app/types';
import { JobProgress } from './JobProgress';
import { useStoredJobId } from './jobApi';

/** The Excel export of a list: the job last started (remembered across reloads) and how to start one. */
export interface ListExport {
  jobId: string | null;
  start: () => void;
  starting: boolean;
  forget: () => void;
}

/**
 * "Xuất Excel" of a list: posts the list's query (filters, search, sort, columns; no paging) to
 * `path` with the language of the file's headings; the server exports the list exactly as shown.
 * `list` names the list, so that each list remembers its own job.
 */
export function useListExport(path: string, list: string, query: object): ListExport {
  const { lang } = useLang();
  const showError = useShowError();
  const [jobId, setJobId] = useStoredJobId(`hoctap.job.${list}Export`);
  const forget = useCallback(() => setJobId(null), [setJobId]);
  const mutation = useMutation({ mutationFn: (body: object) => api.post<Pick<Job, 'id'>>(path, body) });
  const start = () =>
    mutation.mutate({ ...query, language: lang }, { onSuccess: (job) => setJobId(job.id), onError: (error) => showError(error) });
  return { jobId, start, starting: mutation.isPending, forget };
}

export function ListExportButton({ exporter, testId }: { exporter: ListExport; testId: string }) {
  const t = useT();
  return (
    <Button icon={<FileExcelOutlined />} loading={exporter.starting} onClick={exporter.start} data-testid={testId}>
      {t('list.export.button')}
    </Button>
  );
}

/** The export's progress, then its download link; nothing when no export was started. */
export function ListExportProgress({ exporter }: { exporter: ListExport }) {
  const t = useT();
  if (!exporter.jobId) return null;
  return <JobProgress key={exporter.jobId} jobId={exporter.jobId} title={t('list.export.job')} onDismiss={exporter.forget} />;
}
