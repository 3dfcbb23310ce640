/**
 * The inbox part of the provider contract: what a network's official API lets Plume read of the audience
 * (comments and replies on our posts, mentions, direct messages, reviews) and answer or moderate.
 * See docs/inbox.md. Failures throw the typed errors of `provider-errors.ts`, like every operation.
 */
import type { InboxKind, ModerationAction } from '@plume/contract/inbox/inbox-enums';

export type { InboxKind, ModerationAction };

/** What one network's inbox operations can do; every list is empty where the API allows nothing. */
export interface InboxManifest {
  /** Kinds `listInbox` returns (exactly those the adapter reads). */
  kinds: readonly InboxKind[];
  /** Kinds `replyToInbox` can answer. */
  reply: readonly InboxKind[];
  /** What `moderateInbox` can do to a comment or reply on the account's own post. */
  moderation: readonly ModerationAction[];
  /**
   * `poll`: Plume reads with a cursor per account. `push`: the network also calls Plume's webhook
   * (`parseInboxWebhook`), and polling stays as a slower catch-up.
   */
  delivery: 'poll' | 'push';
  /** Most items one `listInbox` call returns. */
  pageSize: number;
  /** Least seconds between two reads of one account (the network's read limits, with room). */
  minPollSec: number;
  /** OAuth scopes or permissions the inbox needs beyond publishing's (empty when none). */
  scopes: readonly string[];
  /** What the API tier or account type limits (e.g. X DMs need a paid tier; Discord needs a bot). */
  note?: string;
}

/** Who wrote an item, as the network names them. */
export interface InboxAuthor {
  /** The network's stable id (DID, account id, PSID…). */
  id: string;
  handle: string;
  displayName: string;
  avatarUrl?: string;
  profileUrl?: string;
}

/** One item as read from the network. `remoteId` is unique per account and stable across reads and webhooks. */
export interface InboxItemReading {
  remoteId: string;
  kind: InboxKind;
  /**
   * Groups items into one conversation: the DM conversation's id; for comments and replies the top-level
   * comment's id (a comment and the replies under it are one conversation); for mentions the mention's thread root.
   */
  conversationKey: string;
  /** The item this one answers, when it answers one (not our post itself). */
  parentRemoteId: string | null;
  /** Our published post the item belongs to (a `post_targets.remote_id`), when it belongs to one. */
  postRemoteId: string | null;
  author: InboxAuthor;
  text: string;
  createdAt: Date;
  url: string | null;
  /** Star rating of a review, 1–5. */
  rating?: number;
  /** True when the item was written by the connected account itself (our own earlier replies). */
  fromAccount: boolean;
  /** The network reports the item deleted or hidden since we last read it. */
  gone?: boolean;
  /** Non-secret facts a reply or moderation needs later (Bluesky cid and root refs, a Messenger PSID…). */
  meta: Readonly<Record<string, string>>;
}

/** One page read. Store `cursor` for the next read of this account; `more` says read again now. */
export interface InboxPage {
  items: InboxItemReading[];
  /** Opaque to Plume; null keeps the stored one. */
  cursor: string | null;
  more: boolean;
}

/** The item being answered or moderated, as stored from its reading. */
export interface InboxItemRef {
  remoteId: string;
  kind: InboxKind;
  conversationKey: string;
  parentRemoteId: string | null;
  postRemoteId: string | null;
  authorId: string;
  meta: Readonly<Record<string, string>>;
}

export interface InboxReplyRequest {
  item: InboxItemRef;
  text: string;
  /** Stable per reply; sent where the network supports idempotency keys. */
  idempotencyKey: string;
}

/** An item read from a network's webhook call, with the connected account it belongs to. */
export interface PushedInboxItems {
  /** The connected account's `externalId` (page id, Instagram user id…). */
  accountExternalId: string;
  items: InboxItemReading[];
}

/** Verifying and reading a network's webhook calls (Meta signs with `X-Hub-Signature-256`). */
export interface InboxWebhookOperations {
  /** True when the body was signed with the app secret; a call that fails is answered 401 and ignored. */
  verify: (input: {
    headers: Readonly<Record<string, string | undefined>>;
    rawBody: Buffer;
    appSecret: string;
  }) => boolean;
  /** The items the call carries, grouped by account; unknown event kinds are skipped. */
  parse: (body: unknown) => PushedInboxItems[];
}

/** The manifest of a network whose API gives Plume no inbox (TikTok, Pinterest), and the start of every other. */
export const NO_INBOX: InboxManifest = {
  kinds: [],
  reply: [],
  moderation: [],
  delivery: 'poll',
  pageSize: 0,
  minPollSec: 0,
  scopes: [],
};
