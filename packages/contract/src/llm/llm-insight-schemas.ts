/** What the usage ledger says: statistics, spend, comparisons, recommendations and dry runs of routing. */
import { z } from 'zod';
import { COST_GROUPINGS } from './llm-enums.ts';
import { modeSchema, taskSchema } from './llm-settings-schemas.ts';
import type { Wire } from '../wire.ts';

export const periodQuery = z.object({
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Start (inclusive), ISO 8601; default 30 days before `to`'),
  to: z.iso.datetime({ offset: true }).optional().describe('End (exclusive), ISO 8601; default now'),
});

export const costQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe('Start (inclusive); default 30 days before `to`'),
  to: z.iso.datetime({ offset: true }).optional().describe('End (exclusive); default now'),
  groupBy: z.enum(COST_GROUPINGS).default('day'),
});

export const statsRow = z.object({
  provider: z.string(),
  model: z.string(),
  task: z.string(),
  calls: z.number(),
  successRate: z.number().describe('0–1'),
  p50LatencyMs: z.number().nullable(),
  p95LatencyMs: z.number().nullable(),
  p50FirstTokenMs: z.number().nullable().describe('Median time to the first token'),
  costPer1kTokensUsd: z.number().nullable(),
  totalCostUsd: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  avgQuality: z.number().nullable().describe('0–100, from the Content studio scores'),
  cacheHits: z.number(),
});

export const usageResponse = z.object({ from: z.string(), to: z.string(), items: z.array(statsRow) });

const costGroup = z.object({
  key: z.string(),
  calls: z.number(),
  costUsd: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  cacheHits: z.number(),
  failures: z.number(),
});

export const costResponse = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(COST_GROUPINGS),
  items: z.array(costGroup),
  totals: costGroup.omit({ key: true }),
});

export const comparisonQuery = z.object({
  task: taskSchema.default('caption'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const comparisonResponse = z.object({
  task: taskSchema,
  items: z.array(statsRow.extend({ fastest: z.boolean(), cheapest: z.boolean(), bestQuality: z.boolean() })),
});

export const recommendationQuery = z.object({ task: taskSchema });

const recommendedCandidate = z.object({
  provider: z.string(),
  model: z.string(),
  local: z.boolean(),
  estimatedCostUsd: z.number().describe('For a typical call: about 600 tokens in, 512 out'),
  stats: z
    .object({
      calls: z.number(),
      successRate: z.number(),
      p50LatencyMs: z.number().nullable(),
      p95LatencyMs: z.number().nullable(),
      avgQuality: z.number().nullable(),
      costPer1kTokensUsd: z.number().nullable(),
    })
    .nullable(),
});

const planStep = z.object({
  provider: z.string(),
  model: z.string(),
  outcome: z.string(),
  detail: z.string().optional(),
  estimatedCostUsd: z.number().optional(),
});

export const recommendationResponse = z.object({
  task: taskSchema,
  currentMode: modeSchema,
  isDefaultPolicy: z.boolean(),
  byMode: z.array(z.object({ mode: modeSchema, candidates: z.array(recommendedCandidate) })),
  unavailable: z.array(planStep).describe('Candidates of the policy that cannot answer now, and why'),
  recommendedMode: modeSchema,
  reason: z.string(),
});

export const requestSizeBody = z.strictObject({
  task: taskSchema,
  promptTokens: z
    .number()
    .int()
    .min(1)
    .max(2_000_000)
    .optional()
    .describe('Estimated prompt size in tokens; or give `promptChars`'),
  promptChars: z
    .number()
    .int()
    .min(1)
    .max(8_000_000)
    .optional()
    .describe('Prompt size in characters (about 4 a token)'),
  maxOutputTokens: z.number().int().min(1).max(200_000).default(1024),
});

export const selectBody = requestSizeBody.extend({
  mode: modeSchema.optional().describe("Try another mode than the task's policy"),
});

export const selectResponse = z.object({
  task: taskSchema,
  mode: modeSchema,
  degraded: z.boolean(),
  steps: z.array(planStep).describe('Every candidate in order: `would_ask`, `fallback`, or why it is skipped'),
  selected: z.object({ provider: z.string(), model: z.string(), estimatedCostUsd: z.number() }).nullable(),
  reason: z.string(),
});

export const costOptimizeResponse = z.object({
  task: taskSchema,
  items: z.array(
    z.object({
      provider: z.string(),
      model: z.string(),
      local: z.boolean(),
      priceVersion: z.string(),
      estimatedCostUsd: z.number(),
      budgetBlocked: z.string().nullable(),
    }),
  ),
  unavailable: z.array(planStep),
});

export const optimizeBody = z.strictObject({
  apply: z.boolean().default(false).describe('true saves every proposal (admin); false only shows them'),
});

const policy = z.object({
  mode: modeSchema,
  candidates: z.array(z.object({ provider: z.string(), model: z.string() })),
});

export const optimizeResponse = z.object({
  applied: z.boolean(),
  items: z.array(
    z.object({
      task: taskSchema,
      current: policy,
      proposed: policy.nullable(),
      reason: z.string(),
      applied: z.boolean(),
    }),
  ),
});

export type UsageRow = Wire<typeof statsRow>;
export type CostAnalysis = Wire<typeof costResponse>;
