import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Me, Preferences } from './account-types.ts';

/** The signed-in user's profile, including `isInstanceAdmin`. */
export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: () => api.get<Me>('/me'),
  staleTime: 60_000,
});

/** The signed-in user's preferences. */
export const preferencesQueryOptions = queryOptions({
  queryKey: ['me', 'preferences'],
  queryFn: () => api.get<Preferences>('/me/preferences'),
  staleTime: 60_000,
});
