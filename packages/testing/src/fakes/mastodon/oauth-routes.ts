/**
 * App registration and tokens as docs.joinmastodon.org/methods/apps and …/methods/oauth describe
 * them: POST /api/v1/apps (JSON or form; `redirect_uris` a string or, since 4.3, an array), and
 * POST /oauth/token (client id and secret in the body; PKCE S256 checked when the code has a
 * challenge; tokens never expire, so there is no refresh grant). GET /oauth/authorize stands for the
 * consent page of a signed-in user who clicks "Authorize" at once: it redirects back with a code.
 */
import { pkceChallenge } from '@plume/networks/shared/oauth2';
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { randomToken, type MastodonFakeState } from './state.ts';

function register(state: MastodonFakeState, request: FakeRequest): FakeResponse {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const raw = body['redirect_uris'];
  const redirectUris = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split('\n') : []).filter(
    (uri): uri is string => typeof uri === 'string',
  );
  if (typeof body['client_name'] !== 'string' || body['client_name'] === '') {
    return { status: 422, body: { error: "Validation failed: Application name can't be blank" } };
  }
  if (redirectUris.length === 0 || !redirectUris.every((uri) => URL.canParse(uri))) {
    return { status: 422, body: { error: 'Validation failed: Redirect URI must be an absolute URI.' } };
  }
  const clientId = randomToken();
  const clientSecret = randomToken();
  const scopes = typeof body['scopes'] === 'string' ? body['scopes'] : 'read';
  const website = typeof body['website'] === 'string' ? body['website'] : null;
  state.apps.set(clientId, { clientSecret, redirectUris, scopes, name: body['client_name'], website });
  return {
    status: 200,
    body: {
      id: state.nextId(),
      name: body['client_name'],
      website,
      scopes: scopes.split(' '),
      redirect_uri: redirectUris.join('\n'),
      redirect_uris: redirectUris,
      client_id: clientId,
      client_secret: clientSecret,
      client_secret_expires_at: 0,
    },
  };
}

/** The consent page, approved at once: `redirect_uri?code=…&state=…`, or 400 for an unknown app. */
function authorize(state: MastodonFakeState, request: FakeRequest): FakeResponse {
  const query = request.query;
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  const app = state.apps.get(clientId);
  if (query.get('response_type') !== 'code' || app === undefined || !app.redirectUris.includes(redirectUri)) {
    return { status: 400, body: { error: 'invalid_request', error_description: 'Unknown client or redirect URI.' } };
  }
  const challenge = query.get('code_challenge') ?? undefined;
  if (challenge !== undefined && query.get('code_challenge_method') !== 'S256') {
    return {
      status: 400,
      body: { error: 'invalid_request', error_description: 'Only S256 code challenges are supported.' },
    };
  }
  const code = randomToken();
  state.codes.set(code, { clientId, redirectUri, scope: query.get('scope') ?? 'read', codeChallenge: challenge });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  const oauthState = query.get('state');
  if (oauthState !== null) target.searchParams.set('state', oauthState);
  return { status: 302, headers: { location: target.toString() }, body: '' };
}

function token(state: MastodonFakeState, request: FakeRequest): FakeResponse {
  const form = (request.body ?? {}) as Record<string, string>;
  const app = state.apps.get(form['client_id'] ?? '');
  if (app === undefined || app.clientSecret !== form['client_secret']) {
    return {
      status: 401,
      body: {
        error: 'invalid_client',
        error_description:
          'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      },
    };
  }
  const invalidGrant: FakeResponse = {
    status: 400,
    body: {
      error: 'invalid_grant',
      error_description:
        'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
    },
  };
  if (form['grant_type'] !== 'authorization_code') return invalidGrant;
  const code = state.codes.get(form['code'] ?? '');
  state.codes.delete(form['code'] ?? '');
  if (code === undefined || code.clientId !== form['client_id'] || code.redirectUri !== form['redirect_uri'])
    return invalidGrant;
  if (code.codeChallenge !== undefined && pkceChallenge(form['code_verifier'] ?? '') !== code.codeChallenge)
    return invalidGrant;
  const accessToken = randomToken();
  state.tokens.set(accessToken, { scope: code.scope });
  return {
    status: 200,
    body: {
      access_token: accessToken,
      token_type: 'Bearer',
      scope: code.scope,
      created_at: Math.floor(Date.now() / 1000),
    },
  };
}

/** Routes for app registration and the token endpoint. */
export function mastodonOAuthRoutes(state: MastodonFakeState): FakeRoute[] {
  return [
    { method: 'POST', path: '/api/v1/apps', handler: (request) => register(state, request) },
    { method: 'GET', path: '/oauth/authorize', handler: (request) => authorize(state, request) },
    { method: 'POST', path: '/oauth/token', handler: (request) => token(state, request) },
  ];
}
