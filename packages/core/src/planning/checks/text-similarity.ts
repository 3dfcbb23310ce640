/**
 * How alike two posts read: the Jaccard index of their word pairs (2-word shingles), 0 = no pair in
 * common, 1 = the same words in the same order. Words are Unicode word segments (any script),
 * lower-cased after NFKC; links are left out (a shop link repeated in every post is not repetition);
 * a hashtag counts as its word. Texts of one word compare single words instead.
 *
 * Why word pairs: they see a reworded copy (one word changed in a 20-word post keeps ≈ 0.8) while two
 * posts on one topic in different sentences share few pairs (< 0.2), and they need no corpus, unlike
 * TF-IDF, so a short plan is judged the same way as a long one.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;

export function wordsOf(text: string): string[] {
  const plain = text.normalize('NFKC').toLowerCase().replace(LINK, ' ');
  return Array.from(segmenter.segment(plain))
    .filter((part) => part.isWordLike === true)
    .map((part) => part.segment);
}

export function shinglesOf(words: readonly string[], size: number): Set<string> {
  const shingles = new Set<string>();
  for (let start = 0; start + size <= words.length; start += 1)
    shingles.add(words.slice(start, start + size).join(' '));
  return shingles;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** 0–1; see the header. */
export function textSimilarity(a: string, b: string): number {
  const left = wordsOf(a);
  const right = wordsOf(b);
  const size = left.length < 2 || right.length < 2 ? 1 : 2;
  return jaccard(shinglesOf(left, size), shinglesOf(right, size));
}
