import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProviders } from '@plume/networks/registry';
import { createUser, type TestUser } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

type NetworkItem = { id: string; analytics: Record<string, unknown> };

let t: TestApp;
let owner: TestUser;

beforeAll(async () => {
  t = await createTestApp({});
  owner = await createUser(t.app, t.db);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /networks analytics', () => {
  it('says which metrics each network gives, its batch size and backfill reach; null where it gives none', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/networks', headers: owner.headers });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: NetworkItem[] }>().items;
    const analyticsOf = (id: string) => items.find((item) => item.id === id)?.analytics;

    expect(analyticsOf('bluesky')).toEqual({
      post: { metrics: ['likes', 'reposts', 'replies', 'quotes'], batchSize: 25, scopes: [] },
      account: { metrics: ['followers', 'following', 'posts'], scopes: [] },
      recentPosts: { maxPosts: 3000, maxAgeDays: 3650 },
    });
    expect(analyticsOf('x')).toMatchObject({
      post: { batchSize: 100, metrics: expect.arrayContaining(['impressions']) },
    });
    expect(analyticsOf('discord')).toEqual({ post: null, account: null, recentPosts: null });
  });
});

describe('GET /networks inbox', () => {
  it("says what each network's inbox reads and does, exactly as its manifest claims; nothing for TikTok", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/networks', headers: owner.headers });
    const items = response.json<{ items: Array<{ id: string; inbox: { kinds: string[] } }> }>().items;
    for (const provider of allProviders)
      expect(items.find((item) => item.id === provider.manifest.id)?.inbox).toEqual(
        JSON.parse(JSON.stringify(provider.manifest.inbox)),
      );
    expect(items.find((item) => item.id === 'tiktok')?.inbox.kinds).toEqual([]);
  });
});
