/**
 * The "connect account" OAuth flow of Plume's shared helpers (`@plume/networks/shared/oauth2`)
 * against a real authorization server (oidc-provider) on loopback: PKCE S256 + state, code exchange,
 * refresh token rotation with reuse detection, token expiry and revocation seen by a resource server.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAuthorizeUrl,
  createPkcePair,
  exchangeAuthorizationCode,
  refreshAccessToken,
} from '@plume/networks/shared/oauth2';
import type { TokenRequestOptions } from '@plume/networks/shared/oauth2';
import { AuthExpired, Permanent } from '@plume/networks/provider-errors';
import type { TokenSet } from '@plume/networks/contract';
import { createTestNetworkContext } from '../fakes/test-network-context.ts';
import { completeAuthorization, followAuthorization } from './oauth-browser.ts';
import { CookieJar } from './cookie-jar.ts';
import { startOAuthServer } from './oauth-server.ts';
import type { OAuthServer } from './oauth-server.ts';

const REDIRECT_URI = 'https://plume.test/api/v1/accounts/oauth/callback';
const SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'];
const { http } = createTestNetworkContext({});

let server: OAuthServer;
let basicServer: OAuthServer;

beforeAll(async () => {
  [server, basicServer] = await Promise.all([
    startOAuthServer({ redirectUris: [REDIRECT_URI], accessTokenTtlSeconds: 2 }),
    startOAuthServer({ redirectUris: [REDIRECT_URI], tokenEndpointAuthMethod: 'client_secret_basic' }),
  ]);
});

afterAll(async () => {
  await Promise.all([server.close(), basicServer.close()]);
});

function tokenOptions(peer: OAuthServer): TokenRequestOptions {
  return {
    tokenUrl: peer.tokenUrl,
    clientId: peer.client.clientId,
    clientSecret: peer.client.clientSecret,
    clientAuth: peer.client.clientAuth,
    now: new Date(),
  };
}

/** What Plume's connect step does: a PKCE pair and state kept server-side, then the user's browser. */
async function authorize(
  peer: OAuthServer,
  scopes = SCOPES,
): Promise<{
  code: string;
  verifier: string;
  state: string;
  returnedState: string | undefined;
  iss: string | undefined;
}> {
  const { verifier, challenge } = createPkcePair();
  const state = randomBytes(16).toString('base64url');
  const url = buildAuthorizeUrl(peer.authorizeUrl, {
    clientId: peer.client.clientId,
    redirectUri: REDIRECT_URI,
    state,
    scopes,
    codeChallenge: challenge,
  });
  const result = await completeAuthorization(url);
  return { code: result.code, verifier, state, returnedState: result.state, iss: result.iss };
}

async function connect(peer: OAuthServer): Promise<TokenSet> {
  const { code, verifier } = await authorize(peer);
  return exchangeAuthorizationCode(http, {
    ...tokenOptions(peer),
    code,
    redirectUri: REDIRECT_URI,
    codeVerifier: verifier,
  });
}

describe('connect account against oidc-provider', () => {
  it('authorizes with PKCE + state, rejects a wrong verifier, then exchanges the code', async () => {
    const { code, verifier, state, returnedState, iss } = await authorize(server);
    expect(returnedState).toBe(state);
    expect(iss).toBe(server.issuer);

    const wrongVerifier = createPkcePair().verifier;
    await expect(
      exchangeAuthorizationCode(http, {
        ...tokenOptions(server),
        code,
        redirectUri: REDIRECT_URI,
        codeVerifier: wrongVerifier,
      }),
    ).rejects.toBeInstanceOf(AuthExpired);

    // The failed PKCE check does not use the code up.
    const tokens = await exchangeAuthorizationCode(http, {
      ...tokenOptions(server),
      code,
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
    });
    expect(tokens.accessToken).toEqual(expect.any(String));
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.scopes?.toSorted()).toEqual(SCOPES.toSorted());
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(2000);
    expect(await server.isActiveAccessToken(tokens.accessToken)).toBe(true);
    expect(await server.isActiveAccessToken(tokens.refreshToken!)).toBe(false);
    expect(await server.introspect(tokens.accessToken)).toMatchObject({
      active: true,
      sub: server.user.id,
      client_id: server.client.clientId,
    });
  });

  it('refuses a replayed code and revokes what the first exchange issued', async () => {
    const { code, verifier } = await authorize(server);
    const exchange = { ...tokenOptions(server), code, redirectUri: REDIRECT_URI, codeVerifier: verifier };
    const tokens = await exchangeAuthorizationCode(http, exchange);
    await expect(exchangeAuthorizationCode(http, exchange)).rejects.toBeInstanceOf(AuthExpired);
    expect(await server.isActiveAccessToken(tokens.accessToken)).toBe(false);
  });

  it('rotates the refresh token; reusing the old one fails and revokes the grant', async () => {
    const first = await connect(server);
    const second = await refreshAccessToken(http, { ...tokenOptions(server), tokens: first });
    expect(second.refreshToken).toEqual(expect.any(String));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.scopes?.toSorted()).toEqual(SCOPES.toSorted());
    expect(await server.isActiveAccessToken(second.accessToken)).toBe(true);

    await expect(refreshAccessToken(http, { ...tokenOptions(server), tokens: first })).rejects.toBeInstanceOf(
      AuthExpired,
    );
    // Reuse detection revoked the whole grant: the rotated refresh token and its access token too.
    await expect(refreshAccessToken(http, { ...tokenOptions(server), tokens: second })).rejects.toBeInstanceOf(
      AuthExpired,
    );
    expect(await server.isActiveAccessToken(second.accessToken)).toBe(false);
  });

  it('lets access tokens expire, and a refresh brings a live one', async () => {
    const tokens = await connect(server);
    expect(await server.isActiveAccessToken(tokens.accessToken)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await server.isActiveAccessToken(tokens.accessToken)).toBe(false);
    const refreshed = await refreshAccessToken(http, { ...tokenOptions(server), tokens });
    expect(await server.isActiveAccessToken(refreshed.accessToken)).toBe(true);
  });

  it('revoking the refresh token (user removed the app) ends the connection', async () => {
    const tokens = await connect(server);
    await server.revoke(tokens.refreshToken!, 'refresh_token');
    expect(await server.isActiveAccessToken(tokens.accessToken)).toBe(false);
    await expect(refreshAccessToken(http, { ...tokenOptions(server), tokens })).rejects.toBeInstanceOf(AuthExpired);
  });

  it('authenticates the client with HTTP Basic when registered so', async () => {
    const tokens = await connect(basicServer);
    expect(await basicServer.isActiveAccessToken(tokens.accessToken)).toBe(true);
    const refreshed = await refreshAccessToken(http, { ...tokenOptions(basicServer), tokens });
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
  });

  it('refuses client credentials sent the way the client is not registered for', async () => {
    const basic = await authorize(basicServer);
    const inBody = exchangeAuthorizationCode(http, {
      ...tokenOptions(basicServer),
      clientAuth: 'body',
      code: basic.code,
      redirectUri: REDIRECT_URI,
      codeVerifier: basic.verifier,
    });
    await expect(inBody).rejects.toThrow(/client_secret_basic/);
    const post = await authorize(server);
    const inHeader = exchangeAuthorizationCode(http, {
      ...tokenOptions(server),
      clientAuth: 'basic',
      code: post.code,
      redirectUri: REDIRECT_URI,
      codeVerifier: post.verifier,
    });
    await expect(inHeader).rejects.toThrow(/client_secret_post/);
  });

  // The token endpoint's 401 invalid_client (wrong app secret, RFC 6749 §5.2) is a setup problem: it
  // must not disconnect every account as if their tokens had expired.
  it('treats a wrong client secret as a setup problem (Permanent), not an expired account', async () => {
    const { code, verifier } = await authorize(server);
    const attempt = exchangeAuthorizationCode(http, {
      ...tokenOptions(server),
      clientSecret: 'wrong',
      code,
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
    });
    await expect(attempt).rejects.toBeInstanceOf(Permanent);
  });
});

describe('the authorization page', () => {
  it('sends the user back with access_denied and the state when they cancel', async () => {
    const url = buildAuthorizeUrl(server.authorizeUrl, {
      clientId: server.client.clientId,
      redirectUri: REDIRECT_URI,
      state: 's1',
      scopes: SCOPES,
      codeChallenge: createPkcePair().challenge,
    });
    const landed = await followAuthorization(url, { decision: 'deny' });
    expect(landed.origin + landed.pathname).toBe(REDIRECT_URI);
    expect(landed.searchParams.get('error')).toBe('access_denied');
    expect(landed.searchParams.get('state')).toBe('s1');
  });

  it('requires PKCE', async () => {
    const url = buildAuthorizeUrl(server.authorizeUrl, {
      clientId: server.client.clientId,
      redirectUri: REDIRECT_URI,
      state: 's2',
      scopes: SCOPES,
    });
    const landed = await followAuthorization(url);
    expect(landed.searchParams.get('error')).toBe('invalid_request');
    await expect(completeAuthorization(url)).rejects.toThrow(/PKCE/);
  });

  it('shows an error page, not a redirect, for an unregistered redirect_uri', async () => {
    const url = buildAuthorizeUrl(server.authorizeUrl, {
      clientId: server.client.clientId,
      redirectUri: 'https://evil.test/cb',
      state: 's3',
      scopes: SCOPES,
      codeChallenge: createPkcePair().challenge,
    });
    await expect(completeAuthorization(url)).rejects.toThrow(/redirect_uri/);
  });

  it('skips login and consent for a browser that already granted them', async () => {
    const jar = new CookieJar();
    const pkce = createPkcePair();
    const build = (challenge: string): URL =>
      buildAuthorizeUrl(server.authorizeUrl, {
        clientId: server.client.clientId,
        redirectUri: REDIRECT_URI,
        state: 's4',
        scopes: SCOPES,
        codeChallenge: challenge,
      });
    await completeAuthorization(build(createPkcePair().challenge), { jar });
    // Had the login form been shown again, this name would have become the account.
    const again = await completeAuthorization(build(pkce.challenge), { jar, login: 'someone-else' });
    const tokens = await exchangeAuthorizationCode(http, {
      ...tokenOptions(server),
      code: again.code,
      redirectUri: REDIRECT_URI,
      codeVerifier: pkce.verifier,
    });
    expect((await server.introspect(tokens.accessToken)).sub).toBe(server.user.id);
  });

  it('grants only the scopes the server knows', async () => {
    const { code, verifier } = await authorize(server, ['tweet.read', 'not.a.scope']);
    const tokens = await exchangeAuthorizationCode(http, {
      ...tokenOptions(server),
      code,
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
    });
    expect(tokens.scopes).toEqual(['tweet.read']);
  });
});
