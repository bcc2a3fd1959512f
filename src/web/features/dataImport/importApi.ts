import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE, query } from '../../app/api';
import type { ImportAnalysis, ImportColumn, ImportField, ImportIssue, ImportKind, ImportPreviewRow, ImportSettings, ImportState, ImportSummary, ImportTraining, ImportRegistration, ImportView, Page } from '../../app/types';

/** What the wizard imports (the server's import kinds). */
export const IMPORT_KINDS: readonly ImportKind[] = ['staff', 'residents', 'orgs', 'attendance', 'titleRegistration'];

export const isImportKind = (value: string | undefined): value is ImportKind => IMPORT_KINDS.includes(value as ImportKind);

export type Duplicates = ImportSettings['duplicates'];
export type { ImportAnalysis, ImportColumn, ImportField, ImportIssue, ImportKind, ImportSettings, ImportState, ImportSummary, ImportTraining, ImportRegistration, ImportView };
export type PreviewRow = ImportPreviewRow;

export const BUSY_STATES: readonly ImportState[] = ['analysing', 'checking', 'importing'];

export const importKeys = {
  all: ['imports'] as const,
  list: (page: number) => ['imports', 'list', page] as const,
  one: (id: string) => ['imports', 'one', id] as const,
  preview: (id: string) => ['imports', 'preview', id] as const,
  issues: (id: string, page: number, pageSize: number) => ['imports', 'issues', id, page, pageSize] as const,
};

const importPath = (id: string) => `/imports/${encodeURIComponent(id)}`;

export const templateUrl = (kind: ImportKind) => `${API_BASE}/imports/templates/${kind}`;

export function useImports(page: number, pageSize = 10) {
  return useQuery({
    queryKey: importKeys.list(page),
    queryFn: ({ signal }) => api.get<Page<ImportView>>(`/imports${query({ page, pageSize })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** One import, polled every second while a job works on it. */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<ImportView>(importPath(id ?? ''), signal),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && !BUSY_STATES.includes(q.state.data.state) ? false : 1000),
    refetchIntervalInBackground: true,
  });
}

/** The first rows as they will be saved (after the check). `version` refetches after a new check. */
export function useImportPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.preview(id),
    queryFn: ({ signal }) => api.get<{ items: PreviewRow[] }>(`${importPath(id)}/preview`, signal),
    enabled,
    staleTime: 0,
    select: (data) => data.items,
  });
}

export function useImportIssues(id: string, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.issues(id, page, pageSize),
    queryFn: ({ signal }) => api.get<Page<ImportIssue>>(`${importPath(id)}/issues${query({ page, pageSize })}`, signal),
    enabled,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** Every step answers the import as it now is: keep it, and let the lists catch up. */
function useImportStep<TVars>(fn: (vars: TVars) => Promise<ImportView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (view) => {
      queryClient.setQueryData(importKeys.one(view.id), view);
      await queryClient.invalidateQueries({ queryKey: importKeys.all, predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}

export const useUploadImport = () =>
  useImportStep(({ kind, orgId, file }: { kind: ImportKind; orgId: string; file: File }) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('orgId', orgId);
    form.append('file', file, file.name);
    return api.upload<ImportView>('/imports', form);
  });

export const useConfigureImport = () =>
  useImportStep(({ id, settings }: { id: string; settings: ImportSettings }) =>
    api.put<ImportView>(`${importPath(id)}/settings`, settings),
  );

/** A mandatory training of the catalogue that applies in a unit (GET /mandatory-trainings?orgId=). */
export interface MandatoryTrainingOption {
  id: string;
  code: string;
  title: string;
  kind: string;
  hoursPerYear: number;
  retiredAt: string | null;
}

/** The mandatory trainings in force an attendance list can count for, in the import's unit. */
export function useMandatoryTrainings(orgId: string | undefined) {
  return useQuery({
    queryKey: ['imports', 'mandatory-trainings', orgId ?? ''] as const,
    queryFn: ({ signal }) => api.get<{ items: MandatoryTrainingOption[] }>(`/mandatory-trainings${query({ orgId })}`, signal),
    enabled: !!orgId,
    select: (data) => data.items.filter((e) => !e.retiredAt),
  });
}

export const useCommitImport = () => useImportStep(({ id }: { id: string }) => api.post<ImportView>(`${importPath(id)}/commit`));
