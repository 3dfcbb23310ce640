/**
 * The account's own Pins since a date, newest first, for backfill: `GET /v5/pins` (up to 100 a page,
 * `bookmark` pagination), then each Pin's analytics as `getPostMetrics` reads them, so backfilled
 * and measured Pins count the same way (one analytics call per Pin; at most 500 Pins).
 * https://developers.pinterest.com/docs/api/v5/pins-list
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, RecentPost } from '../../contract.ts';
import { pinterestGet } from '../client.ts';
import { readPinAnalytics } from './pin-analytics.ts';

const PAGE_SIZE = 100;

const pinSchema = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  title: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  link: z.string().nullable().optional(),
});
const listSchema = z.looseObject({ items: z.array(pinSchema), bookmark: z.string().nullable().optional() });

/** Up to `limit` Pins created after `since`, with their current metrics. */
export async function listPinterestRecentPosts(
  context: NetworkContext,
  account: AccountAuth,
  options: { since: Date; limit: number },
): Promise<RecentPost[]> {
  const posts: RecentPost[] = [];
  let bookmark: string | undefined;
  let reachedSince = false;
  while (posts.length < options.limit && !reachedSince) {
    const query = `page_size=${PAGE_SIZE}${bookmark === undefined ? '' : `&bookmark=${encodeURIComponent(bookmark)}`}`;
    const page = await pinterestGet(context, account, `/pins?${query}`, listSchema, 'list the Pins');
    for (const pin of page.items) {
      const publishedAt = new Date(pin.created_at.endsWith('Z') ? pin.created_at : `${pin.created_at}Z`);
      if (Number.isNaN(publishedAt.getTime()) || posts.length >= options.limit) continue;
      if (publishedAt < options.since) {
        reachedSince = true;
        continue;
      }
      const reading = await readPinAnalytics(context, account, pin.id);
      if (reading.status !== 'ok') continue;
      posts.push({
        remoteId: pin.id,
        url: `https://www.pinterest.com/pin/${encodeURIComponent(pin.id)}/`,
        publishedAt,
        text: [pin.title, pin.description].filter((part) => typeof part === 'string' && part.length > 0).join('\n'),
        hasMedia: true,
        hasLink: typeof pin.link === 'string' && pin.link.length > 0,
        metrics: reading.metrics,
      });
    }
    bookmark = page.bookmark ?? undefined;
    if (bookmark === undefined || page.items.length === 0) break;
  }
  return posts;
}
