/**
 * The inbox side of the fake Instagram API: a media's top-level comments (newest first, offset
 * cursors) with their `replies` nested when asked, replying to a top-level comment (Instagram refuses
 * a reply to a reply), hiding and deleting comments, and Instagram Messaging (meta-messaging.ts).
 * Seed with `addComment` and `addMessage`; the media come from the fake's `media` and `stats`.
 *
 * Follows:
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment
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

export interface FakeInstagramComment {
  id: string;
  mediaId: string;
  parentId?: string;
  from: FakePerson;
  text: string;
  createdSec: number;
  hidden: boolean;
}

export interface InstagramInboxState extends MetaMessagingState {
  comments: Map<string, FakeInstagramComment>;
}

export interface InstagramInbox {
  state: InstagramInboxState;
  addComment: (comment: Omit<FakeInstagramComment, 'hidden'> & { hidden?: boolean }) => void;
  /** Adds a message to the conversation with `person`, creating it. `fromOwner` writes as the account. */
  addMessage: ReturnType<typeof metaMessaging>['addMessage'];
}

function commentBody(comment: FakeInstagramComment): Record<string, unknown> {
  return {
    id: comment.id,
    text: comment.text,
    timestamp: graphTime(comment.createdSec),
    username: comment.from.name,
    from: { id: comment.from.id, username: comment.from.name },
    hidden: comment.hidden,
    ...(comment.parentId === undefined ? {} : { parent_id: comment.parentId }),
  };
}

/** The inbox state, its seeding helpers and its routes (mounted before the fake's other routes). */
export function instagramInbox(
  owner: FakePerson,
  isOwnMedia: (mediaId: string) => boolean,
  authorized: (request: FakeRequest) => boolean,
  nextId: () => string,
): { inbox: InstagramInbox; routes: FakeRoute[] } {
  const messaging = metaMessaging({
    platform: 'instagram',
    ownerOf: (request) => (authorized(request) ? owner : undefined),
    windowSubcode: 2534022,
  });
  const state: InstagramInboxState = Object.assign(messaging.state, { comments: new Map() });
  const badToken = (): FakeResponse => graphError(190, 'Invalid OAuth access token - Cannot parse access token');
  const ownComment = (request: FakeRequest): FakeInstagramComment | FakeResponse => {
    if (!authorized(request)) return badToken();
    const id = request.params['id'] ?? '';
    const comment = state.comments.get(id);
    return comment === undefined || !isOwnMedia(comment.mediaId) ? missing(id) : comment;
  };

  const routes: FakeRoute[] = [
    {
      method: 'GET',
      path: '/:v/:id/comments',
      handler: (request) => {
        if (!authorized(request)) return badToken();
        const mediaId = request.params['id'] ?? '';
        if (!isOwnMedia(mediaId)) return missing(mediaId);
        const all = [...state.comments.values()];
        const topLevel = all
          .filter((comment) => comment.mediaId === mediaId && comment.parentId === undefined)
          .sort((a, b) => b.createdSec - a.createdSec);
        const withReplies = (request.query.get('fields') ?? '').includes('replies');
        const { slice, paging } = paged(topLevel, request);
        const data = slice.map((comment) => ({
          ...commentBody(comment),
          ...(withReplies
            ? {
                replies: {
                  data: all
                    .filter((reply) => reply.parentId === comment.id)
                    .sort((a, b) => a.createdSec - b.createdSec)
                    .map(commentBody),
                },
              }
            : {}),
        }));
        return { body: { data, paging } };
      },
    },
    {
      method: 'POST',
      path: '/:v/:id/replies',
      handler: (request) => {
        const parent = ownComment(request);
        if (!('mediaId' in parent)) return parent;
        if (parent.parentId !== undefined)
          return graphError(100, '(#100) Replies can only be made to top-level comments', 400);
        const message = ((request.body ?? {}) as Record<string, unknown>)['message'];
        if (typeof message !== 'string' || message === '')
          return graphError(100, 'The parameter message is required', 400);
        const reply: FakeInstagramComment = {
          id: nextId(),
          mediaId: parent.mediaId,
          parentId: parent.id,
          from: owner,
          text: message,
          createdSec: Math.floor(Date.now() / 1000),
          hidden: false,
        };
        state.comments.set(reply.id, reply);
        return { body: { id: reply.id } };
      },
    },
    {
      method: 'POST',
      path: '/:v/:id',
      handler: (request) => {
        const comment = ownComment(request);
        if (!('mediaId' in comment)) return comment;
        const hide = ((request.body ?? {}) as Record<string, unknown>)['hide'];
        if (typeof hide !== 'boolean') return graphError(100, 'The parameter hide is required', 400);
        comment.hidden = hide;
        return { body: { success: true } };
      },
    },
    {
      method: 'DELETE',
      path: '/:v/:id',
      handler: (request) => {
        const comment = ownComment(request);
        if (!('mediaId' in comment)) return comment;
        state.comments.delete(comment.id);
        for (const reply of [...state.comments.values()])
          if (reply.parentId === comment.id) state.comments.delete(reply.id);
        return { body: { success: true } };
      },
    },
    ...messaging.routes,
  ];

  return {
    routes,
    inbox: {
      state,
      addComment: (comment) => {
        state.comments.set(comment.id, { ...comment, hidden: comment.hidden ?? false });
      },
      addMessage: messaging.addMessage,
    },
  };
}
