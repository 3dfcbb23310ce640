import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '@plume/testing/rejection-of';
import { Permanent } from '../provider-errors.ts';
import { mastodonProvider } from './provider.ts';
import {
  mastodonRequest,
  startMastodonTestBed,
  testMedia,
  type MastodonTestBed,
} from './test-support/mastodon-test-bed.ts';

let bed: MastodonTestBed;

beforeEach(async () => {
  bed = await startMastodonTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

describe('Mastodon publish', () => {
  it('posts a status as JSON with the target idempotency key', async () => {
    const result = await mastodonProvider.publish(
      bed.context,
      bed.account,
      mastodonRequest([{ text: 'Hello fediverse', media: [] }]),
    );

    expect(result.url).toBe(`${bed.fake.instanceUrl}/@plume/${result.remoteId}`);
    expect(result.extra).toEqual([]);
    const request = bed.fake.server.requests[0];
    expect(`${request?.method} ${request?.path}`).toBe('POST /api/v1/statuses');
    expect(request?.headers['idempotency-key']).toBe('target-42');
    expect(request?.headers.authorization).toBe(`Bearer ${bed.account.tokens.accessToken}`);
    expect(request?.body).toEqual({ status: 'Hello fediverse', visibility: 'public' });
  });

  it('sends the content warning, visibility, language and sensitive flag from the settings', async () => {
    const settings = { visibility: 'unlisted', spoilerText: 'Spoilers', language: 'fr', sensitive: true };
    const result = await mastodonProvider.publish(
      bed.context,
      bed.account,
      mastodonRequest([{ text: 'Bonjour', media: [] }], { settings }),
    );
    expect(bed.fake.state.statuses.get(result.remoteId)).toMatchObject({
      visibility: 'unlisted',
      spoilerText: 'Spoilers',
      language: 'fr',
      sensitive: true,
    });
  });

  it('fails for good, in plain words, when the settings do not parse, and sends nothing', async () => {
    const request = mastodonRequest([{ text: 'Hello', media: [] }], { settings: { visibility: 'everyone' } });
    const error = await rejectionOf(mastodonProvider.publish(bed.context, bed.account, request), Permanent);
    expect(error.reason).toMatch(
      /^The Mastodon settings of this post are not valid \(visibility: .+\); edit the post and save its settings again\.$/,
    );
    expect(bed.fake.server.requests).toEqual([]);
  });

  it('uploads an image with its description, then attaches it', async () => {
    const image = testMedia({ kind: 'image', mimeType: 'image/png', altText: 'A quill on paper' });
    const result = await mastodonProvider.publish(
      bed.context,
      bed.account,
      mastodonRequest([{ text: 'Picture', media: [image] }]),
    );

    const status = bed.fake.state.statuses.get(result.remoteId);
    const media = bed.fake.state.media.get(status?.mediaIds[0] ?? '');
    expect(media).toMatchObject({
      type: 'image',
      mimeType: 'image/png',
      fileName: 'picture.png',
      description: 'A quill on paper',
    });
    expect(media?.bytes).toEqual(Buffer.from(await image.read()));
    expect(bed.fake.server.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'POST /api/v2/media',
      'POST /api/v1/statuses',
    ]);
    expect(bed.fake.server.requests[1]?.body).toMatchObject({ media_ids: [media?.id] });
  });

  it('waits while the server processes a video (202, then 206) before posting', async () => {
    bed.fake.state.videoProcessingPolls = 1;
    const video = testMedia({ kind: 'video', mimeType: 'video/mp4', durationSec: 3 });
    const result = await mastodonProvider.publish(
      bed.context,
      bed.account,
      mastodonRequest([{ text: 'Clip', media: [video] }]),
    );

    const mediaId = bed.fake.state.statuses.get(result.remoteId)?.mediaIds[0];
    expect(bed.fake.server.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'POST /api/v2/media',
      `GET /api/v1/media/${mediaId}`,
      `GET /api/v1/media/${mediaId}`,
      'POST /api/v1/statuses',
    ]);
  });

  it('chains thread replies and the first comment with derived idempotency keys', async () => {
    const request = mastodonRequest(
      [
        { text: 'One', media: [] },
        { text: 'Two', media: [] },
      ],
      { firstComment: 'More at https://plume.example' },
    );
    const result = await mastodonProvider.publish(bed.context, bed.account, request);

    const [two, comment] = result.extra.map((item) => bed.fake.state.statuses.get(item.remoteId));
    expect(two).toMatchObject({ text: 'Two', inReplyToId: result.remoteId, idempotencyKey: 'target-42:part-2' });
    expect(comment).toMatchObject({
      text: 'More at https://plume.example',
      inReplyToId: two?.id,
      idempotencyKey: 'target-42:first-comment',
    });
  });

  it('publishing the same target again returns the statuses already created', async () => {
    const request = mastodonRequest([
      { text: 'Once', media: [] },
      { text: 'Only once', media: [] },
    ]);
    const first = await mastodonProvider.publish(bed.context, bed.account, request);
    const again = await mastodonProvider.publish(bed.context, bed.account, request);
    expect(again).toEqual(first);
    expect(bed.fake.state.statuses.size).toBe(2);
  });
});

describe('Mastodon delete and health', () => {
  it('deletes a status, and deleting it again succeeds', async () => {
    const result = await mastodonProvider.publish(
      bed.context,
      bed.account,
      mastodonRequest([{ text: 'Bye', media: [] }]),
    );
    await mastodonProvider.delete(bed.context, bed.account, result.remoteId);
    expect(bed.fake.state.statuses.size).toBe(0);
    await expect(mastodonProvider.delete(bed.context, bed.account, result.remoteId)).resolves.toBeUndefined();
    expect(`${bed.fake.server.requests.at(-1)?.method} ${bed.fake.server.requests.at(-1)?.path}`).toBe(
      `DELETE /api/v1/statuses/${result.remoteId}`,
    );
  });

  it('reports the account and the server limits', async () => {
    bed.fake.state.maxCharacters = 5000;
    const identity = await mastodonProvider.health(bed.context, bed.account);
    const host = new URL(bed.fake.instanceUrl).host;
    expect(identity).toMatchObject({
      externalId: `109876543210@${host}`,
      handle: `plume@${host}`,
      displayName: 'Plume Test',
      kind: 'profile',
    });
    expect(identity.metadata).toEqual({
      instanceUrl: bed.fake.instanceUrl,
      maxCharacters: '5000',
      charactersPerUrl: '23',
      maxMediaAttachments: '4',
      version: '4.4.0',
    });
  });
});

describe('Mastodon validate', () => {
  it('refuses a video with other media, and an empty post', () => {
    const video = testMedia({ kind: 'video', mimeType: 'video/mp4' });
    const image = testMedia({ kind: 'image', mimeType: 'image/png' });
    expect(
      mastodonProvider.validate?.(
        mastodonRequest([
          { text: '', media: [video, image] },
          { text: '', media: [] },
        ]),
      ),
    ).toEqual([
      { path: 'parts.0.media', message: 'Mastodon allows one video or GIF per post, and nothing else with it.' },
      { path: 'parts.1.text', message: 'A Mastodon post needs text or media.' },
    ]);
  });
});
