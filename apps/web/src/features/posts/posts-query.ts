import { queryOptions } from '@tanstack/react-query';
import { postDetailSchema, postPageSchema, type PostActionBody } from '@plume/contract/posts/post-schemas';
import type { UpdatePostBody } from '@plume/contract/posts/post-input';
import type { PostState } from '@plume/contract/posts/post-states';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

/** Path of a workspace's posts, or of one post. */
export function postsPath(workspaceId: string, postId?: string): string {
  const base = `${workspacePath(workspaceId)}/posts`;
  return postId ? `${base}/${encodeURIComponent(postId)}` : base;
}

/** Posts, newest first; or, with from/to, those scheduled in that range. */
export function postsQueryOptions(
  workspaceId: string,
  filter: { state?: PostState; accountId?: string; from?: string; to?: string } = {},
) {
  const params = new URLSearchParams({ limit: '200' });
  if (filter.state) params.set('state', filter.state);
  if (filter.accountId) params.set('accountId', filter.accountId);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'posts', filter],
    queryFn: () => api.get(`${postsPath(workspaceId)}?${params.toString()}`, postPageSchema),
  });
}

/** One post with its targets, history and issues. */
export function postQueryOptions(workspaceId: string, postId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'posts', 'detail', postId],
    queryFn: () => api.get(postsPath(workspaceId, postId), postDetailSchema),
  });
}

/** Runs one action on a post. */
export function actOnPost(workspaceId: string, postId: string, action: PostActionBody) {
  return api.post(`${postsPath(workspaceId, postId)}/actions`, action, postDetailSchema);
}

/** Edits a post (only the fields sent); `version` is the one the person saw, so a newer one answers 409. */
export function patchPost(workspaceId: string, postId: string, changes: UpdatePostBody) {
  return api.patch(postsPath(workspaceId, postId), changes, postDetailSchema);
}

/** The query key prefix shared by every posts query of a workspace. */
export function postsKey(workspaceId: string): string[] {
  return ['workspaces', workspaceId, 'posts'];
}
