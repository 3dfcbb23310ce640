/**
 * Pinterest OAuth in the fake: the consent step (`approve`, standing in for www.pinterest.com/oauth/)
 * and POST /v5/oauth/token with HTTP Basic client auth, for the code and refresh grants.
 * Follows developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization and
 * the v5 OpenAPI `oauth/token` (OauthAccessTokenResponse, continuous refresh / everlasting_refresh).
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { pinterestError, randomToken, type PinterestFakeState } from './pinterest-state.ts';

const ACCESS_TTL_SEC = 30 * 24 * 60 * 60;
const REFRESH_TTL_SEC = 365 * 24 * 60 * 60;
const CONTINUOUS_REFRESH_TTL_SEC = 60 * 24 * 60 * 60;

/** The user accepts: checks the authorize URL and returns the code and state of the redirect. */
export function approvePinterest(state: PinterestFakeState, authorizeUrl: URL): { code: string; state: string } {
  const params = authorizeUrl.searchParams;
  const need = (name: string): string => {
    const value = params.get(name);
    if (value === null || value.length === 0) throw new Error(`Pinterest authorize: missing ${name}`);
    return value;
  };
  if (need('client_id') !== state.appId) throw new Error('Pinterest authorize: unknown client_id');
  if (need('response_type') !== 'code') throw new Error('Pinterest authorize: response_type must be code');
  const code = randomToken('code');
  state.codes.set(code, { redirectUri: need('redirect_uri'), scopes: need('scope').split(',') });
  return { code, state: need('state') };
}

/** Issues a token pair directly (for tests that start connected). */
export function issuePinterestTokens(
  state: PinterestFakeState,
  scopes: string[],
): { accessToken: string; refreshToken: string } {
  const accessToken = randomToken('pina');
  const refreshToken = randomToken('pinr');
  state.accessTokens.set(accessToken, { scopes, expiresAt: Date.now() + ACCESS_TTL_SEC * 1000 });
  state.refreshTokens.set(refreshToken, { scopes });
  return { accessToken, refreshToken };
}

function basicClient(request: FakeRequest): { id: string; secret: string } | undefined {
  const match = /^Basic (.+)$/i.exec(request.headers.authorization ?? '');
  if (match?.[1] === undefined) return undefined;
  const [id, ...rest] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
  return id === undefined ? undefined : { id, secret: rest.join(':') };
}

function handleToken(state: PinterestFakeState, request: FakeRequest): FakeResponse {
  const client = basicClient(request);
  if (client?.id !== state.appId || client.secret !== state.appSecret)
    return pinterestError(401, 2, 'Authentication failed.');
  const form = (request.body ?? {}) as Record<string, string | undefined>;
  if (form['grant_type'] === 'authorization_code') {
    const grant = form['code'] === undefined ? undefined : state.codes.get(form['code']);
    state.codes.delete(form['code'] ?? '');
    if (grant === undefined || grant.redirectUri !== form['redirect_uri'])
      return pinterestError(400, 1, 'Invalid authorization code or redirect_uri.');
    const issued = issuePinterestTokens(state, grant.scopes);
    return {
      status: 200,
      body: {
        access_token: issued.accessToken,
        refresh_token: issued.refreshToken,
        response_type: 'authorization_code',
        token_type: 'bearer',
        expires_in: ACCESS_TTL_SEC,
        refresh_token_expires_in: REFRESH_TTL_SEC,
        scope: grant.scopes.join(','),
      },
    };
  }
  if (form['grant_type'] === 'refresh_token') {
    const old = form['refresh_token'] === undefined ? undefined : state.refreshTokens.get(form['refresh_token']);
    if (old === undefined) return pinterestError(400, 1, 'Invalid refresh token.');
    const issued = issuePinterestTokens(state, old.scopes);
    state.refreshTokens.delete(issued.refreshToken);
    const body: Record<string, unknown> = {
      access_token: issued.accessToken,
      response_type: 'refresh_token',
      token_type: 'bearer',
      expires_in: ACCESS_TTL_SEC,
      scope: old.scopes.join(','),
    };
    if (state.continuousRefresh) {
      state.refreshTokens.delete(form['refresh_token'] ?? '');
      state.refreshTokens.set(issued.refreshToken, old);
      Object.assign(body, {
        refresh_token: issued.refreshToken,
        refresh_token_expires_in: CONTINUOUS_REFRESH_TTL_SEC,
        refresh_token_expires_at: Math.floor(Date.now() / 1000) + CONTINUOUS_REFRESH_TTL_SEC,
      });
    }
    return { status: 200, body };
  }
  return pinterestError(400, 1, 'Unsupported grant_type.');
}

/** POST /v5/oauth/token */
export function pinterestOAuthRoutes(state: PinterestFakeState): FakeRoute[] {
  return [{ method: 'POST', path: '/v5/oauth/token', handler: (request) => handleToken(state, request) }];
}
