import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { workspaces } from './workspaces.ts';

/** `pending` until the first reading; `not_found` when the network shows no public account by that name. */
export type CompetitorState = 'pending' | 'ok' | 'not_found' | 'error';

/**
 * Accounts a workspace watches on a network (competitors, peers), read through the network's official
 * public API. `handle` is what the user typed, tidied; `remoteId` the network's id once resolved.
 */
export const competitors = pgTable(
  'competitors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    network: text('network').$type<NetworkId>().notNull(),
    handle: text('handle').notNull(),
    remoteId: text('remote_id'),
    displayName: text('display_name'),
    profileUrl: text('profile_url'),
    followers: integer('followers'),
    state: text('state').$type<CompetitorState>().notNull().default('pending'),
    /** Why the last reading failed, in plain words (not_found / error). */
    stateMessage: text('state_message'),
    lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true }),
    /** When the daily reading is due next (a 429 pushes it back). */
    nextFetchAt: timestamp('next_fetch_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('competitors_workspace_network_handle_key').on(
      table.workspaceId,
      table.network,
      sql`lower(${table.handle})`,
    ),
    index('competitors_next_fetch_idx').on(table.nextFetchAt),
  ],
);

/**
 * A competitor's public post as Plume keeps it: when, its hashtags and a few topic words, media and
 * link flags, and the public counts. Not its text: Plume learns from others' posts, never republishes
 * them (docs/analytics.md "Competitors").
 */
export const competitorPosts = pgTable(
  'competitor_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitors.id, { onDelete: 'cascade' }),
    remoteId: text('remote_id').notNull(),
    url: text('url'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    hashtags: text('hashtags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Up to 8 salient words of the text (lower-case, no stop words): the post's topic, not its text. */
    topicWords: text('topic_words')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    charCount: integer('char_count').notNull().default(0),
    hasMedia: boolean('has_media').notNull().default(false),
    hasLink: boolean('has_link').notNull().default(false),
    /** The public counts the network gave; a count it leaves out is absent, never 0. */
    counts: jsonb('counts').$type<PostMetricValues>().notNull().default({}),
    /** Sum of the engagement counts given (likes, reposts, replies, quotes, comments…); null when none was. */
    engagements: integer('engagements'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('competitor_posts_competitor_remote_key').on(table.competitorId, table.remoteId),
    index('competitor_posts_competitor_published_idx').on(table.competitorId, table.publishedAt),
  ],
);
