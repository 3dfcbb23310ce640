/**
 * A fake TikTok (open.tiktokapis.com, the upload host and the Login Kit consent step) for adapter
 * tests. Doc pages followed:
 * - developers.tiktok.com/doc/login-kit-web, /doc/login-kit-desktop (hex S256 challenge)
 * - developers.tiktok.com/doc/oauth-user-access-token-management, /doc/oauth-error-handling
 * - developers.tiktok.com/doc/tiktok-api-v2-get-user-info, /doc/tiktok-api-v2-error-handling
 * - developers.tiktok.com/doc/content-posting-api-reference-query-creator-info, -direct-post,
 *   -upload-video, -photo-post, -get-video-status, content-posting-api-media-transfer-guide
 * - developers.tiktok.com/doc/tiktok-api-v2-video-query, tiktok-api-v2-video-list (tiktok-read-routes.ts)
 * Known liberties: OAuth errors come back as HTTP 200 with `{ error, error_description, log_id }` (what
 * TikTok does in practice); moderation is instant after `statusReadsBeforeDone` status reads.
 */
import { startFakeNetworkServer, type FakeNetworkServer } from '../fake-network-server.ts';
import { approveAuthorization, issueTokens, tiktokOAuthRoutes } from './tiktok-oauth.ts';
import { tiktokPostRoutes } from './tiktok-post-routes.ts';
import { tiktokReadRoutes } from './tiktok-read-routes.ts';
import { initialTikTokState, type TikTokFakePublish, type TikTokFakeState } from './tiktok-state.ts';

export type { TikTokFakePublish, TikTokFakeState, TikTokFakeVideo } from './tiktok-state.ts';

export const TIKTOK_ALL_SCOPES = [
  'user.info.basic',
  'user.info.profile',
  'video.publish',
  'video.upload',
  'user.info.stats',
  'video.list',
];

export interface TikTokFake {
  server: FakeNetworkServer;
  state: TikTokFakeState;
  /** Endpoints for the adapter's context (`api`, `authorize`, `token`). */
  endpoints: Record<string, string>;
  /** App credentials the fake accepts. */
  app: { clientId: string; clientSecret: string };
  /** The user accepts on the consent screen: returns the code and state TikTok redirects with. */
  approve(authorizeUrl: URL): { code: string; state: string };
  /** Issues tokens directly, for tests that start from a connected account. */
  issueTokens(scopes?: string[], ttlSec?: number): { accessToken: string; refreshToken: string };
  /** Every publish, in creation order. */
  publishes(): TikTokFakePublish[];
  close(): Promise<void>;
}

/** Starts the fake on loopback. */
export async function startTikTokFake(): Promise<TikTokFake> {
  const state = initialTikTokState();
  let baseUrl = '';
  const server = await startFakeNetworkServer([
    ...tiktokOAuthRoutes(state),
    ...tiktokPostRoutes(state, () => baseUrl),
    ...tiktokReadRoutes(state),
  ]);
  baseUrl = server.url;
  return {
    server,
    state,
    endpoints: {
      api: server.url,
      authorize: `${server.url}/v2/auth/authorize/`,
      token: `${server.url}/v2/oauth/token/`,
    },
    app: { clientId: state.clientKey, clientSecret: state.clientSecret },
    approve: (url) => approveAuthorization(state, url),
    issueTokens: (scopes = TIKTOK_ALL_SCOPES, ttlSec) => issueTokens(state, scopes, ttlSec),
    publishes: () => [...state.publishes.values()],
    close: () => server.close(),
  };
}
