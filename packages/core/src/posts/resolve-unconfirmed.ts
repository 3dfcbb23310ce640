/**
 * Resolves many unconfirmed posts at once, after the person checked the network: "it was published"
 * (`confirm` with `published: true`) or "not published — publish now" (`republish`). Each post is its
 * own transaction with its own answer, so one that moved on meanwhile (someone resolved it, or it
 * cannot go out as it is) never stops the others.
 */
import type { PostState } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import type { PostActor } from './approval-settings.ts';
import { actOnPost, type PostDeps, type UserAction } from './manage-posts.ts';

export type UnconfirmedResolution = 'published' | 'republish';

export type ResolvedPost =
  { postId: string; ok: true; state: PostState } | { postId: string; ok: false; code: string; message: string };

export async function resolveUnconfirmedPosts(
  deps: PostDeps,
  input: { workspaceId: string; actor: PostActor; postIds: readonly string[]; resolution: UnconfirmedResolution },
): Promise<ResolvedPost[]> {
  const action: UserAction =
    input.resolution === 'published' ? { type: 'confirm', published: true } : { type: 'republish' };
  const results: ResolvedPost[] = [];
  for (const postId of new Set(input.postIds)) {
    try {
      const state = await actOnPost(deps, { workspaceId: input.workspaceId, postId, actor: input.actor, action });
      results.push({ postId, ok: true, state });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message =
        error.errors !== undefined && error.errors.length > 0
          ? error.errors.map((item) => item.message).join(' ')
          : (error.detail ?? error.message);
      results.push({ postId, ok: false, code: error.code, message });
    }
  }
  return results;
}
