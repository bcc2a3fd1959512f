import { useCallback, useState } from 'react';
import { Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useShowError } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { JobProgress } from '../jobs/JobProgress';
import { useStoredJobId } from '../jobs/jobApi';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAuditExport, useAuditLog, type AuditFilter } from './auditApi';

const EXPORT_JOB_KEY = 'hoctap.job.auditExport';

/** /audit: who changed what, when; filters, "load more" and an Excel export that runs as a job. */
export default function AuditPage() {
  const t = useT();
  const { lang } = useLang();
  const showError = useShowError();
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(filter);
  const startExport = useAuditExport();
  const [jobId, setJobId] = useStoredJobId(EXPORT_JOB_KEY);
  const forgetJob = useCallback(() => setJobId(null), [setJobId]);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page">
      <PageHeading
        title={t('audit.title')}
        action={
          <Button
            icon={<FileExcelOutlined />}
            loading={startExport.isPending}
            onClick={() =>
              startExport.mutate({ filter, language: lang }, {
                onSuccess: (job) => setJobId(job.id),
                onError: (error) => showError(error),
              })
            }
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
        }
      />
      {jobId && <JobProgress jobId={jobId} title={t('audit.exportJob')} onDismiss={forgetJob} />}
      <AuditFilters onApply={setFilter} />
      {log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <AuditTable entries={entries} loading={log.isFetching && !log.isFetchingNextPage} />
          {log.hasNextPage && (
            <div className="load-more">
              <Button
                onClick={() => void log.fetchNextPage()}
                loading={log.isFetchingNextPage}
                data-testid="audit-load-more"
              >
                {t('audit.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
