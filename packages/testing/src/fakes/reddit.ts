/**
 * A fake Reddit (www.reddit.com OAuth endpoints + oauth.reddit.com API) on loopback. Follows:
 * - https://github.com/reddit-archive/reddit/wiki/OAuth2: `/api/v1/access_token` with HTTP Basic client
 *   auth (401 `{"message": "Unauthorized", "error": 401}` otherwise); a bad code or refresh token
 *   answers **200** `{"error": "invalid_grant"}`; refresh returns no new refresh token.
 * - https://www.reddit.com/dev/api: `GET /api/v1/me` (identity), `POST /api/submit` and `/api/comment`
 *   (submit; `api_type=json`; refusals as 200 `{"json": {"errors": [[CODE, message, field]]}}`),
 *   `POST /api/del` (edit; 200 `{}` even when already deleted), `GET /api/info` (read) and
 *   `GET /user/{name}/submitted` (history), see reddit/reddit-listing-routes.ts; the inbox
 *   (`GET /message/inbox`, replies to comments and messages, `POST /api/remove`), see reddit/reddit-inbox-routes.ts.
 * - https://support.reddithelp.com/hc/en-us/articles/16160319875092-Reddit-Data-API-Wiki: X-Ratelimit-Used /
 *   -Remaining / -Reset on every answer; generic User-Agents are throttled (429 here).
 * Bearer failures: 401 `{"message": "Unauthorized", "error": 401}`; a missing scope 403 `{"message": "Forbidden", "error": 403}`.
 */
import { randomBytes } from 'node:crypto';
import type { AccountAuth } from '@plume/networks/contract';
import {
  startFakeNetworkServer,
  type FakeNetworkServer,
  type FakeRequest,
  type FakeResponse,
  type FakeRoute,
} from './fake-network-server.ts';
import { createRedditState, redditApiRoutes, type RedditFakeState } from './reddit/reddit-api-routes.ts';
import { redditListingRoutes } from './reddit/reddit-listing-routes.ts';
import { redditInboxRoutes } from './reddit/reddit-inbox-routes.ts';
import { authorize } from './reddit/reddit-api-routes.ts';

export type { FakeRedditPost, FakeSubreddit, RedditFakeState } from './reddit/reddit-api-routes.ts';
export type { FakeRedditThing } from './reddit/reddit-inbox-routes.ts';

export const REDDIT_TEST_SCOPES = [
  'identity',
  'submit',
  'read',
  'flair',
  'edit',
  'history',
  'privatemessages',
  'modposts',
];
/** `<platform>:<app ID>:<version>`, optionally ` (by /u/<name>)`. */
const DESCRIPTIVE_USER_AGENT = /^[\w.-]+:[\w.-]+:v?[\w.-]+( \(by \/u\/[\w-]+\))?$/;

export interface RedditFake {
  server: FakeNetworkServer;
  state: RedditFakeState;
  app: { clientId: string; clientSecret: string };
  endpoints: Record<string, string>;
  /** What the consent page would redirect with. */
  issueCode(redirectUri: string, scopes?: readonly string[]): string;
  account(scopes?: readonly string[]): AccountAuth;
  close(): Promise<void>;
}

export async function startRedditFake(): Promise<RedditFake> {
  const app = { clientId: 'fakeRedditClient', clientSecret: 'fake-reddit-secret' };
  const state = createRedditState(app);
  const routes = [
    tokenRoute(state),
    ...redditApiRoutes(state),
    ...redditListingRoutes(state),
    ...redditInboxRoutes(state, (request, scope) => authorize(state, request, scope)),
  ].map((route) => withRedditRules(state, route));
  const server = await startFakeNetworkServer(routes);
  return {
    server,
    state,
    app,
    endpoints: {
      authorize: 'https://www.reddit.com/api/v1/authorize',
      token: `${server.url}/api/v1/access_token`,
      api: server.url,
      web: 'https://www.reddit.com',
    },
    issueCode(redirectUri, scopes = REDDIT_TEST_SCOPES) {
      const code = randomBytes(12).toString('base64url');
      state.codes.set(code, { redirectUri, scopes: [...scopes] });
      return code;
    },
    account(scopes = REDDIT_TEST_SCOPES) {
      const tokens = issueTokens(state, scopes);
      return { externalId: state.user.id, tokens, metadata: { username: state.user.name } };
    },
    close: () => server.close(),
  };
}

function issueTokens(state: RedditFakeState, scopes: readonly string[]): { accessToken: string; refreshToken: string } {
  const accessToken = `eyJ${randomBytes(18).toString('base64url')}`;
  const refreshToken = `${randomBytes(16).toString('hex')}`;
  state.accessTokens.set(accessToken, { scopes: [...scopes], expiresAt: Date.now() + 3_600_000 });
  state.refreshTokens.set(refreshToken, { scopes: [...scopes] });
  return { accessToken, refreshToken };
}

/** Every answer carries the rate-limit headers; generic User-Agents are throttled. */
function withRedditRules(state: RedditFakeState, route: FakeRoute): FakeRoute {
  return {
    ...route,
    handler: async (request) => {
      const rate = {
        'x-ratelimit-used': String(state.rate.used),
        'x-ratelimit-remaining': String(state.rate.remaining),
        'x-ratelimit-reset': String(state.rate.resetSec),
      };
      if (!DESCRIPTIVE_USER_AGENT.test(String(request.headers['user-agent'] ?? ''))) {
        return { status: 429, headers: rate, body: { message: 'Too Many Requests', error: 429 } };
      }
      state.rate.used += 1;
      state.rate.remaining = Math.max(0, state.rate.remaining - 1);
      const answer = await route.handler(request);
      return { ...answer, headers: { ...rate, ...answer.headers } };
    },
  };
}

function tokenRoute(state: RedditFakeState): FakeRoute {
  return {
    method: 'POST',
    path: '/api/v1/access_token',
    handler: (request: FakeRequest): FakeResponse => {
      const expected = `Basic ${Buffer.from(`${state.clientId}:${state.clientSecret}`).toString('base64')}`;
      if (request.headers.authorization !== expected)
        return { status: 401, body: { message: 'Unauthorized', error: 401 } };
      const form = (request.body ?? {}) as Record<string, string>;
      if (form['grant_type'] === 'authorization_code') {
        const grant = state.codes.get(form['code'] ?? '');
        state.codes.delete(form['code'] ?? '');
        if (grant === undefined || grant.redirectUri !== form['redirect_uri'])
          return { body: { error: 'invalid_grant' } };
        const tokens = issueTokens(state, grant.scopes);
        return {
          body: {
            access_token: tokens.accessToken,
            token_type: 'bearer',
            expires_in: 3600,
            refresh_token: tokens.refreshToken,
            scope: grant.scopes.join(' '),
          },
        };
      }
      if (form['grant_type'] === 'refresh_token') {
        const grant = state.refreshTokens.get(form['refresh_token'] ?? '');
        if (grant === undefined) return { body: { error: 'invalid_grant' } };
        const accessToken = `eyJ${randomBytes(18).toString('base64url')}`;
        state.accessTokens.set(accessToken, { scopes: grant.scopes, expiresAt: Date.now() + 3_600_000 });
        return {
          body: { access_token: accessToken, token_type: 'bearer', expires_in: 3600, scope: grant.scopes.join(' ') },
        };
      }
      return { body: { error: 'unsupported_grant_type' } };
    },
  };
}
