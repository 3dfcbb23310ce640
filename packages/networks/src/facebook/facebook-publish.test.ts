import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFacebookFake, type FacebookFake } from '@plume/testing/fakes/facebook';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext, PublishMedia, PublishRequest } from '../contract.ts';
import { facebookProvider } from './provider.ts';
import { PartlyPublished } from '../shared/partly-published.ts';

function media(kind: PublishMedia['kind'], publicUrl: string, extra: Partial<PublishMedia> = {}): PublishMedia {
  return {
    id: publicUrl,
    kind,
    mimeType: kind === 'video' ? 'video/mp4' : 'image/jpeg',
    bytes: 1000,
    aiGenerated: false,
    fileName: 'f',
    publicUrl,
    read: async () => new Uint8Array(),
    ...extra,
  };
}

function request(text: string, extra: Partial<PublishRequest> = {}): PublishRequest {
  return { parts: [{ text, media: [] }], settings: {}, idempotencyKey: 'k', ...extra };
}

describe('Facebook publish', () => {
  let fake: FacebookFake;
  let context: NetworkContext;
  let page: AccountAuth;

  beforeAll(async () => {
    fake = await startFacebookFake();
    context = createTestNetworkContext(fake.endpoints, {
      app: { clientId: fake.state.appId, clientSecret: fake.state.appSecret },
    });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    const bakery = fake.state.pages.get('101');
    page = { externalId: '101', tokens: { accessToken: bakery?.token ?? '' }, metadata: { pageId: '101' } };
  });

  it('publishes text with a link on the Page feed, using the Page token', async () => {
    const result = await facebookProvider.publish(
      context,
      page,
      request('Fresh bread today', { link: 'https://bakery.example' }),
    );
    expect(result.remoteId).toMatch(/^101_\d+$/);
    expect(result.url).toBe(`https://www.facebook.com/${result.remoteId}`);
    const sent = fake.server.requests.at(-1);
    expect(sent?.path).toBe('/v26.0/101/feed');
    expect(sent?.bearer).toBe(page.tokens.accessToken);
    expect(sent?.body).toEqual({ message: 'Fresh bread today', link: 'https://bakery.example' });
    expect(fake.server.unhandled).toEqual([]);
  });

  it('publishes one photo from its public URL with alt text', async () => {
    const result = await facebookProvider.publish(context, page, {
      ...request('Croissants'),
      parts: [
        {
          text: 'Croissants',
          media: [media('image', 'https://plume.example/m/1.jpg', { altText: 'Six croissants on a tray' })],
        },
      ],
    });
    expect(fake.server.requests.at(-1)?.body).toEqual({
      url: 'https://plume.example/m/1.jpg',
      message: 'Croissants',
      alt_text_custom: 'Six croissants on a tray',
    });
    expect(fake.state.posts.get(result.remoteId)?.kind).toBe('photo');
  });

  it('publishes several photos as unpublished uploads attached to one feed post', async () => {
    const result = await facebookProvider.publish(context, page, {
      ...request('Menu'),
      parts: [
        {
          text: 'Menu',
          media: [media('image', 'https://plume.example/a.jpg'), media('image', 'https://plume.example/b.jpg')],
        },
      ],
    });
    const uploads = fake.server.requests.filter((r) => r.path === '/v26.0/101/photos');
    expect(uploads.map((r) => r.body)).toEqual([
      { url: 'https://plume.example/a.jpg', published: false },
      { url: 'https://plume.example/b.jpg', published: false },
    ]);
    const ids = [...fake.state.photos.keys()].slice(-2);
    expect(fake.state.posts.get(result.remoteId)?.fields).toEqual({
      message: 'Menu',
      attached_media: ids.map((id) => ({ media_fbid: id })),
    });
  });

  it('publishes a video from file_url on the video host', async () => {
    const result = await facebookProvider.publish(context, page, {
      ...request('Behind the scenes', { title: 'Kneading' }),
      parts: [{ text: 'Behind the scenes', media: [media('video', 'https://plume.example/v.mp4')] }],
    });
    expect(fake.server.requests.at(-1)?.body).toEqual({
      file_url: 'https://plume.example/v.mp4',
      description: 'Behind the scenes',
      title: 'Kneading',
    });
    expect(fake.state.posts.get(result.remoteId)?.kind).toBe('video');
  });

  it('posts the first comment as the Page', async () => {
    const result = await facebookProvider.publish(
      context,
      page,
      request('With comment', { firstComment: 'Order at bakery.example' }),
    );
    expect(fake.state.comments.at(-1)).toMatchObject({ on: result.remoteId, message: 'Order at bakery.example' });
    expect(result.extra[0]?.remoteId).toBe(fake.state.comments.at(-1)?.id);
  });

  it('keeps the post when the first comment fails', async () => {
    fake.server.failNext({
      status: 500,
      body: { error: { code: 2, message: 'Service temporarily unavailable' } },
      match: (r) => r.path.endsWith('/comments'),
    });
    const error = await facebookProvider
      .publish(context, page, request('Comment fails', { firstComment: 'x' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartlyPublished);
    const { published } = error as PartlyPublished;
    expect(published.extra).toEqual([]);
    expect(fake.state.posts.has(published.remoteId)).toBe(true);
  });

  it('deletes a post, and deleting it again succeeds', async () => {
    const { remoteId } = await facebookProvider.publish(context, page, request('Bye'));
    await facebookProvider.delete(context, page, remoteId);
    expect(fake.state.deleted.has(remoteId)).toBe(true);
    expect(fake.server.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/v26.0/${remoteId}` });
    await expect(facebookProvider.delete(context, page, remoteId)).resolves.toBeUndefined();
  });

  it('checks health with the Page token', async () => {
    await expect(facebookProvider.health(context, page)).resolves.toMatchObject({
      externalId: '101',
      displayName: 'Bakery on Main',
      kind: 'page',
    });
  });

  it('flags threads and mixed video and photos in validate', () => {
    const issues = facebookProvider.validate?.({
      ...request('a'),
      parts: [
        { text: 'a', media: [media('video', 'https://x/v'), media('image', 'https://x/i')] },
        { text: 'b', media: [] },
      ],
    });
    expect(issues?.map((issue) => issue.path)).toEqual(['parts', 'parts.0.media']);
  });
});
