/**
 * Posts whose publish failed because their account was disconnected are not re-sent on their own
 * when it is reconnected: a post that was due hours ago may no longer be wanted. The accounts page
 * counts them and offers to retry them all at once.
 */
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import type { PostActor } from '../posts/approval-settings.ts';
import { actOnPost, type PostDeps } from '../posts/manage-posts.ts';
import { getAccount } from './account-store.ts';

const failedForDisconnection = (workspaceId: string) =>
  and(
    eq(postTargets.workspaceId, workspaceId),
    eq(postTargets.state, 'failed'),
    eq(postTargets.failureKind, 'account_disconnected'),
    eq(posts.state, 'failed'),
  );

/** Per account of the workspace: how many failed posts are waiting for it to be reconnected. */
export async function countFailedWhileDisconnected(
  db: Pick<Database, 'select'>,
  workspaceId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ accountId: postTargets.accountId, posts: count() })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(failedForDisconnection(workspaceId))
    .groupBy(postTargets.accountId);
  return new Map(rows.map((row) => [row.accountId, row.posts]));
}

export type RetryReport = { retried: number; skipped: { postId: string; reason: string }[] };

/**
 * Retries every failed post of this (connected) account that failed because it was disconnected.
 * Each post is its own retry: one that can no longer go out as it is (say, a deleted media file)
 * is reported with the reason and the others still go.
 */
export async function retryFailedWhileDisconnected(
  deps: PostDeps,
  input: { workspaceId: string; accountId: string; actor: PostActor },
): Promise<RetryReport> {
  const account = await getAccount(deps.db, input.workspaceId, input.accountId);
  if (account.status !== 'connected')
    throw new AppError('invalid_state', { detail: 'Reconnect the account first; its posts would fail again.' });
  const rows = await deps.db
    .selectDistinct({ postId: postTargets.postId })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(and(failedForDisconnection(input.workspaceId), eq(postTargets.accountId, account.id)));
  const report: RetryReport = { retried: 0, skipped: [] };
  for (const { postId } of rows) {
    try {
      await actOnPost(deps, { workspaceId: input.workspaceId, postId, actor: input.actor, action: { type: 'retry' } });
      report.retried += 1;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      report.skipped.push({ postId, reason: error.detail ?? error.message });
    }
  }
  return report;
}
