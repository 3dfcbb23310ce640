import { queryOptions } from '@tanstack/react-query';
import { postPageSchema } from '@plume/contract/posts/post-schemas';
import { api } from '../../lib/api.ts';
import { postsKey, postsPath } from '../posts/posts-query.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead "Next up" looks; the calendar shows the rest. */
export const UPCOMING_DAYS = 30;

function postsQuery(workspaceId: string, name: string, params: () => Record<string, string>) {
  return queryOptions({
    // Under the posts key, so every change to a post refreshes the dashboard too.
    queryKey: [...postsKey(workspaceId), 'dashboard', name],
    queryFn: () => api.get(`${postsPath(workspaceId)}?${new URLSearchParams(params()).toString()}`, postPageSchema),
  });
}

/** Scheduled posts (and those being sent) of the next 30 days, read with the clock of the fetch. */
export function upcomingQueryOptions(workspaceId: string) {
  return postsQuery(workspaceId, 'upcoming', () => {
    const now = Date.now();
    return {
      state: 'scheduled,publishing',
      from: new Date(now - DAY_MS).toISOString(),
      to: new Date(now + UPCOMING_DAYS * DAY_MS).toISOString(),
      limit: '500',
    };
  });
}

/** The latest published posts (newest first; the dashboard orders them by publish time). */
export function recentQueryOptions(workspaceId: string) {
  return postsQuery(workspaceId, 'recent', () => ({ state: 'published', limit: '20' }));
}

/** Failed and unconfirmed posts: each needs a person. */
export function attentionQueryOptions(workspaceId: string) {
  return postsQuery(workspaceId, 'attention', () => ({ state: 'failed,unconfirmed', limit: '50' }));
}
