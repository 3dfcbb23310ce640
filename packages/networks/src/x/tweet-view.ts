/**
 * A post as X's v2 lookups return it with `tweet.fields=public_metrics,created_at,attachments,entities`
 * (docs.x.com/x-api/fundamentals/data-dictionary). The docs name the counts `retweet_count` etc.; the
 * published OpenAPI (v2.167) calls the same field `repost_count`, so both are read. A count X leaves
 * out stays absent.
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, RecentPost } from '../contract.ts';
import { pickCounts } from '../shared/batches.ts';
import { xPostUrl } from './operations/publish.ts';

/** The post fields backfill asks for (metrics reads ask only for public_metrics). */
export const X_METRIC_FIELDS = 'public_metrics,created_at,attachments,entities';

export const tweetSchema = z.looseObject({
  id: z.string().min(1),
  text: z.string().optional(),
  created_at: z.string().optional(),
  public_metrics: z.record(z.string(), z.unknown()).optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
  entities: z.looseObject({ urls: z.array(z.looseObject({ media_key: z.string().optional() })).optional() }).optional(),
});
export type XTweet = z.output<typeof tweetSchema>;

/** A partial error of a lookup (`resource-not-found`, `not-authorized-for-resource`…), naming the id. */
export const lookupErrorSchema = z.looseObject({
  resource_id: z.string().optional(),
  value: z.string().optional(),
  type: z.string().optional(),
});

export function metricsOfTweet(tweet: XTweet): PostMetricValues {
  const counts = tweet.public_metrics ?? {};
  return pickCounts(
    { repost_count: counts['retweet_count'] ?? counts['repost_count'], ...counts },
    {
      impressions: 'impression_count',
      likes: 'like_count',
      reposts: 'repost_count',
      replies: 'reply_count',
      quotes: 'quote_count',
      saves: 'bookmark_count',
    },
  );
}

export function recentPostOfTweet(tweet: XTweet, account: AccountAuth): RecentPost {
  const mediaKeys = tweet.attachments?.media_keys ?? [];
  const links = (tweet.entities?.urls ?? []).filter((url) => url.media_key === undefined);
  return {
    remoteId: tweet.id,
    url: xPostUrl(account, tweet.id),
    publishedAt: new Date(tweet.created_at ?? 0),
    text: tweet.text ?? '',
    hasMedia: mediaKeys.length > 0,
    hasLink: links.length > 0,
    metrics: metricsOfTweet(tweet),
  };
}
