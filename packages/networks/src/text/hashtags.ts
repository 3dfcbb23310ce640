/**
 * Hashtags in a post's text: `#` followed by letters, marks, digits or `_`, with at least one letter
 * (so `#1` is not a tag), not glued to the word before it (`a#b` is not a tag). Lower-case, without
 * `#`, each once, in the order they first appear.
 */
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&/])[#＃]([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;

/** Most hashtags kept per post (a wall of tags says nothing more). */
export const MAX_HASHTAGS_PER_POST = 30;
const MAX_HASHTAG_LENGTH = 64;

export function hashtagsOf(...texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(HASHTAG)) {
      const tag = (match[1] ?? '').toLowerCase();
      if (tag.length <= MAX_HASHTAG_LENGTH) found.add(tag);
      if (found.size >= MAX_HASHTAGS_PER_POST) return [...found];
    }
  }
  return [...found];
}

/** Tags from the network's own list (Bluesky facets, Mastodon `tags`) merged with those in the text. */
export function mergeHashtags(listed: readonly string[], text: string): string[] {
  const cleaned = listed.map((tag) => tag.replace(/^[#＃]/, '').toLowerCase()).filter((tag) => tag.length > 0);
  return [...new Set([...cleaned, ...hashtagsOf(text)])].slice(0, MAX_HASHTAGS_PER_POST);
}
