/**
 * Pinterest OAuth 2.0 (developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization):
 * authorize at www.pinterest.com/oauth/ with comma-separated scopes, then POST /v5/oauth/token with
 * HTTP Basic client authentication. Pinterest documents no PKCE, so none is sent. With continuous
 * refresh a refresh answers with a new refresh token; when it sends none the old one is kept.
 */
import { z } from 'zod';
import type { NetworkContext, OAuthOperations, TokenSet } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { callJson } from '../shared/network-call.ts';
import { buildAuthorizeUrl, toTokenSet } from '../shared/oauth2.ts';
import { describePinterestError, pinterestRateLimitWaitMs } from './errors.ts';
import { pinterestManifest } from './manifest.ts';
import { fetchPinterestIdentity } from './operations/identity.ts';

const scopes = pinterestManifest.auth.kind === 'oauth2' ? pinterestManifest.auth.scopes : [];

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token_expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
});

function appOf(context: NetworkContext): { clientId: string; clientSecret: string } {
  if (context.app === undefined)
    throw new Permanent('Pinterest is not set up on this server (PINTEREST_APP_ID and PINTEREST_APP_SECRET).');
  return context.app;
}

function endpoint(context: NetworkContext, name: 'authorize' | 'token'): string {
  const url = context.endpoints[name];
  if (url === undefined) throw new Error(`Pinterest endpoints need a \`${name}\` URL.`);
  return url;
}

async function tokenRequest(
  context: NetworkContext,
  form: Record<string, string>,
  previous: TokenSet | undefined,
): Promise<TokenSet> {
  const app = appOf(context);
  const refreshing = form['grant_type'] === 'refresh_token';
  const what = refreshing ? 'refresh the Pinterest access token' : 'finish connecting the Pinterest account';
  const basic = Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64');
  const answer = await callJson(
    context.http,
    endpoint(context, 'token'),
    {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
    },
    {
      schema: tokenSchema,
      what,
      rateLimitWaitMs: pinterestRateLimitWaitMs,
      // A refresh token Pinterest no longer accepts (400) means the user must reconnect.
      describe: (body, status) => {
        const described = describePinterestError(body, status);
        return refreshing && status === 400 ? { ...described, kind: 'auth' } : described;
      },
    },
  );
  // Pinterest lists scopes comma-separated (some answers use spaces).
  const normalized =
    answer.scope === undefined
      ? {}
      : {
          scope: answer.scope
            .split(/[\s,]+/)
            .filter(Boolean)
            .join(','),
        };
  return toTokenSet({ ...answer, ...normalized }, context.now(), previous, ',');
}

/** OAuth operations for Pinterest. */
export const pinterestOAuth: OAuthOperations = {
  authorizeUrl(context, input) {
    return buildAuthorizeUrl(endpoint(context, 'authorize'), {
      clientId: appOf(context).clientId,
      redirectUri: input.redirectUri,
      state: input.state,
      scopes,
      scopeSeparator: ',',
    });
  },

  exchangeCode(context, input) {
    return tokenRequest(
      context,
      { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri },
      undefined,
    );
  },

  async refresh(context, tokens) {
    if (tokens.refreshToken === undefined)
      throw new AuthExpired('This Pinterest account has no refresh token; reconnect it.');
    return tokenRequest(context, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, tokens);
  },

  async listIdentities(context, tokens) {
    return [await fetchPinterestIdentity(context, { tokens })];
  },
};
