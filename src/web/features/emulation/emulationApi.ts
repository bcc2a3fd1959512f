import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { EmulationView } from '../../app/types';

export interface EmulationTitle {
  code: string;
  nameVi: string;
  nameEn: string;
  rank: number;
}

export interface EmulationCatalogue {
  individual: EmulationTitle[];
  collective: EmulationTitle[];
  discipline: { code: string; nameVi: string; nameEn: string }[];
  source: string;
}

export interface EmulationBody {
  titleCode: string | null;
  discipline: string | null;
  note?: string | null;
}

/** The titles and discipline standings of the emulation rules (TT 24/2023 and its successors). */
export function useEmulationCatalogue() {
  return useQuery({
    queryKey: ['emulation', 'catalogue'],
    queryFn: ({ signal }) => api.get<EmulationCatalogue>('/emulation/catalogue', signal),
    staleTime: 60 * 60_000,
  });
}

/** A year's result of a person or a unit; refreshes what shows it. */
function useEmulationMutation<TVars>(fn: (vars: TVars) => Promise<EmulationView>, refresh: readonly string[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: refresh }),
  });
}

export const useSetPersonEmulation = () =>
  useEmulationMutation(
    ({ id, year, body }: { id: string; year: number; body: EmulationBody }) =>
      api.put<EmulationView>(`/people/${encodeURIComponent(id)}/emulation/${year}`, body),
    ['people'],
  );

/** A unit's collective titles, year by year. */
export function useOrgEmulation(orgId: string) {
  return useQuery({
    queryKey: ['orgs', 'emulation', orgId],
    queryFn: ({ signal }) => api.get<{ items: EmulationView[] }>(`/orgs/${encodeURIComponent(orgId)}/emulation`, signal),
    select: (data) => data.items,
  });
}

export const useSetOrgEmulation = () =>
  useEmulationMutation(
    ({ id, year, body }: { id: string; year: number; body: { titleCode: string | null; note?: string | null } }) =>
      api.put<EmulationView>(`/orgs/${encodeURIComponent(id)}/emulation/${year}`, body),
    ['orgs'],
  );
