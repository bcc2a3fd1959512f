import { Grid, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../../../shared/vn-text';
import { useLang, useT } from '../../app/i18n';
import type { AuditEntry } from '../../app/types';
import { AuditDiff } from './AuditDiff';
import { actionLabel, entityLabel } from './auditLabels';

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const t = useT();
  return (
    <div className="audit-details">
      <AuditDiff before={entry.before} after={entry.after} />
      <Typography.Text type="secondary" className="audit-meta">
        {[
          entry.entityId && `${t('audit.col.entityId')}: ${entry.entityId}`,
          entry.requestId && `${t('audit.col.requestId')}: ${entry.requestId}`,
          entry.ip && `${t('audit.col.ip')}: ${entry.ip}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </div>
  );
}

export function AuditTable({ entries, loading }: { entries: AuditEntry[]; loading: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  // On phones one column tells the whole entry, so that the table needs no sideways scrolling.
  const compactColumns: TableColumnsType<AuditEntry> = [
    {
      key: 'entry',
      title: t('audit.col.entry'),
      render: (_, entry) => (
        <div className="audit-entry">
          <div className="audit-entry-head">
            <span className="nowrap">{formatDateTime(entry.at)}</span> · {entry.userName ?? t('audit.systemUser')}
          </div>
          <div>
            {actionLabel(lang, entry.action)} · {entityLabel(lang, entry.entity)}
            {entry.entityName && ` · ${entry.entityName}`}
          </div>
          {entry.orgName && <div className="muted">{entry.orgName}</div>}
        </div>
      ),
    },
  ];
  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'at',
      title: t('audit.col.at'),
      render: (_, entry) => <span className="nowrap">{formatDateTime(entry.at)}</span>,
    },
    { key: 'user', title: t('audit.col.user'), render: (_, entry) => entry.userName ?? t('audit.systemUser') },
    { key: 'action', title: t('audit.col.action'), render: (_, entry) => actionLabel(lang, entry.action) },
    {
      key: 'entity',
      title: t('audit.col.entity'),
      render: (_, entry) => (entry.entityName ? `${entityLabel(lang, entry.entity)} · ${entry.entityName}` : entityLabel(lang, entry.entity)),
    },
    { key: 'org', title: t('audit.col.org'), render: (_, entry) => entry.orgName ?? t('common.none') },
  ];
  return (
    <Table<AuditEntry>
      rowKey={(entry) => String(entry.id)}
      className="audit-table"
      data-testid="audit-table"
      columns={compact ? compactColumns : columns}
      dataSource={entries}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={compact ? undefined : { x: 'max-content' }}
      expandable={{ expandedRowRender: (entry) => <EntryDetails entry={entry} /> }}
      locale={{ emptyText: t('audit.empty') }}
    />
  );
}
