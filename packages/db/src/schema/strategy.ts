import { boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { workspaces } from './workspaces.ts';

/**
 * A workspace's current strategy (pillars and their shares, goals, audience, tone, cadence per
 * network, KPI targets, locale, monthly AI budget), validated in core/planning/strategy.
 */
export const workspaceStrategies = pgTable('workspace_strategies', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  strategy: jsonb('strategy').$type<Record<string, unknown>>().notNull(),
  /** The industry template it started from, and that template's version then. */
  templateId: text('template_id'),
  templateVersion: integer('template_version'),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The workspace's own copy of the industry template it chose, made when it chose it; edits change
 * this row only, never the file in the repository.
 */
export const workspaceTemplateCopies = pgTable('workspace_template_copies', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  templateId: text('template_id').notNull(),
  /** The version of the repository's file the copy was made from. */
  templateVersion: integer('template_version').notNull(),
  template: jsonb('template').$type<Record<string, unknown>>().notNull(),
  /** True once someone in the workspace has changed the copy. */
  edited: boolean('edited').notNull().default(false),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AutopilotLevel = 'off' | 'draft' | 'auto_schedule';

/**
 * A workspace's autopilot: how far Plume acts on its own (off; plan and draft for approval, the
 * default; auto-schedule the approved pillars within the guardrails), the guardrails, and a pause
 * with its reason (a negative spike, or a person). No row: level `draft`, default guardrails.
 */
export const workspaceAutopilots = pgTable('workspace_autopilots', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  level: text('level').$type<AutopilotLevel>().notNull().default('draft'),
  /** Pillar keys whose drafts the autopilot may approve and schedule itself. */
  approvedPillars: text('approved_pillars').array().notNull().default([]),
  /** Most posts a day per account the autopilot schedules up to (posts already scheduled count). */
  postsPerDayPerAccount: integer('posts_per_day_per_account').notNull().default(1),
  /** Words or phrases: a draft mentioning one is never auto-scheduled. */
  bannedTopics: text('banned_topics').array().notNull().default([]),
  requireAiDisclosure: boolean('require_ai_disclosure').notNull().default(true),
  pauseOnNegativeSpike: boolean('pause_on_negative_spike').notNull().default(true),
  pausedAt: timestamp('paused_at', { withTimezone: true }),
  pauseReason: text('pause_reason'),
  /** When a person last resumed it: a spike seen before this does not pause it again. */
  resumedAt: timestamp('resumed_at', { withTimezone: true }),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
