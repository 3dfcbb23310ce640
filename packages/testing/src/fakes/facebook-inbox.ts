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
import {
  graphTime,
  metaMessaging,
  missing,
  paged,
  type FakePerson,
  type MetaMessagingState,
} from './meta-messaging.ts';

export interface FakeGraphComment {
  id: string;
  /** The feed post id `{page-id}_{post-id}`. */
  postId: string;
  parentId?: string;
  from: FakePerson;
  message: string;
  /** Unix seconds. */
  createdSec: number;
  hidden: boolean;
}

export interface FacebookInboxState extends MetaMessagingState {
  posts: Map<string, { id: string; pageId: string; createdSec: number; statusType: string }>;
  comments: Map<string, FakeGraphComment>;
}

export interface FacebookInbox {
  state: FacebookInboxState;
  addPost(post: { id: string; pageId: string; createdSec: number; statusType?: string }): void;
  addComment(comment: Omit<FakeGraphComment, 'hidden'> & { hidden?: boolean }): void;
  /** Adds a message to the conversation with `person`, creating it. `fromOwner` writes as the Page. */
  addMessage: ReturnType<typeof metaMessaging>['addMessage'];
}

interface PageLike {
  id: string;
  name: string;
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

/** The inbox state, its seeding helpers and its routes (mounted before the fake's other routes). */
export function facebookInbox(pageOf: (request: FakeRequest) => PageLike | undefined): {
  inbox: FacebookInbox;
  routes: FakeRoute[];
  /** Handles `DELETE /{comment-id}`, or undefined when the id is not a comment. */
  deleteComment: (page: PageLike, id: string) => FakeResponse | undefined;
  /** Handles `POST /{comment-id}/comments` (a reply as the Page), or undefined when the id is not a comment. */
  replyToComment: (page: PageLike, id: string, message: unknown, nextId: () => string) => FakeResponse | undefined;
} {
  const messaging = metaMessaging({ platform: 'messenger', ownerOf: pageOf, windowSubcode: 2018278 });
  const state: FacebookInboxState = Object.assign(messaging.state, { posts: new Map(), comments: new Map() });
  const badToken = (): FakeResponse => graphError(190, 'Invalid OAuth access token - Cannot parse access token');
  const lastActivity = (postId: string, createdSec: number): number =>
    Math.max(createdSec, ...[...state.comments.values()].filter((c) => c.postId === postId).map((c) => c.createdSec));

  const inbox: FacebookInbox = {
    state,
    addPost(post) {
      state.posts.set(post.id, { ...post, statusType: post.statusType ?? 'mobile_status_update' });
    },
    addComment(comment) {
      state.comments.set(comment.id, { ...comment, hidden: comment.hidden ?? false });
    },
    addMessage: messaging.addMessage,
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
    ...messaging.routes,
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
