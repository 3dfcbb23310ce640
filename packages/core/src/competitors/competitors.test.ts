/** Competitors end to end in core: add (checks and limit), a reading from the fake Bluesky AppView, failures. */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { competitorPosts, competitors } from '@plume/db/schema/competitors';
import { workspaces } from '@plume/db/schema/workspaces';
import { createHttpClient } from '@plume/http/http-client';
import { allProviders } from '@plume/networks/registry';
import { AppError } from '@plume/errors/app-error';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createNetworkRuntime } from '../social/network-runtime.ts';
import { MAX_COMPETITORS_PER_WORKSPACE } from './competitor-limits.ts';
import { fetchCompetitor, safeLink, type CompetitorDeps } from './fetch-competitor.ts';
import { addCompetitor, listCompetitors } from './manage-competitors.ts';

let database: TestDatabase;
let db: Database;
let fake: BlueskyFake;
let deps: CompetitorDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 2 });
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});
beforeEach(async () => {
  fake = await startBlueskyFake();
  const runtime = createNetworkRuntime({
    providers: allProviders,
    config: { NETWORK_ENDPOINTS: { bluesky: { appView: fake.url } }, PORT: 3000 },
    credential: () => undefined,
    http: createHttpClient({ allowPrivateHosts: ['127.0.0.1'], retries: 0, maxRetryAfterMs: 0 }),
  });
  deps = { db, runtime };
});
afterEach(async () => {
  await fake.close();
});

const hoursAgo = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString();

async function workspace(): Promise<string> {
  const id = `ws_${randomUUID().slice(0, 8)}`;
  await db.insert(workspaces).values({ id, name: 'Comp', slug: id, timezone: 'Europe/Paris' });
  return id;
}

function rival(handle = 'rival.test') {
  fake.state.appView.authors.push({
    did: `did:plc:${handle.replace(/\W/g, '')}`,
    handle,
    displayName: 'Rival',
    followersCount: 900,
    posts: [
      {
        rkey: 'a1',
        record: { text: 'Roasting Ethiopian beans today #coffee #roastery', createdAt: hoursAgo(30) },
        counts: { likeCount: 30, repostCount: 4, replyCount: 2, quoteCount: 0 },
      },
      {
        rkey: 'a2',
        record: { text: 'Weekend brunch menu #coffee', createdAt: hoursAgo(80) },
        counts: { likeCount: 8 },
      },
    ],
  });
}

describe('addCompetitor', () => {
  it('refuses a network without public reads, a misspelt handle, a duplicate and one over the limit', async () => {
    const workspaceId = await workspace();
    const x = await rejectionOf(addCompetitor(deps, { workspaceId, network: 'x', handle: '@someone' }), AppError);
    expect(x.errors).toEqual([{ path: 'body/network', message: expect.stringContaining('cannot read public posts') }]);
    const bad = await rejectionOf(
      addCompetitor(deps, { workspaceId, network: 'bluesky', handle: 'no spaces' }),
      AppError,
    );
    expect(bad.errors?.[0]?.path).toBe('body/handle');

    await addCompetitor(deps, { workspaceId, network: 'bluesky', handle: '@Rival.test' });
    const twice = await rejectionOf(
      addCompetitor(deps, { workspaceId, network: 'bluesky', handle: 'rival.TEST' }),
      AppError,
    );
    expect(twice.code).toBe('conflict');

    for (let index = 1; index < MAX_COMPETITORS_PER_WORKSPACE; index += 1)
      await addCompetitor(deps, { workspaceId, network: 'bluesky', handle: `peer${index}.test` });
    const over = await rejectionOf(
      addCompetitor(deps, { workspaceId, network: 'bluesky', handle: 'one-more.test' }),
      AppError,
    );
    expect(over.detail).toContain(`at most ${MAX_COMPETITORS_PER_WORKSPACE}`);
  });

  it('stores the tidied handle as pending and queues its first reading', async () => {
    const workspaceId = await workspace();
    const row = await addCompetitor(deps, { workspaceId, network: 'bluesky', handle: ' @Rival.test ' });

    expect(row).toMatchObject({ handle: 'rival.test', state: 'pending', lastFetchedAt: null });
    const jobs = await db.execute<{ key: string }>(
      sql`SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'fetch_competitor'`,
    );
    expect(jobs.rows.map((job) => job.key)).toContain(`competitor:${row.id}`);
  });
});

describe('fetchCompetitor', () => {
  it('reads the profile and posts, keeps no text, and refreshes counts on the next reading', async () => {
    rival();
    const workspaceId = await workspace();
    const row = await addCompetitor(deps, { workspaceId, network: 'bluesky', handle: 'rival.test' });

    expect(await fetchCompetitor(deps, row.id)).toEqual({ status: 'ok', posts: 2 });

    const [saved] = await db.select().from(competitors).where(eq(competitors.id, row.id));
    expect(saved).toMatchObject({ state: 'ok', remoteId: 'did:plc:rivaltest', displayName: 'Rival', followers: 900 });
    expect(saved?.nextFetchAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const posts = await db.select().from(competitorPosts).where(eq(competitorPosts.competitorId, row.id));
    const first = posts.find((post) => post.remoteId.endsWith('/a1'));
    expect(first).toMatchObject({
      hashtags: ['coffee', 'roastery'],
      topicWords: ['roasting', 'ethiopian', 'beans'],
      counts: { likes: 30, reposts: 4, replies: 2, quotes: 0 },
      engagements: 36,
    });
    expect(Object.keys(first ?? {})).not.toContain('text');
    expect(posts.find((post) => post.remoteId.endsWith('/a2'))?.counts).toEqual({ likes: 8 });

    fake.state.appView.authors[0]!.posts[0]!.counts = { likeCount: 50, repostCount: 4, replyCount: 2, quoteCount: 0 };
    await fetchCompetitor(deps, row.id);
    const again = await db.select().from(competitorPosts).where(eq(competitorPosts.competitorId, row.id));
    expect(again).toHaveLength(2);
    expect(again.find((post) => post.remoteId.endsWith('/a1'))?.engagements).toBe(56);

    const listed = await listCompetitors(db, workspaceId);
    expect(listed.competitors[0]?.stats).toEqual({ posts: 2, postsPerWeek: 0.5, medianEngagements: 32 });
  });

  it('an unknown handle is not_found; a 429 only moves the next reading; a 5xx is a temporary error', async () => {
    const workspaceId = await workspace();
    const ghost = await addCompetitor(deps, { workspaceId, network: 'bluesky', handle: 'ghost.test' });
    expect(await fetchCompetitor(deps, ghost.id)).toEqual({
      status: 'not_found',
      message: 'Bluesky has no public account "ghost.test".',
    });

    rival('busy.test');
    const busy = await addCompetitor(deps, { workspaceId, network: 'bluesky', handle: 'busy.test' });
    fake.server.failNext({ status: 429, headers: { 'retry-after': '600' }, body: { error: 'RateLimitExceeded' } });
    const waited = await fetchCompetitor(deps, busy.id);
    expect(waited.status).toBe('wait');
    const [afterLimit] = await db.select().from(competitors).where(eq(competitors.id, busy.id));
    expect(afterLimit?.state).toBe('pending');
    expect(afterLimit?.nextFetchAt.getTime()).toBeGreaterThan(Date.now() + 500_000);

    fake.server.failNext({ status: 502, body: { error: 'UpstreamFailure', message: 'x' } });
    await db.execute(sql`DELETE FROM analytics_read_limits`);
    expect(await fetchCompetitor(deps, busy.id)).toMatchObject({ status: 'error' });
  });
});

describe('safeLink', () => {
  it('keeps http(s) links from another server and drops anything else', () => {
    expect(safeLink('https://social.example/@rival')).toBe('https://social.example/@rival');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('data:text/html,hi')).toBeNull();
    expect(safeLink('not a url')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });
});
