import { queryOptions } from '@tanstack/react-query';
import { sessionInfoSchema } from '@plume/contract/auth/session-schemas';
import { api } from '../../lib/api.ts';

/** The current session, or null when signed out; the app layout guards on it. */
export const sessionQueryOptions = queryOptions({
  queryKey: ['session'],
  queryFn: async () => (await api.get('/auth/get-session', sessionInfoSchema)) ?? null,
  staleTime: 30_000,
});
