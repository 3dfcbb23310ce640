import { integer, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { postTargets } from './publishing.ts';

/**
 * What Plume expected of a post target when it was scheduled or approved, kept so the post page can
 * later set it beside the measured result (measured_posts.engagements). One row per target, replaced
 * when the post is scheduled or approved again.
 */
export const targetPredictions = pgTable('target_predictions', {
  targetId: uuid('target_id')
    .primaryKey()
    .references(() => postTargets.id, { onDelete: 'cascade' }),
  workspaceId: text('workspace_id').notNull(),
  /** Expected engagements and the 80 % range around them. */
  expected: real('expected').notNull(),
  low: real('low').notNull(),
  high: real('high').notNull(),
  /** The account's measured posts the model was trained on. */
  historyPosts: integer('history_posts').notNull(),
  /** Which model made it, e.g. `insights-ridge-v1` or `insights-median-v1` (too little history). */
  model: text('model').notNull(),
  /** The time the prediction was for (the post's scheduled time). */
  forTime: timestamp('for_time', { withTimezone: true }).notNull(),
  predictedAt: timestamp('predicted_at', { withTimezone: true }).notNull().defaultNow(),
});
