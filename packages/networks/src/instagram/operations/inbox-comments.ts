/**
 * Comments and replies on the account's Instagram media for the inbox. Instagram gives a media no
 * "last commented" time, so the media of the last 28 days that have comments (`comments_count`) are
 * opened and their top-level comments read with their `replies` nested; what is newer than the
 * watermark becomes a candidate. Instagram threads one level deep: a reply's `parent_id` is the
 * top-level comment, which is the conversation.
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxItemReading } from '../../inbox-contract.ts';
import { graphTime, isNew, type Candidate, type Watermark } from '../../facebook/inbox-window.ts';
import { instagramCall } from '../client.ts';

/** Media older than this are not opened by polling (their comments still arrive by webhook). */
const MEDIA_WINDOW_MS = 28 * 24 * 60 * 60 * 1000;
const MEDIA_PAGE = 50;
const MAX_MEDIA_PAGES = 2;
const COMMENTS_PAGE = 50;
const MAX_COMMENT_PAGES = 10;

const COMMENT_FIELDS = 'id,text,timestamp,username,from{id,username},hidden,parent_id';

const pagingSchema = z
  .looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() })
  .optional();

export const instagramCommentSchema = z.looseObject({
  id: z.coerce.string(),
  text: z.string().optional(),
  timestamp: z.string(),
  username: z.string().optional(),
  from: z.looseObject({ id: z.coerce.string(), username: z.string().optional() }).optional(),
  hidden: z.boolean().optional(),
  parent_id: z.coerce.string().optional(),
});

const commentsSchema = z.looseObject({
  data: z.array(
    instagramCommentSchema.extend({
      replies: z.looseObject({ data: z.array(instagramCommentSchema) }).optional(),
    }),
  ),
  paging: pagingSchema,
});

const mediaSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.coerce.string(),
      timestamp: z.string().optional(),
      comments_count: z.number().optional(),
      permalink: z.string().optional(),
    }),
  ),
  paging: pagingSchema,
});

/** Comments and replies newer than the watermark on the account's recent media. */
export async function readInstagramComments(
  context: NetworkContext,
  account: AccountAuth,
  watermark: Watermark,
): Promise<Candidate[]> {
  const igUserId = account.metadata['igUserId'] ?? account.externalId;
  const candidates: Candidate[] = [];
  for (const media of await commentedMedia(context, account, igUserId)) {
    let after: string | undefined;
    for (let pageNumber = 0; pageNumber < MAX_COMMENT_PAGES; pageNumber += 1) {
      const fields = `${COMMENT_FIELDS},replies.limit(50){${COMMENT_FIELDS}}`;
      const cursor = after === undefined ? '' : `&after=${encodeURIComponent(after)}`;
      const path = `/${encodeURIComponent(media.id)}/comments?limit=${COMMENTS_PAGE}&fields=${encodeURIComponent(fields)}${cursor}`;
      const page = await instagramCall(context, account.tokens, path, {
        schema: commentsSchema,
        what: 'read comments',
      });
      for (const comment of page.data) {
        for (const one of [comment, ...(comment.replies?.data ?? [])]) {
          const item = instagramCommentItem(one, igUserId, media.id, one === comment ? undefined : comment.id);
          if (item !== undefined && isNew(watermark, item.remoteId, item.createdAt))
            candidates.push({ source: 'comments', item });
        }
      }
      after = page.paging?.cursors?.after;
      if (page.paging?.next === undefined || after === undefined || page.data.length === 0) break;
    }
  }
  return candidates;
}

/** The account's media of the last 28 days that have comments. */
async function commentedMedia(
  context: NetworkContext,
  account: AccountAuth,
  igUserId: string,
): Promise<{ id: string }[]> {
  const since = Math.floor((context.now().getTime() - MEDIA_WINDOW_MS) / 1000);
  const found: { id: string }[] = [];
  let after: string | undefined;
  for (let pageNumber = 0; pageNumber < MAX_MEDIA_PAGES; pageNumber += 1) {
    const cursor = after === undefined ? '' : `&after=${encodeURIComponent(after)}`;
    const path = `/${encodeURIComponent(igUserId)}/media?fields=id,timestamp,comments_count&since=${since}&limit=${MEDIA_PAGE}${cursor}`;
    const page = await instagramCall(context, account.tokens, path, { schema: mediaSchema, what: 'list the media' });
    found.push(...page.data.filter((media) => (media.comments_count ?? 1) > 0));
    after = page.paging?.cursors?.after;
    if (page.paging?.next === undefined || after === undefined || page.data.length === 0) break;
  }
  return found;
}

/** One Instagram comment as an inbox item; `topLevelId` when it came nested under that comment. */
export function instagramCommentItem(
  comment: z.output<typeof instagramCommentSchema>,
  igUserId: string,
  mediaId: string | null,
  topLevelId?: string,
): InboxItemReading | undefined {
  const createdAt = graphTime(comment.timestamp);
  if (createdAt === undefined) return undefined;
  const parentId = comment.parent_id ?? topLevelId ?? null;
  const username = comment.from?.username ?? comment.username ?? 'instagram user';
  return {
    remoteId: comment.id,
    kind: parentId === null ? 'comment' : 'reply',
    conversationKey: parentId ?? comment.id,
    parentRemoteId: parentId,
    postRemoteId: mediaId,
    author: {
      id: comment.from?.id ?? '',
      handle: username,
      displayName: username,
      profileUrl: `https://www.instagram.com/${username}/`,
    },
    text: comment.text ?? '',
    createdAt,
    url: null,
    fromAccount: comment.from?.id === igUserId,
    meta: { ...(mediaId === null ? {} : { mediaId }), ...(comment.hidden ? { hidden: 'true' } : {}) },
  };
}
