/**
 * Threads' own way of counting post text: "Text posts are limited to 500 characters. Emojis are
 * counted as the number of UTF-8 bytes" (developers.facebook.com/docs/threads/posts). So every
 * user-perceived character counts 1, except an emoji, which counts as its UTF-8 size: 😀 is 4,
 * a family emoji (ZWJ sequence) 25. No existing `CountMethod` matches this; see the report.
 */
import { isEmojiGrapheme, splitGraphemes } from '../text/graphemes.ts';

const utf8 = new TextEncoder();

/** Threads' length of `text`. @example countThreadsText('hi 👋') // 3 + 4 = 7 */
export function countThreadsText(text: string): number {
  let count = 0;
  for (const grapheme of splitGraphemes(text)) count += isEmojiGrapheme(grapheme) ? utf8.encode(grapheme).length : 1;
  return count;
}

/** Threads' post text limit. */
export const THREADS_TEXT_LIMIT = 500;
