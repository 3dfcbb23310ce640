import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleBusinessFake, type GoogleBusinessFake } from '@plume/testing/fakes/google_business';
import { freePort } from '@plume/testing/free-port';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { aipError } from '@plume/testing/fakes/youtube/google-token-routes';
import type { NetworkContext, PublishRequest } from '../contract.ts';
import { isProviderError } from '../provider-errors.ts';
import { google_businessManifest } from './manifest.ts';
import { google_businessProvider as provider } from './provider.ts';

let fake: GoogleBusinessFake;
let context: NetworkContext;

beforeAll(async () => {
  fake = await startGoogleBusinessFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app });
});
afterAll(async () => fake.close());
beforeEach(() => fake.server.reset());

const request: PublishRequest = {
  parts: [{ text: 'Open late tonight.', media: [] }],
  settings: google_businessManifest.settings.parse({}),
  idempotencyKey: 'k',
};
const onCreate = { match: (r: { method: string }) => r.method === 'POST' };

describe('google business error mapping', () => {
  it('401 is AuthExpired', async () => {
    const account = fake.account();
    fake.state.tokens.accessTokens.clear();
    await expect(provider.publish(context, account, request)).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('403 PERMISSION_DENIED is Permanent in plain words; a missing scope says to reconnect', async () => {
    fake.server.failNext({
      status: 403,
      body: aipError(403, 'The caller does not have permission', 'PERMISSION_DENIED'),
      ...onCreate,
    });
    await expect(provider.publish(context, fake.account(), request)).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'PERMISSION_DENIED',
      reason: expect.stringContaining('still manages the location'),
    });
    await expect(provider.publish(context, fake.account(['openid']), request)).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
      reason: expect.stringContaining('Reconnect'),
    });
  });

  it('a disabled API is Permanent and points the admin at the setup', async () => {
    fake.server.failNext({
      status: 403,
      body: aipError(
        403,
        'My Business API has not been used in project 1 before or it is disabled.',
        'PERMISSION_DENIED',
        'SERVICE_DISABLED',
      ),
    });
    await expect(provider.health(context, fake.account())).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'SERVICE_DISABLED',
      reason: expect.stringContaining('admin'),
    });
  });

  it('a field error keeps Google’s field message', async () => {
    const long: PublishRequest = { ...request, parts: [{ text: 'x'.repeat(1501), media: [] }] };
    await expect(provider.publish(context, fake.account(), long)).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('summary: Summary is too long.'),
    });
  });

  it('429 RESOURCE_EXHAUSTED is RateLimited for the whole app, with Retry-After', async () => {
    fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '42' },
      body: aipError(429, 'Quota exceeded', 'RESOURCE_EXHAUSTED'),
      ...onCreate,
    });
    await expect(provider.publish(context, fake.account(), request)).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 42_000,
      scope: 'app',
    });
  });

  it('5xx is Retryable', async () => {
    fake.server.failNext({
      status: 503,
      body: aipError(503, 'The service is currently unavailable.', 'UNAVAILABLE'),
      ...onCreate,
    });
    await expect(provider.publish(context, fake.account(), request)).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('a malformed 2xx or a dropped connection after the create is not a typed error (the post exists)', async () => {
    fake.server.malformNext(onCreate);
    const malformed: unknown = await provider
      .publish(context, fake.account(), request)
      .catch((error: unknown) => error);
    expect(malformed).toBeInstanceOf(Error);
    expect(isProviderError(malformed)).toBe(false);
    fake.server.dropNext(onCreate);
    const dropped: unknown = await provider.publish(context, fake.account(), request).catch((error: unknown) => error);
    expect(dropped).toBeInstanceOf(Error);
    expect(isProviderError(dropped)).toBe(false);
    expect(fake.state.posts.size).toBeGreaterThanOrEqual(2);
  });

  it('a refused connection is Retryable', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const offline = createTestNetworkContext({ ...fake.endpoints, posts: `${closed}/v4` }, { app: fake.app });
    await expect(provider.publish(offline, fake.account(), request)).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('a connection without its account is Permanent, before any request', async () => {
    const account = { ...fake.account(), metadata: {} };
    await expect(provider.publish(context, account, request)).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'missing_metadata',
    });
    expect(fake.server.requests).toEqual([]);
  });
});
