import { queryOptions } from '@tanstack/react-query';
import { preferencesSchema, profileSchema } from '@plume/contract/me/me-schemas';
import { api } from '../../lib/api.ts';

/** The signed-in user's profile, including `isInstanceAdmin`. */
export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: () => api.get('/me', profileSchema),
  staleTime: 60_000,
});

/** The signed-in user's preferences. */
export const preferencesQueryOptions = queryOptions({
  queryKey: ['me', 'preferences'],
  queryFn: () => api.get('/me/preferences', preferencesSchema),
  staleTime: 60_000,
});
