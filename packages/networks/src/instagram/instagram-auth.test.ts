import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startInstagramFake, type InstagramFake } from '@plume/testing/fakes/instagram';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { NetworkContext } from '../contract.ts';
import { AuthExpired, Permanent, RateLimited } from '../provider-errors.ts';
import { instagramProvider } from './provider.ts';

const oauth = instagramProvider.oauth!;
const redirectUri = 'https://plume.example/api/v1/accounts/oauth/callback';

describe('Instagram connect, refresh and health', () => {
  let fake: InstagramFake;
  let context: NetworkContext;

  beforeAll(async () => {
    fake = await startInstagramFake();
    context = createTestNetworkContext(fake.endpoints, {
      app: { clientId: fake.state.appId, clientSecret: fake.state.appSecret },
    });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.wrapCodeAnswer = true;
    fake.state.quota.usage = 0;
  });

  it('builds the Business Login URL with state and comma-separated scopes (no PKCE)', () => {
    expect(instagramProvider.manifest.auth).toMatchObject({ kind: 'oauth2', pkce: false });
    const url = oauth.authorizeUrl(context, { state: 'st', codeChallenge: 'c', redirectUri });
    expect(url.origin + url.pathname).toBe(fake.endpoints.authorize);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'ig-app',
      redirect_uri: redirectUri,
      state: 'st',
      scope:
        'instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments,instagram_business_manage_insights,instagram_business_manage_messages',
    });
  });

  it.each([true, false])(
    'exchanges the code and trades it for a 60-day token (answer wrapped in data: %s)',
    async (wrapped) => {
      fake.state.wrapCodeAnswer = wrapped;
      const now = new Date('2026-11-22T00:00:00Z');
      const tokens = await oauth.exchangeCode(
        { ...context, now: () => now },
        { code: fake.issueCode(redirectUri), codeVerifier: 'v', redirectUri },
      );
      expect(tokens.accessToken).toMatch(/^IGAALong/);
      expect(tokens.expiresAt?.getTime()).toBe(now.getTime() + 5_183_944_000);
      expect(tokens.scopes).toEqual([
        'instagram_business_basic',
        'instagram_business_content_publish',
        'instagram_business_manage_comments',
      ]);
      const [code, exchange] = fake.server.requests;
      expect(code?.body).toMatchObject({
        client_id: 'ig-app',
        client_secret: 'ig-secret',
        grant_type: 'authorization_code',
        redirect_uri: redirectUri,
      });
      expect(exchange?.query.get('grant_type')).toBe('ig_exchange_token');
    },
  );

  it('reports a bad code in the words of api.instagram.com', async () => {
    const error = await oauth
      .exchangeCode(context, { code: 'wrong', codeVerifier: 'v', redirectUri })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Permanent);
    expect((error as Permanent).reason).toMatch(/Invalid authorization code/);
  });

  it('refreshes the long-lived token with itself, and a dead token is AuthExpired', async () => {
    const token = fake.issueToken();
    const now = new Date('2026-11-22T00:00:00Z');
    const refreshed = await oauth.refresh(
      { ...context, now: () => now },
      { accessToken: token, scopes: ['instagram_business_basic'] },
      {},
    );
    expect(refreshed.accessToken).not.toBe(token);
    expect(refreshed.expiresAt?.getTime()).toBe(now.getTime() + 5_184_000_000);
    expect(refreshed.scopes).toEqual(['instagram_business_basic']);
    expect(fake.server.requests.at(-1)?.query.get('grant_type')).toBe('ig_refresh_token');
    await expect(oauth.refresh(context, { accessToken: 'dead' }, {})).rejects.toBeInstanceOf(AuthExpired);
  });

  it('lists the professional account with the id publishing uses', async () => {
    const identities = await oauth.listIdentities(context, { accessToken: fake.issueToken() }, {});
    expect(identities).toEqual([
      {
        externalId: '17841400000000001',
        handle: 'bakery.ig',
        displayName: 'Bakery on Main',
        kind: 'business',
        profileUrl: 'https://www.instagram.com/bakery.ig/',
        avatarUrl: 'https://scontent.cdninstagram.example/bakery.jpg',
        metadata: { igUserId: '17841400000000001', accountType: 'BUSINESS' },
      },
    ]);
  });

  it('reports the publishing quota in health, and RateLimited once it is used up', async () => {
    const account = {
      externalId: '17841400000000001',
      tokens: { accessToken: fake.issueToken() },
      metadata: { igUserId: '17841400000000001' },
    };
    fake.state.quota.usage = 3;
    const identity = await instagramProvider.health(context, account);
    expect(identity.metadata).toMatchObject({ publishQuotaUsage: '3', publishQuotaTotal: '100' });
    fake.state.quota.usage = 100;
    await expect(instagramProvider.health(context, account)).rejects.toBeInstanceOf(RateLimited);
    await expect(
      instagramProvider.health(context, { ...account, tokens: { accessToken: 'dead' } }),
    ).rejects.toBeInstanceOf(AuthExpired);
  });

  it('says plainly when the server has no Instagram app', () => {
    expect(() =>
      oauth.authorizeUrl(createTestNetworkContext(fake.endpoints), { state: 's', codeChallenge: 'c', redirectUri }),
    ).toThrow(/INSTAGRAM_APP_ID/);
  });
});
