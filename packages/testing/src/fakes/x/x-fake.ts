/**
 * A fake of the X API v2 for adapter tests, following:
 * - docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code (token endpoint, PKCE, rotation)
 * - docs.x.com/x-api/posts/create-post, …/delete-post, docs.x.com/x-api/users/get-my-user
 * - docs.x.com/x-api/media/quickstart/media-upload-chunked, …/best-practices, …/create-media-metadata
 * - docs.x.com/x-api/posts/get-posts-by-ids, docs.x.com/x-api/users/get-posts (metrics-routes.ts)
 * - docs.x.com/fundamentals/rate-limits (x-rate-limit-* headers), response codes and problem JSON
 * - ../shared/specs/x-api-v2.openapi.json (v2.167) for request shapes
 */
import { randomToken, createXFakeState, type XFakeState } from './state.ts';
import { startFakeNetworkServer, type FakeNetworkServer } from '../fake-network-server.ts';
import { xMediaRoutes } from './media-routes.ts';
import { xMetricsRoutes } from './metrics-routes.ts';
import { xInboxRoutes } from './inbox-routes.ts';
import { xOAuthRoutes } from './oauth-routes.ts';
import { xPostRoutes } from './post-routes.ts';

export interface XFake {
  server: FakeNetworkServer;
  state: XFakeState;
  /** Endpoints for `createTestNetworkContext`. */
  endpoints: { api: string; authorize: string; token: string };
  app: { clientId: string; clientSecret: string };
  /** What X's consent page does: records the PKCE challenge and returns an authorization code. */
  authorize(input: { codeChallenge: string; redirectUri: string; scope: string }): string;
  /** Tokens for the fake user without the browser step, as a connected account holds them. */
  issueTokens(options?: { expiresInMs?: number }): { accessToken: string; refreshToken: string };
  close(): Promise<void>;
}

export interface XFakeOptions {
  /**
   * Let another authorization server own the tokens: the API accepts a bearer token when this returns
   * the id of the user it acts for (e.g. the subject oidc-provider's introspection endpoint reports).
   */
  resolveBearer?: (token: string) => Promise<string | undefined>;
  /** Another loopback address than 127.0.0.1 (benchmarks with many hosts). */
  host?: string;
}

/** Starts the X fake on loopback. */
export async function startXFake(options: XFakeOptions = {}): Promise<XFake> {
  const state = createXFakeState();
  state.resolveBearer = options.resolveBearer;
  const server = await startFakeNetworkServer(
    [
      ...xOAuthRoutes(state),
      ...xPostRoutes(state),
      ...xMediaRoutes(state),
      ...xMetricsRoutes(state),
      ...xInboxRoutes(state),
    ],
    options.host === undefined ? {} : { host: options.host },
  );
  return {
    server,
    state,
    endpoints: {
      api: server.url,
      authorize: `${server.url}/i/oauth2/authorize`,
      token: `${server.url}/2/oauth2/token`,
    },
    app: { ...state.client },
    authorize(input) {
      const code = randomToken();
      state.codes.set(code, input);
      return code;
    },
    issueTokens(options = {}) {
      const accessToken = randomToken();
      const refreshToken = randomToken();
      state.accessTokens.set(accessToken, {
        userId: state.user.id,
        expiresAt: Date.now() + (options.expiresInMs ?? 7_200_000),
      });
      state.refreshTokens.set(refreshToken, {
        userId: state.user.id,
        scope: 'tweet.read tweet.write users.read offline.access media.write',
      });
      return { accessToken, refreshToken };
    },
    close: () => server.close(),
  };
}
