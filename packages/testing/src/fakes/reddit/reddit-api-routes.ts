/**
 * The oauth.reddit.com part of the Reddit fake (see ../reddit.ts for the doc pages): identity, submit,
 * comment, delete, with Reddit's 200 + `json.errors` refusals (SUBREDDIT_NOEXIST, NO_LINKS, NO_SELFS,
 * NO_TEXT, TOO_LONG, BAD_URL, SUBMIT_VALIDATION_FLAIR_REQUIRED, RATELIMIT).
 */
import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { replyToThing, type FakeRedditThing } from './reddit-inbox-routes.ts';

export interface FakeSubreddit {
  name: string;
  allowSelf: boolean;
  allowLinks: boolean;
  flairRequired: boolean;
}

export interface FakeRedditPost {
  id: string;
  name: string;
  subreddit: string;
  kind: string;
  title: string;
  text?: string;
  url?: string;
  form: Record<string, string>;
  deleted: boolean;
  comments: { name: string; text: string; deleted: boolean }[];
  /** Seconds since the epoch, as `created_utc`. */
  createdUtc: number;
  score: number;
  /** Removed by the subreddit's moderators (`removed_by_category: "moderator"`). */
  removedByModerator?: boolean;
}

export interface RedditFakeState {
  clientId: string;
  clientSecret: string;
  user: { id: string; name: string; iconImg: string };
  codes: Map<string, { redirectUri: string; scopes: string[] }>;
  accessTokens: Map<string, { scopes: string[]; expiresAt: number }>;
  refreshTokens: Map<string, { scopes: string[] }>;
  subreddits: Map<string, FakeSubreddit>;
  posts: Map<string, FakeRedditPost>;
  /** Comments and messages (the inbox and our own replies), by fullname. */
  things: Map<string, FakeRedditThing>;
  /** Subreddits the user moderates (may remove comments there). */
  moderated: Set<string>;
  /** The next submit is refused with RATELIMIT and this message. */
  ratelimitNextSubmit: string | undefined;
  rate: { used: number; remaining: number; resetSec: number };
}

export function createRedditState(app: { clientId: string; clientSecret: string }): RedditFakeState {
  const subreddits = [
    { name: 'test', allowSelf: true, allowLinks: true, flairRequired: false },
    { name: 'textonly', allowSelf: true, allowLinks: false, flairRequired: false },
    { name: 'flaired', allowSelf: true, allowLinks: true, flairRequired: true },
  ];
  return {
    ...app,
    user: {
      id: '1a2b3c',
      name: 'plume_tester',
      iconImg: 'https://styles.redditmedia.com/t5_x/avatar.png?width=256&amp;s=abc',
    },
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    subreddits: new Map(subreddits.map((subreddit) => [subreddit.name, subreddit])),
    posts: new Map(),
    things: new Map(),
    moderated: new Set(['u_plume_tester']),
    ratelimitNextSubmit: undefined,
    rate: { used: 0, remaining: 600, resetSec: 420 },
  };
}

function refuse(code: string, message: string, field: string): FakeResponse {
  return { body: { json: { errors: [[code, message, field]] } } };
}

export function authorize(state: RedditFakeState, request: FakeRequest, scope: string): FakeResponse | undefined {
  const token = request.bearer === undefined ? undefined : state.accessTokens.get(request.bearer);
  if (token === undefined || token.expiresAt <= Date.now()) {
    return {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="reddit", error="invalid_token"' },
      body: { message: 'Unauthorized', error: 401 },
    };
  }
  if (!token.scopes.includes(scope)) {
    return {
      status: 403,
      headers: { 'www-authenticate': 'Bearer realm="reddit", error="insufficient_scope"' },
      body: { message: 'Forbidden', error: 403 },
    };
  }
  return undefined;
}

function form(request: FakeRequest): Record<string, string> {
  return (request.body ?? {}) as Record<string, string>;
}

export function redditApiRoutes(state: RedditFakeState): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/me',
      handler: (request) =>
        authorize(state, request, 'identity') ?? {
          body: {
            id: state.user.id,
            name: state.user.name,
            icon_img: state.user.iconImg,
            subreddit: { display_name_prefixed: `u/${state.user.name}`, title: '' },
          },
        },
    },
    {
      method: 'POST',
      path: '/api/submit',
      handler: (request) => authorize(state, request, 'submit') ?? submit(state, form(request)),
    },
    {
      method: 'POST',
      path: '/api/comment',
      handler: (request) => {
        const fields = form(request);
        const onMessage = (fields['thing_id'] ?? '').startsWith('t4_');
        const denied = authorize(state, request, onMessage ? 'privatemessages' : 'submit');
        if (denied !== undefined) return denied;
        if (fields['api_type'] !== 'json') return { status: 400, body: { message: 'Bad Request', error: 400 } };
        return /^t[14]_/.test(fields['thing_id'] ?? '')
          ? replyToThing(state, fields['thing_id'] ?? '', fields['text'] ?? '')
          : comment(state, fields);
      },
    },
    {
      method: 'POST',
      path: '/api/del',
      handler: (request) => {
        const denied = authorize(state, request, 'edit');
        if (denied !== undefined) return denied;
        const post = state.posts.get(form(request)['id'] ?? '');
        if (post !== undefined) post.deleted = true;
        return { body: {} };
      },
    },
  ];
}

function submit(state: RedditFakeState, fields: Record<string, string>): FakeResponse {
  if (fields['api_type'] !== 'json') return { status: 400, body: { message: 'Bad Request', error: 400 } };
  if (state.ratelimitNextSubmit !== undefined) {
    const message = state.ratelimitNextSubmit;
    state.ratelimitNextSubmit = undefined;
    return refuse('RATELIMIT', message, 'ratelimit');
  }
  const subreddit = state.subreddits.get((fields['sr'] ?? '').toLowerCase());
  if (subreddit === undefined) return refuse('SUBREDDIT_NOEXIST', "that subreddit doesn't exist", 'sr');
  const title = fields['title'] ?? '';
  if (title.trim().length === 0) return refuse('NO_TEXT', 'we need something here', 'title');
  if ([...title].length > 300) return refuse('TOO_LONG', 'this is too long (max: 300)', 'title');
  const kind = fields['kind'];
  if (kind === 'link') {
    if (!subreddit.allowLinks) return refuse('NO_LINKS', 'that subreddit only allows text posts', 'sr');
    if (!/^https?:\/\/\S+$/.test(fields['url'] ?? '')) return refuse('BAD_URL', 'you should check that url', 'url');
  } else if (kind === 'self') {
    if (!subreddit.allowSelf) return refuse('NO_SELFS', "that subreddit doesn't allow text posts", 'sr');
    if ([...(fields['text'] ?? '')].length > 40_000) return refuse('TOO_LONG', 'this is too long (max: 40000)', 'text');
  } else {
    return refuse('INVALID_OPTION', 'that option is not valid', 'kind');
  }
  if (subreddit.flairRequired && fields['flair_id'] === undefined) {
    return refuse('SUBMIT_VALIDATION_FLAIR_REQUIRED', 'Your post must contain post flair.', 'flair');
  }
  const id = randomBytes(4).toString('hex').slice(0, 7);
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 50);
  const post: FakeRedditPost = {
    id,
    name: `t3_${id}`,
    subreddit: subreddit.name,
    kind,
    title,
    ...(kind === 'self' ? { text: fields['text'] ?? '' } : { url: fields['url'] ?? '' }),
    form: fields,
    deleted: false,
    comments: [],
    createdUtc: Date.now() / 1000,
    score: 1,
  };
  state.posts.set(post.name, post);
  return {
    body: {
      json: {
        errors: [],
        data: {
          url: `https://www.reddit.com/r/${subreddit.name}/comments/${id}/${slug}/`,
          drafts_count: 0,
          id,
          name: post.name,
        },
      },
    },
  };
}

function comment(state: RedditFakeState, fields: Record<string, string>): FakeResponse {
  if (fields['api_type'] !== 'json') return { status: 400, body: { message: 'Bad Request', error: 400 } };
  const post = state.posts.get(fields['thing_id'] ?? '');
  if (post === undefined || post.deleted)
    return refuse('DELETED_LINK', 'the link you are commenting on has been deleted', 'parent');
  const text = fields['text'] ?? '';
  if (text.trim().length === 0) return refuse('NO_TEXT', 'we need something here', 'text');
  const id = randomBytes(4).toString('hex').slice(0, 7);
  post.comments.push({ name: `t1_${id}`, text, deleted: false });
  const permalink = `/r/${post.subreddit}/comments/${post.id}/comment/${id}/`;
  return {
    body: {
      json: {
        errors: [],
        data: {
          things: [
            {
              kind: 't1',
              data: { id, name: `t1_${id}`, body: text, link_id: post.name, parent_id: post.name, permalink },
            },
          ],
        },
      },
    },
  };
}
