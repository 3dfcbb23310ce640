/**
 * The outgoing webhook event catalogue (docs/webhooks.md). Every message body is
 * `{ type, timestamp, data }` as the Standard Webhooks spec suggests; `data` has the schema below.
 * The OpenAPI document's `webhooks` section is generated from these schemas.
 */
import { z } from 'zod';
import { POST_STATES, FAILURE_KINDS } from '../posts/post-states.ts';
import { INBOX_KINDS } from '../inbox/inbox-enums.ts';

const instant = z.iso.datetime({ offset: true });
const actor = z
  .object({ id: z.string().nullable(), name: z.string().nullable() })
  .describe('Who caused it: a member (id and name), or Plume itself (id null)');

const targetFields = {
  workspaceId: z.string(),
  postId: z.uuid(),
  targetId: z.uuid().describe('The post on one account'),
  accountId: z.uuid(),
  network: z.string().describe('Network id, e.g. `mastodon`'),
};

export const postStateChangedData = z.object({
  workspaceId: z.string(),
  postId: z.uuid(),
  from: z.enum(POST_STATES).nullable().describe('null when the post was just created'),
  to: z.enum(POST_STATES),
  actor,
  at: instant,
});

export const postPublishedData = z.object({
  ...targetFields,
  remoteId: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: instant.nullable(),
});

export const postFailedData = z.object({
  ...targetFields,
  failureKind: z.enum(FAILURE_KINDS).nullable(),
  reason: z.string().nullable().describe('In plain words, as the post page shows it'),
});

export const postDeletedData = z.object({
  ...targetFields,
  remoteId: z.string().nullable(),
  actor,
  deletedAt: instant,
});

export const planWeekApprovedData = z.object({
  workspaceId: z.string(),
  planId: z.uuid(),
  week: z.string().describe('The Monday the week starts, e.g. `2026-12-07`'),
  approvedBriefIds: z.array(z.string()),
  pendingBriefIds: z.array(z.string()).describe('Briefs whose posts still wait for review or failed a check'),
  actor,
});

export const inboxItemCreatedData = z.object({
  workspaceId: z.string(),
  accountId: z.uuid().describe('The connected account the item came to'),
  network: z.string().describe('Network id, e.g. `mastodon`'),
  conversationId: z.uuid(),
  itemId: z.uuid(),
  kind: z.enum(INBOX_KINDS),
  authorHandle: z.string().describe('Who wrote it, as the network names them'),
  excerpt: z.string().describe('The first 280 characters of its text'),
  url: z.string().nullable().describe('The item on its network, when it has a link'),
  createdAt: instant.describe('When the network says it was written'),
});

export const webhookTestData = z.object({
  workspaceId: z.string(),
  endpointId: z.uuid(),
  message: z.string(),
});

/** Every event type with its `data` schema and one line for the docs. */
export const WEBHOOK_EVENTS = {
  'post.state_changed': { data: postStateChangedData, summary: 'A post moved to another state' },
  'post.published': { data: postPublishedData, summary: 'A post went out on one account' },
  'post.failed': { data: postFailedData, summary: 'A post failed on one account' },
  'post.unconfirmed': {
    data: postFailedData,
    summary: 'Plume could not tell whether a post went out on one account',
  },
  'post.deleted': { data: postDeletedData, summary: 'A published post was deleted from its network' },
  'inbox.item_created': {
    data: inboxItemCreatedData,
    summary: 'A new comment, reply, mention, message or review came into the inbox',
  },
  'plan.week_approved': { data: planWeekApprovedData, summary: "A plan's week was approved" },
  'webhook.test': { data: webhookTestData, summary: 'A test event sent from the webhook settings' },
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];
/** What an endpoint can subscribe to: every type but the test event, which goes to the one endpoint tested. */
export const SUBSCRIBABLE_EVENT_TYPES = WEBHOOK_EVENT_TYPES.filter((type) => type !== 'webhook.test') as [
  WebhookEventType,
  ...WebhookEventType[],
];

/** The body of a message of one type. */
export function webhookPayloadSchema<Type extends WebhookEventType>(type: Type) {
  return z.object({
    type: z.literal(type),
    timestamp: instant,
    data: WEBHOOK_EVENTS[type].data,
  });
}

export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];
