/**
 * The fake's own length check, written from Threads' docs and deliberately NOT Plume's counter (a
 * bug there must not pass both sides): "Text posts are limited to 500 characters. Emojis are counted
 * as the number of UTF-8 bytes" (developers.facebook.com/docs/threads/posts). A character is a
 * grapheme cluster; an emoji is a grapheme that is a whole Unicode RGI emoji (😀 4, 👨‍👩‍👧‍👦 25, 🇫🇷 8).
 */
export const THREADS_MAX_TEXT = 500;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
// The `v` flag (ES2024) is in Node 20+; TypeScript's target is ES2023.
const emoji = new RegExp('^\\p{RGI_Emoji}$', 'v');
const utf8 = new TextEncoder();

export function threadsTextLength(text: string): number {
  let length = 0;
  for (const { segment } of segmenter.segment(text)) length += emoji.test(segment) ? utf8.encode(segment).length : 1;
  return length;
}
