import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPinterestFake, type PinterestFake } from '@plume/testing/fakes/pinterest/pinterest-fake';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { freePort } from '@plume/testing/free-port';
import type { NetworkContext } from '../contract.ts';
import { isProviderError } from '../provider-errors.ts';
import { MalformedResponse } from '../shared/network-call.ts';
import { pinterestRateLimitWaitMs } from './errors.ts';
import { bytes, connectedAccount, fastPinterest, media, request } from './test-support/pinterest-test-kit.ts';

const onPins = (sent: { method: string; path: string }) => sent.method === 'POST' && sent.path === '/v5/pins';

describe('Pinterest error mapping', () => {
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
  });

  const pinImage = (settings: Record<string, unknown> = {}) =>
    fastPinterest.publish(context, connectedAccount(fake), request('x', [media('image', bytes('a'))], settings));
  const pinVideo = () =>
    fastPinterest.publish(context, connectedAccount(fake), request('x', [media('video', bytes('v'))]));

  it('401 is AuthExpired', async () => {
    fake.server.failNext({ status: 401, body: { code: 2, message: 'Authentication failed.' }, match: onPins });
    await expect(pinImage()).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('403 is Permanent in plain words', async () => {
    fake.server.failNext({
      status: 403,
      body: { code: 3, message: 'Your application consumer type is not supported.' },
      match: onPins,
    });
    await expect(pinImage()).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: '3',
      message: expect.stringContaining(
        "Pinterest does not allow this for the account or this server's app (Your application consumer type is not supported.)",
      ),
    });
  });

  it('a board that is gone is Permanent and says so', async () => {
    await expect(pinImage({ board_id: '999' })).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('board (or section) was not found'),
    });
  });

  it('429 with Retry-After is RateLimited for that long; X-RateLimit-Reset is used without it', async () => {
    fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '30', 'x-ratelimit-remaining': '0' },
      body: { code: 8, message: 'Rate limit exceeded.' },
      match: onPins,
    });
    await expect(pinImage()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000, scope: 'account' });
    fake.server.failNext({
      status: 429,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' },
      body: { code: 8, message: 'Rate limit exceeded.' },
      match: onPins,
    });
    await expect(pinImage()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 12_000 });
    const now = Date.UTC(2026, 0, 1);
    expect(pinterestRateLimitWaitMs(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 5) }), now)).toBe(5000);
  });

  it('5xx on create is Retryable', async () => {
    fake.server.failNext({ status: 503, body: { code: 500, message: 'Service unavailable' }, match: onPins });
    await expect(pinImage()).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('a malformed 2xx on create is not a typed error', async () => {
    fake.server.malformNext({ match: onPins, status: 201 });
    const error: unknown = await pinImage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedResponse);
    expect(fake.pins()).toHaveLength(1);
  });

  it('a dropped connection after Pinterest received the Pin is not a typed error', async () => {
    fake.server.dropNext({ match: onPins });
    const error: unknown = await pinImage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(isProviderError(error)).toBe(false);
    expect(fake.pins()).toHaveLength(1);
  });

  it('failures while preparing a video come before the Pin and are Retryable', async () => {
    fake.server.dropNext({ match: (sent) => sent.path === '/v5/media' });
    await expect(pinVideo()).rejects.toMatchObject({ kind: 'retryable' });
    fake.server.failNext({
      status: 500,
      headers: { 'content-type': 'application/xml' },
      body: '<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>',
      match: (sent) => sent.path === '/pinterest-media-upload/',
    });
    await expect(pinVideo()).rejects.toMatchObject({
      kind: 'retryable',
      message: expect.stringContaining('We encountered an internal error.'),
    });
    fake.server.dropNext({ match: (sent) => sent.path === '/pinterest-media-upload/' });
    await expect(pinVideo()).rejects.toMatchObject({ kind: 'retryable' });
    expect(fake.pins()).toHaveLength(0);
  });

  it('connection refused is Retryable', async () => {
    const closed = createTestNetworkContext(
      { ...fake.endpoints, api: `http://127.0.0.1:${await freePort()}` },
      { app: fake.app },
    );
    await expect(
      fastPinterest.publish(closed, connectedAccount(fake), request('x', [media('image', bytes('a'))])),
    ).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('delete maps 401 and 5xx, and treats 404 as done', async () => {
    const account = connectedAccount(fake);
    fake.server.failNext({ status: 401, body: { code: 2, message: 'Authentication failed.' } });
    await expect(fastPinterest.delete(context, account, '1')).rejects.toMatchObject({ kind: 'auth_expired' });
    fake.server.failNext({ status: 502 });
    await expect(fastPinterest.delete(context, account, '1')).rejects.toMatchObject({ kind: 'retryable' });
    await expect(fastPinterest.delete(context, account, 'never-existed')).resolves.toBeUndefined();
  });
});
