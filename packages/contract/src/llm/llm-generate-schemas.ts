/** One model call through the gateway. */
import { z } from 'zod';
import { taskSchema } from './llm-settings-schemas.ts';

const message = z.strictObject({ role: z.enum(['user', 'assistant']), content: z.string().min(1).max(100_000) });

/** Either `prompt` or `messages` is checked in the handler, after the role, so a viewer learns 403 first. */
export const llmGenerateBody = z.strictObject({
  task: taskSchema,
  system: z.string().min(1).max(20_000).optional().describe('Instructions for the model'),
  prompt: z.string().min(1).max(100_000).optional().describe('One user message; or give `messages`'),
  messages: z.array(message).min(1).max(100).optional().describe('A conversation, oldest first; or give `prompt`'),
  maxOutputTokens: z.number().int().min(1).max(32_000).optional(),
  temperature: z.number().min(0).max(2).optional(),
  responseFormat: z.enum(['text', 'json']).default('text').describe('`json` asks the model for one JSON object'),
  cache: z
    .boolean()
    .default(true)
    .describe('false always asks a model (a fresh variant); true may answer from the cache at no cost'),
});

export const chainStep = z.object({
  provider: z.string(),
  model: z.string(),
  outcome: z.string(),
  detail: z.string().optional(),
});

export const llmGenerateResponse = z.object({
  text: z.string(),
  provider: z.string(),
  model: z.string(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  finishReason: z.enum(['stop', 'length', 'content_filter', 'other']),
  latencyMs: z.number(),
  firstTokenMs: z.number(),
  costUsd: z
    .number()
    .describe('What this call cost, from the versioned price table; 0 for local models and cache hits'),
  cacheHit: z.boolean(),
  chain: z.array(chainStep).describe('Every candidate considered, in order, and what happened to it'),
  usageId: z.string().describe('The usage-ledger row of this call'),
});
