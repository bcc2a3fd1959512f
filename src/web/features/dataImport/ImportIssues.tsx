import { useState } from 'react';
import { Tag } from 'antd';
import { pickText, useLang, useT } from '../../app/i18n';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { usePagination } from '../../components/usePagination';
import { useImportIssues, type ImportIssue } from './importApi';

/** "Trang tính Cán bộ, dòng 12, cột C (Ngày sinh)". */
export function useIssuePlace() {
  const t = useT();
  return (i: ImportIssue) =>
    [
      i.column
        ? t('import.issue.place', { sheet: i.sheet, row: i.rowNumber, column: i.column })
        : t('import.issue.placeRow', { sheet: i.sheet, row: i.rowNumber }),
      i.header ? `· ${i.header}` : '',
    ]
      .filter(Boolean)
      .join(' ');
}

export function SeverityTag({ severity }: { severity: ImportIssue['severity'] }) {
  const t = useT();
  return severity === 'error' ? <Tag color="red">{t('import.issue.error')}</Tag> : <Tag color="gold">{t('import.issue.warning')}</Tag>;
}

/** Every problem found, by sheet, row and column, in the user's language (paged by the server). */
export function ImportIssues({ importId }: { importId: string }) {
  const t = useT();
  const { lang } = useLang();
  const place = useIssuePlace();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const issues = useImportIssues(importId, paging.page, paging.pageSize, true);
  const pagination = usePagination(issues.data, paging, (page, pageSize) => setPaging({ page, pageSize }));
  const columns: ListColumn<ImportIssue>[] = [
    { key: 'place', title: t('import.issue.where'), card: 'title', render: (i) => <span data-testid="issue-place">{place(i)}</span> },
    { key: 'severity', title: t('import.issue.severity'), card: 'subtitle', render: (i) => <SeverityTag severity={i.severity} /> },
    { key: 'value', title: t('import.issue.value'), render: (i) => (i.value ? <code className="import-value">{i.value}</code> : <span className="muted">{t('import.issue.empty')}</span>) },
    { key: 'message', title: t('import.issue.message'), render: (i) => <span data-testid="issue-message">{pickText(lang, i.message)}</span> },
  ];
  return (
    <ResponsiveList
      testId="import-issues"
      items={issues.data?.items ?? []}
      rowKey={(i) => `${i.sheet}-${i.rowNumber}-${i.column ?? ''}-${i.code}`}
      columns={columns}
      loading={issues.isFetching}
      pagination={pagination}
      emptyText={t('import.issue.none')}
    />
  );
}
