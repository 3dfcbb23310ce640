/**
 * On-demand backfill: queue it (one at a time per account) and report its progress from the queue and
 * the rows it wrote, so the API can answer 202 and let the caller poll.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { socialAccounts } from '@plume/db/schema/social';
import { AppError } from '@plume/errors/app-error';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import { BACKFILL_JOB, enqueueBackfill } from './enqueue-backfill.ts';

export type BackfillProgress = {
  state: 'not_started' | 'queued' | 'running' | 'done';
  /** Posts read back by a backfill so far. */
  posts: number;
  lastError: string | null;
};

export async function backfillProgress(
  db: Database,
  workspaceId: string,
  accountId: string,
): Promise<BackfillProgress> {
  await accountIn(db, workspaceId, accountId);
  const jobs = await db.execute<{ locked_at: Date | null; last_error: string | null }>(sql`
    SELECT j.locked_at, j.last_error FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${BACKFILL_JOB} AND j.key = ${`backfill:${accountId}`}`);
  const counted = await db.execute<{ count: string }>(
    sql`SELECT count(*) FROM measured_posts WHERE account_id = ${accountId} AND source = 'backfill'`,
  );
  const posts = Number(counted.rows[0]?.count ?? 0);
  const job = jobs.rows[0];
  if (job !== undefined)
    return { state: job.locked_at === null ? 'queued' : 'running', posts, lastError: job.last_error ?? null };
  return { state: posts > 0 ? 'done' : 'not_started', posts, lastError: null };
}

export async function requestBackfill(
  deps: { db: Database; runtime: NetworkRuntime },
  workspaceId: string,
  accountId: string,
): Promise<BackfillProgress> {
  const account = await accountIn(deps.db, workspaceId, accountId);
  const provider = deps.runtime.provider(account.network);
  if (provider.listRecentPosts === undefined || provider.manifest.analytics.recentPosts === null)
    throw AppError.conflict(`${provider.manifest.name} does not let Plume read past posts.`);
  if (account.status !== 'connected') throw AppError.conflict('Reconnect the account first.');
  await enqueueBackfill(deps.db, accountId);
  return backfillProgress(deps.db, workspaceId, accountId);
}

async function accountIn(db: Database, workspaceId: string, accountId: string) {
  const [account] = await db
    .select({ network: socialAccounts.network, status: socialAccounts.status })
    .from(socialAccounts)
    .where(and(eq(socialAccounts.id, accountId), eq(socialAccounts.workspaceId, workspaceId)));
  if (account === undefined) throw AppError.notFound('account');
  return account;
}
