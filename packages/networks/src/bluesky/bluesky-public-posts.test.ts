/** Competitors' public posts from the (fake) public AppView over real HTTP, without signing in. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { NetworkContext } from '../contract.ts';
import { ProfileNotFound, RateLimited, Retryable } from '../provider-errors.ts';
import { blueskyProvider } from './provider.ts';

let fake: BlueskyFake;
let context: NetworkContext;

const day = (n: number): string => new Date(Date.UTC(2026, 10, n, 9, 30)).toISOString();

beforeEach(async () => {
  fake = await startBlueskyFake();
  context = createTestNetworkContext({ appView: fake.url, web: 'https://bsky.app' });
  fake.state.appView.authors.push({
    did: 'did:plc:rival1',
    handle: 'rival.test',
    displayName: 'Rival Roasters',
    followersCount: 1200,
    posts: [
      {
        rkey: 'p1',
        record: {
          text: 'New beans! #Coffee https://rival.test/shop',
          createdAt: day(20),
          facets: [
            {
              index: { byteStart: 11, byteEnd: 18 },
              features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Coffee' }],
            },
            { index: { byteStart: 19, byteEnd: 40 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'x' }] },
          ],
        },
        counts: { likeCount: 40, repostCount: 5, replyCount: 3, quoteCount: 1 },
      },
      {
        rkey: 'p2',
        record: { text: 'Latte art #barista', createdAt: day(18), tags: ['Espresso'] },
        embed: { $type: 'app.bsky.embed.images#view', images: [] },
        counts: { likeCount: 12 },
      },
      { rkey: 'p3', record: { text: 'a reply', createdAt: day(19), reply: { root: {}, parent: {} } } },
      { rkey: 'p0', record: { text: 'Old pinned welcome', createdAt: day(1) }, pinned: true },
      { rkey: 'old', record: { text: 'too old', createdAt: day(2) } },
    ],
  });
});

afterEach(async () => {
  expect(fake.server.unhandled).toEqual([]);
  await fake.close();
});

const listPublicPosts = (handle: string, since = new Date(day(10)), limit = 50) =>
  blueskyProvider.listPublicPosts!(context, { handle, since, limit });

describe('Bluesky listPublicPosts', () => {
  it('reads the profile and the posts since `since`, newest first, without replies or a token', async () => {
    const { profile, posts } = await listPublicPosts('@Rival.test');

    expect(profile).toEqual({
      id: 'did:plc:rival1',
      handle: 'rival.test',
      displayName: 'Rival Roasters',
      url: 'https://bsky.app/profile/rival.test',
      followers: 1200,
    });
    expect(posts).toEqual([
      {
        remoteId: 'at://did:plc:rival1/app.bsky.feed.post/p1',
        url: 'https://bsky.app/profile/rival.test/post/p1',
        publishedAt: new Date(day(20)),
        text: 'New beans! #Coffee https://rival.test/shop',
        hashtags: ['coffee'],
        hasMedia: false,
        hasLink: true,
        metrics: { likes: 40, reposts: 5, replies: 3, quotes: 1 },
      },
      {
        remoteId: 'at://did:plc:rival1/app.bsky.feed.post/p2',
        url: 'https://bsky.app/profile/rival.test/post/p2',
        publishedAt: new Date(day(18)),
        text: 'Latte art #barista',
        hashtags: ['espresso', 'barista'],
        hasMedia: true,
        hasLink: false,
        // The AppView gave only likeCount: the others are absent, not 0.
        metrics: { likes: 12 },
      },
    ]);
    const requests = fake.server.requests.filter((request) => request.path.startsWith('/xrpc/app.bsky.'));
    expect(requests.map((request) => request.headers.authorization)).toEqual([undefined, undefined]);
    expect(requests[0]?.query.get('actor')).toBe('rival.test');
    expect(requests[1]?.query.get('actor')).toBe('did:plc:rival1');
    expect(requests[1]?.query.get('filter')).toBe('posts_no_replies');
  });

  it('accepts a bsky.app profile link, and stops at `limit`', async () => {
    const { posts } = await listPublicPosts('https://bsky.app/profile/rival.test', new Date(day(10)), 1);

    expect(posts.map((post) => post.remoteId)).toEqual(['at://did:plc:rival1/app.bsky.feed.post/p1']);
  });

  it('an old pinned post on top does not stop the reading, and is left out by its date', async () => {
    const { posts } = await listPublicPosts('rival.test', new Date(day(1)));

    expect(posts.map((post) => post.remoteId.split('/').at(-1))).toEqual(['p1', 'p2', 'old', 'p0']);
  });

  it('an unknown handle is ProfileNotFound', async () => {
    const error = await rejectionOf(listPublicPosts('nobody.test'), ProfileNotFound);

    expect(error.message).toBe('Bluesky has no public account "nobody.test".');
  });

  it('a 429 is RateLimited with its Retry-After, a 5xx is Retryable', async () => {
    const isFeed = (request: { path: string }) => request.path === '/xrpc/app.bsky.feed.getAuthorFeed';
    fake.server.failNext({
      status: 429,
      match: isFeed,
      headers: { 'retry-after': '45' },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    expect((await rejectionOf(listPublicPosts('rival.test'), RateLimited)).retryAfterMs).toBe(45_000);

    fake.server.failNext({ status: 503, match: isFeed, body: { error: 'UpstreamFailure', message: 'down' } });
    await rejectionOf(listPublicPosts('rival.test'), Retryable);
  });
});
