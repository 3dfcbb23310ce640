import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startInstagramFake, type InstagramFake } from '@plume/testing/fakes/instagram';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext, PublishMedia, PublishRequest } from '../contract.ts';
import { Permanent, RateLimited } from '../provider-errors.ts';
import { instagramProvider } from './provider.ts';
import { PartlyPublished } from '../shared/partly-published.ts';

function media(kind: PublishMedia['kind'], publicUrl: string, extra: Partial<PublishMedia> = {}): PublishMedia {
  return {
    id: publicUrl,
    kind,
    mimeType: kind === 'video' ? 'video/mp4' : 'image/jpeg',
    bytes: 1000,
    aiGenerated: false,
    fileName: publicUrl.split('/').at(-1) ?? 'file',
    publicUrl,
    read: async () => new Uint8Array(),
    ...extra,
  };
}

function request(text: string, items: PublishMedia[], extra: Partial<PublishRequest> = {}): PublishRequest {
  return { parts: [{ text, media: items }], settings: {}, idempotencyKey: 'k', ...extra };
}

const photo = media('image', 'https://plume.example/m/bread.jpg', { altText: 'A loaf of sourdough' });

describe('Instagram publish', () => {
  let fake: InstagramFake;
  let context: NetworkContext;
  let account: AccountAuth;

  beforeAll(async () => {
    fake = await startInstagramFake();
    context = createTestNetworkContext(fake.endpoints, {
      app: { clientId: fake.state.appId, clientSecret: fake.state.appSecret },
    });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.quota.usage = 0;
    fake.state.videoProcessingPolls = 0;
    account = {
      externalId: fake.state.user.userId,
      tokens: { accessToken: fake.issueToken() },
      metadata: { igUserId: fake.state.user.userId },
    };
  });

  it('publishes an image: container with caption and alt text, media_publish, then the permalink', async () => {
    const result = await instagramProvider.publish(context, account, request('Fresh sourdough #bread', [photo]));
    const userPath = `/v26.0/${fake.state.user.userId}`;
    const create = fake.server.requests.find((r) => r.path === `${userPath}/media`);
    expect(create?.bearer).toBe(account.tokens.accessToken);
    expect(create?.body).toEqual({
      image_url: 'https://plume.example/m/bread.jpg',
      alt_text: 'A loaf of sourdough',
      caption: 'Fresh sourdough #bread',
    });
    const publish = fake.server.requests.find((r) => r.path === `${userPath}/media_publish`);
    const containerId = [...fake.state.containers.keys()].at(-1);
    expect(publish?.body).toEqual({ creation_id: containerId });
    expect(result.remoteId).toBe([...fake.state.media.keys()].at(-1));
    expect(result.url).toBe(fake.state.media.get(result.remoteId)?.permalink);
    expect(fake.server.requests.some((r) => r.path === `${userPath}/content_publishing_limit`)).toBe(true);
    expect(fake.server.unhandled).toEqual([]);
  });

  it('publishes a video as a reel and waits while Instagram processes it', async () => {
    fake.state.videoProcessingPolls = 1;
    const result = await instagramProvider.publish(
      context,
      account,
      request('Kneading', [media('video', 'https://plume.example/m/knead.mp4', { durationSec: 20 })]),
    );
    const container = [...fake.state.containers.values()].at(-1);
    expect(container?.fields).toEqual({
      media_type: 'REELS',
      video_url: 'https://plume.example/m/knead.mp4',
      share_to_feed: true,
      caption: 'Kneading',
    });
    const statusChecks = fake.server.requests.filter((r) => r.path === `/v26.0/${container?.id ?? ''}`);
    expect(statusChecks).toHaveLength(2);
    expect(statusChecks[0]?.query.get('fields')).toBe('status_code,status');
    expect(fake.state.media.has(result.remoteId)).toBe(true);
  });

  it('publishes a carousel of item containers, mixing images and videos', async () => {
    const items = [
      photo,
      media('video', 'https://plume.example/m/clip.mp4', { durationSec: 10 }),
      media('image', 'https://plume.example/m/two.jpg'),
    ];
    await instagramProvider.publish(context, account, request('Our week', items));
    const containers = [...fake.state.containers.values()].slice(-4);
    expect(containers.map((c) => c.fields)).toEqual([
      { image_url: 'https://plume.example/m/bread.jpg', alt_text: 'A loaf of sourdough', is_carousel_item: true },
      { media_type: 'VIDEO', video_url: 'https://plume.example/m/clip.mp4', is_carousel_item: true },
      { image_url: 'https://plume.example/m/two.jpg', is_carousel_item: true },
      {
        media_type: 'CAROUSEL',
        children: containers
          .slice(0, 3)
          .map((c) => c.id)
          .join(','),
        caption: 'Our week',
      },
    ]);
  });

  it('publishes a story without a caption when the target asks for stories', async () => {
    await instagramProvider.publish(
      context,
      account,
      request('ignored', [photo], { settings: { placement: 'story' } }),
    );
    expect([...fake.state.containers.values()].at(-1)?.fields).toEqual({
      media_type: 'STORIES',
      image_url: 'https://plume.example/m/bread.jpg',
    });
  });

  it('posts the first comment under the new post', async () => {
    const result = await instagramProvider.publish(
      context,
      account,
      request('With comment', [photo], { firstComment: '#sourdough #bakery' }),
    );
    expect(fake.state.comments.at(-1)).toMatchObject({ on: result.remoteId, message: '#sourdough #bakery' });
    expect(result.extra).toEqual([{ remoteId: fake.state.comments.at(-1)?.id, url: result.url }]);
  });

  it('keeps the post when the permalink read and the comment fail', async () => {
    fake.server.failNext({
      status: 500,
      times: 2,
      match: (r) => r.query.get('fields') === 'permalink' || r.path.endsWith('/comments'),
    });
    const error = await instagramProvider
      .publish(context, account, request('Still posted', [photo], { firstComment: 'x' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartlyPublished);
    const { published } = error as PartlyPublished;
    expect(fake.state.media.has(published.remoteId)).toBe(true);
    expect(published).toMatchObject({ url: null, extra: [] });
    expect((error as PartlyPublished).message).toContain('but the first comment failed');
  });

  it('refuses before calling Instagram when media is missing or not JPEG', async () => {
    await expect(instagramProvider.publish(context, account, request('text only', []))).rejects.toThrow(
      'Instagram needs at least one image or video.',
    );
    const png = media('image', 'https://plume.example/m/a.png', { mimeType: 'image/png', fileName: 'a.png' });
    await expect(instagramProvider.publish(context, account, request('png', [png]))).rejects.toBeInstanceOf(Permanent);
    expect(fake.server.requests).toEqual([]);
  });

  it('waits an hour instead of publishing when the 24-hour quota is used up', async () => {
    fake.state.quota.usage = 100;
    await expect(instagramProvider.publish(context, account, request('Over quota', [photo]))).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 3_600_000,
      scope: 'account',
    });
    expect(fake.server.requests.some((r) => r.path.endsWith('/media'))).toBe(false);
  });

  it('maps the publishing-limit error of media_publish to RateLimited', async () => {
    fake.server.failNext({
      status: 400,
      body: {
        error: {
          message: 'Application request limit reached',
          type: 'OAuthException',
          code: 9,
          error_subcode: 2207042,
        },
      },
      match: (r) => r.path.endsWith('/media_publish'),
    });
    await expect(instagramProvider.publish(context, account, request('Limit', [photo]))).rejects.toBeInstanceOf(
      RateLimited,
    );
  });

  it('cannot delete: says so plainly without calling Instagram', async () => {
    const error = await instagramProvider.delete(context, account, '123').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Permanent);
    expect((error as Permanent).reason).toBe(
      'Instagram does not allow apps to delete posts; delete it in the Instagram app.',
    );
    expect(fake.server.requests).toEqual([]);
  });

  it('validates hashtags, mentions, carousel size, stories, GIFs and carousel video length', () => {
    const many = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' ');
    const mentions = Array.from({ length: 21 }, (_, i) => `@user${i}`).join(' ');
    const eleven = Array.from({ length: 11 }, (_, i) => media('image', `https://x/${i}.jpg`));
    const validate = instagramProvider.validate!;
    expect(validate(request(many, [photo])).map((i) => i.message)).toEqual([
      'Instagram allows at most 30 hashtags in a caption.',
    ]);
    expect(validate(request(mentions, [photo])).map((i) => i.message)).toEqual([
      'Instagram allows at most 20 @mentions in a caption.',
    ]);
    expect(validate(request('x', eleven)).map((i) => i.message)).toEqual([
      'An Instagram carousel holds at most 10 images or videos.',
    ]);
    expect(validate(request('x', [photo, photo], { settings: { placement: 'story' } }))[0]?.message).toBe(
      'An Instagram story takes exactly one image or video.',
    );
    expect(validate(request('x', [media('gif', 'https://x/a.gif')]))[0]?.message).toMatch(/GIFs/);
    expect(validate(request('x', [photo, media('video', 'https://x/v.mp4', { durationSec: 90 })]))[0]?.message).toMatch(
      /60 seconds/,
    );
    expect(validate(request('fine #one @two', [photo]))).toEqual([]);
  });
});
