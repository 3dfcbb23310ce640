/** Workspace API keys. The secret is shown once, in the create answer. */
import { z } from 'zod';
import { timestamp, type Wire } from '../wire.ts';

/** What a key may do: read data, or also change it. */
export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  expiresAt: timestamp.nullable(),
  createdBy: z.string().nullable(),
});

export const createdApiKeySchema = apiKeySchema.extend({ key: z.string().describe('The full key; never shown again') });

export const createApiKeyBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export type ApiKey = Wire<typeof apiKeySchema>;
export type CreatedApiKey = Wire<typeof createdApiKeySchema>;
export type CreateApiKeyBody = Wire<typeof createApiKeyBody>;
