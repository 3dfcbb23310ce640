/**
 * LinkedIn's "little" text format for post commentary. Reserved characters must be escaped with a
 * backslash or LinkedIn reads them as markup (mentions, templates) and may drop the text after them.
 * Hashtags are kept as hashtags with the documented template `{hashtag|#|tag}`.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format
 */

const RESERVED = /[|{}@[\]()<>#\\*_~]/g;
const HASHTAG = /(^|[^\p{L}\p{M}\p{N}_])#([\p{L}\p{M}\p{N}_]+)/gu;

/** Escapes every reserved character: `a_b (c)` → `a\_b \(c\)`. */
export function escapeLittle(text: string): string {
  return text.replace(RESERVED, (char) => `\\${char}`);
}

/**
 * Turns plain post text into little commentary: reserved characters escaped, `#tags` kept as tags.
 * @example toLittleText('Launch day! #OpenSource (v1.0)') // 'Launch day! {hashtag|#|OpenSource} \\(v1.0\\)'
 */
export function toLittleText(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(HASHTAG)) {
    const prefix = match[1] ?? '';
    const tag = match[2] ?? '';
    const start = match.index + prefix.length;
    result += escapeLittle(text.slice(last, start)) + `{hashtag|#|${escapeLittle(tag)}}`;
    last = start + 1 + tag.length;
  }
  return result + escapeLittle(text.slice(last));
}
