import { findUrls } from './find-urls.ts';
import { isEmojiGrapheme, splitGraphemes } from './graphemes.ts';

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

/**
 * Weighted length as twitter-text's `parseTweet` computes it (NFC first, then URLs, emoji, code points).
 *
 * @example countWeighted('日本') // 4
 */
export function countWeighted(text: string, config: WeightedConfig = twitterTextV3): number {
  const normalized = text.normalize('NFC');
  let weight = 0;
  let cursor = 0;
  for (const url of findUrls(normalized)) {
    weight += weighPlainText(normalized.slice(cursor, url.start), config);
    weight += config.transformedUrlLength * config.scale;
    cursor = url.end;
  }
  weight += weighPlainText(normalized.slice(cursor), config);
  return weight / config.scale;
}

function weighPlainText(text: string, config: WeightedConfig): number {
  let weight = 0;
  for (const grapheme of splitGraphemes(text)) {
    if (config.emojiParsingEnabled && isEmojiGrapheme(grapheme)) {
      weight += config.defaultWeight;
      continue;
    }
    for (const char of grapheme) weight += weighCodePoint(char.codePointAt(0) ?? 0, config);
  }
  return weight;
}

function weighCodePoint(codePoint: number, config: WeightedConfig): number {
  const range = config.ranges.find((r) => codePoint >= r.start && codePoint <= r.end);
  return range ? range.weight : config.defaultWeight;
}
