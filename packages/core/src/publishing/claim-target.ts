/**
 * The one-target claim, for every case the batched claim (claim-batch.ts) leaves alone: a target found
 * `publishing` (interrupted or live elsewhere), a job early or late, publishing paused, the account or
 * the host + app throttled, a target held by a dispatcher, a target locked by another worker. Under a row lock it checks the target is
 * still due and pending, writes the attempt and marks it `publishing` (committed before any call).
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { instanceSettings } from '@plume/db/schema/platform';
import { socialAccounts } from '@plume/db/schema/social';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import { EARLY_TOLERANCE_MS, type ClaimedTarget } from './claim-batch.ts';
import { settleInterrupted } from './interrupted-attempts.ts';
import { limitKeyOf, limitKeyString, type LimitKey } from './limit-key.ts';
import { enqueuePublishJobs } from './publish-queue.ts';
import { recordPostEvent, SYSTEM_ACTOR } from './post-events.ts';

export type Claim = { kind: 'skip'; reason: string } | { kind: 'claimed'; claimed: ClaimedTarget };

type ClaimDeps = { db: Database; runtime: NetworkRuntime; runnerId: string; staleRunnerSeconds: number };

/** The host + app a call for this account goes to; the manifest's endpoints when the network is not configured. */
export function accountLimitKey(
  runtime: NetworkRuntime,
  network: string,
  metadata: Readonly<Record<string, string>>,
): LimitKey {
  let context: { endpoints: Readonly<Record<string, string>>; app?: { clientId: string; clientSecret: string } };
  try {
    context = runtime.context(runtime.provider(network).manifest.id);
  } catch {
    context = { endpoints: {} };
  }
  return limitKeyOf(network, context, metadata);
}

export async function claimTarget(deps: ClaimDeps, targetId: string): Promise<Claim> {
  return deps.db.transaction(async (tx): Promise<Claim> => {
    // Target and post locked in one statement, with the account's wait, the network's active host + app
    // throttles (read, not locked: a token refresh may hold the account) and the instance's pause.
    const [row] = await tx
      .select({
        target: postTargets,
        post: posts,
        metadata: socialAccounts.metadata,
        accountWait: socialAccounts.rateLimitedUntil,
        throttles: sql<{ key: string; until: string }[] | null>`(
          SELECT json_agg(json_build_object('key', limit_key, 'until', until)) FROM network_throttles
          WHERE network_throttles.network = ${postTargets.network} AND until > now())`,
        pausedAt: instanceSettings.publishingPausedAt,
      })
      .from(postTargets)
      .innerJoin(posts, eq(posts.id, postTargets.postId))
      .innerJoin(socialAccounts, eq(socialAccounts.id, postTargets.accountId))
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
    if (await heldByLiveDispatcher(tx, target, deps.staleRunnerSeconds)) {
      // Its dispatcher fires it at the due instant; this job comes back when the hold ends, in case it did not.
      await enqueuePublishJobs(tx, [{ targetId, runAt: target.heldUntil ?? now }]);
      return { kind: 'skip', reason: 'held by the dispatcher' };
    }
    const due = target.nextAttemptAt ?? post.scheduledAt ?? now;
    if (due.getTime() - now.getTime() > EARLY_TOLERANCE_MS) {
      // A job left over from an earlier time; the right one exists, but make sure.
      await enqueuePublishJobs(tx, [{ targetId, runAt: due }]);
      return { kind: 'skip', reason: 'not due yet' };
    }
    // Paused: the target stays pending and this job ends; resuming queues it again (publishing-pause.ts).
    if (row.pausedAt !== null) return { kind: 'skip', reason: 'publishing paused' };
    const key = limitKeyString(accountLimitKey(deps.runtime, target.network, row.metadata));
    const appWait = (row.throttles ?? []).find((throttle) => throttle.key === key)?.until;
    const wait = laterWait(row.accountWait, appWait === undefined ? null : new Date(appWait), now);
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
    const attemptId = claimed.rows[0]?.attempt_id;
    if (attemptId === undefined) throw new Error('claiming the target returned no row');
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
    const { id, postId, workspaceId, accountId, network, override, settings } = target;
    return {
      kind: 'claimed',
      claimed: {
        attemptId,
        attemptNo,
        target: { id, postId, workspaceId, accountId, network, override, settings },
        post: { id: post.id, content: post.content },
      },
    };
  });
}

/**
 * True while a dispatcher (dispatcher.ts) holds the target and its process is alive. A hold whose
 * process stopped heartbeating is ignored: the job publishes the target now rather than at the hold's end.
 */
async function heldByLiveDispatcher(
  tx: Pick<Database, 'execute'>,
  target: { heldBy: string | null; heldUntil: Date | null },
  staleRunnerSeconds: number,
): Promise<boolean> {
  if (target.heldBy === null || target.heldUntil === null || target.heldUntil <= new Date()) return false;
  const alive = await tx.execute<{ alive: boolean }>(sql`
    SELECT EXISTS (
      SELECT 1 FROM worker_heartbeats
      WHERE worker_id = ${target.heldBy} AND last_seen_at > now() - make_interval(secs => ${staleRunnerSeconds})
    ) AS alive`);
  return alive.rows[0]?.alive === true;
}

/** The later of the account's and the host + app's rate-limit waits, if still ahead. */
function laterWait(accountWait: Date | null, appWait: Date | null, now: Date): Date | undefined {
  const ahead = [accountWait, appWait].filter((until): until is Date => until !== null && until > now);
  return ahead.length === 0 ? undefined : new Date(Math.max(...ahead.map((until) => until.getTime())));
}
