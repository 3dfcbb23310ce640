/**
 * The inbox part of the Reddit fake (https://www.reddit.com/dev/api):
 * - `GET /message/inbox` (scope privatemessages; `limit` ≤ 100, default 25; `after`/`before` fullnames):
 *   newest first, `t1` comments with `type` post_reply / comment_reply / username_mention and a `context`
 *   permalink (no `link_id`), `t4` messages with `first_message_name`. A deleted comment reads `[deleted]`.
 * - `POST /api/comment` on a `t1_` comment or `t4_` message (comments need submit, messages privatemessages).
 * - `POST /api/remove` (scope modposts): 403 unless the user moderates the comment's subreddit.
 * - `GET /api/info` also finds comments (see reddit-listing-routes.ts), with `parent_id` and `link_id`.
 */
import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';

/** A comment or message in the user's inbox, or a comment anywhere (`inInbox: false`, e.g. our own). */
export interface FakeRedditThing {
  name: string;
  type: 'post_reply' | 'comment_reply' | 'username_mention' | null;
  author: string;
  body: string;
  /** Seconds since the epoch. */
  createdUtc: number;
  /** `t3_…` for a top-level comment, `t1_…` under a comment, `t4_…` for a message answering one. */
  parentId: string | null;
  /** The post (`t3_…`) a comment is under. */
  linkId?: string;
  subreddit: string | null;
  /** For messages: the thread's first message. */
  firstMessageName?: string;
  inInbox: boolean;
  deleted?: boolean;
  removed?: boolean;
}

/** The part of the Reddit fake's state the inbox uses (the whole state satisfies it). */
export interface RedditInboxState {
  user: { name: string };
  things: Map<string, FakeRedditThing>;
  moderated: Set<string>;
}

function thingData(thing: FakeRedditThing): Record<string, unknown> {
  const gone = thing.deleted === true;
  const base = {
    id: thing.name.slice(3),
    name: thing.name,
    author: gone ? '[deleted]' : thing.author,
    author_fullname: gone ? null : `t2_${thing.author}`,
    body: gone ? '[deleted]' : thing.removed === true ? '[removed]' : thing.body,
    created_utc: thing.createdUtc,
    parent_id: thing.parentId,
    subreddit: thing.subreddit,
    new: true,
  };
  if (thing.name.startsWith('t4_')) {
    return {
      ...base,
      subject: 'hello',
      was_comment: false,
      first_message_name: thing.firstMessageName ?? null,
      replies: '',
    };
  }
  const link = (thing.linkId ?? 't3_unknown').slice(3);
  const subject = { post_reply: 'post reply', comment_reply: 'comment reply', username_mention: 'username mention' };
  return {
    ...base,
    type: thing.type,
    subject: thing.type === null ? 'comment' : subject[thing.type],
    was_comment: true,
    link_title: 'A post',
    context: `/r/${thing.subreddit}/comments/${link}/a_post/${thing.name.slice(3)}/?context=3`,
  };
}

/** As `/api/info` returns a comment: with `link_id` and `permalink`. */
export function commentInfo(thing: FakeRedditThing): unknown {
  const link = (thing.linkId ?? 't3_unknown').slice(3);
  return {
    kind: 't1',
    data: {
      ...thingData(thing),
      link_id: thing.linkId,
      permalink: `/r/${thing.subreddit}/comments/${link}/a_post/${thing.name.slice(3)}/`,
    },
  };
}

function inboxPage(state: RedditInboxState, request: FakeRequest): FakeResponse {
  const limit = Math.max(1, Math.min(100, Number(request.query.get('limit') ?? '25')));
  const all = [...state.things.values()]
    .filter((thing) => thing.inInbox)
    .sort((a, b) => b.createdUtc - a.createdUtc || b.name.localeCompare(a.name));
  const after = request.query.get('after');
  const before = request.query.get('before');
  let start = 0;
  let end = all.length;
  if (after !== null) start = all.findIndex((thing) => thing.name === after) + 1;
  if (before !== null) {
    end = all.findIndex((thing) => thing.name === before);
    start = Math.max(0, end - limit);
  }
  if (start === 0 && after !== null) end = 0; // an unknown anchor answers nothing, as Reddit does
  const page = all.slice(start, Math.min(end, start + limit));
  const more = start + page.length < end;
  const children = page.map((thing) => ({ kind: thing.name.slice(0, 2), data: thingData(thing) }));
  return {
    body: {
      kind: 'Listing',
      data: { after: more ? (page.at(-1)?.name ?? null) : null, before: null, dist: page.length, children },
    },
  };
}

function refuse(code: string, message: string, field: string): FakeResponse {
  return { body: { json: { errors: [[code, message, field]] } } };
}

/** `/api/comment` on a comment or a message: the new comment or message, as Reddit answers it. */
export function replyToThing(state: RedditInboxState, parentName: string, text: string): FakeResponse {
  const parent = state.things.get(parentName);
  if (parent === undefined || parent.deleted === true)
    return refuse('DELETED_COMMENT', 'that comment has been deleted', 'parent');
  if (text.trim().length === 0) return refuse('NO_TEXT', 'we need something here', 'text');
  const isMessage = parentName.startsWith('t4_');
  const name = `${isMessage ? 't4' : 't1'}_${randomBytes(4).toString('hex').slice(0, 7)}`;
  const thing: FakeRedditThing = {
    name,
    type: null,
    author: state.user.name,
    body: text,
    createdUtc: Date.now() / 1000,
    parentId: parentName,
    subreddit: parent.subreddit,
    inInbox: false,
    ...(parent.linkId === undefined ? {} : { linkId: parent.linkId }),
    ...(isMessage ? { firstMessageName: parent.firstMessageName ?? parent.name } : {}),
  };
  state.things.set(name, thing);
  const data = isMessage ? thingData(thing) : (commentInfo(thing) as { data: unknown }).data;
  return { body: { json: { errors: [], data: { things: [{ kind: name.slice(0, 2), data }] } } } };
}

export function redditInboxRoutes(
  state: RedditInboxState,
  authorize: (request: FakeRequest, scope: string) => FakeResponse | undefined,
): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/message/inbox',
      handler: (request) => authorize(request, 'privatemessages') ?? inboxPage(state, request),
    },
    {
      method: 'POST',
      path: '/api/remove',
      handler: (request) => {
        const denied = authorize(request, 'modposts');
        if (denied !== undefined) return denied;
        const thing = state.things.get(String((request.body as Record<string, string>)['id'] ?? ''));
        if (thing === undefined || !state.moderated.has(thing.subreddit ?? ''))
          return { status: 403, body: { message: 'Forbidden', error: 403 } };
        thing.removed = true;
        return { body: {} };
      },
    },
  ];
}
