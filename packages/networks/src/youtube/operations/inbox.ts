/**
 * The channel's inbox: comments and replies on its videos through `commentThreads.list` with
 * `allThreadsRelatedToChannelId`, newest threads first (`order=time`), 100 a page (1 quota unit each).
 * Reading goes back past the watermark by a week of threads, so new replies under recent threads are
 * found too; a thread with more replies than the few YouTube nests is read with `comments.list`
 * (`parentId`, 1 unit a page). YouTube threads one level deep: a reply's parent is the thread's
 * top-level comment, which is the conversation. Held-for-review comments are not listed.
 * https://developers.google.com/youtube/v3/docs/commentThreads/list
 * https://developers.google.com/youtube/v3/docs/comments/list
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxItemReading, InboxPage } from '../../inbox-contract.ts';
import { graphTime, isNew, readWatermarks, takeOldest, type Candidate } from '../../facebook/inbox-window.ts';
import { channelIdOf, youtubeRead } from '../data-api.ts';

const PAGE_SIZE = 100;
const MAX_THREAD_PAGES = 5;
const MAX_REPLY_PAGES = 5;
/** How far before the watermark threads are still opened for new replies. */
const REPLY_REACH_SEC = 7 * 24 * 60 * 60;

const commentSchema = z.looseObject({
  id: z.string(),
  snippet: z.looseObject({
    videoId: z.string().optional(),
    parentId: z.string().optional(),
    textOriginal: z.string().optional(),
    textDisplay: z.string().optional(),
    authorDisplayName: z.string().optional(),
    authorProfileImageUrl: z.string().optional(),
    authorChannelUrl: z.string().optional(),
    authorChannelId: z.looseObject({ value: z.string() }).optional(),
    publishedAt: z.string(),
  }),
});

const threadsSchema = z.looseObject({
  nextPageToken: z.string().optional(),
  items: z
    .array(
      z.looseObject({
        id: z.string(),
        snippet: z.looseObject({
          videoId: z.string().optional(),
          totalReplyCount: z.number().optional(),
          topLevelComment: commentSchema,
        }),
        replies: z.looseObject({ comments: z.array(commentSchema) }).optional(),
      }),
    )
    .default([]),
});

const repliesSchema = z.looseObject({
  nextPageToken: z.string().optional(),
  items: z.array(commentSchema).default([]),
});

type Comment = z.output<typeof commentSchema>;

/** Comments and replies newer than the cursor, oldest first, at most `limit`. */
export async function listYoutubeInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const watermarks = readWatermarks(options.cursor, ['comments'], context.now());
  const watermark = watermarks.get('comments') ?? { sec: 0, ids: [] };
  const channelId = channelIdOf(account);
  const candidates: Candidate[] = [];
  const add = (comment: Comment, threadId: string, videoId: string | undefined): void => {
    const item = youtubeCommentItem(comment, channelId, threadId, videoId);
    if (item !== undefined && isNew(watermark, item.remoteId, item.createdAt))
      candidates.push({ source: 'comments', item });
  };
  let pageToken: string | undefined;
  for (let pageNumber = 0; pageNumber < MAX_THREAD_PAGES; pageNumber += 1) {
    const page = await youtubeRead(context, account, {
      resource: 'commentThreads',
      params: {
        part: 'snippet,replies',
        allThreadsRelatedToChannelId: channelId,
        order: 'time',
        textFormat: 'plainText',
        maxResults: String(PAGE_SIZE),
        ...(pageToken === undefined ? {} : { pageToken }),
      },
      schema: threadsSchema,
      what: 'read comments',
    });
    let reachedOld = false;
    for (const thread of page.items) {
      const { topLevelComment, videoId, totalReplyCount } = thread.snippet;
      const started = graphTime(topLevelComment.snippet.publishedAt);
      if (started !== undefined && started.getTime() / 1000 < watermark.sec - REPLY_REACH_SEC) {
        reachedOld = true;
        break;
      }
      add(topLevelComment, thread.id, videoId);
      const nested = thread.replies?.comments ?? [];
      const replies = (totalReplyCount ?? 0) > nested.length ? await allReplies(context, account, thread.id) : nested;
      for (const reply of replies) add(reply, thread.id, videoId);
    }
    pageToken = page.nextPageToken;
    if (reachedOld || pageToken === undefined) break;
  }
  return takeOldest(candidates, watermarks, options.limit);
}

async function allReplies(context: NetworkContext, account: AccountAuth, threadId: string): Promise<Comment[]> {
  const replies: Comment[] = [];
  let pageToken: string | undefined;
  for (let pageNumber = 0; pageNumber < MAX_REPLY_PAGES; pageNumber += 1) {
    const page = await youtubeRead(context, account, {
      resource: 'comments',
      params: {
        part: 'snippet',
        parentId: threadId,
        textFormat: 'plainText',
        maxResults: String(PAGE_SIZE),
        ...(pageToken === undefined ? {} : { pageToken }),
      },
      schema: repliesSchema,
      what: 'read replies',
    });
    replies.push(...page.items);
    pageToken = page.nextPageToken;
    if (pageToken === undefined) break;
  }
  return replies;
}

/** One YouTube comment as an inbox item. */
function youtubeCommentItem(
  comment: Comment,
  channelId: string,
  threadId: string,
  videoId: string | undefined,
): InboxItemReading | undefined {
  const { snippet } = comment;
  const createdAt = graphTime(snippet.publishedAt);
  if (createdAt === undefined) return undefined;
  const parentId = comment.id === threadId ? null : (snippet.parentId ?? threadId);
  const video = snippet.videoId ?? videoId;
  const name = snippet.authorDisplayName ?? 'YouTube user';
  const author = snippet.authorChannelId?.value ?? '';
  return {
    remoteId: comment.id,
    kind: parentId === null ? 'comment' : 'reply',
    conversationKey: threadId,
    parentRemoteId: parentId,
    postRemoteId: video ?? null,
    author: {
      id: author,
      handle: name,
      displayName: name,
      ...(snippet.authorProfileImageUrl === undefined ? {} : { avatarUrl: snippet.authorProfileImageUrl }),
      ...(snippet.authorChannelUrl === undefined ? {} : { profileUrl: snippet.authorChannelUrl }),
    },
    text: snippet.textOriginal ?? snippet.textDisplay ?? '',
    createdAt,
    url: video === undefined ? null : `https://www.youtube.com/watch?v=${video}&lc=${comment.id}`,
    fromAccount: author === channelId,
    meta: video === undefined ? {} : { videoId: video },
  };
}
