import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE, query } from '../../app/api';
import type { AssessmentInputs, LearningTitle, SubjectKind } from '../../../shared/criteria';
import type {
  RecognitionDecisionView,
  RecognitionView,
  RegistrationState,
  TitleAssessmentView,
  TitleRegistrationDetail,
  TitleRegistrationPage,
  TitleRegistrationRow,
  TitleSummary,
} from '../../app/types';
import { fileUrl } from '../jobs/jobApi';

/**
 * The recognition API (src/server/modules/recognition/recognition.routes.ts): registrations and
 * their cases (assessments, acts, history), the unit's figures, decisions and recognitions.
 */

export const titleKeys = {
  all: ['titles'] as const,
  list: (filter: RegistrationFilter, page: number, pageSize: number) => ['titles', 'list', filter, page, pageSize] as const,
  detail: (id: string) => ['titles', 'detail', id] as const,
  mine: (year: number) => ['titles', 'mine', year] as const,
  summary: (orgId: string, year: number, title?: string) => ['titles', 'summary', orgId, year, title ?? ''] as const,
  decisions: (filter: DecisionFilter) => ['titles', 'decisions', filter] as const,
  decision: (id: string) => ['titles', 'decision', id] as const,
  recognitions: (filter: RecognitionFilter, page: number, pageSize: number) => ['titles', 'recognitions', filter, page, pageSize] as const,
};

export interface RegistrationFilter {
  orgId: string;
  year: number;
  title?: LearningTitle;
  state?: RegistrationState;
  citizenGroup?: string;
  q?: string;
}

export interface DecisionFilter {
  orgId?: string;
  year?: number;
  title?: LearningTitle;
}

export interface RecognitionFilter extends DecisionFilter {
  state?: 'valid' | 'revoked' | 'expired';
  q?: string;
}

export interface RegisterBody {
  year: number;
  title: LearningTitle;
  subjectKind: SubjectKind;
  subjectIds: string[];
  citizenGroup?: string;
}

export interface AssessmentBody {
  criteriaVersionId?: string;
  attributes: string[];
  inputs: AssessmentInputs;
  comment?: string | null;
}

export interface DecisionBody {
  orgId: string;
  year: number;
  title: LearningTitle;
  issuingBody: string;
  number?: string | null;
  signedOn?: string | null;
  signerName?: string | null;
  signerPosition?: string | null;
  registrationIds: string[];
}

const registrationPath = (id: string) => `/titles/registrations/${encodeURIComponent(id)}`;
const decisionPath = (id: string) => `/titles/decisions/${encodeURIComponent(id)}`;

/** Where the browser opens a recognition's certificate (the session cookie authorises it). */
export const certificateHref = (recognitionId: string) => `${API_BASE}/titles/recognitions/${encodeURIComponent(recognitionId)}/certificate`;
/** The public verification page of a certificate code. */
export const verifyHref = (code: string) => `/verify/${encodeURIComponent(code)}`;

export function useRegistrations(filter: RegistrationFilter | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: titleKeys.list(filter ?? { orgId: '', year: 0 }, page, pageSize),
    queryFn: ({ signal }) => api.get<TitleRegistrationPage>(`/titles/registrations${query({ ...filter, page, pageSize })}`, signal),
    enabled: !!filter,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useRegistration(id: string | undefined) {
  return useQuery({
    queryKey: titleKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<TitleRegistrationDetail>(registrationPath(id ?? ''), signal),
    enabled: !!id,
    staleTime: 0,
  });
}

/** My registrations and recognitions; `person`: the person record my account is linked to, when the server says. */
export interface MyTitles {
  items: TitleRegistrationRow[];
  person: { id: string; fullName: string; citizenGroup?: string | null } | null;
}

/** GET /titles/registrations/mine: an array, or `{ items, person? }`. */
export function useMyRegistrations(year: number) {
  return useQuery({
    queryKey: titleKeys.mine(year),
    queryFn: ({ signal }) => api.get<TitleRegistrationRow[] | Partial<MyTitles>>(`/titles/registrations/mine${query({ year })}`, signal),
    select: (data): MyTitles => (Array.isArray(data) ? { items: data, person: null } : { items: data.items ?? [], person: data.person ?? null }),
    staleTime: 0,
  });
}

export function useTitleSummary(orgId: string | undefined, year: number, title?: string) {
  return useQuery({
    queryKey: titleKeys.summary(orgId ?? '', year, title),
    queryFn: ({ signal }) => api.get<TitleSummary>(`/titles/summary${query({ orgId, year, title })}`, signal),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useDecisions(filter: DecisionFilter, enabled = true) {
  return useQuery({
    queryKey: titleKeys.decisions(filter),
    queryFn: ({ signal }) =>
      api.get<RecognitionDecisionView[] | { items: RecognitionDecisionView[] }>(`/titles/decisions${query({ ...filter })}`, signal),
    select: (data) => (Array.isArray(data) ? data : data.items),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useDecision(id: string | undefined) {
  return useQuery({
    queryKey: titleKeys.decision(id ?? ''),
    queryFn: ({ signal }) => api.get<RecognitionDecisionView>(decisionPath(id ?? ''), signal),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useRecognitions(filter: RecognitionFilter, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: titleKeys.recognitions(filter, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<{ items: RecognitionView[]; total: number } | RecognitionView[]>(`/titles/recognitions${query({ ...filter, page, pageSize })}`, signal),
    select: (data) => (Array.isArray(data) ? { items: data, total: data.length } : data),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Any change refreshes every title query (lists, figures, the case, mine). */
function useTitlesMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: titleKeys.all }),
  });
}

/** One subject: POST /titles/registrations; several: the all-or-nothing bulk endpoint. */
export const useRegister = () =>
  useTitlesMutation(async ({ subjectIds, ...rest }: RegisterBody): Promise<{ created: number; alreadyRegistered: number; id?: string }> => {
    if (subjectIds.length === 1) {
      const one = await api.post<{ id: string } | { registration: { id: string } }>('/titles/registrations', { ...rest, subjectId: subjectIds[0] });
      const id = 'registration' in one ? one.registration.id : one.id;
      return { created: 1, alreadyRegistered: 0, id };
    }
    const bulk = await api.post<{ created: number | unknown[]; alreadyRegistered: number | unknown[] }>('/titles/registrations/bulk', { ...rest, subjectIds });
    const count = (v: number | unknown[]) => (Array.isArray(v) ? v.length : v);
    return { created: count(bulk.created), alreadyRegistered: count(bulk.alreadyRegistered) };
  });

export const useSaveAssessment = () =>
  useTitlesMutation(({ id, stage, body }: { id: string; stage: 'self' | 'review'; body: AssessmentBody }) =>
    api.put<TitleAssessmentView>(`${registrationPath(id)}/assessments/${stage}`, body),
  );

export type CaseAct = 'submit' | 'accept' | 'return' | 'reject' | 'withdraw';

export const useCaseAct = () =>
  useTitlesMutation(({ id, act, comment }: { id: string; act: CaseAct; comment?: string | null }) => {
    if (act === 'submit') return api.post<unknown>(`${registrationPath(id)}/submit`, {});
    if (act === 'withdraw') return api.post<unknown>(`${registrationPath(id)}/withdraw`, { reason: comment ?? '' });
    return api.post<unknown>(`${registrationPath(id)}/review`, { act, comment: comment ?? '' });
  });

export const useReviewMany = () =>
  useTitlesMutation((registrationIds: string[]) =>
    api.post<{ accepted?: number; reviewed?: number; count?: number }>('/titles/registrations/review-bulk', { registrationIds, act: 'accept' }),
  );

export const useCreateDecision = () => useTitlesMutation((body: DecisionBody) => api.post<RecognitionDecisionView>('/titles/decisions', body));

export const useUpdateDecision = () =>
  useTitlesMutation(({ id, body }: { id: string; body: Partial<DecisionBody> }) => api.put<RecognitionDecisionView>(decisionPath(id), body));

export const useIssueDecision = () => useTitlesMutation((id: string) => api.post<RecognitionDecisionView>(`${decisionPath(id)}/issue`, {}));

export const useRevokeRecognition = () =>
  useTitlesMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post<RecognitionView>(`/titles/recognitions/${encodeURIComponent(id)}/revoke`, { reason }),
  );

/** A Word document generated on the server (kept and audited), then downloaded. */
export const useTitleDocument = () =>
  useMutation({
    mutationFn: (path: string) => api.post<{ fileId: string; name: string }>(path, {}),
    onSuccess: ({ fileId }) => window.location.assign(fileUrl(fileId)),
  });
export const registrationDocumentPath = (id: string) => `${registrationPath(id)}/document`;
export const decisionDocumentPath = (id: string) => `${decisionPath(id)}/document`;
