import { WEBHOOK_EVENTS, type WebhookEventType } from '@plume/contract/webhooks/webhook-events';

/** An event type with its one-line meaning, for checkboxes and the delivery log. */
export function eventLabel(type: WebhookEventType): string {
  return WEBHOOK_EVENTS[type].summary;
}
