import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type {
  ApprovalMode,
  FailureKind,
  PostEventType,
  PostState,
  TargetState,
} from '@plume/contract/posts/post-states';
import { users } from './auth.ts';
import { socialAccounts } from './social.ts';
import { workspaces } from './workspaces.ts';

// States, failure kinds and event types are the API contract's (packages/contract/src/posts/post-states.ts).
export type { ApprovalMode, FailureKind, PostEventType, PostState, TargetState };

/** Post content: one base text, optional thread parts, media ids, link, first comment and hashtags. */
export type PostContent = {
  text: string;
  title?: string;
  mediaIds: string[];
  link?: string;
  thread: { text: string; mediaIds: string[] }[];
  firstComment?: string;
  hashtags: string[];
};

/** What a target changes for its network; absent fields fall back to the post's content. */
export type TargetOverride = {
  text?: string;
  title?: string;
  mediaIds?: string[];
  thread?: { text: string; mediaIds: string[] }[];
  firstComment?: string;
  hashtags?: string[];
};

export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    state: text('state').$type<PostState>().notNull().default('draft'),
    content: jsonb('content').$type<PostContent>().notNull(),
    /** The media the content uses (its own and its thread parts'), kept by PostgreSQL for the vault's "used in". */
    mediaIds: text('media_ids')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`content_media_ids("content")`),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** Hash of the approved content (hashtags and time excluded); edits that change it need review again. */
    approvedHash: text('approved_hash'),
    approvedScheduledAt: timestamp('approved_scheduled_at', { withTimezone: true }),
    approvedBy: text('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Bumped on every change; clients send it back to avoid overwriting each other. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('posts_workspace_seq_idx').on(table.workspaceId, table.seq),
    index('posts_workspace_scheduled_idx').on(table.workspaceId, table.scheduledAt),
    index('posts_media_ids_idx').using('gin', table.mediaIds),
  ],
);

export const postTargets = pgTable(
  'post_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    network: text('network').$type<NetworkId>().notNull(),
    override: jsonb('override').$type<TargetOverride>().notNull().default({}),
    /** The media the override uses, kept by PostgreSQL (see posts.media_ids). */
    mediaIds: text('media_ids')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`content_media_ids("override")`),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state').$type<TargetState>().notNull().default('pending'),
    remoteId: text('remote_id'),
    remoteUrl: text('remote_url'),
    extra: jsonb('extra').$type<{ remoteId: string; url: string | null }[]>().notNull().default([]),
    failureKind: text('failure_kind').$type<FailureKind>(),
    failureReason: text('failure_reason'),
    attempts: integer('attempts').notNull().default(0),
    retries: integer('retries').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    overdueReportedAt: timestamp('overdue_reported_at', { withTimezone: true }),
    /**
     * The publishing dispatcher of this runner holds the target in memory, prepared, to fire at its due
     * instant (dispatcher.ts). The target stays pending; its job waits until `held_until`, when the hold
     * lapses and the job path publishes it if the dispatcher did not (a crashed process).
     */
    heldBy: text('held_by'),
    heldUntil: timestamp('held_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('post_targets_post_account_idx').on(table.postId, table.accountId),
    index('post_targets_account_idx').on(table.accountId),
    index('post_targets_media_ids_idx').using('gin', table.mediaIds),
    index('post_targets_open_idx')
      .on(table.state)
      .where(sql`${table.state} in ('pending', 'publishing')`),
  ],
);

/**
 * One try at publishing a target, written before the network is called. An attempt without an
 * outcome after its worker is gone whose call had started means "we don't know": the target becomes
 * `unconfirmed`; one whose call never started (`call_started_at` null) goes back to pending.
 */
export const publishAttempts = pgTable(
  'publish_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => postTargets.id, { onDelete: 'cascade' }),
    attemptNo: integer('attempt_no').notNull(),
    runnerId: text('runner_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the network call began: written after the network slot is taken, right before the request.
     * Null on an open attempt means the request never left, so an interrupted target can safely go back to pending.
     */
    callStartedAt: timestamp('call_started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    outcome: text('outcome').$type<
      'published' | 'failed' | 'retry' | 'rate_limited' | 'auth_expired' | 'unknown' | 'not_sent'
    >(),
    detail: text('detail'),
    durationMs: real('duration_ms'),
  },
  (table) => [uniqueIndex('publish_attempts_target_no_idx').on(table.targetId, table.attemptNo)],
);

/** A post's history, shown on its detail page: every state change and edit, by whom. */
export const postEvents = pgTable(
  'post_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    type: text('type').$type<PostEventType>().notNull(),
    fromState: text('from_state').$type<PostState | TargetState>(),
    toState: text('to_state').$type<PostState | TargetState>(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('post_events_post_idx').on(table.postId, table.id)],
);

/** Per-workspace publishing policy: who approves. */
export const publishingSettings = pgTable('publishing_settings', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  approvalMode: text('approval_mode').$type<ApprovalMode>().notNull().default('none'),
  approverIds: jsonb('approver_ids').$type<string[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Preferred posting times per account, in the workspace's time zone (weekday 0 = Sunday). */
export const postingSlots = pgTable(
  'posting_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    minuteOfDay: smallint('minute_of_day').notNull(),
  },
  (table) => [uniqueIndex('posting_slots_unique_idx').on(table.accountId, table.weekday, table.minuteOfDay)],
);
