import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedditFake, type RedditFake } from '@plume/testing/fakes/reddit';
import { freePort } from '@plume/testing/free-port';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { NetworkContext, PublishRequest } from '../contract.ts';
import { isProviderError } from '../provider-errors.ts';
import { parseWait } from './errors.ts';
import { redditManifest } from './manifest.ts';
import { redditProvider as provider } from './provider.ts';

let fake: RedditFake;
let context: NetworkContext;

beforeAll(async () => {
  fake = await startRedditFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app });
});
afterAll(async () => fake.close());
beforeEach(() => fake.server.reset());

function post(settings: Record<string, unknown> = { subreddit: 'test' }, link?: string): PublishRequest {
  return {
    parts: [{ text: 'A title\nA body', media: [] }],
    settings: redditManifest.settings.parse(settings),
    idempotencyKey: 'k',
    ...(link === undefined ? {} : { link }),
  };
}
const onSubmit = { match: (request: { path: string }) => request.path === '/api/submit' };

describe('reddit error mapping', () => {
  it('401 is AuthExpired', async () => {
    const account = fake.account();
    fake.state.accessTokens.clear();
    await expect(provider.publish(context, account, post())).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('403 is Permanent in plain words (a missing scope, a suspended account)', async () => {
    await expect(provider.publish(context, fake.account(['identity']), post())).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'FORBIDDEN',
      reason: expect.stringContaining('suspended or not allowed'),
    });
  });

  it('200 + json.errors become typed errors with plain words', async () => {
    await expect(provider.publish(context, fake.account(), post({ subreddit: 'nosuchsub' }))).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'SUBREDDIT_NOEXIST',
      reason: 'The subreddit r/nosuchsub does not exist.',
    });
    await expect(
      provider.publish(
        context,
        fake.account(),
        post({ subreddit: 'textonly', kind: 'link' }, 'https://plume.example/'),
      ),
    ).rejects.toMatchObject({
      vendorCode: 'NO_LINKS',
      reason: 'r/textonly only allows text posts.',
    });
    await expect(provider.publish(context, fake.account(), post({ subreddit: 'flaired' }))).rejects.toMatchObject({
      vendorCode: 'SUBMIT_VALIDATION_FLAIR_REQUIRED',
    });
    expect(fake.state.posts.size).toBe(0);
  });

  it('RATELIMIT "try again in N minutes" is RateLimited for that long', async () => {
    fake.state.ratelimitNextSubmit =
      "Looks like you've been doing that a lot. Take a break for 9 minutes before trying again.";
    await expect(provider.publish(context, fake.account(), post())).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 540_000,
      scope: 'account',
    });
    expect(parseWait('you are doing that too much. try again in 45 seconds.')).toBe(45_000);
    expect(parseWait('try again in 1 minute')).toBe(60_000);
  });

  it('429 waits for Retry-After, else for X-Ratelimit-Reset; the whole app is throttled', async () => {
    fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '12' },
      body: { message: 'Too Many Requests', error: 429 },
      ...onSubmit,
    });
    await expect(provider.publish(context, fake.account(), post())).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 12_000,
      scope: 'app',
    });
    fake.server.failNext({
      status: 429,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '600', 'x-ratelimit-reset': '87' },
      body: { message: 'Too Many Requests', error: 429 },
      ...onSubmit,
    });
    await expect(provider.publish(context, fake.account(), post())).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 87_000,
    });
  });

  it('5xx is Retryable', async () => {
    fake.server.failNext({ status: 503, body: '<html>all our servers are busy</html>', ...onSubmit });
    await expect(provider.publish(context, fake.account(), post())).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('a malformed 2xx or a dropped connection after the submit is not a typed error', async () => {
    fake.server.malformNext(onSubmit);
    const malformed: unknown = await provider.publish(context, fake.account(), post()).catch((error: unknown) => error);
    expect(isProviderError(malformed)).toBe(false);
    fake.server.dropNext(onSubmit);
    const dropped: unknown = await provider.publish(context, fake.account(), post()).catch((error: unknown) => error);
    expect(dropped).toBeInstanceOf(Error);
    expect(isProviderError(dropped)).toBe(false);
    expect(fake.state.posts.size).toBe(2);
  });

  it('a refused connection is Retryable', async () => {
    const offline = createTestNetworkContext(
      { ...fake.endpoints, api: `http://127.0.0.1:${await freePort()}` },
      { app: fake.app },
    );
    await expect(provider.publish(offline, fake.account(), post())).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('says plainly when the Reddit app is not configured', () => {
    const bare = createTestNetworkContext(fake.endpoints);
    expect(() =>
      provider.oauth!.authorizeUrl(bare, { state: 's', codeChallenge: 'c', redirectUri: 'https://x/cb' }),
    ).toThrow(/REDDIT_CLIENT_ID/);
  });
});
