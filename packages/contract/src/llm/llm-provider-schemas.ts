/** Model providers of a workspace: the operator's and its own, their health and circuit state. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { httpUrlSchema } from '../http-url-schema.ts';
import { CIRCUIT_STATES, PROVIDER_KINDS } from './llm-enums.ts';
import type { Wire } from '../wire.ts';

export const providerIdSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lowercase letters, digits, - and _')
  .describe('The id routing policies name: the kind (`openai`) or your name for a custom server (`office-vllm`)')
  .meta({ examples: ['openai'] });

export const providerParams = z.object({ workspaceId: workspaceIdParam, providerId: providerIdSchema });

export const providersQuery = z.object({
  check: z
    .enum(['true', 'false'])
    .default('false')
    .describe('`true` also calls each provider (list models) in parallel, 5 s at most, and reports its health'),
});

const kindSchema = z
  .enum(PROVIDER_KINDS)
  .describe('Which API the provider speaks; `openai_compatible` covers vLLM, LM Studio, LocalAI');
const baseUrlSchema = httpUrlSchema(500).describe(
  "API base URL; empty for the vendor's default (required for openai_compatible)",
);
const apiKeySchema = z.string().min(1).max(500).describe('The API key. Stored encrypted, never shown again');

export const healthSchema = z.object({
  ok: z.boolean(),
  latencyMs: z.number(),
  reason: z.string().optional().describe('Why it is not ok, in plain words'),
  models: z.number().optional().describe('How many models the provider lists'),
});

export const providerStatusSchema = z.object({
  providerId: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  baseUrl: z.string().nullable(),
  hasKey: z.boolean().describe('Whether a key is set; the key itself is never returned'),
  source: z
    .enum(['instance', 'workspace'])
    .describe('`instance`: configured by the server operator; `workspace`: saved here'),
  enabled: z.boolean(),
  circuit: z.object({
    state: z.enum(CIRCUIT_STATES).describe('`open`: skipped after repeated failures until `retryAt`'),
    failures: z.number(),
    retryAt: z.string().nullable(),
  }),
  health: healthSchema.optional().describe('Only with `?check=true`'),
});

export const providersResponse = z.object({ items: z.array(providerStatusSchema) });

export const saveProviderBody = z.strictObject({
  kind: kindSchema,
  baseUrl: baseUrlSchema.nullable().optional().describe('null goes back to the vendor default'),
  apiKey: apiKeySchema.nullable().optional().describe('Absent keeps the stored key; null removes it'),
  enabled: z.boolean().optional(),
});

export const savedProviderResponse = z.object({
  providerId: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  baseUrl: z.string().nullable(),
  hasKey: z.boolean(),
  enabled: z.boolean(),
  updatedAt: z.string(),
});

export const testProviderBody = z.strictObject({
  kind: kindSchema,
  baseUrl: baseUrlSchema.optional(),
  apiKey: apiKeySchema.optional(),
});

export type ProviderHealth = Wire<typeof healthSchema>;
export type ProviderStatus = Wire<typeof providerStatusSchema>;
export type SaveProviderBody = Wire<typeof saveProviderBody>;
