/**
 * Publishes one target, exactly once:
 * 1. claim: check the target is still due and pending and publishing is not paused, write the attempt
 *    and mark it `publishing` (committed before the network is called). The jobs running at once in a
 *    worker claim together in one statement (claim-batch.ts); every other case takes the one-target
 *    claim under a row lock (claim-target.ts);
 * 2. call the network within its host's and app's limits (network-limiter.ts; refresh ahead of expiry;
 *    on 401 refresh once). Once a slot is taken, and right before the request, the attempt records
 *    `call_started_at` (batched too);
 * 3. record the outcome: published (id + URL; batched), retry later (Retryable, RateLimited: that host
 *    + app or that account is paused), failed (Permanent, account disconnected), or `unconfirmed` when
 *    we cannot know (timeout after sending).
 * A target found `publishing` whose worker is gone was interrupted: back to pending when its call had
 * not started, `unconfirmed` (never re-sent) when it had (interrupted-attempts.ts). See docs/publishing.md.
 */
import { getAccountAuth, type TokenDeps } from '../social/account-tokens.ts';
import type { MediaStore } from '../media/media-store.ts';
import type { ClaimedTarget } from './claim-batch.ts';
import { accountLimitKey, claimTarget, type Claim } from './claim-target.ts';
import { limitKeyString, type LimitKey } from './limit-key.ts';
import type { LinkRewriter } from './link-rewriter.ts';
import type { NetworkLimiter } from './network-limiter.ts';
import { measureOf, outcomeBeforeSending, preparationFailed, prepareRequest, sendPublish } from './publish-call.ts';
import { unbatched, type PublishingBatches } from './publishing-batches.ts';
import { recordOutcome, type Outcome } from './record-outcome.ts';

export type PublishDeps = TokenDeps & {
  media: MediaStore;
  limiter: NetworkLimiter;
  /** The worker's batches (publishing-batches.ts); without them each statement is for one target. */
  batches?: PublishingBatches;
  /** This process's heartbeat id; attempts carry it so a sweep can tell live work from interrupted work. */
  runnerId: string;
  /** Seconds without a heartbeat after which a runner counts as gone. */
  staleRunnerSeconds: number;
  /** The link hook (shortening, click tracking); links go out as written without one. */
  links?: LinkRewriter;
};

export async function publishTarget(deps: PublishDeps, targetId: string): Promise<string> {
  const batches = deps.batches ?? unbatched(deps.db, deps.runnerId);
  const fast = await batches.claim(targetId);
  const claim: Claim = fast === null ? await claimTarget(deps, targetId) : { kind: 'claimed', claimed: fast };
  if (claim.kind === 'skip') return claim.reason;
  const { claimed } = claim;
  const call = await callNetwork(deps, batches, claimed);
  // The attempt was given back before its call (this worker was thought dead): the target is someone else's now.
  if (call === null) return 'given back';
  const { outcome, key } = call;
  const input = { targetId, attemptId: claimed.attemptId, postId: claimed.post.id, outcome };
  if (outcome.kind === 'published') {
    const measure = measureOf(deps, claimed);
    const item = {
      targetId,
      attemptId: claimed.attemptId,
      result: outcome.result,
      durationMs: outcome.durationMs,
      ...measure,
    };
    const recorded = await batches.recordPublished(
      outcome.warning === undefined ? item : { ...item, warning: outcome.warning },
    );
    if (!recorded) await recordOutcome(deps, { ...input, ...measure });
    return outcome.kind;
  }
  if (outcome.kind === 'rate_limited' && outcome.scope === 'app' && key !== undefined) {
    // Calls of this host + app already waiting in this process hold back too; the next jobs read the
    // throttle at claim. An account's limit is kept on the account row, which every claim reads.
    deps.limiter.pause({ key }, Date.now() + Math.max(1000, outcome.retryAfterMs));
  }
  await recordOutcome(deps, { ...input, ...(key === undefined ? {} : { limitKey: limitKeyString(key) }) });
  return outcome.kind;
}

type Call = { outcome: Outcome; key?: LimitKey };

/** The outcome of the call and the host + app it went to, or null when the attempt was given back before the request could leave. */
async function callNetwork(deps: PublishDeps, batches: PublishingBatches, claim: ClaimedTarget): Promise<Call | null> {
  const { target } = claim;
  const provider = deps.runtime.provider(target.network);
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let request;
  try {
    request = await prepareRequest(deps, claim);
  } catch (error) {
    return { outcome: preparationFailed(error, elapsed()) };
  }
  // The account's token is read (and refreshed when due) before taking one of the host's slots, which
  // are held only while the network is being called.
  let context;
  let auth: Awaited<ReturnType<typeof getAccountAuth>>;
  try {
    context = deps.runtime.context(provider.manifest.id);
    // Read with the other jobs' accounts in one statement; a refresh, when due, still locks this one row.
    auth = await getAccountAuth(deps, target.accountId, { read: (id) => batches.readAccount(id) });
  } catch (error) {
    return { outcome: outcomeBeforeSending(error, elapsed()) };
  }
  const key = accountLimitKey(deps.runtime, target.network, auth.metadata);
  const limits = {
    key,
    account: target.accountId,
    operation: 'publish' as const,
    concurrency: provider.manifest.publishConcurrency,
    rules: provider.manifest.rateLimits,
  };
  return deps.limiter.call(limits, async (): Promise<Call | null> => {
    try {
      // From here on the request may leave: a crash now makes the target `unconfirmed`, never re-sent.
      // Marked after the slot is taken: a target still waiting for one when its worker dies goes back to pending.
      if (!(await batches.markCallStarted(claim.attemptId))) return null;
    } catch (error) {
      const reason = `Plume could not record the attempt (${error instanceof Error ? error.message : String(error)})`;
      return { outcome: { kind: 'retry', reason, durationMs: elapsed() }, key };
    }
    const outcome = await sendPublish(deps, { provider, context, auth, request, accountId: target.accountId, elapsed });
    return { outcome, key };
  });
}
