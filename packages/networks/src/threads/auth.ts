/**
 * Connecting a Threads profile (developers.facebook.com/docs/threads/get-started/get-access-tokens-
 * and-permissions, …/long-lived-tokens): the authorization window returns a code, POST
 * /oauth/access_token turns it into a 1-hour token, GET /access_token (th_exchange_token) into a
 * 60-day one, and GET /refresh_access_token (th_refresh_token) renews that token itself (it must be
 * at least 24 hours old). There are no refresh tokens; Threads takes no PKCE parameters.
 */
import { z } from 'zod';
import type { NetworkContext, OAuthOperations, TokenSet } from '../contract.ts';
import { callJson } from '../shared/network-call.ts';
import { buildAuthorizeUrl, exchangeAuthorizationCode } from '../shared/oauth2.ts';
import { threadsApp, threadsEndpoint } from './client.ts';
import { threadsFailureMapping } from './errors.ts';
import { fetchThreadsIdentity } from './identity.ts';
import { threadsManifest } from './manifest.ts';

const scopes = threadsManifest.auth.kind === 'oauth2' ? threadsManifest.auth.scopes : [];

const longLivedSchema = z.looseObject({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

async function longLivedToken(
  context: NetworkContext,
  path: string,
  query: Record<string, string>,
  what: string,
): Promise<TokenSet> {
  const url = new URL(`${threadsEndpoint(context, 'api')}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const token = await callJson(
    context.http,
    url,
    { method: 'GET', headers: { accept: 'application/json' } },
    { ...threadsFailureMapping, schema: longLivedSchema, what },
  );
  return { accessToken: token.access_token, expiresAt: new Date(context.now().getTime() + token.expires_in * 1000) };
}

/** Authorize URL, code exchange (to a long-lived token), refresh and identity lookup for Threads. */
export const threadsOAuth: OAuthOperations = {
  authorizeUrl(context, input) {
    return buildAuthorizeUrl(threadsEndpoint(context, 'authorize'), {
      clientId: threadsApp(context).clientId,
      redirectUri: input.redirectUri,
      state: input.state,
      scopes,
      scopeSeparator: ',',
    });
  },
  async exchangeCode(context, input) {
    const app = threadsApp(context);
    const shortLived = await exchangeAuthorizationCode(context.http, {
      tokenUrl: `${threadsEndpoint(context, 'api')}/oauth/access_token`,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      code: input.code,
      redirectUri: input.redirectUri,
      now: context.now(),
    });
    return longLivedToken(
      context,
      '/access_token',
      { grant_type: 'th_exchange_token', client_secret: app.clientSecret, access_token: shortLived.accessToken },
      'exchange for a long-lived Threads token',
    );
  },
  async refresh(context, tokens) {
    return longLivedToken(
      context,
      '/refresh_access_token',
      { grant_type: 'th_refresh_token', access_token: tokens.accessToken },
      'refresh the Threads token',
    );
  },
  async listIdentities(context, tokens) {
    return [await fetchThreadsIdentity(context, tokens.accessToken)];
  },
};
