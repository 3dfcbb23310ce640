import { engagementsOf } from '@plume/contract/analytics/metrics';

/** One past post of an account with its results: what every model in this package learns from. */
export type HistoryPost = {
  publishedAt: Date;
  /** The network's id as Plume names it (`x`, `mastodon`, `bluesky`…), or `unknown`. */
  network: string;
  /** The post's id on its network, when the source gives it (a status URL's id, the generic `id` column). */
  remoteId?: string;
  text: string;
  likes: number;
  reposts: number;
  replies: number;
  impressions?: number;
  /** Undefined when the source does not say (FiveThirtyEight's export has no media column). */
  hasMedia?: boolean;
  hasLink?: boolean;
  isThread?: boolean;
};

/** Engagements of a history post: likes + reposts + replies, through the contract's one definition. */
export function engagementOf(post: Pick<HistoryPost, 'likes' | 'reposts' | 'replies'>): number {
  return engagementsOf({ likes: post.likes, reposts: post.reposts, replies: post.replies }) ?? 0;
}

/** log(1 + engagements): the scale every model works on (engagement is heavy-tailed). */
export function logEngagementOf(post: Pick<HistoryPost, 'likes' | 'reposts' | 'replies'>): number {
  return Math.log1p(engagementOf(post));
}

/** The posts sorted by publication time, oldest first (a new array). */
export function inTimeOrder<T extends { publishedAt: Date }>(posts: readonly T[]): T[] {
  return [...posts].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
}
