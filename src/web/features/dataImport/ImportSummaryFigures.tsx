import { Col, Row, Statistic } from 'antd';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { MessageKey } from '../../../shared/i18n';
import type { ImportSummary } from './importApi';

const FIGURES: { key: keyof ImportSummary; label: MessageKey; tone?: 'bad' | 'warn' }[] = [
  { key: 'rows', label: 'import.summary.rows' },
  { key: 'create', label: 'import.summary.create' },
  { key: 'update', label: 'import.summary.update' },
  { key: 'skip', label: 'import.summary.skip' },
  { key: 'errors', label: 'import.summary.errors', tone: 'bad' },
  { key: 'warnings', label: 'import.summary.warnings', tone: 'warn' },
];

/** The counts of a check or an import, as figures. */
export function ImportSummaryFigures({ summary, only }: { summary: ImportSummary; only?: (keyof ImportSummary)[] }) {
  const t = useT();
  const { lang } = useLang();
  const shown = FIGURES.filter((f) => !only || only.includes(f.key));
  return (
    <Row gutter={[12, 12]} className="import-figures" data-testid="import-summary">
      {shown.map((f) => (
        <Col key={f.key} xs={12} sm={8} lg={4}>
          <div className={`import-figure${f.tone && summary[f.key] > 0 ? ` import-figure-${f.tone}` : ''}`} data-testid={`import-summary-${f.key}`} data-value={summary[f.key]}>
            <Statistic title={t(f.label)} value={summary[f.key]} formatter={(v) => formatNumber(lang, Number(v))} />
          </div>
        </Col>
      ))}
    </Row>
  );
}
