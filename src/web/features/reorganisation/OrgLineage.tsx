import { Tag, Typography } from 'antd';
import { formatDate } from '../../../shared/vn-text';
import { useT } from '../../app/i18n';
import { useOrgLineage, type LineageEntry } from './reorgApi';
import { KIND_LABEL } from './reorgLabels';

function LineageList({ title, entries, onSelect, testId }: { title: string; entries: LineageEntry[]; onSelect: (id: string) => void; testId: string }) {
  const t = useT();
  if (entries.length === 0) return null;
  const nameOf = (id: string | null) => entries.find((e) => e.org.id === id)?.org.name;
  return (
    <div className="org-lineage-group" data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <ul className="reorg-list">
        {entries.map((e) => (
          <li key={`${e.org.id}-${e.reorganisation.id}`} className="org-lineage-item" data-testid="org-lineage-item">
            <a
              href={`?id=${encodeURIComponent(e.org.id)}`}
              onClick={(event) => {
                event.preventDefault();
                onSelect(e.org.id);
              }}
            >
              {e.org.name}
            </a>
            {e.org.closed && <Tag className="org-lineage-tag">{t('org.closedTag')}</Tag>}
            <div className="muted">
              {t('reorg.lineage.when', { kind: t(KIND_LABEL[e.reorganisation.kind]), date: formatDate(e.effectiveDate) })}
              {e.reorganisation.decisionRef && ` · ${e.reorganisation.decisionRef}`}
              {e.depth > 1 && nameOf(e.via) && ` · ${t('reorg.lineage.via', { name: nameOf(e.via)! })}`}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Lịch sử sắp xếp" of a unit: the units it was formed from and those it became; nothing when there are none. */
export function OrgLineage({ orgId, onSelect }: { orgId: string; onSelect: (id: string) => void }) {
  const t = useT();
  const lineage = useOrgLineage(orgId);
  const { predecessors = [], successors = [] } = lineage.data ?? {};
  if (predecessors.length === 0 && successors.length === 0) return null;
  return (
    <section className="org-section org-lineage" data-testid="org-lineage">
      <Typography.Title level={5} className="org-section-title">
        {t('reorg.lineage.title')}
      </Typography.Title>
      <LineageList title={t('reorg.lineage.predecessors')} entries={predecessors} onSelect={onSelect} testId="org-lineage-predecessors" />
      <LineageList title={t('reorg.lineage.successors')} entries={successors} onSelect={onSelect} testId="org-lineage-successors" />
    </section>
  );
}
