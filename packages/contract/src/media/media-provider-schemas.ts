/** Image, video and speech providers of a workspace (the operator's and its own) and the media tasks' routing policies. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { httpUrlSchema } from '../http-url-schema.ts';
import { CIRCUIT_STATES } from '../llm/llm-enums.ts';
import { healthSchema, providerIdSchema } from '../llm/llm-provider-schemas.ts';
import { candidateSchema, modeSchema } from '../llm/llm-settings-schemas.ts';
import type { Wire } from '../wire.ts';
import { MEDIA_PROVIDER_KINDS, MEDIA_TASKS } from './media-enums.ts';

export const mediaProviderParams = z.object({ workspaceId: workspaceIdParam, providerId: providerIdSchema });

/** Kinds a workspace may save: espeak-ng runs on the server, so only the operator sets it up. */
export const WORKSPACE_MEDIA_KINDS = [
  'openai',
  'google',
  'stability',
  'automatic1111',
  'comfyui',
  'openai_compatible',
] as const satisfies readonly (typeof MEDIA_PROVIDER_KINDS)[number][];

const workspaceKindSchema = z
  .enum(WORKSPACE_MEDIA_KINDS)
  .describe(
    'Which API the provider speaks: `openai`, `google`, `stability` (keys), `automatic1111` / `comfyui` (local Stable Diffusion servers), `openai_compatible` (LocalAI, speaches, Kokoro-FastAPI)',
  );
const baseUrlSchema = httpUrlSchema(500).describe(
  "API base URL; empty for the vendor's default (required for local servers, e.g. http://10.0.0.5:7860)",
);
const apiKeySchema = z.string().min(1).max(500).describe('The API key. Stored encrypted, never shown again');

export const mediaProviderStatusSchema = z.object({
  providerId: z.string(),
  kind: z.enum(MEDIA_PROVIDER_KINDS),
  baseUrl: z.string().nullable(),
  hasKey: z.boolean().describe('Whether a key is set; the key itself is never returned'),
  source: z.enum(['instance', 'workspace']),
  enabled: z.boolean(),
  makes: z
    .object({ image: z.boolean(), video: z.boolean(), speech: z.boolean() })
    .describe('What the provider can make in this build'),
  circuit: z.object({
    state: z.enum(CIRCUIT_STATES).describe('`open`: skipped after repeated failures until `retryAt`'),
    failures: z.number(),
    retryAt: z.string().nullable(),
  }),
  health: healthSchema.optional().describe('Only with `?check=true`, or at once when its saved key cannot be read'),
});

export const mediaProvidersResponse = z.object({
  items: z.array(mediaProviderStatusSchema),
  canMake: z
    .object({ image: z.boolean(), video: z.boolean(), speech: z.boolean() })
    .describe('Whether any enabled provider can make each kind of media'),
});

export const saveMediaProviderBody = z.strictObject({
  kind: workspaceKindSchema,
  baseUrl: baseUrlSchema.nullable().optional().describe('null goes back to the vendor default'),
  apiKey: apiKeySchema.nullable().optional().describe('Absent keeps the stored key; null removes it'),
  enabled: z.boolean().optional(),
});

export const savedMediaProviderResponse = z.object({
  providerId: z.string(),
  kind: z.enum(MEDIA_PROVIDER_KINDS),
  baseUrl: z.string().nullable(),
  hasKey: z.boolean(),
  enabled: z.boolean(),
  updatedAt: z.string(),
});

export const testMediaProviderBody = z.strictObject({
  kind: workspaceKindSchema,
  baseUrl: baseUrlSchema.optional(),
  apiKey: apiKeySchema.optional(),
});

export const mediaTaskSchema = z
  .enum(MEDIA_TASKS)
  .describe('What the media call makes; each has its own routing policy (budgets are shared with text)');

export const mediaPolicyParams = z.object({ workspaceId: workspaceIdParam, task: mediaTaskSchema });

export const mediaPolicyBody = z.strictObject({
  mode: modeSchema,
  candidates: z
    .array(candidateSchema)
    .min(1)
    .max(8)
    .describe('Media provider ids and models, e.g. `automatic1111` / `auto`, `openai` / `gpt-image-1`'),
});

export const mediaPolicyView = z.object({
  task: mediaTaskSchema,
  mode: modeSchema,
  candidates: z.array(z.object({ provider: z.string(), model: z.string() })),
  isDefault: z.boolean().describe('true: the built-in default (local first) for the providers the workspace has'),
});

export const mediaPoliciesResponse = z.object({ items: z.array(mediaPolicyView) });

export type MediaProviderStatus = Wire<typeof mediaProviderStatusSchema>;
export type MediaProvidersView = Wire<typeof mediaProvidersResponse>;
export type SaveMediaProviderBody = Wire<typeof saveMediaProviderBody>;
export type MediaPolicyView = Wire<typeof mediaPolicyView>;
export type MediaPolicyBody = Wire<typeof mediaPolicyBody>;
