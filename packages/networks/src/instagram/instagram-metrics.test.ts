import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphError } from '@plume/testing/fakes/facebook';
import { startInstagramFake, type InstagramFake } from '@plume/testing/fakes/instagram';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { instagramProvider } from './provider.ts';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('Instagram metrics', () => {
  let fake: InstagramFake;
  let context: NetworkContext;
  let account: AccountAuth;
  const getPostMetrics = instagramProvider.getPostMetrics!;

  function addMedia(id: string, stats: Parameters<InstagramFake['state']['stats']['set']>[1]): void {
    fake.state.media.set(id, { id, containerId: `c${id}`, permalink: `https://www.instagram.com/p/${id}/` });
    fake.state.stats.set(id, stats);
  }

  beforeAll(async () => {
    fake = await startInstagramFake();
    context = createTestNetworkContext(fake.endpoints, { app: { clientId: 'ig-app', clientSecret: 'ig-secret' } });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.media.clear();
    fake.state.stats.clear();
    account = {
      externalId: fake.state.user.userId,
      tokens: { accessToken: fake.issueToken() },
      metadata: { igUserId: fake.state.user.userId },
    };
    addMedia('1801', {
      timestamp: '2026-12-01T10:00:00+0000',
      caption: 'Croissants',
      productType: 'FEED',
      likes: 40,
      comments: 5,
      insights: { views: 900, reach: 610, saved: 12, shares: 3 },
    });
  });

  it('reads counts and current insights in one call per media, never asking deprecated metrics', async () => {
    // A reel whose owner hides likes and whose insights are not computed yet.
    addMedia('1802', { timestamp: '2026-12-02T10:00:00+0000', productType: 'REELS', comments: 0, insights: {} });
    const readings = await getPostMetrics(context, account, ['1801', '1802']);
    expect(readings).toEqual([
      {
        remoteId: '1801',
        status: 'ok',
        metrics: { likes: 40, replies: 5, views: 900, reach: 610, saves: 12, shares: 3 },
      },
      { remoteId: '1802', status: 'ok', metrics: { replies: 0 } },
    ]);
    expect(fake.server.requests.map((request) => request.path)).toEqual(['/v26.0/1801', '/v26.0/1802']);
    expect(fake.server.requests[0]?.query.get('fields')).toContain('insights.metric(views,reach,saved,shares)');
    expect(fake.server.unhandled).toEqual([]);
  });

  it('reads a story again without saves, and marks a deleted media gone', async () => {
    addMedia('1803', {
      timestamp: '2026-12-03T10:00:00+0000',
      productType: 'STORY',
      comments: 0,
      insights: { views: 70, reach: 55, shares: 1 },
    });
    const readings = await getPostMetrics(context, account, ['1803', '1899']);
    expect(readings).toEqual([
      { remoteId: '1803', status: 'ok', metrics: { replies: 0, views: 70, reach: 55, shares: 1 } },
      { remoteId: '1899', status: 'gone', reason: 'not_found' },
    ]);
  });

  it('maps 190, 429 with Retry-After, throttle codes, 5xx and permission refusals to the typed errors', async () => {
    expect(
      await failure(getPostMetrics(context, { ...account, tokens: { accessToken: 'revoked' } }, ['1801'])),
    ).toBeInstanceOf(AuthExpired);
    fake.server.failNext({ status: 429, headers: { 'retry-after': '45' }, body: 'slow down' });
    const limited = await failure(getPostMetrics(context, account, ['1801']));
    expect(limited).toBeInstanceOf(RateLimited);
    expect((limited as RateLimited).retryAfterMs).toBe(45_000);
    fake.server.failNext(graphError(4, 'Application request limit reached'));
    expect(((await failure(getPostMetrics(context, account, ['1801']))) as RateLimited).scope).toBe('app');
    fake.server.failNext({ status: 500, body: 'oops' });
    expect(await failure(getPostMetrics(context, account, ['1801']))).toBeInstanceOf(Retryable);
    fake.server.failNext(graphError(10, '(#10) Application does not have permission for this action', 403));
    expect(await failure(getPostMetrics(context, account, ['1801']))).toBeInstanceOf(Permanent);
  });

  it('reads followers, follows and media count, leaving out what Instagram leaves out', async () => {
    expect(await instagramProvider.getAccountMetrics!(context, account)).toEqual({
      followers: 830,
      following: 112,
      posts: 57,
    });
    const before = { ...fake.state.counts };
    fake.state.counts = { media_count: 3 };
    expect(await instagramProvider.getAccountMetrics!(context, account)).toEqual({ posts: 3 });
    fake.state.counts = before;
  });

  it('lists recent media newest first across pages, with their metrics', async () => {
    for (let day = 2; day <= 6; day += 1) {
      addMedia(`18${day}0`, {
        timestamp: `2026-12-0${day}T09:00:00+0000`,
        caption: day === 3 ? 'Order at https://bakery.example' : `Day ${day}`,
        productType: 'FEED',
        likes: day,
        comments: 1,
        insights: { reach: day * 10 },
      });
    }
    const posts = await instagramProvider.listRecentPosts!(context, account, {
      since: new Date('2026-12-02T00:00:00Z'),
      limit: 5,
    });
    expect(posts.map((post) => post.remoteId)).toEqual(['1860', '1850', '1840', '1830', '1820']);
    expect(posts[0]).toMatchObject({
      url: 'https://www.instagram.com/p/1860/',
      publishedAt: new Date('2026-12-06T09:00:00Z'),
      hasMedia: true,
      hasLink: false,
      metrics: { likes: 6, replies: 1, reach: 60 },
    });
    expect(posts[3]?.hasLink).toBe(true);
    expect(fake.server.requests.at(-1)?.path).toBe(`/v26.0/${fake.state.user.userId}/media`);
  });
});
