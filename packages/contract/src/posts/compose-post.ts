/**
 * How a post's text and hashtags become the text a network receives: the body, then its hashtags on
 * their own line. One function for the composer's preview, the engine's publish request and the
 * content studio's measurements. A hashtag the body already contains (any letter case) is not
 * appended again, and a list naming one tag twice appends it once.
 */
const inlineTag = /(?<![\p{L}\p{N}_&/=?])#([\p{L}\p{N}_]+)/gu;

/**
 * Hashtags written in the text itself, without '#'.
 * @example findInlineHashtags('A #tag, https://x.example/#anchor') // ['tag']
 */
export function findInlineHashtags(text: string): string[] {
  return Array.from(text.matchAll(inlineTag), (match) => match[1]!);
}

/**
 * Hashtags as `#tag`, each once (the first spelling wins, compared case-insensitively).
 * @example normalizeHashtags(['coffee', '#Coffee', 'tea']) // ['#coffee', '#tea']
 */
export function normalizeHashtags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const normalized = tag.startsWith('#') ? tag : `#${tag}`;
    const key = normalized.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(normalized);
  }
  return result;
}

/**
 * The hashtags that go on the last line: normalized, without those the text already holds.
 * @example hashtagsToAppend('Cold brew #Coffee', ['coffee', 'ColdBrew']) // ['#ColdBrew']
 */
export function hashtagsToAppend(text: string, hashtags: readonly string[]): string[] {
  const inline = new Set(findInlineHashtags(text).map((tag) => tag.toLowerCase()));
  return normalizeHashtags(hashtags).filter((tag) => !inline.has(tag.slice(1).toLowerCase()));
}

/**
 * @example composePost('Cold brew, explained.', ['coffee', 'ColdBrew']) // 'Cold brew, explained.\n\n#coffee #ColdBrew'
 */
export function composePost(text: string, hashtags: readonly string[]): string {
  const appended = hashtagsToAppend(text, hashtags);
  const body = text.trimEnd();
  if (appended.length === 0) return body;
  return `${body}${body ? '\n\n' : ''}${appended.join(' ')}`;
}

/**
 * Splits what a person typed in a hashtags field into tags.
 * @example parseHashtags('#a b, c') // ['#a', 'b', 'c']
 */
export function parseHashtags(input: string): string[] {
  return input
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0 && tag !== '#');
}
