/**
 * Connecting an X account: OAuth 2.0 Authorization Code with PKCE (S256). Confidential clients
 * authenticate to the token endpoint with HTTP Basic; `offline.access` yields a refresh token,
 * and every refresh returns a new one (the old one stops working).
 * Docs: docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code
 */
import type { OAuthOperations } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import {
  buildAuthorizeUrl,
  exchangeAuthorizationCode,
  refreshAccessToken,
  type TokenRequestOptions,
} from '../shared/oauth2.ts';
import { xApp, xEndpoint } from './client.ts';
import { fetchXIdentity } from './identity.ts';
import { xManifest } from './manifest.ts';

const scopes = xManifest.auth.kind === 'oauth2' ? xManifest.auth.scopes : [];

function tokenOptions(context: Parameters<OAuthOperations['refresh']>[0]): TokenRequestOptions {
  const app = xApp(context);
  const confidential = app.clientSecret !== '';
  return {
    tokenUrl: xEndpoint(context, 'token'),
    clientId: app.clientId,
    ...(confidential ? { clientSecret: app.clientSecret } : {}),
    clientAuth: confidential ? 'basic' : 'body',
    now: context.now(),
  };
}

/** Authorize URL, code exchange, refresh and identity lookup for X. */
export const xOAuth: OAuthOperations = {
  authorizeUrl(context, input) {
    return buildAuthorizeUrl(xEndpoint(context, 'authorize'), {
      clientId: xApp(context).clientId,
      redirectUri: input.redirectUri,
      state: input.state,
      scopes,
      codeChallenge: input.codeChallenge,
    });
  },
  async exchangeCode(context, input) {
    return exchangeAuthorizationCode(context.http, {
      ...tokenOptions(context),
      code: input.code,
      redirectUri: input.redirectUri,
      codeVerifier: input.codeVerifier,
    });
  },
  async refresh(context, tokens) {
    try {
      return await refreshAccessToken(context.http, { ...tokenOptions(context), tokens });
    } catch (error) {
      // X answers a used or revoked refresh token with 400 invalid_request, not invalid_grant.
      if (error instanceof Permanent)
        throw new AuthExpired(`X no longer accepts this account's sign-in; reconnect it. (${error.reason})`, {
          cause: error,
        });
      throw error;
    }
  },
  async listIdentities(context, tokens) {
    return [await fetchXIdentity(context, tokens)];
  },
};
