import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedditFake, REDDIT_TEST_SCOPES, type RedditFake } from '@plume/testing/fakes/reddit';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { NetworkContext, PublishRequest } from '../contract.ts';
import { redditManifest } from './manifest.ts';
import { redditProvider as provider } from './provider.ts';
import { PartlyPublished } from '../shared/partly-published.ts';

let fake: RedditFake;
let context: NetworkContext;
const userAgent = 'server:plume.fakeRedditClient:v0.1.0 (by /u/plume_tester)';

beforeAll(async () => {
  fake = await startRedditFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app });
});
afterAll(async () => fake.close());
beforeEach(() => fake.server.reset());

function post(
  settings: Record<string, unknown> = { subreddit: 'test' },
  overrides: Partial<PublishRequest> = {},
): PublishRequest {
  return {
    parts: [{ text: 'Plume 1.0 is out\nSelf-hosted scheduling for everyone.', media: [] }],
    settings: redditManifest.settings.parse(settings),
    idempotencyKey: 'target-1',
    ...overrides,
  };
}

describe('reddit connect', () => {
  it('builds the authorize URL: permanent duration, scopes, state, and no PKCE (Reddit has none)', () => {
    const url = provider.oauth!.authorizeUrl(context, {
      state: 'st',
      codeChallenge: 'ch',
      redirectUri: 'https://plume.example/cb',
    });
    expect(url.origin + url.pathname).toBe('https://www.reddit.com/api/v1/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'fakeRedditClient',
      redirect_uri: 'https://plume.example/cb',
      state: 'st',
      scope: REDDIT_TEST_SCOPES.join(' '),
      duration: 'permanent',
    });
    expect(provider.manifest.auth).toMatchObject({ kind: 'oauth2', pkce: false, refresh: 'reusable' });
  });

  it('exchanges the code with HTTP Basic client auth and a descriptive User-Agent, then reads /api/v1/me', async () => {
    const code = fake.issueCode('https://plume.example/cb');
    const tokens = await provider.oauth!.exchangeCode(context, {
      code,
      codeVerifier: 'unused',
      redirectUri: 'https://plume.example/cb',
    });
    expect(tokens).toMatchObject({ refreshToken: expect.any(String), scopes: REDDIT_TEST_SCOPES });
    const tokenCall = fake.server.requests[0]!;
    expect(tokenCall.headers.authorization).toBe(
      `Basic ${Buffer.from('fakeRedditClient:fake-reddit-secret').toString('base64')}`,
    );
    expect(tokenCall.headers['user-agent']).toBe('server:plume.fakeRedditClient:v0.1.0');
    expect(tokenCall.body).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://plume.example/cb',
    });

    const [identity] = await provider.oauth!.listIdentities(context, tokens, {});
    expect(identity).toEqual({
      externalId: '1a2b3c',
      handle: 'u/plume_tester',
      displayName: 'plume_tester',
      kind: 'profile',
      avatarUrl: 'https://styles.redditmedia.com/t5_x/avatar.png?width=256&s=abc',
      profileUrl: 'https://www.reddit.com/user/plume_tester',
      metadata: { username: 'plume_tester' },
    });
  });

  it('a used code (200 {"error": "invalid_grant"}) is AuthExpired, not a crash', async () => {
    await expect(
      provider.oauth!.exchangeCode(context, {
        code: 'nope',
        codeVerifier: '',
        redirectUri: 'https://plume.example/cb',
      }),
    ).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('refreshes keeping the refresh token; a revoked one is AuthExpired; wrong app credentials are Permanent', async () => {
    const account = fake.account();
    const refreshed = await provider.oauth!.refresh(context, account.tokens, account.metadata);
    expect(refreshed.accessToken).not.toBe(account.tokens.accessToken);
    expect(refreshed.refreshToken).toBe(account.tokens.refreshToken);
    expect(fake.server.requests.at(-1)!.body).toEqual({
      grant_type: 'refresh_token',
      refresh_token: account.tokens.refreshToken,
    });
    fake.state.refreshTokens.clear();
    await expect(provider.oauth!.refresh(context, account.tokens, account.metadata)).rejects.toMatchObject({
      kind: 'auth_expired',
    });
    const wrongApp = createTestNetworkContext(fake.endpoints, {
      app: { clientId: 'fakeRedditClient', clientSecret: 'wrong' },
    });
    await expect(provider.oauth!.refresh(wrongApp, account.tokens, account.metadata)).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('REDDIT_CLIENT_SECRET'),
    });
  });
});

describe('reddit publish', () => {
  it('submits a self post: first line as title, the rest as body, with the documented form fields', async () => {
    const account = fake.account();
    const result = await provider.publish(
      context,
      account,
      post({ subreddit: 'r/test', flair_id: 'abc-123', nsfw: true }),
    );
    const request = fake.server.requests.find((candidate) => candidate.path === '/api/submit')!;
    expect(request.bearer).toBe(account.tokens.accessToken);
    expect(request.headers['user-agent']).toBe(userAgent);
    expect(request.body).toEqual({
      api_type: 'json',
      sr: 'test',
      kind: 'self',
      title: 'Plume 1.0 is out',
      text: 'Self-hosted scheduling for everyone.',
      resubmit: 'true',
      sendreplies: 'true',
      nsfw: 'true',
      spoiler: 'false',
      flair_id: 'abc-123',
    });
    const stored = fake.state.posts.get(result.remoteId)!;
    expect(result).toEqual({
      remoteId: stored.name,
      url: `https://www.reddit.com/r/test/comments/${stored.id}/plume_1_0_is_out/`,
      extra: [],
    });
  });

  it('submits a link post with the explicit title and adds the first comment', async () => {
    const result = await provider.publish(
      context,
      fake.account(),
      post(
        { subreddit: 'test', kind: 'link' },
        {
          title: 'Plume, a self-hosted autopilot',
          link: 'https://plume.example/',
          firstComment: 'Happy to answer questions!',
        },
      ),
    );
    const stored = fake.state.posts.get(result.remoteId)!;
    expect(stored).toMatchObject({
      kind: 'link',
      title: 'Plume, a self-hosted autopilot',
      url: 'https://plume.example/',
    });
    expect(stored.form).not.toHaveProperty('text');
    const commentCall = fake.server.requests.find((candidate) => candidate.path === '/api/comment')!;
    expect(commentCall.body).toEqual({ api_type: 'json', thing_id: stored.name, text: 'Happy to answer questions!' });
    expect(result.extra).toEqual([
      {
        remoteId: stored.comments[0]!.name,
        url: expect.stringMatching(/^https:\/\/www\.reddit\.com\/r\/test\/comments\/\w+\/comment\/\w+\/$/),
      },
    ]);
  });

  it('keeps the post when the first comment fails (no second post on retry)', async () => {
    fake.server.failNext({ status: 500, match: (request) => request.path === '/api/comment' });
    const error = await provider
      .publish(context, fake.account(), post(undefined, { firstComment: 'hi' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartlyPublished);
    const { published } = error as PartlyPublished;
    expect(published.extra).toEqual([]);
    expect(fake.state.posts.has(published.remoteId)).toBe(true);
  });

  it('validates: a subreddit is required, a title, a link for link posts, no media', () => {
    expect(provider.validate!(post({}))).toEqual([
      { path: 'settings.subreddit', message: 'Reddit needs a subreddit to post in.' },
    ]);
    expect(provider.validate!(post({ subreddit: 'test', kind: 'link' }))).toEqual([
      expect.objectContaining({ path: 'link' }),
    ]);
    expect(provider.validate!(post({ subreddit: 'test' }, { parts: [{ text: '', media: [] }] }))).toEqual([
      expect.objectContaining({ path: 'title' }),
    ]);
    expect(provider.validate!(post({ subreddit: 'no spaces allowed' }))).toEqual([
      expect.objectContaining({ path: 'settings.subreddit' }),
    ]);
    expect(provider.validate!(post())).toEqual([]);
  });
});

describe('reddit delete and health', () => {
  it('deletes with /api/del id=t3_…; deleting again succeeds', async () => {
    const account = fake.account();
    const { remoteId } = await provider.publish(context, account, post());
    await provider.delete(context, account, remoteId);
    expect(fake.state.posts.get(remoteId)!.deleted).toBe(true);
    expect(fake.server.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/del', body: { id: remoteId } });
    expect(fake.server.requests.at(-1)!.headers['user-agent']).toBe(userAgent);
    await expect(provider.delete(context, account, remoteId)).resolves.toBeUndefined();
  });

  it('health reads /api/v1/me and notices another account', async () => {
    const account = fake.account();
    await expect(provider.health(context, account)).resolves.toMatchObject({
      externalId: '1a2b3c',
      handle: 'u/plume_tester',
    });
    await expect(provider.health(context, { ...account, externalId: 'someone-else' })).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'account_changed',
    });
  });
});
