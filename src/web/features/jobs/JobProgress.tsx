import { useEffect, useRef } from 'react';
import { Alert, Button, Progress } from 'antd';
import { CloseOutlined, DownloadOutlined } from '@ant-design/icons';
import { isApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { pickText, useLang, useT } from '../../app/i18n';
import type { MessageKey } from '../../../shared/i18n';
import type { JobState } from '../../app/types';
import { fileUrl, useJob } from './jobApi';

const STATE_LABEL: Record<JobState, MessageKey> = {
  queued: 'job.state.queued',
  running: 'job.state.running',
  succeeded: 'job.state.succeeded',
  failed: 'job.state.failed',
};

interface Props {
  jobId: string;
  title: string;
  onDismiss: () => void;
  /** Called once when the job has succeeded (to refresh what it changed). */
  onSucceeded?: () => void;
}

/** Progress of a long job (an export…), then its download link or its error. */
export function JobProgress({ jobId, title, onDismiss, onSucceeded }: Props) {
  const t = useT();
  const { lang } = useLang();
  const job = useJob(jobId);

  // A job the server no longer knows (another account, a reset database) is forgotten.
  const gone = isApiError(job.error) && (job.error.status === 404 || job.error.status === 403);
  useEffect(() => {
    if (gone) onDismiss();
  }, [gone, onDismiss]);

  const succeeded = job.data?.state === 'succeeded';
  const notified = useRef(false);
  useEffect(() => {
    if (succeeded && !notified.current) {
      notified.current = true;
      onSucceeded?.();
    }
  }, [succeeded, onSucceeded]);

  const dismiss = (
    <Button
      type="text"
      size="small"
      icon={<CloseOutlined />}
      onClick={onDismiss}
      aria-label={t('job.dismiss')}
      data-testid="job-dismiss"
    />
  );

  if (job.isError) {
    return (
      <Alert
        type="error"
        showIcon
        className="job-progress"
        data-testid="job-progress"
        title={title}
        description={errorText(lang, job.error)}
        action={dismiss}
      />
    );
  }

  const data = job.data;
  const state: JobState = data?.state ?? 'queued';
  const percent = Math.round((data?.progress ?? 0) * 100);
  const fileId = data?.result?.fileId;

  return (
    <Alert
      type={state === 'failed' ? 'error' : state === 'succeeded' ? 'success' : 'info'}
      showIcon
      className="job-progress"
      data-testid="job-progress"
      data-job-state={state}
      title={
        <span>
          {title} — <span data-testid="job-state">{t(STATE_LABEL[state])}</span>
        </span>
      }
      description={
        <div className="job-body">
          <Progress
            percent={state === 'succeeded' ? 100 : percent}
            status={state === 'failed' ? 'exception' : state === 'succeeded' ? 'success' : 'active'}
            aria-label={t('job.progress')}
          />
          {data?.message && state !== 'failed' && <div className="job-message">{pickText(lang, data.message)}</div>}
          {state === 'failed' && data?.error && (
            <div className="job-error" data-testid="job-error">
              {pickText(lang, data.error)}
            </div>
          )}
          {state === 'succeeded' && data?.result?.fileName && (
            <div className="job-file">{t('job.file', { name: data.result.fileName })}</div>
          )}
          {state === 'succeeded' && fileId && (
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={fileUrl(fileId)}
              download={data?.result?.fileName ?? true}
              data-testid="job-download"
            >
              {t('job.download')}
            </Button>
          )}
        </div>
      }
      action={dismiss}
    />
  );
}
