/**
 * The creator's own videos since a date, newest first, with their counts, for backfill:
 * `POST /v2/video/list/` (20 a page, `cursor` = the previous page's, an epoch in milliseconds).
 * https://developers.tiktok.com/doc/tiktok-api-v2-video-list
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, RecentPost } from '../../contract.ts';
import { findUrls } from '../../text/find-urls.ts';
import { tiktokRequest } from '../client.ts';
import { TIKTOK_VIDEO_FIELDS, tiktokVideoMetrics, tiktokVideoSchema, type TikTokVideo } from './video-fields.ts';

const PAGE_SIZE = 20;

const listSchema = z.looseObject({
  videos: z.array(tiktokVideoSchema).default([]),
  cursor: z.union([z.number(), z.string()]).optional(),
  has_more: z.boolean().default(false),
});

/** Up to `limit` videos published after `since`. */
export async function listTikTokRecentPosts(
  context: NetworkContext,
  account: AccountAuth,
  options: { since: Date; limit: number },
): Promise<RecentPost[]> {
  const posts: RecentPost[] = [];
  let cursor: number | string | undefined;
  while (posts.length < options.limit) {
    const page = await tiktokRequest(context, account, {
      method: 'POST',
      path: '/v2/video/list/',
      query: { fields: TIKTOK_VIDEO_FIELDS },
      body: { max_count: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor: Number(cursor) }) },
      data: listSchema,
      what: 'list the TikTok videos',
      creates: false,
    });
    let reachedSince = false;
    for (const video of page.videos) {
      const recent = toRecentPost(video);
      if (recent === undefined) continue;
      if (recent.publishedAt < options.since) {
        reachedSince = true;
        continue;
      }
      posts.push(recent);
    }
    if (reachedSince || !page.has_more || page.cursor === undefined || page.videos.length === 0) break;
    cursor = page.cursor;
  }
  return posts.slice(0, options.limit);
}

function toRecentPost(video: TikTokVideo): RecentPost | undefined {
  if (video.create_time === undefined) return undefined;
  const text = video.video_description ?? video.title ?? '';
  return {
    remoteId: video.id,
    url: video.share_url ?? null,
    publishedAt: new Date(video.create_time * 1000),
    text,
    hasMedia: true,
    hasLink: findUrls(text).length > 0,
    metrics: tiktokVideoMetrics(video),
  };
}
