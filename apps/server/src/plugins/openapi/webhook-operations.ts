/**
 * The document's `webhooks` section (OpenAPI 3.1): one operation per event of the catalogue
 * (packages/contract/src/webhooks/webhook-events.ts), its body schema generated from the same zod
 * schema the outbox validates with, and the three Standard Webhooks headers.
 */
import { z } from 'zod';
import {
  WEBHOOK_EVENTS,
  WEBHOOK_EVENT_TYPES,
  webhookPayloadSchema,
  type WebhookEventType,
} from '@plume/contract/webhooks/webhook-events';

type JsonObject = Record<string, unknown>;

const header = (name: string, description: string, example: string): JsonObject => ({
  in: 'header',
  name,
  required: true,
  description,
  schema: { type: 'string' },
  example,
});

const headers = [
  header('webhook-id', 'The message id: the same on every retry and replay; dedupe on it', 'msg_2f1c…'),
  header('webhook-timestamp', 'Seconds since the Unix epoch when this attempt was signed', '1796670000'),
  header(
    'webhook-signature',
    'Space-separated `v1,<base64 HMAC-SHA256>` signatures of `id.timestamp.body` (two during a secret rotation)',
    'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  ),
];

function operationIdOf(type: WebhookEventType): string {
  return `on${type
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}`;
}

function bodySchema(type: WebhookEventType): JsonObject {
  const { $schema, ...schema } = z.toJSONSchema(webhookPayloadSchema(type), { io: 'input', unrepresentable: 'any' });
  void $schema;
  return schema;
}

export function webhookOperations(): Record<string, { post: JsonObject }> {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: operationIdOf(type),
          summary: WEBHOOK_EVENTS[type].summary,
          description: `Plume POSTs this to every enabled endpoint subscribed to \`${type}\` (docs/webhooks.md).`,
          tags: ['webhooks'],
          security: [],
          parameters: headers,
          requestBody: { required: true, content: { 'application/json': { schema: bodySchema(type) } } },
          responses: {
            '200': { description: 'Any 2xx: delivered' },
            '410': { description: 'Gone: Plume turns the endpoint off and tells the workspace admins' },
          },
        },
      },
    ]),
  );
}
