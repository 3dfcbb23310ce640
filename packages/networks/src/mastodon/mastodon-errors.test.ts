import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { AuthExpired, Permanent, RateLimited, Retryable, isProviderError } from '../provider-errors.ts';
import { mastodonProvider } from './provider.ts';
import {
  mastodonRequest,
  startMastodonTestBed,
  testMedia,
  type MastodonTestBed,
} from './test-support/mastodon-test-bed.ts';
import { PartlyPublished } from '../shared/partly-published.ts';

let bed: MastodonTestBed;
const text = mastodonRequest([{ text: 'Errors are data', media: [] }]);
const onCreate = { match: (request: { path: string }) => request.path === '/api/v1/statuses' };

beforeEach(async () => {
  bed = await startMastodonTestBed();
});

afterEach(async () => {
  await bed.fake.close();
});

async function publishError(request = text, account = bed.account): Promise<unknown> {
  return mastodonProvider.publish(bed.context, account, request).then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
}

describe('Mastodon error mapping', () => {
  it('maps a revoked token (401) to AuthExpired', async () => {
    expect(await publishError(text, { ...bed.account, tokens: { accessToken: 'revoked' } })).toBeInstanceOf(
      AuthExpired,
    );
  });

  it('maps 403 to Permanent in plain words', async () => {
    bed.fake.server.failNext({ ...onCreate, status: 403, body: { error: 'Your login is currently disabled' } });
    const error = (await publishError()) as Permanent;
    expect(error).toBeInstanceOf(Permanent);
    expect(error.reason).toBe(
      'The network refused to create the post (403): the Mastodon server does not allow it: Your login is currently disabled',
    );
  });

  it('maps a 422 validation error to Permanent with the server’s words', async () => {
    bed.fake.state.maxCharacters = 10;
    const error = (await publishError()) as Permanent;
    expect(error.reason).toBe(
      'The network refused to create the post (422): the Mastodon server said: Validation failed: Text character limit of 10 exceeded',
    );
    expect(error.vendorCode).toBe('validation_failed');
  });

  it('is refused by the server when the content warning and the text together pass the limit', async () => {
    const settings = { visibility: 'public', spoilerText: 'w'.repeat(100), language: '', sensitive: false };
    const tooLong = (await publishError(
      mastodonRequest([{ text: 't'.repeat(450), media: [] }], { settings }),
    )) as Permanent;
    expect(tooLong.reason).toContain('Text character limit of 500 exceeded');
    // 100 + 376 + 1 + 23 (the link, however long) = 500.
    const fits = mastodonRequest([{ text: `${'t'.repeat(376)} https://example.com/${'p'.repeat(60)}`, media: [] }], {
      settings,
    });
    expect((await mastodonProvider.publish(bed.context, bed.account, fits)).remoteId).not.toBe('');
  });

  it('uses Retry-After on a 429', async () => {
    bed.fake.server.failNext({
      ...onCreate,
      status: 429,
      headers: { 'retry-after': '12' },
      body: { error: 'Too many requests' },
    });
    const error = (await publishError()) as RateLimited;
    expect(error).toBeInstanceOf(RateLimited);
    expect(error.retryAfterMs).toBe(12_000);
    expect(error.scope).toBe('account');
  });

  it('falls back to X-RateLimit-Reset (ISO 8601) without Retry-After', async () => {
    const reset = new Date(Date.now() + 90_000).toISOString();
    bed.fake.server.failNext({
      ...onCreate,
      status: 429,
      headers: { 'x-ratelimit-reset': reset, 'x-ratelimit-remaining': '0' },
      body: { error: 'Too many requests' },
    });
    const error = (await publishError()) as RateLimited;
    expect(error.retryAfterMs).toBeGreaterThan(85_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it('maps 5xx to Retryable', async () => {
    bed.fake.server.failNext({ ...onCreate, status: 503, body: { error: 'Service Unavailable' } });
    expect(await publishError()).toBeInstanceOf(Retryable);
  });

  it('does not type a malformed 2xx answer to create', async () => {
    bed.fake.server.malformNext(onCreate);
    expect(isProviderError(await publishError())).toBe(false);
    expect(bed.fake.state.statuses.size).toBe(1);
  });

  it('does not type a connection dropped after the server received the create', async () => {
    bed.fake.server.dropNext(onCreate);
    expect(isProviderError(await publishError())).toBe(false);
    expect(bed.fake.state.statuses.size).toBe(1);
  });

  it('maps connection refused to Retryable', async () => {
    const instanceUrl = `http://127.0.0.1:${await freePort()}`;
    expect(await publishError(text, { ...bed.account, metadata: { instanceUrl } })).toBeInstanceOf(Retryable);
  });

  it('retries a failed media upload: the status does not exist yet', async () => {
    bed.fake.server.failNext({
      match: (request) => request.path === '/api/v2/media',
      status: 500,
      body: { error: 'Error processing thumbnail for uploaded media' },
    });
    const image = testMedia({ kind: 'image', mimeType: 'image/png' });
    expect(await publishError(mastodonRequest([{ text: 'pic', media: [image] }]))).toBeInstanceOf(Retryable);
    expect(bed.fake.state.statuses.size).toBe(0);
  });

  it('reports a failed thread reply as partly published; a repeat of the same request still posts nothing twice', async () => {
    const thread = mastodonRequest([
      { text: 'one', media: [] },
      { text: 'two', media: [] },
    ]);
    bed.fake.server.failNext({
      match: (request) =>
        request.path === '/api/v1/statuses' && request.headers['idempotency-key'] === 'target-42:part-2',
      status: 503,
      body: { error: 'Service Unavailable' },
    });
    const error = await publishError(thread);
    expect(error).toBeInstanceOf(PartlyPublished);
    expect((error as PartlyPublished).message).toContain('but part 2 of the thread failed');
    expect(bed.fake.state.statuses.size).toBe(1);

    const repeated = await mastodonProvider.publish(bed.context, bed.account, thread);
    expect(repeated.remoteId).toBe((error as PartlyPublished).published.remoteId);
    expect(bed.fake.state.statuses.size).toBe(2);
    expect(bed.fake.state.statuses.get(repeated.extra[0]?.remoteId ?? '')?.inReplyToId).toBe(repeated.remoteId);
  });
});
