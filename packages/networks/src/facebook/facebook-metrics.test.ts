import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphError, startFacebookFake, type FacebookFake } from '@plume/testing/fakes/facebook';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { facebookProvider } from './provider.ts';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('Facebook metrics', () => {
  let fake: FacebookFake;
  let context: NetworkContext;
  let page: AccountAuth;
  const getPostMetrics = facebookProvider.getPostMetrics!;

  function addPost(id: string, message = 'Fresh bread'): void {
    fake.state.posts.set(id, { id, pageId: '101', kind: 'feed', fields: { message } });
  }

  beforeAll(async () => {
    fake = await startFacebookFake();
    context = createTestNetworkContext(fake.endpoints, { app: { clientId: 'fb-app', clientSecret: 'fb-secret' } });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.posts.clear();
    fake.state.stats.clear();
    page = {
      externalId: '101',
      tokens: { accessToken: fake.state.pages.get('101')?.token ?? '' },
      metadata: { pageId: '101' },
    };
    addPost('101_1');
    fake.state.stats.set('101_1', {
      createdTime: '2026-12-01T10:00:00+0000',
      reactions: 12,
      comments: 3,
      shares: 2,
      insights: { post_media_view: 340, post_total_media_view_unique: 250, post_clicks: 17 },
    });
    addPost('101_2');
    // A young post: no shares yet (Graph leaves the field out) and no insights computed yet.
    fake.state.stats.set('101_2', { createdTime: '2026-12-02T10:00:00+0000', reactions: 0, comments: 0, insights: {} });
  });

  it('reads several posts in one multiple-id call, mapping views to impressions and leaving missing insights absent', async () => {
    const readings = await getPostMetrics(context, page, ['101_2', '101_1']);
    expect(readings).toEqual([
      { remoteId: '101_2', status: 'ok', metrics: { likes: 0, replies: 0, shares: 0 } },
      {
        remoteId: '101_1',
        status: 'ok',
        metrics: { impressions: 340, reach: 250, clicks: 17, likes: 12, replies: 3, shares: 2 },
      },
    ]);
    expect(fake.server.requests).toHaveLength(1);
    const sent = fake.server.requests[0];
    expect(sent?.query.get('ids')).toBe('101_2,101_1');
    expect(sent?.query.get('fields')).toContain(
      'insights.metric(post_media_view,post_total_media_view_unique,post_clicks)',
    );
    expect(sent?.bearer).toBe(page.tokens.accessToken);
    expect(fake.server.unhandled).toEqual([]);
  });

  it('marks a deleted post gone: the batch is refused, then each id is read on its own', async () => {
    const readings = await getPostMetrics(context, page, ['101_1', '101_deleted']);
    expect(readings[0]).toMatchObject({ remoteId: '101_1', status: 'ok', metrics: { likes: 12 } });
    expect(readings[1]).toEqual({ remoteId: '101_deleted', status: 'gone', reason: 'not_found' });
    expect(fake.server.requests.map((request) => request.path)).toEqual([
      '/v26.0/',
      '/v26.0/101_1',
      '/v26.0/101_deleted',
    ]);
  });

  it('reads a Page video through its feed post {page-id}_{video-id}', async () => {
    fake.state.posts.set('555', { id: '555', pageId: '101', kind: 'video', fields: { description: 'Kneading' } });
    fake.state.stats.set('555', { createdTime: '2026-12-03T10:00:00+0000', reactions: 5, comments: 1, insights: {} });
    const readings = await getPostMetrics(context, page, ['555', '101_1']);
    expect(readings[0]).toEqual({ remoteId: '555', status: 'ok', metrics: { likes: 5, replies: 1, shares: 0 } });
    expect(readings[1]?.status).toBe('ok');
    expect(fake.server.requests[0]?.query.get('ids')).toBe('101_555,101_1');
    fake.state.posts.delete('555');
    expect(await getPostMetrics(context, page, ['555'])).toEqual([
      { remoteId: '555', status: 'gone', reason: 'not_found' },
    ]);
  });

  it('maps 190, throttles with Retry-After, 5xx and refusals to the typed errors', async () => {
    expect(
      await failure(getPostMetrics(context, { ...page, tokens: { accessToken: 'revoked' } }, ['101_1'])),
    ).toBeInstanceOf(AuthExpired);
    fake.server.failNext({
      ...graphError(80_001, 'There have been too many calls to this Page account'),
      headers: { 'retry-after': '120' },
    });
    const limited = await failure(getPostMetrics(context, page, ['101_1']));
    expect(limited).toBeInstanceOf(RateLimited);
    expect((limited as RateLimited).retryAfterMs).toBe(120_000);
    fake.server.failNext({ status: 429, headers: { 'retry-after': '30' }, body: 'slow down' });
    expect(((await failure(getPostMetrics(context, page, ['101_1']))) as RateLimited).retryAfterMs).toBe(30_000);
    fake.server.failNext({ status: 503, body: 'unavailable' });
    expect(await failure(getPostMetrics(context, page, ['101_1']))).toBeInstanceOf(Retryable);
    fake.server.failNext(graphError(10, '(#10) Requires read_insights permission', 403));
    expect(await failure(getPostMetrics(context, page, ['101_1']))).toBeInstanceOf(Permanent);
  });

  it('reads the Page followers', async () => {
    expect(await facebookProvider.getAccountMetrics!(context, page)).toEqual({ followers: 1520 });
    fake.state.pageCounts.set('101', { fan_count: 900 });
    expect(await facebookProvider.getAccountMetrics!(context, page)).toEqual({ followers: 900 });
    fake.state.pageCounts.set('101', {});
    expect(await facebookProvider.getAccountMetrics!(context, page)).toEqual({});
    fake.state.pageCounts.set('101', { followers_count: 1520, fan_count: 1490 });
  });

  it('lists recent posts newest first across pages, with their features and metrics', async () => {
    for (let day = 3; day <= 9; day += 1) {
      const id = `101_${day}`;
      addPost(id, day === 4 ? 'Read https://bakery.example/menu' : `Day ${day}`);
      fake.state.stats.set(id, {
        createdTime: `2026-12-0${day}T08:00:00+0000`,
        reactions: day,
        comments: 1,
        insights: { post_media_view: day * 100 },
        ...(day === 5 ? { attachment: 'photo' as const } : {}),
      });
    }
    const posts = await facebookProvider.listRecentPosts!(context, page, {
      since: new Date('2026-12-02T00:00:00Z'),
      limit: 6,
    });
    expect(posts.map((post) => post.remoteId)).toEqual(['101_9', '101_8', '101_7', '101_6', '101_5', '101_4']);
    expect(posts[0]).toMatchObject({
      publishedAt: new Date('2026-12-09T08:00:00Z'),
      text: 'Day 9',
      hasMedia: false,
      hasLink: false,
      metrics: { impressions: 900, likes: 9, replies: 1, shares: 0 },
    });
    expect(posts[4]?.hasMedia).toBe(true);
    expect(posts[5]?.hasLink).toBe(true);
    const asked = fake.server.requests.map((request) => request.query.get('limit'));
    expect(asked).toEqual(['6']);
  });
});
