/**
 * Google OAuth 2.0 for every Google network (YouTube, Google Business Profile): one app (GOOGLE_CLIENT_ID /
 * GOOGLE_CLIENT_SECRET), authorization code + PKCE S256, `access_type=offline` + `prompt=consent` so a
 * refresh token comes back on every connect. Google normally sends no new refresh token on refresh; the
 * shared helper keeps the old one. A revoked or expired grant (`invalid_grant`) is AuthExpired.
 *
 * Docs: https://developers.google.com/identity/protocols/oauth2/web-server
 */
import type { NetworkContext, TokenSet } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { buildAuthorizeUrl, exchangeAuthorizationCode, refreshAccessToken } from '../shared/oauth2.ts';

/** Default Google endpoints; manifests copy them so configuration can override them. */
export const GOOGLE_OAUTH_ENDPOINTS = {
  authorize: 'https://accounts.google.com/o/oauth2/v2/auth',
  token: 'https://oauth2.googleapis.com/token',
} as const;

/** The configuration keys of the one Google app both Google networks use. */
export const GOOGLE_APP_CREDENTIALS = { clientId: 'GOOGLE_CLIENT_ID', clientSecret: 'GOOGLE_CLIENT_SECRET' } as const;

/** The Google app of this server, or a plain-words Permanent when the admin has not set it up. */
export function googleApp(context: NetworkContext, networkName: string): { clientId: string; clientSecret: string } {
  if (context.app === undefined) {
    throw new Permanent(`${networkName} is not set up on this server: set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET.`);
  }
  return context.app;
}

/** The consent screen URL; asks for offline access so Google returns a refresh token. */
export function googleAuthorizeUrl(
  context: NetworkContext,
  input: { state: string; codeChallenge: string; redirectUri: string },
  scopes: readonly string[],
  networkName: string,
): URL {
  const app = googleApp(context, networkName);
  return buildAuthorizeUrl(requireEndpoint(context, 'authorize'), {
    clientId: app.clientId,
    redirectUri: input.redirectUri,
    state: input.state,
    scopes,
    codeChallenge: input.codeChallenge,
    extra: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
  });
}

/**
 * Exchanges the code. Google's consent screen lets people untick scopes, so the granted scopes are
 * checked: a login without the scopes Plume needs cannot post and must be redone.
 */
export async function exchangeGoogleCode(
  context: NetworkContext,
  input: { code: string; codeVerifier: string; redirectUri: string },
  required: { scopes: readonly string[]; networkName: string; permissionWords: string },
): Promise<TokenSet> {
  const app = googleApp(context, required.networkName);
  const tokens = await exchangeAuthorizationCode(context.http, {
    tokenUrl: requireEndpoint(context, 'token'),
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    code: input.code,
    codeVerifier: input.codeVerifier,
    redirectUri: input.redirectUri,
    now: context.now(),
  });
  const missing = required.scopes.filter((scope) => tokens.scopes !== undefined && !tokens.scopes.includes(scope));
  if (missing.length > 0) {
    throw new Permanent(
      `Google did not grant Plume permission to ${required.permissionWords}. Connect again and leave every permission ticked.`,
      { vendorCode: 'scope_not_granted' },
    );
  }
  return tokens;
}

/** Refreshes the access token; keeps the refresh token (Google rarely sends a new one). */
export async function refreshGoogleToken(
  context: NetworkContext,
  tokens: TokenSet,
  networkName: string,
): Promise<TokenSet> {
  const app = googleApp(context, networkName);
  return refreshAccessToken(context.http, {
    tokenUrl: requireEndpoint(context, 'token'),
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    tokens,
    now: context.now(),
  });
}

/** A base URL from the context; a missing one is a server setup problem, not a network failure. */
export function requireEndpoint(context: NetworkContext, name: string): string {
  const value = context.endpoints[name];
  if (value === undefined || value.length === 0)
    throw new Permanent(`The "${name}" address of this network is not configured.`);
  return value.replace(/\/+$/, '');
}
