/**
 * Meta's webhooks for the inbox (Facebook Pages and Instagram): the signature check, the subscription
 * handshake, and reading the events into inbox items grouped by the account they belong to.
 * Meta signs each call's raw body with the app secret: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>`.
 * Page `feed` changes carry comments (`item: comment`, verb add / edited / remove / hide), and
 * `messaging` events carry Messenger messages (`is_echo` for the Page's own).
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started
 * https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed
 * https://developers.facebook.com/docs/messenger-platform/webhooks
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { InboxItemReading, InboxWebhookOperations, PushedInboxItems } from '../inbox-contract.ts';
import { graphTime } from './inbox-window.ts';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** True when `X-Hub-Signature-256` is the HMAC-SHA256 of the raw body with the app secret. */
export function verifyMetaSignature(input: {
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: Buffer;
  appSecret: string;
}): boolean {
  if (input.appSecret === '') return false;
  const header = Object.entries(input.headers).find(([name]) => name.toLowerCase() === 'x-hub-signature-256')?.[1];
  const match = SIGNATURE.exec(header?.trim() ?? '');
  if (match?.[1] === undefined) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', input.appSecret).update(input.rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The subscription handshake (`GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`): the
 * challenge to echo when the token is ours, undefined otherwise (answer 403).
 */
export function answerMetaSubscription(
  query: Readonly<Record<string, string | undefined>>,
  verifyToken: string,
): string | undefined {
  const token = Buffer.from(query['hub.verify_token'] ?? '');
  const ours = Buffer.from(verifyToken);
  const challenge = query['hub.challenge'];
  if (query['hub.mode'] !== 'subscribe' || challenge === undefined || verifyToken === '') return undefined;
  return token.length === ours.length && timingSafeEqual(token, ours) ? challenge : undefined;
}

const messagingSchema = z.looseObject({
  sender: z.looseObject({ id: z.coerce.string() }),
  recipient: z.looseObject({ id: z.coerce.string() }),
  timestamp: z.number().optional(),
  message: z
    .looseObject({
      mid: z.string(),
      text: z.string().optional(),
      is_echo: z.boolean().optional(),
      is_deleted: z.boolean().optional(),
    })
    .optional(),
});

const changeSchema = z.looseObject({ field: z.string(), value: z.unknown() });

export const webhookEntrySchema = z.looseObject({
  id: z.coerce.string(),
  time: z.number().optional(),
  changes: z.array(z.unknown()).optional(),
  messaging: z.array(z.unknown()).optional(),
});

const bodySchema = z.looseObject({ object: z.string(), entry: z.array(z.unknown()) });

type Entry = z.output<typeof webhookEntrySchema>;

/** A `messaging` event as a message item of the account `ownId`; undefined for other events (reads, deliveries). */
export function messagingItem(event: unknown, ownId: string, network: string): InboxItemReading | undefined {
  const parsed = messagingSchema.safeParse(event);
  if (!parsed.success || parsed.data.message === undefined) return undefined;
  const { sender, recipient, timestamp, message } = parsed.data;
  const fromAccount = message.is_echo === true || sender.id === ownId;
  const person = fromAccount ? recipient.id : sender.id;
  const createdAt = graphTime(timestamp) ?? new Date();
  return {
    remoteId: message.mid,
    kind: 'message',
    conversationKey: person,
    parentRemoteId: null,
    postRemoteId: null,
    // Webhooks name people by id only; the poll's reading brings the name.
    author: { id: sender.id, handle: sender.id, displayName: `${network} user` },
    text: message.text ?? '',
    createdAt,
    url: null,
    fromAccount,
    ...(message.is_deleted === true ? { gone: true } : {}),
    meta: { recipientId: person },
  };
}

const feedCommentSchema = z.looseObject({
  item: z.literal('comment'),
  verb: z.string(),
  comment_id: z.coerce.string(),
  post_id: z.coerce.string(),
  parent_id: z.coerce.string().optional(),
  message: z.string().optional(),
  created_time: z.union([z.number(), z.string()]).optional(),
  from: z.looseObject({ id: z.coerce.string(), name: z.string().optional() }).optional(),
  post: z.looseObject({ status_type: z.string().optional(), permalink_url: z.string().optional() }).optional(),
});

/** A Page `feed` change about a comment as an item; undefined for posts, reactions and the rest. */
function feedCommentItem(value: unknown, entry: Entry): InboxItemReading | undefined {
  const parsed = feedCommentSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const change = parsed.data;
  const parentId = change.parent_id === undefined || change.parent_id === change.post_id ? null : change.parent_id;
  const [, ownId] = change.post_id.split('_');
  // Publishing stores a video post as its video id, like the poll reports it.
  const postRemoteId = change.post?.status_type === 'added_video' && ownId !== undefined ? ownId : change.post_id;
  const name = change.from?.name ?? 'Facebook user';
  return {
    remoteId: change.comment_id,
    kind: parentId === null ? 'comment' : 'reply',
    conversationKey: parentId ?? change.comment_id,
    parentRemoteId: parentId,
    postRemoteId,
    author: { id: change.from?.id ?? '', handle: name, displayName: name },
    text: change.message ?? '',
    createdAt: graphTime(change.created_time) ?? graphTime(entry.time) ?? new Date(),
    url: `https://www.facebook.com/${change.comment_id}`,
    fromAccount: change.from?.id === entry.id,
    ...(change.verb === 'remove' ? { gone: true } : {}),
    meta: { postId: postRemoteId, ...(change.verb === 'hide' ? { hidden: 'true' } : {}) },
  };
}

/**
 * Reads a webhook body of `object` into items grouped by entry id (the account's external id);
 * `changeItem` reads one `changes[]` value of the network's fields. Anything unreadable is skipped.
 */
export function parseMetaWebhook(
  body: unknown,
  object: string,
  network: string,
  changeItem: (field: string, value: unknown, entry: Entry) => InboxItemReading | undefined,
): PushedInboxItems[] {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success || parsed.data.object !== object) return [];
  const byAccount = new Map<string, InboxItemReading[]>();
  for (const raw of parsed.data.entry) {
    const entry = webhookEntrySchema.safeParse(raw);
    if (!entry.success) continue;
    const items = byAccount.get(entry.data.id) ?? [];
    for (const change of entry.data.changes ?? []) {
      const read = changeSchema.safeParse(change);
      const item = read.success ? changeItem(read.data.field, read.data.value, entry.data) : undefined;
      if (item !== undefined) items.push(item);
    }
    for (const event of entry.data.messaging ?? []) {
      const item = messagingItem(event, entry.data.id, network);
      if (item !== undefined) items.push(item);
    }
    byAccount.set(entry.data.id, items);
  }
  return [...byAccount]
    .filter(([, items]) => items.length > 0)
    .map(([accountExternalId, items]) => ({ accountExternalId, items }));
}

/** Facebook Pages: `object: page`, comments from `feed` changes, messages from `messaging`. */
export const facebookInboxWebhook: InboxWebhookOperations = {
  verify: verifyMetaSignature,
  parse: (body) =>
    parseMetaWebhook(body, 'page', 'Facebook', (field, value, entry) =>
      field === 'feed' ? feedCommentItem(value, entry) : undefined,
    ),
};
