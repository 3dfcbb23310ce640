import { integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { WeeklyReportBody } from '@plume/contract/reports/weekly-report-schemas';
import { users } from './auth.ts';
import { measuredPosts } from './analytics.ts';
import { workspaces } from './workspaces.ts';

/**
 * One weekly report per workspace and week (Monday 00:00 in the workspace's zone at the time). The
 * unique index makes building it idempotent: a second worker or a restart inserts nothing.
 */
export const weeklyReports = pgTable(
  'weekly_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    weekStart: timestamp('week_start', { withTimezone: true }).notNull(),
    timezone: text('timezone').notNull(),
    body: jsonb('body').$type<WeeklyReportBody>().notNull(),
    /** The admin who asked for it with "Generate now"; null when the weekly job built it. */
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('weekly_reports_workspace_week_idx').on(table.workspaceId, table.weekStart)],
);

export type PostAlertDirection = 'viral' | 'failure';

/** The viral / failure alerts raised: at most one per measured post and direction. */
export const postAlerts = pgTable(
  'post_alerts',
  {
    measuredPostId: uuid('measured_post_id')
      .notNull()
      .references(() => measuredPosts.id, { onDelete: 'cascade' }),
    direction: text('direction').$type<PostAlertDirection>().notNull(),
    /** The reading that raised it: the post's age, its engagements and what the curve expected. */
    ageMinutes: integer('age_minutes').notNull(),
    engagements: integer('engagements').notNull(),
    expected: real('expected'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.measuredPostId, table.direction] })],
);
