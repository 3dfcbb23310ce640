import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startInstagramFake, type InstagramFake } from '@plume/testing/fakes/instagram';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { freePort } from '@plume/testing/free-port';
import type { AccountAuth, NetworkContext, PublishRequest } from '../contract.ts';
import { AuthExpired, isProviderError, Permanent, type RateLimited, Retryable } from '../provider-errors.ts';
import { instagramProvider } from './provider.ts';

const image = {
  id: 'i',
  kind: 'image' as const,
  mimeType: 'image/jpeg',
  bytes: 1,
  aiGenerated: false,
  fileName: 'a.jpg',
  publicUrl: 'https://plume.example/a.jpg',
  read: async () => new Uint8Array(),
};
const post: PublishRequest = { parts: [{ text: 'Hello', media: [image] }], settings: {}, idempotencyKey: 'k' };
const isPublish = (r: { path: string }): boolean => r.path.endsWith('/media_publish');
const isContainer = (r: { path: string; method: string }): boolean => r.method === 'POST' && r.path.endsWith('/media');

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('Instagram error mapping', () => {
  let fake: InstagramFake;
  let context: NetworkContext;
  let account: AccountAuth;

  beforeAll(async () => {
    fake = await startInstagramFake();
    context = createTestNetworkContext(fake.endpoints, { app: { clientId: 'ig-app', clientSecret: 'ig-secret' } });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.media.clear();
    fake.state.quota.usage = 0;
    account = {
      externalId: fake.state.user.userId,
      tokens: { accessToken: fake.issueToken() },
      metadata: { igUserId: fake.state.user.userId },
    };
  });

  it('maps code 190 and a bare 401 to AuthExpired', async () => {
    expect(
      await failure(instagramProvider.publish(context, { ...account, tokens: { accessToken: 'dead' } }, post)),
    ).toBeInstanceOf(AuthExpired);
    fake.server.failNext({ status: 401, body: '' });
    expect(await failure(instagramProvider.publish(context, account, post))).toBeInstanceOf(AuthExpired);
  });

  it('maps 403 and media subcodes to Permanent in plain words', async () => {
    fake.server.failNext({
      status: 403,
      body: {
        error: {
          message: '(#10) Application does not have permission for this action',
          type: 'OAuthException',
          code: 10,
        },
      },
      match: isContainer,
    });
    const denied = (await failure(instagramProvider.publish(context, account, post))) as Permanent;
    expect(denied.reason).toMatch(/did not allow this app/);
    fake.server.failNext({
      status: 400,
      body: { error: { message: 'The aspect ratio is not supported.', code: 36_003, error_subcode: 2207009 } },
      match: isContainer,
    });
    const ratio = (await failure(instagramProvider.publish(context, account, post))) as Permanent;
    expect(ratio.reason).toMatch(/aspect ratio between 4:5 and 1.91:1/);
    expect(ratio.vendorCode).toBe('36003/2207009');
  });

  it('maps a container ERROR status to Permanent', async () => {
    fake.server.failNext({
      status: 200,
      body: { status_code: 'ERROR', status: 'Error: Media upload has failed with error code 2207026' },
      match: (r) => r.query.get('fields') === 'status_code,status',
    });
    const error = (await failure(instagramProvider.publish(context, account, post))) as Permanent;
    expect(error).toBeInstanceOf(Permanent);
    expect(error.reason).toMatch(/2207026/);
  });

  it('maps 429 with Retry-After and throttle codes to RateLimited', async () => {
    fake.server.failNext({ status: 429, headers: { 'retry-after': '90' }, match: isPublish });
    expect(await failure(instagramProvider.publish(context, account, post))).toMatchObject({
      retryAfterMs: 90_000,
      scope: 'account',
    });
    fake.server.failNext({
      status: 400,
      headers: {
        'x-business-use-case-usage': JSON.stringify({
          '17841400000000001': [{ type: 'instagram', call_count: 100, estimated_time_to_regain_access: 12 }],
        }),
      },
      body: { error: { message: 'Calls to this API have exceeded the rate limit.', code: 80_002 } },
    });
    const throttled = (await failure(instagramProvider.publish(context, account, post))) as RateLimited;
    expect(throttled).toMatchObject({ retryAfterMs: 12 * 60_000, scope: 'account' });
  });

  it('maps 5xx and transient container errors to Retryable', async () => {
    fake.server.failNext({ status: 503, body: 'unavailable', match: isPublish });
    expect(await failure(instagramProvider.publish(context, account, post))).toBeInstanceOf(Retryable);
    fake.server.failNext({
      status: 400,
      body: { error: { message: 'Timeout downloading media', code: 2, error_subcode: 2207003 } },
      match: isContainer,
    });
    expect(await failure(instagramProvider.publish(context, account, post))).toBeInstanceOf(Retryable);
  });

  it('does not type a malformed answer or a dropped connection on media_publish', async () => {
    fake.server.malformNext({ match: isPublish });
    expect(isProviderError(await failure(instagramProvider.publish(context, account, post)))).toBe(false);
    fake.server.dropNext({ match: isPublish });
    expect(isProviderError(await failure(instagramProvider.publish(context, account, post)))).toBe(false);
    expect(fake.state.media.size).toBe(2);
  });

  it('makes a dropped container request Retryable, since no post exists yet', async () => {
    fake.server.dropNext({ match: isContainer });
    expect(await failure(instagramProvider.publish(context, account, post))).toBeInstanceOf(Retryable);
    expect(fake.state.media.size).toBe(0);
  });

  it('maps a refused connection to Retryable', async () => {
    const port = await freePort();
    const closed = createTestNetworkContext({
      graph: `http://127.0.0.1:${port}/v26.0`,
      graphRoot: `http://127.0.0.1:${port}`,
      authorize: 'http://127.0.0.1:1/',
      token: 'http://127.0.0.1:1/',
    });
    expect(await failure(instagramProvider.publish(closed, account, post))).toBeInstanceOf(Retryable);
  });
});
