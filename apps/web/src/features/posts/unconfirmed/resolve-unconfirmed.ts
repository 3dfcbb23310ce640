import {
  resolveUnconfirmedResponse,
  type Resolution,
  type ResolvedPost,
} from '@plume/contract/posts/resolve-unconfirmed-schemas';
import { api } from '../../../lib/api.ts';
import { postsPath } from '../posts-query.ts';

/** Resolves many unconfirmed posts in one call; the answer holds one result per post. */
export function resolveUnconfirmed(workspaceId: string, postIds: string[], resolution: Resolution) {
  return api.post(`${postsPath(workspaceId)}/resolve-unconfirmed`, { postIds, resolution }, resolveUnconfirmedResponse);
}

/** What happened, in words: how many went which way. */
export function describeResolved(results: readonly ResolvedPost[], resolution: Resolution): string {
  const done = results.filter((result) => result.ok).length;
  const posts = (count: number) => `${count} ${count === 1 ? 'post' : 'posts'}`;
  if (done === 0) return '';
  return resolution === 'published' ? `${posts(done)} marked published.` : `${posts(done)} going out now.`;
}
