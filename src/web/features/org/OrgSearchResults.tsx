import { Empty, Spin, Tag } from 'antd';
import { useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { ancestorNames, useKindName, useOrgSearch } from './orgApi';

/** Results of the mark-free organisation search, each with the names of its ancestors. */
export function OrgSearchResults({ q, onPick }: { q: string; onPick: (id: string) => void }) {
  const t = useT();
  const kindName = useKindName();
  const search = useOrgSearch(q);
  if (search.isPending) return <Spin className="org-search-spin" />;
  if (search.isError) return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  if (search.data.items.length === 0) return <Empty description={t('org.search.none')} />;
  return (
    <ul className="org-search-results" data-testid="org-search-results">
      {search.data.items.map((hit) => {
        const path = ancestorNames(hit);
        return (
          <li key={hit.id}>
            <button
              type="button"
              className="org-search-item"
              onClick={() => onPick(hit.id)}
              data-testid="org-search-item"
            >
              <span className="org-search-name">
                {hit.name}
                {hit.closed && <Tag className="org-node-tag">{t('org.closedTag')}</Tag>}
              </span>
              <span className="org-search-meta">
                {kindName(hit.kindCode)}
                {path.length > 0 && ` · ${path.join(' › ')}`}
              </span>
            </button>
          </li>
        );
      })}
      {search.data.total > search.data.items.length && (
        <li className="org-search-more">{t('org.search.refine', { count: search.data.total })}</li>
      )}
    </ul>
  );
}
