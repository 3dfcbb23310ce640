/**
 * TikTok Login Kit in the fake: the consent step (`approve`, standing in for the user on
 * www.tiktok.com/v2/auth/authorize/) and POST /v2/oauth/token/ for the code and refresh grants.
 * Follows developers.tiktok.com/doc/login-kit-web, /doc/login-kit-desktop (hex PKCE challenge),
 * /doc/oauth-user-access-token-management and /doc/oauth-error-handling.
 */
import { createHash } from 'node:crypto';
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { oauthError, token, type TikTokFakeState } from './tiktok-state.ts';

const ACCESS_TTL_SEC = 24 * 60 * 60;
const REFRESH_TTL_SEC = 365 * 24 * 60 * 60;

/**
 * What TikTok does when the user accepts: checks the authorize URL and returns the code and state
 * it would append to the redirect URI. Throws (like TikTok's error page) when the URL is wrong.
 */
export function approveAuthorization(state: TikTokFakeState, authorizeUrl: URL): { code: string; state: string } {
  const params = authorizeUrl.searchParams;
  const need = (name: string): string => {
    const value = params.get(name);
    if (value === null || value.length === 0) throw new Error(`TikTok authorize: missing ${name}`);
    return value;
  };
  if (need('client_key') !== state.clientKey) throw new Error('TikTok authorize: unknown client_key');
  if (need('response_type') !== 'code') throw new Error('TikTok authorize: response_type must be code');
  if (need('code_challenge_method') !== 'S256') throw new Error('TikTok authorize: code_challenge_method must be S256');
  const challenge = need('code_challenge');
  // errCode 10007 "code_challenge": TikTok wants the SHA-256 digest as 64 hex characters.
  if (!/^[0-9a-f]{64}$/.test(challenge))
    throw new Error('TikTok authorize: code_challenge must be a hex SHA-256 digest');
  const code = token('code');
  state.codes.set(code, { redirectUri: need('redirect_uri'), challenge, scopes: need('scope').split(',') });
  return { code, state: need('state') };
}

/** Issues a token pair directly (a shortcut for tests that start connected). */
export function issueTokens(
  state: TikTokFakeState,
  scopes: string[],
  ttlSec = ACCESS_TTL_SEC,
): { accessToken: string; refreshToken: string } {
  const accessToken = token('act');
  const refreshToken = token('rft');
  state.accessTokens.set(accessToken, { scopes, expiresAt: Date.now() + ttlSec * 1000 });
  state.refreshTokens.set(refreshToken, { scopes });
  return { accessToken, refreshToken };
}

function tokenAnswer(state: TikTokFakeState, scopes: string[], refreshToken?: string): FakeResponse {
  const issued = issueTokens(state, scopes);
  if (refreshToken !== undefined) {
    state.refreshTokens.delete(issued.refreshToken);
    state.refreshTokens.set(refreshToken, { scopes });
  }
  return {
    status: 200,
    body: {
      open_id: state.user.open_id,
      scope: scopes.join(','),
      access_token: issued.accessToken,
      expires_in: ACCESS_TTL_SEC,
      refresh_token: refreshToken ?? issued.refreshToken,
      refresh_expires_in: REFRESH_TTL_SEC,
      token_type: 'Bearer',
    },
  };
}

function handleToken(state: TikTokFakeState, request: FakeRequest): FakeResponse {
  if (request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') !== true) {
    return oauthError('invalid_request', 'The request parameters are malformed.');
  }
  const form = (request.body ?? {}) as Record<string, string | undefined>;
  if (form['client_key'] !== state.clientKey || form['client_secret'] !== state.clientSecret) {
    return oauthError('invalid_client', 'Client key or secret is incorrect.');
  }
  if (form['grant_type'] === 'authorization_code') {
    const grant = form['code'] === undefined ? undefined : state.codes.get(form['code']);
    if (grant === undefined) return oauthError('invalid_grant', 'Authorization code is expired.');
    state.codes.delete(form['code'] ?? '');
    if (grant.redirectUri !== form['redirect_uri']) return oauthError('invalid_grant', 'Redirect URI does not match.');
    const verifier = form['code_verifier'] ?? '';
    if (createHash('sha256').update(verifier).digest('hex') !== grant.challenge) {
      return oauthError('invalid_request', 'Code verifier or code challenge is invalid.');
    }
    return tokenAnswer(state, grant.scopes);
  }
  if (form['grant_type'] === 'refresh_token') {
    const old = form['refresh_token'] === undefined ? undefined : state.refreshTokens.get(form['refresh_token']);
    if (old === undefined) return oauthError('invalid_grant', 'Refresh token is invalid or expired.');
    if (state.rotateRefreshTokens) {
      state.refreshTokens.delete(form['refresh_token'] ?? '');
      return tokenAnswer(state, old.scopes);
    }
    return tokenAnswer(state, old.scopes, form['refresh_token']);
  }
  return oauthError('unsupported_grant_type', 'The authorization grant type is not supported.');
}

/** POST /v2/oauth/token/ */
export function tiktokOAuthRoutes(state: TikTokFakeState): FakeRoute[] {
  return [{ method: 'POST', path: '/v2/oauth/token', handler: (request) => handleToken(state, request) }];
}
