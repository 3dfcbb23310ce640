/** Workspace webhook endpoints and their delivery log. A secret is shown at creation and rotation only. */
import { z } from 'zod';
import { httpUrlSchema } from '../http-url-schema.ts';
import { workspaceIdParam } from '../common-schemas.ts';
import { timestamp, type Wire } from '../wire.ts';
import { SUBSCRIBABLE_EVENT_TYPES, WEBHOOK_DELIVERY_STATES, WEBHOOK_EVENT_TYPES } from './webhook-events.ts';

const eventTypes = z
  .array(z.enum(SUBSCRIBABLE_EVENT_TYPES, { error: 'Choose events from the catalogue (docs/webhooks.md)' }))
  .min(1, 'Choose at least one event')
  .max(SUBSCRIBABLE_EVENT_TYPES.length);

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  failingSince: timestamp.nullable(),
  previousSecretExpiresAt: timestamp
    .nullable()
    .describe('After a rotation: until then messages are signed with the old secret too'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const createdWebhookSchema = webhookSchema.extend({
  secret: z.string().describe('The signing secret (`whsec_…`); never shown again'),
});

export const rotatedWebhookSecretSchema = z.object({
  secret: z.string().describe('The new signing secret (`whsec_…`); never shown again'),
  previousSecretExpiresAt: timestamp,
});

export const createWebhookBody = z
  .object({
    url: httpUrlSchema(),
    description: z.string().trim().max(200).default(''),
    eventTypes,
  })
  .strict();

export const updateWebhookBody = z
  .object({
    url: httpUrlSchema().optional(),
    description: z.string().trim().max(200).optional(),
    eventTypes: eventTypes.optional(),
    enabled: z.boolean().optional().describe('Turning an endpoint back on clears why it was turned off'),
  })
  .strict();

export const webhookAttemptSchema = z.object({
  attemptedAt: timestamp,
  status: z.number().int().nullable().describe('HTTP status; null when no answer came'),
  latencyMs: z.number(),
  ok: z.boolean(),
  responseExcerpt: z.string().describe('The first 500 characters of the answer, or why none came'),
});

export const webhookDeliverySchema = z.object({
  id: z.string(),
  messageId: z.string().describe('The `webhook-id` header: the same on every attempt and replay'),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  state: z.enum(WEBHOOK_DELIVERY_STATES),
  attempts: z.number().int(),
  nextAttemptAt: timestamp.nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: timestamp,
  attemptLog: z.array(webhookAttemptSchema).describe('Newest first, at most 20'),
});

export const webhookParams = z.object({ workspaceId: workspaceIdParam, webhookId: z.uuid() });
export const webhookDeliveryParams = webhookParams.extend({ deliveryId: z.uuid() });

export type Webhook = Wire<typeof webhookSchema>;
export type CreatedWebhook = Wire<typeof createdWebhookSchema>;
export type RotatedWebhookSecret = Wire<typeof rotatedWebhookSecretSchema>;
export type CreateWebhookBody = Wire<typeof createWebhookBody>;
export type UpdateWebhookBody = Wire<typeof updateWebhookBody>;
export type WebhookDelivery = Wire<typeof webhookDeliverySchema>;
