import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { workspaces } from './workspaces.ts';

/**
 * LLM providers configured by a workspace (cloud keys, custom OpenAI-compatible servers). The
 * instance's own providers (OLLAMA_URL, keys in the environment) are not rows: they come from config.
 */
export const llmProviders = pgTable(
  'llm_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The id routing policies name: the kind (`openai`) or the admin's name for a custom server. */
    providerId: text('provider_id').notNull(),
    /**
     * `text` (language models) or `media` (images, video, speech: MEDIA_PROVIDER_KINDS). Each purpose
     * has its own ids, so an `openai` text key and an `openai` media key can differ.
     */
    purpose: text('purpose').$type<'text' | 'media'>().notNull().default('text'),
    kind: text('kind').notNull(),
    baseUrl: text('base_url'),
    apiKeyCiphertext: text('api_key_ciphertext'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('llm_providers_workspace_provider_idx').on(table.workspaceId, table.purpose, table.providerId),
    check('llm_providers_purpose', sql`${table.purpose} IN ('text', 'media')`),
  ],
);

export type RouteCandidate = { provider: string; model: string };
export type RoutingMode = 'local_first' | 'fastest' | 'cheapest' | 'best_quality';

/** A workspace's routing policy for one task; tasks without a row use the built-in default. */
export const llmRoutingPolicies = pgTable(
  'llm_routing_policies',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    task: text('task').notNull(),
    mode: text('mode').$type<RoutingMode>().notNull(),
    candidates: jsonb('candidates').$type<RouteCandidate[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.task] })],
);

/** Spending caps per workspace. Money is in micro-dollars (1 USD = 1,000,000) so sums stay exact. */
export const llmBudgets = pgTable('llm_budgets', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  dailyLimitMicros: bigint('daily_limit_micros', { mode: 'number' }),
  monthlyLimitMicros: bigint('monthly_limit_micros', { mode: 'number' }),
  dailyRequestLimit: integer('daily_request_limit'),
  monthlyRequestLimit: integer('monthly_request_limit'),
  /** From this share of a money cap on, calls go to local or cheaper models first. */
  degradeAtPercent: smallint('degrade_at_percent').notNull().default(80),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Running totals per workspace and period (`day:2026-12-04`, `month:2026-12`), written with each
 * ledger row so the budget check reads one row instead of summing the ledger.
 */
export const llmSpend = pgTable(
  'llm_spend',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    requests: integer('requests').notNull().default(0),
    /** Alert thresholds (80, 90, 100) already announced for this period. */
    alerted: jsonb('alerted').$type<number[]>().notNull().default([]),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.period] })],
);

export type FallbackStep = { provider: string; model: string; outcome: string; detail?: string };

/** Every model call: the cost ledger and the source of model statistics. */
export const llmUsage = pgTable(
  'llm_usage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    task: text('task').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    latencyMs: integer('latency_ms').notNull().default(0),
    firstTokenMs: integer('first_token_ms'),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    /** The price table version the cost was computed with. */
    priceVersion: text('price_version'),
    cacheHit: boolean('cache_hit').notNull().default(false),
    fallbackChain: jsonb('fallback_chain').$type<FallbackStep[]>().notNull().default([]),
    /** `ok`, an LlmProviderError kind of the last candidate, `budget_exceeded` or `no_candidate`. */
    outcome: text('outcome').notNull(),
    qualityScore: smallint('quality_score'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('llm_usage_workspace_time_idx').on(table.workspaceId, table.createdAt),
    index('llm_usage_model_idx').on(table.provider, table.model, table.task),
    check('llm_usage_quality_range', sql`${table.qualityScore} IS NULL OR ${table.qualityScore} BETWEEN 0 AND 100`),
  ],
);

/** Answers to identical normalized requests, per workspace, until they expire. */
export const llmCache = pgTable(
  'llm_cache',
  {
    key: text('key').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    answer: jsonb('answer').$type<Record<string, unknown>>().notNull(),
    hits: integer('hits').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('llm_cache_expiry_idx').on(table.expiresAt)],
);
