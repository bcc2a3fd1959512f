import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';
import { endSession, meKey } from './auth';

function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED';
}

/** Server state cache. A lost session anywhere sends the user back to the login page. */
export function createQueryClient(): QueryClient {
  // Only a user who was logged in can lose the session (the session expired or was ended).
  const sessionLost = (error: unknown) => isUnauthenticated(error) && !!client.getQueryData(meKey);
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, q) => {
        if (q.queryKey[0] !== 'auth' && sessionLost(error)) endSession(client);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (sessionLost(error)) endSession(client);
      },
    }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        retry: (failures, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failures < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}
