import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE, query } from '../../app/api';
import type { AssessmentInputs, LearningTitle, SubjectAttribute, SubjectKind } from '../../../shared/criteria';
import type {
  MyTitleRegistrations,
  Page,
  RecognitionDecisionRow,
  RecognitionDecisionView,
  RecognitionPage,
  RecognitionView,
  RegistrationState,
  TitleAssessmentView,
  TitleRegistrationDetail,
  TitleRegistrationPage,
  TitleRegistrationView,
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
  attributes: SubjectAttribute[];
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

/** Where the browser opens a recognition's certificate PDF (the session cookie authorises it). */
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

/** GET /titles/registrations/mine: the person my account is linked to, and their cases (all years when `year` is absent). */
export function useMyRegistrations(year?: number) {
  return useQuery({
    queryKey: titleKeys.mine(year ?? 0),
    queryFn: ({ signal }) => api.get<MyTitleRegistrations>(`/titles/registrations/mine${query({ year })}`, signal),
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
      api.get<Page<RecognitionDecisionRow>>(`/titles/decisions${query({ ...filter, pageSize: 200 })}`, signal),
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
      api.get<RecognitionPage>(`/titles/recognitions${query({ ...filter, page, pageSize })}`, signal),
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
      const one = await api.post<TitleRegistrationView>('/titles/registrations', { ...rest, subjectId: subjectIds[0] });
      return { created: 1, alreadyRegistered: 0, id: one.id };
    }
    return api.post<{ created: number; alreadyRegistered: number }>('/titles/registrations/bulk', { ...rest, subjectIds });
  });

export const useSaveAssessment = () =>
  useTitlesMutation(({ id, stage, body }: { id: string; stage: 'self' | 'review'; body: AssessmentBody }) =>
    api.put<TitleAssessmentView>(`${registrationPath(id)}/assessments/${stage}`, body),
  );

export type CaseAct = 'submit' | 'accept' | 'return' | 'reject' | 'withdraw';

export const useCaseAct = () =>
  useTitlesMutation(({ id, act, comment }: { id: string; act: CaseAct; comment?: string | null }) => {
    if (act === 'submit') return api.post<TitleRegistrationView>(`${registrationPath(id)}/submit`, {});
    if (act === 'withdraw') return api.post<TitleRegistrationView>(`${registrationPath(id)}/withdraw`, { reason: comment ?? null });
    return api.post<TitleRegistrationView>(`${registrationPath(id)}/review`, { act, comment: comment ?? null });
  });

export const useReviewMany = () =>
  useTitlesMutation((registrationIds: string[]) =>
    api.post<{ accepted: number }>('/titles/registrations/review-bulk', { registrationIds, act: 'accept' }),
  );

export const useCreateDecision = () => useTitlesMutation((body: DecisionBody) => api.post<RecognitionDecisionView>('/titles/decisions', body));

export const useUpdateDecision = () =>
  useTitlesMutation(({ id, body }: { id: string; body: Partial<DecisionBody> }) => api.put<RecognitionDecisionView>(decisionPath(id), body));

export const useIssueDecision = () => useTitlesMutation((id: string) => api.post<RecognitionDecisionView>(`${decisionPath(id)}/issue`, {}));

export const useRevokeRecognition = () =>
  useTitlesMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post<Pick<RecognitionView, 'id' | 'registrationId' | 'outcome' | 'validFrom' | 'validUntil' | 'revokedAt' | 'revokeReason'>>(`/titles/recognitions/${encodeURIComponent(id)}/revoke`, { reason }),
  );

/** A Word document generated on the server (kept and audited), then downloaded. */
export const useTitleDocument = () =>
  useMutation({
    mutationFn: (path: string) => api.post<{ fileId: string; name: string }>(path, {}),
    onSuccess: ({ fileId }) => window.location.assign(fileUrl(fileId)),
  });
export const registrationDocumentPath = (id: string) => `${registrationPath(id)}/document`;
export const decisionDocumentPath = (id: string) => `${decisionPath(id)}/document`;
