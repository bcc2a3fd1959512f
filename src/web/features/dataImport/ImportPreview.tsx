import { Tag, Tooltip } from 'antd';
import { pickText, useLang, useT } from '../../app/i18n';
import type { MessageKey } from '../../../shared/i18n';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { useImportPreview, type ImportField, type PreviewRow } from './importApi';
import { fieldLabel } from './importLabels';
import { useIssuePlace } from './ImportIssues';

const ACTION: Record<PreviewRow['action'], { label: MessageKey; color: string }> = {
  create: { label: 'import.action.create', color: 'green' },
  update: { label: 'import.action.update', color: 'blue' },
  skip: { label: 'import.action.skip', color: 'default' },
  error: { label: 'import.action.error', color: 'red' },
};

/**
 * The first rows as the server will save them (normalised: names in Unicode, dates as dd/mm/yyyy, phones
 * with their leading 0, "Nữ", qualification labels), with what will happen to each.
 */
export function ImportPreview({ importId, fields }: { importId: string; fields: ImportField[] }) {
  const t = useT();
  const { lang } = useLang();
  const place = useIssuePlace();
  const preview = useImportPreview(importId, true);
  const rows = preview.data ?? [];
  const shown = fields.filter((f) => rows.some((r) => r.values[f.key]));
  const columns: ListColumn<PreviewRow>[] = [
    { key: 'row', title: t('import.preview.row'), card: 'subtitle', render: (r) => t('import.preview.rowN', { row: r.rowNumber }) },
    {
      key: 'action',
      title: t('import.preview.action'),
      render: (r) => (
        <Tooltip title={r.issues.length ? r.issues.map((i) => `${place(i)}: ${pickText(lang, i.message)}`).join('\n') : undefined}>
          <Tag color={ACTION[r.action].color}>{t(ACTION[r.action].label)}</Tag>
          {r.issues.length > 0 && <span className="muted">({r.issues.length})</span>}
        </Tooltip>
      ),
    },
    ...shown.map(
      (f): ListColumn<PreviewRow> => ({
        key: f.key,
        title: fieldLabel(lang, f),
        card: f.key === 'fullName' || f.key === 'name' ? 'title' : 'fact',
        render: (r) => <span data-testid={`preview-${f.key}`}>{r.values[f.key] ?? ''}</span>,
      }),
    ),
  ];
  return (
    <ResponsiveList
      testId="import-preview"
      items={rows}
      rowKey={(r) => String(r.rowNumber)}
      columns={columns}
      loading={preview.isFetching}
      pagination={{ pageSize: 10, showSizeChanger: false, size: 'small' }}
      emptyText={t('import.preview.none')}
      scrollX={Math.max(900, shown.length * 140)}
    />
  );
}
