import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/list-items.ts';

/** A mail kept in the dev outbox (instances without SMTP). */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
}

const pageSize = 25;

/** The outbox, newest first, one page per "Load more". */
export const outboxQueryOptions = infiniteQueryOptions({
  queryKey: ['admin', 'outbox'],
  initialPageParam: '',
  queryFn: ({ pageParam }) => {
    const query = new URLSearchParams({ limit: String(pageSize) });
    if (pageParam) query.set('cursor', pageParam);
    return api.get<Page<OutboxMail>>(`/admin/outbox?${query.toString()}`);
  },
  getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
});
