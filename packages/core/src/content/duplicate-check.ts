/**
 * Near-duplicate detection against a workspace's recent posts: Jaccard similarity of word 3-shingles
 * (URLs, hashtags and mentions left out, case ignored). 0.8 or more is a near-duplicate; networks
 * refuse or bury repeats (X rejects duplicate posts) and followers notice them.
 */
import { proseOf, wordsOf } from './text-words.ts';

export const NEAR_DUPLICATE_THRESHOLD = 0.8;
const shingleSize = 3;

export type DuplicateMatch = { index: number; similarity: number };

/** Word shingles; texts shorter than a shingle are one shingle of all their words. */
export function shinglesOf(text: string, language?: string): Set<string> {
  const words = wordsOf(proseOf(text), language);
  if (words.length < shingleSize) return new Set(words.length > 0 ? [words.join(' ')] : []);
  const shingles = new Set<string>();
  for (let i = 0; i + shingleSize <= words.length; i += 1) shingles.add(words.slice(i, i + shingleSize).join(' '));
  return shingles;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * The most similar recent post, or undefined when there are none.
 *
 * @example findMostSimilar('Fresh beans today', ['Fresh beans today!']) // { index: 0, similarity: 1 }
 */
export function findMostSimilar(
  text: string,
  recentPosts: readonly string[],
  language?: string,
): DuplicateMatch | undefined {
  const shingles = shinglesOf(text, language);
  let best: DuplicateMatch | undefined;
  recentPosts.forEach((post, index) => {
    const similarity = jaccard(shingles, shinglesOf(post, language));
    if (!best || similarity > best.similarity) best = { index, similarity };
  });
  return best;
}
