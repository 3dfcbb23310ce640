/**
 * Reddit OAuth 2.0: authorization code with `duration=permanent` (so a refresh token comes back), token
 * requests with the app credentials in HTTP Basic auth, no PKCE. Quirk: a bad or used code and a
 * revoked refresh token come back as **200** `{"error": "invalid_grant"}`, so the token answer is read
 * here rather than by the shared helper: `invalid_grant` is AuthExpired; a 401 means this server's app
 * credentials are wrong (Permanent, the admin must fix them).
 *
 * Docs: https://github.com/reddit-archive/reddit/wiki/OAuth2
 */
import { z } from 'zod';
import type { NetworkContext, OAuthOperations, TokenSet } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { callJson } from '../shared/network-call.ts';
import { buildAuthorizeUrl, toTokenSet } from '../shared/oauth2.ts';
import { fetchMe, redditEndpoint, redditUserAgent } from './client.ts';
import { redditFailureMapping } from './errors.ts';
import { REDDIT_SCOPES } from './manifest.ts';

const tokenGranted = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
});
/** Reddit's refusal, sent with status 200. */
const tokenRefused = z.looseObject({ error: z.string() });

function redditApp(context: NetworkContext): { clientId: string; clientSecret: string } {
  if (context.app === undefined)
    throw new Permanent('Reddit is not set up on this server: set REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET.');
  return context.app;
}

async function tokenRequest(
  context: NetworkContext,
  form: Record<string, string>,
  what: string,
  previous?: TokenSet,
): Promise<TokenSet> {
  const app = redditApp(context);
  const basic = Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`).toString(
    'base64',
  );
  const answer = await callJson(
    context.http,
    redditEndpoint(context, 'token'),
    {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'user-agent': redditUserAgent(app.clientId),
      },
      body: new URLSearchParams(form).toString(),
    },
    {
      ...redditFailureMapping,
      schema: z.union([tokenGranted, tokenRefused]),
      what,
      describe: (body, status) => {
        const error =
          body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['error'] : undefined;
        if (error === 'invalid_grant')
          return {
            message: 'Reddit no longer accepts this login; reconnect the account.',
            code: 'invalid_grant',
            kind: 'auth',
          };
        if (status === 401)
          return {
            message: "Reddit rejected this server's app credentials (REDDIT_CLIENT_ID / REDDIT_CLIENT_SECRET).",
            code: 'invalid_client',
            kind: 'permanent',
          };
        return redditFailureMapping.describe?.(body, status);
      },
    },
  );
  const granted = tokenGranted.safeParse(answer);
  if (granted.success) return toTokenSet(granted.data, context.now(), previous);
  const refusal = tokenRefused.parse(answer).error;
  if (refusal === 'invalid_grant') throw new AuthExpired('Reddit no longer accepts this login; reconnect the account.');
  throw new Permanent(`Reddit refused to ${what}: ${refusal}`, { vendorCode: refusal });
}

export const redditOAuth: OAuthOperations = {
  authorizeUrl(context, input) {
    const app = redditApp(context);
    // Reddit has no PKCE: the challenge is not sent (the manifest says pkce: false).
    return buildAuthorizeUrl(redditEndpoint(context, 'authorize'), {
      clientId: app.clientId,
      redirectUri: input.redirectUri,
      state: input.state,
      scopes: REDDIT_SCOPES,
      extra: { duration: 'permanent' },
    });
  },

  exchangeCode: (context, input) =>
    tokenRequest(
      context,
      { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri },
      'exchange the authorization code',
    ),

  async refresh(context, tokens) {
    if (tokens.refreshToken === undefined)
      throw new AuthExpired('This Reddit account has no refresh token; reconnect it.');
    return tokenRequest(
      context,
      { grant_type: 'refresh_token', refresh_token: tokens.refreshToken },
      'refresh the access token',
      tokens,
    );
  },

  async listIdentities(context, tokens) {
    return [await fetchMe(context, { tokens })];
  },
};
