/**
 * X's weighted length, measured by `twitter-text` (3.1.0), the library X publishes for it: its
 * `parseTweet` does NFC, finds URLs the way X links them (`example.com`, `t.co/x` too; not
 * `localhost`, IPs or unknown TLDs) and weighs each URL 23, each emoji 2, each code point by range.
 *
 * One local correction: twitter-text recognises emoji with twemoji-parser 11 (2019, Emoji 11). A
 * sequence Unicode added later (🫱🏻‍🫲🏿, 🤝🏽, 🧑‍🤝‍🧑, ❤️‍🔥, the fully qualified 👁️‍🗨️) falls apart there
 * into code points weighing 2 each (🫱🏻‍🫲🏿 = 9), while X counts every emoji it shows as 2 ("Emoji
 * supported by twemoji always count as two characters, regardless of combining modifiers", docs
 * "Counting characters"). So a grapheme that is a whole RGI emoji counts 2 here; everything else is
 * twitter-text's number as is.
 */
import twitterText from 'twitter-text';
import type { TextSpan } from './find-urls.ts';
import { splitGraphemes } from './graphemes.ts';

export type WeightedRange = { start: number; end: number; weight: number };

/** twitter-text's weighting configuration (field names follow its JSON config files). */
export type WeightedConfig = {
  maxWeightedLength: number;
  scale: number;
  defaultWeight: number;
  transformedUrlLength: number;
  emojiParsingEnabled: boolean;
  ranges: readonly WeightedRange[];
};

/**
 * X's current rules, twitter-text `config/v3.json`: Latin and other common scripts weigh 1, everything
 * else (CJK, most astral characters) 2, every URL 23 (t.co), every emoji sequence 2. Max 280.
 */
export const twitterTextV3: WeightedConfig = {
  maxWeightedLength: 280,
  scale: 100,
  defaultWeight: 200,
  transformedUrlLength: 23,
  emojiParsingEnabled: true,
  ranges: [
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ],
};

// The `v` flag (ES2024) is in Node 20+ and every current browser; TypeScript's target is ES2023.
const rgiEmoji = new RegExp('^\\p{RGI_Emoji}$', 'v');
const mayHoldEmoji = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/u;

function optionsOf(config: WeightedConfig) {
  return {
    version: 3,
    maxWeightedTweetLength: config.maxWeightedLength,
    scale: config.scale,
    defaultWeight: config.defaultWeight,
    transformedURLLength: config.transformedUrlLength,
    emojiParsingEnabled: config.emojiParsingEnabled,
    ranges: [...config.ranges],
  };
}

/**
 * Weighted length as X counts it (see the file comment for the one difference from `parseTweet`).
 *
 * @example countWeighted('日本 example.com') // 4 + 1 + 23 = 28
 */
export function countWeighted(text: string, config: WeightedConfig = twitterTextV3): number {
  const options = optionsOf(config);
  const library = twitterText.parseTweet(text, options).weightedLength;
  if (!config.emojiParsingEnabled || !mayHoldEmoji.test(text)) return library;
  return library + staleEmojiCorrection(text.normalize('NFC'), config, options);
}

type LibraryOptions = ReturnType<typeof optionsOf>;

/** What twitter-text over-counts on emoji sequences newer than its data, in characters. */
function staleEmojiCorrection(normalized: string, config: WeightedConfig, options: LibraryOptions): number {
  const urls = twitterText.extractUrlsWithIndices(normalized);
  const emojiWeight = options.defaultWeight / options.scale;
  let correction = 0;
  let offset = 0;
  for (const grapheme of splitGraphemes(normalized)) {
    const start = offset;
    offset += grapheme.length;
    if (!rgiEmoji.test(grapheme)) continue;
    if (urls.some(({ indices: [from, to] }) => start >= from && start < to)) continue;
    correction += emojiWeight - libraryWeight(grapheme, config, options);
  }
  return correction;
}

// twitter-text's weight of each emoji grapheme met so far under X's rules (a few hundred at most).
const v3Weights = new Map<string, number>();

function libraryWeight(grapheme: string, config: WeightedConfig, options: LibraryOptions): number {
  if (config !== twitterTextV3) return twitterText.parseTweet(grapheme, options).weightedLength;
  let weight = v3Weights.get(grapheme);
  if (weight === undefined) {
    weight = twitterText.parseTweet(grapheme, options).weightedLength;
    if (v3Weights.size < 10_000) v3Weights.set(grapheme, weight);
  }
  return weight;
}

/**
 * The first character X refuses in any post, whatever its length (twitter-text `hasInvalidCharacters`:
 * U+FEFF byte order mark, U+FFFE, U+FFFF), or undefined.
 */
export function refusedByX(text: string): string | undefined {
  return /[\uFEFF\uFFFE\uFFFF]/.exec(text)?.[0];
}

/** The URLs X links (and counts as 23), by twitter-text. @example findXUrls('see example.com') // [{ start: 4, end: 15 }] */
export function findXUrls(text: string): TextSpan[] {
  return twitterText.extractUrlsWithIndices(text).map(({ indices: [start, end] }) => ({ start, end }));
}
