/**
 * Writes what happened to a publish attempt: the target's new state, the attempt row, the post's
 * history, throttles learnt from the network, the next try when there is one, and the post's
 * summary state. One transaction, so a crash leaves the attempt open (→ `unconfirmed`), never half-done.
 */
import { eq, sql } from 'drizzle-orm';
import type { FailureKind, PostEventType, TargetState } from '@plume/contract/posts/post-states';
import type { Database, Tx } from '@plume/db/client';
import { postTargets, type PostState } from '@plume/db/schema/publishing';
import { networkThrottles, socialAccounts } from '@plume/db/schema/social';
import type { PublishResult } from '@plume/networks/contract';
import { nextState, summarizeTargets } from '@plume/contract/posts/post-machine';
import { enqueuePublishJobs } from './publish-queue.ts';
import { recordPostEvent, SYSTEM_ACTOR } from './post-events.ts';
import { UNCONFIRMED_ADVICE } from './unconfirmed-advice.ts';
import { notifyTargetTrouble } from '../notifications/notify-events.ts';
import { insertMeasuredPost } from '../analytics/insert-measured-post.ts';
import type { PostFeatures } from '../analytics/post-features.ts';

export type Outcome =
  | { kind: 'published'; result: PublishResult; warning?: string; durationMs: number }
  | { kind: 'retry'; reason: string; durationMs: number }
  | { kind: 'rate_limited'; retryAfterMs: number; scope: 'account' | 'app'; durationMs: number }
  | { kind: 'failed'; failureKind: FailureKind; reason: string; durationMs: number }
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

export async function recordOutcome(
  deps: { db: Database },
  input: {
    targetId: string;
    attemptId: string;
    postId: string;
    outcome: Outcome;
    /** The host + app the call went to (limit-key.ts): an app-wide 429 throttles that key only. */
    limitKey?: string;
    /** The published post's features, when its network can be measured: its snapshots get scheduled. */
    measure?: PostFeatures;
  },
): Promise<void> {
  const { outcome, targetId } = input;
  await deps.db.transaction(async (tx) => {
    const now = new Date();
    const target = await finishAttemptAndLockTarget(tx, input, now);
    if (target === undefined) return;
    const event = async (type: PostEventType, toState: TargetState, detail: Record<string, unknown>) => {
      // A failed or unconfirmed target is told to the workspace's owners and admins and the post's author.
      if (toState === 'failed' || toState === 'unconfirmed')
        await notifyTargetTrouble(tx, { targetId, state: toState, reason: await reasonOf(tx, targetId) });
      return recordPostEvent(tx, {
        postId: target.postId,
        targetId,
        actor: SYSTEM_ACTOR,
        type,
        fromState: target.state,
        toState,
        detail: { network: target.network, ...detail },
      });
    };

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
        if (input.measure !== undefined)
          await insertMeasuredPost(tx, {
            workspaceId: target.workspaceId,
            accountId: target.accountId,
            network: target.network,
            remoteId: outcome.result.remoteId,
            remoteUrl: outcome.result.url,
            targetId,
            publishedAt: now,
            features: input.measure,
          });
        await event('target_published', 'published', {
          url: outcome.result.url,
          ...(outcome.warning === undefined ? {} : { warning: outcome.warning }),
        });
        break;
      case 'retry': {
        const retries = target.retries + 1;
        if (retries > MAX_RETRIES || target.attempts >= MAX_ATTEMPTS) {
          await fail(
            tx,
            target,
            'network_unavailable',
            `The network kept failing (${outcome.reason}). Try again later.`,
          );
          await event('target_failed', 'failed', { reason: outcome.reason });
          break;
        }
        const at = new Date(now.getTime() + retryDelayMs(retries));
        // The reason stays on the target ("Last try: …"), so a retrying post never shows an empty one.
        await retryAt(tx, targetId, at, {
          retries,
          failureReason: outcome.reason || 'The attempt failed without a reason.',
        });
        await event('target_retry_scheduled', 'pending', { reason: outcome.reason, at: at.toISOString() });
        break;
      }
      case 'rate_limited': {
        const at = new Date(now.getTime() + Math.max(1000, outcome.retryAfterMs));
        if (outcome.scope === 'app') {
          await tx
            .insert(networkThrottles)
            .values({ network: target.network, limitKey: input.limitKey ?? '', until: at })
            .onConflictDoUpdate({
              target: [networkThrottles.network, networkThrottles.limitKey],
              set: { until: at, updatedAt: now },
            });
        } else {
          await tx
            .update(socialAccounts)
            .set({ rateLimitedUntil: at, updatedAt: now })
            .where(eq(socialAccounts.id, target.accountId));
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
        const reason = `We could not tell whether the network published this (${outcome.reason}). ${UNCONFIRMED_ADVICE}`;
        await tx
          .update(postTargets)
          .set({ state: 'unconfirmed', failureKind: 'unknown_outcome', failureReason: reason, updatedAt: now })
          .where(eq(postTargets.id, targetId));
        await event('target_unconfirmed', 'unconfirmed', { reason: outcome.reason });
        break;
      }
    }
    await summarizePost(tx, target.postId);
  });
}

type LockedTarget = {
  id: string;
  postId: string;
  state: TargetState;
  network: string;
  accountId: string;
  workspaceId: string;
  retries: number;
  attempts: number;
};

/**
 * Closes the attempt and locks the target in one statement: every round trip counts when thousands
 * of targets fall due together (docs/benchmarks.md, publishing).
 */
async function finishAttemptAndLockTarget(
  tx: Tx,
  input: { targetId: string; attemptId: string; outcome: Outcome },
  now: Date,
): Promise<LockedTarget | undefined> {
  const { outcome } = input;
  const detail = 'reason' in outcome ? outcome.reason : outcome.kind === 'published' ? (outcome.warning ?? null) : null;
  const result = await tx.execute<{
    id: string;
    post_id: string;
    state: TargetState;
    network: string;
    account_id: string;
    workspace_id: string;
    retries: number;
    attempts: number;
  }>(sql`
    WITH attempt AS (
      UPDATE publish_attempts
      SET outcome = ${outcome.kind}, finished_at = ${now}, duration_ms = ${outcome.durationMs}, detail = ${detail}
      WHERE id = ${input.attemptId}
    )
    SELECT id, post_id, state, network, account_id, workspace_id, retries, attempts FROM post_targets WHERE id = ${input.targetId} FOR UPDATE`);
  const row = result.rows[0];
  return row === undefined
    ? undefined
    : {
        id: row.id,
        postId: row.post_id,
        state: row.state,
        network: row.network,
        accountId: row.account_id,
        workspaceId: row.workspace_id,
        retries: row.retries,
        attempts: row.attempts,
      };
}

/** The plain reason just written on the target (what its page shows). */
async function reasonOf(tx: Tx, targetId: string): Promise<string> {
  const [row] = await tx
    .select({ reason: postTargets.failureReason })
    .from(postTargets)
    .where(eq(postTargets.id, targetId));
  return row?.reason ?? '';
}

async function fail(tx: Tx, target: LockedTarget, failureKind: FailureKind, reason: string): Promise<void> {
  await tx
    .update(postTargets)
    .set({ state: 'failed', failureKind, failureReason: reason, nextAttemptAt: null, updatedAt: new Date() })
    .where(eq(postTargets.id, target.id));
}

async function retryAt(
  tx: Tx,
  targetId: string,
  at: Date,
  extra: { retries?: number; failureReason?: string },
): Promise<void> {
  await tx
    .update(postTargets)
    .set({ state: 'pending', nextAttemptAt: at, updatedAt: new Date(), ...extra })
    .where(eq(postTargets.id, targetId));
  await enqueuePublishJobs(tx, [{ targetId, runAt: at }]);
}

/** Moves the post to the state its targets add up to, once none is left to publish. */
export async function summarizePost(tx: Tx, postId: string): Promise<void> {
  await summarizePosts(tx, [postId]);
}

/**
 * `summarizePost` for many posts in two statements: the posts locked (in id order) with their targets'
 * states, then every change and its history event written together.
 */
export async function summarizePosts(tx: Tx, postIds: readonly string[]): Promise<void> {
  if (postIds.length === 0) return;
  const result = await tx.execute<{ id: string; state: PostState; version: number; target_states: string[] }>(sql`
    SELECT id, state, version, ARRAY(SELECT state FROM post_targets WHERE post_id = posts.id) AS target_states
    FROM posts WHERE id = ANY(${`{${[...new Set(postIds)].join(',')}}`}::uuid[])
    ORDER BY id FOR UPDATE`);
  const changes: { id: string; from: PostState; to: PostState; version: number }[] = [];
  for (const post of result.rows) {
    if (post.state !== 'publishing' && post.state !== 'scheduled') continue;
    const summary = summarizeTargets(post.target_states);
    if (summary === 'publishing') continue;
    const transition = nextState(
      post.state,
      { type: 'finish_publishing', outcome: summary },
      { approvalRequired: false, canApprove: false, hasTime: true, system: true },
    );
    if (!transition.ok || transition.state === post.state) continue;
    changes.push({ id: post.id, from: post.state, to: transition.state, version: post.version + 1 });
  }
  if (changes.length === 0) return;
  await tx.execute(sql`
    WITH change AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(changes)}::json) AS c(id uuid, "from" text, "to" text, version int)
    ),
    moved AS (
      UPDATE posts SET state = change."to", version = change.version, updated_at = now()
      FROM change WHERE posts.id = change.id
      RETURNING posts.id
    )
    INSERT INTO post_events (post_id, actor_id, actor_name, type, from_state, to_state)
    SELECT change.id, ${SYSTEM_ACTOR.id}::text, ${SYSTEM_ACTOR.name}::text, 'state_changed', change."from", change."to"
    FROM change JOIN moved ON moved.id = change.id`);
}
