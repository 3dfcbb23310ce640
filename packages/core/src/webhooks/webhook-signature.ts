/**
 * Standard Webhooks signing (github.com/standard-webhooks/standard-webhooks, spec.md): the signed
 * content is `${webhook-id}.${webhook-timestamp}.${body}`, HMAC-SHA256 with the secret's bytes (the
 * base64 after `whsec_`), sent as `v1,<base64>`; several signatures are separated by spaces.
 */
import { createHmac, randomBytes } from 'node:crypto';

const prefix = 'whsec_';

/** A new secret: 32 random bytes, base64, with the spec's `whsec_` prefix. */
export function generateWebhookSecret(): string {
  return `${prefix}${randomBytes(32).toString('base64')}`;
}

function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith(prefix) ? secret.slice(prefix.length) : secret, 'base64');
}

/**
 * The `webhook-signature` header for one message, one `v1,` signature per secret (during a rotation
 * both the new and the old secret sign, so receivers holding either accept it).
 * @example signWebhook({ secrets: [secret], id: 'msg_1', timestamp: 1700000000, body: '{}' }) // 'v1,K5o…'
 */
export function signWebhook(input: {
  secrets: readonly string[];
  id: string;
  timestamp: number;
  body: string;
}): string {
  const content = `${input.id}.${input.timestamp}.${input.body}`;
  return input.secrets
    .map((secret) => `v1,${createHmac('sha256', secretBytes(secret)).update(content).digest('base64')}`)
    .join(' ');
}

/** The three Standard Webhooks headers for a message sent now. */
export function webhookHeaders(input: {
  secrets: readonly string[];
  id: string;
  body: string;
  now?: Date;
}): Record<string, string> {
  const timestamp = Math.floor((input.now ?? new Date()).getTime() / 1000);
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook({ secrets: input.secrets, id: input.id, timestamp, body: input.body }),
  };
}
