/**
 * The "next free slot" action on a post: find the slot (see posting-slots.ts) for the post's
 * accounts, then schedule there through the ordinary `schedule` action, so the state machine,
 * publishability checks, jobs and history are exactly those of scheduling by hand.
 */
import { and, eq } from 'drizzle-orm';
import { posts, postTargets, type PostState } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import type { PostActor } from '../posts/approval-settings.ts';
import { actOnPost, type PostDeps } from '../posts/manage-posts.ts';
import { findNextFreeSlot } from './posting-slots.ts';

export async function scheduleAtNextSlot(
  deps: PostDeps,
  input: { workspaceId: string; postId: string; actor: PostActor; zone: string; now: Date },
): Promise<PostState> {
  const [post] = await deps.db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.workspaceId, input.workspaceId), eq(posts.id, input.postId)));
  if (post === undefined) throw AppError.notFound('post');
  const targets = await deps.db
    .select({ accountId: postTargets.accountId })
    .from(postTargets)
    .where(eq(postTargets.postId, post.id));
  if (targets.length === 0)
    throw new AppError('no_free_slot', { detail: 'This post has no accounts yet; add one before picking a slot.' });
  const { at } = await findNextFreeSlot(deps.db, {
    workspaceId: input.workspaceId,
    accountIds: targets.map((target) => target.accountId),
    zone: input.zone,
    after: input.now,
    now: input.now,
    excludePostId: post.id,
  });
  return actOnPost(deps, {
    workspaceId: input.workspaceId,
    postId: post.id,
    actor: input.actor,
    action: { type: 'schedule', scheduledAt: at.toISOString() },
  });
}
