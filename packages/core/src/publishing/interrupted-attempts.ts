/**
 * A target left `publishing` by a worker that stopped (crash, kill, lost machine). What happened
 * depends on whether its request could have left:
 * - the call never started (`publish_attempts.call_started_at` is null: the worker died while the
 *   target waited for a network slot, read its token or built the request): the network cannot have
 *   the post, so the target goes back to pending and is published once, as if nothing happened;
 * - the call had started: nobody knows whether the network got the post, so it becomes `unconfirmed`
 *   and a person checks the account (never re-sent blindly).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@plume/db/client';
import { postTargets, publishAttempts } from '@plume/db/schema/publishing';
import { recordPostEvent, SYSTEM_ACTOR } from './post-events.ts';
import { summarizePost } from './record-outcome.ts';
import { UNCONFIRMED_ADVICE } from './unconfirmed-advice.ts';
import { notifyTargetTrouble } from '../notifications/notify-events.ts';

type TargetRow = typeof postTargets.$inferSelect;

export type Interrupted = { kind: 'alive' } | { kind: 'unconfirmed' } | { kind: 'requeued'; target: TargetRow };

/**
 * For a job that finds its target `publishing`: leaves it to a live worker, requeues it (call never
 * started: the caller may claim it again in the same transaction), or settles it `unconfirmed`.
 */
export async function settleInterrupted(
  tx: Tx,
  input: { target: TargetRow; staleRunnerSeconds: number },
): Promise<Interrupted> {
  const { target } = input;
  const [attempt] = await tx
    .select()
    .from(publishAttempts)
    .where(and(eq(publishAttempts.targetId, target.id), eq(publishAttempts.attemptNo, target.attempts)));
  if (attempt !== undefined && attempt.outcome === null) {
    const alive = await tx.execute<{ alive: boolean }>(sql`
      SELECT EXISTS (
        SELECT 1 FROM worker_heartbeats
        WHERE worker_id = ${attempt.runnerId}
          AND last_seen_at > now() - make_interval(secs => ${input.staleRunnerSeconds})
      ) AS alive`);
    if (alive.rows[0]?.alive === true) return { kind: 'alive' };
    const pending = attempt.callStartedAt === null ? await requeueUnsent(tx, target, attempt.id) : undefined;
    if (pending !== undefined) return { kind: 'requeued', target: pending };
  }
  await markUnconfirmed(tx, target, attempt?.id);
  return { kind: 'unconfirmed' };
}

/**
 * If the attempt's call never started, closes it as `not_sent` and makes the target pending again;
 * returns the target, or undefined when the call had started. The attempt is closed in the same
 * statement that checks `call_started_at`, and `markCallStarted` only marks an open attempt: a worker
 * wrongly thought dead can therefore never send a target that was given back (no double publish).
 */
export async function requeueUnsent(tx: Tx, target: TargetRow, attemptId: string): Promise<TargetRow | undefined> {
  const now = new Date();
  const closed = await tx
    .update(publishAttempts)
    .set({ outcome: 'not_sent', finishedAt: now, detail: 'worker stopped before calling the network' })
    .where(
      and(eq(publishAttempts.id, attemptId), isNull(publishAttempts.outcome), isNull(publishAttempts.callStartedAt)),
    )
    .returning({ id: publishAttempts.id });
  if (closed.length === 0) return undefined;
  const [pending] = await tx
    .update(postTargets)
    .set({ state: 'pending', updatedAt: now })
    .where(eq(postTargets.id, target.id))
    .returning();
  const reason = 'Publishing was interrupted before anything was sent; it goes out again.';
  await recordPostEvent(tx, {
    postId: target.postId,
    targetId: target.id,
    actor: SYSTEM_ACTOR,
    type: 'target_requeued',
    fromState: 'publishing',
    toState: 'pending',
    detail: { reason },
  });
  return pending ?? { ...target, state: 'pending', updatedAt: now };
}

/** Settles a target whose publish call was cut off: the user checks the network and resolves it. */
export async function markUnconfirmed(tx: Tx, target: TargetRow, attemptId: string | undefined): Promise<void> {
  const now = new Date();
  const reason = `Publishing was interrupted after the request may have reached the network. ${UNCONFIRMED_ADVICE}`;
  if (attemptId !== undefined) {
    await tx
      .update(publishAttempts)
      .set({ outcome: 'unknown', finishedAt: now, detail: 'worker stopped during the call' })
      .where(eq(publishAttempts.id, attemptId));
  }
  await tx
    .update(postTargets)
    .set({ state: 'unconfirmed', failureKind: 'unknown_outcome', failureReason: reason, updatedAt: now })
    .where(eq(postTargets.id, target.id));
  await recordPostEvent(tx, {
    postId: target.postId,
    targetId: target.id,
    actor: SYSTEM_ACTOR,
    type: 'target_unconfirmed',
    fromState: 'publishing',
    toState: 'unconfirmed',
    detail: { reason },
  });
  await notifyTargetTrouble(tx, { targetId: target.id, state: 'unconfirmed', reason });
  await summarizePost(tx, target.postId);
}
