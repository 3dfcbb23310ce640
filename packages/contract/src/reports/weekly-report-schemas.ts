/**
 * The weekly report of a workspace: what went out in one Monday–Sunday week (in the workspace's time
 * zone), its results against the week before, the best post and what was learned. The body is stored
 * as JSON (weekly_reports.body) exactly as this schema describes it, so old reports read the same.
 */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { itemsOf, timestamp, type Wire } from '../wire.ts';

const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

/** Sums over a week's measured posts; null where no post had the number. */
export const weekTotalsSchema = z.object({
  posts: count,
  engagements: z.number().nullable(),
  impressions: z.number().nullable(),
  /** Engagements ÷ impressions over the posts that have both. */
  engagementRate: z.number().nullable(),
});

export const weeklyReportBodySchema = z.object({
  version: z.literal(1),
  timezone: z.string(),
  /** Monday 00:00 in `timezone`, and the next Monday 00:00 (exclusive). */
  weekStart: instant,
  weekEnd: instant,
  /** True when nothing was published, failed or measured in the week. */
  empty: z.boolean(),
  /** The report in plain words (the mail carries it). */
  summary: z.string(),
  published: z.object({
    total: count,
    failed: count,
    byAccount: z.array(
      z.object({ accountId: z.string(), network: z.string(), handle: z.string(), published: count, failed: count }),
    ),
  }),
  failures: z.array(
    z.object({ postId: z.string(), network: z.string(), handle: z.string(), reason: z.string(), at: instant }),
  ),
  results: z.object({
    thisWeek: weekTotalsSchema,
    lastWeek: weekTotalsSchema,
    /** Relative change (0.25 = +25 %); null without a week before to compare with. */
    change: z.object({
      posts: z.number().nullable(),
      engagements: z.number().nullable(),
      engagementRate: z.number().nullable(),
    }),
    byNetwork: z.array(z.object({ network: z.string(), thisWeek: weekTotalsSchema, lastWeek: weekTotalsSchema })),
  }),
  followers: z.object({
    /** Sum of the accounts' changes over the week; null when no account was counted on both ends. */
    change: z.number().nullable(),
    lastWeekChange: z.number().nullable(),
    byAccount: z.array(
      z.object({
        accountId: z.string(),
        network: z.string(),
        handle: z.string(),
        followers: z.number().nullable(),
        change: z.number().nullable(),
      }),
    ),
  }),
  bestPost: z
    .object({
      measuredPostId: z.string(),
      /** The Plume post, when Plume published it. */
      postId: z.string().nullable(),
      network: z.string(),
      handle: z.string(),
      text: z.string(),
      url: z.string().nullable(),
      publishedAt: instant,
      engagements: z.number(),
    })
    .nullable(),
  /** One row per day of the week (date in `timezone`): posts measured and their engagements. */
  daily: z.array(z.object({ date: z.iso.date(), posts: count, engagements: z.number() })),
  /** "What works" findings the data clearly supports, in plain words; empty otherwise. */
  learned: z.array(z.string()),
});
export type WeeklyReportBody = z.infer<typeof weeklyReportBodySchema>;

export const weeklyReportSummarySchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  weekStart: timestamp,
  weekEnd: timestamp,
  timezone: z.string(),
  empty: z.boolean(),
  summary: z.string(),
  createdAt: timestamp,
});
export type WeeklyReportSummary = Wire<typeof weeklyReportSummarySchema>;

export const weeklyReportSchema = weeklyReportSummarySchema.extend({ body: weeklyReportBodySchema });
export type WeeklyReport = Wire<typeof weeklyReportSchema>;

export const weeklyReportListSchema = itemsOf(weeklyReportSummarySchema);

export const weeklyReportParams = z.object({ workspaceId: workspaceIdParam, reportId: z.uuid() });
