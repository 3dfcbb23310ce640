/**
 * Fake Instagram API with Instagram Login: Business Login code exchange (api.instagram.com), long-lived
 * token exchange and refresh (graph.instagram.com), `/me`, media containers with processing status,
 * `media_publish`, permalinks, comments and the content publishing limit. Errors use the Graph body
 * with Instagram's subcodes; the code exchange answers api.instagram.com's `{error_type, code, error_message}`.
 * There is no delete route: Instagram Login apps cannot delete media.
 *
 * Follows:
 * - https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
 * - https://developers.facebook.com/docs/instagram-platform/reference/access_token
 * - https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
 * - https://developers.facebook.com/docs/instagram-platform/content-publishing
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
 */
import { randomBytes } from 'node:crypto';
import { graphError } from './graph-error.ts';
import { instagramInbox, type InstagramInbox } from './instagram-inbox.ts';
import { instagramMediaBody, instagramMediaListRoute, type InstagramFakeMediaStats } from './instagram-reads.ts';

export type { InstagramFakeMediaStats } from './instagram-reads.ts';
export type { InstagramInbox } from './instagram-inbox.ts';
import {
  startFakeNetworkServer,
  type FakeNetworkServer,
  type FakeRequest,
  type FakeResponse,
} from './fake-network-server.ts';

export interface InstagramFakeContainer {
  id: string;
  fields: Record<string, unknown>;
  status: 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';
  /** IN_PROGRESS answers left before FINISHED. */
  pollsLeft: number;
}

export interface InstagramFakeState {
  appId: string;
  appSecret: string;
  version: string;
  user: { userId: string; appScopedId: string; username: string; name: string; accountType: string };
  codes: Map<string, string>;
  /** Tokens: value says whether it is long-lived. */
  tokens: Map<string, boolean>;
  containers: Map<string, InstagramFakeContainer>;
  media: Map<string, { id: string; containerId: string; permalink: string }>;
  comments: { id: string; on: string; message: string }[];
  quota: { usage: number; total: number };
  /** IN_PROGRESS answers a new video container gives before FINISHED. */
  videoProcessingPolls: number;
  /** Whether the code exchange wraps its answer in `data: [...]` (current docs) or not (older apps). */
  wrapCodeAnswer: boolean;
  /** Counts and insights of published media, set by tests. */
  stats: Map<string, InstagramFakeMediaStats>;
  counts: { followers_count?: number; follows_count?: number; media_count?: number };
}

export interface InstagramFake {
  server: FakeNetworkServer;
  state: InstagramFakeState;
  endpoints: Record<string, string>;
  /** Comments, replies and Instagram Messaging (instagram-inbox.ts). */
  inbox: InstagramInbox;
  issueCode(redirectUri: string): string;
  /** A long-lived token. */
  issueToken(): string;
  close(): Promise<void>;
}

const CAPTION_LIMIT = 2200;

/** Starts the fake with one business account. */
export async function startInstagramFake(): Promise<InstagramFake> {
  const token = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;
  const state: InstagramFakeState = {
    appId: 'ig-app',
    appSecret: 'ig-secret',
    version: 'v26.0',
    user: {
      userId: '17841400000000001',
      appScopedId: '9000001',
      username: 'bakery.ig',
      name: 'Bakery on Main',
      accountType: 'BUSINESS',
    },
    codes: new Map(),
    tokens: new Map(),
    containers: new Map(),
    media: new Map(),
    comments: [],
    quota: { usage: 0, total: 100 },
    videoProcessingPolls: 0,
    wrapCodeAnswer: true,
    stats: new Map(),
    counts: { followers_count: 830, follows_count: 112, media_count: 57 },
  };
  let counter = 18_000_000_000_000_000n;
  const nextId = (): string => (counter += 1n).toString();

  const badToken = (): FakeResponse => graphError(190, 'Invalid OAuth access token - Cannot parse access token');
  const check = (request: FakeRequest): FakeResponse | undefined => {
    if (request.params['v'] !== state.version)
      return graphError(2500, `Unknown path components: /${request.params['v'] ?? ''}`);
    if (request.bearer === undefined || state.tokens.get(request.bearer) === undefined) return badToken();
    return undefined;
  };
  const ownAccount = (request: FakeRequest): FakeResponse | undefined =>
    request.params['id'] === state.user.userId
      ? undefined
      : graphError(
          100,
          `Unsupported post request. Object with ID '${request.params['id'] ?? ''}' does not exist`,
          400,
          'GraphMethodException',
          33,
        );
  const fields = (request: FakeRequest): Record<string, unknown> => (request.body ?? {}) as Record<string, unknown>;

  function createContainer(body: Record<string, unknown>): FakeResponse {
    const caption = body['caption'];
    if (typeof caption === 'string' && caption.length > CAPTION_LIMIT)
      return graphError(100, 'The caption is too long', 400, 'OAuthException', 2207010);
    const type = body['media_type'];
    if (type === 'CAROUSEL') {
      const children = (typeof body['children'] === 'string' ? body['children'] : '').split(',').filter(Boolean);
      const valid = children.every(
        (id) =>
          state.containers.get(id)?.status === 'FINISHED' &&
          state.containers.get(id)?.fields['is_carousel_item'] === true,
      );
      if (children.length < 2 || children.length > 10 || !valid)
        return graphError(100, 'Invalid carousel children', 400, 'OAuthException', 2207028);
    } else if (type === 'REELS' || type === 'VIDEO' || (type === 'STORIES' && body['video_url'] !== undefined)) {
      if (typeof body['video_url'] !== 'string') return graphError(100, 'video_url is required', 400);
    } else if (typeof body['image_url'] !== 'string') {
      return graphError(100, 'image_url is required', 400);
    } else if (!/\.jpe?g($|\?)/i.test(body['image_url'])) {
      return graphError(100, 'Only photo or video can be accepted as media type.', 400, 'OAuthException', 2207005);
    }
    if (type === 'STORIES' && caption !== undefined) return graphError(100, 'Stories do not take a caption', 400);
    const id = nextId();
    const isVideo = body['video_url'] !== undefined;
    const pollsLeft = isVideo ? state.videoProcessingPolls : 0;
    state.containers.set(id, { id, fields: body, status: pollsLeft > 0 ? 'IN_PROGRESS' : 'FINISHED', pollsLeft });
    return { body: { id } };
  }

  const inboxParts = instagramInbox(
    { id: state.user.userId, name: state.user.username },
    (mediaId) => state.media.has(mediaId),
    (request) => check(request) === undefined,
    nextId,
  );

  const server = await startFakeNetworkServer([
    {
      method: 'POST',
      path: '/oauth/access_token',
      handler: (request) => {
        const form = fields(request) as Record<string, string>;
        if (form['client_id'] !== state.appId || form['client_secret'] !== state.appSecret) {
          return {
            status: 400,
            body: { error_type: 'OAuthException', code: 400, error_message: 'Invalid platform app' },
          };
        }
        const redirect = state.codes.get(form['code'] ?? '');
        if (
          form['grant_type'] !== 'authorization_code' ||
          redirect === undefined ||
          redirect !== form['redirect_uri']
        ) {
          return {
            status: 400,
            body: { error_type: 'OAuthException', code: 400, error_message: 'Invalid authorization code' },
          };
        }
        state.codes.delete(form['code'] ?? '');
        const short = token('IGAAShort');
        state.tokens.set(short, false);
        const answer = {
          access_token: short,
          user_id: state.user.userId,
          permissions: 'instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments',
        };
        return { body: state.wrapCodeAnswer ? { data: [answer] } : answer };
      },
    },
    {
      method: 'GET',
      path: '/access_token',
      handler: (request) => {
        const q = request.query;
        if (q.get('grant_type') !== 'ig_exchange_token' || q.get('client_secret') !== state.appSecret) {
          return graphError(100, 'Invalid parameter', 400);
        }
        if (state.tokens.get(q.get('access_token') ?? '') !== false) return badToken();
        const long = token('IGAALong');
        state.tokens.set(long, true);
        return { body: { access_token: long, token_type: 'bearer', expires_in: 5_183_944 } };
      },
    },
    {
      method: 'GET',
      path: '/refresh_access_token',
      handler: (request) => {
        const q = request.query;
        if (q.get('grant_type') !== 'ig_refresh_token') return graphError(100, 'Invalid parameter', 400);
        if (state.tokens.get(q.get('access_token') ?? '') !== true) return badToken();
        const long = token('IGAALong');
        state.tokens.set(long, true);
        return { body: { access_token: long, token_type: 'bearer', expires_in: 5_184_000 } };
      },
    },
    {
      method: 'GET',
      path: '/:v/me',
      handler: (request) => {
        const failed = check(request);
        if (failed) return failed;
        return {
          body: {
            id: state.user.appScopedId,
            user_id: state.user.userId,
            username: state.user.username,
            name: state.user.name,
            account_type: state.user.accountType,
            profile_picture_url: 'https://scontent.cdninstagram.example/bakery.jpg',
            ...Object.fromEntries(
              Object.entries(state.counts).filter(([name]) => (request.query.get('fields') ?? '').includes(name)),
            ),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/:v/:id/content_publishing_limit',
      handler: (request) =>
        check(request) ??
        ownAccount(request) ?? {
          body: {
            data: [
              { quota_usage: state.quota.usage, config: { quota_total: state.quota.total, quota_duration: 86_400 } },
            ],
          },
        },
    },
    instagramMediaListRoute(state, (request) => check(request) ?? ownAccount(request)),
    {
      method: 'POST',
      path: '/:v/:id/media',
      handler: (request) => check(request) ?? ownAccount(request) ?? createContainer(fields(request)),
    },
    {
      method: 'POST',
      path: '/:v/:id/media_publish',
      handler: (request) => {
        const failed = check(request) ?? ownAccount(request);
        if (failed) return failed;
        if (state.quota.usage >= state.quota.total)
          return graphError(9, 'Application request limit reached', 400, 'OAuthException', 2207042);
        const container = state.containers.get(String(fields(request)['creation_id']));
        if (container === undefined)
          return graphError(100, 'Media ID is not available', 400, 'OAuthException', 2207006);
        if (container.status !== 'FINISHED' || container.fields['is_carousel_item'] === true) {
          return graphError(9007, 'Media ID is not available', 400, 'OAuthException', 2207027);
        }
        container.status = 'PUBLISHED';
        state.quota.usage += 1;
        const id = nextId();
        state.media.set(id, {
          id,
          containerId: container.id,
          permalink: `https://www.instagram.com/p/${id.slice(-8)}/`,
        });
        return { body: { id } };
      },
    },
    {
      method: 'POST',
      path: '/:v/:id/comments',
      handler: (request) => {
        const failed = check(request);
        if (failed) return failed;
        const on = request.params['id'] ?? '';
        if (!state.media.has(on))
          return graphError(100, `Object with ID '${on}' does not exist`, 400, 'GraphMethodException', 33);
        const message = fields(request)['message'];
        if (typeof message !== 'string' || message === '')
          return graphError(100, 'The parameter message is required', 400);
        const id = nextId();
        state.comments.push({ id, on, message });
        return { body: { id } };
      },
    },
    {
      method: 'GET',
      path: '/:v/:id',
      handler: (request) => {
        const failed = check(request);
        if (failed) return failed;
        const id = request.params['id'] ?? '';
        const container = state.containers.get(id);
        if (container !== undefined) {
          if (container.status === 'IN_PROGRESS') {
            container.pollsLeft -= 1;
            if (container.pollsLeft < 0) container.status = 'FINISHED';
          }
          const status =
            container.status === 'IN_PROGRESS'
              ? 'In Progress'
              : container.status === 'ERROR'
                ? 'Error: Media upload has failed with error code 2207026'
                : 'Finished';
          return { body: { id, status_code: container.status, status } };
        }
        const media = state.media.get(id);
        if (media !== undefined) {
          const answer = instagramMediaBody(media, state.stats.get(id), request.query.get('fields') ?? '');
          return 'failure' in answer ? answer.failure : { body: answer.body };
        }
        return graphError(100, `Object with ID '${id}' does not exist`, 400, 'GraphMethodException', 33);
      },
    },
    // After the routes above: its `POST /:v/:id` would otherwise take `POST /oauth/access_token`.
    ...inboxParts.routes,
  ]);

  return {
    server,
    state,
    inbox: inboxParts.inbox,
    endpoints: {
      graph: `${server.url}/${state.version}`,
      graphRoot: server.url,
      authorize: `${server.url}/oauth/authorize`,
      token: `${server.url}/oauth/access_token`,
    },
    issueCode(redirectUri) {
      const code = token('code');
      state.codes.set(code, redirectUri);
      return code;
    },
    issueToken() {
      const long = token('IGAALong');
      state.tokens.set(long, true);
      return long;
    },
    close: () => server.close(),
  };
}
