import { infiniteQueryOptions } from '@tanstack/react-query';
import { mailSchema } from '@plume/contract/admin/outbox-schemas';
import { pageOf } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';

const outboxPage = pageOf(mailSchema);

const pageSize = 25;

/** The outbox, newest first, one page per "Load more". */
export const outboxQueryOptions = infiniteQueryOptions({
  queryKey: ['admin', 'outbox'],
  initialPageParam: '',
  queryFn: ({ pageParam }) => {
    const query = new URLSearchParams({ limit: String(pageSize) });
    if (pageParam) query.set('cursor', pageParam);
    return api.get(`/admin/outbox?${query.toString()}`, outboxPage);
  },
  getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
});
