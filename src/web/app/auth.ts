import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './api';
import type { Me, PasswordPolicy, Session } from './types';

export const meKey = ['auth', 'me'] as const;
export const setupKey = ['setup'] as const;

/** The logged-in user, or null. */
async function fetchMe(): Promise<Me | null> {
  try {
    const session = await api.get<Session>('/auth/me');
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get<{ needed: boolean }>('/setup'),
    staleTime: Infinity,
  });
}

export function usePasswordPolicy() {
  return useQuery({
    queryKey: ['auth', 'password-policy'],
    queryFn: () => api.get<PasswordPolicy>('/auth/password-policy'),
    staleTime: Infinity,
  });
}

/** Records a fresh session (after login or setup). */
export function startSession(queryClient: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(meKey, session.user);
}

/** Forgets everything the previous user saw. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
  queryClient.setQueryData(meKey, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { login: string; password: string }) => api.post<Session>('/auth/login', body),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup' });
      startSession(queryClient, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => endSession(queryClient),
  });
}

export function hasPermission(me: Me | null | undefined, permission: string): boolean {
  return !!me?.permissions.includes(permission);
}

/** Holds one of the permissions somewhere (a page several permissions open, such as the imports). */
export function hasAnyPermission(me: Me | null | undefined, permissions: string | readonly string[]): boolean {
  return (typeof permissions === 'string' ? [permissions] : permissions).some((p) => hasPermission(me, p));
}
