import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { CappedPage, ClanDetail, ClanSummary, HouseholdDetail, HouseholdSummary } from '../../app/types';

export interface PlaceFilter {
  orgId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** A new household (its hamlet is fixed once created). */
export interface NewHouseholdBody {
  orgId?: string;
  code: string;
  address?: string | null;
}

export interface HouseholdChangeBody {
  code?: string;
  address?: string | null;
  headPersonId?: string | null;
}

export interface ClanBody {
  /** Only when creating: a clan stays in its commune. */
  orgId?: string;
  name?: string;
  headPersonId?: string | null;
  note?: string | null;
}

export const householdKeys = {
  all: ['households'] as const,
  list: (filter: PlaceFilter) => ['households', 'list', filter] as const,
  detail: (id: string) => ['households', 'detail', id] as const,
  clans: (filter: PlaceFilter) => ['households', 'clans', filter] as const,
  clan: (id: string) => ['households', 'clan', id] as const,
};

const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;
const clanPath = (id: string) => `/clans/${encodeURIComponent(id)}`;

export function useHouseholds(filter: PlaceFilter, enabled = true) {
  return useQuery({
    queryKey: householdKeys.list(filter),
    queryFn: ({ signal }) => api.get<CappedPage<HouseholdSummary>>(`/households${query({ ...filter })}`, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: householdKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<HouseholdDetail>(householdPath(id ?? ''), signal),
    enabled: !!id,
  });
}

export function useClans(filter: PlaceFilter) {
  return useQuery({
    queryKey: householdKeys.clans(filter),
    queryFn: ({ signal }) => api.get<CappedPage<ClanSummary>>(`/clans${query({ ...filter })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClan(id: string | undefined) {
  return useQuery({
    queryKey: householdKeys.clan(id ?? ''),
    queryFn: ({ signal }) => api.get<ClanDetail>(clanPath(id ?? ''), signal),
    enabled: !!id,
  });
}

/** Households, clans and the people in them change together. */
function useHouseholdMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: householdKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['people'] }),
      ]),
  });
}

export const useCreateHousehold = () =>
  useHouseholdMutation((body: NewHouseholdBody) => api.post<HouseholdDetail>('/households', body));

export const useUpdateHousehold = () =>
  useHouseholdMutation(({ id, body }: { id: string; body: HouseholdChangeBody }) =>
    api.patch<HouseholdDetail>(householdPath(id), body),
  );

export const useCreateClan = () => useHouseholdMutation((body: ClanBody) => api.post<ClanDetail>('/clans', body));

export const useUpdateClan = () =>
  useHouseholdMutation(({ id, body }: { id: string; body: ClanBody }) => api.patch<ClanDetail>(clanPath(id), body));

export const useAddClanHousehold = () =>
  useHouseholdMutation(({ clanId, householdId }: { clanId: string; householdId: string }) =>
    api.post<ClanDetail>(`${clanPath(clanId)}/households`, { householdId }),
  );

export const useRemoveClanHousehold = () =>
  useHouseholdMutation(({ clanId, householdId }: { clanId: string; householdId: string }) =>
    api.delete<ClanDetail>(`${clanPath(clanId)}/households/${encodeURIComponent(householdId)}`),
  );
