import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { postTargets } from './publishing.ts';
import { socialAccounts } from './social.ts';
import { workspaces } from './workspaces.ts';

/** Where a measured post came from: published by Plume, read back from the network, or imported from a CSV. */
export type MeasuredPostSource = 'plume' | 'backfill' | 'import';
export type MeasuredPostStatus = 'active' | 'gone';

/**
 * Every post Plume measures: one row per post on a network, whoever published it. Holds the features
 * learning needs (time, length, media, links, hashtags) and the latest metrics, so overviews read one
 * row per post instead of the snapshot history. Metric columns are null where the network gives no number.
 */
export const measuredPosts = pgTable(
  'measured_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    network: text('network').$type<NetworkId>().notNull(),
    /** The network's id of the post; for CSV imports without one, `import:<row hash>`. */
    remoteId: text('remote_id').notNull(),
    remoteUrl: text('remote_url'),
    /** Set when Plume published it. */
    targetId: uuid('target_id').references(() => postTargets.id, { onDelete: 'set null' }),
    source: text('source').$type<MeasuredPostSource>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    text: text('text').notNull().default(''),
    charCount: integer('char_count').notNull().default(0),
    hashtagCount: smallint('hashtag_count').notNull().default(0),
    /**
     * The text's hashtags as the hashtag breakdown reads them (words starting with `#`, split on white
     * space, trailing punctuation trimmed, lower-cased, each once), computed by PostgreSQL on every write
     * (`measured_post_hashtags()`, created by migration 0012) so a breakdown never parses texts.
     */
    hashtags: text('hashtags')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`measured_post_hashtags("text")`),
    hasMedia: boolean('has_media').notNull().default(false),
    hasLink: boolean('has_link').notNull().default(false),
    isThread: boolean('is_thread').notNull().default(false),
    status: text('status').$type<MeasuredPostStatus>().notNull().default('active'),
    goneReason: text('gone_reason'),
    goneAt: timestamp('gone_at', { withTimezone: true }),
    // The latest reading (copied from the newest snapshot).
    lastMeasuredAt: timestamp('last_measured_at', { withTimezone: true }),
    impressions: bigint('impressions', { mode: 'number' }),
    reach: bigint('reach', { mode: 'number' }),
    views: bigint('views', { mode: 'number' }),
    likes: integer('likes'),
    reposts: integer('reposts'),
    quotes: integer('quotes'),
    replies: integer('replies'),
    shares: integer('shares'),
    saves: integer('saves'),
    clicks: integer('clicks'),
    score: integer('score'),
    /** engagementsOf() of the latest reading; null when the network gave no interaction metric. */
    engagements: integer('engagements'),
    engagementRate: real('engagement_rate'),
    /**
     * When the next snapshot is due (published_at + SNAPSHOT_OFFSETS_MIN[next_offset_index]), or a later
     * retry time; a claim moves it a lease ahead. Null once the schedule is done or the post is gone.
     */
    nextSnapshotAt: timestamp('next_snapshot_at', { withTimezone: true }),
    nextOffsetIndex: smallint('next_offset_index'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The claim's only index: small, since it holds just the posts still being measured.
    index('measured_posts_due_idx')
      .on(table.nextSnapshotAt)
      .where(sql`${table.nextSnapshotAt} is not null`),
    uniqueIndex('measured_posts_account_remote_idx').on(table.accountId, table.remoteId),
    uniqueIndex('measured_posts_target_idx')
      .on(table.targetId)
      .where(sql`${table.targetId} is not null`),
    // The analytics page's index: a range of a workspace's posts, and every column its overview, heatmap,
    // content and length breakdowns and the choice of top posts read, so those are index-only scans and
    // never visit the heap (a workspace's posts are spread over the whole table, one per page). Key columns
    // rather than INCLUDE, which drizzle cannot declare; hashtags stay out (an array has no size bound).
    index('measured_posts_workspace_published_idx').on(
      table.workspaceId,
      table.publishedAt,
      table.accountId,
      table.engagements,
      table.engagementRate,
      table.impressions,
      table.views,
      table.hasMedia,
      table.hasLink,
      table.isThread,
      table.charCount,
      table.hashtagCount,
      table.id,
    ),
  ],
);

/**
 * One reading of a post's metrics. Append-only and large (tens of millions of rows): typed columns,
 * no foreign key checks on the hot insert path beyond the post, a BRIN index on the reading time for
 * retention and range scans, and a btree per post for its curve.
 */
export const postMetricSnapshots = pgTable(
  'post_metric_snapshots',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    measuredPostId: uuid('measured_post_id')
      .notNull()
      .references(() => measuredPosts.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    /** When the reading was due (published_at + offset); null for on-demand and backfill readings. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** The scheduled offset in minutes after publishing (15, 60, 240…); null when not scheduled. */
    offsetMin: integer('offset_min'),
    /** When the network was really asked; later than `due_at` when the snapshot ran late. */
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    impressions: bigint('impressions', { mode: 'number' }),
    reach: bigint('reach', { mode: 'number' }),
    views: bigint('views', { mode: 'number' }),
    likes: integer('likes'),
    reposts: integer('reposts'),
    quotes: integer('quotes'),
    replies: integer('replies'),
    shares: integer('shares'),
    saves: integer('saves'),
    clicks: integer('clicks'),
    score: integer('score'),
    engagements: integer('engagements'),
  },
  (table) => [
    index('post_metric_snapshots_post_idx').on(table.measuredPostId, table.takenAt),
    // A scheduled reading is written once, however often a crashed claim is retried.
    uniqueIndex('post_metric_snapshots_offset_idx')
      .on(table.measuredPostId, table.offsetMin)
      .where(sql`${table.offsetMin} is not null`),
    index('post_metric_snapshots_taken_brin').using('brin', table.takenAt),
  ],
);

/** An account's follower, following and post counts, read daily. Null where the network gives no number. */
export const accountMetricSnapshots = pgTable(
  'account_metric_snapshots',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    followers: bigint('followers', { mode: 'number' }),
    following: bigint('following', { mode: 'number' }),
    posts: bigint('posts', { mode: 'number' }),
  },
  (table) => [
    index('account_metric_snapshots_account_idx').on(table.accountId, table.takenAt),
    index('account_metric_snapshots_taken_brin').using('brin', table.takenAt),
  ],
);

/**
 * Read budgets for analytics calls, per key (`<network>:<host>:account:<id>` or `<network>:<host>:app`):
 * calls made in the current window, and a wait the network asked for (429 Retry-After). In the
 * database so every worker shares them and a restart does not hammer a network that said stop.
 */
export const analyticsReadLimits = pgTable('analytics_read_limits', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  calls: integer('calls').notNull().default(0),
  limitedUntil: timestamp('limited_until', { withTimezone: true }),
});
