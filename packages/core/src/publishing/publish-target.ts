/**
 * Publishes one target, exactly once:
 * 1. claim: under a row lock, check the target is still due and pending and publishing is not paused,
 *    write the attempt and mark it `publishing` (committed before the network is called);
 * 2. call the network (per-network concurrency cap; refresh ahead of expiry; on 401 refresh once). Once
 *    a slot is taken, and right before the request, the attempt records `call_started_at`;
 * 3. record the outcome: published (id + URL), retry later (Retryable, RateLimited), failed
 *    (Permanent, account disconnected), or `unconfirmed` when we cannot know (timeout after sending).
 * A target found `publishing` whose worker is gone was interrupted: back to pending when its call had
 * not started, `unconfirmed` (never re-sent) when it had (interrupted-attempts.ts). See docs/publishing.md.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { instanceSettings } from '@plume/db/schema/platform';
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
import { recordOutcome, type Outcome } from './record-outcome.ts';
import { settleInterrupted } from './interrupted-attempts.ts';
import { enqueuePublishJobs } from './publish-queue.ts';
import { recordPostEvent, SYSTEM_ACTOR } from './post-events.ts';
import { featuresOfContent, type PostFeatures } from '../analytics/post-features.ts';
import { resolveTargetContent } from '../posts/resolve-target-content.ts';

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
  // The attempt was given back before its call (this worker was thought dead): the target is someone else's now.
  if (outcome === null) return 'given back';
  await recordOutcome(deps, {
    targetId,
    attemptId: claim.attemptId,
    postId: claim.post.id,
    outcome,
    ...(outcome.kind === 'published' ? measureOf(deps, claim) : {}),
  });
  return outcome.kind;
}

/** The features of a published target whose network can be measured (its snapshots get scheduled). */
function measureOf(deps: PublishDeps, claim: Extract<Claim, { kind: 'claimed' }>): { measure?: PostFeatures } {
  const { manifest } = deps.runtime.provider(claim.target.network);
  if (manifest.analytics.post === null) return {};
  return { measure: featuresOfContent(resolveTargetContent(claim.post.content, claim.target.override), manifest) };
}

async function claimTarget(deps: PublishDeps, targetId: string): Promise<Claim> {
  return deps.db.transaction(async (tx): Promise<Claim> => {
    // Target and post locked in one statement: every round trip counts when thousands fall due at once
    // (docs/benchmarks.md, publishing). A target never outlives its post (foreign key, cascade).
    // The account's and the app's rate-limit waits come along (read, not locked: a token refresh may hold
    // the account), and so does the instance's publishing pause (a one-row table, absent = running).
    const [row] = await tx
      .select({
        target: postTargets,
        post: posts,
        accountWait: socialAccounts.rateLimitedUntil,
        appWait: networkThrottles.until,
        pausedAt: instanceSettings.publishingPausedAt,
      })
      .from(postTargets)
      .innerJoin(posts, eq(posts.id, postTargets.postId))
      .innerJoin(socialAccounts, eq(socialAccounts.id, postTargets.accountId))
      .leftJoin(networkThrottles, eq(networkThrottles.network, postTargets.network))
      .leftJoin(instanceSettings, sql`true`)
      .where(eq(postTargets.id, targetId))
      .for('update', { of: [postTargets, posts] });
    if (row === undefined) return { kind: 'skip', reason: 'target gone' };
    const { post } = row;
    let { target } = row;
    if (target.state === 'publishing') {
      const interrupted = await settleInterrupted(tx, { target, staleRunnerSeconds: deps.staleRunnerSeconds });
      if (interrupted.kind === 'alive') return { kind: 'skip', reason: 'in progress elsewhere' };
      if (interrupted.kind === 'unconfirmed') return { kind: 'skip', reason: 'interrupted: unconfirmed' };
      // Its request never left: claim it again right here.
      target = interrupted.target;
    }
    if (target.state !== 'pending') return { kind: 'skip', reason: `target ${target.state}` };
    if (post.state !== 'scheduled' && post.state !== 'publishing')
      return { kind: 'skip', reason: `post ${post.state}` };
    const now = new Date();
    const due = target.nextAttemptAt ?? post.scheduledAt ?? now;
    if (due.getTime() - now.getTime() > EARLY_TOLERANCE_MS) {
      // A job left over from an earlier time; the right one exists, but make sure.
      await enqueuePublishJobs(tx, [{ targetId, runAt: due }]);
      return { kind: 'skip', reason: 'not due yet' };
    }
    // Paused: the target stays pending and this job ends; resuming queues it again (publishing-pause.ts).
    if (row.pausedAt !== null) return { kind: 'skip', reason: 'publishing paused' };
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
      await recordPostEvent(tx, {
        postId: post.id,
        actor: SYSTEM_ACTOR,
        type: 'state_changed',
        fromState: 'scheduled',
        toState: 'publishing',
      });
    }
    return { kind: 'claimed', attemptId: attempt.id, attemptNo, target, post };
  });
}

/** The later of the account's and the app's rate-limit waits, if still ahead. */
function laterWait(accountWait: Date | null, appWait: Date | null, now: Date): Date | undefined {
  const ahead = [accountWait, appWait].filter((until): until is Date => until !== null && until > now);
  return ahead.length === 0 ? undefined : new Date(Math.max(...ahead.map((until) => until.getTime())));
}

/** The outcome of the call, or null when the attempt was given back before the request could leave. */
async function callNetwork(deps: PublishDeps, claim: Extract<Claim, { kind: 'claimed' }>): Promise<Outcome | null> {
  const { target, post } = claim;
  const provider = deps.runtime.provider(target.network);
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let request;
  try {
    const built = await buildPublishRequest(deps, {
      targetId: target.id,
      content: post.content,
      override: target.override,
      settings: target.settings,
      manifest: provider.manifest,
    });
    request = await rewriteLinks(built, deps.links, {
      workspaceId: target.workspaceId,
      postId: post.id,
      targetId: target.id,
      network: target.network,
    });
  } catch (error) {
    return {
      kind: 'failed',
      failureKind: 'invalid_content',
      reason: isProviderError(error) ? error.message : 'The post could not be prepared.',
      durationMs: elapsed(),
    };
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
  return deps.limiter.run(target.network, provider.manifest.publishConcurrency, async (): Promise<Outcome | null> => {
    let result: PublishResult;
    try {
      // From here on the request may leave: a crash now makes the target `unconfirmed`, never re-sent.
      if (!(await markCallStarted(deps.db, claim.attemptId))) return null;
    } catch (error) {
      return {
        kind: 'retry',
        reason: `Plume could not record the attempt (${error instanceof Error ? error.message : String(error)})`,
        durationMs: elapsed(),
      };
    }
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

/**
 * Marks the attempt's call as started, after the network slot is taken: a target claimed but still
 * waiting for a slot when its worker dies has nothing here and goes back to pending. The one write
 * between the slot and the request, a single-row update by primary key in its own implicit
 * transaction; it cannot ride on the claim (made before the wait, which is the point) nor on the token
 * read (made before taking the slot, so slots are held only for the call; docs/benchmarks.md).
 */
async function markCallStarted(db: Database, attemptId: string): Promise<boolean> {
  // Only an open attempt: one a sweep already gave back (`not_sent`, this worker was thought dead) stays unsent.
  const marked = await db.execute(
    sql`UPDATE publish_attempts SET call_started_at = now() WHERE id = ${attemptId} AND outcome IS NULL`,
  );
  return (marked.rowCount ?? 0) > 0;
}

/** Failures before anything was sent: never `unknown`, since the network cannot have the post. */
function outcomeBeforeSending(error: unknown, durationMs: number): Outcome {
  if (error instanceof AppError)
    return { kind: 'failed', failureKind: 'not_configured', reason: error.detail ?? error.message, durationMs };
  if (error instanceof AccountDisconnected || isProviderError(error)) return outcomeOfError(error, durationMs);
  return { kind: 'retry', reason: error instanceof Error ? error.message : String(error), durationMs };
}

function outcomeOfError(error: unknown, durationMs: number): Outcome {
  // The post is online: it counts as published, never retried; the warning says what is missing.
  if (error instanceof PartlyPublished)
    return { kind: 'published', result: error.published, warning: error.message, durationMs };
  if (error instanceof AccountDisconnected)
    return { kind: 'failed', failureKind: 'account_disconnected', reason: error.message, durationMs };
  if (isProviderError(error)) {
    switch (error.kind) {
      case 'rate_limited':
        return { kind: 'rate_limited', retryAfterMs: error.retryAfterMs, scope: error.scope, durationMs };
      case 'retryable':
        return { kind: 'retry', reason: error.reason, durationMs };
      case 'permanent':
        return { kind: 'failed', failureKind: 'rejected', reason: error.reason, durationMs };
      case 'auth_expired':
        return {
          kind: 'failed',
          failureKind: 'auth',
          reason: `The network still refused the account after renewing access: ${error.message}`,
          durationMs,
        };
    }
  }
  return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error), durationMs };
}
