import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startTikTokFake, type TikTokFake } from '@plume/testing/fakes/tiktok/tiktok-fake';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { tiktokProvider } from './provider.ts';

const apiError = (code: string, message = 'vendor says no') => ({ data: {}, error: { code, message, log_id: 'l' } });

describe('TikTok metrics', () => {
  let fake: TikTokFake;
  let context: NetworkContext;
  let account: AccountAuth;
  const getPostMetrics = tiktokProvider.getPostMetrics!;
  // Above 2^53, as real TikTok ids are: a client parsing them as numbers would lose the last digits.
  const bigId = '7345678901234567893';

  beforeAll(async () => {
    fake = await startTikTokFake();
    context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.videos.clear();
    const tokens = fake.issueTokens();
    account = { externalId: fake.state.user.open_id, tokens, metadata: {} };
    fake.state.videos.set(bigId, {
      id: bigId,
      createTime: Date.parse('2026-12-01T10:00:00Z') / 1000,
      description: 'Proofing dough #bread',
      counts: { view_count: 5400, like_count: 320, comment_count: 14, share_count: 9 },
    });
  });

  it('reads 20 ids a call, keeps int64 ids exact, and marks videos TikTok leaves out gone', async () => {
    const ids = [bigId, ...Array.from({ length: 19 }, (_, index) => `73456789012345${String(index).padStart(5, '0')}`)];
    const readings = await getPostMetrics(context, account, ids);
    expect(readings).toHaveLength(20);
    expect(readings[0]).toEqual({
      remoteId: bigId,
      status: 'ok',
      metrics: { views: 5400, likes: 320, replies: 14, shares: 9 },
    });
    expect(readings.slice(1).every((reading) => reading.status === 'gone')).toBe(true);
    expect(fake.server.requests).toHaveLength(1);
    const sent = fake.server.requests[0];
    expect(sent?.path).toBe('/v2/video/query/');
    expect(sent?.body).toEqual({ filters: { video_ids: ids } });
    expect(sent?.query.get('fields')).toContain('view_count');
    expect(fake.server.unhandled).toEqual([]);
  });

  it('leaves a count TikTok does not send absent, not 0', async () => {
    fake.state.videos.set('1', { id: '1', createTime: 1_764_000_000, description: '', counts: { view_count: 12 } });
    expect(await getPostMetrics(context, account, ['1'])).toEqual([
      { remoteId: '1', status: 'ok', metrics: { views: 12 } },
    ]);
  });

  it('maps a missing scope, an invalid token, 429 with Retry-After and 5xx to the typed errors', async () => {
    const narrow = { ...account, tokens: fake.issueTokens(['user.info.basic', 'video.publish']) };
    await expect(getPostMetrics(context, narrow, [bigId])).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'scope_not_authorized',
    });
    await expect(
      getPostMetrics(context, { ...account, tokens: { accessToken: 'act.revoked' } }, [bigId]),
    ).rejects.toMatchObject({ kind: 'auth_expired' });
    fake.server.failNext({ status: 429, headers: { 'retry-after': '20' }, body: apiError('rate_limit_exceeded') });
    await expect(getPostMetrics(context, account, [bigId])).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 20_000,
    });
    fake.server.failNext({ status: 500, body: apiError('internal_error') });
    await expect(getPostMetrics(context, account, [bigId])).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('reads follower, following and video counts with user.info.stats', async () => {
    expect(await tiktokProvider.getAccountMetrics!(context, account)).toEqual({
      followers: 2400,
      following: 31,
      posts: 88,
    });
    expect(fake.server.requests[0]?.query.get('fields')).toBe('open_id,follower_count,following_count,video_count');
  });

  it('lists recent videos newest first across cursor pages and stops at the since date', async () => {
    const start = Date.parse('2026-11-01T00:00:00Z') / 1000;
    for (let day = 0; day < 30; day += 1) {
      const id = String(7_000_000_000 + day);
      fake.state.videos.set(id, {
        id,
        createTime: start + day * 86_400,
        description: day === 29 ? 'Shop at https://bakery.example' : `Day ${day}`,
        counts: { view_count: day * 10, like_count: day },
      });
    }
    const posts = await tiktokProvider.listRecentPosts!(context, account, {
      since: new Date('2026-11-06T00:00:00Z'),
      limit: 500,
    });
    // Days 5..29 of November plus the December video.
    expect(posts).toHaveLength(26);
    expect(posts[0]?.remoteId).toBe(bigId);
    expect(posts[1]).toMatchObject({
      remoteId: '7000000029',
      hasLink: true,
      hasMedia: true,
      metrics: { views: 290, likes: 29 },
    });
    expect(posts.at(-1)?.publishedAt).toEqual(new Date('2026-11-06T00:00:00Z'));
    const pages = fake.server.requests.map((request) => (request.body as { cursor?: number }).cursor);
    expect(pages).toEqual([undefined, Date.parse('2026-11-12T00:00:00Z')]);
  });
});
