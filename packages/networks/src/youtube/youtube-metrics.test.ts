/** YouTube statistics against the YouTube fake over real HTTP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startYoutubeFake, type YoutubeFake } from '@plume/testing/fakes/youtube/youtube-fake';
import type { FakeYoutubeVideo } from '@plume/testing/fakes/youtube/youtube-state';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { AuthExpired, RateLimited, Retryable } from '../provider-errors.ts';
import { youtubeProvider } from './provider.ts';

let fake: YoutubeFake;
let context: NetworkContext;
let account: AccountAuth;
let counter = 0;

beforeEach(async () => {
  fake = await startYoutubeFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  account = fake.account();
});

afterEach(async () => {
  expect(fake.server.unhandled).toEqual([]);
  await fake.close();
});

function seedVideo(overrides: Partial<FakeYoutubeVideo> = {}, publishedAt = new Date()): FakeYoutubeVideo {
  counter += 1;
  const id = `vid${String(counter).padStart(8, '0')}`;
  const video: FakeYoutubeVideo = {
    id,
    channelId: account.externalId,
    snippet: {
      title: `Video ${counter}`,
      description: 'Watch https://plume.example',
      publishedAt: publishedAt.toISOString(),
    },
    status: { privacyStatus: 'public' },
    bytes: Buffer.alloc(0),
    mimeType: 'video/mp4',
    notifySubscribers: false,
    deleted: false,
    ...overrides,
  };
  fake.state.videos.set(id, video);
  return video;
}

const isVideos = (request: { path: string }) => request.path === '/youtube/v3/videos';
const getPostMetrics = (ids: readonly string[]) => youtubeProvider.getPostMetrics!(context, account, ids);

describe('YouTube getPostMetrics', () => {
  it('reads views, likes and comments; hidden likes and disabled comments stay absent', async () => {
    const open = seedVideo({
      statistics: { viewCount: '1500', likeCount: '40', favoriteCount: '0', commentCount: '6' },
    });
    const closed = seedVideo({ statistics: { viewCount: '80', favoriteCount: '0' } });

    expect(await getPostMetrics([open.id, closed.id])).toEqual([
      { remoteId: open.id, status: 'ok', metrics: { views: 1500, likes: 40, replies: 6 } },
      { remoteId: closed.id, status: 'ok', metrics: { views: 80 } },
    ]);
    const [request] = fake.server.requests.filter(isVideos);
    expect(request?.query.get('part')).toBe('statistics');
    expect(request?.query.get('id')).toBe(`${open.id},${closed.id}`);
  });

  it('reads 50 ids a call (60 ids: 2 calls); a deleted video is gone', async () => {
    const ids = Array.from({ length: 60 }, () => seedVideo().id);
    fake.state.videos.get(ids[7]!)!.deleted = true;

    const readings = await getPostMetrics(ids);

    expect(fake.server.requests.filter(isVideos).map((r) => r.query.get('id')?.split(',').length)).toEqual([50, 10]);
    expect(readings.map((reading) => reading.remoteId)).toEqual(ids);
    expect(readings[7]).toEqual({ remoteId: ids[7], status: 'gone', reason: 'deleted' });
    expect(readings.filter((reading) => reading.status === 'ok')).toHaveLength(59);
  });

  it('maps 401, the daily quota (403 quotaExceeded), a 429 and a 503 to the typed errors', async () => {
    const id = seedVideo().id;
    fake.server.failNext({
      status: 401,
      match: isVideos,
      body: { error: { code: 401, message: 'Invalid Credentials', errors: [{ reason: 'authError' }] } },
    });
    await rejectionOf(getPostMetrics([id]), AuthExpired);

    fake.server.failNext({
      status: 403,
      match: isVideos,
      body: { error: { code: 403, message: 'quota', errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota' }] } },
    });
    expect((await rejectionOf(getPostMetrics([id]), RateLimited)).scope).toBe('app');

    fake.server.failNext({
      status: 429,
      match: isVideos,
      headers: { 'retry-after': '20' },
      body: { error: { code: 429, message: 'slow down', errors: [{ reason: 'rateLimitExceeded' }] } },
    });
    expect((await rejectionOf(getPostMetrics([id]), RateLimited)).retryAfterMs).toBe(20_000);

    fake.server.failNext({ status: 503, match: isVideos, body: { error: { code: 503, message: 'backend' } } });
    await rejectionOf(getPostMetrics([id]), Retryable);
  });
});

describe('YouTube getAccountMetrics', () => {
  it('reads subscribers as followers and the video count as posts', async () => {
    fake.state.channels[0]!.statistics = {
      viewCount: '9000',
      subscriberCount: '1234',
      hiddenSubscriberCount: false,
      videoCount: '56',
    };

    expect(await youtubeProvider.getAccountMetrics!(context, account)).toEqual({ followers: 1234, posts: 56 });
  });

  it('leaves followers absent when the channel hides its subscriber count', async () => {
    fake.state.channels[0]!.statistics = {
      viewCount: '9',
      subscriberCount: '1000',
      hiddenSubscriberCount: true,
      videoCount: '3',
    };

    expect(await youtubeProvider.getAccountMetrics!(context, account)).toEqual({ posts: 3 });
  });
});

describe('YouTube listRecentPosts', () => {
  it('reads the uploads playlist newest first until `since`, with each video’s statistics', async () => {
    const now = Date.now();
    const recent = Array.from({ length: 55 }, (_, index) =>
      seedVideo({ statistics: { viewCount: String(index) } }, new Date(now - index * 60_000)),
    );
    seedVideo({}, new Date('2020-01-01T00:00:00Z'));

    const posts = await youtubeProvider.listRecentPosts!(context, account, {
      since: new Date(now - 24 * 60 * 60 * 1000),
      limit: 500,
    });

    expect(posts.map((post) => post.remoteId)).toEqual(recent.map((video) => video.id));
    expect(posts[1]).toMatchObject({
      url: `https://www.youtube.com/watch?v=${recent[1]!.id}`,
      hasMedia: true,
      hasLink: true,
      metrics: { views: 1 },
    });
    expect(posts[1]?.text).toContain('Watch https://plume.example');
    const playlistCalls = fake.server.requests.filter((request) => request.path === '/youtube/v3/playlistItems');
    expect(playlistCalls.map((call) => call.query.get('playlistId'))).toEqual([
      `UU${account.externalId.slice(2)}`,
      `UU${account.externalId.slice(2)}`,
    ]);
  });
});
