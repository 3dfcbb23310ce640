import { api } from '../../../lib/api.ts';
import { postsPath } from '../posts-query.ts';
import type { PostState } from '../post-types.ts';

/** `published`: it is on the network, mark it so. `republish`: it is not, publish it now. */
export type UnconfirmedResolution = 'published' | 'republish';

export type ResolvedPost =
  | { postId: string; ok: true; state: PostState }
  | { postId: string; ok: false; code: string; message: string };

/** Resolves many unconfirmed posts in one call; the answer holds one result per post. */
export function resolveUnconfirmed(workspaceId: string, postIds: string[], resolution: UnconfirmedResolution): Promise<{ results: ResolvedPost[] }> {
  return api.post<{ results: ResolvedPost[] }>(`${postsPath(workspaceId)}/resolve-unconfirmed`, { postIds, resolution });
}

/** What happened, in words: how many went which way. */
export function describeResolved(results: readonly ResolvedPost[], resolution: UnconfirmedResolution): string {
  const done = results.filter((result) => result.ok).length;
  const posts = (count: number) => `${count} ${count === 1 ? 'post' : 'posts'}`;
  if (done === 0) return '';
  return resolution === 'published' ? `${posts(done)} marked published.` : `${posts(done)} going out now.`;
}
