import { index, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { postTargets } from './publishing.ts';

/**
 * One try at deleting a published target from its network, written before the network is called
 * (like publish_attempts): an attempt without an outcome means the call is running, or its process
 * stopped mid-way and nobody knows whether the network deleted the post.
 */
export const targetDeletions = pgTable(
  'target_deletions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => postTargets.id, { onDelete: 'cascade' }),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** `deleted`; `failed` when the network answered no; `unknown` when no answer came after sending. */
    outcome: text('outcome').$type<'deleted' | 'failed' | 'unknown'>(),
    detail: text('detail'),
    durationMs: real('duration_ms'),
  },
  (table) => [index('target_deletions_target_idx').on(table.targetId, table.startedAt)],
);
