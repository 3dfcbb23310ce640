import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startTikTokFake, type TikTokFake } from '@plume/testing/fakes/tiktok/tiktok-fake';
import type { NetworkContext } from '../contract.ts';
import { createTikTokProvider } from './provider.ts';
import { bytesOf, connectedAccount, fastTikTok, media, request } from './test-support/tiktok-test-kit.ts';

describe('TikTok publish', () => {
  let fake: TikTokFake;
  let context: NetworkContext;

  beforeAll(async () => {
    fake = await startTikTokFake();
    context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.publishes.clear();
    fake.state.statusReadsBeforeDone = 1;
    fake.state.failReason = undefined;
    fake.state.givePostIds = true;
    fake.state.minChunkBytes = 5 * 1024 * 1024;
    fake.state.creator.comment_disabled = false;
  });

  const paths = () => fake.server.requests.map((sent) => `${sent.method} ${sent.path}`);

  it('direct-posts a video: creator info, init, one PUT, status polling, exact int64 id and URL', async () => {
    const account = connectedAccount(fake);
    const video = bytesOf(300_000);
    const result = await fastTikTok.publish(
      context,
      account,
      request('Hello #plume', [media('video', video, { aiGenerated: true, durationSec: 12 })], { disable_duet: true }),
    );

    expect(result).toEqual({
      remoteId: '7345678901234567891',
      url: 'https://www.tiktok.com/@plume.creator/video/7345678901234567891',
      extra: [],
    });
    expect(paths()).toEqual([
      'POST /v2/post/publish/creator_info/query/',
      'POST /v2/post/publish/video/init/',
      'PUT /upload/video/',
      'POST /v2/post/publish/status/fetch/',
      'POST /v2/post/publish/status/fetch/',
    ]);
    const init = fake.server.requests[1]!;
    expect(init.headers.authorization).toBe(`Bearer ${account.tokens.accessToken}`);
    expect(init.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(init.body).toEqual({
      post_info: {
        title: 'Hello #plume',
        privacy_level: 'PUBLIC_TO_EVERYONE',
        disable_comment: false,
        disable_duet: true,
        disable_stitch: false,
        brand_content_toggle: false,
        brand_organic_toggle: false,
        is_aigc: true,
      },
      source_info: { source: 'FILE_UPLOAD', video_size: 300_000, chunk_size: 300_000, total_chunk_count: 1 },
    });
    const [publish] = fake.publishes();
    expect(publish!.ranges).toEqual(['bytes 0-299999/300000']);
    expect(publish!.contentTypes).toEqual(['video/mp4']);
    expect(Buffer.concat(publish!.received).equals(Buffer.from(video))).toBe(true);
    expect(fake.server.requests.at(-1)!.body).toEqual({ publish_id: publish!.publishId });
  });

  it('uploads a large video in sequential chunks with the remainder on the last one', async () => {
    fake.state.minChunkBytes = 1000;
    const provider = createTikTokProvider({
      poll: { intervalMs: 5, maxWaitMs: 300 },
      chunks: { singleChunkMaxBytes: 4000, chunkBytes: 1500, maxChunks: 1000 },
    });
    const video = bytesOf(7_200);
    await provider.publish(context, connectedAccount(fake), request('chunks', [media('video', video)]));
    const [publish] = fake.publishes();
    expect(publish!.body['source_info']).toEqual({
      source: 'FILE_UPLOAD',
      video_size: 7200,
      chunk_size: 1500,
      total_chunk_count: 4,
    });
    expect(publish!.ranges).toEqual([
      'bytes 0-1499/7200',
      'bytes 1500-2999/7200',
      'bytes 3000-4499/7200',
      'bytes 4500-7199/7200',
    ]);
    expect(Buffer.concat(publish!.received).equals(Buffer.from(video))).toBe(true);
  });

  it("follows the creator's own switches: comments off stays off", async () => {
    fake.state.creator.comment_disabled = true;
    await fastTikTok.publish(
      context,
      connectedAccount(fake),
      request('x', [media('video', bytesOf(10))], { disable_comment: false }),
    );
    expect((fake.publishes()[0]!.body['post_info'] as Record<string, unknown>)['disable_comment']).toBe(true);
  });

  it('uploads to the inbox without post_info and returns the publish_id with no URL', async () => {
    const result = await fastTikTok.publish(
      context,
      connectedAccount(fake),
      request('draft', [media('video', bytesOf(1000))], { mode: 'inbox', privacy_level: undefined }),
    );
    const [publish] = fake.publishes();
    expect(paths()[0]).toBe('POST /v2/post/publish/inbox/video/init/');
    expect(publish!.body).toEqual({
      source_info: { source: 'FILE_UPLOAD', video_size: 1000, chunk_size: 1000, total_chunk_count: 1 },
    });
    expect(result).toEqual({ remoteId: publish!.publishId, url: null, extra: [] });
  });

  it('lets TikTok pull a video from a verified URL', async () => {
    const video = media('video', bytesOf(10));
    await fastTikTok.publish(
      context,
      connectedAccount(fake),
      request('pulled', [video], { video_source: 'PULL_FROM_URL' }),
    );
    expect(fake.publishes()[0]!.body['source_info']).toEqual({ source: 'PULL_FROM_URL', video_url: video.publicUrl });
    expect(paths()).not.toContain('PUT /upload/video/');
  });

  it('posts photos with title, description and cover, pulled from their public URLs', async () => {
    const photos = [media('image', bytesOf(5)), media('image', bytesOf(6), { mimeType: 'image/webp' })];
    const result = await fastTikTok.publish(
      context,
      connectedAccount(fake),
      request('Two photos', photos, { photo_cover_index: 1 }, { title: 'Weekend' }),
    );
    expect(fake.publishes()[0]!.body).toEqual({
      media_type: 'PHOTO',
      post_mode: 'DIRECT_POST',
      post_info: {
        title: 'Weekend',
        description: 'Two photos',
        privacy_level: 'PUBLIC_TO_EVERYONE',
        disable_comment: false,
        auto_add_music: false,
        brand_content_toggle: false,
        brand_organic_toggle: false,
      },
      source_info: {
        source: 'PULL_FROM_URL',
        photo_cover_index: 1,
        photo_images: photos.map((photo) => photo.publicUrl),
      },
    });
    expect(result.url).toBe(`https://www.tiktok.com/@plume.creator/photo/${result.remoteId}`);
  });

  it('sends photos to the inbox with MEDIA_UPLOAD', async () => {
    const result = await fastTikTok.publish(
      context,
      connectedAccount(fake),
      request('inbox photos', [media('image', bytesOf(5))], { mode: 'inbox' }),
    );
    expect(fake.publishes()[0]!.body).toMatchObject({
      post_mode: 'MEDIA_UPLOAD',
      post_info: { description: 'inbox photos' },
    });
    expect(result.url).toBeNull();
  });

  it('returns the publish_id right away for an "Only me" post (TikTok gives no public id)', async () => {
    const result = await fastTikTok.publish(
      context,
      connectedAccount(fake),
      request('private', [media('video', bytesOf(10))], { privacy_level: 'SELF_ONLY' }),
    );
    expect(result).toEqual({ remoteId: fake.publishes()[0]!.publishId, url: null, extra: [] });
  });

  it('stops polling after the bounded wait and returns the publish_id (the post was accepted)', async () => {
    fake.state.statusReadsBeforeDone = 1_000;
    const provider = createTikTokProvider({ poll: { intervalMs: 10, maxWaitMs: 60 } });
    const result = await provider.publish(
      context,
      connectedAccount(fake),
      request('slow', [media('video', bytesOf(10))]),
    );
    expect(result).toEqual({ remoteId: fake.publishes()[0]!.publishId, url: null, extra: [] });
  });

  it('keeps the accepted post when status reads fail', async () => {
    fake.server.failNext({ status: 500, times: 100, match: (sent) => sent.path.includes('status/fetch') });
    const provider = createTikTokProvider({ poll: { intervalMs: 5, maxWaitMs: 40 } });
    const result = await provider.publish(context, connectedAccount(fake), request('x', [media('video', bytesOf(10))]));
    expect(result.remoteId).toBe(fake.publishes()[0]!.publishId);
  });

  it('turns a FAILED status into Permanent with the reason in plain words', async () => {
    fake.state.failReason = 'frame_rate_check_failed';
    await expect(
      fastTikTok.publish(context, connectedAccount(fake), request('x', [media('video', bytesOf(10))])),
    ).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'frame_rate_check_failed',
      message: 'TikTok needs a frame rate between 23 and 60 frames per second.',
    });
  });

  it('refuses before calling TikTok when the privacy level was not chosen', async () => {
    await expect(
      fastTikTok.publish(
        context,
        connectedAccount(fake),
        request('x', [media('video', bytesOf(10))], { privacy_level: undefined }),
      ),
    ).rejects.toMatchObject({
      kind: 'permanent',
      message: 'Choose who can see this TikTok post (privacy level).',
    });
    expect(fake.server.requests).toHaveLength(0);
  });

  it('refuses a privacy level the account does not offer, before creating anything', async () => {
    await expect(
      fastTikTok.publish(
        context,
        connectedAccount(fake),
        request('x', [media('video', bytesOf(10))], { privacy_level: 'FOLLOWER_OF_CREATOR' }),
      ),
    ).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'privacy_level_option_mismatch',
      message: expect.stringContaining('Everyone, Friends, Only me'),
    });
    expect(paths()).toEqual(['POST /v2/post/publish/creator_info/query/']);
  });

  it("refuses a video longer than the account's maximum", async () => {
    fake.state.creator.max_video_post_duration_sec = 60;
    await expect(
      fastTikTok.publish(
        context,
        connectedAccount(fake),
        request('x', [media('video', bytesOf(10), { durationSec: 90 })]),
      ),
    ).rejects.toMatchObject({ kind: 'permanent' });
    fake.state.creator.max_video_post_duration_sec = 600;
    expect(fake.publishes()).toHaveLength(0);
  });

  it('refuses a post without media or with a video and photos', async () => {
    await expect(fastTikTok.publish(context, connectedAccount(fake), request('text only', []))).rejects.toMatchObject({
      message: 'TikTok needs a video or at least one photo.',
    });
    const mixed = [media('video', bytesOf(10)), media('image', bytesOf(10))];
    await expect(fastTikTok.publish(context, connectedAccount(fake), request('mixed', mixed))).rejects.toMatchObject({
      kind: 'permanent',
    });
    expect(fake.server.requests).toHaveLength(0);
  });
});
