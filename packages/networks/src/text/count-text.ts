import { isEmojiGrapheme, splitGraphemes } from './graphemes.ts';
import { countMastodon } from './mastodon-count.ts';
import { countWeighted, refusedByX, type WeightedConfig } from './weighted-count.ts';

/**
 * How a network measures post text.
 * - `graphemes`: user-perceived characters (Bluesky's 300, Threads' 500).
 * - `utf8_bytes`: encoded size (Bluesky's 3000-byte record limit).
 * - `utf16_units`: JavaScript string length (networks that count like `String.length`).
 * - `emoji_utf8`: graphemes, except that an emoji counts as its UTF-8 size (Threads: 😀 is 4).
 * - `mastodon`: Mastodon's validator: graphemes, URLs as `urlLength` (instance setting, default 23),
 *   `@user@domain` as `@user`; the content warning `spoilerText` counts too, as a prefix.
 * - `weighted`: X's weighting, by twitter-text; `config` defaults to twitter-text v3.
 */
export type CountMethod =
  | { kind: 'graphemes' }
  | { kind: 'utf8_bytes' }
  | { kind: 'utf16_units' }
  | { kind: 'emoji_utf8' }
  | { kind: 'mastodon'; urlLength?: number; spoilerText?: string }
  | { kind: 'weighted'; config?: WeightedConfig };

const utf8 = new TextEncoder();

/**
 * Measures text the way a network does before it accepts or rejects a post.
 *
 * @example countText('👨‍👩‍👧‍👦', { kind: 'graphemes' }) // 1
 * @example countText('👨‍👩‍👧‍👦', { kind: 'weighted' }) // 2
 */
export function countText(text: string, method: CountMethod): number {
  switch (method.kind) {
    case 'graphemes':
      return splitGraphemes(text).length;
    case 'utf8_bytes':
      return utf8.encode(text).length;
    case 'utf16_units':
      return text.length;
    case 'emoji_utf8':
      return countEmojiAsBytes(text);
    case 'mastodon':
      return countMastodon(text, method);
    case 'weighted':
      return countWeighted(text, method.config);
  }
}

/**
 * A character the network refuses in any post, whatever its length, or undefined. Only X has such
 * characters: U+FEFF (byte order mark), U+FFFE and U+FFFF.
 *
 * @example refusedCharacter('a\uFEFFb', { kind: 'weighted' }) // '\uFEFF'
 */
export function refusedCharacter(text: string, method: CountMethod): string | undefined {
  return method.kind === 'weighted' ? refusedByX(text) : undefined;
}

function countEmojiAsBytes(text: string): number {
  let count = 0;
  for (const grapheme of splitGraphemes(text)) count += isEmojiGrapheme(grapheme) ? utf8.encode(grapheme).length : 1;
  return count;
}
