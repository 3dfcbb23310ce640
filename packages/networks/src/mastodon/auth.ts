/**
 * Connecting a Mastodon account: Plume registers itself on the user's server (POST /api/v1/apps),
 * then runs OAuth 2.0 authorization code with PKCE S256 (Mastodon 4.3+ checks it; older servers
 * ignore it). Access tokens do not expire, so there is no refresh: a rejected token means the user
 * revoked it and must reconnect. Docs: docs.joinmastodon.org/methods/apps, …/methods/oauth, …/spec/oauth
 */
import { z } from 'zod';
import type { OAuthOperations } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { buildAuthorizeUrl, exchangeAuthorizationCode } from '../shared/oauth2.ts';
import { instanceUrlOf, mastodonApp, mastodonJson } from './client.ts';
import { fetchMastodonIdentity } from './identity.ts';
import { mastodonManifest } from './manifest.ts';

const scopes = mastodonManifest.auth.kind === 'oauth2' ? mastodonManifest.auth.scopes : [];

const applicationSchema = z.looseObject({ client_id: z.string().min(1), client_secret: z.string().min(1) });

function serverOf(instanceUrl: string | undefined): string {
  if (instanceUrl === undefined) throw new Permanent('Enter the Mastodon server your account is on.');
  return instanceUrlOf({ instanceUrl });
}

/** Registration, authorize URL, code exchange and identity lookup on the account's own server. */
export const mastodonOAuth: OAuthOperations = {
  async registerApp(context, input) {
    const instanceUrl = serverOf(input.instanceUrl);
    const app = await mastodonJson(
      context,
      instanceUrl,
      undefined,
      '/api/v1/apps',
      {
        method: 'POST',
        // One redirect URI as a string: every Mastodon version accepts that (arrays only since 4.3).
        json: {
          client_name: 'Plume',
          redirect_uris: input.redirectUri,
          scopes: scopes.join(' '),
          website: new URL(input.redirectUri).origin,
        },
      },
      applicationSchema,
      'register Plume on the Mastodon server',
    );
    return { clientId: app.client_id, clientSecret: app.client_secret };
  },
  authorizeUrl(context, input) {
    return buildAuthorizeUrl(`${serverOf(input.instanceUrl)}/oauth/authorize`, {
      clientId: mastodonApp(context).clientId,
      redirectUri: input.redirectUri,
      state: input.state,
      scopes,
      codeChallenge: input.codeChallenge,
    });
  },
  async exchangeCode(context, input) {
    const app = mastodonApp(context);
    return exchangeAuthorizationCode(context.http, {
      tokenUrl: `${serverOf(input.instanceUrl)}/oauth/token`,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      code: input.code,
      redirectUri: input.redirectUri,
      codeVerifier: input.codeVerifier,
      now: context.now(),
    });
  },
  async refresh() {
    throw new AuthExpired(
      'Mastodon sign-ins do not expire; this one was revoked on the server. Reconnect the account.',
    );
  },
  async listIdentities(context, tokens, metadata) {
    return [await fetchMastodonIdentity(context, instanceUrlOf(metadata), tokens)];
  },
};
