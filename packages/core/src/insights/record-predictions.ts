/**
 * Keeps what Plume expected of each target when its post is scheduled or approved, and reads it back
 * beside the measured result for the post page ("Predicted vs actual", shown once 24 h have passed).
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';
import { targetPredictions } from '@plume/db/schema/insights';
import { postTargets, type posts } from '@plume/db/schema/publishing';
import { workspaces } from '@plume/db/schema/workspaces';
import { resolveTargetContent } from '../posts/resolve-target-content.ts';
import { accountModels } from './account-models.ts';
import { predictWith } from './predict-engagement.ts';

/** The actual result is compared once the post has been out this long (the prediction's horizon). */
export const COMPARE_AFTER_MS = 24 * 3_600_000;

/**
 * Predicts every target of the post for its scheduled time (now when unset) and stores the result,
 * replacing an earlier prediction. Targets whose account has too little history get no row.
 */
export async function recordTargetPredictions(
  tx: Tx,
  post: Pick<typeof posts.$inferSelect, 'id' | 'workspaceId' | 'content' | 'scheduledAt'>,
  now: Date = new Date(),
): Promise<void> {
  const [workspace] = await tx
    .select({ zone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, post.workspaceId));
  const zone = workspace?.zone ?? 'UTC';
  const at = post.scheduledAt ?? now;
  const targets = await tx.select().from(postTargets).where(eq(postTargets.postId, post.id));
  for (const target of targets) {
    const models = await accountModels(tx, { workspaceId: post.workspaceId, accountId: target.accountId, zone });
    const content = resolveTargetContent(post.content, target.override);
    const prediction = predictWith(models, {
      text: content.text,
      mediaCount: content.mediaIds.length,
      hasLink: content.link !== undefined,
      isThread: content.thread.length > 0,
      at,
    });
    if (prediction.status !== 'predicted') {
      await tx.delete(targetPredictions).where(eq(targetPredictions.targetId, target.id));
      continue;
    }
    const values = {
      workspaceId: post.workspaceId,
      expected: prediction.expected,
      low: prediction.low,
      high: prediction.high,
      historyPosts: prediction.historyPosts,
      model: prediction.model,
      forTime: at,
      predictedAt: now,
    };
    await tx
      .insert(targetPredictions)
      .values({ targetId: target.id, ...values })
      .onConflictDoUpdate({ target: targetPredictions.targetId, set: values });
  }
}

export type TargetComparison = {
  targetId: string;
  expected: number;
  low: number;
  high: number;
  historyPosts: number;
  model: string;
  predictedAt: Date;
  /** Measured engagements; null until the post has been out 24 h and measured. */
  actual: number | null;
  actualAt: Date | null;
  /** Where the actual result fell: below, within or above the 80 % range (null without one). */
  verdict: 'below' | 'within' | 'above' | null;
};

/** The stored predictions of these targets with their measured results (only after 24 h). */
export async function targetComparisons(
  db: Pick<Database, 'select'>,
  targetIds: readonly string[],
  now: Date = new Date(),
): Promise<TargetComparison[]> {
  if (targetIds.length === 0) return [];
  const rows = await db
    .select({
      prediction: targetPredictions,
      engagements: measuredPosts.engagements,
      publishedAt: measuredPosts.publishedAt,
      measuredAt: measuredPosts.lastMeasuredAt,
    })
    .from(targetPredictions)
    .leftJoin(measuredPosts, eq(measuredPosts.targetId, targetPredictions.targetId))
    .where(inArray(targetPredictions.targetId, [...targetIds]));
  return rows.map(({ prediction, engagements, publishedAt, measuredAt }) => {
    const isDue = publishedAt !== null && now.getTime() - publishedAt.getTime() >= COMPARE_AFTER_MS;
    const actual = isDue ? engagements : null;
    return {
      targetId: prediction.targetId,
      expected: prediction.expected,
      low: prediction.low,
      high: prediction.high,
      historyPosts: prediction.historyPosts,
      model: prediction.model,
      predictedAt: prediction.predictedAt,
      actual,
      actualAt: actual === null ? null : measuredAt,
      verdict:
        actual === null ? null : actual < prediction.low ? 'below' : actual > prediction.high ? 'above' : 'within',
    };
  });
}
