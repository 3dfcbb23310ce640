/**
 * A fake of the Threads API (graph.threads.net) for adapter tests, following
 * developers.facebook.com/docs/threads: get-started (authorization window, short- and long-lived
 * tokens, refresh), posts (containers, carousel, publish), create-replies, troubleshooting
 * (container status), delete-posts, threads-profiles, insights and the user's threads list
 * (insights-routes.ts), reply management (reply-routes.ts), and the Graph API error format.
 */
import { startFakeNetworkServer, type FakeNetworkServer } from '../fake-network-server.ts';
import { threadsApiRoutes } from './api-routes.ts';
import { threadsInsightsRoutes } from './insights-routes.ts';
import { threadsOAuthRoutes } from './oauth-routes.ts';
import { threadsReplyRoutes } from './reply-routes.ts';
import { createThreadsFakeState, randomToken, type ThreadsFakeState } from './state.ts';

export interface ThreadsFake {
  server: FakeNetworkServer;
  state: ThreadsFakeState;
  endpoints: { api: string; authorize: string };
  app: { clientId: string; clientSecret: string };
  /** What the authorization window does when the user allows access: returns a code. */
  authorize(input: { redirectUri: string; scope: string }): string;
  /** A long-lived token for the fake profile, as a connected account holds it. */
  issueLongLivedToken(): string;
  close(): Promise<void>;
}

/** Starts the Threads fake on loopback. */
export async function startThreadsFake(): Promise<ThreadsFake> {
  const state = createThreadsFakeState();
  const server = await startFakeNetworkServer([
    ...threadsOAuthRoutes(state),
    ...threadsInsightsRoutes(state),
    ...threadsReplyRoutes(state),
    ...threadsApiRoutes(state),
  ]);
  return {
    server,
    state,
    endpoints: { api: server.url, authorize: `${server.url}/oauth/authorize` },
    app: { ...state.app },
    authorize(input) {
      const code = randomToken('AQ');
      state.codes.set(code, input);
      return code;
    },
    issueLongLivedToken() {
      const token = randomToken('THAA');
      state.tokens.set(token, { longLived: true, expiresAt: Date.now() + 5_183_944_000 });
      return token;
    },
    close: () => server.close(),
  };
}
