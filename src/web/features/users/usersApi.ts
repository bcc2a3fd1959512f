import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import { meKey } from '../../app/auth';
import { pickName, useLang } from '../../app/i18n';
import type { Page, Role, UserSummary } from '../../app/types';

export const userKeys = {
  all: ['users'] as const,
  list: (filter: UserFilter) => ['users', 'list', filter] as const,
  roles: ['roles'] as const,
};

export interface UserFilter {
  orgId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: userKeys.list(filter),
    queryFn: ({ signal }) => api.get<Page<UserSummary>>(`/users${query({ ...filter })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: userKeys.roles,
    queryFn: () => api.get<{ items: Role[] }>('/roles'),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

/** The name of a role in the current language. */
export function useRoleName(): (code: string) => string {
  const { lang } = useLang();
  const roles = useRoles();
  return (code: string) => {
    const role = roles.data?.find((r) => r.code === code);
    return role ? pickName(lang, role) : code;
  };
}

function useUserMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      // A change to one's own grants changes one's menus too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]);
    },
  });
}

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

export interface NewUserBody {
  login: string;
  displayName: string;
  homeOrgId: string;
  password: string;
}

export const useCreateUser = () => useUserMutation((body: NewUserBody) => api.post<UserSummary>('/users', body));

export const useUpdateUser = () =>
  useUserMutation(
    ({ id, body }: { id: string; body: { displayName?: string; homeOrgId?: string; disabled?: boolean } }) =>
      api.patch<UserSummary>(userPath(id), body),
  );

export const useResetPassword = () =>
  useUserMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    api.post<void>(`${userPath(id)}/reset-password`, { newPassword }),
  );

export const useGrantRole = () =>
  useUserMutation(({ id, orgId, role }: { id: string; orgId: string; role: string }) =>
    api.post<UserSummary>(`${userPath(id)}/grants`, { orgId, role }),
  );

export const useRemoveGrant = () =>
  useUserMutation(({ id, grantId }: { id: string; grantId: string }) =>
    api.delete<UserSummary>(`${userPath(id)}/grants/${encodeURIComponent(grantId)}`),
  );
