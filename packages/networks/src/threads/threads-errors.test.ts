import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { AuthExpired, type Permanent, RateLimited, Retryable, isProviderError } from '../provider-errors.ts';
import { threadsProvider } from './provider.ts';
import {
  startThreadsTestBed,
  threadsMedia,
  threadsRequest,
  type ThreadsTestBed,
} from './test-support/threads-test-bed.ts';
import { PartlyPublished } from '../shared/partly-published.ts';

let bed: ThreadsTestBed;
const text = threadsRequest([{ text: 'Errors are data', media: [] }]);
const onPublish = { match: (request: { path: string }) => request.path.endsWith('/threads_publish') };
const graph = (code: number, message: string, extra: Record<string, unknown> = {}) => ({
  error: { message, type: 'OAuthException', code, fbtrace_id: 'A1', ...extra },
});

beforeEach(async () => {
  bed = await startThreadsTestBed();
});

afterEach(async () => {
  await bed.fake.close();
});

async function publishError(request = text, account = bed.account): Promise<unknown> {
  return threadsProvider.publish(bed.context, account, request).then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
}

describe('Threads error mapping', () => {
  it('is refused by Threads past 500 characters, an emoji counting its UTF-8 bytes', async () => {
    const tooLong = (await publishError(threadsRequest([{ text: '😀'.repeat(126), media: [] }]))) as Permanent;
    expect(tooLong.reason).toContain('at most 500 characters');
    expect(
      (await threadsProvider.publish(bed.context, bed.account, threadsRequest([{ text: '😀'.repeat(125), media: [] }])))
        .remoteId,
    ).not.toBe('');
  });

  it('maps code 190 to AuthExpired even with HTTP 400', async () => {
    expect(await publishError(text, { ...bed.account, tokens: { accessToken: 'expired' } })).toBeInstanceOf(
      AuthExpired,
    );
  });

  it('maps a missing permission (code 10, HTTP 403) to Permanent in plain words', async () => {
    bed.fake.server.failNext({
      ...onPublish,
      status: 403,
      body: graph(10, 'Application does not have permission for this action'),
    });
    const error = (await publishError()) as Permanent;
    expect(error.reason).toBe(
      'The network refused to publish the post (403): Plume is missing a Threads permission. Reconnect the account and allow everything Plume asks for.',
    );
    expect(error.vendorCode).toBe('10');
  });

  it('maps an account throttle (code 17) to RateLimited for the account, honouring Retry-After', async () => {
    bed.fake.server.failNext({
      ...onPublish,
      status: 400,
      headers: { 'retry-after': '45' },
      body: graph(17, 'User request limit reached'),
    });
    const error = (await publishError()) as RateLimited;
    expect(error).toBeInstanceOf(RateLimited);
    expect(error.retryAfterMs).toBe(45_000);
    expect(error.scope).toBe('account');
  });

  it('maps an app throttle (code 4) to RateLimited for the app, using Meta’s usage header', async () => {
    const usage = JSON.stringify({
      [bed.fake.state.user.id]: [{ type: 'threads', call_count: 100, estimated_time_to_regain_access: 7 }],
    });
    bed.fake.server.failNext({
      ...onPublish,
      status: 429,
      headers: { 'x-business-use-case-usage': usage },
      body: graph(4, 'Application request limit reached'),
    });
    const error = (await publishError()) as RateLimited;
    expect(error.scope).toBe('app');
    expect(error.retryAfterMs).toBe(7 * 60_000);
  });

  it('maps temporary Graph errors (code 2) and 5xx to Retryable', async () => {
    bed.fake.server.failNext({ ...onPublish, status: 400, body: graph(2, 'Service temporarily unavailable') });
    expect(await publishError()).toBeInstanceOf(Retryable);
    bed.fake.server.failNext({ ...onPublish, status: 500, body: graph(1, 'An unknown error occurred') });
    expect(await publishError()).toBeInstanceOf(Retryable);
  });

  it('turns a failed video into a plain Permanent reason, before anything is published', async () => {
    bed.fake.state.videoProcessingPolls = 0;
    bed.fake.state.videoError = 'INVALID_DURATION';
    const error = (await publishError(threadsRequest([{ text: '', media: [threadsMedia('video')] }]))) as Permanent;
    expect(error.reason).toBe('Threads refused the video’s length (at most 5 minutes).');
    expect(bed.fake.state.posts.size).toBe(0);
  });

  it('does not type a malformed 2xx answer to publish', async () => {
    bed.fake.server.malformNext(onPublish);
    expect(isProviderError(await publishError())).toBe(false);
    expect(bed.fake.state.posts.size).toBe(1);
  });

  it('does not type a connection dropped after Threads received the publish', async () => {
    bed.fake.server.dropNext(onPublish);
    expect(isProviderError(await publishError())).toBe(false);
    expect(bed.fake.state.posts.size).toBe(1);
  });

  it('retries a dropped container creation: nothing is published yet', async () => {
    bed.fake.server.dropNext({ match: (request) => request.path.endsWith('/threads') });
    expect(await publishError()).toBeInstanceOf(Retryable);
  });

  it('maps connection refused to Retryable', async () => {
    const context = createTestNetworkContext(
      { ...bed.fake.endpoints, api: `http://127.0.0.1:${await freePort()}` },
      { app: bed.fake.app },
    );
    await expect(threadsProvider.publish(context, bed.account, text)).rejects.toBeInstanceOf(Retryable);
  });

  it('never retries a thread whose first post is already out', async () => {
    bed.fake.server.failNext({
      match: (request) => request.path.endsWith('/threads') && JSON.stringify(request.body).includes('reply_to_id'),
      status: 500,
      body: graph(2, 'Service temporarily unavailable'),
    });
    const error = (await publishError(
      threadsRequest([
        { text: 'one', media: [] },
        { text: 'two', media: [] },
      ]),
    )) as PartlyPublished;
    expect(error).toBeInstanceOf(PartlyPublished);
    expect(error.published.remoteId).toBeTruthy();
    expect(error.message).toMatch(
      /^The post is on Threads \(https:\/\/www\.threads\.net\/@plume\.test\/post\/\w+\), but part 2 of the thread failed/,
    );
  });
});
