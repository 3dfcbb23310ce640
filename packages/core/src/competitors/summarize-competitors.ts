/**
 * The compact summary of a workspace's competitors for the Intelligence agent: per competitor its
 * cadence, median engagement, most used hashtags and topic words, when it posts (hours and weekdays on
 * the workspace's clock), its media and link shares, and the tags and topics of its most engaging posts,
 * never their text. Bounded: at most 10 competitors (the workspace limit) of fixed-size lists, so the
 * summary stays a few kilobytes whatever the competitors post. Also the workspace's own cadence to
 * compare with.
 */
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { competitorPosts, competitors } from '@plume/db/schema/competitors';
import { workspaces } from '@plume/db/schema/workspaces';
import type { CompetitorSummary, CompetitorSummaryItem } from '@plume/contract/competitors/competitor-schemas';
import { formatWall, utcToWall } from '../scheduling/zoned-time.ts';
import { MAX_COMPETITORS_PER_WORKSPACE } from './competitor-limits.ts';
import { competitorStats, emptyStats, ownStats, STATS_DAYS } from './competitor-stats.ts';

const TOP = 8;
const BUSIEST = 3;

type PostRow = typeof competitorPosts.$inferSelect;

/** The `limit` most frequent values, most frequent first (ties: first seen first). */
function topCounted(values: readonly string[], limit: number): { value: string; posts: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([value, posts]) => ({ value, posts }));
}

function busiest<K extends string>(
  keys: readonly number[],
  name: K,
  limit: number,
): ({ posts: number } & Record<K, number>)[] {
  return topCounted(keys.map(String), limit).map(
    (entry) => ({ [name]: Number(entry.value), posts: entry.posts }) as { posts: number } & Record<K, number>,
  );
}

const share = (posts: readonly PostRow[], has: (post: PostRow) => boolean): number | null =>
  posts.length === 0 ? null : Math.round((posts.filter(has).length / posts.length) * 100) / 100;

function summarizePosts(posts: readonly PostRow[], zone: string) {
  const walls = posts.map((post) => utcToWall(zone, post.publishedAt));
  const best = posts
    .filter((post) => post.engagements !== null)
    .sort((a, b) => (b.engagements ?? 0) - (a.engagements ?? 0))
    .slice(0, BUSIEST);
  return {
    mediaShare: share(posts, (post) => post.hasMedia),
    linkShare: share(posts, (post) => post.hasLink),
    topHashtags: topCounted(
      posts.flatMap((post) => post.hashtags),
      TOP,
    ),
    topTopics: topCounted(
      posts.flatMap((post) => post.topicWords),
      TOP,
    ),
    activeHours: busiest(
      walls.map((wall) => wall.hour),
      'hour',
      BUSIEST,
    ),
    activeWeekdays: busiest(
      walls.map((wall) => wall.weekday),
      'weekday',
      BUSIEST,
    ),
    bestPosts: best.map((post) => ({
      local: formatWall(utcToWall(zone, post.publishedAt)),
      engagements: post.engagements ?? 0,
      hashtags: post.hashtags.slice(0, TOP),
      topics: post.topicWords.slice(0, TOP),
    })),
  };
}

export async function summarizeCompetitors(db: Database, workspaceId: string): Promise<CompetitorSummary> {
  const [workspace] = await db
    .select({ timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const zone = workspace?.timezone ?? 'UTC';
  const rows = await db
    .select()
    .from(competitors)
    .where(eq(competitors.workspaceId, workspaceId))
    .orderBy(competitors.createdAt)
    .limit(MAX_COMPETITORS_PER_WORKSPACE);
  const since = new Date(Date.now() - STATS_DAYS * 86_400_000);
  const posts =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(competitorPosts)
          .where(
            and(
              inArray(
                competitorPosts.competitorId,
                rows.map((row) => row.id),
              ),
              gt(competitorPosts.publishedAt, since),
            ),
          );
  const stats = await competitorStats(db, workspaceId);
  const items = rows.map((row): CompetitorSummaryItem => {
    const own = posts.filter((post) => post.competitorId === row.id);
    const cadence = stats.get(row.id) ?? emptyStats;
    return {
      network: row.network,
      handle: row.handle,
      displayName: row.displayName,
      state: row.state,
      followers: row.followers,
      ...cadence,
      ...summarizePosts(own, zone),
    };
  });
  const own = [...(await ownStats(db, workspaceId)).entries()].map(([network, cadence]) => ({
    network: network as CompetitorSummaryItem['network'],
    ...cadence,
  }));
  return { timezone: zone, windowDays: STATS_DAYS, competitors: items, own };
}
