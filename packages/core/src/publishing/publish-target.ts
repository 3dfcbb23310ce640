/**
 * Publishes one target, exactly once:
 * 1. claim: under a row lock, check the target is still due and pending, write the attempt and
 *    mark it `publishing` (committed before the network is called);
 * 2. call the network (per-network concurrency cap; refresh ahead of expiry; on 401 refresh once);
 * 3. record the outcome: published (id + URL), retry later (Retryable, RateLimited), failed
 *    (Permanent, account disconnected), or `unconfirmed` when we cannot know (timeout after sending).
 * A target found `publishing` whose worker is gone was interrupted mid-call: it becomes `unconfirmed`,
 * never re-sent. See docs/publishing.md.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@plume/db/client';
import { posts, postTargets, publishAttempts } from '@plume/db/schema/publishing';
import { networkThrottles, socialAccounts } from '@plume/db/schema/social';
import type { PublishResult } from '@plume/networks/contract';
import { isProviderError } from '@plume/networks/provider-errors';
import { PartlyPublished } from '@plume/networks/shared/partly-published';
import { AppError } from '@plume/errors/app-error';
import { AccountDisconnected, getAccountAuth, type TokenDeps } from '../social/account-tokens.ts';
import type { MediaStore } from '../media/media-store.ts';
import { buildPublishRequest } from './build-publish-request.ts';
import { rewriteLinks, type LinkRewriter } from './link-rewriter.ts';
import type { NetworkLimiter } from './network-limiter.ts';
import { recordOutcome, summarizePost, type Outcome } from './record-outcome.ts';
import { enqueuePublishJobs } from './publish-queue.ts';
import { recordPostEvent, SYSTEM_ACTOR } from './post-events.ts';

export type PublishDeps = TokenDeps & {
  media: MediaStore;
  limiter: NetworkLimiter;
  /** This process's heartbeat id; attempts carry it so a sweep can tell live work from interrupted work. */
  runnerId: string;
  /** Seconds without a heartbeat after which a runner counts as gone. */
  staleRunnerSeconds: number;
  /** The link hook (shortening, click tracking); links go out as written without one. */
  links?: LinkRewriter;
};

type Claim =
  | { kind: 'skip'; reason: string }
  | {
      kind: 'claimed';
      attemptId: string;
      attemptNo: number;
      target: typeof postTargets.$inferSelect;
      post: typeof posts.$inferSelect;
    };

const EARLY_TOLERANCE_MS = 1000;

export async function publishTarget(deps: PublishDeps, targetId: string): Promise<string> {
  const claim = await claimTarget(deps, targetId);
  if (claim.kind === 'skip') return claim.reason;
  const outcome = await callNetwork(deps, claim);
  await recordOutcome(deps, { targetId, attemptId: claim.attemptId, postId: claim.post.id, outcome });
  return outcome.kind;
}

async function claimTarget(deps: PublishDeps, targetId: string): Promise<Claim> {
  return deps.db.transaction(async (tx): Promise<Claim> => {
    // Target and post locked in one statement: every round trip counts when thousands fall due at once
    // (docs/benchmarks.md, publishing). A target never outlives its post (foreign key, cascade).
    // The account's and the app's rate-limit waits come along (read, not locked: a token refresh may hold the account).
    const [row] = await tx
      .select({ target: postTargets, post: posts, accountWait: socialAccounts.rateLimitedUntil, appWait: networkThrottles.until })
      .from(postTargets)
      .innerJoin(posts, eq(posts.id, postTargets.postId))
      .innerJoin(socialAccounts, eq(socialAccounts.id, postTargets.accountId))
      .leftJoin(networkThrottles, eq(networkThrottles.network, postTargets.network))
      .where(eq(postTargets.id, targetId))
      .for('update', { of: [postTargets, posts] });
    if (row === undefined) return { kind: 'skip', reason: 'target gone' };
    const { target, post } = row;
    if (target.state === 'publishing') return settleInterrupted(tx, deps, target);
    if (target.state !== 'pending') return { kind: 'skip', reason: `target ${target.state}` };
    if (post.state !== 'scheduled' && post.state !== 'publishing') return { kind: 'skip', reason: `post ${post.state}` };
    const now = new Date();
    const due = target.nextAttemptAt ?? post.scheduledAt ?? now;
    if (due.getTime() - now.getTime() > EARLY_TOLERANCE_MS) {
      // A job left over from an earlier time; the right one exists, but make sure.
      await enqueuePublishJobs(tx, [{ targetId, runAt: due }]);
      return { kind: 'skip', reason: 'not due yet' };
    }
    const wait = laterWait(row.accountWait, row.appWait, now);
    if (wait !== undefined) {
      await tx.update(postTargets).set({ nextAttemptAt: wait, updatedAt: now }).where(eq(postTargets.id, targetId));
      await enqueuePublishJobs(tx, [{ targetId, runAt: wait }]);
      return { kind: 'skip', reason: 'rate limited' };
    }
    const attemptNo = target.attempts + 1;
    // The attempt row and the target's new state in one statement (one round trip fewer per target).
    const claimed = await tx.execute<{ attempt_id: string }>(sql`
      WITH attempt AS (
        INSERT INTO publish_attempts (target_id, attempt_no, runner_id) VALUES (${targetId}, ${attemptNo}, ${deps.runnerId}) RETURNING id
      )
      UPDATE post_targets SET state = 'publishing', attempts = ${attemptNo}, updated_at = ${now}
      WHERE id = ${targetId}
      RETURNING (SELECT id FROM attempt) AS attempt_id`);
    const attempt = { id: claimed.rows[0]?.attempt_id };
    if (attempt.id === undefined) throw new Error('claiming the target returned no row');
    if (post.state === 'scheduled') {
      await tx.update(posts).set({ state: 'publishing', updatedAt: now }).where(eq(posts.id, post.id));
      await recordPostEvent(tx, { postId: post.id, actor: SYSTEM_ACTOR, type: 'state_changed', fromState: 'scheduled', toState: 'publishing' });
    }
    return { kind: 'claimed', attemptId: attempt.id, attemptNo, target, post };
  });
}

/** The later of the account's and the app's rate-limit waits, if still ahead. */
function laterWait(accountWait: Date | null, appWait: Date | null, now: Date): Date | undefined {
  const ahead = [accountWait, appWait].filter((until): until is Date => until !== null && until > now);
  return ahead.length === 0 ? undefined : new Date(Math.max(...ahead.map((until) => until.getTime())));
}

/**
 * The target is `publishing`: either another live worker is on it right now (leave it), or the
 * worker that claimed it died mid-call. Then nobody knows whether the network got the post.
 */
async function settleInterrupted(tx: Tx, deps: PublishDeps, target: typeof postTargets.$inferSelect): Promise<Claim> {
  const [attempt] = await tx
    .select()
    .from(publishAttempts)
    .where(and(eq(publishAttempts.targetId, target.id), eq(publishAttempts.attemptNo, target.attempts)));
  if (attempt !== undefined && attempt.outcome === null) {
    const alive = await tx.execute<{ alive: boolean }>(sql`
      SELECT EXISTS (
        SELECT 1 FROM worker_heartbeats
        WHERE worker_id = ${attempt.runnerId}
          AND last_seen_at > now() - make_interval(secs => ${deps.staleRunnerSeconds})
      ) AS alive`);
    if (alive.rows[0]?.alive === true) return { kind: 'skip', reason: 'in progress elsewhere' };
  }
  await markUnconfirmed(tx, target, attempt?.id);
  return { kind: 'skip', reason: 'interrupted: unconfirmed' };
}

/** Settles a target whose publish call was cut off: the user checks the network and confirms. */
export async function markUnconfirmed(tx: Tx, target: typeof postTargets.$inferSelect, attemptId: string | undefined): Promise<void> {
  const now = new Date();
  const reason = 'Publishing was interrupted before the network answered. Check the account: if the post is there, confirm it; if not, retry.';
  if (attemptId !== undefined) {
    await tx.update(publishAttempts).set({ outcome: 'unknown', finishedAt: now, detail: 'worker stopped during the call' }).where(eq(publishAttempts.id, attemptId));
  }
  await tx
    .update(postTargets)
    .set({ state: 'unconfirmed', failureKind: 'unknown_outcome', failureReason: reason, updatedAt: now })
    .where(eq(postTargets.id, target.id));
  await recordPostEvent(tx, { postId: target.postId, targetId: target.id, actor: SYSTEM_ACTOR, type: 'target_unconfirmed', fromState: 'publishing', toState: 'unconfirmed', detail: { reason } });
  await summarizePost(tx, target.postId);
}

async function callNetwork(deps: PublishDeps, claim: Extract<Claim, { kind: 'claimed' }>): Promise<Outcome> {
  const { target, post } = claim;
  const provider = deps.runtime.provider(target.network);
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let request;
  try {
    const built = await buildPublishRequest(deps, { targetId: target.id, content: post.content, override: target.override, settings: target.settings, manifest: provider.manifest });
    request = await rewriteLinks(built, deps.links, { workspaceId: target.workspaceId, postId: post.id, targetId: target.id, network: target.network });
  } catch (error) {
    return { kind: 'failed', failureKind: 'invalid_content', reason: isProviderError(error) ? error.message : 'The post could not be prepared.', durationMs: elapsed() };
  }
  // The account's token is read (and refreshed when due) before taking one of the network's slots, which
  // are held only while the network is being called.
  let context;
  let auth: Awaited<ReturnType<typeof getAccountAuth>>;
  try {
    context = deps.runtime.context(provider.manifest.id);
    auth = await getAccountAuth(deps, target.accountId);
  } catch (error) {
    return outcomeBeforeSending(error, elapsed());
  }
  return deps.limiter.run(target.network, provider.manifest.publishConcurrency, async (): Promise<Outcome> => {
    let result: PublishResult;
    try {
      result = await provider.publish(context, auth, request);
    } catch (error) {
      if (!isProviderError(error) || error.kind !== 'auth_expired') return outcomeOfError(error, elapsed());
      // The token was refused: refresh once, then try once more.
      try {
        auth = await getAccountAuth(deps, target.accountId, { rejectedToken: auth.tokens.accessToken });
      } catch (refreshError) {
        return outcomeBeforeSending(refreshError, elapsed());
      }
      try {
        result = await provider.publish(context, auth, request);
      } catch (retryError) {
        return outcomeOfError(retryError, elapsed());
      }
    }
    return { kind: 'published', result, durationMs: elapsed() };
  });
}

/** Failures before anything was sent: never `unknown`, since the network cannot have the post. */
function outcomeBeforeSending(error: unknown, durationMs: number): Outcome {
  if (error instanceof AppError) return { kind: 'failed', failureKind: 'not_configured', reason: error.detail ?? error.message, durationMs };
  if (error instanceof AccountDisconnected || isProviderError(error)) return outcomeOfError(error, durationMs);
  return { kind: 'retry', reason: error instanceof Error ? error.message : String(error), durationMs };
}

function outcomeOfError(error: unknown, durationMs: number): Outcome {
  // The post is online: it counts as published, never retried; the warning says what is missing.
  if (error instanceof PartlyPublished) return { kind: 'published', result: error.published, warning: error.message, durationMs };
  if (error instanceof AccountDisconnected) return { kind: 'failed', failureKind: 'account_disconnected', reason: error.message, durationMs };
  if (isProviderError(error)) {
    switch (error.kind) {
      case 'rate_limited':
        return { kind: 'rate_limited', retryAfterMs: error.retryAfterMs, scope: error.scope, durationMs };
      case 'retryable':
        return { kind: 'retry', reason: error.reason, durationMs };
      case 'permanent':
        return { kind: 'failed', failureKind: 'rejected', reason: error.reason, durationMs };
      case 'auth_expired':
        return { kind: 'failed', failureKind: 'auth', reason: `The network still refused the account after renewing access: ${error.message}`, durationMs };
    }
  }
  return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error), durationMs };
}
