import { desc, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { targetDeletions } from '@plume/db/schema/post-deletions';
import { DELETION_RUNNING_MS } from './delete-published-target.ts';

export type DeletionStatus = {
  targetId: string;
  state: 'running' | 'failed' | 'unknown';
  reason: string | null;
  at: string;
};

/**
 * For published targets: the last deletion try, when it did not delete. An attempt with no outcome is
 * running for DELETION_RUNNING_MS, then unknown (its process stopped after the request may have left).
 */
export async function deletionStatusOf(
  db: Pick<Database, 'selectDistinctOn'>,
  publishedTargetIds: readonly string[],
  now = Date.now(),
): Promise<DeletionStatus[]> {
  if (publishedTargetIds.length === 0) return [];
  const rows = await db
    .selectDistinctOn([targetDeletions.targetId])
    .from(targetDeletions)
    .where(inArray(targetDeletions.targetId, [...publishedTargetIds]))
    .orderBy(targetDeletions.targetId, desc(targetDeletions.startedAt));
  return rows.flatMap((row): DeletionStatus[] => {
    const at = row.startedAt.toISOString();
    if (row.outcome === 'failed' || row.outcome === 'unknown')
      return [{ targetId: row.targetId, state: row.outcome, reason: row.detail, at }];
    if (row.outcome !== null) return [];
    const running = now - row.startedAt.getTime() < DELETION_RUNNING_MS;
    const reason = running
      ? null
      : 'The deletion stopped before the network answered; it may or may not be deleted. Deleting again is safe.';
    return [{ targetId: row.targetId, state: running ? 'running' : 'unknown', reason, at }];
  });
}
