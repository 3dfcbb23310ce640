/** A competitor's public YouTube channel read with the server's API key from the fake Data API. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startYoutubeFake, type YoutubeFake } from '@plume/testing/fakes/youtube/youtube-fake';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { rejectionOf } from '@plume/testing/rejection-of';
import type { NetworkContext } from '../contract.ts';
import { Permanent, ProfileNotFound, RateLimited, Retryable } from '../provider-errors.ts';
import { youtubeChannelFilter } from './operations/public-posts.ts';
import { youtubeProvider } from './provider.ts';

const CHANNEL = 'UCrivalchannel0000000001';
let fake: YoutubeFake;
let context: NetworkContext;

function video(id: string, daysAgo: number, snippet: Record<string, unknown>, statistics?: Record<string, string>) {
  const publishedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  fake.state.videos.set(id, {
    id,
    channelId: CHANNEL,
    snippet: { publishedAt, ...snippet },
    status: { privacyStatus: 'public' },
    bytes: Buffer.alloc(0),
    mimeType: 'video/mp4',
    notifySubscribers: false,
    deleted: false,
    ...(statistics === undefined ? {} : { statistics }),
  });
}

beforeEach(async () => {
  fake = await startYoutubeFake({
    channels: [
      {
        id: CHANNEL,
        title: 'Rival Roasters TV',
        handle: '@rivalroasters',
        statistics: { viewCount: '9000', subscriberCount: '4200', hiddenSubscriberCount: false, videoCount: '3' },
      },
    ],
  });
  context = { ...createTestNetworkContext(fake.endpoints), apiKey: 'test-api-key' };
  video(
    'vid1',
    2,
    { title: 'Pour-over guide #coffee', description: 'Shop: https://rival.test #brewing' },
    {
      viewCount: '1200',
      likeCount: '80',
      commentCount: '9',
    },
  );
  // Likes hidden and comments off: both absent.
  video('vid2', 5, { title: 'Roastery tour', description: '' }, { viewCount: '300' });
  video('old', 200, { title: 'Old upload', description: '' });
});

afterEach(async () => {
  expect(fake.server.unhandled).toEqual([]);
  await fake.close();
});

const list = (handle: string, since = new Date(Date.now() - 30 * 86_400_000)) =>
  youtubeProvider.listPublicPosts!(context, { handle, since, limit: 50 });

describe('YouTube listPublicPosts', () => {
  it('finds the channel by handle and reads its recent videos with the API key, no token', async () => {
    const { profile, posts } = await list('https://www.youtube.com/@RivalRoasters');

    expect(profile).toEqual({
      id: CHANNEL,
      handle: '@rivalroasters',
      displayName: 'Rival Roasters TV',
      url: `https://www.youtube.com/channel/${CHANNEL}`,
      followers: 4200,
    });
    expect(posts.map((post) => [post.remoteId, post.hashtags, post.hasLink, post.metrics])).toEqual([
      ['vid1', ['coffee', 'brewing'], true, { views: 1200, likes: 80, replies: 9 }],
      ['vid2', [], false, { views: 300 }],
    ]);
    expect(fake.server.requests.every((request) => request.query.get('key') === 'test-api-key')).toBe(true);
    expect(fake.server.requests.every((request) => request.headers.authorization === undefined)).toBe(true);
  });

  it('a hidden subscriber count is absent', async () => {
    fake.state.channels[0]!.statistics = { subscriberCount: '0', hiddenSubscriberCount: true };

    expect((await list(CHANNEL)).profile).not.toHaveProperty('followers');
  });

  it('an unknown handle is ProfileNotFound; no key is a plain Permanent', async () => {
    await rejectionOf(list('@nobody'), ProfileNotFound);

    const { apiKey: _unused, ...keyless } = context;
    const error = await rejectionOf(
      youtubeProvider.listPublicPosts!(keyless, { handle: '@rivalroasters', since: new Date(0), limit: 5 }),
      Permanent,
    );
    expect(error.message).toContain('YOUTUBE_API_KEY');
  });

  it('a quota 403 and a 429 are RateLimited, a 5xx is Retryable', async () => {
    fake.server.failNext({
      status: 403,
      body: { error: { code: 403, message: 'quota', errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota' }] } },
    });
    await rejectionOf(list('@rivalroasters'), RateLimited);

    fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '12' },
      body: { error: { code: 429, message: 'slow' } },
    });
    expect((await rejectionOf(list('@rivalroasters'), RateLimited)).retryAfterMs).toBe(12_000);

    fake.server.failNext({ status: 503, body: { error: { code: 503, message: 'backend' } } });
    await rejectionOf(list('@rivalroasters'), Retryable);
  });
});

describe('youtubeChannelFilter', () => {
  it('reads handles, ids and links', () => {
    expect(youtubeChannelFilter('rival')).toEqual({ forHandle: '@rival' });
    expect(youtubeChannelFilter('https://youtube.com/channel/UCrivalchannel0000000001/')).toEqual({ id: CHANNEL });
  });
});
