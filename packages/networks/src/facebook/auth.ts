/**
 * Facebook Login for Pages: the code becomes a short-lived user token, which we exchange for a
 * long-lived one (about 60 days); `/me/accounts` then gives each Page with its own Page token.
 * Page tokens obtained from a long-lived user token have no expiry, so `refresh` has nothing to do:
 * if Facebook rejects a Page token, it was revoked (password change, app removed, role lost) and
 * only reconnecting helps.
 * https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
 * https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
 * https://developers.facebook.com/docs/pages-api/getting-started
 */
import { z } from 'zod';
import type { ConnectedIdentity, NetworkContext, OAuthOperations, TokenSet } from '../contract.ts';
import { AuthExpired } from '../provider-errors.ts';
import { callJson } from '../shared/network-call.ts';
import { buildAuthorizeUrl } from '../shared/oauth2.ts';
import { endpoint, graphCall, requireApp } from './client.ts';
import { facebookFailure } from './errors.ts';
import { facebookManifest } from './manifest.ts';

const scopes = facebookManifest.auth.kind === 'oauth2' ? facebookManifest.auth.scopes : [];

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
});

const pagesSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      access_token: z.string().min(1).optional(),
      username: z.string().optional(),
      link: z.string().optional(),
      tasks: z.array(z.string()).optional(),
      picture: z.looseObject({ data: z.looseObject({ url: z.string().optional() }).optional() }).optional(),
    }),
  ),
  paging: z
    .looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() })
    .optional(),
});

/** Most pages of `/me/accounts` we follow (100 Pages each). */
const MAX_PAGES = 10;

async function tokenRequest(context: NetworkContext, params: Record<string, string>, what: string): Promise<TokenSet> {
  const url = new URL(`${endpoint(context, 'graph')}/oauth/access_token`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const body = await callJson(
    context.http,
    url,
    { headers: { accept: 'application/json' } },
    { ...facebookFailure, schema: tokenSchema, what },
  );
  return {
    accessToken: body.access_token,
    ...(body.expires_in === undefined ? {} : { expiresAt: new Date(context.now().getTime() + body.expires_in * 1000) }),
  };
}

function pageIdentity(page: z.infer<typeof pagesSchema>['data'][number], pageToken: string): ConnectedIdentity {
  const avatar = page.picture?.data?.url;
  return {
    externalId: page.id,
    handle: page.username ?? page.id,
    displayName: page.name,
    kind: 'page',
    profileUrl: page.link ?? `https://www.facebook.com/${page.id}`,
    ...(avatar === undefined ? {} : { avatarUrl: avatar }),
    // A Page token from a long-lived user token never expires.
    tokens: { accessToken: pageToken },
    metadata: { pageId: page.id },
  };
}

/** Connect and Page discovery for Facebook. */
export const facebookOAuth: OAuthOperations = {
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
    const credentials = { client_id: app.clientId, client_secret: app.clientSecret };
    const short = await tokenRequest(
      context,
      { ...credentials, redirect_uri: input.redirectUri, code: input.code },
      'exchange the authorization code',
    );
    const long = await tokenRequest(
      context,
      { ...credentials, grant_type: 'fb_exchange_token', fb_exchange_token: short.accessToken },
      'get a long-lived token',
    );
    return long;
  },

  async refresh() {
    throw new AuthExpired(
      'Facebook Page access does not expire and cannot be refreshed; it was revoked. Reconnect the Page.',
    );
  },

  async listIdentities(context, tokens) {
    const identities: ConnectedIdentity[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const url = new URL(`${endpoint(context, 'graph')}/me/accounts`);
      url.searchParams.set('fields', 'id,name,username,link,access_token,tasks,picture');
      url.searchParams.set('limit', '100');
      if (after !== undefined) url.searchParams.set('after', after);
      const body = await graphCall(context, tokens, url.toString(), {
        schema: pagesSchema,
        what: 'list your Facebook Pages',
      });
      // Posting as a Page needs its Page token and the CREATE_CONTENT task; other Pages are left out.
      for (const item of body.data) {
        const canCreate = item.tasks === undefined || item.tasks.includes('CREATE_CONTENT');
        if (item.access_token !== undefined && canCreate) identities.push(pageIdentity(item, item.access_token));
      }
      after = body.paging?.next === undefined ? undefined : body.paging.cursors?.after;
      if (after === undefined) break;
    }
    return identities;
  },
};
