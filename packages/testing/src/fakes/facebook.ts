/**
 * Fake Facebook Graph API for Pages: Facebook Login code exchange, long-lived token exchange,
 * `/me/accounts` with Page tokens, Page feed/photos/videos publishing, comments, delete and Page
 * reads. Errors use Graph's body `{error: {message, type, code, error_subcode, fbtrace_id}}` with the
 * codes Graph uses (190 bad token, 200 permission, 100 invalid parameter, 100/33 missing object).
 *
 * Follows:
 * - https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
 * - https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
 * - https://developers.facebook.com/docs/pages-api/getting-started (GET /me/accounts)
 * - https://developers.facebook.com/docs/pages-api/posts
 * - https://developers.facebook.com/docs/graph-api/reference/page/photos/
 * - https://developers.facebook.com/docs/video-api/guides/publishing
 * - https://developers.facebook.com/docs/graph-api/guides/error-handling
 * - https://developers.facebook.com/docs/graph-api/overview/rate-limiting
 */
import { randomBytes } from 'node:crypto';
import {
  startFakeNetworkServer,
  type FakeNetworkServer,
  type FakeRequest,
  type FakeResponse,
} from './fake-network-server.ts';
import { facebookReadRoutes, readFacebookObject, type FacebookFakeStats } from './facebook-reads.ts';
import { graphError } from './graph-error.ts';
import { facebookInbox, type FacebookInbox } from './facebook-inbox.ts';

export { graphError, type GraphErrorAnswer } from './graph-error.ts';
export type { FacebookFakeStats } from './facebook-reads.ts';
export type { FacebookInbox, FakeGraphComment } from './facebook-inbox.ts';

export interface FacebookFakePage {
  id: string;
  name: string;
  username: string;
  token: string;
  tasks: string[];
}

export interface FacebookFakePost {
  id: string;
  pageId: string;
  kind: 'feed' | 'photo' | 'video';
  fields: Record<string, unknown>;
}

export interface FacebookFakeState {
  appId: string;
  appSecret: string;
  version: string;
  codes: Map<string, string>;
  /** User tokens: value says whether it is long-lived. */
  userTokens: Map<string, boolean>;
  pages: Map<string, FacebookFakePage>;
  posts: Map<string, FacebookFakePost>;
  photos: Map<string, { pageId: string; url: string; published: boolean; alt?: string }>;
  comments: { id: string; on: string; message: string }[];
  deleted: Set<string>;
  /** Counts and insights of posts, set by tests (a post without stats reads as bare). */
  stats: Map<string, FacebookFakeStats>;
  pageCounts: Map<string, { followers_count?: number; fan_count?: number }>;
}

export interface FacebookFake {
  server: FakeNetworkServer;
  state: FacebookFakeState;
  endpoints: Record<string, string>;
  /** Comments, Messenger conversations and the Send API (facebook-inbox.ts). */
  inbox: FacebookInbox;
  issueCode(redirectUri: string): string;
  /** A long-lived user token. */
  issueUserToken(): string;
  close(): Promise<void>;
}

/** Starts the fake with two Pages: one the user may post to, one they only moderate. */
export async function startFacebookFake(): Promise<FacebookFake> {
  const token = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;
  const state: FacebookFakeState = {
    appId: 'fb-app',
    appSecret: 'fb-secret',
    version: 'v26.0',
    codes: new Map(),
    userTokens: new Map(),
    pages: new Map([
      [
        '101',
        {
          id: '101',
          name: 'Bakery on Main',
          username: 'bakeryonmain',
          token: token('EAAPage101'),
          tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
        },
      ],
      [
        '202',
        {
          id: '202',
          name: 'Moderated Only',
          username: 'moderatedonly',
          token: token('EAAPage202'),
          tasks: ['MODERATE'],
        },
      ],
    ]),
    posts: new Map(),
    photos: new Map(),
    comments: [],
    deleted: new Set(),
    stats: new Map(),
    pageCounts: new Map([['101', { followers_count: 1520, fan_count: 1490 }]]),
  };
  let counter = 900_000;
  const nextId = (): string => String((counter += 1));

  const badToken = (): FakeResponse => graphError(190, 'Invalid OAuth access token - Cannot parse access token');
  const pageOf = (request: FakeRequest): FacebookFakePage | undefined =>
    [...state.pages.values()].find((page) => page.token === request.bearer);
  const versionCheck = (request: FakeRequest): FakeResponse | undefined =>
    request.params['v'] === state.version
      ? undefined
      : graphError(2500, `Unknown path components: /${request.params['v'] ?? ''}`, 400);
  /** Page-edge writes need that Page's own token. */
  const pageWrite = (request: FakeRequest): { page: FacebookFakePage } | { failure: FakeResponse } => {
    const failed = versionCheck(request);
    if (failed) return { failure: failed };
    const page = pageOf(request);
    if (page === undefined) {
      if (request.bearer !== undefined && state.userTokens.has(request.bearer)) {
        return {
          failure: graphError(
            200,
            '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission',
            403,
          ),
        };
      }
      return { failure: badToken() };
    }
    if (page.id !== request.params['id'])
      return {
        failure: graphError(200, "(#200) The user hasn't authorized the application to perform this action", 403),
      };
    return { page };
  };
  const fields = (request: FakeRequest): Record<string, unknown> => (request.body ?? {}) as Record<string, unknown>;
  const inboxParts = facebookInbox(pageOf);

  const server = await startFakeNetworkServer([
    ...inboxParts.routes,
    {
      method: 'GET',
      path: '/:v/oauth/access_token',
      handler: (request) => {
        const failed = versionCheck(request);
        if (failed) return failed;
        const q = request.query;
        if (q.get('client_id') !== state.appId || q.get('client_secret') !== state.appSecret) {
          return graphError(1, 'Error validating client secret.', 400, 'OAuthException', 463);
        }
        if (q.get('grant_type') === 'fb_exchange_token') {
          if (!state.userTokens.has(q.get('fb_exchange_token') ?? ''))
            return graphError(190, 'Invalid OAuth access token.');
          const long = token('EAAUserLong');
          state.userTokens.set(long, true);
          return { body: { access_token: long, token_type: 'bearer', expires_in: 5_183_944 } };
        }
        const redirect = state.codes.get(q.get('code') ?? '');
        if (redirect === undefined)
          return graphError(100, 'Invalid verification code format.', 400, 'OAuthException', 36_007);
        if (redirect !== q.get('redirect_uri'))
          return graphError(
            100,
            'Error validating verification code. Please make sure your redirect_uri is identical.',
            400,
            'OAuthException',
            36_008,
          );
        state.codes.delete(q.get('code') ?? '');
        const short = token('EAAUserShort');
        state.userTokens.set(short, false);
        return { body: { access_token: short, token_type: 'bearer', expires_in: 5_183 } };
      },
    },
    {
      method: 'GET',
      path: '/:v/me/accounts',
      handler: (request) => {
        const failed = versionCheck(request);
        if (failed) return failed;
        if (request.bearer === undefined || !state.userTokens.has(request.bearer)) return badToken();
        const all = [...state.pages.values()];
        const limit = Number(request.query.get('limit') ?? '25');
        const start = Number(request.query.get('after') ?? '0');
        const slice = all.slice(start, start + limit);
        const more = start + limit < all.length;
        return {
          body: {
            data: slice.map((page) => ({
              id: page.id,
              name: page.name,
              username: page.username,
              link: `https://www.facebook.com/${page.username}`,
              access_token: page.token,
              tasks: page.tasks,
              picture: { data: { url: `https://scontent.example/${page.id}.jpg`, is_silhouette: false } },
            })),
            paging: {
              cursors: { before: String(start), after: String(start + slice.length) },
              ...(more ? { next: 'https://graph.facebook.com/next-page' } : {}),
            },
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/:v/:id/feed',
      handler: (request) => {
        const checked = pageWrite(request);
        if ('failure' in checked) return checked.failure;
        const body = fields(request);
        if (typeof body['message'] !== 'string' && body['link'] === undefined && body['attached_media'] === undefined) {
          return graphError(100, '(#100) Missing message or attachment', 400);
        }
        const attached = (body['attached_media'] ?? []) as { media_fbid?: string }[];
        if (attached.some((item) => state.photos.get(item.media_fbid ?? '')?.published !== false)) {
          return graphError(100, '(#100) attached_media must be unpublished photos of this Page', 400);
        }
        const id = `${checked.page.id}_${nextId()}`;
        state.posts.set(id, { id, pageId: checked.page.id, kind: 'feed', fields: body });
        return { body: { id } };
      },
    },
    {
      method: 'POST',
      path: '/:v/:id/photos',
      handler: (request) => {
        const checked = pageWrite(request);
        if ('failure' in checked) return checked.failure;
        const body = fields(request);
        if (typeof body['url'] !== 'string') return graphError(324, '(#324) Requires upload file', 400);
        const id = nextId();
        const published = body['published'] !== false;
        state.photos.set(id, {
          pageId: checked.page.id,
          url: body['url'],
          published,
          ...(typeof body['alt_text_custom'] === 'string' ? { alt: body['alt_text_custom'] } : {}),
        });
        if (!published) return { body: { id } };
        const postId = `${checked.page.id}_${nextId()}`;
        state.posts.set(postId, { id: postId, pageId: checked.page.id, kind: 'photo', fields: body });
        return { body: { id, post_id: postId } };
      },
    },
    {
      method: 'POST',
      path: '/:v/:id/videos',
      handler: (request) => {
        const checked = pageWrite(request);
        if ('failure' in checked) return checked.failure;
        const body = fields(request);
        if (typeof body['file_url'] !== 'string')
          return graphError(100, '(#100) No file was uploaded or file_url was missing', 400);
        const id = nextId();
        state.posts.set(id, { id, pageId: checked.page.id, kind: 'video', fields: body });
        return { body: { id } };
      },
    },
    {
      method: 'POST',
      path: '/:v/:id/comments',
      handler: (request) => {
        const failed = versionCheck(request);
        if (failed) return failed;
        const page = pageOf(request);
        if (page === undefined) return badToken();
        const on = request.params['id'] ?? '';
        const reply = inboxParts.replyToComment(page, on, fields(request)['message'], nextId);
        if (reply !== undefined) return reply;
        if (!state.posts.has(on))
          return graphError(100, `(#100) Object with ID '${on}' does not exist`, 400, 'GraphMethodException', 33);
        const message = fields(request)['message'];
        if (typeof message !== 'string' || message === '') return graphError(100, '(#100) Missing message', 400);
        const id = `${on.split('_')[1] ?? on}_${nextId()}`;
        state.comments.push({ id, on, message });
        return { body: { id } };
      },
    },
    {
      method: 'DELETE',
      path: '/:v/:id',
      handler: (request) => {
        const failed = versionCheck(request);
        if (failed) return failed;
        const page = pageOf(request);
        if (page === undefined) return badToken();
        const id = request.params['id'] ?? '';
        const comment = inboxParts.deleteComment(page, id);
        if (comment !== undefined) return comment;
        const post = state.posts.get(id);
        if (post === undefined) {
          return graphError(
            100,
            `Unsupported delete request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
            400,
            'GraphMethodException',
            33,
          );
        }
        if (post.pageId !== page.id) return graphError(200, '(#200) Permissions error', 403);
        state.posts.delete(id);
        state.deleted.add(id);
        return { body: { success: true } };
      },
    },
    {
      method: 'GET',
      path: '/:v/:id',
      handler: (request) => {
        const failed = versionCheck(request);
        if (failed) return failed;
        const page = pageOf(request);
        if (page === undefined) return badToken();
        return readFacebookObject(state, page, request);
      },
    },
    ...facebookReadRoutes(state, pageOf),
  ]);

  const base = `${server.url}/${state.version}`;
  return {
    server,
    state,
    inbox: inboxParts.inbox,
    endpoints: { graph: base, video: base, authorize: `${server.url}/${state.version}/dialog/oauth` },
    issueCode(redirectUri) {
      const code = token('code');
      state.codes.set(code, redirectUri);
      return code;
    },
    issueUserToken() {
      const user = token('EAAUserLong');
      state.userTokens.set(user, true);
      return user;
    },
    close: () => server.close(),
  };
}
