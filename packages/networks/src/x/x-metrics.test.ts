/** X metrics against the X fake over real HTTP (request shapes are checked by Prism in x.prism.test.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { XFakePost } from '@plume/testing/fakes/x/state';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { xProvider } from './provider.ts';
import { startXTestBed, type XTestBed } from './test-support/x-test-bed.ts';

let bed: XTestBed;

beforeEach(async () => {
  bed = await startXTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

function seedPost(overrides: Partial<XFakePost> = {}): XFakePost {
  const id = bed.fake.state.nextId();
  const post: XFakePost = {
    id,
    authorId: bed.fake.state.user.id,
    text: `post ${id}`,
    mediaIds: [],
    replyTo: undefined,
    madeWithAi: false,
    replySettings: undefined,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
  bed.fake.state.posts.set(id, post);
  return post;
}

const getPostMetrics = (ids: readonly string[]) => xProvider.getPostMetrics!(bed.context, bed.account, ids);
const isLookup = (request: { path: string }) => request.path === '/2/tweets';

describe('X getPostMetrics', () => {
  it('reads public metrics under Plume’s names; a count X leaves out stays absent', async () => {
    const full = seedPost({
      publicMetrics: {
        retweet_count: 4,
        reply_count: 3,
        like_count: 20,
        quote_count: 1,
        bookmark_count: 2,
        impression_count: 900,
      },
    });
    const partial = seedPost({ publicMetrics: { like_count: 7, reply_count: 0 } });

    expect(await getPostMetrics([full.id, partial.id])).toEqual([
      {
        remoteId: full.id,
        status: 'ok',
        metrics: { impressions: 900, likes: 20, reposts: 4, replies: 3, quotes: 1, saves: 2 },
      },
      { remoteId: partial.id, status: 'ok', metrics: { likes: 7, replies: 0 } },
    ]);
    const [request] = bed.fake.server.requests.filter(isLookup);
    expect(request?.query.get('ids')).toBe(`${full.id},${partial.id}`);
    expect(request?.query.get('tweet.fields')).toBe('public_metrics');
    expect(request?.headers.authorization).toBe(`Bearer ${bed.account.tokens.accessToken}`);
  });

  it('reads 60 ids in one call and 150 in two', async () => {
    const ids = Array.from({ length: 150 }, () => seedPost().id);

    await getPostMetrics(ids.slice(0, 60));
    expect(bed.fake.server.requests.filter(isLookup)).toHaveLength(1);

    bed.fake.server.reset();
    const readings = await getPostMetrics(ids);
    expect(bed.fake.server.requests.filter(isLookup).map((r) => r.query.get('ids')?.split(',').length)).toEqual([
      100, 50,
    ]);
    expect(readings.map((reading) => reading.remoteId)).toEqual(ids);
  });

  it('a deleted post is gone (deleted), a private one gone (private), even when no id is found', async () => {
    const kept = seedPost();
    const hidden = seedPost({ private: true });

    expect(await getPostMetrics(['1111111111111111111', hidden.id, kept.id])).toEqual([
      { remoteId: '1111111111111111111', status: 'gone', reason: 'deleted' },
      { remoteId: hidden.id, status: 'gone', reason: 'private' },
      { remoteId: kept.id, status: 'ok', metrics: expect.objectContaining({ likes: 0 }) },
    ]);
    expect(await getPostMetrics(['1111111111111111112'])).toEqual([
      { remoteId: '1111111111111111112', status: 'gone', reason: 'deleted' },
    ]);
  });

  it('maps 401, 429 (x-rate-limit-reset), 503 and 403 to the typed errors', async () => {
    const id = seedPost().id;
    bed.fake.server.failNext({ status: 401, match: isLookup, body: { title: 'Unauthorized', status: 401 } });
    await rejectionOf(getPostMetrics([id]), AuthExpired);

    const reset = String(Math.floor(Date.now() / 1000) + 120);
    bed.fake.server.failNext({
      status: 429,
      match: isLookup,
      headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset },
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    });
    const limited = await rejectionOf(getPostMetrics([id]), RateLimited);
    expect(limited.retryAfterMs).toBeGreaterThan(100_000);
    expect(limited.scope).toBe('account');

    bed.fake.server.failNext({ status: 503, match: isLookup, body: { title: 'Service Unavailable' } });
    await rejectionOf(getPostMetrics([id]), Retryable);

    bed.fake.server.failNext({
      status: 403,
      match: isLookup,
      body: {
        title: 'Client Forbidden',
        reason: 'client-not-enrolled',
        type: 'https://api.x.com/2/problems/client-forbidden',
      },
    });
    await rejectionOf(getPostMetrics([id]), Permanent);
  });
});

describe('X getAccountMetrics', () => {
  it('reads followers_count, following_count and tweet_count from /2/users/me', async () => {
    bed.fake.state.userMetrics = { followers_count: 1200, following_count: 80, tweet_count: 456, listed_count: 3 };

    expect(await xProvider.getAccountMetrics!(bed.context, bed.account)).toEqual({
      followers: 1200,
      following: 80,
      posts: 456,
    });
    const request = bed.fake.server.requests.find((entry) => entry.path === '/2/users/me');
    expect(request?.query.get('user.fields')).toBe('public_metrics');
  });
});

describe('X listRecentPosts', () => {
  it('pages the user timeline without retweets and replies from `since`, with metrics and features', async () => {
    const old = seedPost({ createdAt: '2020-01-01T00:00:00.000Z' });
    const reply = seedPost({ replyTo: old.id });
    const posts = Array.from({ length: 130 }, (_, index) =>
      seedPost({
        createdAt: new Date(Date.now() - index * 1000).toISOString(),
        text: `n${index} https://plume.example`,
      }),
    );
    bed.fake.state.posts.get(posts[0]!.id)!.publicMetrics = { like_count: 5 };
    bed.fake.state.posts.get(posts[0]!.id)!.mediaIds = ['77'];

    const recent = await xProvider.listRecentPosts!(bed.context, bed.account, {
      since: new Date(Date.now() - 24 * 60 * 60 * 1000),
      limit: 1000,
    });

    expect(recent).toHaveLength(130);
    expect(recent.map((post) => post.remoteId)).not.toContain(old.id);
    expect(recent.map((post) => post.remoteId)).not.toContain(reply.id);
    expect(recent[0]).toMatchObject({
      remoteId: posts[0]!.id,
      url: `https://x.com/plume_test/status/${posts[0]!.id}`,
      text: 'n0 https://plume.example',
      hasMedia: true,
      hasLink: true,
      metrics: { likes: 5 },
    });
    const pages = bed.fake.server.requests.filter((entry) => entry.path.endsWith('/tweets'));
    expect(pages.map((page) => [page.path, page.query.get('exclude'), page.query.get('pagination_token')])).toEqual([
      [`/2/users/${bed.account.externalId}/tweets`, 'retweets,replies', null],
      [`/2/users/${bed.account.externalId}/tweets`, 'retweets,replies', '100'],
    ]);
    expect(pages[0]?.query.get('start_time')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('stops at `limit`', async () => {
    for (let index = 0; index < 30; index += 1) seedPost();

    expect(await xProvider.listRecentPosts!(bed.context, bed.account, { since: new Date(0), limit: 7 })).toHaveLength(
      7,
    );
  });
});
