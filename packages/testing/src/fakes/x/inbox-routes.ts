/**
 * The inbox side of the X fake, after docs.x.com/x-api:
 * - users/get-mentions: GET /2/users/:id/mentions, newest first, `since_id`, `start_time`, `max_results`
 *   5–100, `pagination_token` / `meta.next_token`, `expansions=author_id` with `includes.users`.
 *   A post mentions the user when its text names them or it answers one of their posts.
 * - posts/hide-reply: PUT /2/tweets/:id/hidden `{hidden}`, only replies in conversations the user started.
 * Other people live in `inbox.people`; their posts are the fake's `posts` with another `authorId`.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { invalidRequest, rateLimitHeaders, unauthorized, userOf } from './responses.ts';
import type { XFakePost, XFakeState, XFakeUser } from './state.ts';

export type { XFakeInbox } from './inbox-state.ts';

const MENTION_PARAMS = new Set([
  'since_id',
  'until_id',
  'max_results',
  'pagination_token',
  'start_time',
  'end_time',
  'tweet.fields',
  'expansions',
  'user.fields',
  'media.fields',
  'place.fields',
  'poll.fields',
]);

const compareIds = (a: string, b: string) => a.length - b.length || a.localeCompare(b);

function conversationOf(state: XFakeState, post: XFakePost): string {
  let current = post;
  for (let depth = 0; depth < 100 && current.replyTo !== undefined; depth += 1) {
    const parent = state.posts.get(current.replyTo);
    if (parent === undefined) return current.replyTo;
    current = parent;
  }
  return current.id;
}

/** The conversation fields of a post that `tweet.fields` asks for (author, conversation, what it answers). */
export function threadFields(state: XFakeState, post: XFakePost, fields: ReadonlySet<string>): Record<string, unknown> {
  const parent = post.replyTo === undefined ? undefined : state.posts.get(post.replyTo);
  const view: Record<string, unknown> = {};
  if (fields.has('author_id')) view['author_id'] = post.authorId;
  if (fields.has('conversation_id')) view['conversation_id'] = conversationOf(state, post);
  if (fields.has('in_reply_to_user_id') && parent !== undefined) view['in_reply_to_user_id'] = parent.authorId;
  if (fields.has('referenced_tweets') && post.replyTo !== undefined)
    view['referenced_tweets'] = [{ type: 'replied_to', id: post.replyTo }];
  return view;
}

function view(state: XFakeState, post: XFakePost, fields: ReadonlySet<string>): Record<string, unknown> {
  return {
    id: post.id,
    text: post.text,
    edit_history_tweet_ids: [post.id],
    ...(fields.has('created_at') ? { created_at: post.createdAt } : {}),
    ...threadFields(state, post, fields),
  };
}

function personOf(state: XFakeState, id: string): Record<string, unknown> {
  const person = id === state.user.id ? state.user : state.inbox.people.get(id);
  return { id, name: person?.name ?? id, username: person?.username ?? id };
}

async function mentions(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  const me = await userOf(state, request);
  if (me === undefined) return unauthorized;
  const unknown = [...request.query.keys()].find((name) => !MENTION_PARAMS.has(name));
  if (unknown !== undefined) return invalidRequest(`The query parameter [${unknown}] is not one of [...]`);
  if (request.params['id'] !== me.id) return invalidRequest('You can only read your own mentions in this fake');
  const max = Number(request.query.get('max_results') ?? '10');
  if (!Number.isInteger(max) || max < 5 || max > 100)
    return invalidRequest(`The \`max_results\` query parameter value [${max}] is not between 5 and 100`);
  const sinceId = request.query.get('since_id');
  const startTime = request.query.get('start_time');
  const found = [...state.posts.values()]
    .filter((post) => post.authorId !== me.id)
    .filter(
      (post) =>
        post.text.toLowerCase().includes(`@${me.username.toLowerCase()}`) ||
        (post.replyTo !== undefined && state.posts.get(post.replyTo)?.authorId === me.id),
    )
    .filter((post) => sinceId === null || compareIds(post.id, sinceId) > 0)
    .filter((post) => startTime === null || post.createdAt >= startTime)
    .sort((a, b) => compareIds(b.id, a.id));
  const start = Number(request.query.get('pagination_token') ?? '0');
  const page = found.slice(start, start + max);
  const next = start + max < found.length ? String(start + max) : undefined;
  const withAuthors = (request.query.get('expansions') ?? '').split(',').includes('author_id');
  const fields = new Set((request.query.get('tweet.fields') ?? '').split(','));
  const authors = [...new Set(page.map((post) => post.authorId))].map((id) => personOf(state, id));
  const meta = {
    result_count: page.length,
    ...(page.length > 0 ? { newest_id: page[0]?.id, oldest_id: page.at(-1)?.id } : {}),
    ...(next === undefined ? {} : { next_token: next }),
  };
  return {
    headers: rateLimitHeaders(450),
    body: {
      ...(page.length > 0 ? { data: page.map((post) => view(state, post, fields)) } : {}),
      ...(withAuthors && authors.length > 0 ? { includes: { users: authors } } : {}),
      meta,
    },
  };
}

async function hide(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  const me = await userOf(state, request);
  if (me === undefined) return unauthorized;
  const post = state.posts.get(request.params['id'] ?? '');
  const root = post === undefined ? undefined : state.posts.get(conversationOf(state, post));
  if (post === undefined || post.replyTo === undefined || root?.authorId !== me.id)
    return {
      status: 403,
      body: { title: 'Forbidden', detail: 'You cannot hide this reply.', type: 'about:blank', status: 403 },
    };
  const hidden = (request.body as { hidden?: unknown } | undefined)?.hidden;
  if (typeof hidden !== 'boolean') return invalidRequest('`hidden` must be a boolean');
  if (hidden) state.inbox.hidden.add(post.id);
  else state.inbox.hidden.delete(post.id);
  return { headers: rateLimitHeaders(50), body: { data: { hidden } } };
}

/** Posts someone else's post (a reply when `replyTo` is set) and returns it. */
export function seedXPost(
  state: XFakeState,
  input: { author: XFakeUser; text: string; replyTo?: string; createdAt: string },
): XFakePost {
  state.inbox.people.set(input.author.id, input.author);
  const post: XFakePost = {
    id: state.nextId(),
    authorId: input.author.id,
    text: input.text,
    mediaIds: [],
    replyTo: input.replyTo,
    madeWithAi: false,
    replySettings: undefined,
    createdAt: input.createdAt,
  };
  state.posts.set(post.id, post);
  return post;
}

export function xInboxRoutes(state: XFakeState): FakeRoute[] {
  return [
    { method: 'GET', path: '/2/users/:id/mentions', handler: (request) => mentions(state, request) },
    { method: 'PUT', path: '/2/tweets/:id/hidden', handler: (request) => hide(state, request) },
  ];
}
