import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPkcePair } from '../shared/oauth2.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { xProvider } from './provider.ts';
import { startXTestBed, type XTestBed } from './test-support/x-test-bed.ts';

const redirectUri = 'https://plume.example/api/v1/accounts/oauth/callback';
const oauth = xProvider.oauth!;
let bed: XTestBed;

beforeEach(async () => {
  bed = await startXTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

describe('X connect', () => {
  it('builds the authorize URL with PKCE S256, state and the scopes', () => {
    const url = oauth.authorizeUrl(bed.context, { state: 'state-123', codeChallenge: 'challenge-abc', redirectUri });
    expect(url.origin + url.pathname).toBe(bed.fake.endpoints.authorize);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'x-client-id',
      redirect_uri: redirectUri,
      state: 'state-123',
      scope: 'tweet.read tweet.write users.read offline.access media.write tweet.moderate.write',
      code_challenge: 'challenge-abc',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with Basic client auth and lists the one identity', async () => {
    const pkce = createPkcePair();
    const code = bed.fake.authorize({
      codeChallenge: pkce.challenge,
      redirectUri,
      scope: 'tweet.read tweet.write users.read offline.access media.write tweet.moderate.write',
    });
    const tokens = await oauth.exchangeCode(bed.context, { code, codeVerifier: pkce.verifier, redirectUri });

    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 7_000_000);
    expect(tokens.scopes).toContain('offline.access');
    const tokenRequest = bed.fake.server.requests[0];
    const basic = Buffer.from('x-client-id:x-client-secret').toString('base64');
    expect(tokenRequest?.headers.authorization).toBe(`Basic ${basic}`);
    expect(tokenRequest?.body).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: pkce.verifier,
    });

    const identities = await oauth.listIdentities(bed.context, tokens, {});
    expect(identities).toHaveLength(1);
    expect(identities[0]).toMatchObject({
      externalId: '2244994945',
      handle: 'plume_test',
      metadata: { username: 'plume_test' },
    });
  });

  it('refuses a wrong code verifier', async () => {
    const code = bed.fake.authorize({ codeChallenge: createPkcePair().challenge, redirectUri, scope: 'tweet.read' });
    await expect(
      oauth.exchangeCode(bed.context, { code, codeVerifier: 'not-the-verifier', redirectUri }),
    ).rejects.toBeInstanceOf(Permanent);
  });

  it('says plainly when the server has no X app configured', () => {
    const context = createTestNetworkContext(bed.fake.endpoints);
    expect(() => oauth.authorizeUrl(context, { state: 's', codeChallenge: 'c', redirectUri })).toThrow(/X_CLIENT_ID/);
  });
});

describe('X token refresh', () => {
  it('rotates the refresh token, and the old one stops working', async () => {
    const refreshed = await oauth.refresh(bed.context, bed.account.tokens, bed.account.metadata);

    expect(refreshed.accessToken).not.toBe(bed.account.tokens.accessToken);
    expect(refreshed.refreshToken).not.toBe(bed.account.tokens.refreshToken);
    expect(bed.fake.server.requests[0]?.body).toEqual({
      grant_type: 'refresh_token',
      refresh_token: bed.account.tokens.refreshToken,
    });
    await expect(oauth.refresh(bed.context, bed.account.tokens, {})).rejects.toBeInstanceOf(AuthExpired);
    await expect(xProvider.health(bed.context, { ...bed.account, tokens: refreshed })).resolves.toMatchObject({
      handle: 'plume_test',
    });
  });

  it('keeps the old refresh token when X sends none', async () => {
    bed.fake.server.failNext({
      status: 200,
      body: { token_type: 'bearer', expires_in: 7200, access_token: 'new-access', scope: 'tweet.read' },
    });
    const refreshed = await oauth.refresh(bed.context, bed.account.tokens, {});
    expect(refreshed).toMatchObject({ accessToken: 'new-access', refreshToken: bed.account.tokens.refreshToken });
  });

  it('treats a rejected refresh token (invalid_grant) as AuthExpired', async () => {
    bed.fake.server.failNext({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Token was revoked.' },
    });
    await expect(oauth.refresh(bed.context, bed.account.tokens, {})).rejects.toBeInstanceOf(AuthExpired);
  });
});
