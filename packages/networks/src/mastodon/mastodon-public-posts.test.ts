/** Competitors' public posts from a (fake) Mastodon server over real HTTP, without a token. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { NetworkContext } from '../contract.ts';
import { Permanent, ProfileNotFound, RateLimited, Retryable } from '../provider-errors.ts';
import { mastodonAddressOf } from './operations/public-posts.ts';
import { mastodonProvider } from './provider.ts';

let fake: MastodonFake;
let context: NetworkContext;

const day = (n: number): Date => new Date(Date.UTC(2026, 10, n, 9, 30));

function addStatus(text: string, createdAt: Date, extra: { reply?: boolean; media?: boolean; likes?: number } = {}) {
  const id = fake.state.nextId();
  fake.state.statuses.set(id, {
    id,
    text,
    mediaIds: extra.media === true ? ['m1'] : [],
    inReplyToId: extra.reply === true ? '1' : null,
    visibility: 'public',
    spoilerText: '',
    language: 'en',
    sensitive: false,
    idempotencyKey: undefined,
    createdAt,
    counts: { favourites: extra.likes ?? 0, reblogs: 2, replies: 1, quotes: 0 },
  });
  return id;
}

beforeEach(async () => {
  fake = await startMastodonFake();
  context = createTestNetworkContext({});
  fake.state.followers.followers = 880;
});

afterEach(async () => {
  expect(fake.server.unhandled).toEqual([]);
  await fake.close();
});

const list = (handle: string, since = day(10), limit = 50) =>
  mastodonProvider.listPublicPosts!(context, { handle, since, limit });

describe('Mastodon listPublicPosts', () => {
  it('looks the account up on its server and reads its public posts without replies or a token', async () => {
    const older = addStatus('Morning #Coffee and #news', day(15), { media: true, likes: 9 });
    addStatus('a reply', day(16), { reply: true });
    const newer = addStatus('Read <a href="https://blog.test">the blog</a>', day(17), { likes: 4 });
    addStatus('too old', day(2));

    const { profile, posts } = await list(`${fake.instanceUrl}/@plume`);

    const host = new URL(fake.instanceUrl).host;
    expect(profile).toEqual({
      id: fake.state.account.id,
      handle: `@plume@${host}`,
      displayName: 'Plume Test',
      url: `${fake.instanceUrl}/@plume`,
      followers: 880,
    });
    expect(posts.map((post) => [post.remoteId, post.hashtags, post.hasMedia, post.hasLink, post.metrics])).toEqual([
      [newer, [], false, true, { likes: 4, reposts: 2, replies: 1, quotes: 0 }],
      [older, ['coffee', 'news'], true, false, { likes: 9, reposts: 2, replies: 1, quotes: 0 }],
    ]);
    expect(posts[1]?.publishedAt).toEqual(day(15));
    const reads = fake.server.requests.filter((request) => request.path.startsWith('/api/v1/accounts/'));
    expect(reads.map((request) => request.headers.authorization)).toEqual([undefined, undefined]);
    expect(reads[0]?.query.get('acct')).toBe('plume');
    expect(reads[1]?.query.get('exclude_replies')).toBe('true');
  });

  it('leaves quotes out on a server that does not count them (absent, not 0)', async () => {
    fake.state.quotes = false;
    addStatus('hello', day(20));

    const { posts } = await list(`${fake.instanceUrl}/@plume`);

    expect(posts[0]?.metrics).toEqual({ likes: 0, reposts: 2, replies: 1 });
  });

  it('an unknown name is ProfileNotFound; a 429 is RateLimited with Retry-After; a 5xx is Retryable', async () => {
    await rejectionOf(list(`${fake.instanceUrl}/@nobody`), ProfileNotFound);

    fake.server.failNext({ status: 429, headers: { 'retry-after': '20' }, body: { error: 'Too many requests' } });
    expect((await rejectionOf(list(`${fake.instanceUrl}/@plume`), RateLimited)).retryAfterMs).toBe(20_000);

    fake.state.rateLimitedReads = 1;
    const waited = (await rejectionOf(list(`${fake.instanceUrl}/@plume`), RateLimited)).retryAfterMs;
    expect(waited).toBeGreaterThan(100_000);

    fake.server.failNext({ status: 503, body: { error: 'Service unavailable' } });
    await rejectionOf(list(`${fake.instanceUrl}/@plume`), Retryable);
  });

  it('a server on a private address is refused by the SSRF guard', async () => {
    const error = await rejectionOf(list('@someone@192.168.1.20'), Permanent);

    expect(error.message).toBe('The network address is not allowed from this server.');
  });
});

describe('mastodonAddressOf', () => {
  it('reads @name@server, name@server and profile links', () => {
    expect(mastodonAddressOf('@Alice@Mastodon.Social')).toEqual({
      instanceUrl: 'https://mastodon.social',
      username: 'Alice',
    });
    expect(mastodonAddressOf('bob@fosstodon.org')).toEqual({ instanceUrl: 'https://fosstodon.org', username: 'bob' });
    expect(mastodonAddressOf('https://hachyderm.io/@carol')).toEqual({
      instanceUrl: 'https://hachyderm.io',
      username: 'carol',
    });
    expect(() => mastodonAddressOf('just-a-name')).toThrow('is not a Mastodon address');
  });
});
