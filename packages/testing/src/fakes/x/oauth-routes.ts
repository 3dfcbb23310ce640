/**
 * X's token endpoint (POST /2/oauth2/token) as docs.x.com/fundamentals/authentication/oauth-2-0/
 * authorization-code describes it: form body, confidential clients authenticate with HTTP Basic,
 * PKCE S256 is checked, access tokens live 2 hours, and refresh tokens rotate (a used one is void).
 */
import { pkceChallenge } from '@plume/networks/shared/oauth2';
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { randomToken, type XFakeState } from './state.ts';

const ACCESS_TOKEN_TTL_SECONDS = 7200;

function tokenError(status: number, error: string, description: string): FakeResponse {
  return { status, body: { error, error_description: description } };
}

function clientFrom(request: FakeRequest): { clientId: string; clientSecret: string | undefined } | undefined {
  const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (basic !== undefined) {
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    if (id === undefined || secret === undefined) return undefined;
    return { clientId: decodeURIComponent(id), clientSecret: decodeURIComponent(secret) };
  }
  const form = request.body as Record<string, string> | undefined;
  return form?.['client_id'] === undefined ? undefined : { clientId: form['client_id'], clientSecret: undefined };
}

function issueTokens(state: XFakeState, userId: string, scope: string): FakeResponse {
  const accessToken = randomToken();
  state.accessTokens.set(accessToken, { userId, expiresAt: Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000 });
  const body: Record<string, unknown> = {
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    access_token: accessToken,
    scope,
  };
  if (scope.split(' ').includes('offline.access')) {
    const refreshToken = randomToken();
    state.refreshTokens.set(refreshToken, { userId, scope });
    body['refresh_token'] = refreshToken;
  }
  return { status: 200, body };
}

function handleToken(state: XFakeState, request: FakeRequest): FakeResponse {
  if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
    return tokenError(400, 'invalid_request', 'Missing required parameter [grant_type].');
  }
  const client = clientFrom(request);
  if (client === undefined || client.clientId !== state.client.clientId) {
    return tokenError(401, 'unauthorized_client', 'Missing valid authorization header');
  }
  if (client.clientSecret !== undefined && client.clientSecret !== state.client.clientSecret) {
    return tokenError(401, 'unauthorized_client', 'Missing valid authorization header');
  }
  const form = request.body as Record<string, string>;
  if (form['grant_type'] === 'authorization_code') {
    const code = state.codes.get(form['code'] ?? '');
    state.codes.delete(form['code'] ?? '');
    if (code === undefined || code.redirectUri !== form['redirect_uri']) {
      return tokenError(400, 'invalid_request', 'Value passed for the authorization code was invalid.');
    }
    if (pkceChallenge(form['code_verifier'] ?? '') !== code.codeChallenge) {
      return tokenError(400, 'invalid_request', 'Value passed for the code verifier was invalid.');
    }
    return issueTokens(state, state.user.id, code.scope);
  }
  if (form['grant_type'] === 'refresh_token') {
    const grant = state.refreshTokens.get(form['refresh_token'] ?? '');
    if (grant === undefined) return tokenError(400, 'invalid_request', 'Value passed for the token was invalid.');
    state.refreshTokens.delete(form['refresh_token'] ?? '');
    return issueTokens(state, grant.userId, grant.scope);
  }
  return tokenError(400, 'unsupported_grant_type', 'The grant type is not supported.');
}

/** Routes of X's OAuth 2.0 token endpoint. */
export function xOAuthRoutes(state: XFakeState): FakeRoute[] {
  return [{ method: 'POST', path: '/2/oauth2/token', handler: (request) => handleToken(state, request) }];
}
