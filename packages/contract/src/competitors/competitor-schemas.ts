/**
 * Competitors: other accounts a workspace watches on networks whose official API shows their public
 * posts (docs/analytics.md "Competitors"), and the compact summary the Intelligence agent reads.
 */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { NETWORK_IDS } from '../networks/network-enums.ts';
import type { Wire } from '../wire.ts';

export const COMPETITOR_STATES = ['pending', 'ok', 'not_found', 'error'] as const;

export const competitorParams = z.object({ workspaceId: workspaceIdParam, competitorId: z.uuid() });

export const addCompetitorBody = z.strictObject({
  network: z.enum(NETWORK_IDS, 'Pick a network.').describe('A network id from `networks` of the list'),
  handle: z
    .string()
    .trim()
    .min(1, 'Enter the account’s name.')
    .max(300, 'This name is too long for an account name or profile link.')
    .describe(
      'The account as the network names it: `alice.bsky.social`, `@name@server.social`, `@channel`, or a profile link',
    ),
});

const cadenceSchema = z.object({
  posts: z.number().int().describe('Posts in the last 28 days'),
  postsPerWeek: z.number(),
  medianEngagements: z.number().nullable().describe('Median engagements per post; null when the network gave none'),
});

export const competitorSchema = z.object({
  id: z.uuid(),
  network: z.enum(NETWORK_IDS),
  handle: z.string(),
  displayName: z.string().nullable(),
  profileUrl: z.string().nullable(),
  followers: z.number().int().nullable(),
  state: z.enum(COMPETITOR_STATES),
  stateMessage: z.string().nullable().describe('Why the last reading failed, in plain words'),
  lastFetchedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  stats: cadenceSchema,
  topHashtags: z.array(z.string()).max(3).describe('Their most used hashtags over the same 28 days, without `#`'),
});

export const competitorListSchema = z.object({
  timezone: z.string(),
  limit: z.number().int().describe('Most competitors a workspace may follow'),
  networks: z
    .array(z.object({ id: z.enum(NETWORK_IDS), name: z.string(), handleHint: z.string() }))
    .describe('Networks whose public posts Plume can read'),
  competitors: z.array(competitorSchema),
  own: z
    .array(z.object({ network: z.enum(NETWORK_IDS) }).extend(cadenceSchema.shape))
    .describe("The workspace's own cadence and engagement per network, over the same 28 days"),
});

const countedSchema = z.object({ value: z.string(), posts: z.number().int() });

/** One competitor in the Intelligence agent's summary: numbers, tags and topic words, never post text. */
export const competitorSummaryItemSchema = z.object({
  network: z.enum(NETWORK_IDS),
  handle: z.string(),
  displayName: z.string().nullable(),
  state: z.enum(COMPETITOR_STATES),
  followers: z.number().int().nullable(),
  posts: z.number().int(),
  postsPerWeek: z.number(),
  medianEngagements: z.number().nullable(),
  /** Share of posts with media / with a link (0–1); null without posts. */
  mediaShare: z.number().nullable(),
  linkShare: z.number().nullable(),
  topHashtags: z.array(countedSchema).max(8),
  topTopics: z.array(countedSchema).max(8),
  /** Hours of the day (0–23, the workspace's zone) they post most, busiest first. */
  activeHours: z.array(z.object({ hour: z.number().int().min(0).max(23), posts: z.number().int() })).max(3),
  /** Weekdays (0 = Sunday, the workspace's zone) they post most, busiest first. */
  activeWeekdays: z.array(z.object({ weekday: z.number().int().min(0).max(6), posts: z.number().int() })).max(3),
  /** Hashtags and topic words of their most engaging posts (no text). */
  bestPosts: z
    .array(
      z.object({
        local: z.string(),
        engagements: z.number(),
        hashtags: z.array(z.string()).max(8),
        topics: z.array(z.string()).max(8),
      }),
    )
    .max(3),
});

export const competitorSummarySchema = z.object({
  timezone: z.string(),
  windowDays: z.number().int(),
  competitors: z.array(competitorSummaryItemSchema).max(10),
  own: z
    .array(
      z.object({
        network: z.enum(NETWORK_IDS),
        posts: z.number().int(),
        postsPerWeek: z.number(),
        medianEngagements: z.number().nullable(),
      }),
    )
    .max(20),
});

export type CompetitorSummary = z.output<typeof competitorSummarySchema>;
export type CompetitorSummaryItem = z.output<typeof competitorSummaryItemSchema>;
export type WireCompetitor = Wire<typeof competitorSchema>;
export type WireCompetitorList = Wire<typeof competitorListSchema>;
