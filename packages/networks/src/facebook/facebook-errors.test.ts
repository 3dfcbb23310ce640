import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphError, startFacebookFake, type FacebookFake } from '@plume/testing/fakes/facebook';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { freePort } from '@plume/testing/free-port';
import type { AccountAuth, NetworkContext, PublishRequest } from '../contract.ts';
import { AuthExpired, isProviderError, Permanent, RateLimited, Retryable } from '../provider-errors.ts';
import { describeGraphError, graphRateLimitWaitMs } from './graph-errors.ts';
import { facebookProvider } from './provider.ts';

const post: PublishRequest = { parts: [{ text: 'Hello', media: [] }], settings: {}, idempotencyKey: 'k' };
const isCreate = (r: { path: string; method: string }): boolean => r.method === 'POST' && r.path.endsWith('/feed');

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('Facebook error mapping', () => {
  let fake: FacebookFake;
  let context: NetworkContext;
  let page: AccountAuth;

  beforeAll(async () => {
    fake = await startFacebookFake();
    context = createTestNetworkContext(fake.endpoints, { app: { clientId: 'fb-app', clientSecret: 'fb-secret' } });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.posts.clear();
    page = {
      externalId: '101',
      tokens: { accessToken: fake.state.pages.get('101')?.token ?? '' },
      metadata: { pageId: '101' },
    };
  });

  it('maps code 190 (sent with 400) and a bare 401 to AuthExpired', async () => {
    expect(
      await failure(facebookProvider.publish(context, { ...page, tokens: { accessToken: 'revoked' } }, post)),
    ).toBeInstanceOf(AuthExpired);
    fake.server.failNext({ status: 401, body: 'Unauthorized' });
    expect(await failure(facebookProvider.publish(context, page, post))).toBeInstanceOf(AuthExpired);
  });

  it('maps permission errors (200, 10) and abuse blocks (368) to Permanent in plain words', async () => {
    const userToken = fake.issueUserToken();
    const denied = (await failure(
      facebookProvider.publish(context, { ...page, tokens: { accessToken: userToken } }, post),
    )) as Permanent;
    expect(denied).toBeInstanceOf(Permanent);
    expect(denied.reason).toMatch(/missing a permission/);
    expect(denied.vendorCode).toBe('200');
    fake.server.failNext(
      graphError(
        368,
        'The action attempted has been deemed abusive or is otherwise disallowed',
        400,
        'OAuthException',
        1_390_008,
      ),
    );
    const blocked = (await failure(facebookProvider.publish(context, page, post))) as Permanent;
    expect(blocked.reason).toMatch(/blocked this action/);
    expect(blocked.vendorCode).toBe('368/1390008');
    expect(describeGraphError({ error: { code: 10, message: 'Application does not have permission' } })).toMatchObject({
      kind: 'permanent',
      code: '10',
    });
  });

  it('maps throttles to RateLimited with the Business Use Case wait and the right scope', async () => {
    const buc = JSON.stringify({
      '101': [
        { type: 'pages', call_count: 100, total_cputime: 40, total_time: 50, estimated_time_to_regain_access: 7 },
      ],
    });
    fake.server.failNext({
      ...graphError(80_001, 'There have been too many calls to this Page account.', 400, 'OAuthException'),
      headers: { 'x-business-use-case-usage': buc },
    });
    const pageLimit = (await failure(facebookProvider.publish(context, page, post))) as RateLimited;
    expect(pageLimit).toBeInstanceOf(RateLimited);
    expect(pageLimit).toMatchObject({ retryAfterMs: 7 * 60_000, scope: 'account' });
    fake.server.failNext(graphError(4, 'Application request limit reached', 400, 'OAuthException'));
    const appLimit = (await failure(facebookProvider.publish(context, page, post))) as RateLimited;
    expect(appLimit).toMatchObject({ retryAfterMs: 60_000, scope: 'app' });
    fake.server.failNext({ status: 429, headers: { 'retry-after': '30' } });
    expect(await failure(facebookProvider.publish(context, page, post))).toMatchObject({ retryAfterMs: 30_000 });
    expect(
      graphRateLimitWaitMs(new Headers({ 'x-app-usage': '{"call_count":100,"total_time":10,"total_cputime":10}' })),
    ).toBeUndefined();
  });

  it('maps codes 1 and 2 and 5xx to Retryable', async () => {
    fake.server.failNext(graphError(2, 'Service temporarily unavailable', 500, 'OAuthException'));
    expect(await failure(facebookProvider.publish(context, page, post))).toBeInstanceOf(Retryable);
    fake.server.failNext(graphError(1, 'An unknown error occurred', 400, 'OAuthException'));
    expect(await failure(facebookProvider.publish(context, page, post))).toBeInstanceOf(Retryable);
    fake.server.failNext({ status: 502, body: '<html>Bad gateway</html>' });
    expect(await failure(facebookProvider.publish(context, page, post))).toBeInstanceOf(Retryable);
  });

  it('does not type a malformed 2xx or a dropped connection on the create call', async () => {
    fake.server.malformNext({ match: isCreate });
    expect(isProviderError(await failure(facebookProvider.publish(context, page, post)))).toBe(false);
    fake.server.dropNext({ match: isCreate });
    expect(isProviderError(await failure(facebookProvider.publish(context, page, post)))).toBe(false);
    expect(fake.state.posts.size).toBe(2);
  });

  it('makes a dropped unpublished-photo upload Retryable, since no post exists yet', async () => {
    fake.server.dropNext({ match: (r) => r.path.endsWith('/photos') });
    const image = {
      id: 'i',
      kind: 'image' as const,
      mimeType: 'image/jpeg',
      bytes: 1,
      aiGenerated: false,
      fileName: 'a',
      publicUrl: 'https://x/a.jpg',
      read: async () => new Uint8Array(),
    };
    const twoPhotos: PublishRequest = { ...post, parts: [{ text: 'two', media: [image, { ...image, id: 'j' }] }] };
    expect(await failure(facebookProvider.publish(context, page, twoPhotos))).toBeInstanceOf(Retryable);
    expect(fake.state.posts.size).toBe(0);
  });

  it('maps a refused connection to Retryable', async () => {
    const port = await freePort();
    const closed = createTestNetworkContext({
      graph: `http://127.0.0.1:${port}/v26.0`,
      video: `http://127.0.0.1:${port}/v26.0`,
      authorize: 'http://127.0.0.1:1/',
    });
    expect(await failure(facebookProvider.publish(closed, page, post))).toBeInstanceOf(Retryable);
  });
});
