import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { SessionInfo } from './auth-types.ts';

/** The current session, or null when signed out; the app layout guards on it. */
export const sessionQueryOptions = queryOptions({
  queryKey: ['session'],
  queryFn: async () => (await api.get<SessionInfo | null>('/auth/get-session')) ?? null,
  staleTime: 30_000,
});
