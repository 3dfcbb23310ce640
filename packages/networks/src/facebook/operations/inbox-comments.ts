/**
 * Comments and replies on the Page's posts for the inbox. The Page feed of the last 28 days gives each
 * post's `updated_time` (the time of its last comment), so only posts commented on since the watermark
 * are opened; each such post's comments are read oldest first from the watermark with `filter=stream`
 * (replies included, each with its `parent`). Facebook threads comments two levels deep: a reply's
 * parent is the top-level comment, which is the conversation.
 * https://developers.facebook.com/docs/graph-api/reference/page/feed/
 * https://developers.facebook.com/docs/graph-api/reference/page-post/comments/
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxItemReading } from '../../inbox-contract.ts';
import { endpoint, graphCall } from '../client.ts';
import { graphTime, isNew, type Candidate, type Watermark } from '../inbox-window.ts';

/** Posts older than this are not opened by polling (their new comments still arrive by webhook). */
const POST_WINDOW_MS = 28 * 24 * 60 * 60 * 1000;
const FEED_PAGE = 100;
const MAX_FEED_PAGES = 5;
/** Graph's largest page of comments. */
const MAX_COMMENTS_PAGE = 100;

const COMMENT_FIELDS = 'id,message,created_time,from{id,name,picture},parent{id},permalink_url,is_hidden';

const pagingSchema = z
  .looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() })
  .optional();

const feedSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.coerce.string(),
      updated_time: z.string().optional(),
      created_time: z.string().optional(),
      status_type: z.string().optional(),
    }),
  ),
  paging: pagingSchema,
});

const fromSchema = z
  .looseObject({
    id: z.coerce.string(),
    name: z.string().optional(),
    picture: z.looseObject({ data: z.looseObject({ url: z.string().optional() }).optional() }).optional(),
  })
  .optional();

export const facebookCommentSchema = z.looseObject({
  id: z.coerce.string(),
  message: z.string().optional(),
  created_time: z.string(),
  from: fromSchema,
  parent: z.looseObject({ id: z.coerce.string() }).optional(),
  permalink_url: z.string().optional(),
  is_hidden: z.boolean().optional(),
});

const commentsSchema = z.looseObject({ data: z.array(facebookCommentSchema), paging: pagingSchema });

interface FeedPost {
  /** The feed id `{page-id}_{post-id}`, which the comments edge takes. */
  feedId: string;
  /** The id publishing stored: a video post's is the video id. */
  remoteId: string;
}

/** Comments and replies newer than the watermark on recently active Page posts (at most `limit` per post). */
export async function readFacebookComments(
  context: NetworkContext,
  account: AccountAuth,
  watermark: Watermark,
  limit: number,
): Promise<Candidate[]> {
  const pageId = account.metadata['pageId'] ?? account.externalId;
  const posts = await activePosts(context, account, pageId, watermark);
  const candidates: Candidate[] = [];
  for (const post of posts) {
    const size = Math.min(MAX_COMMENTS_PAGE, limit + watermark.ids.length);
    const query = `filter=stream&order=chronological&since=${watermark.sec}&limit=${size}&fields=${encodeURIComponent(COMMENT_FIELDS)}`;
    const url = `${endpoint(context, 'graph')}/${encodeURIComponent(post.feedId)}/comments?${query}`;
    const page = await graphCall(context, account.tokens, url, { schema: commentsSchema, what: 'read comments' });
    for (const comment of page.data) {
      const item = facebookCommentItem(comment, pageId, post.remoteId);
      if (item !== undefined && isNew(watermark, item.remoteId, item.createdAt))
        candidates.push({ source: 'comments', item });
    }
  }
  return candidates;
}

/** Feed posts of the last 28 days whose last comment is not older than the watermark. */
async function activePosts(
  context: NetworkContext,
  account: AccountAuth,
  pageId: string,
  watermark: Watermark,
): Promise<FeedPost[]> {
  const since = Math.floor((context.now().getTime() - POST_WINDOW_MS) / 1000);
  const posts: FeedPost[] = [];
  let after: string | undefined;
  for (let pageNumber = 0; pageNumber < MAX_FEED_PAGES; pageNumber += 1) {
    const cursor = after === undefined ? '' : `&after=${encodeURIComponent(after)}`;
    const query = `fields=id,created_time,updated_time,status_type&since=${since}&limit=${FEED_PAGE}${cursor}`;
    const url = `${endpoint(context, 'graph')}/${encodeURIComponent(pageId)}/feed?${query}`;
    const page = await graphCall(context, account.tokens, url, { schema: feedSchema, what: 'list the Page posts' });
    for (const post of page.data) {
      const updated = graphTime(post.updated_time ?? post.created_time);
      if (updated === undefined || Math.floor(updated.getTime() / 1000) < watermark.sec) continue;
      const [, ownId] = post.id.split('_');
      // Publishing stores a video post as its video id; its feed post is `{page-id}_{video-id}`.
      const remoteId = post.status_type === 'added_video' && ownId !== undefined ? ownId : post.id;
      posts.push({ feedId: post.id, remoteId });
    }
    after = page.paging?.cursors?.after;
    if (page.paging?.next === undefined || after === undefined || page.data.length === 0) break;
  }
  return posts;
}

/** One Graph comment as an inbox item; undefined when its time is unreadable. */
export function facebookCommentItem(
  comment: z.output<typeof facebookCommentSchema>,
  pageId: string,
  postRemoteId: string | null,
): InboxItemReading | undefined {
  const createdAt = graphTime(comment.created_time);
  if (createdAt === undefined) return undefined;
  const parentId = comment.parent?.id ?? null;
  const avatarUrl = comment.from?.picture?.data?.url;
  return {
    remoteId: comment.id,
    kind: parentId === null ? 'comment' : 'reply',
    conversationKey: parentId ?? comment.id,
    parentRemoteId: parentId,
    postRemoteId,
    author: {
      id: comment.from?.id ?? '',
      handle: comment.from?.name ?? 'Facebook user',
      displayName: comment.from?.name ?? 'Facebook user',
      ...(avatarUrl === undefined ? {} : { avatarUrl }),
    },
    text: comment.message ?? '',
    createdAt,
    url: comment.permalink_url ?? `https://www.facebook.com/${comment.id}`,
    fromAccount: comment.from?.id === pageId,
    meta: {
      ...(postRemoteId === null ? {} : { postId: postRemoteId }),
      ...(comment.is_hidden ? { hidden: 'true' } : {}),
    },
  };
}
