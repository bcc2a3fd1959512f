import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import { useLang, pickName } from '../../app/i18n';
import type { OrgDetail, OrgKind, OrgSearchHit, OrgSummary, Page } from '../../app/types';

export const ORG_PAGE_SIZE = 100;

export const orgKeys = {
  all: ['orgs'] as const,
  kinds: ['org-kinds'] as const,
  children: (parentId: string | null, page: number, includeClosed: boolean) =>
    ['orgs', 'children', parentId ?? 'top', page, includeClosed] as const,
  search: (q: string) => ['orgs', 'search', q] as const,
  detail: (id: string) => ['orgs', 'detail', id] as const,
};

export function childrenQuery(parentId: string | null, page = 1, includeClosed = false) {
  return {
    queryKey: orgKeys.children(parentId, page, includeClosed),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<Page<OrgSummary>>(
        `/orgs${query({ parentId, page, pageSize: ORG_PAGE_SIZE, includeClosed: includeClosed || undefined })}`,
        signal,
      ),
  };
}

/** Names of the visible ancestors of a search hit, root first (the hit itself left out). */
export function ancestorNames(hit: OrgSearchHit): string[] {
  const names = hit.pathNames;
  return names.length > 0 && names[names.length - 1] === hit.name ? names.slice(0, -1) : names;
}

export function useOrgKinds() {
  return useQuery({
    queryKey: orgKeys.kinds,
    queryFn: () => api.get<{ items: OrgKind[] }>('/org-kinds'),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

/** Kinds allowed under a parent of kind `parentKind` (null: at the top; undefined: not known yet, all). */
export function allowedKinds(kinds: OrgKind[], parentKind: string | null | undefined): OrgKind[] {
  if (parentKind === null) return kinds.filter((kind) => kind.canBeRoot);
  if (parentKind === undefined) return kinds;
  return kinds.filter((kind) => kind.parentKinds.includes(parentKind));
}

/** The name of an organisation kind in the current language. */
export function useKindName(): (code: string) => string {
  const { lang } = useLang();
  const kinds = useOrgKinds();
  return (code: string) => {
    const kind = kinds.data?.find((k) => k.code === code);
    return kind ? pickName(lang, kind) : code;
  };
}

export function useOrgSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: orgKeys.search(text),
    queryFn: ({ signal }) => api.get<Page<OrgSearchHit>>(`/orgs/search${query({ q: text, pageSize: 20 })}`, signal),
    enabled: text.length >= 2,
    placeholderData: (previous) => previous,
  });
}

export function useOrgDetail(id: string | null | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<OrgDetail>(`/orgs/${encodeURIComponent(id ?? '')}`, signal),
    enabled: !!id,
  });
}

export interface NewOrgBody {
  parentId: string | null;
  name: string;
  kindCode: string;
  code?: string;
  validFrom?: string;
}

export interface OrgChangeBody {
  name?: string;
  kindCode?: string;
  code?: string | null;
}

/** Every change to an organisation refreshes the tree, the search results and the details. */
function useOrgMutation<TVars>(fn: (vars: TVars) => Promise<OrgSummary>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

export const useCreateOrg = () => useOrgMutation((body: NewOrgBody) => api.post<OrgSummary>('/orgs', body));

export const useUpdateOrg = () =>
  useOrgMutation(({ id, body }: { id: string; body: OrgChangeBody }) =>
    api.patch<OrgSummary>(`/orgs/${encodeURIComponent(id)}`, body),
  );

export const useMoveOrg = () =>
  useOrgMutation(({ id, newParentId }: { id: string; newParentId: string }) =>
    api.post<OrgSummary>(`/orgs/${encodeURIComponent(id)}/move`, { newParentId }),
  );

export const useCloseOrg = () =>
  useOrgMutation(({ id, validTo }: { id: string; validTo: string }) =>
    api.post<OrgSummary>(`/orgs/${encodeURIComponent(id)}/close`, { validTo }),
  );

export const useReopenOrg = () =>
  useOrgMutation(({ id }: { id: string }) => api.post<OrgSummary>(`/orgs/${encodeURIComponent(id)}/reopen`));
