import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { OrgRef, OrgSummary, Page, ReorgImpact, ReorgKind, ReorgOutcome, ReorgWarning } from '../../app/types';
import { childrenQuery, ORG_PAGE_SIZE, orgKeys } from '../org/orgApi';

/**
 * The reorganisation API (docs/api.md "Reorganisations"): a plan is previewed (nothing written),
 * then applied in one transaction; past reorganisations and a unit's lineage are read back.
 * The shapes follow src/server/modules/org/reorganisation.ts.
 */

export const REORG_KINDS: readonly ReorgKind[] = ['merge', 'split', 'transfer'];

export interface NewUnitSpec {
  type: 'new';
  name: string;
  kindCode: string;
  code?: string | null;
  parentId: string | null;
}

export interface ExistingUnitSpec {
  type: 'existing';
  id: string;
}

export type UnitSpec = NewUnitSpec | ExistingUnitSpec;

interface PlanCommon {
  effectiveDate: string;
  decisionRef?: string | null;
  note?: string | null;
  renames?: { orgId: string; name: string }[];
}

export type ReorgPlan =
  | (PlanCommon & { kind: 'merge'; predecessorIds: string[]; successor: UnitSpec })
  | (PlanCommon & {
      kind: 'split';
      predecessorId: string;
      successors: (UnitSpec & { key: string })[];
      assignments: { childId: string; to: string }[];
      ownRecordsTo: string;
    })
  | (PlanCommon & { kind: 'transfer'; unitIds: string[]; newParentId: string; dissolveOldParents?: boolean });

export type { ReorgImpact, ReorgKind, ReorgOutcome, ReorgWarning };

export interface ReorganisationSummary {
  id: string;
  kind: ReorgKind;
  effectiveDate: string;
  decisionRef: string | null;
  note: string | null;
  createdAt: string;
  /** The first links (the rest: `moreLinks`, on the reorganisation's own answer). */
  links: ReorgLink[];
  moreLinks: number;
}

export interface ReorgLink {
  predecessor: LinkEnd | null;
  successor: LinkEnd | null;
}

/** One end of a lineage link; null when the caller cannot see that unit. */
export interface LinkEnd {
  id: string;
  name: string;
  kindCode: string;
  validTo: string | null;
}


export interface LineageEntry {
  org: { id: string; name: string; kindCode: string; validFrom: string | null; validTo: string | null; closed: boolean };
  /** The unit on the near side of the link, when it is shown too (transitive links). */
  via: string | null;
  depth: number;
  effectiveDate: string;
  reorganisation: { id: string; kind: ReorgKind; decisionRef: string | null };
}

export interface OrgLineage {
  org: OrgRef;
  predecessors: LineageEntry[];
  successors: LineageEntry[];
}

export const reorgKeys = {
  all: ['reorganisations'] as const,
  list: (page: number, pageSize: number) => ['reorganisations', 'list', page, pageSize] as const,
  // Under the organisations' key: every change to the tree refreshes it.
  lineage: (orgId: string) => [...orgKeys.all, 'lineage', orgId] as const,
  openChildren: (orgId: string) => [...orgKeys.all, 'open-children', orgId] as const,
};

export function useReorganisations(page: number, pageSize: number) {
  return useQuery({
    queryKey: reorgKeys.list(page, pageSize),
    queryFn: ({ signal }) => api.get<Page<ReorganisationSummary>>(`/reorganisations${query({ page, pageSize })}`, signal),
    placeholderData: keepPreviousData,
  });
}


export function useOrgLineage(orgId: string) {
  return useQuery({
    queryKey: reorgKeys.lineage(orgId),
    queryFn: ({ signal }) => api.get<OrgLineage>(`/orgs/${encodeURIComponent(orgId)}/lineage`, signal),
  });
}

/** Every open child of a unit (all pages): what a split assigns. */
export function useOpenChildren(orgId: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: reorgKeys.openChildren(orgId ?? ''),
    enabled: !!orgId,
    queryFn: async () => {
      const items: OrgSummary[] = [];
      for (let page = 1; ; page += 1) {
        const batch = await queryClient.fetchQuery(childrenQuery(orgId ?? '', page));
        items.push(...batch.items);
        if (batch.items.length < ORG_PAGE_SIZE || items.length >= batch.total) return items;
      }
    },
  });
}

export function usePreviewReorganisation() {
  return useMutation({ mutationFn: (plan: ReorgPlan) => api.post<ReorgOutcome>('/reorganisations/preview', plan) });
}

/** Applies a plan; a reorganisation changes the tree, people and households: everything is refetched. */
export function useApplyReorganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: ReorgPlan) => api.post<ReorgOutcome>('/reorganisations', plan),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'setup' }),
  });
}
