/**
 * The profile's own recent posts for backfill: GET /me/threads with `since` (Unix seconds), 100 a
 * page, following `paging.cursors.after` while `paging.next` is present; reposts
 * (`media_type: REPOST_FACADE`) are skipped. The list carries no counts, so each post's insights are
 * read one call each. Docs: developers.facebook.com/docs/threads/threads-media (retrieve a list of all
 * a user's threads), developers.facebook.com/docs/threads/insights
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, RecentPost } from '../../contract.ts';
import { threadsGet } from '../client.ts';
import { readThreadsMediaInsights } from './get-post-metrics.ts';

/** `since` may not be earlier than 1688540400 (the Threads API's start, 5 July 2023). */
const THREADS_EPOCH_SEC = 1_688_540_400;
const PAGE_SIZE = 100;

const pageSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.string(),
      text: z.string().optional(),
      timestamp: z.string(),
      permalink: z.string().optional(),
      media_type: z.string().optional(),
      link_attachment_url: z.string().optional(),
    }),
  ),
  paging: z
    .looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() })
    .optional(),
});

const MEDIA_TYPES = new Set(['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM']);

export async function listThreadsRecentPosts(
  context: NetworkContext,
  account: AccountAuth,
  options: { since: Date; limit: number },
): Promise<RecentPost[]> {
  const since = Math.max(THREADS_EPOCH_SEC, Math.floor(options.since.getTime() / 1000));
  const found: Omit<RecentPost, 'metrics'>[] = [];
  let after: string | undefined;
  while (found.length < options.limit) {
    const page = await threadsGet(
      context,
      account.tokens.accessToken,
      '/me/threads',
      {
        fields: 'id,text,timestamp,permalink,media_type,link_attachment_url',
        since: String(since),
        limit: String(PAGE_SIZE),
        ...(after === undefined ? {} : { after }),
      },
      pageSchema,
      'list your recent posts',
    );
    for (const post of page.data) {
      if (post.media_type === 'REPOST_FACADE') continue;
      const text = post.text ?? '';
      found.push({
        remoteId: post.id,
        url: post.permalink ?? null,
        publishedAt: new Date(post.timestamp),
        text,
        hasMedia: MEDIA_TYPES.has(post.media_type ?? ''),
        hasLink: post.link_attachment_url !== undefined || /https?:\/\//.test(text),
      });
    }
    const next = page.paging?.cursors?.after;
    if (page.paging?.next === undefined || next === undefined || next === after || page.data.length === 0) break;
    after = next;
  }
  const posts: RecentPost[] = [];
  for (const post of found.slice(0, options.limit)) {
    const metrics = await readThreadsMediaInsights(context, account, post.remoteId);
    if (metrics !== undefined) posts.push({ ...post, metrics });
  }
  return posts;
}
