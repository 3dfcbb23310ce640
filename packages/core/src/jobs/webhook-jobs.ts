import { z } from 'zod';
import { deliverWebhook, type WebhookDeps } from '../webhooks/deliver-webhook.ts';
import { DELIVER_WEBHOOK_JOB } from '../webhooks/emit-webhook-event.ts';
import { defineJob } from './define-job.ts';

/** Sends one webhook delivery; its retries are queued by the delivery itself (webhook-schedule.ts). */
export const deliverWebhookJob = defineJob({
  id: DELIVER_WEBHOOK_JOB,
  payload: z.object({ deliveryId: z.uuid() }),
  run: (deps: WebhookDeps, payload) => deliverWebhook(deps, payload.deliveryId),
});
