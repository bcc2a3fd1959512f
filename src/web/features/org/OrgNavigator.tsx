import { useEffect, useState, type Key } from 'react';
import { Checkbox, Empty, Input, Spin, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../app/i18n';
import type { OrgSummary } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { useDebounced } from '../../components/useDebounced';
import { OrgNodeTitle } from './OrgNodeTitle';
import { OrgSearchResults } from './OrgSearchResults';
import { childrenQuery } from './orgApi';

const TOP = 'top';
const MORE = 'more:';

interface Props {
  selectedId: string | null;
  /** Organisations to open so that the selected one shows (its ancestors). */
  revealIds: readonly string[];
  /** `auto`: chosen by the navigator itself (the only top organisation), not by the user. */
  onSelect: (id: string, auto?: boolean) => void;
}

interface Branch {
  items: OrgSummary[];
  total: number;
  pending: boolean;
  error: unknown;
}

function union(list: readonly string[], more: readonly string[]): string[] {
  const missing = more.filter((id) => !list.includes(id));
  return missing.length ? [...list, ...missing] : (list as string[]);
}

/** The organisation tree (children load when a branch opens) with a mark-free search above it. */
export function OrgNavigator({ selectedId, revealIds, onSelect }: Props) {
  const t = useT();
  const queryClient = useQueryClient();
  const [searchText, setSearchText] = useState('');
  const q = useDebounced(searchText, 300).trim();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<string[]>([]);
  const [pages, setPages] = useState<Record<string, number>>({});

  const specs = [TOP, ...loaded].flatMap((parent) =>
    Array.from({ length: pages[parent] ?? 1 }, (_, index) => ({ parent, page: index + 1 })),
  );
  const results = useQueries({
    queries: specs.map(({ parent, page }) => childrenQuery(parent === TOP ? null : parent, page, includeClosed)),
  });

  const branches = new Map<string, Branch>();
  specs.forEach(({ parent }, index) => {
    const result = results[index];
    const branch = branches.get(parent) ?? { items: [], total: 0, pending: false, error: null };
    if (result?.data) {
      branch.items.push(...result.data.items);
      branch.total = result.data.total;
    }
    if (result?.isPending) branch.pending = true;
    if (result?.isError) branch.error = result.error;
    branches.set(parent, branch);
  });

  const top = branches.get(TOP);
  const revealKey = revealIds.join(',');
  useEffect(() => {
    if (!revealKey) return;
    const ids = revealKey.split(',');
    setExpanded((previous) => union(previous, ids));
    setLoaded((previous) => union(previous, ids));
  }, [revealKey]);

  // One top organisation (the usual case): open it and show it.
  const singleTop = top && !top.pending && top.items.length === 1 ? top.items[0] : undefined;
  useEffect(() => {
    if (!singleTop) return;
    if (singleTop.childCount > 0) {
      setExpanded((previous) => union(previous, [singleTop.id]));
      setLoaded((previous) => union(previous, [singleTop.id]));
    }
    if (!selectedId) onSelect(singleTop.id, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [singleTop?.id]);

  const build = (parent: string): TreeDataNode[] => {
    const branch = branches.get(parent);
    if (!branch) return [];
    const nodes: TreeDataNode[] = branch.items.map((org) => ({
      key: org.id,
      title: <OrgNodeTitle org={org} />,
      isLeaf: org.childCount === 0,
      children: loaded.includes(org.id) && branches.get(org.id)?.items.length ? build(org.id) : undefined,
    }));
    const remaining = branch.total - branch.items.length;
    if (remaining > 0 && !branch.pending) {
      nodes.push({
        key: MORE + parent,
        isLeaf: true,
        title: (
          <span className="org-tree-more" data-testid="org-tree-more">
            {t('org.tree.more', { count: remaining })}
          </span>
        ),
      });
    }
    return nodes;
  };
  const treeData = build(TOP);

  const loadData = async (node: { key: Key }) => {
    const id = String(node.key);
    if (id.startsWith(MORE)) return;
    await queryClient.fetchQuery(childrenQuery(id, 1, includeClosed));
    setLoaded((previous) => union(previous, [id]));
  };

  const searching = q.length >= 2;

  return (
    <div className="org-navigator">
      <Input.Search
        allowClear
        value={searchText}
        onChange={(event) => setSearchText(event.target.value)}
        placeholder={t('org.search.placeholder')}
        aria-label={t('org.search.placeholder')}
        data-testid="org-search"
        id="org-search"
      />
      <Checkbox
        className="org-include-closed"
        checked={includeClosed}
        onChange={(event) => setIncludeClosed(event.target.checked)}
        data-testid="org-include-closed"
      >
        {t('org.tree.includeClosed')}
      </Checkbox>
      {searching ? (
        <OrgSearchResults
          q={q}
          onPick={(id) => {
            setSearchText('');
            onSelect(id);
          }}
        />
      ) : (
        <div className="org-tree" data-testid="org-tree">
          {top?.error ? (
            <ErrorState error={top.error} onRetry={() => void queryClient.invalidateQueries({ queryKey: ['orgs'] })} />
          ) : top?.pending ? (
            <Spin />
          ) : treeData.length === 0 ? (
            <Empty description={t('org.tree.empty')} />
          ) : (
            <Tree
              blockNode
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              loadedKeys={loaded}
              loadData={loadData}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(_keys, info) => {
                const key = String(info.node.key);
                if (key.startsWith(MORE)) {
                  const parent = key.slice(MORE.length);
                  setPages((previous) => ({ ...previous, [parent]: (previous[parent] ?? 1) + 1 }));
                } else {
                  onSelect(key);
                }
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
