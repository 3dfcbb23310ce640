import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { isProviderError, RateLimited } from '../provider-errors.ts';
import { MalformedResponse } from '../shared/network-call.ts';
import { discordProvider } from './provider.ts';
import {
  discordRequest,
  startDiscordTestBed,
  testMedia,
  type DiscordTestBed,
} from './test-support/discord-test-bed.ts';

let bed: DiscordTestBed;

beforeEach(async () => {
  bed = await startDiscordTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

const publishText = () =>
  discordProvider.publish(bed.context, bed.account, discordRequest([{ text: 'Hello', media: [] }]));
const messages = () => [...bed.fake.state.messages.values()];

describe('Discord error mapping', () => {
  it('maps 401 Invalid Webhook Token and 404 Unknown Webhook to AuthExpired', async () => {
    bed.fake.server.failNext({ status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } });
    await expect(publishText()).rejects.toMatchObject({ kind: 'auth_expired' });
    bed.fake.server.failNext({ status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    await expect(publishText()).rejects.toMatchObject({
      kind: 'auth_expired',
      message: expect.stringContaining('reconnect'),
    });
  });

  it('maps 403 to Permanent with the reason in plain words', async () => {
    bed.fake.server.failNext({ status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    await expect(publishText()).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: '50013',
      reason: expect.stringContaining('not allowed to post'),
    });
  });

  it('maps 413 to Permanent about the upload size', async () => {
    bed.fake.server.failNext({ status: 413, body: { message: 'Request entity too large', code: 40005 } });
    const request = discordRequest([{ text: 'big', media: [testMedia()] }]);
    await expect(discordProvider.publish(bed.context, bed.account, request)).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('10 MB'),
    });
  });

  it('maps 429 to RateLimited for the body retry_after (seconds, float), per account', async () => {
    bed.fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '2', 'x-ratelimit-reset-after': '1.337', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 1.337, global: false },
    });
    const error: unknown = await publishText().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimited);
    expect(error).toMatchObject({ retryAfterMs: 1337, scope: 'account' });
  });

  it('scopes a global 429 to the whole app and falls back to X-RateLimit-Reset-After', async () => {
    bed.fake.server.failNext({
      status: 429,
      headers: { 'x-ratelimit-global': 'true', 'x-ratelimit-reset-after': '0.25' },
      body: 'Too Many Requests',
    });
    await expect(publishText()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 250, scope: 'app' });
    bed.fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { message: 'You are being rate limited.', retry_after: 2.5, global: true },
    });
    await expect(publishText()).rejects.toMatchObject({ retryAfterMs: 2500, scope: 'app' });
  });

  it('maps 5xx to Retryable', async () => {
    bed.fake.server.failNext({ status: 502, body: 'Bad Gateway' });
    await expect(publishText()).rejects.toMatchObject({ kind: 'retryable' });
    expect(messages()).toEqual([]);
  });

  it('leaves a malformed 2xx answer to execute untyped (outcome unknown)', async () => {
    bed.fake.server.malformNext();
    const error: unknown = await publishText().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedResponse);
    expect(messages()).toHaveLength(1);
  });

  it('leaves a connection dropped after execute was received untyped (outcome unknown)', async () => {
    bed.fake.server.dropNext();
    const error: unknown = await publishText().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(isProviderError(error)).toBe(false);
    expect(messages()).toHaveLength(1);
  });

  it('maps connection refused to Retryable', async () => {
    const context = {
      ...bed.context,
      endpoints: { ...bed.context.endpoints, api: `http://127.0.0.1:${await freePort()}/api/v10` },
    };
    await expect(
      discordProvider.publish(context, bed.account, discordRequest([{ text: 'x', media: [] }])),
    ).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('makes an unreadable answer to reading the webhook Retryable', async () => {
    bed.fake.server.malformNext();
    await expect(discordProvider.health(bed.context, bed.account)).rejects.toMatchObject({ kind: 'retryable' });
  });
});
