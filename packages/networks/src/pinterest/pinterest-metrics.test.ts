import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPinterestFake, type PinterestFake } from '@plume/testing/fakes/pinterest/pinterest-fake';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { pinterestProvider } from './provider.ts';
import { connectedAccount } from './test-support/pinterest-test-kit.ts';

describe('Pinterest metrics', () => {
  let fake: PinterestFake;
  let context: NetworkContext;
  let account: AccountAuth;
  const getPostMetrics = pinterestProvider.getPostMetrics!;

  function addPin(id: string, createdAt: string, body: Record<string, unknown> = {}): void {
    fake.state.pins.set(id, { id, boardId: '549755885175', createdAt, body: { title: `Pin ${id}`, ...body } });
  }

  beforeAll(async () => {
    fake = await startPinterestFake();
    context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.pins.clear();
    fake.state.pinStats.clear();
    account = connectedAccount(fake);
    addPin('901', '2026-12-01T10:00:00');
    fake.state.pinStats.set('901', { IMPRESSION: 1200, SAVE: 31, PIN_CLICK: 40, OUTBOUND_CLICK: 12 });
  });

  it('reads one Pin a call over the last 90 days, clicks = Pin clicks + outbound clicks', async () => {
    const readings = await getPostMetrics(context, account, ['901']);
    expect(readings).toEqual([
      { remoteId: '901', status: 'ok', metrics: { impressions: 1200, saves: 31, clicks: 52 } },
    ]);
    const sent = fake.server.requests[0];
    expect(sent?.path).toBe('/v5/pins/901/analytics');
    expect(sent?.query.get('metric_types')).toBe('IMPRESSION,SAVE,PIN_CLICK,OUTBOUND_CLICK');
    const days =
      (Date.parse(sent?.query.get('end_date') ?? '') - Date.parse(sent?.query.get('start_date') ?? '')) / 86_400_000;
    expect(days).toBe(89);
    expect(fake.server.unhandled).toEqual([]);
  });

  it('leaves metrics without data absent, and marks a deleted Pin gone', async () => {
    addPin('902', '2026-12-02T10:00:00');
    fake.state.pinStats.set('902', { IMPRESSION: 5 });
    expect(await getPostMetrics(context, account, ['902', '999'])).toEqual([
      { remoteId: '902', status: 'ok', metrics: { impressions: 5 } },
      { remoteId: '999', status: 'gone', reason: 'not_found' },
    ]);
  });

  it('maps 401, 403, 429 with Retry-After and 5xx to the typed errors', async () => {
    await expect(getPostMetrics(context, { ...account, tokens: { accessToken: 'x' } }, ['901'])).rejects.toMatchObject({
      kind: 'auth_expired',
    });
    await expect(getPostMetrics(context, connectedAccount(fake, ['pins:write']), ['901'])).rejects.toMatchObject({
      kind: 'permanent',
    });
    fake.server.failNext({ status: 429, headers: { 'retry-after': '15' }, body: { code: 8, message: 'Rate limited' } });
    await expect(getPostMetrics(context, account, ['901'])).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 15_000,
    });
    fake.server.failNext({ status: 503, body: { code: 6, message: 'Service unavailable' } });
    await expect(getPostMetrics(context, account, ['901'])).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('reads followers, following and Pin count', async () => {
    expect(await pinterestProvider.getAccountMetrics!(context, account)).toEqual({
      followers: 4200,
      following: 180,
      posts: 1,
    });
  });

  it('lists Pins newest first across bookmark pages, stops at the since date, each with its analytics', async () => {
    for (let index = 0; index < 120; index += 1) {
      const id = String(1000 + index);
      const day = new Date(Date.parse('2026-08-01T00:00:00Z') + index * 86_400_000).toISOString().slice(0, 19);
      addPin(id, day, index === 119 ? { link: 'https://bakery.example' } : {});
      fake.state.pinStats.set(id, { IMPRESSION: index });
    }
    const posts = await pinterestProvider.listRecentPosts!(context, account, {
      since: new Date('2026-11-01T00:00:00Z'),
      limit: 500,
    });
    // Pins of 1–28 November (index 92–119) and the December one.
    expect(posts).toHaveLength(29);
    expect(posts[0]?.remoteId).toBe('901');
    expect(posts[1]).toMatchObject({
      remoteId: '1119',
      publishedAt: new Date('2026-11-28T00:00:00Z'),
      text: 'Pin 1119',
      hasLink: true,
      metrics: { impressions: 119 },
    });
    expect(posts.at(-1)?.remoteId).toBe('1092');
    const lists = fake.server.requests.filter((request) => request.path === '/v5/pins');
    expect(lists).toHaveLength(1);
  });
});
