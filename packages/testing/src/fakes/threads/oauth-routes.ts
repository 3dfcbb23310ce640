/**
 * Threads tokens (developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions,
 * …/long-lived-tokens): POST /oauth/access_token (form: client_id, client_secret, grant_type,
 * redirect_uri, code → `{access_token, user_id}`, valid 1 hour), GET /access_token
 * (th_exchange_token → 60-day token) and GET /refresh_access_token (th_refresh_token).
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { graphError, invalidToken, paramsOf } from './responses.ts';
import { randomToken, type ThreadsFakeState } from './state.ts';

const HOUR_MS = 3_600_000;
const LONG_LIVED_SECONDS = 5_183_944;

function exchangeCode(state: ThreadsFakeState, request: FakeRequest): FakeResponse {
  const params = paramsOf(request);
  if (params['client_id'] !== state.app.clientId || params['client_secret'] !== state.app.clientSecret) {
    return graphError(101, 'Error validating application. Invalid application ID.');
  }
  const code = state.codes.get(params['code'] ?? '');
  state.codes.delete(params['code'] ?? '');
  if (
    params['grant_type'] !== 'authorization_code' ||
    code === undefined ||
    code.redirectUri !== params['redirect_uri']
  ) {
    return graphError(100, 'Invalid verification code format.', { subcode: 36007 });
  }
  const accessToken = randomToken('THQ');
  state.tokens.set(accessToken, { longLived: false, expiresAt: Date.now() + HOUR_MS });
  return { status: 200, body: { access_token: accessToken, user_id: Number(state.user.id) } };
}

function longLived(state: ThreadsFakeState, request: FakeRequest, grantType: string): FakeResponse {
  const params = paramsOf(request);
  if (params['grant_type'] !== grantType) return graphError(100, `Unsupported grant_type, expected ${grantType}.`);
  if (grantType === 'th_exchange_token' && params['client_secret'] !== state.app.clientSecret) {
    return graphError(101, 'Error validating client secret.');
  }
  const grant = state.tokens.get(params['access_token'] ?? '');
  if (grant === undefined || grant.expiresAt < Date.now()) return invalidToken;
  if (grantType === 'th_exchange_token' && grant.longLived) return graphError(100, 'The token is already long-lived.');
  if (grantType === 'th_refresh_token' && !grant.longLived)
    return graphError(100, 'Only long-lived tokens can be refreshed.');
  const accessToken = randomToken('THAA');
  state.tokens.set(accessToken, { longLived: true, expiresAt: Date.now() + LONG_LIVED_SECONDS * 1000 });
  return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS } };
}

/** Routes of the Threads token endpoints. */
export function threadsOAuthRoutes(state: ThreadsFakeState): FakeRoute[] {
  return [
    { method: 'POST', path: '/oauth/access_token', handler: (request) => exchangeCode(state, request) },
    { method: 'GET', path: '/access_token', handler: (request) => longLived(state, request, 'th_exchange_token') },
    {
      method: 'GET',
      path: '/refresh_access_token',
      handler: (request) => longLived(state, request, 'th_refresh_token'),
    },
  ];
}
