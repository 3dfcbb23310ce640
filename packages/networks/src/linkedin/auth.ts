/**
 * LinkedIn OAuth 2.0 (3-legged, client secret; no PKCE for web apps). Access tokens last 60 days;
 * approved partners also get a 365-day refresh token that stays the same across refreshes.
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens
 */
import type { OAuthOperations, TokenSet } from '../contract.ts';
import { buildAuthorizeUrl, exchangeAuthorizationCode, refreshAccessToken } from '../shared/oauth2.ts';
import { endpoint, requireApp } from './client.ts';
import { fetchAdministeredOrganizations, fetchMember } from './identities.ts';
import { linkedinManifest } from './manifest.ts';

const scopes = linkedinManifest.auth.kind === 'oauth2' ? linkedinManifest.auth.scopes : [];

/** LinkedIn lists granted scopes comma-separated; accept spaces too. */
function normalizeScopes(tokens: TokenSet): TokenSet {
  if (tokens.scopes === undefined) return tokens;
  return { ...tokens, scopes: tokens.scopes.flatMap((scope) => scope.split(/[\s,]+/)).filter(Boolean) };
}

/** Connect, refresh and account discovery for LinkedIn members and pages. */
export const linkedinOAuth: OAuthOperations = {
  authorizeUrl(context, input) {
    const app = requireApp(context);
    return buildAuthorizeUrl(endpoint(context, 'authorize'), {
      clientId: app.clientId,
      redirectUri: input.redirectUri,
      state: input.state,
      scopes,
    });
  },

  async exchangeCode(context, input) {
    const app = requireApp(context);
    const tokens = await exchangeAuthorizationCode(context.http, {
      tokenUrl: endpoint(context, 'token'),
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      code: input.code,
      redirectUri: input.redirectUri,
      scopeSeparator: ',',
      now: context.now(),
    });
    return normalizeScopes(tokens);
  },

  async refresh(context, tokens) {
    const app = requireApp(context);
    const refreshed = await refreshAccessToken(context.http, {
      tokenUrl: endpoint(context, 'token'),
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      scopeSeparator: ',',
      tokens,
      now: context.now(),
    });
    return normalizeScopes(refreshed);
  },

  async listIdentities(context, tokens) {
    const member = await fetchMember(context, tokens);
    const organizations = await fetchAdministeredOrganizations(context, tokens, member.externalId);
    return [member, ...organizations];
  },
};
