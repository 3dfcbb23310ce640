/** Routing policies and budgets of a workspace's model calls. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { LLM_TASKS, ROUTING_MODES } from './llm-enums.ts';
import type { Wire } from '../wire.ts';

export const taskSchema = z
  .enum(LLM_TASKS)
  .describe('What the call is for; policies, budgets and statistics are kept per task');
export const modeSchema = z
  .enum(ROUTING_MODES)
  .describe(
    '`local_first`, `fastest` (measured median latency), `cheapest` (estimate), `best_quality` (measured quality, else price)',
  );

export const candidateSchema = z.strictObject({
  provider: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Not a provider id')
    .describe('A provider id from GET …/llm/providers')
    .meta({ examples: ['ollama'] }),
  model: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w.:/@-]+$/, 'Not a model name')
    .describe('The model; `auto` on a local provider = the first suitable installed model')
    .meta({ examples: ['auto'] }),
});

export const policyParams = z.object({ workspaceId: workspaceIdParam, task: taskSchema });

export const policyBody = z.strictObject({
  mode: modeSchema,
  candidates: z
    .array(candidateSchema)
    .min(1)
    .max(8)
    .describe('Tried in the order the mode gives; ties keep this order'),
});

export const policyView = z.object({
  task: taskSchema,
  mode: modeSchema,
  candidates: z.array(z.object({ provider: z.string(), model: z.string() })),
  isDefault: z
    .boolean()
    .describe('true: no stored policy, this is the built-in default for the providers the workspace has'),
});

export const policiesResponse = z.object({ items: z.array(policyView) });

const usd = z.number().min(0).max(1_000_000);

export const budgetBody = z.strictObject({
  dailyLimitUsd: usd.nullable().describe('US dollars a day (UTC); null = no cap'),
  monthlyLimitUsd: usd.nullable().describe('US dollars a calendar month; null = no cap'),
  dailyRequestLimit: z.number().int().min(0).max(10_000_000).nullable().describe('Model requests a day; null = no cap'),
  monthlyRequestLimit: z
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .nullable()
    .describe('Model requests a month; null = no cap'),
  degradeAtPercent: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(80)
    .describe('From this share of a money cap on, cheaper and local models go first'),
});

const periodView = z.object({ costUsd: z.number(), requests: z.number() });

export const budgetResponse = z.object({
  dailyLimitUsd: z.number().nullable(),
  monthlyLimitUsd: z.number().nullable(),
  dailyRequestLimit: z.number().nullable(),
  monthlyRequestLimit: z.number().nullable(),
  degradeAtPercent: z.number(),
  today: periodView,
  thisMonth: periodView,
  degraded: z.boolean().describe('true: past the degrade threshold now, so the cheapest models go first'),
});

export type Candidate = Wire<typeof candidateSchema>;
export type PolicyView = Wire<typeof policyView>;
export type PolicyBody = Wire<typeof policyBody>;
export type BudgetSettings = Wire<typeof budgetBody>;
export type BudgetView = Wire<typeof budgetResponse>;
