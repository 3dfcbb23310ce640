/**
 * The periodic snapshot run: claims due posts a whole account at a time (with a short look-ahead, see
 * claim-due-posts.ts), and reads each account's posts with the network's batch call (manifest batchSize
 * ids at a time) within the account's and the app's read budgets, which count calls, not posts. Every claimed post is settled: a reading, gone, or moved to when it may be read again.
 * Token expiry follows publishing's rule (refresh once on a 401; a refused refresh disconnects the
 * account) and a disconnected account's posts wait for it to be reconnected. See docs/analytics.md.
 */
import { sql } from 'drizzle-orm';
import type { AccountAuth, NetworkProvider, PostMetricsReading } from '@plume/networks/contract';
import { isProviderError, type Permanent } from '@plume/networks/provider-errors';
import type { NetworkLimiter } from '../publishing/network-limiter.ts';
import { AccountDisconnected, getAccountAuth, type TokenDeps } from '../social/account-tokens.ts';
import { claimDuePosts, type DuePost } from './claim-due-posts.ts';
import { clearMetricsRefused, metricsRefusalText, noteMetricsRefused } from './metrics-refusal.ts';
import { hostOf, noteRateLimited, readRulesOf, takeReadBudget, type ReadRule } from './read-budget.ts';
import { scheduleExpired, stepAt } from './snapshot-schedule.ts';
import { writeSettlements, type Settlement } from './write-readings.ts';
import { checkForAnomalies } from '../reports/check-for-anomalies.ts';

export type AnalyticsDeps = TokenDeps & {
  limiter: NetworkLimiter;
  /** How long a claim holds its posts (ANALYTICS_CLAIM_LEASE_SECONDS); 10 minutes when not given. */
  leaseSeconds?: number;
};

/** Concurrent analytics calls per network host in one process. */
const READS_PER_HOST = 2;
const RETRY_LATER_MS = 5 * 60_000;

export async function collectPostMetrics(
  deps: AnalyticsDeps,
  options: { claimLimit?: number; maxRounds?: number } = {},
): Promise<{ claimed: number }> {
  const limit = options.claimLimit ?? 500;
  let claimed = 0;
  for (let round = 0; round < (options.maxRounds ?? 20); round += 1) {
    const due = await claimDuePosts(deps.db, limit, deps.leaseSeconds ?? 600);
    claimed += due.length;
    const byAccount = new Map<string, DuePost[]>();
    for (const post of due) byAccount.set(post.accountId, [...(byAccount.get(post.accountId) ?? []), post]);
    for (const posts of byAccount.values()) await collectForAccount(deps, posts);
    if (due.length < limit) break;
  }
  return { claimed };
}

async function collectForAccount(deps: AnalyticsDeps, posts: DuePost[]): Promise<void> {
  const first = posts[0];
  if (first === undefined) return;
  const provider = deps.runtime.provider(first.network);
  const batchSize = provider.manifest.analytics.post?.batchSize ?? 0;
  if (provider.getPostMetrics === undefined || batchSize < 1) {
    // The network cannot be measured (any more): the schedule ends.
    await writeSettlements(
      deps.db,
      posts.map((post) => moved(post, null)),
      new Date(),
      null,
    );
    return;
  }
  let auth: AccountAuth;
  try {
    auth = await getAccountAuth(deps, first.accountId);
  } catch (error) {
    await postpone(deps, posts, error instanceof AccountDisconnected ? new Date() : later());
    return;
  }
  const host = hostOf(provider.manifest, auth.metadata);
  const rules = readRulesOf(provider.manifest, host, first.accountId);
  const followers = await latestFollowers(deps, first.accountId);
  // Budgets count calls: a chunk is read in one call, or in several where the account's server reads fewer.
  const perCall = Math.max(1, Math.min(batchSize, provider.postMetricsPerCall?.(auth) ?? batchSize));
  for (let start = 0; start < posts.length; start += batchSize) {
    const chunk = posts.slice(start, start + batchSize);
    const rest = posts.slice(start);
    const wait = await takeReadBudget(deps.db, rules, Math.ceil(chunk.length / perCall));
    if (wait !== null) return postpone(deps, rest, wait);
    const outcome = await readChunk(deps, provider, auth, chunk, host);
    if (outcome.kind === 'stop') {
      if (outcome.rateLimit !== undefined)
        await noteRateLimited(deps.db, keysOf(rules, outcome.rateLimit.scope), outcome.rateLimit.until);
      return postpone(deps, rest, outcome.until);
    }
    auth = outcome.auth;
    if (outcome.kind === 'skip')
      await noteMetricsRefused(deps.db, first.accountId, metricsRefusalText(provider.manifest.name, outcome.error));
    const takenAt = new Date();
    const settlements = settle(chunk, outcome, takenAt);
    await deps.db.transaction(async (tx) => {
      await writeSettlements(tx, settlements, takenAt, followers);
      if (outcome.kind === 'read') await clearMetricsRefused(tx, first.accountId);
      // Viral and failure-of-reach alerts for what was just read (docs/analytics.md, Alerts): one query a batch.
      await checkForAnomalies(
        tx,
        settlements.flatMap((settlement) => (settlement.kind === 'reading' ? [settlement.id] : [])),
      );
    });
  }
}

type ChunkOutcome =
  | { kind: 'read'; auth: AccountAuth; readings: PostMetricsReading[] }
  | { kind: 'skip'; auth: AccountAuth; error: Permanent }
  | { kind: 'retry'; auth: AccountAuth }
  | { kind: 'stop'; until: Date; rateLimit?: { scope: 'account' | 'app'; until: Date } };

async function readChunk(
  deps: AnalyticsDeps,
  provider: NetworkProvider,
  auth: AccountAuth,
  chunk: DuePost[],
  host: string,
): Promise<ChunkOutcome> {
  const ids = chunk.map((post) => post.remoteId);
  const context = deps.runtime.context(provider.manifest.id);
  const read = (using: AccountAuth) =>
    deps.limiter.run(`analytics:${provider.manifest.id}:${host}`, READS_PER_HOST, () =>
      provider.getPostMetrics!(context, using, ids),
    );
  let using = auth;
  try {
    try {
      return { kind: 'read', auth: using, readings: await read(using) };
    } catch (error) {
      if (!isProviderError(error) || error.kind !== 'auth_expired') throw error;
      // As publishing does: renew once (a refused renewal disconnects the account), then try once more.
      using = await getAccountAuth(deps, chunk[0]!.accountId, { rejectedToken: using.tokens.accessToken });
      return { kind: 'read', auth: using, readings: await read(using) };
    }
  } catch (error) {
    if (error instanceof AccountDisconnected) return { kind: 'stop', until: new Date() };
    if (isProviderError(error) && error.kind === 'rate_limited') {
      const until = new Date(Date.now() + Math.max(1000, error.retryAfterMs));
      return { kind: 'stop', until, rateLimit: { scope: error.scope, until } };
    }
    if (isProviderError(error) && error.kind === 'permanent') return { kind: 'skip', auth: using, error };
    return { kind: 'retry', auth: using };
  }
}

/** What each post of a chunk becomes after the call. */
function settle(chunk: DuePost[], outcome: Exclude<ChunkOutcome, { kind: 'stop' }>, now: Date): Settlement[] {
  const readings = new Map(
    outcome.kind === 'read' ? outcome.readings.map((reading) => [reading.remoteId, reading]) : [],
  );
  return chunk.map((post): Settlement => {
    const step = stepAt(post.publishedAt, post.nextOffsetIndex, now);
    if (step === null) return moved(post, null);
    const next = { nextAt: step.next?.at ?? null, nextIndex: step.next?.index ?? null };
    const reading = readings.get(post.remoteId);
    if (outcome.kind === 'retry' || (outcome.kind === 'read' && reading === undefined)) {
      // A transient failure: again in a while, until the schedule is long over.
      return scheduleExpired(post.publishedAt, now)
        ? moved(post, null)
        : { kind: 'moved', id: post.id, nextAt: later(), nextIndex: post.nextOffsetIndex };
    }
    // The network refused the read for good: this offset is skipped, the next one tried.
    if (reading === undefined) return { kind: 'moved', id: post.id, ...next };
    if (reading.status === 'gone') return { kind: 'gone', id: post.id, reason: reading.reason };
    return {
      kind: 'reading',
      id: post.id,
      workspaceId: post.workspaceId,
      metrics: reading.metrics,
      dueAt: step.dueAt,
      offsetMin: step.offsetMin,
      ...next,
    };
  });
}

function moved(post: DuePost, nextAt: Date | null): Settlement {
  return { kind: 'moved', id: post.id, nextAt, nextIndex: nextAt === null ? null : post.nextOffsetIndex };
}

async function postpone(deps: AnalyticsDeps, posts: DuePost[], until: Date): Promise<void> {
  await writeSettlements(
    deps.db,
    posts.map((post) => moved(post, until)),
    new Date(),
    null,
  );
}

function later(): Date {
  return new Date(Date.now() + RETRY_LATER_MS);
}

function keysOf(rules: readonly ReadRule[], scope: 'account' | 'app'): string[] {
  return rules.filter((rule) => rule.key.includes(scope === 'app' ? ':app' : ':account:')).map((rule) => rule.key);
}

async function latestFollowers(deps: AnalyticsDeps, accountId: string): Promise<number | null> {
  const result = await deps.db.execute<{ followers: string | number | null }>(sql`
    SELECT followers FROM account_metric_snapshots WHERE account_id = ${accountId} ORDER BY taken_at DESC LIMIT 1`);
  const value = result.rows[0]?.followers;
  return value === undefined || value === null ? null : Number(value);
}
