/**
 * The pure half of the Intelligence agent's summary: from measured posts to a few bounded lists (top
 * and weak posts, hashtags, topics, engagement per weekday). Whatever the history's length, the
 * result holds at most a fixed number of short items, so its prompt stays within a small model's context.
 */
import type { HistoryPost } from '@plume/insights/index';
import { utcToWall } from '../../scheduling/zoned-time.ts';

export const MAX_QUOTED_CHARS = 100;
export const TOP_POSTS = 3;
export const MAX_HASHTAGS = 10;
export const MAX_TOPICS = 10;

export type QuotedPost = { text: string; engagements: number; publishedAt: string };

/** A post cut to its first words, for quoting in a prompt. */
export function quote(post: HistoryPost): QuotedPost {
  const flat = post.text.replace(/\s+/g, ' ').trim();
  const text = flat.length <= MAX_QUOTED_CHARS ? flat : `${flat.slice(0, MAX_QUOTED_CHARS - 1).trimEnd()}…`;
  return { text, engagements: post.likes, publishedAt: post.publishedAt.toISOString().slice(0, 10) };
}

/** The best and the weakest posts (weak ones only when there are enough posts to tell them apart). */
export function topAndWeak(history: readonly HistoryPost[]): { top: QuotedPost[]; weak: QuotedPost[] } {
  const sorted = [...history].sort((a, b) => b.likes - a.likes);
  const top = sorted.slice(0, TOP_POSTS);
  const weak = sorted.length >= TOP_POSTS * 2 ? sorted.slice(-TOP_POSTS).reverse() : [];
  return { top: top.map(quote), weak: weak.map(quote) };
}

/** Engagements rescaled so an account's median post is 100: accounts of any size can be pooled. */
export function rescale(history: readonly HistoryPost[]): Array<{ post: HistoryPost; index: number }> {
  const sorted = history.map((post) => post.likes).sort((a, b) => a - b);
  const median = Math.max(1, sorted[Math.floor(sorted.length / 2)] ?? 1);
  return history.map((post) => ({ post, index: (post.likes / median) * 100 }));
}

const hashtagPattern = /#([\p{L}\p{N}_]{2,50})/gu;
const wordPattern = /[\p{L}][\p{L}\p{N}'-]{4,}/gu;
/** Common words that say nothing about a topic (English; other languages pass through longer words). */
const STOPWORDS = new Set(
  'about above after again against because before being below between could doing during every first from have having here into just itself more most other our ours ourselves should some such than that their theirs them themselves then there these they this those through today under until very what when where which while with would your yours yourself tomorrow week weeks thanks thank great really always never still'.split(
    ' ',
  ),
);

type Tally = Map<string, { posts: number; indexSum: number }>;

function count(tally: Tally, term: string, index: number): void {
  const item = tally.get(term) ?? { posts: 0, indexSum: 0 };
  item.posts += 1;
  item.indexSum += index;
  tally.set(term, item);
}

/** Hashtags and topic words of the posts, by how many posts use them (each with its engagement index). */
export function termsOf(rescaled: ReadonlyArray<{ post: HistoryPost; index: number }>): {
  hashtags: Array<{ tag: string; posts: number; index: number }>;
  topics: Array<{ term: string; posts: number }>;
} {
  const tags: Tally = new Map();
  const words: Tally = new Map();
  for (const { post, index } of rescaled) {
    const text = post.text.replace(/https?:\/\/\S+/g, ' ').replace(/@[\w.]+/g, ' ');
    const postTags = new Set(Array.from(text.matchAll(hashtagPattern), (match) => match[1]!.toLowerCase()));
    for (const tag of postTags) count(tags, tag, index);
    const withoutTags = text.replace(hashtagPattern, ' ');
    const postWords = new Set(Array.from(withoutTags.matchAll(wordPattern), (match) => match[0].toLowerCase()));
    for (const word of postWords) if (!STOPWORDS.has(word)) count(words, word, index);
  }
  const ranked = (tally: Tally, min: number) =>
    [...tally.entries()]
      .filter(([, item]) => item.posts >= min)
      .sort((a, b) => b[1].posts - a[1].posts || a[0].localeCompare(b[0]));
  return {
    hashtags: ranked(tags, 2)
      .slice(0, MAX_HASHTAGS)
      .map(([tag, item]) => ({ tag, posts: item.posts, index: Math.round(item.indexSum / item.posts) })),
    topics: ranked(words, 3)
      .slice(0, MAX_TOPICS)
      .map(([term, item]) => ({ term, posts: item.posts })),
  };
}

/** Mean engagement index per weekday in `zone` (Monday first), 100 = the workspace's usual; 0 without posts. */
export function weekdayIndex(rescaled: ReadonlyArray<{ post: HistoryPost; index: number }>, zone: string): number[] {
  const sums = Array.from({ length: 7 }, () => ({ total: 0, posts: 0 }));
  let total = 0;
  for (const { post, index } of rescaled) {
    const weekday = (utcToWall(zone, post.publishedAt).weekday + 6) % 7;
    sums[weekday]!.total += index;
    sums[weekday]!.posts += 1;
    total += index;
  }
  const mean = rescaled.length === 0 ? 0 : total / rescaled.length;
  return sums.map((day) => (day.posts === 0 || mean === 0 ? 0 : Math.round((day.total / day.posts / mean) * 100)));
}
