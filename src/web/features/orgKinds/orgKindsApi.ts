import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { OrgKind } from '../../app/types';
import { orgKeys } from '../org/orgApi';

/** The server's rule for a kind's code (PUT /org-kinds/:code). */
export const KIND_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export interface OrgKindBody {
  nameVi: string;
  nameEn: string;
  canBeRoot: boolean;
  parentKinds: string[];
  mergeGroup: string | null;
}

/**
 * Every kind of organisation, in the server's order. Same cache entry as the kinds the
 * organisation and setup screens use (`orgKeys.kinds`), refreshed more eagerly here.
 */
export function useOrgKindList() {
  return useQuery({
    queryKey: orgKeys.kinds,
    queryFn: ({ signal }) => api.get<{ items: OrgKind[] }>('/org-kinds', signal),
    select: (data) => data.items,
  });
}

/** Creates or changes a kind (system administrators), then refreshes every list of kinds. */
export function useSaveOrgKind() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: OrgKindBody }) =>
      api.put<OrgKind>(`/org-kinds/${encodeURIComponent(code)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.kinds }),
  });
}
