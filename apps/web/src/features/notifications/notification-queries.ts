import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  notificationPageSchema,
  notificationPreferencesSchema,
  unreadCountSchema,
} from '@plume/contract/notifications/notification-schemas';
import { api } from '../../lib/api.ts';

/** Every notification query of a workspace starts with this key: a new notification refreshes them all. */
export const notificationsKey = (workspaceId: string) => ['workspaces', workspaceId, 'notifications'] as const;

export const unreadCountQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: [...notificationsKey(workspaceId), 'unread-count'],
    queryFn: () => api.get(`/workspaces/${workspaceId}/notifications/unread-count`, unreadCountSchema),
  });

/** Newest first, a page at a time (`unreadOnly`: only the unread ones). */
export const notificationListOptions = (workspaceId: string, input: { unreadOnly: boolean; limit: number }) =>
  infiniteQueryOptions({
    queryKey: [...notificationsKey(workspaceId), 'list', input],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(input.limit) });
      if (input.unreadOnly) query.set('unread', 'true');
      if (pageParam) query.set('cursor', pageParam);
      return api.get(`/workspaces/${workspaceId}/notifications?${query.toString()}`, notificationPageSchema);
    },
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const notificationPreferencesQueryOptions = queryOptions({
  queryKey: ['me', 'notification-preferences'],
  queryFn: () => api.get('/me/notification-preferences', notificationPreferencesSchema),
  staleTime: 60_000,
});
