import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { listItems, type ListBody } from '../../lib/list-items.ts';
import type { Network } from './network-types.ts';

/** Networks Plume can publish to, with this server's setup state. */
export const networksQueryOptions = queryOptions({
  queryKey: ['networks'],
  queryFn: async () => listItems(await api.get<ListBody<Network>>('/networks')),
  staleTime: 5 * 60_000,
});
