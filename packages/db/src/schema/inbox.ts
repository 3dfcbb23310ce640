/**
 * The unified inbox (docs/inbox.md): conversations from every connected account, the items in them, the
 * per-account read cursor, the team's notes and saved replies, and replies with their send attempts.
 * Filter fields live on the conversation so the inbox list is one indexed query.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type {
  ConversationStatus,
  InboxIntent,
  InboxKind,
  InboxPriority,
  InboxSentiment,
  ItemDirection,
  ItemModerationState,
  ReplyOrigin,
  ReplyState,
} from '@plume/contract/inbox/inbox-enums';
import { users } from './auth.ts';
import { postTargets } from './publishing.ts';
import { socialAccounts } from './social.ts';
import { workspaces } from './workspaces.ts';

export const inboxConversations = pgTable(
  'inbox_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    network: text('network').$type<NetworkId>().notNull(),
    /** The kind of the conversation's first item. */
    kind: text('kind').$type<InboxKind>().notNull(),
    /** The adapter's `conversationKey`: unique per account. */
    conversationKey: text('conversation_key').notNull(),
    /** Our published target the conversation belongs to, when it belongs to one. */
    postTargetId: uuid('post_target_id').references(() => postTargets.id, { onDelete: 'set null' }),
    postRemoteId: text('post_remote_id'),
    /** The person on the other side (the first item's author). */
    contactId: text('contact_id').notNull(),
    contactHandle: text('contact_handle').notNull(),
    contactName: text('contact_name').notNull(),
    contactAvatarUrl: text('contact_avatar_url'),
    status: text('status').$type<ConversationStatus>().notNull().default('open'),
    snoozedUntil: timestamp('snoozed_until', { withTimezone: true }),
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The latest incoming item's classification (null until classified). */
    sentiment: text('sentiment').$type<InboxSentiment>(),
    intent: text('intent').$type<InboxIntent>(),
    priority: text('priority').$type<InboxPriority>(),
    language: text('language'),
    /** Short text of the latest item, for the list. */
    preview: text('preview').notNull().default(''),
    lastItemAt: timestamp('last_item_at', { withTimezone: true }).notNull(),
    /** Incoming items nobody has opened yet. */
    unreadCount: integer('unread_count').notNull().default(0),
    itemCount: integer('item_count').notNull().default(0),
    /** The oldest incoming item not yet answered (response time runs from here); null when answered. */
    awaitingSince: timestamp('awaiting_since', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('inbox_conversations_key_idx').on(table.accountId, table.conversationKey),
    index('inbox_conversations_list_idx').on(table.workspaceId, table.status, table.lastItemAt.desc(), table.id),
    index('inbox_conversations_recent_idx').on(table.workspaceId, table.lastItemAt.desc(), table.id),
  ],
);

export const inboxItems = pgTable(
  'inbox_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => inboxConversations.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    /** The network's id of the item; with the account, what deduplicates polls and webhooks. */
    remoteId: text('remote_id').notNull(),
    kind: text('kind').$type<InboxKind>().notNull(),
    direction: text('direction').$type<ItemDirection>().notNull().default('in'),
    parentRemoteId: text('parent_remote_id'),
    authorId: text('author_id').notNull(),
    authorHandle: text('author_handle').notNull(),
    authorName: text('author_name').notNull(),
    authorAvatarUrl: text('author_avatar_url'),
    text: text('text').notNull(),
    url: text('url'),
    rating: smallint('rating'),
    /** When the network says the item was written. */
    remoteCreatedAt: timestamp('remote_created_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    moderation: text('moderation').$type<ItemModerationState>().notNull().default('visible'),
    sentiment: text('sentiment').$type<InboxSentiment>(),
    intent: text('intent').$type<InboxIntent>(),
    priority: text('priority').$type<InboxPriority>(),
    language: text('language'),
    classifiedAt: timestamp('classified_at', { withTimezone: true }),
    /** The adapter's non-secret `meta` (what replying and moderating need). */
    meta: jsonb('meta').$type<Record<string, string>>().notNull().default({}),
  },
  (table) => [
    uniqueIndex('inbox_items_remote_idx').on(table.accountId, table.remoteId),
    index('inbox_items_conversation_idx').on(table.conversationId, table.remoteCreatedAt),
  ],
);

/** Where the next read of an account starts, and when it is due. */
export const inboxCursors = pgTable('inbox_cursors', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => socialAccounts.id, { onDelete: 'cascade' }),
  workspaceId: text('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  cursor: text('cursor'),
  lastReadAt: timestamp('last_read_at', { withTimezone: true }),
  nextReadAt: timestamp('next_read_at', { withTimezone: true }).notNull().defaultNow(),
  lastError: text('last_error'),
  itemsRead: integer('items_read').notNull().default(0),
});

export const inboxNotes = pgTable(
  'inbox_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => inboxConversations.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('inbox_notes_conversation_idx').on(table.conversationId, table.createdAt)],
);

export const savedReplies = pgTable(
  'saved_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    text: text('text').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('saved_replies_title_idx').on(table.workspaceId, table.title)],
);

/**
 * A reply to an inbox item. Sending follows publishing's exactly-once rule: the attempt (`attempt_started_at`)
 * is written before the network is called; an attempt without an outcome after a crash is `unconfirmed`.
 */
export const inboxReplies = pgTable(
  'inbox_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => inboxConversations.id, { onDelete: 'cascade' }),
    /** The item answered. */
    itemId: uuid('item_id')
      .notNull()
      .references(() => inboxItems.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    state: text('state').$type<ReplyState>().notNull().default('draft'),
    origin: text('origin').$type<ReplyOrigin>().notNull(),
    /** The disclosure line added to an automated or persona reply, when one was. */
    disclosure: text('disclosure'),
    /** The automation rule that wrote or sent it. */
    ruleId: uuid('rule_id'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    approvedBy: text('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    attemptStartedAt: timestamp('attempt_started_at', { withTimezone: true }),
    /** The worker (heartbeat id) sending it; the sweep turns a dead worker's `sending` into `unconfirmed`. */
    runnerId: text('runner_id'),
    /** Send attempts the network refused for a while (429, 5xx before accepting); the job gives up after a few. */
    sendAttempts: integer('send_attempts').notNull().default(0),
    attemptFinishedAt: timestamp('attempt_finished_at', { withTimezone: true }),
    remoteId: text('remote_id'),
    url: text('url'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('inbox_replies_conversation_idx').on(table.conversationId, table.createdAt),
    index('inbox_replies_state_idx').on(table.workspaceId, table.state),
    // The sweep's look for sends a dead worker left behind.
    index('inbox_replies_sending_idx')
      .on(table.attemptStartedAt)
      .where(sql`state = 'sending'`),
  ],
);

/** Tags a workspace has used, for the filter's choices. */
export const inboxTags = pgTable(
  'inbox_tags',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.name] })],
);
