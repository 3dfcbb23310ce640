/**
 * The YouTube Data API reads of connect, health and metrics:
 * - https://developers.google.com/youtube/v3/docs/channels/list (`mine=true` or `id=`; parts
 *   snippet, statistics, contentDetails with relatedPlaylists.uploads)
 * - https://developers.google.com/youtube/v3/docs/videos/list (`part=statistics&id=a,b`, at most 50
 *   ids; unknown or deleted ids are simply left out of `items`; counts are strings)
 * - https://developers.google.com/youtube/v3/docs/playlistItems/list (the uploads playlist, newest
 *   first, maxResults ≤ 50, pageToken / nextPageToken)
 * Public reads may use an API key (`?key=`, developers.google.com/youtube/v3/docs#calling-the-api)
 * instead of a token: a key the fake does not know answers 400 `keyInvalid`. channels.list also
 * takes `forHandle` (`@name` or `name`); an unknown handle is an empty `items`, not a 404.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { checkGoogleBearer, googleApiError } from './google-token-routes.ts';
import type { FakeYoutubeChannel, YoutubeFakeState } from './youtube-state.ts';

function badRequest(message: string, reason: string): FakeResponse {
  return { status: 400, body: googleApiError(400, message, { reason }) };
}

/** The uploads playlist of a channel: `UU` + the channel id after `UC`, as YouTube names it. */
export function uploadsPlaylistOf(channelId: string): string {
  return `UU${channelId.slice(2)}`;
}

function channelJson(channel: FakeYoutubeChannel, parts: Set<string>): Record<string, unknown> {
  const item: Record<string, unknown> = { kind: 'youtube#channel', etag: `etag-${channel.id}`, id: channel.id };
  if (parts.has('snippet'))
    item['snippet'] = {
      title: channel.title,
      description: '',
      ...(channel.handle === undefined ? {} : { customUrl: channel.handle }),
      ...(channel.thumbnailUrl === undefined
        ? {}
        : { thumbnails: { default: { url: channel.thumbnailUrl, width: 88, height: 88 } } }),
    };
  if (parts.has('statistics'))
    item['statistics'] = channel.statistics ?? {
      viewCount: '0',
      subscriberCount: '0',
      hiddenSubscriberCount: false,
      videoCount: '0',
    };
  if (parts.has('contentDetails'))
    item['contentDetails'] = { relatedPlaylists: { likes: '', uploads: uploadsPlaylistOf(channel.id) } };
  return item;
}

/** A request with `?key=` is an API-key read; without it, the bearer token must hold a read scope. */
function checkRead(
  state: YoutubeFakeState,
  request: FakeRequest,
  readScopes: readonly string[],
): FakeResponse | undefined {
  const key = request.query.get('key');
  if (key === null) return checkGoogleBearer(state.tokens, request, readScopes);
  return state.apiKeys.has(key)
    ? undefined
    : badRequest('API key not valid. Please pass a valid API key.', 'keyInvalid');
}

function channelsMatching(state: YoutubeFakeState, request: FakeRequest): FakeYoutubeChannel[] {
  const id = request.query.get('id');
  const forHandle = request.query.get('forHandle');
  if (forHandle !== null) {
    const wanted = `@${forHandle.replace(/^@/, '')}`.toLowerCase();
    return state.channels.filter((channel) => channel.handle?.toLowerCase() === wanted);
  }
  return id === null ? state.channels : state.channels.filter((channel) => channel.id === id);
}

export function statisticsRoutes(state: YoutubeFakeState, readScopes: readonly string[]): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/youtube/v3/channels',
      handler: (request) => {
        const denied = checkRead(state, request, readScopes);
        if (denied !== undefined) return denied;
        const parts = new Set((request.query.get('part') ?? '').split(',').filter((part) => part !== ''));
        if (parts.size === 0) return badRequest("No parts selected. Set 'part'.", 'missingRequiredParameter');
        const filters = ['mine', 'id', 'forHandle'].filter((name) => request.query.get(name) !== null);
        if (filters.length === 0) return badRequest('No filter selected.', 'missingRequiredParameter');
        const items = channelsMatching(state, request).map((channel) => channelJson(channel, parts));
        return {
          body: {
            kind: 'youtube#channelListResponse',
            pageInfo: { totalResults: items.length, resultsPerPage: 50 },
            items,
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/youtube/v3/videos',
      handler: (request) => {
        const denied = checkRead(state, request, readScopes);
        if (denied !== undefined) return denied;
        const withSnippet = (request.query.get('part') ?? '').split(',').includes('snippet');
        const ids = (request.query.get('id') ?? '').split(',').filter((id) => id !== '');
        if (ids.length > 50) return badRequest('The request specifies too many video IDs.', 'invalidFilters');
        const items = ids.flatMap((id) => {
          const video = state.videos.get(id);
          if (video === undefined || video.deleted) return [];
          const statistics = video.statistics ?? {
            viewCount: '0',
            likeCount: '0',
            favoriteCount: '0',
            commentCount: '0',
          };
          return [
            {
              kind: 'youtube#video',
              etag: `etag-${id}`,
              id,
              statistics,
              ...(withSnippet ? { snippet: video.snippet } : {}),
            },
          ];
        });
        return { body: { kind: 'youtube#videoListResponse', pageInfo: { totalResults: items.length }, items } };
      },
    },
    {
      method: 'GET',
      path: '/youtube/v3/playlistItems',
      handler: (request) => {
        const denied = checkRead(state, request, readScopes);
        if (denied !== undefined) return denied;
        const max = Number(request.query.get('maxResults') ?? '5');
        if (!Number.isInteger(max) || max < 0 || max > 50)
          return badRequest('Invalid value for maxResults.', 'invalidParameter');
        const channel = state.channels.find((entry) => uploadsPlaylistOf(entry.id) === request.query.get('playlistId'));
        if (channel === undefined)
          return {
            status: 404,
            body: googleApiError(404, 'The playlist identified with the request cannot be found.', {
              reason: 'playlistNotFound',
              domain: 'youtube.playlistItem',
            }),
          };
        const videos = [...state.videos.values()]
          .filter((video) => video.channelId === channel.id && !video.deleted)
          .sort((a, b) => String(b.snippet['publishedAt']).localeCompare(String(a.snippet['publishedAt'])));
        const start = Number(request.query.get('pageToken') ?? '0');
        const page = videos.slice(start, start + max).map((video) => ({
          kind: 'youtube#playlistItem',
          id: `item-${video.id}`,
          snippet: { title: video.snippet['title'], description: video.snippet['description'] ?? '' },
          contentDetails: { videoId: video.id, videoPublishedAt: video.snippet['publishedAt'] },
        }));
        const next = start + max < videos.length ? String(start + max) : undefined;
        return {
          body: {
            kind: 'youtube#playlistItemListResponse',
            ...(next === undefined ? {} : { nextPageToken: next }),
            pageInfo: { totalResults: videos.length, resultsPerPage: max },
            items: page,
          },
        };
      },
    },
  ];
}
