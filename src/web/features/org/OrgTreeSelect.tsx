import { useMemo, useState, type ReactNode } from 'react';
import { TreeSelect } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../app/i18n';
import type { OrgSummary } from '../../app/types';
import { useDebounced } from '../../components/useDebounced';
import { ancestorNames, childrenQuery, useOrgSearch } from './orgApi';

/** An organisation picked in a form or filter: its id and name. */
export interface OrgOption {
  value: string;
  label: string;
}

interface CommonProps {
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  className?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

/** One organisation, or several with `multiple` (a form's value is then an array). */
type Props =
  | (CommonProps & { multiple?: false; value?: OrgOption | null; onChange?: (value: OrgOption | undefined) => void })
  | (CommonProps & { multiple: true; value?: OrgOption[]; onChange?: (value: OrgOption[]) => void });

type Picked = { value: string | number; label: ReactNode };

interface SelectNode {
  id: string;
  pId: string | null;
  value: string;
  label: string;
  title: ReactNode;
  isLeaf: boolean;
}

function toNode(org: OrgSummary, pId: string | null, path?: string[]): SelectNode {
  return {
    id: org.id,
    pId,
    value: org.id,
    label: org.name,
    title: path?.length ? (
      <span>
        {org.name} <span className="org-path">{path.join(' › ')}</span>
      </span>
    ) : (
      org.name
    ),
    isLeaf: path !== undefined || org.childCount === 0,
  };
}

/**
 * Picks an organisation: a tree whose branches load when opened, or, once the user types,
 * the server's mark-free search ("so tai chinh" finds "Sở Tài chính").
 */
export function OrgTreeSelect(props: Props) {
  const { value, onChange: _onChange, multiple, placeholder, allowClear = true, ...rest } = props;
  const t = useT();
  const queryClient = useQueryClient();
  const [searchText, setSearchText] = useState('');
  const q = useDebounced(searchText, 300).trim();
  const searching = q.length >= 2;
  const top = useQuery(childrenQuery(null));
  const hits = useOrgSearch(searching ? q : '');
  const [branches, setBranches] = useState<SelectNode[]>([]);

  const treeData = useMemo<SelectNode[]>(() => {
    if (searching) return (hits.data?.items ?? []).map((hit) => toNode(hit, null, ancestorNames(hit)));
    const seen = new Set<string>();
    const nodes: SelectNode[] = [];
    for (const node of [...(top.data?.items ?? []).map((org) => toNode(org, null)), ...branches]) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      nodes.push(node);
    }
    return nodes;
  }, [searching, hits.data, top.data, branches]);

  const loadData = async (node: { value?: unknown; id?: unknown }) => {
    const parentId = String(node.value ?? node.id);
    const page = await queryClient.fetchQuery(childrenQuery(parentId));
    setBranches((previous) => [...previous, ...page.items.map((org) => toNode(org, parentId))]);
  };

  const toOption = (picked: Picked): OrgOption => {
    const id = String(picked.value);
    const label = typeof picked.label === 'string' ? picked.label : (treeData.find((n) => n.id === id)?.label ?? id);
    return { value: id, label };
  };

  return (
    <TreeSelect
      {...rest}
      multiple={multiple}
      value={value ?? undefined}
      labelInValue
      treeNodeLabelProp="label"
      treeDataSimpleMode
      treeData={treeData}
      loadData={searching ? undefined : loadData}
      showSearch={{ searchValue: searchText, onSearch: setSearchText, filterTreeNode: false }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('org.select.placeholder')}
      notFoundContent={searching && !hits.isFetching ? t('org.search.none') : t('org.select.typeToSearch')}
      loading={top.isPending || hits.isFetching}
      popupMatchSelectWidth={false}
      onChange={(picked: Picked | Picked[] | undefined) => {
        setSearchText('');
        if (props.multiple) props.onChange?.(((picked ?? []) as Picked[]).map(toOption));
        else props.onChange?.(picked ? toOption(picked as Picked) : undefined);
      }}
    />
  );
}
