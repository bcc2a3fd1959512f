import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { Lang } from '../../../shared/i18n';
import type { AuditPage, Job } from '../../app/types';

/** Filters of the audit log, as the API takes them (from/to: yyyy-mm-dd, Vietnam days). */
export interface AuditFilter {
  orgId?: string;
  userId?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>(`/audit${query({ ...filter, cursor: pageParam, limit: AUDIT_PAGE_SIZE })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAuditExport() {
  return useMutation({
    // `language` picks the language of the Excel file's headings.
    mutationFn: ({ filter, language }: { filter: AuditFilter; language: Lang }) =>
      api.post<Job>('/audit/export', { ...filter, language }),
  });
}
