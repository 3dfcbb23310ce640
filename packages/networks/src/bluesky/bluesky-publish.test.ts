import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '@plume/testing/rejection-of';
import { Permanent } from '../provider-errors.ts';
import { blueskyProvider } from './provider.ts';
import {
  blueskyRequest,
  startBlueskyTestBed,
  testImage,
  type BlueskyTestBed,
} from './test-support/bluesky-test-bed.ts';

let bed: BlueskyTestBed;

beforeEach(async () => {
  bed = await startBlueskyTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const utf8 = new TextEncoder();
/** The text a facet covers, read back through its UTF-8 byte offsets. */
function facetText(text: string, index: { byteStart: number; byteEnd: number }): string {
  return new TextDecoder().decode(utf8.encode(text).slice(index.byteStart, index.byteEnd));
}

describe('Bluesky publish', () => {
  it('creates an app.bsky.feed.post record and returns its at:// URI and bsky.app URL', async () => {
    const result = await blueskyProvider.publish(
      bed.context,
      bed.account,
      blueskyRequest([{ text: 'Hello from Plume', media: [] }]),
    );

    const [post] = bed.fake.posts();
    expect(result.remoteId).toBe(post?.uri);
    expect(result.url).toBe(`https://bsky.app/profile/alice.test/post/${post?.rkey}`);
    expect(result.extra).toEqual([]);
    const request = bed.fake.server.requests.find((entry) => entry.path === '/xrpc/com.atproto.repo.createRecord');
    expect(request?.method).toBe('POST');
    expect(request?.headers.authorization).toBe(`Bearer ${bed.account.tokens.accessToken}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      repo: 'did:plc:alice123',
      collection: 'app.bsky.feed.post',
      record: {
        $type: 'app.bsky.feed.post',
        text: 'Hello from Plume',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
  });

  it('adds link, mention and hashtag facets with UTF-8 byte offsets; unknown handles stay text', async () => {
    const text = 'Café 👋 @alice.test and @nobody.test read https://plume.example/a?b=1. #réseau';
    await blueskyProvider.publish(
      bed.context,
      bed.account,
      blueskyRequest([{ text, media: [] }], { settings: { language: 'fr' } }),
    );

    const record = bed.fake.posts()[0]?.value as {
      facets: { index: { byteStart: number; byteEnd: number }; features: unknown[] }[];
      langs: string[];
    };
    expect(record.langs).toEqual(['fr']);
    expect(record.facets.map((facet) => [facetText(text, facet.index), facet.features[0]])).toEqual([
      ['@alice.test', { $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:alice123' }],
      ['https://plume.example/a?b=1', { $type: 'app.bsky.richtext.facet#link', uri: 'https://plume.example/a?b=1' }],
      ['#réseau', { $type: 'app.bsky.richtext.facet#tag', tag: 'réseau' }],
    ]);
    const lookups = bed.fake.server.requests.filter(
      (entry) => entry.path === '/xrpc/com.atproto.identity.resolveHandle',
    );
    expect(lookups.map((entry) => entry.query.get('handle'))).toEqual(['alice.test', 'nobody.test']);
  });

  it('uploads images as blobs with their content type and embeds them with alt text and aspect ratio', async () => {
    const first = testImage({ altText: 'A quill', width: 1200, height: 800 });
    const second = testImage({ mimeType: 'image/jpeg', fileName: 'b.jpg' }, 3000);
    await blueskyProvider.publish(
      bed.context,
      bed.account,
      blueskyRequest([{ text: 'Two pictures', media: [first, second] }]),
    );

    const uploads = bed.fake.server.requests.filter((entry) => entry.path === '/xrpc/com.atproto.repo.uploadBlob');
    expect(uploads.map((entry) => entry.headers['content-type'])).toEqual(['image/png', 'image/jpeg']);
    expect(uploads[0]?.rawBody).toEqual(Buffer.from(await first.read()));
    expect(uploads[0]?.headers.authorization).toBe(`Bearer ${bed.account.tokens.accessToken}`);
    const embed = (bed.fake.posts()[0]?.value as { embed: { $type: string; images: Record<string, unknown>[] } }).embed;
    expect(embed.$type).toBe('app.bsky.embed.images');
    expect(embed.images).toEqual([
      {
        image: { $type: 'blob', ref: { $link: expect.any(String) }, mimeType: 'image/png', size: 2048 },
        alt: 'A quill',
        aspectRatio: { width: 1200, height: 800 },
      },
      { image: { $type: 'blob', ref: { $link: expect.any(String) }, mimeType: 'image/jpeg', size: 3000 }, alt: '' },
    ]);
  });

  it('builds a link card from the page Open Graph tags, thumbnail uploaded as a blob', async () => {
    const link = `${bed.fake.url}/page`;
    await blueskyProvider.publish(
      bed.context,
      bed.account,
      blueskyRequest([{ text: 'Read this', media: [] }], { link }),
    );

    const record = bed.fake.posts()[0]?.value as {
      text: string;
      embed: { $type: string; external: Record<string, unknown> };
    };
    expect(record.text).toBe('Read this');
    expect(record.embed).toEqual({
      $type: 'app.bsky.embed.external',
      external: {
        uri: link,
        title: 'Plume & friends',
        description: 'Schedule posts everywhere',
        thumb: {
          $type: 'blob',
          ref: { $link: expect.any(String) },
          mimeType: 'image/png',
          size: bed.fake.state.page.image.length,
        },
      },
    });
  });

  it('falls back to a card with the address when the page cannot be read', async () => {
    const link = `${bed.fake.url}/page`;
    bed.fake.server.failNext({ status: 500, match: (request) => request.path === '/page' });
    await blueskyProvider.publish(
      bed.context,
      bed.account,
      blueskyRequest([{ text: 'Read this', media: [] }], { link }),
    );

    const record = bed.fake.posts()[0]?.value as { embed: { external: Record<string, unknown> } };
    expect(record.embed.external).toEqual({ uri: link, title: link, description: '' });
  });

  it('puts the link in the text (with a facet) when images take the embed', async () => {
    const link = 'https://plume.example/launch';
    await blueskyProvider.publish(
      bed.context,
      bed.account,
      blueskyRequest([{ text: 'Launch day', media: [testImage()] }], { link }),
    );

    const record = bed.fake.posts()[0]?.value as {
      text: string;
      facets: { features: unknown[] }[];
      embed: { $type: string };
    };
    expect(record.text).toBe(`Launch day\n\n${link}`);
    expect(record.facets[0]?.features[0]).toEqual({ $type: 'app.bsky.richtext.facet#link', uri: link });
    expect(record.embed.$type).toBe('app.bsky.embed.images');
  });

  it('publishes a thread with reply root and parent strong refs', async () => {
    const request = blueskyRequest([
      { text: 'Thread 1/3', media: [] },
      { text: 'Thread 2/3', media: [testImage()] },
      { text: 'Thread 3/3', media: [] },
    ]);
    const result = await blueskyProvider.publish(bed.context, bed.account, request);

    const [root, second, third] = bed.fake.posts();
    expect(result.extra.map((item) => item.remoteId)).toEqual([second?.uri, third?.uri]);
    expect(result.extra[1]?.url).toBe(`https://bsky.app/profile/alice.test/post/${third?.rkey}`);
    expect(second?.value['reply']).toEqual({
      root: { uri: root?.uri, cid: root?.cid },
      parent: { uri: root?.uri, cid: root?.cid },
    });
    expect(third?.value['reply']).toEqual({
      root: { uri: root?.uri, cid: root?.cid },
      parent: { uri: second?.uri, cid: second?.cid },
    });
  });

  it('fails for good, in plain words, when the settings do not parse, and creates nothing', async () => {
    const request = blueskyRequest([{ text: 'Hello', media: [] }], { settings: { linkCard: 'sometimes' } });
    const error = await rejectionOf(blueskyProvider.publish(bed.context, bed.account, request), Permanent);
    expect(error.reason).toMatch(
      /^The Bluesky settings of this post are not valid \(linkCard: .+\); edit the post and save its settings again\.$/,
    );
    expect(bed.fake.posts()).toEqual([]);
  });

  it('deletes with deleteRecord (rkey from the URI); deleting again succeeds', async () => {
    const result = await blueskyProvider.publish(
      bed.context,
      bed.account,
      blueskyRequest([{ text: 'Short-lived', media: [] }]),
    );
    const rkey = bed.fake.posts()[0]?.rkey;

    await blueskyProvider.delete(bed.context, bed.account, result.remoteId);
    await blueskyProvider.delete(bed.context, bed.account, result.remoteId);

    expect(bed.fake.posts()).toEqual([]);
    const deletes = bed.fake.server.requests.filter((entry) => entry.path === '/xrpc/com.atproto.repo.deleteRecord');
    expect(deletes).toHaveLength(2);
    expect(deletes[0]?.body).toEqual({ repo: 'did:plc:alice123', collection: 'app.bsky.feed.post', rkey });
  });

  it('treats RecordNotFound on delete as done and refuses addresses that are not at:// URIs', async () => {
    bed.fake.server.failNext({ status: 400, body: { error: 'RecordNotFound', message: 'Could not locate record' } });
    await blueskyProvider.delete(bed.context, bed.account, 'at://did:plc:alice123/app.bsky.feed.post/3kabc');
    await expect(blueskyProvider.delete(bed.context, bed.account, '12345')).rejects.toMatchObject({
      kind: 'permanent',
    });
  });
});

describe('Bluesky validate', () => {
  const validate = blueskyProvider.validate ?? (() => []);

  it('accepts a normal post and flags the byte limit, videos and empty posts', () => {
    expect(validate(blueskyRequest([{ text: 'fine', media: [] }]))).toEqual([]);
    const heavy = '𝒳'.repeat(300 * 3);
    const video = testImage({ kind: 'video', mimeType: 'video/mp4' });
    expect(
      validate(
        blueskyRequest([
          { text: heavy, media: [] },
          { text: '', media: [video] },
          { text: ' ', media: [] },
        ]),
      ).map((problem) => problem.path),
    ).toEqual(['parts.0.text', 'parts.1.media', 'parts.2.text']);
  });

  it('flags text that no longer fits once the link is added to it', () => {
    const request = blueskyRequest([{ text: 'a'.repeat(290), media: [testImage()] }], {
      link: 'https://plume.example/launch',
    });
    expect(validate(request)).toEqual([{ path: 'parts.0.text', message: expect.stringContaining('link') }]);
    expect(validate({ ...request, parts: [{ text: 'a'.repeat(290), media: [] }] })).toEqual([]);
  });
});
