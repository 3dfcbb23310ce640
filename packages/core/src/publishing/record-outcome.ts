/**
 * Writes what happened to a publish attempt: the target's new state, the attempt row, the post's
 * history, throttles learnt from the network, the next try when there is one, and the post's
 * summary state. One transaction, so a crash leaves the attempt open (→ `unconfirmed`), never half-done.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { posts, postTargets, publishAttempts } from '@plume/db/schema/publishing';
import { networkThrottles, socialAccounts } from '@plume/db/schema/social';
import type { PublishResult } from '@plume/networks/contract';
import { nextState, summarizeTargets } from '../posts/post-machine.ts';
import { enqueuePublishJobs } from './publish-queue.ts';
import { recordPostEvent, SYSTEM_ACTOR } from './post-events.ts';

export type Outcome =
  | { kind: 'published'; result: PublishResult; warning?: string; durationMs: number }
  | { kind: 'retry'; reason: string; durationMs: number }
  | { kind: 'rate_limited'; retryAfterMs: number; scope: 'account' | 'app'; durationMs: number }
  | { kind: 'failed'; failureKind: string; reason: string; durationMs: number }
  | { kind: 'unknown'; reason: string; durationMs: number };

/** Transient failures are retried this many times (with backoff) before the target fails. */
export const MAX_RETRIES = 4;
/** Rate-limit waits do not count as failures, but a target gives up after this many attempts in all. */
export const MAX_ATTEMPTS = 25;

/** 30 s, 1 min, 2 min, 4 min… with ±20% jitter, at most 30 minutes. */
export function retryDelayMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** (retry - 1), 30 * 60_000);
  return Math.round(base * (0.8 + random() * 0.4));
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export async function recordOutcome(
  deps: { db: Database },
  input: { targetId: string; attemptId: string; postId: string; outcome: Outcome },
): Promise<void> {
  const { outcome, targetId } = input;
  await deps.db.transaction(async (tx) => {
    const [target] = await tx.select().from(postTargets).where(eq(postTargets.id, targetId)).for('update');
    if (target === undefined) return;
    const now = new Date();
    const attemptOutcome = outcome.kind === 'unknown' ? 'unknown' : outcome.kind === 'published' ? 'published' : outcome.kind === 'failed' ? 'failed' : outcome.kind;
    await tx
      .update(publishAttempts)
      .set({ outcome: attemptOutcome, finishedAt: now, durationMs: outcome.durationMs, detail: 'reason' in outcome ? outcome.reason : outcome.kind === 'published' ? (outcome.warning ?? null) : null })
      .where(eq(publishAttempts.id, input.attemptId));
    const event = (type: string, toState: string, detail: Record<string, unknown>) =>
      recordPostEvent(tx, { postId: target.postId, targetId, actor: SYSTEM_ACTOR, type, fromState: target.state, toState, detail: { network: target.network, ...detail } });

    switch (outcome.kind) {
      case 'published':
        // Truth wins: even a target the sweep had marked unconfirmed is published when the answer arrives.
        await tx
          .update(postTargets)
          .set({
            state: 'published',
            remoteId: outcome.result.remoteId,
            remoteUrl: outcome.result.url,
            extra: [...outcome.result.extra],
            publishedAt: now,
            // A thread reply or first comment that did not go out is kept as a warning on the published target.
            failureKind: outcome.warning === undefined ? null : 'partly_published',
            failureReason: outcome.warning ?? null,
            nextAttemptAt: null,
            updatedAt: now,
          })
          .where(eq(postTargets.id, targetId));
        await event('target_published', 'published', { url: outcome.result.url, ...(outcome.warning === undefined ? {} : { warning: outcome.warning }) });
        break;
      case 'retry': {
        const retries = target.retries + 1;
        if (retries > MAX_RETRIES || target.attempts >= MAX_ATTEMPTS) {
          await fail(tx, target, 'network_unavailable', `The network kept failing (${outcome.reason}). Try again later.`);
          await event('target_failed', 'failed', { reason: outcome.reason });
          break;
        }
        const at = new Date(now.getTime() + retryDelayMs(retries));
        await retryAt(tx, targetId, at, { retries });
        await event('target_retry_scheduled', 'pending', { reason: outcome.reason, at: at.toISOString() });
        break;
      }
      case 'rate_limited': {
        const at = new Date(now.getTime() + Math.max(1000, outcome.retryAfterMs));
        if (outcome.scope === 'app') {
          await tx.insert(networkThrottles).values({ network: target.network, until: at }).onConflictDoUpdate({ target: networkThrottles.network, set: { until: at, updatedAt: now } });
        } else {
          await tx.update(socialAccounts).set({ rateLimitedUntil: at, updatedAt: now }).where(eq(socialAccounts.id, target.accountId));
        }
        if (target.attempts >= MAX_ATTEMPTS) {
          await fail(tx, target, 'rate_limited', 'The network kept asking us to slow down. Try again later.');
          await event('target_failed', 'failed', {});
          break;
        }
        await retryAt(tx, targetId, at, {});
        await event('target_rate_limited', 'pending', { scope: outcome.scope, at: at.toISOString() });
        break;
      }
      case 'failed':
        await fail(tx, target, outcome.failureKind, outcome.reason);
        await event('target_failed', 'failed', { kind: outcome.failureKind, reason: outcome.reason });
        break;
      case 'unknown': {
        const reason = `We could not tell whether the network published this (${outcome.reason}). Check the account: confirm it if the post is there, otherwise retry.`;
        await tx.update(postTargets).set({ state: 'unconfirmed', failureKind: 'unknown_outcome', failureReason: reason, updatedAt: now }).where(eq(postTargets.id, targetId));
        await event('target_unconfirmed', 'unconfirmed', { reason: outcome.reason });
        break;
      }
    }
    await summarizePost(tx, target.postId);
  });
}

async function fail(tx: Tx, target: typeof postTargets.$inferSelect, failureKind: string, reason: string): Promise<void> {
  await tx
    .update(postTargets)
    .set({ state: 'failed', failureKind, failureReason: reason, nextAttemptAt: null, updatedAt: new Date() })
    .where(eq(postTargets.id, target.id));
}

async function retryAt(tx: Tx, targetId: string, at: Date, extra: { retries?: number }): Promise<void> {
  await tx.update(postTargets).set({ state: 'pending', nextAttemptAt: at, updatedAt: new Date(), ...extra }).where(eq(postTargets.id, targetId));
  await enqueuePublishJobs(tx, [{ targetId, runAt: at }]);
}

/** Moves the post to the state its targets add up to, once none is left to publish. */
export async function summarizePost(tx: Tx, postId: string): Promise<void> {
  const [post] = await tx.select().from(posts).where(eq(posts.id, postId)).for('update');
  if (post === undefined || (post.state !== 'publishing' && post.state !== 'scheduled')) return;
  const targets = await tx.select({ state: postTargets.state }).from(postTargets).where(eq(postTargets.postId, postId));
  const summary = summarizeTargets(targets.map((target) => target.state));
  if (summary === 'publishing') return;
  const transition = nextState(post.state, { type: 'finish_publishing', outcome: summary }, { approvalRequired: false, canApprove: false, hasTime: true, system: true });
  if (!transition.ok || transition.state === post.state) return;
  await tx.update(posts).set({ state: transition.state, updatedAt: new Date(), version: post.version + 1 }).where(eq(posts.id, postId));
  await recordPostEvent(tx, { postId, actor: SYSTEM_ACTOR, type: 'state_changed', fromState: post.state, toState: transition.state });
}
