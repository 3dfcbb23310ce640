import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { AuthExpired, Permanent, RateLimited, Retryable, isProviderError } from '../provider-errors.ts';
import { xProvider } from './provider.ts';
import { startXTestBed, testMedia, xRequest, type XTestBed } from './test-support/x-test-bed.ts';
import { PartlyPublished } from '../shared/partly-published.ts';

let bed: XTestBed;
const text = xRequest([{ text: 'Errors are data', media: [] }]);
const onCreate = { match: (request: { path: string }) => request.path === '/2/tweets' };

beforeEach(async () => {
  bed = await startXTestBed();
});

afterEach(async () => {
  await bed.fake.close();
});

async function publishError(request = text): Promise<unknown> {
  return xProvider.publish(bed.context, bed.account, request).then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
}

describe('X error mapping', () => {
  it('is refused by X past 280 as twitter-text counts it (a link without a scheme is 23 too)', async () => {
    const tooLong = (await publishError(
      xRequest([{ text: `${'a'.repeat(257)} example.com`, media: [] }]),
    )) as Permanent;
    expect(tooLong).toBeInstanceOf(Permanent);
    expect(tooLong.reason).toContain('(400)');
    const fits = xRequest([{ text: `${'a'.repeat(256)} example.com`, media: [] }]);
    expect((await xProvider.publish(bed.context, bed.account, fits)).remoteId).not.toBe('');
  });

  it('maps an unknown token (401) to AuthExpired', async () => {
    const expired = await xProvider
      .publish(bed.context, { ...bed.account, tokens: { accessToken: 'nope' } }, text)
      .catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(AuthExpired);
  });

  it('maps duplicate content (403) to Permanent with a plain reason', async () => {
    await xProvider.publish(bed.context, bed.account, text);
    const error = await publishError();
    expect(error).toBeInstanceOf(Permanent);
    expect((error as Permanent).reason).toBe(
      'The network refused to create the post (403): X does not accept the same text twice from one account. Change the text and try again.',
    );
    expect((error as Permanent).vendorCode).toBe('duplicate-content');
  });

  it('uses Retry-After on a 429', async () => {
    bed.fake.server.failNext({
      ...onCreate,
      status: 429,
      headers: { 'retry-after': '30' },
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    });
    const error = await publishError();
    expect(error).toBeInstanceOf(RateLimited);
    expect((error as RateLimited).retryAfterMs).toBe(30_000);
    expect((error as RateLimited).scope).toBe('account');
  });

  it('falls back to x-rate-limit-reset (epoch seconds) without Retry-After', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    bed.fake.server.failNext({
      ...onCreate,
      status: 429,
      headers: { 'x-rate-limit-reset': String(reset), 'x-rate-limit-remaining': '0' },
      body: { title: 'Too Many Requests', status: 429 },
    });
    const error = (await publishError()) as RateLimited;
    expect(error).toBeInstanceOf(RateLimited);
    expect(error.retryAfterMs).toBeGreaterThan(115_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('throttles the whole app when the app 24-hour cap is used up', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    bed.fake.server.failNext({
      ...onCreate,
      status: 429,
      headers: {
        'x-rate-limit-reset': String(reset - 3000),
        'x-app-limit-24hour-remaining': '0',
        'x-app-limit-24hour-reset': String(reset),
      },
      body: { title: 'Too Many Requests', status: 429 },
    });
    const error = (await publishError()) as RateLimited;
    expect(error.scope).toBe('app');
    expect(error.retryAfterMs).toBeGreaterThan(3_500_000);
  });

  it('maps 5xx on create to Retryable', async () => {
    bed.fake.server.failNext({ ...onCreate, status: 503, body: { title: 'Service Unavailable', status: 503 } });
    expect(await publishError()).toBeInstanceOf(Retryable);
  });

  it('does not type a malformed 2xx answer to create (outcome unknown)', async () => {
    bed.fake.server.malformNext(onCreate);
    const error = await publishError();
    expect(isProviderError(error)).toBe(false);
    expect(bed.fake.state.posts.size).toBe(1);
  });

  it('does not type a connection dropped after X received the create', async () => {
    bed.fake.server.dropNext(onCreate);
    const error = await publishError();
    expect(isProviderError(error)).toBe(false);
    expect(bed.fake.state.posts.size).toBe(1);
  });

  it('maps connection refused to Retryable', async () => {
    const port = await freePort();
    const context = createTestNetworkContext(
      { ...bed.fake.endpoints, api: `http://127.0.0.1:${port}` },
      { app: bed.fake.app },
    );
    await expect(xProvider.publish(context, bed.account, text)).rejects.toBeInstanceOf(Retryable);
  });

  it('retries a media upload that failed before the post existed', async () => {
    bed.fake.server.failNext({
      match: (request) => request.path === '/2/media/upload',
      status: 500,
      body: { title: 'Internal Error', status: 500 },
    });
    const image = testMedia({ kind: 'image', mimeType: 'image/png' });
    expect(await publishError(xRequest([{ text: 'pic', media: [image] }]))).toBeInstanceOf(Retryable);
    expect(bed.fake.state.posts.size).toBe(0);
  });

  it('never turns a failed thread reply into a retry that would post the first part twice', async () => {
    bed.fake.server.failNext({
      match: (request) => request.path === '/2/tweets' && JSON.stringify(request.body).includes('in_reply_to'),
      status: 503,
      body: { title: 'Service Unavailable', status: 503 },
    });
    const error = await publishError(
      xRequest([
        { text: 'one', media: [] },
        { text: 'two', media: [] },
      ]),
    );
    expect(error).toBeInstanceOf(PartlyPublished);
    expect((error as PartlyPublished).published.extra).toEqual([]);
    expect((error as PartlyPublished).message).toMatch(
      /^The post is on X \(https:\/\/x\.com\/plume_test\/status\/\d+\), but part 2 of the thread failed/,
    );
  });

  it('explains an app without the right API access (403 client-not-enrolled)', async () => {
    bed.fake.server.failNext({
      ...onCreate,
      status: 403,
      body: {
        title: 'Client Forbidden',
        detail:
          'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
        reason: 'client-not-enrolled',
        type: 'https://api.twitter.com/2/problems/client-forbidden',
      },
    });
    const error = (await publishError()) as Permanent;
    expect(error.reason).toMatch(/attach it to a Project/);
    expect(error.vendorCode).toBe('client-not-enrolled');
  });
});
