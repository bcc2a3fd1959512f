import { useT } from '../../app/i18n';
import type { MessageKey } from '../../../shared/i18n';
import { Figures } from '../../components/Figures';
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
  const shown = FIGURES.filter((f) => !only || only.includes(f.key));
  return <Figures testId="import-summary" figures={shown.map((f) => ({ key: f.key, label: t(f.label), value: summary[f.key], tone: f.tone }))} />;
}
