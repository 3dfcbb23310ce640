import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LearningAdjustments } from '@plume/contract/agents/learning-outputs';
import { agentRuns } from './agents.ts';
import { users } from './auth.ts';
import { workspaces } from './workspaces.ts';

/**
 * The adjustments of the last applied weekly retrospective, one row per workspace (replaced by the
 * next one): hours to prefer and avoid, topics to repeat and avoid, and the pillar shares it set. The
 * content agent's prompt and placement read them (core/agents/learning/adjustments-source.ts).
 */
export const learningAdjustments = pgTable('learning_adjustments', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  runId: uuid('run_id').references(() => agentRuns.id, { onDelete: 'set null' }),
  /** The Monday (`YYYY-MM-DD`, workspace calendar) of the week the retrospective looked at. */
  week: text('week').notNull(),
  adjustments: jsonb('adjustments').$type<LearningAdjustments>().notNull(),
  appliedBy: text('applied_by').references(() => users.id, { onDelete: 'set null' }),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});
