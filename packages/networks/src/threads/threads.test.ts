import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { threadsProvider } from './provider.ts';
import {
  startThreadsTestBed,
  threadsMedia,
  threadsRequest,
  type ThreadsTestBed,
} from './test-support/threads-test-bed.ts';

let bed: ThreadsTestBed;

beforeEach(async () => {
  bed = await startThreadsTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const calls = (): string[] => bed.fake.server.requests.map((entry) => `${entry.method} ${entry.path}`);

describe('Threads publish', () => {
  it('creates a TEXT container, publishes it and reads the permalink', async () => {
    const result = await threadsProvider.publish(
      bed.context,
      bed.account,
      threadsRequest([{ text: 'Hello Threads', media: [] }]),
    );

    const userId = bed.fake.state.user.id;
    expect(calls()).toEqual([
      `POST /v1.0/${userId}/threads`,
      `POST /v1.0/${userId}/threads_publish`,
      `GET /v1.0/${result.remoteId}`,
    ]);
    const [create, publish, permalink] = bed.fake.server.requests;
    expect(create?.body).toEqual({
      media_type: 'TEXT',
      text: 'Hello Threads',
      access_token: bed.account.tokens.accessToken,
    });
    expect(create?.query.has('access_token')).toBe(false);
    expect((publish?.body as Record<string, string>)['creation_id']).toBe([...bed.fake.state.containers.keys()][0]);
    expect(permalink?.query.get('fields')).toBe('permalink');
    expect(result.url).toMatch(/^https:\/\/www\.threads\.net\/@plume\.test\/post\//);
  });

  it('posts an image by its public URL with alt text, after checking the container', async () => {
    const image = threadsMedia('image', 'A quill on paper');
    const result = await threadsProvider.publish(
      bed.context,
      bed.account,
      threadsRequest([{ text: 'Look', media: [image] }]),
    );

    const container = bed.fake.state.containers.get(bed.fake.state.posts.get(result.remoteId)?.containerId ?? '');
    expect(container).toMatchObject({
      mediaType: 'IMAGE',
      imageUrl: image.publicUrl,
      altText: 'A quill on paper',
      text: 'Look',
    });
    expect(bed.fake.server.requests[1]?.query.get('fields')).toBe('status,error_message');
  });

  it('waits for a video container to finish processing before publishing', async () => {
    const video = threadsMedia('video');
    const result = await threadsProvider.publish(
      bed.context,
      bed.account,
      threadsRequest([{ text: '', media: [video] }]),
    );

    const container = bed.fake.state.containers.get(bed.fake.state.posts.get(result.remoteId)?.containerId ?? '');
    expect(container).toMatchObject({
      mediaType: 'VIDEO',
      videoUrl: video.publicUrl,
      text: undefined,
      status: 'PUBLISHED',
    });
    expect(calls().filter((call) => call === `GET /v1.0/${container?.id}`)).toHaveLength(2);
  });

  it('publishes several media as a carousel of items', async () => {
    const media = [threadsMedia('image'), threadsMedia('image'), threadsMedia('image')];
    const result = await threadsProvider.publish(bed.context, bed.account, threadsRequest([{ text: 'Album', media }]));

    const carousel = bed.fake.state.containers.get(bed.fake.state.posts.get(result.remoteId)?.containerId ?? '');
    expect(carousel?.mediaType).toBe('CAROUSEL');
    expect(carousel?.children).toHaveLength(3);
    const items = carousel?.children.map((id) => bed.fake.state.containers.get(id));
    expect(items?.map((item) => [item?.isCarouselItem, item?.imageUrl])).toEqual(
      media.map((item) => [true, item.publicUrl]),
    );
  });

  it('publishes a thread and the first comment as replies, each to the one before', async () => {
    const request = threadsRequest(
      [
        { text: 'One', media: [] },
        { text: 'Two', media: [] },
      ],
      { firstComment: 'Link: https://plume.example', settings: { replyControl: 'followers_only' } },
    );
    const result = await threadsProvider.publish(bed.context, bed.account, request);

    const container = (postId: string | undefined) =>
      bed.fake.state.containers.get(bed.fake.state.posts.get(postId ?? '')?.containerId ?? '');
    expect(container(result.extra[0]?.remoteId)).toMatchObject({
      text: 'Two',
      replyToId: result.remoteId,
      replyControl: 'followers_only',
    });
    expect(container(result.extra[1]?.remoteId)).toMatchObject({
      text: 'Link: https://plume.example',
      replyToId: result.extra[0]?.remoteId,
    });
  });

  it('still succeeds when only the permalink lookup fails (the post exists)', async () => {
    bed.fake.server.failNext({
      match: (request) => request.method === 'GET' && request.query.get('fields') === 'permalink',
      status: 500,
      body: { error: { message: 'An unknown error occurred', code: 1 } },
    });
    const result = await threadsProvider.publish(
      bed.context,
      bed.account,
      threadsRequest([{ text: 'No link', media: [] }]),
    );
    expect(result.url).toBeNull();
    expect(bed.fake.state.posts.has(result.remoteId)).toBe(true);
  });
});

describe('Threads delete and health', () => {
  it('deletes a post, and deleting it again succeeds', async () => {
    const result = await threadsProvider.publish(
      bed.context,
      bed.account,
      threadsRequest([{ text: 'Bye', media: [] }]),
    );
    await threadsProvider.delete(bed.context, bed.account, result.remoteId);
    expect(bed.fake.state.posts.size).toBe(0);
    await expect(threadsProvider.delete(bed.context, bed.account, result.remoteId)).resolves.toBeUndefined();
    const last = bed.fake.server.requests.at(-1);
    expect(`${last?.method} ${last?.path}`).toBe(`DELETE /v1.0/${result.remoteId}`);
  });

  it('reports the profile behind the token', async () => {
    const identity = await threadsProvider.health(bed.context, bed.account);
    expect(identity).toMatchObject({
      externalId: bed.fake.state.user.id,
      handle: 'plume.test',
      displayName: 'Plume Test',
      kind: 'profile',
    });
    expect(bed.fake.server.requests[0]?.query.get('fields')).toBe('id,username,name,threads_profile_picture_url');
  });
});
