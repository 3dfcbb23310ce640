/**
 * A fake Mastodon server for adapter tests, following docs.joinmastodon.org:
 * - methods/apps (POST /api/v1/apps), methods/oauth (/oauth/token), spec/oauth (PKCE S256 since 4.3)
 * - methods/accounts#verify_credentials, methods/instance#v2 (configuration.statuses)
 * - methods/media (POST /api/v2/media 200/202, GET /api/v1/media/:id 206 while processing)
 * - methods/statuses (create with Idempotency-Key, delete), api/rate-limits (X-RateLimit-* headers)
 * - methods/notifications, methods/conversations, statuses#context (inbox-routes.ts)
 */
import { startFakeNetworkServer, type FakeNetworkServer } from '../fake-network-server.ts';
import { mastodonApiRoutes } from './api-routes.ts';
import { mastodonInboxRoutes } from './inbox-routes.ts';
import { mastodonOAuthRoutes } from './oauth-routes.ts';
import { createMastodonFakeState, randomToken, type MastodonFakeState } from './state.ts';

export interface MastodonFake {
  server: FakeNetworkServer;
  state: MastodonFakeState;
  /** The server's address, as a user would type it. */
  instanceUrl: string;
  /** What the server's consent page does: returns a code for a registered app. */
  authorize(input: { clientId: string; redirectUri: string; scope: string; codeChallenge?: string }): string;
  /** A token for the fake account without the browser step. */
  issueToken(scope?: string): string;
  close(): Promise<void>;
}

/** Starts the Mastodon fake on loopback (127.0.0.1, or `options.host` to look like another server). */
export async function startMastodonFake(options: { host?: string } = {}): Promise<MastodonFake> {
  const state = createMastodonFakeState();
  const server = await startFakeNetworkServer(
    [...mastodonOAuthRoutes(state), ...mastodonApiRoutes(state), ...mastodonInboxRoutes(state)],
    options,
  );
  state.origin = server.url;
  return {
    server,
    state,
    instanceUrl: server.url,
    authorize(input) {
      const app = state.apps.get(input.clientId);
      if (app === undefined || !app.redirectUris.includes(input.redirectUri))
        throw new Error('unknown app or redirect URI');
      const code = randomToken();
      state.codes.set(code, {
        clientId: input.clientId,
        redirectUri: input.redirectUri,
        scope: input.scope,
        codeChallenge: input.codeChallenge,
      });
      return code;
    },
    issueToken(scope = 'read:accounts write:statuses write:media') {
      const token = randomToken();
      state.tokens.set(token, { scope });
      return token;
    },
    close: () => server.close(),
  };
}
