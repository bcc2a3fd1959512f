import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CriteriaSetDocument } from '../../../shared/criteria';
import type { CalendarView, CriteriaDiff, CriteriaSetDetail, CriteriaSetItem, CriteriaVersionView } from '../../../shared/api-types';
import { API_BASE, api, query } from '../../app/api';

export const criteriaKeys = {
  all: ['criteria'] as const,
  list: (title: string | undefined, q: string) => ['criteria', 'list', title ?? '', q] as const,
  set: (id: string) => ['criteria', 'set', id] as const,
  version: (id: string) => ['criteria', 'version', id] as const,
  diff: (from: string, to: string) => ['criteria', 'diff', from, to] as const,
  calendar: (orgId: string) => ['calendar', orgId] as const,
};

export type VersionView = CriteriaVersionView<CriteriaSetDocument>;

export function useCriteriaSets(title: string | undefined, q: string) {
  return useQuery({
    queryKey: criteriaKeys.list(title, q),
    queryFn: ({ signal }) => api.get<{ items: CriteriaSetItem[] }>(`/criteria-sets${query({ title, q })}`, signal),
    select: (data) => data.items,
  });
}

export function useCriteriaSet(id: string) {
  return useQuery({ queryKey: criteriaKeys.set(id), queryFn: ({ signal }) => api.get<CriteriaSetDetail>(`/criteria-sets/${id}`, signal) });
}

export function useCriteriaVersion(id: string | null | undefined) {
  return useQuery({
    queryKey: criteriaKeys.version(id ?? ''),
    queryFn: ({ signal }) => api.get<VersionView>(`/criteria-set-versions/${id}`, signal),
    enabled: !!id,
  });
}

export function useCriteriaDiff(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: criteriaKeys.diff(from ?? '', to ?? ''),
    queryFn: ({ signal }) => api.get<CriteriaDiff>(`/criteria-sets/diff${query({ from, to })}`, signal),
    enabled: !!from && !!to && from !== to,
  });
}

/** Every criteria query is refreshed after a change (lists, sets, versions are few). */
function useInvalidateCriteria() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: criteriaKeys.all });
}

export function useCopySet() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ id, orgId, code }: { id: string; orgId: string | null; code?: string }) => api.post<CriteriaSetItem>(`/criteria-sets/${id}/copy`, { orgId, ...(code ? { code } : {}) }),
    onSuccess: invalidate,
  });
}

export function useSaveDraft(setId: string) {
  const invalidate = useInvalidateCriteria();
  return useMutation({ mutationFn: (document: unknown) => api.put<VersionView>(`/criteria-sets/${setId}/draft`, { document }), onSuccess: invalidate });
}

export function usePublish(setId: string) {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: (body: { effectiveFrom: string; note?: string | null }) => api.post<VersionView>(`/criteria-sets/${setId}/publish`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteDraft(setId: string) {
  const invalidate = useInvalidateCriteria();
  return useMutation({ mutationFn: () => api.delete<void>(`/criteria-sets/${setId}/draft`), onSuccess: invalidate });
}

export function useImportSet() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ file, orgId }: { file: File; orgId: string | null }) => {
      const form = new FormData();
      if (orgId) form.append('orgId', orgId);
      form.append('file', file);
      return api.upload<{ created: boolean; set: CriteriaSetItem }>('/criteria-sets/import', form);
    },
    onSuccess: invalidate,
  });
}

/** The download address of a version's JSON file (a plain link: the session cookie goes with it). */
export const exportUrl = (versionId: string) => `${API_BASE}/criteria-set-versions/${versionId}/export`;

export function useCalendar(orgId: string | undefined) {
  return useQuery({
    queryKey: criteriaKeys.calendar(orgId ?? ''),
    queryFn: ({ signal }) => api.get<CalendarView>(`/calendar-dates${query({ orgId })}`, signal),
    enabled: !!orgId,
  });
}

export function useSaveCalendarDate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { orgId: string; key: string; month: number; day: number; yearOffset: number; label: string }) => api.put<CalendarView>('/calendar-dates', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useResetCalendarDate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orgId, key }: { orgId: string; key: string }) => api.delete<void>(`/calendar-dates${query({ orgId, key })}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
