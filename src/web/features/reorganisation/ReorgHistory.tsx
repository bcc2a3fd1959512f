import { useState } from 'react';
import { Card, Tag } from 'antd';
import { formatDate } from '../../../shared/vn-text';
import { useT } from '../../app/i18n';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { usePagination } from '../../components/usePagination';
import { useReorganisations, type LinkEnd, type ReorganisationSummary } from './reorgApi';
import { KIND_COLOR, KIND_LABEL } from './reorgLabels';
import { UnitName } from './UnitName';

/** The units of one reorganisation, "old, old → new" per successor (named in the list's row). */
function ReorgUnits({ row }: { row: ReorganisationSummary }) {
  const t = useT();
  const moved: LinkEnd[] = [];
  const bySuccessor = new Map<string, { successor: LinkEnd | null; predecessors: (LinkEnd | null)[] }>();
  for (const { predecessor, successor } of row.links) {
    // A transfer links each moved unit to itself.
    if (predecessor && successor && predecessor.id === successor.id) {
      moved.push(successor);
      continue;
    }
    const key = successor?.id ?? '';
    const group = bySuccessor.get(key) ?? { successor, predecessors: [] };
    group.predecessors.push(predecessor);
    bySuccessor.set(key, group);
  }
  return (
    <ul className="reorg-list reorg-history-units">
      {[...bySuccessor.values()].map((g, i) => (
        <li key={i} className="reorg-path">
          {g.predecessors.map((p, j) => (
            <span key={p?.id ?? j}>
              {j > 0 && ', '}
              <UnitName unit={p} linked />
            </span>
          ))}{' '}
          → <UnitName unit={g.successor} linked />
        </li>
      ))}
      {moved.length > 0 && <li>{t('reorg.history.moved', { names: moved.map((m) => m.name).join(', ') })}</li>}
      {row.moreLinks > 0 && <li className="muted">{t('reorg.history.moreLinks', { n: row.moreLinks })}</li>}
    </ul>
  );
}

/** Reorganisations involving units the user sees, newest first. */
export function ReorgHistory() {
  const t = useT();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const list = useReorganisations(paging.page, paging.pageSize);
  const pagination = usePagination(list.data, paging, (page, pageSize) => setPaging({ page, pageSize }));
  const columns: ListColumn<ReorganisationSummary>[] = [
    { key: 'date', title: t('reorg.history.date'), card: 'title', className: 'nowrap', width: 120, render: (r) => formatDate(r.effectiveDate) },
    { key: 'kind', title: t('reorg.history.kind'), card: 'subtitle', width: 120, render: (r) => <Tag color={KIND_COLOR[r.kind]}>{t(KIND_LABEL[r.kind])}</Tag> },
    {
      key: 'decision',
      title: t('reorg.history.decision'),
      render: (r) => (
        <>
          {r.decisionRef ?? <span className="muted">{t('common.none')}</span>}
          {r.note && <div className="muted">{r.note}</div>}
        </>
      ),
    },
    { key: 'units', title: t('reorg.history.units'), render: (r) => <ReorgUnits row={r} /> },
  ];
  return (
    <Card className="panel reorg-card" title={t('reorg.history.title')} size="small">
      <ResponsiveList
        testId="reorg-history"
        items={list.data?.items ?? []}
        rowKey={(r) => r.id}
        columns={columns}
        loading={list.isFetching}
        pagination={pagination}
        emptyText={t('reorg.history.none')}
      />
    </Card>
  );
}
