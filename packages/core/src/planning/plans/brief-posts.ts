/**
 * A brief's draft post follows the brief, always through the post state machine (manage-posts.ts), so
 * approval rules and content locking apply: moving a brief moves its post's time (beyond 30 minutes an
 * approved post goes back to review unless the mover may approve), dropping or rejecting it withdraws the post.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import type { BriefState } from '@plume/db/schema/planning';
import { posts } from '@plume/db/schema/publishing';
import type { PostActor } from '../../posts/approval-settings.ts';
import { actOnPost, updatePost, type PostDeps } from '../../posts/manage-posts.ts';

async function postOf(db: Pick<Database, 'select'>, workspaceId: string, postId: string) {
  const [row] = await db
    .select({ state: posts.state, version: posts.version })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  return row;
}

/** The brief's state that matches its post's: a moved post may have gone back to review. */
export async function briefStateOfPost(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  postId: string,
): Promise<BriefState | null> {
  const state = (await postOf(db, workspaceId, postId))?.state;
  if (state === 'scheduled' || state === 'approved') return state;
  return state === 'draft' || state === 'in_review' ? 'drafted' : null;
}

/** Gives the post the brief's new time (or none). A post past scheduling (publishing, published…) is left alone. */
export async function movePost(
  deps: PostDeps,
  input: { workspaceId: string; postId: string; slot: Date | null; actor: PostActor },
): Promise<void> {
  const post = await postOf(deps.db, input.workspaceId, input.postId);
  if (!post) return;
  const act = (action: Parameters<typeof actOnPost>[1]['action']) =>
    actOnPost(deps, { workspaceId: input.workspaceId, postId: input.postId, actor: input.actor, action });
  if (post.state === 'approved' || post.state === 'scheduled') {
    if (input.slot !== null) await act({ type: 'schedule', scheduledAt: input.slot.toISOString() });
    else if (post.state === 'scheduled') await act({ type: 'unschedule' });
    return;
  }
  if (post.state === 'draft' || post.state === 'in_review' || post.state === 'rejected') {
    await updatePost(deps, {
      workspaceId: input.workspaceId,
      postId: input.postId,
      actor: input.actor,
      changes: { version: post.version, scheduledAt: input.slot === null ? null : input.slot.toISOString() },
    });
  }
}

/**
 * Takes the post out of the way: in review and the actor may approve → rejected with the reason (it
 * shows in the post's history); a scheduled one is unscheduled first; anything still cancellable → cancelled.
 */
export async function withdrawPost(
  deps: PostDeps,
  input: { workspaceId: string; postId: string; actor: PostActor; reason: string; canReject: boolean },
): Promise<void> {
  const post = await postOf(deps.db, input.workspaceId, input.postId);
  if (!post) return;
  const act = (action: Parameters<typeof actOnPost>[1]['action']) =>
    actOnPost(deps, { workspaceId: input.workspaceId, postId: input.postId, actor: input.actor, action });
  if (post.state === 'in_review' && input.canReject) {
    await act({ type: 'reject', reason: input.reason });
    return;
  }
  if (post.state === 'scheduled') await act({ type: 'unschedule' });
  if (['draft', 'in_review', 'approved', 'scheduled'].includes(post.state)) await act({ type: 'cancel' });
}
