/**
 * The words of the unified inbox, shared by the networks' adapters, the database, the API and the web app.
 * See docs/inbox.md.
 */

/**
 * What an inbox item is: a comment on one of our posts, a reply to one of our comments or replies, a
 * mention of the account elsewhere, a direct message, or a review (Google Business Profile).
 */
export const INBOX_KINDS = ['comment', 'reply', 'mention', 'message', 'review'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** Where a conversation stands for the team. A snoozed one opens again at `snoozedUntil`. */
export const CONVERSATION_STATUSES = ['open', 'done', 'snoozed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Classification of an item (task `reply` of the LLM gateway). */
export const INBOX_SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type InboxSentiment = (typeof INBOX_SENTIMENTS)[number];

export const INBOX_INTENTS = ['question', 'complaint', 'praise', 'lead', 'spam', 'other'] as const;
export type InboxIntent = (typeof INBOX_INTENTS)[number];

export const INBOX_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type InboxPriority = (typeof INBOX_PRIORITIES)[number];

/** What a network lets the account do to a comment on its own post. */
export const MODERATION_ACTIONS = ['hide', 'delete'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** An item's moderation as Plume last set or saw it. */
export const ITEM_MODERATION_STATES = ['visible', 'hidden', 'deleted'] as const;
export type ItemModerationState = (typeof ITEM_MODERATION_STATES)[number];

/**
 * A reply's life: `draft` (written by a person or the AI, waiting), `approved` (queued to send), `sending`
 * (the attempt is recorded, the network is being called), `sent`, `failed` (the network said no; it can be
 * edited and approved again), `unconfirmed` (no answer came after sending: a person checks the network and
 * says whether it went out; never re-sent automatically), `discarded`.
 */
export const REPLY_STATES = ['draft', 'approved', 'sending', 'sent', 'failed', 'unconfirmed', 'discarded'] as const;
export type ReplyState = (typeof REPLY_STATES)[number];

/** Who wrote a reply: a person, the AI (a draft until a person approves), or an automation rule. */
export const REPLY_ORIGINS = ['person', 'ai', 'rule'] as const;
export type ReplyOrigin = (typeof REPLY_ORIGINS)[number];

/** Whether an item came in to the account or is the account's own answer (shown in the thread). */
export const ITEM_DIRECTIONS = ['in', 'out'] as const;
export type ItemDirection = (typeof ITEM_DIRECTIONS)[number];
