/**
 * What the Learning agent reads about one week: the plan's briefs for its days (with their post, the
 * target on the brief's account and its measurement), the posts measured that week outside the plan,
 * and each account's median engagements over the 90 days up to the week's end (the engagement index's
 * 100). Every query is bounded by the workspace and the week.
 */
import { and, eq, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';
import { planBriefs } from '@plume/db/schema/planning';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { plusDays, weekRange } from '../../planning/plans/plan-calendar.ts';

type Db = Pick<Database, 'select'>;

/** One measurement as the week's KPIs read it. */
export type Measurement = {
  accountId: string;
  publishedAt: Date;
  engagements: number | null;
  engagementRate: number | null;
  reach: number | null;
  clicks: number | null;
  replies: number | null;
};

export type WeekBrief = {
  network: string;
  handle: string;
  accountId: string;
  pillar: string;
  topic: string;
  state: string;
  rejectionReason: string | null;
  postState: string | null;
  targetState: string | null;
  failureReason: string | null;
  measurement: Measurement | null;
};

export type UnplannedPost = { network: string; handle: string; text: string; measurement: Measurement };

export type WeekData = {
  from: Date;
  to: Date;
  briefs: WeekBrief[];
  unplanned: UnplannedPost[];
  /** Median engagements per account id. */
  medians: Map<string, number>;
};

const MEDIAN_DAYS = 90;
const MAX_UNPLANNED = 200;

const measurementColumns = {
  accountId: measuredPosts.accountId,
  publishedAt: measuredPosts.publishedAt,
  engagements: measuredPosts.engagements,
  engagementRate: measuredPosts.engagementRate,
  reach: sql<number | null>`coalesce(${measuredPosts.reach}, ${measuredPosts.impressions}, ${measuredPosts.views})`,
  clicks: measuredPosts.clicks,
  replies: measuredPosts.replies,
};

async function briefsOf(db: Db, workspaceId: string, monday: string): Promise<WeekBrief[]> {
  const rows = await db
    .select({
      network: planBriefs.network,
      handle: socialAccounts.handle,
      pillar: planBriefs.pillar,
      topic: planBriefs.topic,
      state: planBriefs.state,
      rejectionReason: planBriefs.rejectionReason,
      postState: posts.state,
      targetState: postTargets.state,
      failureReason: postTargets.failureReason,
      measuredId: measuredPosts.id,
      ...measurementColumns,
      accountId: planBriefs.accountId,
    })
    .from(planBriefs)
    .innerJoin(socialAccounts, eq(socialAccounts.id, planBriefs.accountId))
    .leftJoin(posts, eq(posts.id, planBriefs.postId))
    .leftJoin(
      postTargets,
      and(eq(postTargets.postId, planBriefs.postId), eq(postTargets.accountId, planBriefs.accountId)),
    )
    .leftJoin(measuredPosts, eq(measuredPosts.targetId, postTargets.id))
    .where(
      and(
        eq(planBriefs.workspaceId, workspaceId),
        gte(planBriefs.day, monday),
        lte(planBriefs.day, plusDays(monday, 6)),
      ),
    )
    .orderBy(planBriefs.day, planBriefs.createdAt);
  return rows.map((row) => ({
    network: row.network,
    handle: row.handle,
    accountId: row.accountId,
    pillar: row.pillar,
    topic: row.topic,
    state: row.state,
    rejectionReason: row.rejectionReason,
    postState: row.postState,
    targetState: row.targetState,
    failureReason: row.failureReason,
    measurement:
      row.measuredId === null || row.publishedAt === null
        ? null
        : {
            accountId: row.accountId,
            publishedAt: row.publishedAt,
            engagements: row.engagements,
            engagementRate: row.engagementRate,
            reach: row.reach === null ? null : Number(row.reach),
            clicks: row.clicks,
            replies: row.replies,
          },
  }));
}

/** Posts measured in the week that no plan brief wrote (published by hand, or read back from the network). */
async function unplannedOf(db: Db, workspaceId: string, from: Date, to: Date): Promise<UnplannedPost[]> {
  const rows = await db
    .select({
      network: measuredPosts.network,
      handle: socialAccounts.handle,
      text: measuredPosts.text,
      ...measurementColumns,
    })
    .from(measuredPosts)
    .innerJoin(socialAccounts, eq(socialAccounts.id, measuredPosts.accountId))
    .where(
      and(
        eq(measuredPosts.workspaceId, workspaceId),
        gte(measuredPosts.publishedAt, from),
        lt(measuredPosts.publishedAt, to),
        sql`NOT EXISTS (SELECT 1 FROM ${postTargets} t JOIN ${planBriefs} b ON b.post_id = t.post_id
              WHERE t.id = ${measuredPosts.targetId})`,
      ),
    )
    .orderBy(measuredPosts.publishedAt)
    .limit(MAX_UNPLANNED);
  return rows.map(({ network, handle, text, ...measurement }) => ({
    network,
    handle,
    text,
    measurement: { ...measurement, reach: measurement.reach === null ? null : Number(measurement.reach) },
  }));
}

async function mediansOf(db: Db, workspaceId: string, accountIds: string[], to: Date): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .select({
      accountId: measuredPosts.accountId,
      median: sql<number>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${measuredPosts.engagements})::float8`,
    })
    .from(measuredPosts)
    .where(
      and(
        eq(measuredPosts.workspaceId, workspaceId),
        inArray(measuredPosts.accountId, accountIds),
        isNotNull(measuredPosts.engagements),
        gte(measuredPosts.publishedAt, new Date(to.getTime() - MEDIAN_DAYS * 86_400_000)),
        lt(measuredPosts.publishedAt, to),
      ),
    )
    .groupBy(measuredPosts.accountId);
  return new Map(rows.map((row) => [row.accountId, Number(row.median)]));
}

export async function readWeek(
  db: Db,
  input: { workspaceId: string; zone: string; monday: string },
): Promise<WeekData> {
  const { from, to } = weekRange(input.zone, input.monday);
  const briefs = await briefsOf(db, input.workspaceId, input.monday);
  const unplanned = await unplannedOf(db, input.workspaceId, from, to);
  const accounts = new Set([
    ...briefs.flatMap((brief) => (brief.measurement === null ? [] : [brief.accountId])),
    ...unplanned.map((post) => post.measurement.accountId),
  ]);
  return { from, to, briefs, unplanned, medians: await mediansOf(db, input.workspaceId, [...accounts], to) };
}
