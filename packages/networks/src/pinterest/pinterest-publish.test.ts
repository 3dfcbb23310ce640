import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPinterestFake, type PinterestFake } from '@plume/testing/fakes/pinterest/pinterest-fake';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { NetworkContext } from '../contract.ts';
import { createPinterestProvider, pinterestProvider } from './provider.ts';
import { bytes, connectedAccount, fastPinterest, media, request } from './test-support/pinterest-test-kit.ts';

describe('Pinterest publish', () => {
  let fake: PinterestFake;
  let context: NetworkContext;

  beforeAll(async () => {
    fake = await startPinterestFake();
    context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.pins.clear();
    fake.state.media.clear();
    fake.state.mediaReadsBeforeDone = 1;
    fake.state.failMediaProcessing = false;
  });

  it('pins an uploaded image with title, description, link, alt text and color', async () => {
    const account = connectedAccount(fake);
    const image = media('image', bytes('jpeg-bytes'), { altText: 'A bowl of soup' });
    const result = await fastPinterest.publish(
      context,
      account,
      request(
        'Warm soup for winter',
        [image],
        { board_section_id: '5027630990032371535', dominant_color: '#6E7874' },
        { title: 'Soup', link: 'https://plume.example/soup' },
      ),
    );
    const [pin] = fake.pins();
    expect(result).toEqual({ remoteId: pin!.id, url: `https://www.pinterest.com/pin/${pin!.id}/`, extra: [] });
    const sent = fake.server.requests.find((entry) => entry.path === '/v5/pins')!;
    expect(sent.headers.authorization).toBe(`Bearer ${account.tokens.accessToken}`);
    expect(sent.body).toEqual({
      board_id: '549755885175',
      board_section_id: '5027630990032371535',
      title: 'Soup',
      description: 'Warm soup for winter',
      link: 'https://plume.example/soup',
      alt_text: 'A bowl of soup',
      dominant_color: '#6E7874',
      media_source: {
        source_type: 'image_base64',
        content_type: 'image/jpeg',
        data: Buffer.from('jpeg-bytes').toString('base64'),
      },
    });
  });

  it("prefers the target's link setting and can let Pinterest fetch the image by URL", async () => {
    const image = media('image', bytes('x'));
    await fastPinterest.publish(
      context,
      connectedAccount(fake),
      request(
        '',
        [image],
        { image_source: 'url', link: 'https://shop.example/item' },
        { link: 'https://plume.example' },
      ),
    );
    expect(fake.pins()[0]!.body).toEqual({
      board_id: '549755885175',
      link: 'https://shop.example/item',
      media_source: { source_type: 'image_url', url: image.publicUrl },
    });
  });

  it('makes a carousel of several images', async () => {
    const images = [
      media('image', bytes('a')),
      media('image', bytes('b'), { mimeType: 'image/png' }),
      media('image', bytes('c')),
    ];
    await fastPinterest.publish(context, connectedAccount(fake), request('Three', images));
    expect(fake.pins()[0]!.body['media_source']).toEqual({
      source_type: 'multiple_image_base64',
      items: [
        { content_type: 'image/jpeg', data: Buffer.from('a').toString('base64') },
        { content_type: 'image/png', data: Buffer.from('b').toString('base64') },
        { content_type: 'image/jpeg', data: Buffer.from('c').toString('base64') },
      ],
    });
  });

  it('falls back to image URLs for types image_base64 does not take', async () => {
    const images = [media('image', bytes('a'), { mimeType: 'image/webp' }), media('image', bytes('b'))];
    await fastPinterest.publish(context, connectedAccount(fake), request('webp', images));
    expect(fake.pins()[0]!.body['media_source']).toEqual({
      source_type: 'multiple_image_urls',
      items: images.map((image) => ({ url: image.publicUrl })),
    });
  });

  it('pins a video: register, multipart upload with the policy fields first, wait for processing, then the Pin', async () => {
    const video = media('video', bytes('mp4-bytes'));
    const result = await fastPinterest.publish(context, connectedAccount(fake), request('A video', [video]));
    expect(fake.server.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'POST /v5/media',
      'POST /pinterest-media-upload/',
      'GET /v5/media/' + [...fake.state.media.keys()][0],
      'GET /v5/media/' + [...fake.state.media.keys()][0],
      'POST /v5/pins',
    ]);
    const [uploaded] = fake.state.media.values();
    expect(fake.server.requests[0]!.body).toEqual({ media_type: 'video' });
    expect(fake.server.requests[1]!.headers.authorization).toBeUndefined();
    expect(uploaded!.fieldOrder.at(-1)).toBe('file');
    expect(uploaded!.file).toMatchObject({ name: video.fileName, type: 'video/mp4' });
    expect(uploaded!.file!.bytes.toString()).toBe('mp4-bytes');
    expect(fake.pins()[0]!.body['media_source']).toEqual({
      source_type: 'video_id',
      media_id: uploaded!.mediaId,
      cover_image_key_frame_time: 0,
    });
    expect(result.remoteId).toBe(fake.pins()[0]!.id);
  });

  it('uses a cover image URL for a video when set', async () => {
    await fastPinterest.publish(
      context,
      connectedAccount(fake),
      request('v', [media('video', bytes('v'))], { cover_image_url: 'https://plume.example/cover.jpg' }),
    );
    expect(fake.pins()[0]!.body['media_source']).toMatchObject({
      source_type: 'video_id',
      cover_image_url: 'https://plume.example/cover.jpg',
    });
  });

  it('fails plainly when Pinterest cannot process the video, and retries later when it takes too long', async () => {
    fake.state.failMediaProcessing = true;
    await expect(
      fastPinterest.publish(context, connectedAccount(fake), request('v', [media('video', bytes('v'))])),
    ).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('could not process the video'),
    });
    fake.state.failMediaProcessing = false;
    fake.state.mediaReadsBeforeDone = 1000;
    const impatient = createPinterestProvider({ mediaPoll: { intervalMs: 5, maxWaitMs: 30 } });
    await expect(
      impatient.publish(context, connectedAccount(fake), request('v', [media('video', bytes('v'))])),
    ).rejects.toMatchObject({ kind: 'retryable' });
    expect(fake.pins()).toHaveLength(0);
  });

  it('refuses without a board, without media, or with a video and images, calling nothing', async () => {
    const account = connectedAccount(fake);
    await expect(
      fastPinterest.publish(context, account, request('x', [media('image', bytes('a'))], { board_id: undefined })),
    ).rejects.toMatchObject({
      kind: 'permanent',
      message: 'Choose the Pinterest board this Pin goes to.',
    });
    await expect(fastPinterest.publish(context, account, request('x', []))).rejects.toMatchObject({
      message: 'A Pin needs an image or a video.',
    });
    await expect(
      fastPinterest.publish(context, account, request('x', [media('video', bytes('a')), media('image', bytes('b'))])),
    ).rejects.toMatchObject({ kind: 'permanent' });
    expect(fake.server.requests).toHaveLength(0);
  });

  it('deletes a Pin, and deleting it again succeeds', async () => {
    const account = connectedAccount(fake);
    const { remoteId } = await fastPinterest.publish(context, account, request('bye', [media('image', bytes('a'))]));
    await pinterestProvider.delete(context, account, remoteId);
    expect(fake.state.pins.has(remoteId)).toBe(false);
    const deletion = fake.server.requests.at(-1)!;
    expect(`${deletion.method} ${deletion.path}`).toBe(`DELETE /v5/pins/${remoteId}`);
    expect(deletion.headers.authorization).toBe(`Bearer ${account.tokens.accessToken}`);
    await expect(pinterestProvider.delete(context, account, remoteId)).resolves.toBeUndefined();
  });

  it('validate reports a missing board and a too-big carousel', () => {
    const validate = pinterestProvider.validate!;
    expect(validate(request('x', [], { board_id: undefined }))).toEqual([
      { path: 'settings.board_id', message: 'Choose the Pinterest board this Pin goes to.' },
    ]);
    expect(validate(request('x', []))).toEqual([]);
    const six = Array.from({ length: 6 }, () => media('image', bytes('a')));
    expect(validate(request('x', six))).toEqual([
      { path: 'mediaIds', message: 'A Pinterest carousel has at most 5 images.' },
    ]);
  });
});
