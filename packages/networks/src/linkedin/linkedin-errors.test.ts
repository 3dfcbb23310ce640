import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLinkedInFake, type LinkedInFake } from '@plume/testing/fakes/linkedin';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { freePort } from '@plume/testing/free-port';
import type { AccountAuth, NetworkContext, PublishRequest } from '../contract.ts';
import { AuthExpired, isProviderError, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { msUntilMidnightUtc } from './errors.ts';
import { linkedinProvider } from './provider.ts';

const post: PublishRequest = { parts: [{ text: 'Hello', media: [] }], settings: {}, idempotencyKey: 'k' };
const isCreate = (r: { path: string; method: string }): boolean => r.method === 'POST' && r.path === '/rest/posts';

describe('LinkedIn error mapping', () => {
  let fake: LinkedInFake;
  let context: NetworkContext;
  let account: AccountAuth;

  beforeAll(async () => {
    fake = await startLinkedInFake();
    context = createTestNetworkContext(fake.endpoints, { app: { clientId: 'li-client', clientSecret: 'li-secret' } });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.posts.clear();
    account = { externalId: 'urn:li:person:abc123', tokens: { accessToken: fake.issueAccessToken() }, metadata: {} };
  });

  async function failure(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error,
    );
  }

  it('maps an invalid token (401) to AuthExpired', async () => {
    const error = await failure(
      linkedinProvider.publish(context, { ...account, tokens: { accessToken: 'nope' } }, post),
    );
    expect(error).toBeInstanceOf(AuthExpired);
  });

  it('maps 403 to Permanent with a plain reason and LinkedIn code', async () => {
    const error = await failure(
      linkedinProvider.publish(context, { ...account, metadata: { authorUrn: 'urn:li:organization:999' } }, post),
    );
    expect(error).toBeInstanceOf(Permanent);
    expect((error as Permanent).reason).toMatch(/may not do that.*admins/);
    expect((error as Permanent).vendorCode).toBe('ACCESS_DENIED');
  });

  it('names a duplicate post and an outdated API version plainly', async () => {
    await linkedinProvider.publish(context, account, post);
    const duplicate = await failure(linkedinProvider.publish(context, account, post));
    expect((duplicate as Permanent).reason).toMatch(/duplicate of a recent one/);
    fake.server.failNext({
      status: 426,
      body: { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202607 is not active' },
    });
    const outdated = await failure(linkedinProvider.publish(context, account, post));
    expect((outdated as Permanent).reason).toMatch(/API version/);
  });

  it('maps 429 with Retry-After to RateLimited for that long', async () => {
    fake.server.failNext({ status: 429, headers: { 'retry-after': '120' }, match: isCreate });
    const error = await failure(linkedinProvider.publish(context, account, post));
    expect(error).toBeInstanceOf(RateLimited);
    expect(error).toMatchObject({ retryAfterMs: 120_000, scope: 'account' });
  });

  it('waits until midnight UTC on a daily throttle, app-wide or for the member', async () => {
    fake.server.failNext({
      status: 429,
      body: {
        status: 429,
        serviceErrorCode: 101,
        code: 'TOO_MANY_REQUESTS',
        message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
      },
    });
    const app = (await failure(linkedinProvider.publish(context, account, post))) as RateLimited;
    expect(app.scope).toBe('app');
    expect(Math.abs(app.retryAfterMs - msUntilMidnightUtc(Date.now()))).toBeLessThan(5_000);
    fake.server.failNext({
      status: 429,
      body: { status: 429, message: 'Resource level throttle MEMBER DAY limit for calls to this resource is reached.' },
    });
    const memberLimit = (await failure(linkedinProvider.publish(context, account, post))) as RateLimited;
    expect(memberLimit.scope).toBe('account');
    expect(msUntilMidnightUtc(Date.UTC(2026, 10, 22, 23, 0, 0))).toBe(3_600_000);
  });

  it('maps 5xx to Retryable', async () => {
    fake.server.failNext({ status: 503, body: { status: 503, message: 'Service Unavailable' }, match: isCreate });
    expect(await failure(linkedinProvider.publish(context, account, post))).toBeInstanceOf(Retryable);
  });

  it('does not type a malformed 2xx answer to the create call (outcome unknown)', async () => {
    fake.server.malformNext({ match: isCreate });
    const error = await failure(linkedinProvider.publish(context, account, post));
    expect(isProviderError(error)).toBe(false);
    expect(fake.state.posts.size).toBe(1);
  });

  it('does not type a connection dropped after the create request arrived', async () => {
    fake.server.dropNext({ match: isCreate });
    const error = await failure(linkedinProvider.publish(context, account, post));
    expect(isProviderError(error)).toBe(false);
    expect(fake.state.posts.size).toBe(1);
  });

  it('makes a dropped media upload Retryable, since no post exists yet', async () => {
    fake.server.dropNext({ match: (r) => r.path.startsWith('/dms-uploads/') });
    const bytes = new Uint8Array([1, 2]);
    const withImage: PublishRequest = {
      ...post,
      parts: [
        {
          text: 'img',
          media: [
            {
              id: 'm',
              kind: 'image',
              mimeType: 'image/png',
              bytes: 2,
              aiGenerated: false,
              fileName: 'a.png',
              publicUrl: 'https://x',
              read: async () => bytes,
            },
          ],
        },
      ],
    };
    expect(await failure(linkedinProvider.publish(context, account, withImage))).toBeInstanceOf(Retryable);
    expect(fake.state.posts.size).toBe(0);
  });

  it('maps a refused connection to Retryable', async () => {
    const port = await freePort();
    const closed = createTestNetworkContext({
      api: `http://127.0.0.1:${port}`,
      authorize: 'http://127.0.0.1:1/a',
      token: 'http://127.0.0.1:1/t',
    });
    expect(await failure(linkedinProvider.publish(closed, account, post))).toBeInstanceOf(Retryable);
  });
});
