/**
 * The inbox side of the fake Facebook Graph API: the Page feed with each post's `updated_time` (its
 * last comment), a post's comments (`filter=stream|toplevel`, `order`, `since`, offset cursors),
 * Messenger conversations with nested and paged messages (newest first), the Send API with its
 * 24-hour window, and hiding and deleting comments. Seed with `addPost`, `addComment`, `addMessage`.
 *
 * Follows:
 * - https://developers.facebook.com/docs/graph-api/reference/page/feed/
 * - https://developers.facebook.com/docs/graph-api/reference/page-post/comments/
 * - https://developers.facebook.com/docs/graph-api/reference/page/conversations/
 * - https://developers.facebook.com/docs/messenger-platform/reference/send-api/
 * - https://developers.facebook.com/docs/graph-api/reference/comment/
 */
import type { FakeRequest, FakeResponse, FakeRoute } from './fake-network-server.ts';
import { graphError } from './graph-error.ts';

interface Person {
  id: string;
  name: string;
}

export interface FakeGraphComment {
  id: string;
  /** The feed post id `{page-id}_{post-id}`. */
  postId: string;
  parentId?: string;
  from: Person;
  message: string;
  /** Unix seconds. */
  createdSec: number;
  hidden: boolean;
}

export interface FakeGraphMessage {
  id: string;
  from: Person;
  to: Person;
  message: string;
  createdSec: number;
}

export interface FakeGraphConversation {
  id: string;
  pageId: string;
  person: Person;
  messages: FakeGraphMessage[];
}

export interface FacebookInboxState {
  posts: Map<string, { id: string; pageId: string; createdSec: number; statusType: string }>;
  comments: Map<string, FakeGraphComment>;
  conversations: Map<string, FakeGraphConversation>;
  /** Send API calls as received. */
  sent: { recipient: unknown; messagingType: unknown; message: unknown }[];
}

export interface FacebookInbox {
  state: FacebookInboxState;
  addPost(post: { id: string; pageId: string; createdSec: number; statusType?: string }): void;
  addComment(comment: Omit<FakeGraphComment, 'hidden'> & { hidden?: boolean }): void;
  /** Adds a message to the conversation with `person`, creating it. `fromPage` writes as the Page. */
  addMessage(input: {
    pageId: string;
    person: Person;
    id: string;
    message: string;
    createdSec: number;
    fromPage?: boolean;
  }): void;
}

interface PageLike {
  id: string;
  name: string;
}

const graphTime = (sec: number): string => new Date(sec * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** Graph's offset paging: a slice, and `paging` with `next` while more is left. */
function paged<T>(all: readonly T[], request: FakeRequest, limitDefault = 25): { slice: T[]; paging: unknown } {
  const limit = Math.min(100, Number(request.query.get('limit') ?? limitDefault));
  const start = Number(request.query.get('after') ?? '0');
  const slice = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return {
    slice,
    paging: {
      cursors: { before: String(start), after: String(start + slice.length) },
      ...(more ? { next: 'https://graph.facebook.com/next-page' } : {}),
    },
  };
}

function commentBody(comment: FakeGraphComment): Record<string, unknown> {
  return {
    id: comment.id,
    message: comment.message,
    created_time: graphTime(comment.createdSec),
    from: comment.from,
    ...(comment.parentId === undefined ? {} : { parent: { id: comment.parentId } }),
    permalink_url: `https://www.facebook.com/${comment.postId}?comment_id=${comment.id}`,
    is_hidden: comment.hidden,
  };
}

function messageBody(message: FakeGraphMessage): Record<string, unknown> {
  return {
    id: message.id,
    message: message.message,
    created_time: graphTime(message.createdSec),
    from: message.from,
    to: { data: [message.to] },
  };
}

const newestFirst = (messages: readonly FakeGraphMessage[]): FakeGraphMessage[] =>
  [...messages].sort((a, b) => b.createdSec - a.createdSec);

function missing(id: string): FakeResponse {
  return graphError(100, `(#100) Object with ID '${id}' does not exist`, 400, 'GraphMethodException', 33);
}

/** The inbox state, its seeding helpers and its routes (mounted before the fake's other routes). */
export function facebookInbox(pageOf: (request: FakeRequest) => PageLike | undefined): {
  inbox: FacebookInbox;
  routes: FakeRoute[];
  /** Handles `DELETE /{comment-id}`, or undefined when the id is not a comment. */
  deleteComment: (page: PageLike, id: string) => FakeResponse | undefined;
  /** Handles `POST /{comment-id}/comments` (a reply as the Page), or undefined when the id is not a comment. */
  replyToComment: (page: PageLike, id: string, message: unknown, nextId: () => string) => FakeResponse | undefined;
} {
  const state: FacebookInboxState = { posts: new Map(), comments: new Map(), conversations: new Map(), sent: [] };
  const badToken = (): FakeResponse => graphError(190, 'Invalid OAuth access token - Cannot parse access token');
  const lastActivity = (postId: string, createdSec: number): number =>
    Math.max(createdSec, ...[...state.comments.values()].filter((c) => c.postId === postId).map((c) => c.createdSec));
  const conversationTime = (conversation: FakeGraphConversation): number =>
    Math.max(0, ...conversation.messages.map((message) => message.createdSec));

  const inbox: FacebookInbox = {
    state,
    addPost(post) {
      state.posts.set(post.id, { ...post, statusType: post.statusType ?? 'mobile_status_update' });
    },
    addComment(comment) {
      state.comments.set(comment.id, { ...comment, hidden: comment.hidden ?? false });
    },
    addMessage(input) {
      const key = `${input.pageId}:${input.person.id}`;
      const conversation = state.conversations.get(key) ?? {
        id: `t_${input.person.id}`,
        pageId: input.pageId,
        person: input.person,
        messages: [],
      };
      const page = { id: input.pageId, name: 'Page' };
      conversation.messages.push({
        id: input.id,
        from: input.fromPage ? page : input.person,
        to: input.fromPage ? input.person : page,
        message: input.message,
        createdSec: input.createdSec,
      });
      state.conversations.set(key, conversation);
    },
  };

  const routes: FakeRoute[] = [
    {
      method: 'GET',
      path: '/:v/:id/feed',
      handler: (request) => {
        const page = pageOf(request);
        if (page === undefined) return badToken();
        if (page.id !== request.params['id']) return missing(request.params['id'] ?? '');
        const since = Number(request.query.get('since') ?? '0');
        const posts = [...state.posts.values()]
          .filter((post) => post.pageId === page.id && post.createdSec >= since)
          .sort((a, b) => b.createdSec - a.createdSec);
        const { slice, paging } = paged(posts, request);
        return {
          body: {
            data: slice.map((post) => ({
              id: post.id,
              created_time: graphTime(post.createdSec),
              updated_time: graphTime(lastActivity(post.id, post.createdSec)),
              status_type: post.statusType,
            })),
            paging,
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/:v/:id/comments',
      handler: (request) => {
        const page = pageOf(request);
        if (page === undefined) return badToken();
        const id = request.params['id'] ?? '';
        const post = state.posts.get(id);
        if (post === undefined || post.pageId !== page.id) return missing(id);
        const stream = request.query.get('filter') === 'stream';
        const since = Number(request.query.get('since') ?? '0');
        const reverse = request.query.get('order') === 'reverse_chronological';
        const found = [...state.comments.values()]
          .filter((c) => c.postId === id && (stream || c.parentId === undefined) && c.createdSec >= since)
          .sort((a, b) => (reverse ? b.createdSec - a.createdSec : a.createdSec - b.createdSec));
        const { slice, paging } = paged(found, request);
        return { body: { data: slice.map(commentBody), paging } };
      },
    },
    {
      method: 'GET',
      path: '/:v/:id/conversations',
      handler: (request) => {
        const page = pageOf(request);
        if (page === undefined) return badToken();
        if (page.id !== request.params['id']) return missing(request.params['id'] ?? '');
        if (request.query.get('platform') !== 'messenger')
          return graphError(100, '(#100) platform must be one of {messenger, instagram}', 400);
        const nested = Number(/messages\.limit\((\d+)\)/.exec(request.query.get('fields') ?? '')?.[1] ?? '25');
        const conversations = [...state.conversations.values()]
          .filter((conversation) => conversation.pageId === page.id)
          .sort((a, b) => conversationTime(b) - conversationTime(a));
        const { slice, paging } = paged(conversations, request);
        return {
          body: {
            data: slice.map((conversation) => {
              const messages = newestFirst(conversation.messages);
              const more = messages.length > nested;
              return {
                id: conversation.id,
                updated_time: graphTime(conversationTime(conversation)),
                participants: { data: [conversation.person, { id: page.id, name: page.name }] },
                messages: {
                  data: messages.slice(0, nested).map(messageBody),
                  paging: {
                    cursors: { after: String(nested) },
                    ...(more ? { next: 'https://graph.facebook.com/next-page' } : {}),
                  },
                },
              };
            }),
            paging,
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/:v/:id/messages',
      handler: (request) => {
        const page = pageOf(request);
        if (page === undefined) return badToken();
        const id = request.params['id'] ?? '';
        const conversation = [...state.conversations.values()].find((c) => c.id === id && c.pageId === page.id);
        if (conversation === undefined) return missing(id);
        const { slice, paging } = paged(newestFirst(conversation.messages), request);
        return { body: { data: slice.map(messageBody), paging } };
      },
    },
    {
      method: 'POST',
      path: '/:v/:id/messages',
      handler: (request) => {
        const page = pageOf(request);
        if (page === undefined) return badToken();
        if (page.id !== request.params['id']) return graphError(200, '(#200) Permissions error', 403);
        const body = (request.body ?? {}) as Record<string, unknown>;
        state.sent.push({
          recipient: body['recipient'],
          messagingType: body['messaging_type'],
          message: body['message'],
        });
        const recipient = (body['recipient'] as { id?: string } | undefined)?.id ?? '';
        const conversation = state.conversations.get(`${page.id}:${recipient}`);
        if (conversation === undefined)
          return graphError(100, '(#100) No matching user found', 400, 'OAuthException', 2018001);
        const lastFromPerson = Math.max(
          0,
          ...conversation.messages.filter((m) => m.from.id === recipient).map((m) => m.createdSec),
        );
        const nowSec = Math.floor(Date.now() / 1000);
        if (body['messaging_type'] === 'RESPONSE' && nowSec - lastFromPerson > 24 * 3600)
          return graphError(
            10,
            '(#10) This message is sent outside of allowed window.',
            400,
            'OAuthException',
            2018278,
          );
        const text = (body['message'] as { text?: unknown } | undefined)?.text;
        if (typeof text !== 'string' || text === '') return graphError(100, '(#100) Message cannot be empty', 400);
        const id = `m_${conversation.messages.length + 1}_${recipient}`;
        conversation.messages.push({ id, from: page, to: conversation.person, message: text, createdSec: nowSec });
        return { body: { recipient_id: recipient, message_id: id } };
      },
    },
    {
      method: 'POST',
      path: '/:v/:id',
      handler: (request) => {
        const page = pageOf(request);
        if (page === undefined) return badToken();
        const id = request.params['id'] ?? '';
        const comment = state.comments.get(id);
        if (comment === undefined || state.posts.get(comment.postId)?.pageId !== page.id) return missing(id);
        const body = (request.body ?? {}) as Record<string, unknown>;
        if (typeof body['is_hidden'] !== 'boolean') return graphError(100, '(#100) Nothing to update', 400);
        comment.hidden = body['is_hidden'];
        return { body: { success: true } };
      },
    },
  ];

  return {
    inbox,
    routes,
    deleteComment(page, id) {
      const comment = state.comments.get(id);
      if (comment === undefined) return undefined;
      if (state.posts.get(comment.postId)?.pageId !== page.id) return graphError(200, '(#200) Permissions error', 403);
      state.comments.delete(id);
      return { body: { success: true } };
    },
    replyToComment(page, id, message, nextId) {
      const parent = state.comments.get(id);
      if (parent === undefined) return undefined;
      if (typeof message !== 'string' || message === '') return graphError(100, '(#100) Missing message', 400);
      const reply: FakeGraphComment = {
        id: `${id.split('_')[0] ?? id}_${nextId()}`,
        postId: parent.postId,
        // Facebook threads two levels deep: a reply to a reply sits under the top-level comment.
        parentId: parent.parentId ?? parent.id,
        from: { id: page.id, name: page.name },
        message,
        createdSec: Math.floor(Date.now() / 1000),
        hidden: false,
      };
      state.comments.set(reply.id, reply);
      return { body: { id: reply.id } };
    },
  };
}
