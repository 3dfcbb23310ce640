/**
 * Reply management of the Threads fake (developers.facebook.com/docs/threads/retrieve-and-manage-replies):
 * - GET /{media-id}/conversation: every reply under a thread at any depth, flattened, with `replied_to`,
 *   `root_post`, `is_reply_owned_by_me` and `hide_status`; `reverse=false` for oldest first (default
 *   newest first), `limit` (default 25, at most 100), `after` cursor and `paging.next`.
 * - POST /{reply-id}/manage_reply with `hide=true|false`: only replies in the profile's own threads.
 * Other people's replies live in `state.replies`; the profile's own replies are its published posts whose
 * container answered another post.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { graphError, invalidToken, isAuthorized, paramsOf } from './responses.ts';
import type { ThreadsFakeReply, ThreadsFakeState } from './state.ts';

interface ReplyView {
  id: string;
  username: string;
  text: string;
  timestamp: string;
  repliedTo: string;
  rootPost: string;
  ownedByMe: boolean;
  hidden: boolean;
}

function ownReplies(state: ThreadsFakeState): ReplyView[] {
  const views: ReplyView[] = [];
  for (const post of state.posts.values()) {
    const container = state.containers.get(post.containerId);
    if (container?.replyToId === undefined) continue;
    views.push({
      id: post.id,
      username: state.user.username,
      text: container.text ?? '',
      timestamp: post.timestamp,
      repliedTo: container.replyToId,
      rootPost: '',
      ownedByMe: true,
      hidden: false,
    });
  }
  return views;
}

/** Every reply with its root post (own replies find theirs by walking up). */
function allReplies(state: ThreadsFakeState): ReplyView[] {
  const others = [...state.replies.values()].map((reply) => ({ ...reply, ownedByMe: false }));
  const views = [...others, ...ownReplies(state)];
  const byId = new Map(views.map((view) => [view.id, view]));
  const rootOf = (view: ReplyView, depth = 0): string => {
    if (view.rootPost !== '' || depth > 50) return view.rootPost;
    const parent = byId.get(view.repliedTo);
    return parent === undefined ? view.repliedTo : rootOf(parent, depth + 1);
  };
  return views.map((view) => ({ ...view, rootPost: rootOf(view) }));
}

function replyJson(view: ReplyView): Record<string, unknown> {
  return {
    id: view.id,
    text: view.text,
    username: view.username,
    timestamp: view.timestamp,
    permalink: `https://www.threads.net/@${view.username}/post/R${view.id.slice(-8)}`,
    media_type: 'TEXT_POST',
    is_reply: true,
    replied_to: { id: view.repliedTo },
    root_post: { id: view.rootPost },
    is_reply_owned_by_me: view.ownedByMe,
    hide_status: view.hidden ? 'HIDDEN' : 'NOT_HUSHED',
  };
}

function conversation(state: ThreadsFakeState, request: FakeRequest): FakeResponse {
  if (!isAuthorized(state, request)) return invalidToken;
  const root = request.params['id'] ?? '';
  if (!state.posts.has(root)) return graphError(100, 'Object does not exist', { subcode: 33 });
  const limit = Math.min(100, Number(request.query.get('limit') ?? '25'));
  const oldestFirst = request.query.get('reverse') === 'false';
  const replies = allReplies(state)
    .filter((view) => view.rootPost === root)
    .sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id));
  if (!oldestFirst) replies.reverse();
  const after = request.query.get('after');
  const start = after === null ? 0 : Number(Buffer.from(after, 'base64url').toString());
  const page = replies.slice(start, start + limit);
  const cursor = (index: number) => Buffer.from(String(index)).toString('base64url');
  const more = start + limit < replies.length;
  return {
    body: {
      data: page.map(replyJson),
      paging: {
        cursors: { before: cursor(start), after: cursor(start + page.length) },
        ...(more ? { next: `https://graph.threads.net/v1.0/${root}/conversation?after=${cursor(start + limit)}` } : {}),
      },
    },
  };
}

function manageReply(state: ThreadsFakeState, request: FakeRequest): FakeResponse {
  if (!isAuthorized(state, request)) return invalidToken;
  const reply: ThreadsFakeReply | undefined = state.replies.get(request.params['id'] ?? '');
  if (reply === undefined || !state.posts.has(reply.rootPost))
    return graphError(10, 'Application does not have permission for this action', { status: 403 });
  const hide = paramsOf(request)['hide'];
  if (hide !== 'true' && hide !== 'false') return graphError(100, 'Param hide must be a boolean');
  reply.hidden = hide === 'true';
  return { body: { success: true } };
}

let replyCounter = 0;

/** Adds someone's reply to a thread of the profile (or to a reply in it). */
export function seedThreadsReply(
  state: ThreadsFakeState,
  input: { username: string; text: string; repliedTo: string; timestamp: string },
): ThreadsFakeReply {
  replyCounter += 1;
  const parent = state.replies.get(input.repliedTo);
  const reply: ThreadsFakeReply = {
    id: `18${String(Date.parse(input.timestamp)).padStart(14, '0')}${String(replyCounter).padStart(4, '0')}`,
    ...input,
    rootPost: parent?.rootPost ?? input.repliedTo,
    hidden: false,
  };
  state.replies.set(reply.id, reply);
  return reply;
}

export function threadsReplyRoutes(state: ThreadsFakeState): FakeRoute[] {
  return [
    { method: 'GET', path: '/v1.0/:id/conversation', handler: (request) => conversation(state, request) },
    { method: 'POST', path: '/v1.0/:id/manage_reply', handler: (request) => manageReply(state, request) },
  ];
}
