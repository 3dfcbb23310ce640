import { queryOptions } from '@tanstack/react-query';
import { networkSchema } from '@plume/contract/networks/network-schemas';
import { itemsOf } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';

const networkList = itemsOf(networkSchema);

/** Networks Plume can publish to, with this server's setup state. */
export const networksQueryOptions = queryOptions({
  queryKey: ['networks'],
  queryFn: async () => (await api.get('/networks', networkList)).items,
  staleTime: 5 * 60_000,
});
