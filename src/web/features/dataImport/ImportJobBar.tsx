import { Card, Progress, Typography } from 'antd';
import { pickText, useLang, useT } from '../../app/i18n';
import { useJob } from '../jobs/jobApi';

/** The progress of the job working on the import (reading, checking or importing the file). */
export function ImportJobBar({ jobId, title, help }: { jobId: string | null; title: string; help?: string }) {
  const t = useT();
  const { lang } = useLang();
  const job = useJob(jobId);
  const percent = Math.round((job.data?.progress ?? 0) * 100);
  return (
    <Card className="import-card" data-testid="import-progress">
      <Typography.Title level={4} className="import-card-title">
        {title}
      </Typography.Title>
      <Progress percent={percent} status="active" aria-label={t('job.progress')} />
      {job.data?.message && <div className="muted">{pickText(lang, job.data.message)}</div>}
      {help && <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>}
    </Card>
  );
}
