/**
 * Google's OAuth 2.0 token endpoint as a fake, shared by the YouTube and Business Profile fakes.
 * Follows https://developers.google.com/identity/protocols/oauth2/web-server (token exchange and
 * refresh): client id/secret in the form, PKCE S256 check, single-use codes, 400 `invalid_grant` for
 * bad codes and revoked refresh tokens, no new refresh token on refresh. Bearer checks answer like
 * Google APIs do: 401 UNAUTHENTICATED (reason authError), 403 insufficientPermissions for a missing scope.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';

export interface GoogleTokenState {
  clientId: string;
  clientSecret: string;
  codes: Map<string, { redirectUri: string; codeChallenge?: string; scopes: string[] }>;
  accessTokens: Map<string, { scopes: string[]; expiresAt: number }>;
  refreshTokens: Map<string, { scopes: string[] }>;
  /** Access-token lifetime in seconds (Google: 3599). */
  accessTokenTtlSec: number;
}

export function createGoogleTokenState(app: { clientId: string; clientSecret: string }): GoogleTokenState {
  return { ...app, codes: new Map(), accessTokens: new Map(), refreshTokens: new Map(), accessTokenTtlSec: 3599 };
}

/** What the consent screen would do: a code for these (granted) scopes. */
export function issueGoogleCode(
  state: GoogleTokenState,
  input: { redirectUri: string; codeChallenge?: string; scopes: readonly string[] },
): string {
  const code = `4/${randomBytes(12).toString('base64url')}`;
  state.codes.set(code, {
    redirectUri: input.redirectUri,
    scopes: [...input.scopes],
    ...(input.codeChallenge ? { codeChallenge: input.codeChallenge } : {}),
  });
  return code;
}

/** Tokens as if the user had connected already. */
export function issueGoogleTokens(
  state: GoogleTokenState,
  scopes: readonly string[],
): { accessToken: string; refreshToken: string } {
  const refreshToken = `1//${randomBytes(16).toString('base64url')}`;
  state.refreshTokens.set(refreshToken, { scopes: [...scopes] });
  return { accessToken: newAccessToken(state, scopes), refreshToken };
}

function newAccessToken(state: GoogleTokenState, scopes: readonly string[]): string {
  const token = `ya29.${randomBytes(18).toString('base64url')}`;
  state.accessTokens.set(token, { scopes: [...scopes], expiresAt: Date.now() + state.accessTokenTtlSec * 1000 });
  return token;
}

function oauthError(status: number, error: string, description: string): FakeResponse {
  return { status, body: { error, error_description: description } };
}

export function googleTokenRoutes(state: GoogleTokenState): FakeRoute[] {
  return [
    {
      method: 'POST',
      path: '/token',
      handler: (request) => {
        const form = (request.body ?? {}) as Record<string, string>;
        if (form['client_id'] !== state.clientId || form['client_secret'] !== state.clientSecret) {
          return oauthError(401, 'invalid_client', 'The OAuth client was not found.');
        }
        if (form['grant_type'] === 'authorization_code') return exchangeCode(state, form);
        if (form['grant_type'] === 'refresh_token') {
          const grant = state.refreshTokens.get(form['refresh_token'] ?? '');
          if (grant === undefined) return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
          const accessToken = newAccessToken(state, grant.scopes);
          return {
            body: {
              access_token: accessToken,
              expires_in: state.accessTokenTtlSec,
              scope: grant.scopes.join(' '),
              token_type: 'Bearer',
            },
          };
        }
        return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${form['grant_type'] ?? ''}`);
      },
    },
  ];
}

function exchangeCode(state: GoogleTokenState, form: Record<string, string>): FakeResponse {
  const code = form['code'] ?? '';
  const grant = state.codes.get(code);
  if (grant === undefined) return oauthError(400, 'invalid_grant', 'Bad Request');
  state.codes.delete(code);
  if (grant.redirectUri !== form['redirect_uri']) return oauthError(400, 'redirect_uri_mismatch', 'Bad Request');
  if (grant.codeChallenge !== undefined) {
    const verifier = form['code_verifier'] ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== grant.codeChallenge) {
      return oauthError(400, 'invalid_grant', 'Invalid code verifier.');
    }
  }
  const tokens = issueGoogleTokens(state, grant.scopes);
  return {
    body: {
      access_token: tokens.accessToken,
      expires_in: state.accessTokenTtlSec,
      refresh_token: tokens.refreshToken,
      scope: grant.scopes.join(' '),
      token_type: 'Bearer',
    },
  };
}

/**
 * Checks the bearer token and that it carries one of `anyOfScopes`; returns Google's error answer, or
 * undefined when the request may go on. `classic` bodies carry `errors[].reason` (YouTube Data API);
 * `aip193` ones carry `status` and an ErrorInfo in `details` (Business Profile APIs).
 */
export function checkGoogleBearer(
  state: GoogleTokenState,
  request: FakeRequest,
  anyOfScopes: readonly string[],
  style: 'classic' | 'aip193' = 'classic',
): FakeResponse | undefined {
  const token = request.bearer === undefined ? undefined : state.accessTokens.get(request.bearer);
  if (token === undefined || token.expiresAt <= Date.now()) {
    const message =
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.';
    return {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      body:
        style === 'classic'
          ? googleApiError(401, message, { reason: 'authError', domain: 'global', status: 'UNAUTHENTICATED' })
          : aipError(401, message, 'UNAUTHENTICATED', 'ACCESS_TOKEN_TYPE_UNSUPPORTED'),
    };
  }
  if (!anyOfScopes.some((scope) => token.scopes.includes(scope))) {
    const message = 'Request had insufficient authentication scopes.';
    return {
      status: 403,
      body:
        style === 'classic'
          ? googleApiError(403, message, {
              reason: 'insufficientPermissions',
              domain: 'global',
              status: 'PERMISSION_DENIED',
            })
          : aipError(403, message, 'PERMISSION_DENIED', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT'),
    };
  }
  return undefined;
}

/** An AIP-193 error body (`status` + ErrorInfo), as the newer Google APIs send. */
export function aipError(code: number, message: string, status: string, reason?: string): unknown {
  return {
    error: {
      code,
      message,
      status,
      ...(reason === undefined
        ? {}
        : { details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }] }),
    },
  };
}

/** A Google API error body, classic shape with `errors[]` plus the AIP-193 `status`. */
export function googleApiError(
  code: number,
  message: string,
  options: { reason: string; domain?: string; status?: string },
): unknown {
  return {
    error: {
      code,
      message,
      errors: [{ message, domain: options.domain ?? 'global', reason: options.reason }],
      ...(options.status === undefined ? {} : { status: options.status }),
    },
  };
}
