import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFacebookFake, type FacebookFake } from '@plume/testing/fakes/facebook';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { NetworkContext } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { facebookProvider } from './provider.ts';

const oauth = facebookProvider.oauth!;
const redirectUri = 'https://plume.example/api/v1/accounts/oauth/callback';

describe('Facebook connect', () => {
  let fake: FacebookFake;
  let context: NetworkContext;

  beforeAll(async () => {
    fake = await startFacebookFake();
    context = createTestNetworkContext(fake.endpoints, {
      app: { clientId: fake.state.appId, clientSecret: fake.state.appSecret },
    });
  });
  afterAll(async () => fake.close());
  beforeEach(() => fake.server.reset());

  it('builds the Login dialog URL with state and comma-separated scopes (no PKCE on the server flow)', () => {
    expect(facebookProvider.manifest.auth).toMatchObject({ kind: 'oauth2', pkce: false, refresh: 'none' });
    const url = oauth.authorizeUrl(context, { state: 'st', codeChallenge: 'c', redirectUri });
    expect(url.pathname).toBe('/v26.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'fb-app',
      redirect_uri: redirectUri,
      state: 'st',
      scope:
        'pages_show_list,pages_read_engagement,pages_manage_posts,business_management,pages_manage_engagement,publish_video,read_insights,pages_read_user_content,pages_messaging',
    });
  });

  it('exchanges the code, then trades the short token for a long-lived one', async () => {
    const now = new Date('2026-11-22T00:00:00Z');
    const tokens = await oauth.exchangeCode(
      { ...context, now: () => now },
      { code: fake.issueCode(redirectUri), codeVerifier: 'v', redirectUri },
    );
    expect(tokens.accessToken).toMatch(/^EAAUserLong/);
    expect(tokens.expiresAt?.getTime()).toBe(now.getTime() + 5_183_944_000);
    const [exchange, longLived] = fake.server.requests;
    expect(Object.fromEntries(exchange?.query ?? [])).toMatchObject({
      client_id: 'fb-app',
      client_secret: 'fb-secret',
      redirect_uri: redirectUri,
    });
    expect(longLived?.query.get('grant_type')).toBe('fb_exchange_token');
  });

  it('rejects a code issued for another redirect URI', async () => {
    const code = fake.issueCode('https://elsewhere.example/cb');
    await expect(oauth.exchangeCode(context, { code, codeVerifier: 'v', redirectUri })).rejects.toBeInstanceOf(
      Permanent,
    );
  });

  it('lists the Pages the user can post to, each with its own Page token, across result pages', async () => {
    fake.state.pages.set('303', {
      id: '303',
      name: 'Second Shop',
      username: 'secondshop',
      token: 'EAAPage303',
      tasks: ['CREATE_CONTENT'],
    });
    const identities = await oauth.listIdentities(context, { accessToken: fake.issueUserToken() }, {});
    fake.state.pages.delete('303');
    expect(identities.map((identity) => identity.externalId)).toEqual(['101', '303']);
    expect(identities[0]).toEqual({
      externalId: '101',
      handle: 'bakeryonmain',
      displayName: 'Bakery on Main',
      kind: 'page',
      profileUrl: 'https://www.facebook.com/bakeryonmain',
      avatarUrl: 'https://scontent.example/101.jpg',
      tokens: { accessToken: fake.state.pages.get('101')?.token },
      metadata: { pageId: '101' },
    });
    expect(identities[0]?.tokens?.expiresAt).toBeUndefined();
  });

  it('has nothing to refresh: a rejected Page token means reconnect', async () => {
    await expect(oauth.refresh(context, { accessToken: 'EAAPage101' }, {})).rejects.toBeInstanceOf(AuthExpired);
    expect(fake.server.requests).toEqual([]);
  });

  it('says plainly when the server has no Facebook app', () => {
    expect(() =>
      oauth.authorizeUrl(createTestNetworkContext(fake.endpoints), { state: 's', codeChallenge: 'c', redirectUri }),
    ).toThrow(/FACEBOOK_APP_ID/);
  });
});
