import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import { fileUrl } from '../jobs/jobApi';
import type {
  LearningYearRecord,
  MyPlanYear,
  PlanAct,
  PlanContent,
  PlanLine,
  PlanMembersPage,
  PlanReport,
  PlanState,
  PlanSummary,
  PlanTemplateView,
  PlanView,
} from '../../../shared/studyPlan';

/**
 * The self-study plan API (src/server/modules/studyPlan/studyPlan.routes.ts): the member's own
 * year and plan, one plan with the acts the viewer may do, the unit's queue and roll-up, bulk
 * approval, reminders, and the learning year a unit opens.
 */

export const planKeys = {
  all: ['studyPlans'] as const,
  mine: (year: number) => ['studyPlans', 'mine', year] as const,
  detail: (id: string) => ['studyPlans', 'detail', id] as const,
  members: (filter: PlanMembersFilter, page: number, pageSize: number) => ['studyPlans', 'members', filter, page, pageSize] as const,
  summary: (orgId: string, year: number) => ['studyPlans', 'summary', orgId, year] as const,
  years: (orgId: string) => ['studyPlans', 'learningYears', orgId] as const,
  templates: (orgId: string) => ['studyPlans', 'templates', orgId] as const,
};

export interface PlanMembersFilter {
  orgId: string;
  year: number;
  state?: PlanState | 'none';
  q?: string;
}

/** What PUT /study-plans/:id takes: new lines come without an id. */
export type PlanContentBody = Omit<PlanContent, 'lines'> & { lines: (Omit<PlanLine, 'id'> & { id?: string })[] };

export interface LearningYearBody {
  orgId: string;
  year: number;
  startsOn?: string;
  endsOn?: string;
  planDeadline: string;
  reportDeadline: string;
}

const planPath = (id: string) => `/study-plans/${encodeURIComponent(id)}`;

/** The member's plan of a year; staleTime 0: a plan moves when someone else acts on it. */
export function useMyPlan(year: number) {
  return useQuery({
    queryKey: planKeys.mine(year),
    queryFn: ({ signal }) => api.get<MyPlanYear>(`/study-plans/mine${query({ year })}`, signal),
    staleTime: 0,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<PlanView>(planPath(id ?? ''), signal),
    enabled: !!id,
    staleTime: 0,
  });
}

export function usePlanMembers(filter: PlanMembersFilter | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: planKeys.members(filter ?? { orgId: '', year: 0 }, page, pageSize),
    queryFn: ({ signal }) => api.get<PlanMembersPage>(`/study-plans${query({ ...filter, page, pageSize })}`, signal),
    enabled: !!filter,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function usePlanSummary(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: planKeys.summary(orgId ?? '', year),
    queryFn: ({ signal }) => api.get<PlanSummary>(`/study-plans/summary${query({ orgId, year })}`, signal),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Learning years the unit opened itself (not those it follows from above). */
export function useLearningYears(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: planKeys.years(orgId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: LearningYearRecord[] }>(`/learning-years${query({ orgId })}`, signal),
    select: (data) => data.items,
    enabled: !!orgId && enabled,
  });
}

/**
 * A change to a plan: the answer (the plan as it now stands) goes into the cache of the plan, and
 * every list and count is refreshed.
 */
function usePlanMutation<TVars>(fn: (vars: TVars) => Promise<PlanView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      queryClient.setQueryData<MyPlanYear>(planKeys.mine(plan.year), (mine) => (mine && mine.plan?.id === plan.id ? { ...mine, plan } : mine));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['studyPlans', 'members'] }),
        queryClient.invalidateQueries({ queryKey: ['studyPlans', 'summary'] }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
}

export function useStartPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; from: 'blank' | 'previous' | 'template'; templateId?: string }) => api.post<PlanView>('/study-plans', body),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: planKeys.mine(plan.year) });
    },
  });
}

export const useSavePlan = () => usePlanMutation(({ id, content }: { id: string; content: PlanContentBody }) => api.put<PlanView>(planPath(id), content));

export const useSaveReport = () => usePlanMutation(({ id, report }: { id: string; report: PlanReport }) => api.put<PlanView>(`${planPath(id)}/report`, report));

export const usePlanAct = () =>
  usePlanMutation(({ id, act, comment }: { id: string; act: PlanAct; comment?: string | null }) =>
    api.post<PlanView>(`${planPath(id)}/${act}`, comment ? { comment } : {}),
  );

/** Approves several submitted plans at once: all or none (the error names the member whose plan cannot be). */
export function useApproveMany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { planIds: string[]; comment?: string | null }) => api.post<{ approved: number }>('/study-plans/approve', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}

/** Reminds the members of a subtree who have not yet sent a plan. */
export const useRemind = () =>
  useMutation({
    mutationFn: (body: { orgId: string; year: number; personIds?: string[] }) =>
      api.post<{ reminded: number; withoutAccount: number }>('/study-plans/remind', body),
  });

export function useSaveLearningYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LearningYearBody) => api.put<LearningYearRecord>('/learning-years', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}

/** The plan as a Word file in the official layout: generated on the server (kept and audited), then downloaded. */
export const usePlanDocument = () =>
  useMutation({
    mutationFn: (id: string) => api.post<{ fileId: string; name: string }>(`${planPath(id)}/document`, {}),
    onSuccess: ({ fileId }) => window.location.assign(fileUrl(fileId)),
  });

/** What POST/PUT /plan-templates take. */
export interface PlanTemplateBody {
  orgId: string;
  year: number;
  title: string;
  positions: string[];
  content: PlanContentBody;
}

/** Templates a unit published itself (every year; the screen shows one). */
export function usePlanTemplates(orgId: string | undefined) {
  return useQuery({
    queryKey: planKeys.templates(orgId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: PlanTemplateView[] }>(`/plan-templates${query({ orgId })}`, signal),
    select: (data) => data.items,
    enabled: !!orgId,
  });
}

/** Publishes a template (no id) or changes one; members' "start from a template" lists follow. */
export function useSavePlanTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: PlanTemplateBody }) =>
      id ? api.put<PlanTemplateView>(`/plan-templates/${encodeURIComponent(id)}`, body) : api.post<PlanTemplateView>('/plan-templates', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['studyPlans', 'templates'] }),
  });
}

export function useDeletePlanTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/plan-templates/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['studyPlans', 'templates'] }),
  });
}
