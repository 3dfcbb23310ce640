/**
 * Bluesky metrics against the fake PDS + AppView over real HTTP. (The real-PDS test cannot cover
 * these: a lone PDS has no AppView to answer app.bsky.feed.getPosts / getProfile / getAuthorFeed.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '@plume/testing/rejection-of';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { blueskyProvider } from './provider.ts';
import { blueskyRequest, startBlueskyTestBed, type BlueskyTestBed } from './test-support/bluesky-test-bed.ts';

let bed: BlueskyTestBed;

beforeEach(async () => {
  bed = await startBlueskyTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

async function publish(text: string): Promise<string> {
  const result = await blueskyProvider.publish(bed.context, bed.account, blueskyRequest([{ text, media: [] }]));
  return result.remoteId;
}

const getPostMetrics = (ids: readonly string[]) => blueskyProvider.getPostMetrics!(bed.context, bed.account, ids);
const isGetPosts = (request: { path: string }) => request.path === '/xrpc/app.bsky.feed.getPosts';

describe('Bluesky getPostMetrics', () => {
  it('reads likes, reposts, replies and quotes; a count the AppView leaves out stays absent', async () => {
    const [first, second] = [await publish('one'), await publish('two')];
    bed.fake.state.appView.counts.set(first, { likeCount: 12, repostCount: 3, replyCount: 2, quoteCount: 1 });
    bed.fake.state.appView.counts.set(second, { likeCount: 5 });
    bed.fake.server.reset();

    const readings = await getPostMetrics([second, first]);

    expect(readings).toEqual([
      { remoteId: second, status: 'ok', metrics: { likes: 5 } },
      { remoteId: first, status: 'ok', metrics: { likes: 12, reposts: 3, replies: 2, quotes: 1 } },
    ]);
    const [request] = bed.fake.server.requests.filter(isGetPosts);
    expect(request?.query.getAll('uris')).toEqual([second, first]);
    expect(request?.headers.authorization).toBe(`Bearer ${bed.account.tokens.accessToken}`);
  });

  it('asks 25 URIs a call: 60 URIs take 3 calls, and every URI gets one reading in order', async () => {
    const real = await publish('real');
    const ids = Array.from({ length: 60 }, (_, index) =>
      index === 30 ? real : `at://did:plc:alice123/app.bsky.feed.post/3lmissing${index}`,
    );
    bed.fake.server.reset();

    const readings = await getPostMetrics(ids);

    expect(bed.fake.server.requests.filter(isGetPosts).map((request) => request.query.getAll('uris').length)).toEqual([
      25, 25, 10,
    ]);
    expect(readings.map((reading) => reading.remoteId)).toEqual(ids);
    expect(readings[30]).toEqual({
      remoteId: real,
      status: 'ok',
      metrics: { likes: 0, reposts: 0, replies: 0, quotes: 0 },
    });
    expect(readings[0]).toEqual({ remoteId: ids[0], status: 'gone', reason: 'not_found' });
  });

  it('a deleted post is gone', async () => {
    const uri = await publish('soon deleted');
    await blueskyProvider.delete(bed.context, bed.account, uri);

    expect(await getPostMetrics([uri])).toEqual([{ remoteId: uri, status: 'gone', reason: 'not_found' }]);
  });

  it('maps an expired session, a 429, a 5xx and a refusal to the typed errors', async () => {
    const uri = await publish('x');
    bed.fake.server.failNext({ status: 400, match: isGetPosts, body: { error: 'ExpiredToken', message: 'expired' } });
    await rejectionOf(getPostMetrics([uri]), AuthExpired);

    bed.fake.server.failNext({
      status: 429,
      match: isGetPosts,
      headers: { 'retry-after': '30' },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    expect((await rejectionOf(getPostMetrics([uri]), RateLimited)).retryAfterMs).toBe(30_000);

    bed.fake.server.failNext({ status: 502, match: isGetPosts, body: { error: 'UpstreamFailure', message: 'x' } });
    await rejectionOf(getPostMetrics([uri]), Retryable);

    bed.fake.server.failNext({ status: 403, match: isGetPosts, body: { error: 'AccountTakedown', message: 'x' } });
    await rejectionOf(getPostMetrics([uri]), Permanent);
  });
});

describe('Bluesky getAccountMetrics', () => {
  it('reads followers, follows and posts counts of the signed-in DID', async () => {
    bed.fake.state.appView.profiles.set('did:plc:alice123', { followersCount: 321, followsCount: 45, postsCount: 67 });

    expect(await blueskyProvider.getAccountMetrics!(bed.context, bed.account)).toEqual({
      followers: 321,
      following: 45,
      posts: 67,
    });
    const request = bed.fake.server.requests.find((entry) => entry.path === '/xrpc/app.bsky.actor.getProfile');
    expect(request?.query.get('actor')).toBe('did:plc:alice123');
  });

  it('leaves out a count the AppView does not give', async () => {
    bed.fake.state.appView.profiles.set('did:plc:alice123', { followersCount: 9 });

    expect(await blueskyProvider.getAccountMetrics!(bed.context, bed.account)).toEqual({ followers: 9 });
  });
});

describe('Bluesky listRecentPosts', () => {
  it('pages the author feed, keeps only the account’s own posts newer than `since`, newest first', async () => {
    const uris: string[] = [];
    for (let index = 0; index < 105; index += 1) uris.push(await publish(`post ${index} https://plume.example`));
    bed.fake.state.appView.reposts.push({
      uri: 'at://did:plc:bob/app.bsky.feed.post/3lbob',
      authorDid: 'did:plc:bob',
      text: 'not mine',
      createdAt: new Date().toISOString(),
    });
    bed.fake.state.appView.counts.set(uris[104] ?? '', { likeCount: 4 });
    bed.fake.server.reset();

    const posts = await blueskyProvider.listRecentPosts!(bed.context, bed.account, {
      since: new Date(Date.now() - 60 * 60 * 1000),
      limit: 500,
    });

    expect(posts).toHaveLength(105);
    expect(posts.some((post) => post.remoteId.includes('did:plc:bob'))).toBe(false);
    expect(posts[0]).toMatchObject({ text: 'post 104 https://plume.example', hasLink: true, hasMedia: false });
    expect(new Set(posts.map((post) => post.remoteId))).toEqual(new Set(uris));
    expect(posts.find((post) => post.remoteId === uris[104])?.metrics).toEqual({ likes: 4 });
    const pages = bed.fake.server.requests.filter((entry) => entry.path === '/xrpc/app.bsky.feed.getAuthorFeed');
    expect(pages.map((page) => [page.query.get('filter'), page.query.get('limit'), page.query.get('cursor')])).toEqual([
      ['posts_no_replies', '100', null],
      ['posts_no_replies', '100', '100'],
    ]);
  });

  it('stops at `limit` and skips posts older than `since`', async () => {
    await publish('a');
    await publish('b');

    expect(
      await blueskyProvider.listRecentPosts!(bed.context, bed.account, { since: new Date(0), limit: 1 }),
    ).toHaveLength(1);
    expect(
      await blueskyProvider.listRecentPosts!(bed.context, bed.account, {
        since: new Date(Date.now() + 60_000),
        limit: 10,
      }),
    ).toEqual([]);
  });
});
