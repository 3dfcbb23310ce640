/**
 * The comment side of the fake YouTube Data API, for the inbox:
 * - https://developers.google.com/youtube/v3/docs/commentThreads/list (`allThreadsRelatedToChannelId`,
 *   `order=time` newest first, `maxResults` ≤ 100, `pageToken`; `part=replies` nests at most 5 replies,
 *   `totalReplyCount` counts all; held-for-review and rejected comments are left out)
 * - https://developers.google.com/youtube/v3/docs/comments/list (`parentId`: a thread's replies)
 * - https://developers.google.com/youtube/v3/docs/comments/insert (`snippet.parentId` must be a top-level comment)
 * - https://developers.google.com/youtube/v3/docs/comments/setModerationStatus (the video owner only; 204)
 * - https://developers.google.com/youtube/v3/docs/comments/delete (the comment's author only; 204)
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { checkGoogleBearer, googleApiError } from './google-token-routes.ts';
import type { FakeYoutubeComment, YoutubeFakeState } from './youtube-state.ts';

const NESTED_REPLIES = 5;

function fail(code: number, message: string, reason: string): FakeResponse {
  return { status: code, body: googleApiError(code, message, { reason, domain: 'youtube.comment' }) };
}

function commentJson(comment: FakeYoutubeComment): Record<string, unknown> {
  return {
    kind: 'youtube#comment',
    id: comment.id,
    snippet: {
      channelId: comment.channelId,
      videoId: comment.videoId,
      textDisplay: comment.text,
      textOriginal: comment.text,
      ...(comment.parentId === undefined ? {} : { parentId: comment.parentId }),
      authorDisplayName: comment.authorName,
      authorProfileImageUrl: `https://yt3.ggpht.com/${comment.authorChannelId}`,
      authorChannelUrl: `https://www.youtube.com/channel/${comment.authorChannelId}`,
      authorChannelId: { value: comment.authorChannelId },
      moderationStatus: comment.moderationStatus,
      publishedAt: new Date(comment.publishedSec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      updatedAt: new Date(comment.publishedSec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
  };
}

/** A page of `all` by the offset in `pageToken`. */
function page<T>(all: readonly T[], request: FakeRequest): { items: T[]; nextPageToken?: string } {
  const size = Math.min(100, Number(request.query.get('maxResults') ?? '20'));
  const start = Number(request.query.get('pageToken') ?? '0');
  const items = all.slice(start, start + size);
  return start + size < all.length ? { items, nextPageToken: String(start + size) } : { items };
}

export function commentRoutes(
  state: YoutubeFakeState,
  readScopes: readonly string[],
  writeScopes: readonly string[],
): FakeRoute[] {
  const visible = (comment: FakeYoutubeComment): boolean => comment.moderationStatus === 'published';
  const repliesOf = (threadId: string): FakeYoutubeComment[] =>
    [...state.comments.values()]
      .filter((comment) => comment.parentId === threadId && visible(comment))
      .sort((a, b) => a.publishedSec - b.publishedSec);
  const me = (): string => state.channels[0]?.id ?? '';
  return [
    {
      method: 'GET',
      path: '/youtube/v3/commentThreads',
      handler: (request) => {
        const denied = checkGoogleBearer(state.tokens, request, readScopes);
        if (denied !== undefined) return denied;
        const channelId = request.query.get('allThreadsRelatedToChannelId');
        if (channelId === null) return fail(400, 'A filter parameter is required.', 'missingRequiredParameter');
        const threads = [...state.comments.values()]
          .filter((comment) => comment.parentId === undefined && comment.channelId === channelId && visible(comment))
          .sort((a, b) => b.publishedSec - a.publishedSec);
        const withReplies = (request.query.get('part') ?? '').includes('replies');
        const { items, nextPageToken } = page(threads, request);
        return {
          body: {
            kind: 'youtube#commentThreadListResponse',
            ...(nextPageToken === undefined ? {} : { nextPageToken }),
            items: items.map((top) => {
              const replies = repliesOf(top.id);
              return {
                kind: 'youtube#commentThread',
                id: top.id,
                snippet: {
                  channelId,
                  videoId: top.videoId,
                  topLevelComment: commentJson(top),
                  totalReplyCount: replies.length,
                },
                ...(withReplies && replies.length > 0
                  ? { replies: { comments: replies.slice(0, NESTED_REPLIES).map(commentJson) } }
                  : {}),
              };
            }),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/youtube/v3/comments',
      handler: (request) => {
        const denied = checkGoogleBearer(state.tokens, request, readScopes);
        if (denied !== undefined) return denied;
        const parentId = request.query.get('parentId') ?? '';
        const { items, nextPageToken } = page(repliesOf(parentId), request);
        return {
          body: {
            kind: 'youtube#commentListResponse',
            ...(nextPageToken === undefined ? {} : { nextPageToken }),
            items: items.map(commentJson),
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/youtube/v3/comments',
      handler: (request) => {
        const denied = checkGoogleBearer(state.tokens, request, writeScopes);
        if (denied !== undefined) return denied;
        const snippet = ((request.body ?? {}) as { snippet?: { parentId?: unknown; textOriginal?: unknown } }).snippet;
        const parent = state.comments.get(typeof snippet?.parentId === 'string' ? snippet.parentId : '');
        if (parent === undefined) return fail(404, 'The parent comment could not be found.', 'parentCommentNotFound');
        if (parent.parentId !== undefined)
          return fail(400, 'Replies must answer a top-level comment.', 'operationNotSupported');
        if (typeof snippet?.textOriginal !== 'string' || snippet.textOriginal === '')
          return fail(400, 'The comment text is required.', 'commentTextRequired');
        const channel = state.channels[0];
        const reply: FakeYoutubeComment = {
          id: `${parent.id}.${state.comments.size + 1}`,
          channelId: parent.channelId,
          videoId: parent.videoId,
          parentId: parent.id,
          authorChannelId: channel?.id ?? '',
          authorName: channel?.title ?? '',
          text: snippet.textOriginal,
          publishedSec: Math.floor(Date.now() / 1000),
          moderationStatus: 'published',
        };
        state.comments.set(reply.id, reply);
        return { body: commentJson(reply) };
      },
    },
    {
      method: 'POST',
      path: '/youtube/v3/comments/setModerationStatus',
      handler: (request) => {
        const denied = checkGoogleBearer(state.tokens, request, writeScopes);
        if (denied !== undefined) return denied;
        const comment = state.comments.get(request.query.get('id') ?? '');
        if (comment === undefined) return fail(404, 'The comment could not be found.', 'commentNotFound');
        if (comment.channelId !== me()) return fail(403, 'The comment could not be moderated.', 'forbidden');
        const status = request.query.get('moderationStatus');
        if (status !== 'published' && status !== 'heldForReview' && status !== 'rejected')
          return fail(400, 'Invalid moderation status.', 'invalidModerationStatus');
        comment.moderationStatus = status;
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      path: '/youtube/v3/comments',
      handler: (request) => {
        const denied = checkGoogleBearer(state.tokens, request, writeScopes);
        if (denied !== undefined) return denied;
        const comment = state.comments.get(request.query.get('id') ?? '');
        if (comment === undefined) return fail(404, 'The comment could not be found.', 'commentNotFound');
        if (comment.authorChannelId !== me()) return fail(403, 'The comment could not be deleted.', 'forbidden');
        state.comments.delete(comment.id);
        return { status: 204 };
      },
    },
  ];
}
