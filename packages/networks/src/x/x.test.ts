import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xProvider } from './provider.ts';
import { startXTestBed, testMedia, xRequest, type XTestBed } from './test-support/x-test-bed.ts';

let bed: XTestBed;

beforeEach(async () => {
  bed = await startXTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

describe('X publish', () => {
  it('publishes text with POST /2/tweets and returns the post URL', async () => {
    const result = await xProvider.publish(
      bed.context,
      bed.account,
      xRequest([{ text: 'Hello from Plume', media: [] }]),
    );

    const post = bed.fake.state.posts.get(result.remoteId);
    expect(post?.text).toBe('Hello from Plume');
    expect(result.url).toBe(`https://x.com/plume_test/status/${result.remoteId}`);
    expect(result.extra).toEqual([]);
    const request = bed.fake.server.requests.find((entry) => entry.path === '/2/tweets');
    expect(request?.method).toBe('POST');
    expect(request?.headers.authorization).toBe(`Bearer ${bed.account.tokens.accessToken}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({ text: 'Hello from Plume' });
  });

  it('uploads an image in one request, sets alt text and the AI label, then attaches it', async () => {
    const image = testMedia({ kind: 'image', mimeType: 'image/png', altText: 'A quill on paper', aiGenerated: true });
    const result = await xProvider.publish(
      bed.context,
      bed.account,
      xRequest([{ text: 'With a picture', media: [image] }]),
    );

    const post = bed.fake.state.posts.get(result.remoteId);
    expect(post?.mediaIds).toHaveLength(1);
    expect(post?.madeWithAi).toBe(true);
    const media = bed.fake.state.media.get(post?.mediaIds[0] ?? '');
    expect(media?.category).toBe('tweet_image');
    expect(media?.bytes).toEqual(Buffer.from(await image.read()));
    expect(media?.altText).toBe('A quill on paper');
    const paths = bed.fake.server.requests.map((entry) => `${entry.method} ${entry.path}`);
    expect(paths).toEqual(['POST /2/media/upload', 'POST /2/media/metadata', 'POST /2/tweets']);
  });

  it('uploads a video in chunks, waits for processing, then posts', async () => {
    const video = testMedia({ kind: 'video', mimeType: 'video/mp4', durationSec: 5 }, 4 * 1024 * 1024 + 100);
    const result = await xProvider.publish(bed.context, bed.account, xRequest([{ text: 'A clip', media: [video] }]));

    const media = bed.fake.state.media.get(bed.fake.state.posts.get(result.remoteId)?.mediaIds[0] ?? '');
    expect(media?.category).toBe('tweet_video');
    expect(media?.mediaType).toBe('video/mp4');
    expect(media?.segments.size).toBe(2);
    expect(media?.bytes.length).toBe(4 * 1024 * 1024 + 100);
    const paths = bed.fake.server.requests.map((entry) => `${entry.method} ${entry.path}`);
    expect(paths).toEqual([
      'POST /2/media/upload/initialize',
      'POST /2/media/upload/' + media?.id + '/append',
      'POST /2/media/upload/' + media?.id + '/append',
      'POST /2/media/upload/' + media?.id + '/finalize',
      'GET /2/media/upload',
      'POST /2/tweets',
    ]);
    expect(bed.fake.server.requests.find((entry) => entry.method === 'GET')?.query.get('command')).toBe('STATUS');
    expect(bed.fake.server.requests[0]?.body).toEqual({
      media_type: 'video/mp4',
      total_bytes: 4 * 1024 * 1024 + 100,
      media_category: 'tweet_video',
    });
  });

  it('publishes a thread as a chain of replies, then the first comment', async () => {
    const request = xRequest(
      [
        { text: 'Thread 1/3', media: [] },
        { text: 'Thread 2/3', media: [] },
        { text: 'Thread 3/3', media: [] },
      ],
      { firstComment: 'Link in the first comment: https://plume.example' },
    );
    const result = await xProvider.publish(bed.context, bed.account, request);

    expect(result.extra).toHaveLength(3);
    const [second, third, comment] = result.extra.map((item) => bed.fake.state.posts.get(item.remoteId));
    expect(second?.replyTo).toBe(result.remoteId);
    expect(third?.replyTo).toBe(result.extra[0]?.remoteId);
    expect(comment?.replyTo).toBe(result.extra[1]?.remoteId);
    expect(comment?.text).toBe('Link in the first comment: https://plume.example');
    expect(bed.fake.server.requests[1]?.body).toEqual({
      text: 'Thread 2/3',
      reply: { in_reply_to_tweet_id: result.remoteId },
    });
  });

  it('sends reply settings other than everyone', async () => {
    await xProvider.publish(
      bed.context,
      bed.account,
      xRequest([{ text: 'Followers only', media: [] }], { settings: { replySettings: 'following' } }),
    );
    expect(bed.fake.server.requests[0]?.body).toEqual({ text: 'Followers only', reply_settings: 'following' });
  });
});

describe('X delete and health', () => {
  it('deletes a post, and deleting it again succeeds', async () => {
    const result = await xProvider.publish(bed.context, bed.account, xRequest([{ text: 'Short-lived', media: [] }]));

    await xProvider.delete(bed.context, bed.account, result.remoteId);
    expect(bed.fake.state.posts.has(result.remoteId)).toBe(false);
    await expect(xProvider.delete(bed.context, bed.account, result.remoteId)).resolves.toBeUndefined();
    expect(bed.fake.server.requests.at(-1)?.path).toBe(`/2/tweets/${result.remoteId}`);
    expect(bed.fake.server.requests.at(-1)?.method).toBe('DELETE');
  });

  it('reports the account behind the token', async () => {
    const identity = await xProvider.health(bed.context, bed.account);
    expect(identity).toMatchObject({
      externalId: '2244994945',
      handle: 'plume_test',
      displayName: 'Plume Test',
      kind: 'profile',
    });
    expect(identity.metadata).toEqual({ username: 'plume_test' });
    expect(bed.fake.server.requests[0]?.query.get('user.fields')).toContain('profile_image_url');
  });
});

describe('X validate', () => {
  it('refuses a video together with other media, and an empty post', () => {
    const video = testMedia({ kind: 'video', mimeType: 'video/mp4' });
    const image = testMedia({ kind: 'image', mimeType: 'image/png' });
    const problems = xProvider.validate?.(
      xRequest([
        { text: 'x', media: [video, image] },
        { text: ' ', media: [] },
      ]),
    );
    expect(problems).toEqual([
      { path: 'parts.0.media', message: 'X allows one video or one GIF per post, and nothing else with it.' },
      { path: 'parts.1.text', message: 'An X post needs text or media.' },
    ]);
  });
});
