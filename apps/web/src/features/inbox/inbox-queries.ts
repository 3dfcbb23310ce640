/** The inbox API as the page reads it: paths, query keys and query options (docs/inbox.md). */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  conversationDetailSchema,
  conversationPageSchema,
  inboxStatsSchema,
  savedReplySchema,
} from '@plume/contract/inbox/inbox-schemas';
import { inboxSettingsSchema } from '@plume/contract/inbox/reply-schemas';
import { itemsOf } from '@plume/contract/wire';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { listQueryString, type InboxFilters } from './inbox-filters.ts';

const savedReplyList = itemsOf(savedReplySchema);

/** How many conversations a page of the list holds. */
export const LIST_PAGE_SIZE = 50;

/** The inbox changes under the team's eyes: coming back to it always reads it again (the app's default waits 10 s). */
const LIVE_STALE_MS = 0;

/** Every inbox query of a workspace starts with this key: a live update refreshes them all at once. */
export const inboxKey = (workspaceId: string) => ['workspaces', workspaceId, 'inbox'] as const;

/** `/workspaces/{id}/inbox` plus `rest`. */
export const inboxPath = (workspaceId: string, rest = '') => `${workspacePath(workspaceId)}/inbox${rest}`;

/** `/workspaces/{id}/inbox/conversations/{conversationId}` plus `rest`. */
export const conversationPath = (workspaceId: string, conversationId: string, rest = '') =>
  inboxPath(workspaceId, `/conversations/${encodeURIComponent(conversationId)}${rest}`);

/** Conversations matching the filters, newest first, a page at a time. */
export function conversationListOptions(workspaceId: string, filters: InboxFilters) {
  return infiniteQueryOptions({
    queryKey: [...inboxKey(workspaceId), 'conversations', filters],
    queryFn: ({ pageParam }) =>
      api.get(
        inboxPath(
          workspaceId,
          `/conversations?${listQueryString(filters, { limit: LIST_PAGE_SIZE, cursor: pageParam || undefined })}`,
        ),
        conversationPageSchema,
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: LIVE_STALE_MS,
  });
}

/** One conversation with its items, post, notes and replies. */
export function conversationQueryOptions(workspaceId: string, conversationId: string) {
  return queryOptions({
    queryKey: [...inboxKey(workspaceId), 'conversation', conversationId],
    queryFn: () => api.get(conversationPath(workspaceId, conversationId), conversationDetailSchema),
    staleTime: LIVE_STALE_MS,
  });
}

/** Per account: open, unread, response time, last read; and the workspace's tags. */
export function inboxStatsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...inboxKey(workspaceId), 'stats'],
    queryFn: () => api.get(inboxPath(workspaceId, '/stats'), inboxStatsSchema),
    staleTime: LIVE_STALE_MS,
  });
}

/** The workspace's saved replies. */
export function savedRepliesQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...inboxKey(workspaceId), 'saved-replies'],
    queryFn: async () => (await api.get(inboxPath(workspaceId, '/saved-replies'), savedReplyList)).items,
  });
}

/** The workspace's inbox settings (AI, spam, disclosed automation). */
export function inboxSettingsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...inboxKey(workspaceId), 'settings'],
    queryFn: () => api.get(inboxPath(workspaceId, '/settings'), inboxSettingsSchema),
  });
}
