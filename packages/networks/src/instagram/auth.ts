/**
 * Business Login for Instagram: the code becomes a short-lived token (1 hour) at api.instagram.com,
 * which we trade at graph.instagram.com for a long-lived one (60 days). There is no refresh token:
 * a long-lived token at least a day old is refreshed with itself (`ig_refresh_token`), for another
 * 60 days.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
 * https://developers.facebook.com/docs/instagram-platform/reference/access_token
 * https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
 */
import { z } from 'zod';
import type { NetworkContext, OAuthOperations, TokenSet } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { callJson } from '../shared/network-call.ts';
import { buildAuthorizeUrl } from '../shared/oauth2.ts';
import { endpoint, requireApp } from './client.ts';
import { instagramFailure, instagramTokenFailure } from './errors.ts';
import { fetchInstagramUser } from './identity.ts';
import { instagramManifest } from './manifest.ts';

const scopes = instagramManifest.auth.kind === 'oauth2' ? instagramManifest.auth.scopes : [];

const shortTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  user_id: z.coerce.string().optional(),
  permissions: z.union([z.string(), z.array(z.string())]).optional(),
});

// The current docs wrap the answer in `data: [...]`; older apps got the object itself.
const codeAnswerSchema = z.union([
  z.looseObject({ data: z.array(shortTokenSchema).min(1) }).transform((answer) => answer.data),
  shortTokenSchema.transform((token) => [token]),
]);

const longTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive(),
});

function scopesOf(permissions: string | readonly string[] | undefined): string[] | undefined {
  if (permissions === undefined) return undefined;
  const list = typeof permissions === 'string' ? permissions.split(/[\s,]+/) : permissions;
  return list.filter(Boolean);
}

async function longLivedRequest(
  context: NetworkContext,
  path: string,
  params: Record<string, string>,
  what: string,
): Promise<z.output<typeof longTokenSchema>> {
  const url = new URL(`${endpoint(context, 'graphRoot')}${path}`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return callJson(
    context.http,
    url,
    { headers: { accept: 'application/json' } },
    { ...instagramFailure, schema: longTokenSchema, what },
  );
}

/** Connect, refresh and account discovery for Instagram professional accounts. */
export const instagramOAuth: OAuthOperations = {
  authorizeUrl(context, input) {
    const app = requireApp(context);
    return buildAuthorizeUrl(endpoint(context, 'authorize'), {
      clientId: app.clientId,
      redirectUri: input.redirectUri,
      state: input.state,
      scopes,
      scopeSeparator: ',',
    });
  },

  async exchangeCode(context, input) {
    const app = requireApp(context);
    const form = new URLSearchParams({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: input.redirectUri,
      code: input.code,
    });
    const answer = await callJson(
      context.http,
      endpoint(context, 'token'),
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      },
      { ...instagramTokenFailure, schema: codeAnswerSchema, what: 'exchange the authorization code' },
    );
    const [short] = answer;
    if (short === undefined) throw new Permanent('Instagram answered the code exchange without a token.');
    const long = await longLivedRequest(
      context,
      '/access_token',
      { grant_type: 'ig_exchange_token', client_secret: app.clientSecret, access_token: short.access_token },
      'get a long-lived token',
    );
    const granted = scopesOf(short.permissions);
    return {
      accessToken: long.access_token,
      expiresAt: new Date(context.now().getTime() + long.expires_in * 1000),
      ...(granted === undefined ? {} : { scopes: granted }),
    };
  },

  async refresh(context, tokens): Promise<TokenSet> {
    const long = await longLivedRequest(
      context,
      '/refresh_access_token',
      { grant_type: 'ig_refresh_token', access_token: tokens.accessToken },
      'refresh the access token',
    );
    return {
      ...tokens,
      accessToken: long.access_token,
      expiresAt: new Date(context.now().getTime() + long.expires_in * 1000),
    };
  },

  async listIdentities(context, tokens) {
    return [await fetchInstagramUser(context, tokens)];
  },
};
