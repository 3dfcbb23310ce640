import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { AccountAuth } from '../contract.ts';
import { RateLimited } from '../provider-errors.ts';
import { mastodonProvider } from './provider.ts';
import { mastodonRequest, startMastodonTestBed, type MastodonTestBed } from './test-support/mastodon-test-bed.ts';

let bed: MastodonTestBed;
const provider = {
  getPostMetrics: mastodonProvider.getPostMetrics!,
  getAccountMetrics: mastodonProvider.getAccountMetrics!,
  listRecentPosts: mastodonProvider.listRecentPosts!,
};

beforeEach(async () => {
  bed = await startMastodonTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

async function post(text: string, counts: Partial<Record<'favourites' | 'reblogs' | 'replies' | 'quotes', number>>) {
  const result = await mastodonProvider.publish(
    bed.context,
    bed.account,
    mastodonRequest([{ text, media: [] }], { idempotencyKey: `post-${text}` }),
  );
  const status = bed.fake.state.statuses.get(result.remoteId)!;
  Object.assign(status.counts, counts);
  return result.remoteId;
}

/** The account as stored after a connect to a server of `version`, with the token's granted scopes. */
function accountOn(version: string | undefined, scopes?: string[]): AccountAuth {
  return {
    ...bed.account,
    tokens: { ...bed.account.tokens, ...(scopes === undefined ? {} : { scopes }) },
    metadata: { ...bed.account.metadata, ...(version === undefined ? {} : { version }) },
  };
}

function readsMade(): string[] {
  return bed.fake.server.requests
    .filter((request) => request.method === 'GET')
    .map((request) => `${request.path}${request.query.size > 0 ? `?${request.query.toString()}` : ''}`);
}

describe('Mastodon post metrics', () => {
  it('reads many posts in one GET /api/v1/statuses on 4.3+, one reading per id in order, a missing one gone', async () => {
    const first = await post('One', { favourites: 3, reblogs: 2, replies: 1, quotes: 4 });
    const second = await post('Two', { favourites: 7 });
    const readings = await provider.getPostMetrics(bed.context, accountOn('4.4.0'), [second, '999', first]);
    expect(readings).toEqual([
      { remoteId: second, status: 'ok', metrics: { likes: 7, reposts: 0, replies: 0, quotes: 0 } },
      { remoteId: '999', status: 'gone', reason: 'not_found' },
      { remoteId: first, status: 'ok', metrics: { likes: 3, reposts: 2, replies: 1, quotes: 4 } },
    ]);
    expect(readsMade()).toEqual([`/api/v1/statuses?id%5B%5D=${second}&id%5B%5D=999&id%5B%5D=${first}`]);
  });

  it('reads one status per call on servers before 4.3 (or of unknown version); 404 is gone; no quotes before 4.5', async () => {
    bed.fake.state.version = '4.2.10';
    bed.fake.state.quotes = false;
    const id = await post('Old server', { favourites: 5, reblogs: 1 });
    const readings = await provider.getPostMetrics(bed.context, accountOn('4.2.10'), [id, '404404']);
    expect(readings).toEqual([
      { remoteId: id, status: 'ok', metrics: { likes: 5, reposts: 1, replies: 0 } },
      { remoteId: '404404', status: 'gone', reason: 'not_found' },
    ]);
    expect(readsMade()).toEqual([`/api/v1/statuses/${id}`, '/api/v1/statuses/404404']);
    expect(await provider.getPostMetrics(bed.context, accountOn(undefined), [id])).toHaveLength(1);
  });

  it('says how many posts one call reads, so read budgets count calls: 20 from 4.3 on, else 1', () => {
    const perCall = mastodonProvider.postMetricsPerCall!;
    expect(perCall(accountOn('4.3.0'))).toBe(20);
    expect(perCall(accountOn('5.0.1'))).toBe(20);
    expect(perCall(accountOn('4.2.10'))).toBe(1);
    expect(perCall({ metadata: {} })).toBe(1);
  });

  it('reads without the token unless it was granted read:statuses (Mastodon refuses tokens without the scope)', async () => {
    const id = await post('Public', { favourites: 1 });
    await provider.getPostMetrics(bed.context, bed.account, [id]);
    expect(bed.fake.server.requests.at(-1)?.headers.authorization).toBeUndefined();
    const reader = bed.fake.issueToken('read write');
    const granted: AccountAuth = { ...bed.account, tokens: { accessToken: reader, scopes: ['read', 'write'] } };
    await provider.getPostMetrics(bed.context, granted, [id]);
    expect(bed.fake.server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${reader}`);
  });

  it('a 429 is RateLimited until X-RateLimit-Reset', async () => {
    const id = await post('Busy', {});
    bed.fake.state.rateLimitedReads = 1;
    const error = await rejectionOf(provider.getPostMetrics(bed.context, accountOn('4.4.0'), [id, id]), RateLimited);
    expect(error.retryAfterMs).toBeGreaterThan(60_000);
    expect(error.scope).toBe('account');
  });
});

describe('Mastodon account metrics and recent posts', () => {
  it('reads followers, following and posts from verify_credentials', async () => {
    bed.fake.state.followers = { followers: 1234, following: 56 };
    await post('Counted', {});
    expect(await provider.getAccountMetrics(bed.context, bed.account)).toEqual({
      followers: 1234,
      following: 56,
      posts: 1,
    });
  });

  it('lists the account’s posts newest first, paging with max_id, stopping at `since` and `limit`', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 45; index += 1)
      ids.push(await post(`Post ${index} https://example.org/a`, { favourites: index }));
    const old = bed.fake.state.statuses.get(ids[0]!)!;
    old.createdAt = new Date(Date.now() - 100 * 86_400_000);
    const account = {
      ...bed.account,
      externalId: `${bed.fake.state.account.id}@${new URL(bed.fake.instanceUrl).host}`,
    };
    const since = new Date(Date.now() - 90 * 86_400_000);
    const all = await provider.listRecentPosts(bed.context, account, { since, limit: 500 });
    expect(all.map((item) => item.remoteId)).toEqual(ids.slice(1).reverse());
    expect(all[0]).toMatchObject({ text: 'Post 44 https://example.org/a', hasMedia: false, metrics: { likes: 44 } });
    expect(readsMade().filter((path) => path.includes('/accounts/'))).toHaveLength(2);
    const some = await provider.listRecentPosts(bed.context, account, { since, limit: 3 });
    expect(some.map((item) => item.remoteId)).toEqual(ids.slice(-3).reverse());
  });
});
