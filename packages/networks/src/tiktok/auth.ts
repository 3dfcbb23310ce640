/**
 * TikTok Login Kit (OAuth v2) for web apps: `client_key` instead of client_id, comma-separated
 * scopes, and a PKCE challenge that TikTok expects HEX-encoded (SHA-256 of the verifier as 64 hex
 * characters, method S256) rather than RFC 7636's base64url — documented on Login Kit for Desktop and
 * enforced on the web flow too. Token endpoint: developers.tiktok.com/doc/oauth-user-access-token-management.
 */
import { z } from 'zod';
import type { NetworkContext, OAuthOperations, TokenSet } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { callJson, MalformedResponse } from '../shared/network-call.ts';
import { buildAuthorizeUrl, toTokenSet } from '../shared/oauth2.ts';
import { describeTikTokError } from './errors.ts';
import { fetchTikTokIdentity } from './operations/identity.ts';
import { tiktokManifest } from './manifest.ts';

const scopes = tiktokManifest.auth.kind === 'oauth2' ? tiktokManifest.auth.scopes : [];

/** TikTok's token answer: tokens, or (often with HTTP 200) `{ error, error_description, log_id }`. */
const tokenSuccess = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive().optional(),
  refresh_expires_in: z.coerce.number().positive().optional(),
  open_id: z.string().optional(),
  scope: z.string().optional(),
});
const tokenFailure = z.looseObject({
  error: z.string().min(1),
  error_description: z.string().optional(),
  log_id: z.string().optional(),
});

function appOf(context: NetworkContext): { clientId: string; clientSecret: string } {
  if (context.app === undefined)
    throw new Permanent('TikTok is not set up on this server (TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET).');
  return context.app;
}

function endpoint(context: NetworkContext, name: 'authorize' | 'token'): string {
  const url = context.endpoints[name];
  if (url === undefined) throw new Error(`TikTok endpoints need a \`${name}\` URL.`);
  return url;
}

/** RFC 7636 base64url challenge → the same SHA-256 digest as 64 hex characters, as TikTok wants it. */
export function tiktokChallenge(base64urlChallenge: string): string {
  return Buffer.from(base64urlChallenge, 'base64url').toString('hex');
}

async function tokenRequest(
  context: NetworkContext,
  form: Record<string, string>,
  previous: TokenSet | undefined,
): Promise<TokenSet> {
  const app = appOf(context);
  const formBody = new URLSearchParams({ client_key: app.clientId, client_secret: app.clientSecret, ...form });
  const refreshing = form['grant_type'] === 'refresh_token';
  const what = refreshing ? 'refresh the TikTok access token' : 'finish connecting the TikTok account';
  const answerBody = await callJson(
    context.http,
    endpoint(context, 'token'),
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: formBody.toString(),
    },
    { schema: z.looseObject({}), what, describe: (errorBody) => describeOAuth(errorBody, refreshing) },
  );
  const failure = tokenFailure.safeParse(answerBody);
  if (failure.success) {
    const described = describeOAuth(failure.data, refreshing);
    const message = `TikTok refused to ${what}: ${described?.message ?? failure.data.error}`;
    if (described?.kind === 'auth') throw new AuthExpired(message);
    throw new Permanent(message, { vendorCode: failure.data.error });
  }
  const parsed = tokenSuccess.safeParse(answerBody);
  if (!parsed.success) throw new MalformedResponse(what, 200, parsed.error);
  const answer = parsed.data;
  return toTokenSet(
    {
      access_token: answer.access_token,
      ...(answer.refresh_token === undefined ? {} : { refresh_token: answer.refresh_token }),
      ...(answer.expires_in === undefined ? {} : { expires_in: answer.expires_in }),
      ...(answer.refresh_expires_in === undefined ? {} : { refresh_expires_in: answer.refresh_expires_in }),
      ...(answer.scope === undefined ? {} : { scope: answer.scope }),
    },
    context.now(),
    previous,
    ',',
  );
}

/** OAuth error bodies: a bad refresh token means "reconnect"; a bad client key is the admin's problem. */
function describeOAuth(body: unknown, refreshing: boolean): ReturnType<typeof describeTikTokError> {
  const described = describeTikTokError(body);
  if (described?.code === undefined) return described;
  if (described.code === 'invalid_grant') {
    return refreshing
      ? { ...described, kind: 'auth', message: 'The TikTok sign-in expired or was revoked; reconnect the account.' }
      : {
          ...described,
          kind: 'permanent',
          message: 'TikTok did not accept the sign-in code (it may have expired). Try connecting again.',
        };
  }
  if (described.code === 'invalid_client') {
    return {
      ...described,
      kind: 'permanent',
      message:
        "TikTok rejected this server's client key or secret. Ask the admin to check TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET.",
    };
  }
  return described;
}

/** Login Kit operations for TikTok. */
export const tiktokOAuth: OAuthOperations = {
  authorizeUrl(context, input) {
    return buildAuthorizeUrl(endpoint(context, 'authorize'), {
      clientId: appOf(context).clientId,
      clientIdParam: 'client_key',
      redirectUri: input.redirectUri,
      state: input.state,
      scopes,
      scopeSeparator: ',',
      codeChallenge: tiktokChallenge(input.codeChallenge),
    });
  },

  exchangeCode(context, input) {
    return tokenRequest(
      context,
      {
        grant_type: 'authorization_code',
        code: input.code,
        redirect_uri: input.redirectUri,
        code_verifier: input.codeVerifier,
      },
      undefined,
    );
  },

  async refresh(context, tokens) {
    if (tokens.refreshToken === undefined)
      throw new AuthExpired('This TikTok account has no refresh token; reconnect it.');
    return tokenRequest(context, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, tokens);
  },

  async listIdentities(context, tokens, metadata) {
    return [await fetchTikTokIdentity(context, { externalId: '', tokens, metadata })];
  },
};
