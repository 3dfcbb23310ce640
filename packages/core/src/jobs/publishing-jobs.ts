/**
 * Jobs of the publishing engine: publish one target, the minute sweep, and refreshing tokens ahead
 * of expiry (a cron finds accounts due, one keyed job per account refreshes it).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { publishTarget, type PublishDeps } from '../publishing/publish-target.ts';
import { PUBLISH_JOB } from '../publishing/publish-queue.ts';
import { sweepPublishing } from '../publishing/sweep.ts';
import { isPublishingPaused } from '../publishing/publishing-pause.ts';
import { AccountDisconnected, refreshAccount, type TokenDeps } from '../social/account-tokens.ts';
import { defineJob } from './define-job.ts';

export const publishTargetJob = defineJob({
  id: PUBLISH_JOB,
  payload: z.object({ targetId: z.uuid() }),
  run: (deps: PublishDeps, payload) => publishTarget(deps, payload.targetId),
});

export const publishSweepJob = defineJob({
  id: 'publish_sweep',
  payload: z.object({}).loose(),
  run: (deps: Pick<PublishDeps, 'db' | 'staleRunnerSeconds'>) => sweepPublishing(deps),
});

/** Refresh tokens expiring within this window. Wider than the cron interval, so none slips through. */
const REFRESH_WINDOW_MINUTES = 30;

export const refreshDueTokensJob = defineJob({
  id: 'refresh_due_tokens',
  payload: z.object({}).loose(),
  run: async (deps: Pick<TokenDeps, 'db'>) => {
    // A paused instance (a restored copy, say) must not spend refresh tokens the original still uses.
    if (await isPublishingPaused(deps.db)) return { due: 0, paused: true };
    const due = await deps.db.execute<{ id: string }>(sql`
      SELECT id FROM social_accounts
      WHERE status = 'connected' AND access_expires_at IS NOT NULL
        AND access_expires_at < now() + make_interval(mins => ${REFRESH_WINDOW_MINUTES})`);
    if (due.rows.length === 0) return { due: 0 };
    await deps.db.execute(sql`
      SELECT graphile_worker.add_job('refresh_account', json_build_object('accountId', id), job_key => 'refresh:' || id, max_attempts => 3)
      FROM json_array_elements_text(${JSON.stringify(due.rows.map((row) => row.id))}::json) AS id`);
    return { due: due.rows.length };
  },
});

export const refreshAccountJob = defineJob({
  id: 'refresh_account',
  payload: z.object({ accountId: z.uuid() }),
  run: async (deps: TokenDeps, payload) => {
    if (await isPublishingPaused(deps.db)) return 'publishing paused';
    try {
      await refreshAccount(deps, payload.accountId, { aheadMs: REFRESH_WINDOW_MINUTES * 60_000 });
      return 'refreshed';
    } catch (error) {
      // Disconnected accounts were marked and their owners told; nothing to retry.
      if (error instanceof AccountDisconnected) return 'disconnected';
      throw error;
    }
  },
});
