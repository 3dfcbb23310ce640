/** Reddit scores and backfill against the Reddit fake over real HTTP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRedditFake, type FakeRedditPost, type RedditFake } from '@plume/testing/fakes/reddit';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { AuthExpired, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { redditProvider } from './provider.ts';

let fake: RedditFake;
let context: NetworkContext;
let account: AccountAuth;
let counter = 0;

beforeEach(async () => {
  fake = await startRedditFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  account = fake.account();
});

afterEach(async () => {
  expect(fake.server.unhandled).toEqual([]);
  await fake.close();
});

function seedPost(overrides: Partial<FakeRedditPost> = {}): FakeRedditPost {
  counter += 1;
  const id = `p${counter.toString(36).padStart(6, '0')}`;
  const post: FakeRedditPost = {
    id,
    name: `t3_${id}`,
    subreddit: 'test',
    kind: 'self',
    title: `Post ${counter}`,
    text: 'Body with https://plume.example',
    form: {},
    deleted: false,
    comments: [],
    createdUtc: Date.now() / 1000,
    score: 1,
    ...overrides,
  };
  fake.state.posts.set(post.name, post);
  return post;
}

const isInfo = (request: { path: string }) => request.path === '/api/info';
const getPostMetrics = (ids: readonly string[]) => redditProvider.getPostMetrics!(context, account, ids);

describe('Reddit getPostMetrics', () => {
  it('reads score and comment count; no other metric appears', async () => {
    const post = seedPost({ score: 42, comments: [{ name: 't1_a', text: 'hi', deleted: false }] });

    expect(await getPostMetrics([post.name])).toEqual([
      { remoteId: post.name, status: 'ok', metrics: { score: 42, replies: 1 } },
    ]);
    const [request] = fake.server.requests.filter(isInfo);
    expect(request?.query.get('id')).toBe(post.name);
    expect(request?.headers['user-agent']).toMatch(/^server:plume\.fakeRedditClient:v[\d.]+ \(by \/u\/plume_tester\)$/);
  });

  it('reads 100 fullnames a call (150: 2 calls), one reading per id in order', async () => {
    const names = Array.from({ length: 150 }, () => seedPost().name);

    const readings = await getPostMetrics(names);

    expect(fake.server.requests.filter(isInfo).map((r) => r.query.get('id')?.split(',').length)).toEqual([100, 50]);
    expect(readings.map((reading) => reading.remoteId)).toEqual(names);
  });

  it('a post deleted by its author is gone (deleted), one removed by moderators gone (private), an unknown one not_found', async () => {
    const deleted = seedPost();
    await redditProvider.delete(context, account, deleted.name);
    const removed = seedPost({ removedByModerator: true });

    expect(await getPostMetrics([deleted.name, removed.name, 't3_unknown'])).toEqual([
      { remoteId: deleted.name, status: 'gone', reason: 'deleted' },
      { remoteId: removed.name, status: 'gone', reason: 'private' },
      { remoteId: 't3_unknown', status: 'gone', reason: 'not_found' },
    ]);
  });

  it('maps 401, 403 (missing scope), 429 and 5xx to the typed errors', async () => {
    const name = seedPost().name;
    fake.server.failNext({ status: 401, match: isInfo, body: { message: 'Unauthorized', error: 401 } });
    await rejectionOf(getPostMetrics([name]), AuthExpired);

    await rejectionOf(redditProvider.getPostMetrics!(context, fake.account(['identity']), [name]), Permanent);

    fake.server.failNext({
      status: 429,
      match: isInfo,
      headers: { 'x-ratelimit-reset': '33' },
      body: { message: 'Too Many Requests', error: 429 },
    });
    const limited = await rejectionOf(getPostMetrics([name]), RateLimited);
    expect([limited.retryAfterMs, limited.scope]).toEqual([33_000, 'app']);

    fake.server.failNext({ status: 500, match: isInfo, body: { message: 'Internal Server Error', error: 500 } });
    await rejectionOf(getPostMetrics([name]), Retryable);
  });
});

describe('Reddit listRecentPosts', () => {
  it('pages the user’s submissions newest first until `since`, skipping deleted posts', async () => {
    const now = Date.now() / 1000;
    const recent = Array.from({ length: 120 }, (_, index) => seedPost({ createdUtc: now - index * 60, score: index }));
    seedPost({ createdUtc: now - 5, deleted: true });
    seedPost({ createdUtc: now - 400 * 24 * 3600 });

    const posts = await redditProvider.listRecentPosts!(context, account, {
      since: new Date((now - 24 * 3600) * 1000),
      limit: 500,
    });

    expect(posts.map((post) => post.remoteId)).toEqual(recent.map((post) => post.name));
    expect(posts[3]).toMatchObject({
      url: expect.stringMatching(/^https:\/\/www\.reddit\.com\/r\/test\/comments\//),
      text: `${recent[3]!.title}\n\nBody with https://plume.example`,
      hasLink: true,
      hasMedia: false,
      metrics: { score: 3, replies: 0 },
    });
    const pages = fake.server.requests.filter((request) => request.path === '/user/plume_tester/submitted');
    expect(pages.map((page) => [page.query.get('sort'), page.query.get('after')])).toEqual([
      ['new', null],
      ['new', recent[99]!.name],
    ]);
  });
});
