/**
 * The AppView's `app.bsky.feed.defs#postView` as the metrics operations read it: the counts
 * (`likeCount`, `repostCount`, `replyCount`, `quoteCount`, each optional in the lexicon, so a
 * missing one stays absent) and the post record for backfill features.
 * Lexicon: github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/defs.json
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext, RecentPost } from '../contract.ts';
import { pickCounts } from '../shared/batches.ts';
import { blueskyPostUrl } from './operations/publish.ts';

const countSchema = z.number().int().nonnegative().optional();

export const postViewSchema = z.looseObject({
  uri: z.string().startsWith('at://'),
  cid: z.string(),
  author: z.looseObject({ did: z.string(), handle: z.string().optional() }),
  record: z.looseObject({
    text: z.string().optional(),
    createdAt: z.string().optional(),
    facets: z.array(z.looseObject({ features: z.array(z.looseObject({ $type: z.string().optional() })) })).optional(),
  }),
  embed: z.looseObject({ $type: z.string().optional() }).optional(),
  likeCount: countSchema,
  repostCount: countSchema,
  replyCount: countSchema,
  quoteCount: countSchema,
  indexedAt: z.string(),
});
export type PostView = z.output<typeof postViewSchema>;

/** Plume's metric names ← the postView's counts. */
export const BLUESKY_POST_FIELDS = {
  likes: 'likeCount',
  reposts: 'repostCount',
  replies: 'replyCount',
  quotes: 'quoteCount',
} as const;

export function metricsOfPostView(view: PostView): PostMetricValues {
  return pickCounts(view, BLUESKY_POST_FIELDS);
}

const MEDIA_EMBEDS = ['app.bsky.embed.images#view', 'app.bsky.embed.video#view', 'app.bsky.embed.recordWithMedia#view'];

/** What a post view says about the post, whoever wrote it: when, its text, media or link, counts. */
export function featuresOfPostView(view: PostView): Omit<RecentPost, 'remoteId' | 'url'> {
  const embedType = view.embed?.$type ?? '';
  const linkFacet = (view.record.facets ?? []).some((facet) =>
    facet.features.some((feature) => feature.$type === 'app.bsky.richtext.facet#link'),
  );
  const createdAt = new Date(view.record.createdAt ?? view.indexedAt);
  return {
    publishedAt: Number.isNaN(createdAt.getTime()) ? new Date(view.indexedAt) : createdAt,
    text: view.record.text ?? '',
    hasMedia: MEDIA_EMBEDS.includes(embedType),
    hasLink: linkFacet || embedType === 'app.bsky.embed.external#view',
    metrics: metricsOfPostView(view),
  };
}

/** A post of the account as backfill stores it: its text, when, whether it had media or a link. */
export function recentPostOfView(context: NetworkContext, account: AccountAuth, view: PostView): RecentPost {
  return {
    remoteId: view.uri,
    url: blueskyPostUrl(context, account, view.uri),
    ...featuresOfPostView(view),
  };
}
