import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { isProviderError, RateLimited } from '../provider-errors.ts';
import { MalformedResponse } from '../shared/network-call.ts';
import { blueskyProvider } from './provider.ts';
import {
  blueskyRequest,
  startBlueskyTestBed,
  testImage,
  type BlueskyTestBed,
} from './test-support/bluesky-test-bed.ts';
import { PartlyPublished } from '../shared/partly-published.ts';

let bed: BlueskyTestBed;

beforeEach(async () => {
  bed = await startBlueskyTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const isCreate = (request: { path: string }): boolean => request.path === '/xrpc/com.atproto.repo.createRecord';
const publishText = (text = 'Hello') =>
  blueskyProvider.publish(bed.context, bed.account, blueskyRequest([{ text, media: [] }]));

describe('Bluesky error mapping', () => {
  it('maps 401 to AuthExpired', async () => {
    bed.fake.server.failNext({
      status: 401,
      match: isCreate,
      body: { error: 'AuthenticationRequired', message: 'Authentication Required' },
    });
    await expect(publishText()).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('maps 400 ExpiredToken / InvalidToken to AuthExpired', async () => {
    bed.fake.state.expiredTokens.add(bed.account.tokens.accessToken);
    await expect(publishText()).rejects.toMatchObject({ kind: 'auth_expired' });
    bed.fake.server.failNext({
      status: 400,
      match: isCreate,
      body: { error: 'InvalidToken', message: 'Token could not be verified' },
    });
    bed.fake.state.expiredTokens.clear();
    await expect(publishText()).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('maps 403 to Permanent with the reason in plain words', async () => {
    bed.fake.server.failNext({
      status: 403,
      match: isCreate,
      body: { error: 'AccountTakedown', message: 'Account has been taken down' },
    });
    await expect(publishText()).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('taken this account down'),
      vendorCode: 'AccountTakedown',
    });
  });

  it('passes lexicon validation messages through as Permanent', async () => {
    await expect(publishText('x'.repeat(301))).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'InvalidRequest',
      reason: expect.stringContaining('300 graphemes'),
    });
  });

  it('maps 429 with Retry-After to RateLimited for that long', async () => {
    bed.fake.server.failNext({
      status: 429,
      match: isCreate,
      headers: { 'retry-after': '42' },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    const error: unknown = await publishText().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimited);
    expect(error).toMatchObject({ retryAfterMs: 42_000, scope: 'account' });
  });

  it('waits until ratelimit-reset (epoch seconds) when there is no Retry-After', async () => {
    const reset = Math.floor(Date.now() / 1000) + 600;
    bed.fake.server.failNext({
      status: 429,
      match: isCreate,
      headers: {
        'ratelimit-limit': '5000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(reset),
        'ratelimit-policy': '5000;w=3600',
      },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    const error = (await publishText().catch((caught: unknown) => caught)) as RateLimited;
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThan(595_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(600_000);
  });

  it('maps 5xx to Retryable', async () => {
    bed.fake.server.failNext({
      status: 502,
      match: isCreate,
      body: { error: 'UpstreamFailure', message: 'Upstream Failure' },
    });
    await expect(publishText()).rejects.toMatchObject({ kind: 'retryable' });
    expect(bed.fake.posts()).toEqual([]);
  });

  it('leaves a malformed 2xx answer to create untyped (outcome unknown)', async () => {
    bed.fake.server.malformNext({ match: isCreate });
    const error: unknown = await publishText().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedResponse);
    expect(isProviderError(error)).toBe(false);
    expect(bed.fake.posts()).toHaveLength(1);
  });

  it('leaves a connection dropped after create was received untyped (outcome unknown)', async () => {
    bed.fake.server.dropNext({ match: isCreate });
    const error: unknown = await publishText().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(isProviderError(error)).toBe(false);
    expect(bed.fake.posts()).toHaveLength(1);
  });

  it('makes a dropped image upload Retryable: no post exists yet', async () => {
    bed.fake.server.dropNext({ match: (request) => request.path.endsWith('uploadBlob') });
    const request = blueskyRequest([{ text: 'pic', media: [testImage()] }]);
    await expect(blueskyProvider.publish(bed.context, bed.account, request)).rejects.toMatchObject({
      kind: 'retryable',
    });
    expect(bed.fake.posts()).toEqual([]);
  });

  it('maps connection refused to Retryable', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const account = { ...bed.account, metadata: { ...bed.account.metadata, pdsUrl: closed } };
    await expect(
      blueskyProvider.publish(bed.context, account, blueskyRequest([{ text: 'x', media: [] }])),
    ).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('reports a thread that failed after its first post as partly published, never retried into a duplicate', async () => {
    let creates = 0;
    bed.fake.server.failNext({
      status: 503,
      match: (request) => isCreate(request) && ++creates === 2,
      body: { error: 'InternalServerError', message: 'oops' },
    });
    const request = blueskyRequest([
      { text: 'one', media: [] },
      { text: 'two', media: [] },
    ]);
    const error = await blueskyProvider.publish(bed.context, bed.account, request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartlyPublished);
    expect((error as PartlyPublished).message).toContain('but part 2 of the thread failed');
    expect((error as PartlyPublished).published.remoteId).toMatch(/^at:\/\//);
    expect(bed.fake.posts()).toHaveLength(1);
  });
});
