/**
 * A fake Pinterest API v5 (api.pinterest.com, the S3-style video upload host and the OAuth consent
 * step) for adapter tests. Doc pages followed:
 * - developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization
 * - developers.pinterest.com/docs/api/v5/oauth-token (continuous refresh), user_account-get, boards-list,
 *   pins-create, pins-get, pins-delete, media-create, media-get, pins-analytics, pins-list
 * - developers.pinterest.com/docs/reference/rate-limits
 * - github.com/pinterest/api-description v5/openapi (PinCreate, PinMediaSource*, MediaUpload, Error)
 * Known liberties: error `code` numbers are illustrative (Pinterest documents the shape, not a table);
 * video processing finishes after `mediaReadsBeforeDone` status reads.
 */
import { startFakeNetworkServer, type FakeNetworkServer } from '../fake-network-server.ts';
import { pinterestAnalyticsRoutes } from './pinterest-analytics.ts';
import { pinterestMediaRoutes } from './pinterest-media.ts';
import { approvePinterest, issuePinterestTokens, pinterestOAuthRoutes } from './pinterest-oauth.ts';
import { pinterestRoutes } from './pinterest-routes.ts';
import { initialPinterestState, type PinterestFakePin, type PinterestFakeState } from './pinterest-state.ts';

export type {
  PinterestFakeBoard,
  PinterestFakeMedia,
  PinterestFakePin,
  PinterestFakeState,
} from './pinterest-state.ts';

export const PINTEREST_ALL_SCOPES = ['boards:read', 'pins:read', 'pins:write', 'user_accounts:read'];

export interface PinterestFake {
  server: FakeNetworkServer;
  state: PinterestFakeState;
  /** Endpoints for the adapter's context (`api`, `authorize`, `token`). */
  endpoints: Record<string, string>;
  /** App credentials the fake accepts. */
  app: { clientId: string; clientSecret: string };
  /** The user accepts on Pinterest's consent screen: returns the code and state of the redirect. */
  approve(authorizeUrl: URL): { code: string; state: string };
  /** Issues tokens directly, for tests that start from a connected account. */
  issueTokens(scopes?: string[]): { accessToken: string; refreshToken: string };
  /** Pins in creation order. */
  pins(): PinterestFakePin[];
  close(): Promise<void>;
}

/** Starts the fake on loopback. */
export async function startPinterestFake(): Promise<PinterestFake> {
  const state = initialPinterestState();
  let baseUrl = '';
  const server = await startFakeNetworkServer([
    ...pinterestOAuthRoutes(state),
    ...pinterestAnalyticsRoutes(state),
    ...pinterestRoutes(state),
    ...pinterestMediaRoutes(state, () => baseUrl),
  ]);
  baseUrl = server.url;
  return {
    server,
    state,
    endpoints: { api: server.url, authorize: `${server.url}/oauth/`, token: `${server.url}/v5/oauth/token` },
    app: { clientId: state.appId, clientSecret: state.appSecret },
    approve: (url) => approvePinterest(state, url),
    issueTokens: (scopes = PINTEREST_ALL_SCOPES) => issuePinterestTokens(state, scopes),
    pins: () => [...state.pins.values()],
    close: () => server.close(),
  };
}
