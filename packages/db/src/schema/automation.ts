import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type {
  ActionResult,
  AutomationAction,
  AutomationCondition,
  RunStatus,
} from '@plume/contract/automation/automation-schemas';
import type { AutomationTrigger } from '@plume/contract/automation/automation-triggers';
import { users } from './auth.ts';
import { posts } from './publishing.ts';
import { workspaces } from './workspaces.ts';

/**
 * A workspace's automation rule (docs/automation.md). Plume turns a rule off by itself when it fires
 * too often (`paused_reason` says so). The signing secret of its webhook calls is encrypted with the
 * instance key. `next_run_at` is the next firing of a `schedule` rule.
 */
export const automationRules = pgTable(
  'automation_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    triggerType: text('trigger_type').$type<AutomationTrigger>().notNull(),
    cron: text('cron'),
    conditions: jsonb('conditions').$type<AutomationCondition[]>().notNull(),
    actions: jsonb('actions').$type<AutomationAction[]>().notNull(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    pausedReason: text('paused_reason'),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    runCount: integer('run_count').notNull().default(0),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('automation_rules_workspace_idx').on(table.workspaceId, table.createdAt),
    index('automation_rules_trigger_idx')
      .on(table.workspaceId, table.triggerType)
      .where(sql`${table.enabled}`),
    index('automation_rules_due_idx')
      .on(table.nextRunAt)
      .where(sql`${table.enabled} AND ${table.nextRunAt} IS NOT NULL`),
  ],
);

/**
 * Something that may start rules: written by fireAutomationTrigger (or the post_events trigger) only
 * when the workspace has an enabled rule for it, with the rule run that caused it, if any (loop
 * protection). A schedule's event names its one rule. The dedupe key makes a repeated event one.
 */
export const automationEvents = pgTable(
  'automation_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    triggerType: text('trigger_type').$type<AutomationTrigger>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    ruleId: uuid('rule_id').references(() => automationRules.id, { onDelete: 'cascade' }),
    causedByRunId: uuid('caused_by_run_id'),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('automation_events_workspace_idx').on(table.workspaceId, table.createdAt),
    uniqueIndex('automation_events_dedupe_idx').on(table.workspaceId, table.dedupeKey),
  ],
);

/**
 * One run of one rule for one event: its input, each action's result, how long it took, or why it was
 * skipped (a limit, loop protection). `chain` lists the rules whose runs led here, this one last.
 */
export const automationRuns = pgTable(
  'automation_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => automationRules.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => automationEvents.id, { onDelete: 'set null' }),
    triggerType: text('trigger_type').$type<AutomationTrigger>().notNull(),
    status: text('status').$type<RunStatus>().notNull(),
    skipReason: text('skip_reason'),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    results: jsonb('results').$type<ActionResult[]>().notNull().default([]),
    actionCount: integer('action_count').notNull().default(0),
    chain: uuid('chain').array().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
  },
  (table) => [
    uniqueIndex('automation_runs_rule_event_idx').on(table.ruleId, table.eventId),
    index('automation_runs_rule_idx').on(table.ruleId, table.startedAt.desc()),
    index('automation_runs_workspace_idx').on(table.workspaceId, table.startedAt),
  ],
);

/** Posts a rule run made: when one is published or fails, the event carries that run (loop protection). */
export const automationPostOrigins = pgTable('automation_post_origins', {
  postId: uuid('post_id')
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  runId: uuid('run_id')
    .notNull()
    .references(() => automationRuns.id, { onDelete: 'cascade' }),
});
