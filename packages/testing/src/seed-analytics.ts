/**
 * Measured posts, snapshots and follower readings written straight into the analytics tables, as the
 * snapshot worker leaves them: for tests and journeys of the pages that read them.
 */
import { sql } from 'drizzle-orm';
import { engagementRateOf, engagementsOf, type PostMetricValues } from '@plume/contract/analytics/metrics';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import {
  accountMetricSnapshots,
  measuredPosts,
  postMetricSnapshots,
  type MeasuredPostSource,
} from '@plume/db/schema/analytics';
import { socialAccounts } from '@plume/db/schema/social';

const MINUTE_MS = 60_000;

/** A connected account row (no real network behind it: analytics only reads). */
export async function seedAccount(
  db: Database,
  input: { workspaceId: string; network: NetworkId; handle: string; displayName?: string },
): Promise<string> {
  const [row] = await db
    .insert(socialAccounts)
    .values({
      workspaceId: input.workspaceId,
      network: input.network,
      externalId: `${input.network}:${input.handle}`,
      handle: input.handle,
      displayName: input.displayName ?? input.handle,
      kind: 'profile',
      tokensCiphertext: 'unused',
    })
    .returning({ id: socialAccounts.id });
  if (!row) throw new Error('account insert returned no row');
  return row.id;
}

export type SeedPost = {
  workspaceId: string;
  accountId: string;
  network: NetworkId;
  publishedAt: Date;
  text?: string;
  hasMedia?: boolean;
  hasLink?: boolean;
  isThread?: boolean;
  targetId?: string;
  source?: MeasuredPostSource;
  /** The latest reading: only the metrics the network gives. */
  metrics: PostMetricValues;
  /** Followers when measured (the rate's audience where the network gives no impressions or views). */
  followers?: number;
  /** Earlier readings, by minutes after publishing; the latest reading is written as one more. */
  snapshots?: Array<{ offsetMin: number; metrics: PostMetricValues }>;
};

/** One measured post (features and latest metrics as the worker computes them) and its snapshots. */
export async function seedMeasuredPost(db: Database, post: SeedPost): Promise<string> {
  const text = post.text ?? '';
  const values = {
    workspaceId: post.workspaceId,
    accountId: post.accountId,
    network: post.network,
    remoteId: `remote-${Math.random().toString(36).slice(2)}`,
    targetId: post.targetId,
    source: post.source ?? (post.targetId ? 'plume' : 'backfill'),
    publishedAt: post.publishedAt,
    text,
    charCount: [...text].length,
    hashtagCount: (text.match(/#\w+/g) ?? []).length,
    hasMedia: post.hasMedia ?? false,
    hasLink: post.hasLink ?? /https?:\/\//.test(text),
    isThread: post.isThread ?? false,
    lastMeasuredAt: new Date(post.publishedAt.getTime() + 1440 * MINUTE_MS),
    ...post.metrics,
    engagements: engagementsOf(post.metrics),
    engagementRate: engagementRateOf(post.metrics, post.followers),
  };
  // A target Plume published has its row already (made at publish): its numbers are updated, as the worker does.
  const [row] = await db
    .insert(measuredPosts)
    .values(values)
    .onConflictDoUpdate({
      target: measuredPosts.targetId,
      targetWhere: sql`${measuredPosts.targetId} is not null`,
      set: { ...values, remoteId: sql`${measuredPosts.remoteId}` },
    })
    .returning({ id: measuredPosts.id });
  if (!row) throw new Error('measured post insert returned no row');
  const readings = post.snapshots ?? [];
  if (readings.length > 0) {
    await db.insert(postMetricSnapshots).values(
      readings.map((reading) => {
        const dueAt = new Date(post.publishedAt.getTime() + reading.offsetMin * MINUTE_MS);
        return {
          measuredPostId: row.id,
          workspaceId: post.workspaceId,
          dueAt,
          offsetMin: reading.offsetMin,
          takenAt: new Date(dueAt.getTime() + 20_000),
          ...reading.metrics,
          engagements: engagementsOf(reading.metrics),
        };
      }),
    );
  }
  return row.id;
}

/** Follower readings of an account (null where the network gives no count). */
export async function seedFollowers(
  db: Database,
  input: { workspaceId: string; accountId: string; readings: Array<{ takenAt: Date; followers: number | null }> },
): Promise<void> {
  await db.insert(accountMetricSnapshots).values(
    input.readings.map((reading) => ({
      accountId: input.accountId,
      workspaceId: input.workspaceId,
      takenAt: reading.takenAt,
      followers: reading.followers,
      following: null,
      posts: null,
    })),
  );
}
