/**
 * Jobs that collect metrics: the snapshot run (every minute, claims due posts in batches) and the
 * daily account readings (hourly, each account at most once a day). Both are crash-safe without
 * job-level bookkeeping: the due time lives on the rows (docs/analytics.md). And the daily retention purge.
 */
import { z } from 'zod';
import { collectAccountMetrics } from '../analytics/collect-account-metrics.ts';
import { collectPostMetrics, type AnalyticsDeps } from '../analytics/collect-post-metrics.ts';
import { backfillAccount } from '../analytics/backfill-account.ts';
import { BACKFILL_JOB, enqueueBackfill } from '../analytics/enqueue-backfill.ts';
import { AccountDisconnected } from '../social/account-tokens.ts';
import { purgeOldSnapshots } from '../analytics/purge-snapshots.ts';
import type { Database } from '@plume/db/client';
import { isPublishingPaused } from '../publishing/publishing-pause.ts';
import { defineJob } from './define-job.ts';

export const collectSnapshotsJob = defineJob({
  id: 'collect_snapshots',
  payload: z.object({}).loose(),
  run: async (deps: AnalyticsDeps) => {
    // A paused instance (a restored copy, say) leaves the networks alone.
    if (await isPublishingPaused(deps.db)) return { paused: true };
    return collectPostMetrics(deps);
  },
});

export const collectAccountMetricsJob = defineJob({
  id: 'collect_account_metrics',
  payload: z.object({}).loose(),
  run: async (deps: AnalyticsDeps) => {
    if (await isPublishingPaused(deps.db)) return { paused: true };
    return collectAccountMetrics(deps);
  },
});

/** Daily retention of snapshot rows (SNAPSHOT_RETENTION_DAYS). */
export const purgeSnapshotsJob = defineJob({
  id: 'purge_snapshots',
  payload: z.object({}).loose(),
  run: (deps: { db: Database; retentionDays: number }) => purgeOldSnapshots(deps.db, deps.retentionDays),
});

/** Reads the account's recent posts (at connect and on demand); over its read budget, again later. */
export const backfillAccountJob = defineJob({
  id: BACKFILL_JOB,
  payload: z.object({ accountId: z.uuid() }),
  run: async (deps: AnalyticsDeps, payload) => {
    if (await isPublishingPaused(deps.db)) return { paused: true };
    try {
      const result = await backfillAccount(deps, payload.accountId);
      if (result.status === 'wait') await enqueueBackfill(deps.db, payload.accountId, result.until);
      return result;
    } catch (error) {
      if (error instanceof AccountDisconnected) return { status: 'skipped', reason: error.message };
      throw error;
    }
  },
});
