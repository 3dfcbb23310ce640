/**
 * One reading of a competitor: its profile and its public posts of the last days through the network's
 * `listPublicPosts`, within the network's read budget (shared with analytics reads of the same host).
 * Posts are upserted by remote id (counts refreshed), posts older than KEEP_DAYS dropped, and the
 * competitor's state says how the reading went: `ok`, `not_found` (no public account by that name) or
 * `error` (the network refused, in its words). A 429 or a spent budget only moves the next reading.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { competitorPosts, competitors } from '@plume/db/schema/competitors';
import { engagementsOf } from '@plume/contract/analytics/metrics';
import type { NetworkProvider, PublicPost } from '@plume/networks/contract';
import { isProviderError, ProfileNotFound } from '@plume/networks/provider-errors';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import { noteRateLimited, readRulesOf, takeReadBudget } from '../analytics/read-budget.ts';
import {
  DAILY_READ_DAYS,
  FIRST_READ_DAYS,
  KEEP_DAYS,
  READ_EVERY_HOURS,
  RETRY_AFTER_FAILURE_MINUTES,
} from './competitor-limits.ts';
import { topicWordsOf } from './topic-words.ts';

export type CompetitorDeps = { db: Database; runtime: NetworkRuntime };

export type FetchOutcome =
  | { status: 'ok'; posts: number }
  | { status: 'not_found' | 'error'; message: string }
  | { status: 'wait'; until: Date }
  | { status: 'skipped' };

const DAY_MS = 86_400_000;
const MAX_NAME_CHARS = 200;

/** A link from another server, kept only when it is a plain http(s) URL (never `javascript:` and the like). */
export function safeLink(url: string | null | undefined): string | null {
  if (url === null || url === undefined || url.length > 2000) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
type CompetitorRow = typeof competitors.$inferSelect;

/** The host the reads go to: the account's own server for Mastodon, else the API's. */
export function publicReadHost(provider: NetworkProvider, handle: string): string {
  const link = /^https?:\/\/[^/]+/i.exec(handle.trim())?.[0];
  const mastodonServer = /@([^@\s/]+)$/.exec(handle.trim())?.[1];
  const base =
    provider.manifest.id === 'mastodon'
      ? (link ?? `https://${mastodonServer ?? 'unknown'}`)
      : (provider.manifest.endpoints['appView'] ?? provider.manifest.endpoints['api'] ?? 'https://unknown');
  try {
    return new URL(base).host.toLowerCase();
  } catch {
    return provider.manifest.id;
  }
}

export async function fetchCompetitor(deps: CompetitorDeps, competitorId: string): Promise<FetchOutcome> {
  const [row] = await deps.db.select().from(competitors).where(eq(competitors.id, competitorId));
  if (row === undefined) return { status: 'skipped' };
  const provider = deps.runtime.provider(row.network);
  const manifest = provider.manifest.analytics.publicPosts;
  if (provider.listPublicPosts === undefined || manifest === undefined) return { status: 'skipped' };
  const rules = readRulesOf(provider.manifest, publicReadHost(provider, row.handle), `competitor:${row.id}`);
  const notBefore = await takeReadBudget(deps.db, rules, 2);
  if (notBefore !== null) return postpone(deps.db, row.id, notBefore);
  const now = new Date();
  const since = new Date(now.getTime() - (row.lastFetchedAt === null ? FIRST_READ_DAYS : DAILY_READ_DAYS) * DAY_MS);
  try {
    const context = deps.runtime.publicReadContext(row.network);
    if (context === null)
      return setState(
        deps.db,
        row.id,
        'error',
        `${provider.manifest.name} reads need an API key this server lacks.`,
        new Date(now.getTime() + READ_EVERY_HOURS * 3_600_000),
      );
    const read = await provider.listPublicPosts(context, { handle: row.handle, since, limit: manifest.maxPosts });
    await saveReading(deps.db, row, read, now);
    return { status: 'ok', posts: read.posts.length };
  } catch (error) {
    return recordFailure(deps.db, row, rules, error);
  }
}

async function saveReading(
  db: Database,
  row: CompetitorRow,
  read: Awaited<ReturnType<NonNullable<NetworkProvider['listPublicPosts']>>>,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const post of read.posts) {
      const values = postValues(row.id, post, now);
      await tx
        .insert(competitorPosts)
        .values(values)
        .onConflictDoUpdate({
          target: [competitorPosts.competitorId, competitorPosts.remoteId],
          set: { counts: values.counts, engagements: values.engagements, fetchedAt: now, url: values.url },
        });
    }
    await tx
      .delete(competitorPosts)
      .where(
        and(
          eq(competitorPosts.competitorId, row.id),
          lt(competitorPosts.publishedAt, new Date(now.getTime() - KEEP_DAYS * DAY_MS)),
        ),
      );
    await tx
      .update(competitors)
      .set({
        remoteId: read.profile.id,
        displayName: read.profile.displayName.slice(0, MAX_NAME_CHARS),
        profileUrl: safeLink(read.profile.url),
        followers: read.profile.followers ?? null,
        state: 'ok',
        stateMessage: null,
        lastFetchedAt: now,
        nextFetchAt: new Date(now.getTime() + READ_EVERY_HOURS * 3_600_000),
      })
      .where(eq(competitors.id, row.id));
  });
}

/** What Plume keeps of a post: no text, only its topic words, hashtags, length, flags and counts. */
function postValues(competitorId: string, post: PublicPost, now: Date): typeof competitorPosts.$inferInsert {
  return {
    competitorId,
    remoteId: post.remoteId,
    url: safeLink(post.url),
    publishedAt: post.publishedAt,
    hashtags: [...post.hashtags],
    topicWords: topicWordsOf(post.text),
    charCount: [...post.text].length,
    hasMedia: post.hasMedia,
    hasLink: post.hasLink,
    counts: post.metrics,
    engagements: engagementsOf(post.metrics),
    fetchedAt: now,
  };
}

async function postpone(db: Database, competitorId: string, until: Date): Promise<FetchOutcome> {
  await db.update(competitors).set({ nextFetchAt: until }).where(eq(competitors.id, competitorId));
  return { status: 'wait', until };
}

async function recordFailure(
  db: Database,
  row: CompetitorRow,
  rules: ReturnType<typeof readRulesOf>,
  error: unknown,
): Promise<FetchOutcome> {
  if (isProviderError(error) && error.kind === 'rate_limited') {
    const until = new Date(Date.now() + error.retryAfterMs);
    const scope = error.scope === 'app' ? ':app' : ':account:';
    await noteRateLimited(
      db,
      rules.filter((rule) => rule.key.includes(scope)).map((rule) => rule.key),
      until,
    );
    return postpone(db, row.id, until);
  }
  const nextDay = new Date(Date.now() + READ_EVERY_HOURS * 3_600_000);
  if (error instanceof ProfileNotFound) return setState(db, row.id, 'not_found', error.message, nextDay);
  if (isProviderError(error) && error.kind === 'permanent') return setState(db, row.id, 'error', error.reason, nextDay);
  // A temporary failure (5xx, timeout, unreadable answer): tried again within the hour.
  const later = new Date(Date.now() + RETRY_AFTER_FAILURE_MINUTES * 60_000);
  return setState(
    db,
    row.id,
    'error',
    'The network had a temporary problem; Plume tries again within the hour.',
    later,
  );
}

async function setState(
  db: Database,
  competitorId: string,
  state: 'not_found' | 'error',
  message: string,
  next: Date,
): Promise<FetchOutcome> {
  await db
    .update(competitors)
    .set({ state, stateMessage: message.slice(0, 500), nextFetchAt: next })
    .where(eq(competitors.id, competitorId));
  return { status: state, message };
}

/** Competitors whose reading is due, oldest due first. */
export async function dueCompetitorIds(db: Database, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: competitors.id })
    .from(competitors)
    .where(sql`${competitors.nextFetchAt} <= now()`)
    .orderBy(competitors.nextFetchAt)
    .limit(limit);
  return rows.map((row) => row.id);
}
