/**
 * A fake YouTube Data API v3 + Google token endpoint on loopback. Follows:
 * - channels.list, videos.list (statistics) and playlistItems.list (see statistics-routes.ts)
 * - https://developers.google.com/youtube/v3/docs/videos/insert and the resumable upload guide
 *   (see upload-routes.ts)
 * - https://developers.google.com/youtube/v3/docs/videos/delete (204; 404 videoNotFound)
 * - https://developers.google.com/youtube/v3/docs/errors (error bodies; quota errors are 403)
 * - https://developers.google.com/identity/protocols/oauth2/web-server (see google-token-routes.ts)
 * Scopes are enforced per method as each reference page lists them.
 */
import type { AccountAuth } from '@plume/networks/contract';
import { startFakeNetworkServer, type FakeNetworkServer, type FakeRoute } from '../fake-network-server.ts';
import {
  checkGoogleBearer,
  createGoogleTokenState,
  googleApiError,
  googleTokenRoutes,
  issueGoogleTokens,
} from './google-token-routes.ts';
import { commentRoutes } from './comment-routes.ts';
import { statisticsRoutes } from './statistics-routes.ts';
import { uploadRoutes } from './upload-routes.ts';
import type { FakeYoutubeChannel, YoutubeFakeState } from './youtube-state.ts';

export const YOUTUBE_TEST_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.readonly',
  'https://www.googleapis.com/auth/youtube.force-ssl',
];

const READ_SCOPES = [
  'https://www.googleapis.com/auth/youtube.readonly',
  'https://www.googleapis.com/auth/youtube',
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtubepartner',
];
const DELETE_SCOPES = [
  'https://www.googleapis.com/auth/youtube',
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtubepartner',
];

export interface YoutubeFake {
  server: FakeNetworkServer;
  state: YoutubeFakeState;
  app: { clientId: string; clientSecret: string };
  /** Endpoints for a NetworkContext pointed at this fake. */
  endpoints: Record<string, string>;
  /** A connected account for the first channel, with fresh tokens for `scopes`. */
  account(scopes?: readonly string[]): AccountAuth;
  close(): Promise<void>;
}

export async function startYoutubeFake(options: { channels?: FakeYoutubeChannel[] } = {}): Promise<YoutubeFake> {
  const app = { clientId: 'test-client.apps.googleusercontent.com', clientSecret: 'GOCSPX-test-secret' };
  const state: YoutubeFakeState = {
    tokens: createGoogleTokenState(app),
    channels: options.channels ?? [
      {
        id: 'UCfakechannel000000000001',
        title: 'Plume Test Channel',
        handle: '@plumetest',
        thumbnailUrl: 'https://yt3.ggpht.com/fake=s88',
      },
    ],
    videos: new Map(),
    sessions: new Map(),
    keepOnlyOfNextChunk: undefined,
    apiKeys: new Set(['test-api-key']),
    comments: new Map(),
  };
  let base = '';
  const routes: FakeRoute[] = [
    ...googleTokenRoutes(state.tokens),
    ...uploadRoutes(state, () => base),
    ...statisticsRoutes(state, READ_SCOPES),
    ...commentRoutes(state, READ_SCOPES, DELETE_SCOPES),
    ...apiRoutes(state),
  ];
  const server = await startFakeNetworkServer(routes);
  base = server.url;
  return {
    server,
    state,
    app,
    endpoints: {
      authorize: 'https://accounts.google.com/o/oauth2/v2/auth',
      token: `${server.url}/token`,
      api: `${server.url}/youtube/v3`,
      upload: `${server.url}/upload/youtube/v3`,
      web: 'https://www.youtube.com',
    },
    account(scopes = YOUTUBE_TEST_SCOPES) {
      const tokens = issueGoogleTokens(state.tokens, scopes);
      const channelId = state.channels[0]?.id ?? 'none';
      return { externalId: channelId, tokens, metadata: { channelId } };
    },
    close: () => server.close(),
  };
}

function apiRoutes(state: YoutubeFakeState): FakeRoute[] {
  return [
    {
      method: 'DELETE',
      path: '/youtube/v3/videos',
      handler: (request) => {
        const denied = checkGoogleBearer(state.tokens, request, DELETE_SCOPES);
        if (denied !== undefined) return denied;
        const video = state.videos.get(request.query.get('id') ?? '');
        if (video === undefined || video.deleted) {
          return {
            status: 404,
            body: googleApiError(404, 'The video that you are trying to delete cannot be found.', {
              reason: 'videoNotFound',
              domain: 'youtube.video',
              status: 'NOT_FOUND',
            }),
          };
        }
        video.deleted = true;
        return { status: 204 };
      },
    },
  ];
}
