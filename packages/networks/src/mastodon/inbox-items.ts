/**
 * Mastodon statuses as inbox items. A `mention` notification is how Mastodon tells an account that a
 * status names it, and a reply to one of its statuses always names it, so mentions are the source of
 * comments, replies and mentions: the status's thread (GET /api/v1/statuses/:id/context, `ancestors`
 * root first) says which. A reply to our top-level post is a `comment`; deeper in a thread of ours (or an
 * answer to one of our replies) it is a `reply`, grouped under the thread's top-level comment; anything
 * else that names us is a `mention`, grouped by its thread root. Direct statuses are `message`s, grouped by
 * their conversation (GET /api/v1/conversations).
 * Docs: docs.joinmastodon.org/entities/Notification, …/entities/Status, …/entities/Conversation
 */
import { z } from 'zod';
import type { InboxItemReading, InboxKind } from '../inbox-contract.ts';
import { plainTextOf } from './statuses.ts';

export const inboxAccountSchema = z.looseObject({
  id: z.string().min(1),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().nullish(),
  avatar: z.string().nullish(),
  url: z.string().nullish(),
});
export type InboxAccount = z.output<typeof inboxAccountSchema>;

export const inboxStatusSchema = z.looseObject({
  id: z.string().min(1),
  created_at: z.string(),
  in_reply_to_id: z.string().nullish(),
  in_reply_to_account_id: z.string().nullish(),
  visibility: z.string().default('public'),
  content: z.string().default(''),
  url: z.string().nullish(),
  uri: z.string().nullish(),
  account: inboxAccountSchema,
});
export type InboxStatus = z.output<typeof inboxStatusSchema>;

export const notificationsSchema = z.array(
  z.looseObject({ id: z.string().min(1), type: z.string(), status: inboxStatusSchema.nullish() }),
);
export type MastodonNotification = z.output<typeof notificationsSchema>[number];

export const conversationsSchema = z.array(
  z.looseObject({
    id: z.string().min(1),
    accounts: z.array(inboxAccountSchema),
    last_status: inboxStatusSchema.nullish(),
  }),
);
export type MastodonConversation = z.output<typeof conversationsSchema>[number];

export const contextSchema = z.looseObject({
  ancestors: z.array(inboxStatusSchema),
  descendants: z.array(inboxStatusSchema),
});

/** Orders Mastodon ids (decimal strings of up to 64 bits) without losing precision. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Where a status sits for the inbox, from its thread. */
export interface Placement {
  kind: InboxKind;
  conversationKey: string;
  parentRemoteId: string | null;
  postRemoteId: string | null;
}

/** Places a status that names the account (`me`) from its ancestors (root first); none when it answers nothing. */
export function placeMention(
  status: InboxStatus,
  ancestors: readonly InboxStatus[] | undefined,
  me: string,
): Placement {
  const parent = status.in_reply_to_id ?? null;
  const root = ancestors?.[0];
  if (parent === null || root === undefined)
    return { kind: 'mention', conversationKey: status.id, parentRemoteId: null, postRemoteId: null };
  const top = ancestors?.[1] ?? status;
  if (root.account.id === me) {
    const isComment = ancestors?.length === 1;
    return {
      kind: isComment ? 'comment' : 'reply',
      conversationKey: top.id,
      parentRemoteId: isComment ? null : parent,
      postRemoteId: root.id,
    };
  }
  if (status.in_reply_to_account_id === me)
    return { kind: 'reply', conversationKey: top.id, parentRemoteId: parent, postRemoteId: null };
  return { kind: 'mention', conversationKey: root.id, parentRemoteId: null, postRemoteId: null };
}

function authorOf(account: InboxAccount): InboxItemReading['author'] {
  return {
    id: account.id,
    handle: account.acct,
    displayName: account.display_name || account.username,
    ...(account.avatar ? { avatarUrl: account.avatar } : {}),
    ...(account.url ? { profileUrl: account.url } : {}),
  };
}

/** The inbox item a status is, placed; `mentions` are the accounts a reply must name to reach them. */
export function readingOfStatus(
  status: InboxStatus,
  placement: Placement,
  extra: { me: string; mentions: readonly string[]; gone?: boolean },
): InboxItemReading {
  return {
    remoteId: status.id,
    ...placement,
    author: authorOf(status.account),
    text: plainTextOf(status.content),
    createdAt: new Date(status.created_at),
    url: status.url ?? status.uri ?? null,
    fromAccount: status.account.id === extra.me,
    ...(extra.gone === true ? { gone: true } : {}),
    meta: { visibility: status.visibility, mentions: extra.mentions.join(' ') },
  };
}
