import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { workspaces } from './workspaces.ts';

export type AgentRunState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type AgentStepState = 'running' | 'succeeded' | 'failed';

/**
 * One run of an agent (intelligence, strategy…): a job with a typed input and output. Its steps are
 * rows of `agent_run_steps`; a step with a stored result is never run again, which is how a run
 * resumed after a crash avoids paying twice for a model call.
 */
export const agentRuns = pgTable(
  'agent_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** What the run does, e.g. `intelligence` or `intelligence_strategy`. */
    kind: text('kind').notNull(),
    state: text('state').$type<AgentRunState>().notNull().default('queued'),
    input: jsonb('input').$type<unknown>().notNull(),
    output: jsonb('output').$type<unknown>(),
    /** The cost estimated before the run started, in micro-dollars (0: local models only). */
    estimateMicros: bigint('estimate_micros', { mode: 'number' }).notNull().default(0),
    /** What its model calls have cost so far. */
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    /** The budget could not cover paid models at the start: every call goes to local models. */
    localOnly: boolean('local_only').notNull().default(false),
    /** Steps the run plans to take, for the progress bar. */
    plannedSteps: integer('planned_steps').notNull().default(0),
    error: text('error'),
    /** Set by a cancel request; the runner stops before its next step. */
    cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true }),
    requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** When its proposal (strategy or learning) was applied; set once. */
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('agent_runs_workspace_created_idx').on(table.workspaceId, table.createdAt),
    check('agent_runs_state_check', sql`${table.state} in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
  ],
);

/** One step of a run: a model call or a computation, with what it used and what it gave. */
export const agentRunSteps = pgTable(
  'agent_run_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => agentRuns.id, { onDelete: 'cascade' }),
    /** Unique per run, e.g. `summary` or `strategy:attempt-1`. */
    key: text('key').notNull(),
    position: integer('position').notNull(),
    state: text('state').$type<AgentStepState>().notNull().default('running'),
    model: text('model'),
    provider: text('provider'),
    promptChars: integer('prompt_chars').notNull().default(0),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    ms: integer('ms').notNull().default(0),
    /** How many times the step was started (more than 1: a crash interrupted it). */
    attempts: integer('attempts').notNull().default(1),
    result: jsonb('result').$type<unknown>(),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('agent_run_steps_run_key_idx').on(table.runId, table.key),
    check('agent_run_steps_state_check', sql`${table.state} in ('running', 'succeeded', 'failed')`),
  ],
);
