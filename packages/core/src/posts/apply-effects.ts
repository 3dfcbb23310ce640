/**
 * Carries out what the state machine asked for, inside the caller's transaction: approval lock,
 * publishing jobs, failed or unconfirmed targets back in the queue.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@plume/db/client';
import { type posts, postTargets } from '@plume/db/schema/publishing';
import { dequeuePublishJobs, enqueuePublishJobs } from '../publishing/publish-queue.ts';
import { contentHash } from './content-hash.ts';
import type { PostEffect } from '@plume/contract/posts/post-machine';

type PostRow = typeof posts.$inferSelect;

export async function applyEffects(
  tx: Tx,
  post: PostRow,
  effects: readonly PostEffect[],
  approverId: string | null,
): Promise<Partial<PostRow>> {
  const changes: Partial<PostRow> = {};
  const targets = await tx.select().from(postTargets).where(eq(postTargets.postId, post.id));
  for (const effect of effects) {
    switch (effect) {
      case 'lock':
        changes.approvedHash = contentHash(post.content, targets);
        changes.approvedScheduledAt = post.scheduledAt;
        changes.approvedBy = approverId;
        changes.approvedAt = new Date();
        break;
      case 'unlock':
        changes.approvedHash = null;
        changes.approvedScheduledAt = null;
        changes.approvedBy = null;
        changes.approvedAt = null;
        break;
      case 'dequeue':
        await dequeuePublishJobs(
          tx,
          targets.map((target) => target.id),
        );
        break;
      case 'requeue_failed':
      case 'requeue_unconfirmed': {
        const from = effect === 'requeue_failed' ? 'failed' : 'unconfirmed';
        const again = targets.filter((target) => target.state === from).map((target) => target.id);
        if (again.length > 0) {
          await tx
            .update(postTargets)
            .set({
              state: 'pending',
              retries: 0,
              failureKind: null,
              failureReason: null,
              nextAttemptAt: null,
              updatedAt: new Date(),
            })
            .where(inArray(postTargets.id, again));
        }
        await enqueuePending(tx, post.id, post.scheduledAt, again);
        break;
      }
      case 'enqueue':
        await enqueuePending(tx, post.id, post.scheduledAt);
        break;
    }
  }
  return changes;
}

/** Jobs for every pending target at the post's time (or now, for targets just put back). */
async function enqueuePending(
  tx: Tx,
  postId: string,
  scheduledAt: Date | null,
  runNow: readonly string[] = [],
): Promise<void> {
  const pending = await tx
    .select({ id: postTargets.id })
    .from(postTargets)
    .where(and(eq(postTargets.postId, postId), eq(postTargets.state, 'pending')));
  const now = new Date();
  const at = scheduledAt === null || scheduledAt < now ? now : scheduledAt;
  await enqueuePublishJobs(
    tx,
    pending.map((target) => ({ targetId: target.id, runAt: runNow.includes(target.id) ? now : at })),
  );
}
