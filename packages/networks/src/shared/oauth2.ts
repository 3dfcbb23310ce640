/**
 * OAuth 2.0 helpers shared by the networks that follow RFC 6749 closely: PKCE (RFC 7636), the
 * authorization URL, the token request (code and refresh grants) and its response. Networks with
 * quirks (TikTok's `client_key`, Reddit's Basic auth) pass options instead of reimplementing it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { HttpClient } from '@plume/http/http-client';
import type { TokenSet } from '../contract.ts';
import { AuthExpired } from '../provider-errors.ts';
import { callJson } from './network-call.ts';

/** A PKCE pair: keep `verifier` server-side, send `challenge` (S256) in the authorization URL. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Builds an authorization URL; `extra` adds vendor parameters (e.g. `access_type=offline`). */
export function buildAuthorizeUrl(
  base: string,
  params: {
    clientId: string;
    redirectUri: string;
    state: string;
    scopes: readonly string[];
    codeChallenge?: string;
    scopeSeparator?: string;
    clientIdParam?: string;
    extra?: Record<string, string>;
  },
): URL {
  const url = new URL(base);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set(params.clientIdParam ?? 'client_id', params.clientId);
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('state', params.state);
  if (params.scopes.length > 0) url.searchParams.set('scope', params.scopes.join(params.scopeSeparator ?? ' '));
  if (params.codeChallenge !== undefined) {
    url.searchParams.set('code_challenge', params.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  for (const [key, value] of Object.entries(params.extra ?? {})) url.searchParams.set(key, value);
  return url;
}

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token_expires_in: z.coerce.number().positive().optional(),
  refresh_expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
});

export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export interface TokenRequestOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  /** `body` (default): client_id/secret in the form; `basic`: HTTP Basic auth (RFC 6749 §2.3.1). */
  clientAuth?: 'body' | 'basic';
  clientIdParam?: string;
  clientSecretParam?: string;
  scopeSeparator?: string;
  now: Date;
}

/** Exchanges an authorization code for tokens. */
export async function exchangeAuthorizationCode(
  http: HttpClient,
  options: TokenRequestOptions & { code: string; redirectUri: string; codeVerifier?: string },
): Promise<TokenSet> {
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    code: options.code,
    redirect_uri: options.redirectUri,
  };
  if (options.codeVerifier !== undefined) form['code_verifier'] = options.codeVerifier;
  const response = await tokenRequest(http, options, form, 'exchange the authorization code');
  return toTokenSet(response, options.now, undefined, options.scopeSeparator);
}

/**
 * Uses a refresh token. The old refresh token is kept when the network does not send a new one, so a
 * refresh never loses it. A rejected refresh token (400 invalid_grant or 401) is AuthExpired.
 */
export async function refreshAccessToken(
  http: HttpClient,
  options: TokenRequestOptions & { tokens: TokenSet },
): Promise<TokenSet> {
  const refreshToken = options.tokens.refreshToken;
  if (refreshToken === undefined) throw new AuthExpired('This account has no refresh token; reconnect it.');
  const response = await tokenRequest(
    http,
    options,
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    'refresh the access token',
  );
  return toTokenSet(response, options.now, options.tokens, options.scopeSeparator);
}

async function tokenRequest(
  http: HttpClient,
  options: TokenRequestOptions,
  form: Record<string, string>,
  what: string,
): Promise<TokenResponse> {
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
  const body = new URLSearchParams(form);
  if (options.clientAuth === 'basic') {
    const credentials = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret ?? '')}`;
    headers.set('authorization', `Basic ${Buffer.from(credentials).toString('base64')}`);
  } else {
    body.set(options.clientIdParam ?? 'client_id', options.clientId);
    if (options.clientSecret !== undefined)
      body.set(options.clientSecretParam ?? 'client_secret', options.clientSecret);
  }
  return callJson(
    http,
    options.tokenUrl,
    { method: 'POST', headers, body: body.toString() },
    {
      schema: tokenResponseSchema,
      what,
      // RFC 6749 §5.2: a bad or revoked grant is 400 invalid_grant; for a refresh that means "reconnect".
      describe: (errorBody) => {
        if (errorBody === null || typeof errorBody !== 'object') return undefined;
        const record = errorBody as Record<string, unknown>;
        const code = typeof record['error'] === 'string' ? record['error'] : undefined;
        const message = typeof record['error_description'] === 'string' ? record['error_description'] : code;
        if (code === 'invalid_grant' || code === 'invalid_token') return { message, code, kind: 'auth' };
        // The app's own credentials are wrong: reconnecting cannot help, an admin must fix the server's settings.
        if (code === 'invalid_client' || code === 'unauthorized_client') {
          return {
            message: `the app's client id or secret is not accepted (${message ?? code}); check the server's network settings`,
            code,
            kind: 'permanent',
          };
        }
        return { message, code };
      },
    },
  );
}

/** Converts a token response; `previous` supplies the refresh token when none is sent. */
export function toTokenSet(response: TokenResponse, now: Date, previous?: TokenSet, scopeSeparator = ' '): TokenSet {
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  const refreshTtl = response.refresh_token_expires_in ?? response.refresh_expires_in;
  const scopes = response.scope?.split(scopeSeparator).filter(Boolean) ?? previous?.scopes;
  return {
    accessToken: response.access_token,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(response.expires_in === undefined ? {} : { expiresAt: new Date(now.getTime() + response.expires_in * 1000) }),
    ...(refreshTtl === undefined
      ? previous?.refreshExpiresAt === undefined || response.refresh_token !== undefined
        ? {}
        : { refreshExpiresAt: previous.refreshExpiresAt }
      : { refreshExpiresAt: new Date(now.getTime() + refreshTtl * 1000) }),
    ...(scopes === undefined ? {} : { scopes }),
  };
}

/** `Authorization: Bearer …` header for an account. */
export function bearer(tokens: TokenSet): Record<string, string> {
  return { authorization: `Bearer ${tokens.accessToken}` };
}
