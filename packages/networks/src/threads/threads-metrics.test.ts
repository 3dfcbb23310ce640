/** Threads insights and backfill against the Threads fake over real HTTP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '@plume/testing/rejection-of';
import { AuthExpired, RateLimited, Retryable } from '../provider-errors.ts';
import { threadsProvider } from './provider.ts';
import { startThreadsTestBed, threadsRequest, type ThreadsTestBed } from './test-support/threads-test-bed.ts';

let bed: ThreadsTestBed;

beforeEach(async () => {
  bed = await startThreadsTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

async function publish(text: string): Promise<string> {
  const result = await threadsProvider.publish(bed.context, bed.account, threadsRequest([{ text, media: [] }]));
  return result.remoteId;
}

const getPostMetrics = (ids: readonly string[]) => threadsProvider.getPostMetrics!(bed.context, bed.account, ids);
const isInsights = (request: { path: string }) => request.path.endsWith('/insights');

describe('Threads getPostMetrics', () => {
  it('reads views, likes, replies, reposts, quotes and shares, one call per post; missing metrics stay absent', async () => {
    const first = await publish('one');
    const second = await publish('two');
    bed.fake.state.posts.get(first)!.insights = { views: 300, likes: 12, replies: 3, reposts: 2, quotes: 1, shares: 4 };
    bed.fake.state.posts.get(second)!.insights = { views: 10 };
    bed.fake.server.reset();

    expect(await getPostMetrics([first, second])).toEqual([
      {
        remoteId: first,
        status: 'ok',
        metrics: { views: 300, likes: 12, replies: 3, reposts: 2, quotes: 1, shares: 4 },
      },
      { remoteId: second, status: 'ok', metrics: { views: 10 } },
    ]);
    const calls = bed.fake.server.requests.filter(isInsights);
    expect(calls.map((call) => call.path)).toEqual([`/v1.0/${first}/insights`, `/v1.0/${second}/insights`]);
    expect(calls[0]?.query.get('metric')).toBe('views,likes,replies,reposts,quotes,shares');
  });

  it('a deleted post is gone', async () => {
    const id = await publish('soon gone');
    await threadsProvider.delete(bed.context, bed.account, id);

    expect(await getPostMetrics([id])).toEqual([{ remoteId: id, status: 'gone', reason: 'deleted' }]);
  });

  it('maps an invalid token, throttling (code 4 app, 17 account) and a transient error to the typed errors', async () => {
    const id = await publish('x');
    const graph = (code: number, extra: Record<string, unknown> = {}) => ({
      error: { message: 'x', type: 'OAuthException', code, fbtrace_id: 'A', ...extra },
    });
    bed.fake.server.failNext({ status: 400, match: isInsights, body: graph(190) });
    await rejectionOf(getPostMetrics([id]), AuthExpired);

    bed.fake.server.failNext({ status: 400, match: isInsights, body: graph(4) });
    expect((await rejectionOf(getPostMetrics([id]), RateLimited)).scope).toBe('app');

    bed.fake.server.failNext({ status: 429, match: isInsights, headers: { 'retry-after': '9' }, body: graph(17) });
    const limited = await rejectionOf(getPostMetrics([id]), RateLimited);
    expect([limited.scope, limited.retryAfterMs]).toEqual(['account', 9000]);

    bed.fake.server.failNext({ status: 500, match: isInsights, body: graph(2, { is_transient: true }) });
    await rejectionOf(getPostMetrics([id]), Retryable);
  });
});

describe('Threads getAccountMetrics', () => {
  it('reads followers_count from the user insights', async () => {
    bed.fake.state.followers = 789;

    expect(await threadsProvider.getAccountMetrics!(bed.context, bed.account)).toEqual({ followers: 789 });
    const request = bed.fake.server.requests.find((entry) => entry.path.endsWith('/threads_insights'));
    expect(request?.path).toBe(`/v1.0/${bed.account.externalId}/threads_insights`);
  });
});

describe('Threads listRecentPosts', () => {
  it('pages /me/threads from `since`, skips reposts, and reads each post’s insights', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 103; index += 1) ids.push(await publish(`post ${index} https://plume.example`));
    bed.fake.state.posts.get(ids[5]!)!.repost = true;
    bed.fake.state.posts.get(ids[102]!)!.insights = { views: 50, likes: 5 };
    const old = await publish('old');
    bed.fake.state.posts.get(old)!.timestamp = '2024-01-01T00:00:00.000Z';
    bed.fake.server.reset();

    const posts = await threadsProvider.listRecentPosts!(bed.context, bed.account, {
      since: new Date(Date.now() - 60 * 60 * 1000),
      limit: 500,
    });

    expect(posts).toHaveLength(102);
    expect(posts.map((post) => post.remoteId)).not.toContain(ids[5]);
    expect(posts.map((post) => post.remoteId)).not.toContain(old);
    expect(posts.find((post) => post.remoteId === ids[102])).toMatchObject({
      text: 'post 102 https://plume.example',
      hasLink: true,
      hasMedia: false,
      url: expect.stringContaining('https://www.threads.net/@plume.test/post/'),
      metrics: { views: 50, likes: 5 },
    });
    const pages = bed.fake.server.requests.filter((entry) => entry.path === '/v1.0/me/threads');
    expect(pages).toHaveLength(2);
    expect(Number(pages[0]?.query.get('since'))).toBeGreaterThan(1_688_540_400);
  });
});
