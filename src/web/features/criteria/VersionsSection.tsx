import { useEffect, useState } from 'react';
import { Card, Empty, Select, Spin, Table, Tag } from 'antd';
import type { CriteriaChange, CriteriaVersionRow } from '../../../shared/api-types';
import { catalogues, type MessageKey } from '../../../shared/i18n';
import { formatDateTime } from '../../../shared/vn-text';
import { useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { useCriteriaDiff } from './criteriaApi';
import { effectiveRange, shortValue } from './criteriaLabels';

const KIND_COLOR: Record<CriteriaChange['kind'], string> = { added: 'green', removed: 'red', changed: 'blue' };

function versionLabel(t: ReturnType<typeof useT>, v: CriteriaVersionRow) {
  return v.state === 'draft' ? t('criteria.version.draft') : `${t('criteria.version.label')} ${v.no}`;
}

/** The versions of a set with their effective dates. */
export function VersionsTable({ versions }: { versions: CriteriaVersionRow[] }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Table<CriteriaVersionRow>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={versions}
      scroll={{ x: 'max-content' }}
      data-testid="criteria-versions"
      columns={[
        { key: 'no', title: t('criteria.versions.no'), render: (_, v) => (v.state === 'draft' ? <Tag color="processing">{t('criteria.version.draft')}</Tag> : v.no) },
        { key: 'effective', title: t('criteria.versions.effective'), render: (_, v) => effectiveRange(lang, v) },
        {
          key: 'published',
          title: t('criteria.versions.publishedBy'),
          render: (_, v) => (v.publishedAt ? `${formatDateTime(v.publishedAt)}${v.builtin ? ` · ${t('criteria.versions.builtin')}` : v.publishedByName ? ` · ${v.publishedByName}` : ''}` : '—'),
        },
        { key: 'note', title: t('criteria.versions.note'), render: (_, v) => (v.builtin ? '' : (v.note ?? '')) },
      ]}
    />
  );
}

/** A field of the document in words ("điểm tối đa"), or its name when the catalogue has none. */
function fieldName(t: ReturnType<typeof useT>, field: string): string {
  const key = `criteria.field.${field}` as MessageKey;
  return key in catalogues.vi ? t(key) : field;
}

function whereText(t: ReturnType<typeof useT>, c: CriteriaChange): string {
  const parts = [c.criterion ? t('criteria.diff.criterion', { code: c.criterion }) : t('criteria.diff.set'), c.indicator ? t('criteria.diff.indicator', { code: c.indicator }) : ''];
  return [...parts.filter(Boolean), c.field && c.kind === 'changed' ? fieldName(t, c.field) : ''].filter(Boolean).join(' › ');
}

/** Two versions side by side: what was added, removed or changed, criterion by criterion. */
export function DiffSection({ versions }: { versions: CriteriaVersionRow[] }) {
  const t = useT();
  const { lang } = useLang();
  const [from, setFrom] = useState<string | undefined>(versions[1]?.id);
  const [to, setTo] = useState<string | undefined>(versions[0]?.id);
  useEffect(() => {
    setFrom(versions[1]?.id);
    setTo(versions[0]?.id);
  }, [versions]);
  const diff = useCriteriaDiff(from, to);
  const options = versions.map((v) => ({ value: v.id, label: versionLabel(t, v) }));
  if (versions.length < 2) return null;
  return (
    <Card size="small" title={t('criteria.diff.title')} className="criteria-diff" data-testid="criteria-diff">
      <div className="filters">
        <Select className="filter-select" value={from} onChange={setFrom} options={options} aria-label={t('criteria.diff.from')} data-testid="criteria-diff-from" />
        <span className="criteria-diff-arrow">→</span>
        <Select className="filter-select" value={to} onChange={setTo} options={options} aria-label={t('criteria.diff.to')} data-testid="criteria-diff-to" />
      </div>
      {diff.isError ? (
        <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
      ) : diff.isFetching ? (
        <Spin />
      ) : !diff.data || diff.data.changes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('criteria.diff.none')} />
      ) : (
        <ul className="criteria-changes" data-testid="criteria-changes">
          {diff.data.changes.map((c) => (
            <li key={`${c.kind}-${c.path}`} className="criteria-change" data-testid="criteria-change" data-path={c.path}>
              <Tag color={KIND_COLOR[c.kind]}>{t(`criteria.diff.${c.kind}`)}</Tag>
              <span className="criteria-change-where">{whereText(t, c)}</span>
              {c.kind === 'changed' && (
                <div className="criteria-change-values">
                  <span className="criteria-before">{shortValue(lang, c.before)}</span>
                  <span className="criteria-diff-arrow">→</span>
                  <span className="criteria-after">{shortValue(lang, c.after)}</span>
                </div>
              )}
              {c.kind !== 'changed' && <div className="criteria-change-values">{shortValue(lang, c.kind === 'added' ? c.after : c.before)}</div>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
