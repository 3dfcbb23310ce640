/**
 * Threads' own way of counting post text: "Text posts are limited to 500 characters. Emojis are
 * counted as the number of UTF-8 bytes" (developers.facebook.com/docs/threads/posts). So every
 * user-perceived character counts 1, except an emoji, which counts as its UTF-8 size: 😀 is 4,
 * a family emoji (ZWJ sequence) 25. That is the `emoji_utf8` count method.
 */
import { countText, type CountMethod } from '../text/count-text.ts';

export const THREADS_COUNT: CountMethod = { kind: 'emoji_utf8' };

/** Threads' length of `text`. @example countThreadsText('hi 👋') // 3 + 4 = 7 */
export function countThreadsText(text: string): number {
  return countText(text, THREADS_COUNT);
}

/** Threads' post text limit. */
export const THREADS_TEXT_LIMIT = 500;
