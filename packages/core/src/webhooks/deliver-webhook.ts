/**
 * Sends one delivery (the `deliver_webhook` job): the message's body, signed per Standard Webhooks with
 * the endpoint's secret (and the previous one during a rotation), POSTed through Plume's HTTP client
 * with the SSRF guard, no redirects and a 15 s limit. 2xx is delivered; anything else is tried again
 * on the schedule of webhook-schedule.ts. At least once: a receiver dedupes on `webhook-id`.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { webhookDeliveries, webhookEndpoints, webhookMessages } from '@plume/db/schema/webhooks';
import { describeUnreachable } from '@plume/http/describe-failure';
import type { HttpClient } from '@plume/http/http-client';
import { readTextPrefix } from '@plume/http/response-body';
import type { Keyring } from '../secrets/keyring.ts';
import { recordWebhookAttempt, type AttemptResult, type DeliveryOutcome } from './record-webhook-attempt.ts';
import { webhookHeaders } from './webhook-signature.ts';

export type WebhookDeps = { db: Database; keyring: Keyring; http: HttpClient };

export const WEBHOOK_TIMEOUT_MS = 15_000;
const EXCERPT_CHARS = 500;

export async function deliverWebhook(deps: WebhookDeps, deliveryId: string): Promise<DeliveryOutcome | 'skipped'> {
  const [row] = await deps.db
    .select({ delivery: webhookDeliveries, message: webhookMessages, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (row === undefined || row.delivery.state !== 'pending') return 'skipped';
  const { delivery, message, endpoint } = row;
  const target = { deliveryId, attempt: delivery.attempts + 1, endpoint };
  // A turned-off endpoint gets nothing; the delivery waits in the log for a replay.
  if (!endpoint.enabled && message.type !== 'webhook.test') {
    await deps.db
      .update(webhookDeliveries)
      .set({ state: 'failed', nextAttemptAt: null, lastError: 'Not sent: the endpoint is turned off.' })
      .where(eq(webhookDeliveries.id, deliveryId));
    return 'failed';
  }
  const secrets = secretsOf(deps.keyring, endpoint);
  if (typeof secrets === 'string') return recordWebhookAttempt(deps.db, target, noAnswer(secrets));
  const result = await send(deps.http, endpoint.url, {
    id: message.id,
    body: JSON.stringify(message.payload),
    secrets,
  });
  return recordWebhookAttempt(deps.db, target, result);
}

/** The secrets that sign now: the current one, and the previous one until its overlap ends. */
export function secretsOf(
  keyring: Keyring,
  endpoint: Pick<
    typeof webhookEndpoints.$inferSelect,
    'secretCiphertext' | 'previousSecretCiphertext' | 'previousSecretExpiresAt'
  >,
  now = new Date(),
): string[] | string {
  const ciphertexts = [endpoint.secretCiphertext];
  if (
    endpoint.previousSecretCiphertext !== null &&
    endpoint.previousSecretExpiresAt !== null &&
    endpoint.previousSecretExpiresAt > now
  )
    ciphertexts.push(endpoint.previousSecretCiphertext);
  for (const ciphertext of ciphertexts) {
    const missing = keyring.missingKeyOf(ciphertext);
    if (missing !== null)
      return `Not sent: the signing secret was encrypted with the secret key ${missing}, which this server does not have. Rotate the secret.`;
  }
  return ciphertexts.map((ciphertext) => keyring.decrypt(ciphertext));
}

async function send(
  http: HttpClient,
  url: string,
  message: { id: string; body: string; secrets: readonly string[] },
): Promise<AttemptResult> {
  const started = performance.now();
  try {
    const response = await http.request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...webhookHeaders({ secrets: message.secrets, id: message.id, body: message.body }),
      },
      body: message.body,
      redirect: 'manual',
      retries: 0,
      timeoutMs: WEBHOOK_TIMEOUT_MS,
    });
    const excerpt = await readTextPrefix(response, EXCERPT_CHARS);
    return { status: response.status, latencyMs: performance.now() - started, excerpt };
  } catch (error) {
    const unreachable = describeUnreachable(error);
    const reason =
      unreachable === undefined
        ? `No answer: ${error instanceof Error ? error.message : String(error)}`
        : `No answer from ${unreachable.host}: ${unreachable.reason}.`;
    return { status: null, latencyMs: performance.now() - started, excerpt: reason };
  }
}

function noAnswer(reason: string): AttemptResult {
  return { status: null, latencyMs: 0, excerpt: reason };
}
