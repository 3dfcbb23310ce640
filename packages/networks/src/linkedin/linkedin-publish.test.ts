import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLinkedInFake, type LinkedInFake } from '@plume/testing/fakes/linkedin';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext, PublishMedia, PublishRequest } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { linkedinProvider } from './provider.ts';
import { PartlyPublished } from '../shared/partly-published.ts';

function media(kind: PublishMedia['kind'], bytes: Uint8Array, extra: Partial<PublishMedia> = {}): PublishMedia {
  const mimeType = kind === 'video' ? 'video/mp4' : kind === 'gif' ? 'image/gif' : 'image/jpeg';
  return {
    id: `m-${Math.random()}`,
    kind,
    mimeType,
    bytes: bytes.byteLength,
    aiGenerated: false,
    fileName: `file.${kind === 'video' ? 'mp4' : 'jpg'}`,
    publicUrl: 'https://media.example/file',
    read: async () => bytes,
    ...extra,
  };
}

function request(text: string, extra: Partial<PublishRequest> = {}): PublishRequest {
  return { parts: [{ text, media: [] }], settings: {}, idempotencyKey: 'key-1', ...extra };
}

describe('LinkedIn publish', () => {
  let fake: LinkedInFake;
  let context: NetworkContext;
  let member: AccountAuth;
  let page: AccountAuth;

  beforeAll(async () => {
    fake = await startLinkedInFake();
    context = createTestNetworkContext(fake.endpoints, {
      app: { clientId: fake.state.clientId, clientSecret: fake.state.clientSecret },
    });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.posts.clear();
    const accessToken = fake.issueAccessToken();
    member = {
      externalId: 'urn:li:person:abc123',
      tokens: { accessToken },
      metadata: { authorUrn: 'urn:li:person:abc123' },
    };
    page = {
      externalId: 'urn:li:organization:2414183',
      tokens: { accessToken },
      metadata: { authorUrn: 'urn:li:organization:2414183', memberUrn: 'urn:li:person:abc123' },
    };
  });

  it('publishes text with the versioned headers and little-escaped commentary', async () => {
    const result = await linkedinProvider.publish(context, member, request('Ship it (v2) #OpenSource @team'));
    expect(result.remoteId).toMatch(/^urn:li:share:\d+$/);
    expect(result.url).toBe(`https://www.linkedin.com/feed/update/${result.remoteId}/`);
    const sent = fake.server.requests.find((r) => r.path === '/rest/posts');
    expect(sent?.headers['linkedin-version']).toBe('202607');
    expect(sent?.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(sent?.bearer).toBe(member.tokens.accessToken);
    expect(sent?.body).toEqual({
      author: 'urn:li:person:abc123',
      commentary: 'Ship it \\(v2\\) {hashtag|#|OpenSource} \\@team',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    });
    expect(fake.state.posts.has(result.remoteId)).toBe(true);
    expect(fake.server.unhandled).toEqual([]);
  });

  it('uploads an image through the Images API and attaches it with alt text', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const result = await linkedinProvider.publish(context, member, {
      ...request('A picture'),
      parts: [{ text: 'A picture', media: [media('image', bytes, { altText: 'A red bicycle' })] }],
    });
    const init = fake.server.requests.find((r) => r.path === '/rest/images');
    expect(init?.query.get('action')).toBe('initializeUpload');
    expect(init?.body).toEqual({ initializeUploadRequest: { owner: 'urn:li:person:abc123' } });
    const [imageUrn, image] = [...fake.state.images.entries()].at(-1) ?? [];
    expect(image?.bytes).toEqual(Buffer.from(bytes));
    expect(fake.state.posts.get(result.remoteId)?.body['content']).toEqual({
      media: { id: imageUrn, altText: 'A red bicycle' },
    });
  });

  it('posts several images as a MultiImage post', async () => {
    const images = [
      media('image', new Uint8Array([1])),
      media('image', new Uint8Array([2])),
      media('gif', new Uint8Array([3])),
    ];
    const result = await linkedinProvider.publish(context, page, {
      ...request('Three'),
      parts: [{ text: 'Three', media: images }],
    });
    const content = fake.state.posts.get(result.remoteId)?.body['content'] as {
      multiImage: { images: { id: string }[] };
    };
    expect(content.multiImage.images).toHaveLength(3);
    expect(content.multiImage.images.every((item) => item.id.startsWith('urn:li:image:'))).toBe(true);
    expect(fake.state.posts.get(result.remoteId)?.body['author']).toBe('urn:li:organization:2414183');
  });

  it('uploads a video in parts, finalizes with the ETags in order, and posts it', async () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 10).fill(7);
    const result = await linkedinProvider.publish(context, member, {
      ...request('Watch'),
      title: 'Demo',
      parts: [{ text: 'Watch', media: [media('video', bytes, { durationSec: 12 })] }],
    });
    const [videoUrn, video] = [...fake.state.videos.entries()].at(-1) ?? [];
    expect(video?.parts.map((part) => part.length)).toEqual([4 * 1024 * 1024, 1024 * 1024 + 10]);
    expect(video?.finalizedWith).toEqual(['"etag-0"', '"etag-1"']);
    expect(fake.state.posts.get(result.remoteId)?.body['content']).toEqual({ media: { id: videoUrn, title: 'Demo' } });
  });

  it('turns a link without media into an article card', async () => {
    const result = await linkedinProvider.publish(
      context,
      member,
      request('Read this', { link: 'https://example.com/post', title: 'Our post' }),
    );
    expect(fake.state.posts.get(result.remoteId)?.body['content']).toEqual({
      article: { source: 'https://example.com/post', title: 'Our post' },
    });
  });

  it('posts the first comment as the author and returns it', async () => {
    const result = await linkedinProvider.publish(
      context,
      page,
      request('With a comment', { firstComment: 'Link: https://example.com' }),
    );
    expect(fake.state.comments.at(-1)).toMatchObject({
      on: result.remoteId,
      actor: 'urn:li:organization:2414183',
      text: 'Link: https://example.com',
    });
    expect(result.extra).toHaveLength(1);
    expect(result.extra[0]?.remoteId).toMatch(/^urn:li:comment:/);
  });

  it('still reports the post when the first comment fails', async () => {
    fake.server.failNext({ status: 500, match: (r) => r.path.includes('/comments') });
    const error = await linkedinProvider
      .publish(context, member, request('Comment fails', { firstComment: 'hello' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartlyPublished);
    const { published } = error as PartlyPublished;
    expect(fake.state.posts.has(published.remoteId)).toBe(true);
    expect(published.extra).toEqual([]);
  });

  it('refuses connections-only visibility for a page before calling LinkedIn', async () => {
    await expect(
      linkedinProvider.publish(context, page, request('x', { settings: { visibility: 'CONNECTIONS' } })),
    ).rejects.toBeInstanceOf(Permanent);
    expect(fake.server.requests).toEqual([]);
  });

  it('deletes a post, and deleting it again succeeds', async () => {
    const { remoteId } = await linkedinProvider.publish(context, member, request('To delete'));
    await linkedinProvider.delete(context, member, remoteId);
    expect(fake.state.deletedPosts.has(remoteId)).toBe(true);
    expect(fake.server.requests.at(-1)?.path).toBe(`/rest/posts/${encodeURIComponent(remoteId)}`);
    await expect(linkedinProvider.delete(context, member, remoteId)).resolves.toBeUndefined();
  });

  it('flags threads and video with images in validate', () => {
    const issues = linkedinProvider.validate?.({
      ...request('a'),
      parts: [
        { text: 'a', media: [media('video', new Uint8Array([1])), media('image', new Uint8Array([1]))] },
        { text: 'b', media: [] },
      ],
    });
    expect(issues?.map((issue) => issue.path)).toEqual(['parts', 'parts.0.media']);
  });
});
