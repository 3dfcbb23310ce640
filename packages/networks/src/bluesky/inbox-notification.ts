/**
 * A Bluesky notification (`app.bsky.notification.listNotifications#notification`) as an inbox item.
 * The inbox reads the reasons `reply`, `mention` and `quote`: a reply whose parent is the thread's root
 * (one of our posts) is a `comment`; a reply deeper in a thread is a `reply`; a mention or a quote of one
 * of our posts is a `mention`. The notification's `record` is the post itself (app.bsky.feed.post), so
 * its `reply.root` / `reply.parent` strong refs are what a reply needs later; they go in `meta`.
 * Lexicons: app.bsky.notification.listNotifications, app.bsky.feed.post.
 */
import { z } from 'zod';
import type { InboxItemReading, InboxKind } from '../inbox-contract.ts';
import { parseAtUri } from './compose.ts';

export const INBOX_REASONS = ['reply', 'mention', 'quote'] as const;

const strongRefSchema = z.looseObject({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });

/** The parts of an app.bsky.feed.post record the inbox reads. */
export const postRecordSchema = z.looseObject({
  text: z.string().optional(),
  createdAt: z.string().optional(),
  reply: z.looseObject({ root: strongRefSchema, parent: strongRefSchema }).optional(),
  embed: z.looseObject({ $type: z.string().optional(), record: z.unknown().optional() }).optional(),
});
export type PostRecord = z.output<typeof postRecordSchema>;

export const notificationSchema = z.looseObject({
  uri: z.string().startsWith('at://'),
  cid: z.string().min(1),
  author: z.looseObject({
    did: z.string().startsWith('did:'),
    handle: z.string(),
    displayName: z.string().optional(),
    avatar: z.string().optional(),
  }),
  reason: z.string(),
  reasonSubject: z.string().optional(),
  record: z.unknown(),
  indexedAt: z.string(),
});
export type BlueskyNotification = z.output<typeof notificationSchema>;

export const notificationsSchema = z.looseObject({
  notifications: z.array(notificationSchema),
  cursor: z.string().optional(),
});

/** The post record of a notification; an unreadable record reads as an empty post. */
export function recordOf(notification: BlueskyNotification): PostRecord {
  const parsed = postRecordSchema.safeParse(notification.record);
  return parsed.success ? parsed.data : {};
}

/** Whether an at:// URI names a record of the account `did`. */
export function isOwnUri(uri: string | undefined, did: string): boolean {
  return uri !== undefined && parseAtUri(uri)?.repo === did;
}

/** The kind a notification is in the inbox. */
export function kindOf(notification: BlueskyNotification): InboxKind {
  const reply = recordOf(notification).reply;
  if (notification.reason !== 'reply' || reply === undefined) return 'mention';
  return reply.parent.uri === reply.root.uri ? 'comment' : 'reply';
}

export interface ReadingLinks {
  did: string;
  web: string;
  /** The top-level comment of a `reply`'s thread (found by walking up the parents). */
  topComment: (notification: BlueskyNotification) => string;
}

function createdAtOf(record: PostRecord, indexedAt: string): Date {
  const created = new Date(record.createdAt ?? indexedAt);
  return Number.isNaN(created.getTime()) ? new Date(indexedAt) : created;
}

function postUrl(web: string, handle: string, uri: string): string | null {
  const parsed = parseAtUri(uri);
  return parsed === undefined ? null : `${web}/profile/${handle}/post/${parsed.rkey}`;
}

/** The post of ours an item belongs to: the thread's root for replies, the quoted post for quotes. */
function postRemoteIdOf(notification: BlueskyNotification, record: PostRecord, did: string): string | null {
  if (notification.reason === 'quote')
    return isOwnUri(notification.reasonSubject, did) ? (notification.reasonSubject ?? null) : null;
  const root = record.reply?.root.uri;
  return root !== undefined && isOwnUri(root, did) ? root : null;
}

function conversationKeyOf(notification: BlueskyNotification, kind: InboxKind, links: ReadingLinks): string {
  const record = recordOf(notification);
  if (kind === 'comment') return notification.uri;
  if (kind === 'reply') return links.topComment(notification);
  return record.reply?.root.uri ?? notification.uri;
}

/** The inbox item a notification is. */
export function readingOf(notification: BlueskyNotification, links: ReadingLinks): InboxItemReading {
  const record = recordOf(notification);
  const kind = kindOf(notification);
  const { author } = notification;
  const root = record.reply?.root ?? { uri: notification.uri, cid: notification.cid };
  return {
    remoteId: notification.uri,
    kind,
    conversationKey: conversationKeyOf(notification, kind, links),
    parentRemoteId: kind === 'reply' ? (record.reply?.parent.uri ?? null) : null,
    postRemoteId: postRemoteIdOf(notification, record, links.did),
    author: {
      id: author.did,
      handle: author.handle,
      displayName: author.displayName ?? author.handle,
      ...(author.avatar === undefined ? {} : { avatarUrl: author.avatar }),
      profileUrl: `${links.web}/profile/${author.handle}`,
    },
    text: record.text ?? '',
    createdAt: createdAtOf(record, notification.indexedAt),
    url: postUrl(links.web, author.handle, notification.uri),
    fromAccount: author.did === links.did,
    meta: { cid: notification.cid, rootUri: root.uri, rootCid: root.cid, indexedAt: notification.indexedAt },
  };
}
