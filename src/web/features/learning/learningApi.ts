import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE, query } from '../../app/api';
import type {
  BulkRecordBody,
  LearningRecordPage,
  LearningRecordView,
  LearningSummary,
  MandatoryCatalogue,
  MandatoryTrainingEntry,
  MyLearningYear,
  RecordFieldsBody,
  RecordKind,
  RecordStatus,
  SummaryIndicator,
  SummaryMembersPage,
} from '../../../shared/learning';

/** The part of GET /study-plans/mine this feature reads: the member and their current unit. */
interface MemberOfYear {
  member: { personId: string; fullName: string; org: { id: string; name: string }; position: string | null } | null;
}

/**
 * The learning-record API (src/server/modules/learningRecord/learningRecord.routes.ts): my records
 * and what I owe, the records of a subtree to verify, one training for many, evidence files, the
 * mandatory-training catalogue, and the shares the seeds target with the members behind them.
 */

export const learningKeys = {
  all: ['learning'] as const,
  mine: (year: number) => ['learning', 'mine', year] as const,
  me: (year: number) => ['learning', 'member', year] as const,
  list: (filter: RecordFilter, page: number, pageSize: number) => ['learning', 'list', filter, page, pageSize] as const,
  catalogue: (orgId: string) => ['learning', 'catalogue', orgId] as const,
  summary: (orgId: string, year: number) => ['learning', 'summary', orgId, year] as const,
  members: (q: SummaryMembersQuery, page: number, pageSize: number) => ['learning', 'summaryMembers', q, page, pageSize] as const,
};

export interface RecordFilter {
  orgId: string;
  year?: number;
  kind?: RecordKind;
  status?: RecordStatus;
  q?: string;
}

export interface SummaryMembersQuery {
  orgId: string;
  year: number;
  indicator: SummaryIndicator;
  met: boolean;
  /** One unit directly under orgId; none: all. */
  childId?: string;
}

const recordPath = (id: string) => `/learning-records/${encodeURIComponent(id)}`;

/** Where the browser opens an evidence file (the session cookie authorises it). */
export const evidenceHref = (recordId: string, fileId: string) =>
  `${API_BASE}${recordPath(recordId)}/evidence/${encodeURIComponent(fileId)}`;

/** My records of a year and the mandatory trainings I owe; staleTime 0: a reviewer may act meanwhile. */
export function useMyLearning(year: number) {
  return useQuery({
    queryKey: learningKeys.mine(year),
    queryFn: ({ signal }) => api.get<MyLearningYear>(`/learning-records/mine${query({ year })}`, signal),
    staleTime: 0,
  });
}

/** Who I am as a member (my current unit), from the study-plan API; member null: no staff record. */
export function useMyMembership(year: number) {
  return useQuery({
    queryKey: learningKeys.me(year),
    queryFn: ({ signal }) => api.get<MemberOfYear>(`/study-plans/mine${query({ year })}`, signal),
    select: (data) => data.member,
    staleTime: 5 * 60_000,
  });
}

export function useRecords(filter: RecordFilter | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: learningKeys.list(filter ?? { orgId: '' }, page, pageSize),
    queryFn: ({ signal }) => api.get<LearningRecordPage>(`/learning-records${query({ ...filter, page, pageSize })}`, signal),
    enabled: !!filter,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Mandatory trainings that apply in a subtree (to pick the one a record fulfils). */
export function useCatalogue(orgId: string | undefined) {
  return useQuery({
    queryKey: learningKeys.catalogue(orgId ?? ''),
    queryFn: ({ signal }) => api.get<MandatoryCatalogue>(`/mandatory-trainings${query({ orgId })}`, signal),
    enabled: !!orgId,
    staleTime: 5 * 60_000,
  });
}

/** What POST/PUT /mandatory-trainings take (orgId null: the whole deployment, system administrators). */
export interface MandatoryTrainingBody {
  orgId: string | null;
  code: string;
  title: string;
  kind: RecordKind;
  hoursPerYear: number;
  categories: string[];
  leadersOnly: boolean;
  legalBasis: string | null;
  retired: boolean;
}

/** Adds an entry to the catalogue (no id), changes one, retires or restores it; every picker's list follows. */
export function useSaveMandatoryTraining() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: MandatoryTrainingBody }) =>
      id ? api.put<MandatoryTrainingEntry>(`/mandatory-trainings/${encodeURIComponent(id)}`, body) : api.post<MandatoryTrainingEntry>('/mandatory-trainings', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['learning', 'catalogue'] }),
        queryClient.invalidateQueries({ queryKey: ['imports', 'mandatory-trainings'] }),
        queryClient.invalidateQueries({ queryKey: ['learning', 'mine'] }),
        queryClient.invalidateQueries({ queryKey: ['learning', 'summary'] }),
      ]),
  });
}

export function useLearningSummary(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: learningKeys.summary(orgId ?? '', year),
    queryFn: ({ signal }) => api.get<LearningSummary>(`/learning-records/summary${query({ orgId, year })}`, signal),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useSummaryMembers(q: SummaryMembersQuery | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: learningKeys.members(q ?? { orgId: '', year: 0, indicator: 'planApproved', met: true }, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<SummaryMembersPage>(`/learning-records/summary/members${query({ ...q, met: String(q?.met), page, pageSize })}`, signal),
    enabled: !!q,
    placeholderData: keepPreviousData,
  });
}

/** A change to a record refreshes my year, the lists and the shares. */
function useLearningMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learningKeys.all }),
  });
}

export const useCreateRecord = () =>
  useLearningMutation((body: RecordFieldsBody & { personId?: string }) => api.post<LearningRecordView>('/learning-records', body));

export const useUpdateRecord = () =>
  useLearningMutation(({ id, body }: { id: string; body: RecordFieldsBody }) => api.put<LearningRecordView>(recordPath(id), body));

export const useDeleteRecord = () => useLearningMutation((id: string) => api.delete<void>(recordPath(id)));

export const useVerifyRecord = () =>
  useLearningMutation(({ id, decision, reason }: { id: string; decision: 'verified' | 'rejected'; reason?: string }) =>
    api.post<LearningRecordView>(`${recordPath(id)}/verify`, { decision, reason: reason ?? null }),
  );

export const useBulkRecord = () =>
  useLearningMutation((body: BulkRecordBody) => api.post<{ created: number; batchId: string }>('/learning-records/bulk', body));

/** Uploads one evidence file (multipart field "file"); answers the record with its evidence. */
export const useUploadEvidence = () =>
  useLearningMutation(({ id, file }: { id: string; file: File }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<LearningRecordView>(`${recordPath(id)}/evidence`, form);
  });

export const useRemoveEvidence = () =>
  useLearningMutation(({ id, fileId }: { id: string; fileId: string }) =>
    api.delete<void>(`${recordPath(id)}/evidence/${encodeURIComponent(fileId)}`),
  );
