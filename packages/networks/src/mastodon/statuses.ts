/**
 * Mastodon's Status entity as far as analytics reads it (docs.joinmastodon.org/entities/Status): the
 * counters, and what backfill needs to describe a post. `quotes_count` exists from Mastodon 4.5 on;
 * older servers leave it out, and then the reading has no `quotes` (absent, never 0).
 */
import { z } from 'zod';
import type { PostMetricValues } from '@plume/contract/analytics/metrics';
import type { RecentPost } from '../contract.ts';

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  created_at: z.string(),
  url: z.string().nullish(),
  content: z.string().default(''),
  favourites_count: z.number().int().nonnegative(),
  reblogs_count: z.number().int().nonnegative(),
  replies_count: z.number().int().nonnegative(),
  quotes_count: z.number().int().nonnegative().nullish(),
  media_attachments: z.array(z.unknown()).default([]),
  card: z.unknown().nullish(),
  reblog: z.unknown().nullish(),
});
export type MastodonStatus = z.output<typeof statusSchema>;

/** The counters a status carries, in Plume's names. */
export function metricsOfStatus(status: MastodonStatus): PostMetricValues {
  return {
    likes: status.favourites_count,
    reposts: status.reblogs_count,
    replies: status.replies_count,
    ...(status.quotes_count === undefined || status.quotes_count === null ? {} : { quotes: status.quotes_count }),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };

/** The status's HTML as plain text: paragraphs and line breaks as newlines, tags dropped, entities read. */
export function plainTextOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (entity: string, name: string) => ENTITIES[name] ?? entity)
    .trim();
}

/** A link that is not a mention or hashtag (those are `<a class="mention …">` / `<a class="… hashtag">`). */
function hasOwnLink(html: string): boolean {
  for (const anchor of html.matchAll(/<a\s[^>]*>/gi)) if (!/class="[^"]*mention/i.test(anchor[0])) return true;
  return false;
}

/** A status as a post of the account, for backfill. */
export function recentPostOf(status: MastodonStatus): RecentPost {
  return {
    remoteId: status.id,
    url: status.url ?? null,
    publishedAt: new Date(status.created_at),
    text: plainTextOf(status.content),
    hasMedia: status.media_attachments.length > 0,
    hasLink: (status.card !== undefined && status.card !== null) || hasOwnLink(status.content),
    metrics: metricsOfStatus(status),
  };
}
