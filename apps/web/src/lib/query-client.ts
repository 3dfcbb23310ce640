import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';

function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/**
 * The app's QueryClient. A query answering 401 means the session ended elsewhere:
 * `onUnauthorized` sends the person back to sign in. (Mutations are left alone: a failed
 * sign-in also answers 401.) 4xx answers are not retried; they will not change by retrying.
 */
export function createQueryClient(onUnauthorized: () => void): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (!(error instanceof ApiError) || error.status !== 401) return;
        queryClient.removeQueries({ queryKey: ['session'] });
        onUnauthorized();
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
        staleTime: 10_000,
      },
    },
  });
  return queryClient;
}
