const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Splits text into user-perceived characters (extended grapheme clusters, UAX #29).
 *
 * @example splitGraphemes('e\u0301👍🏽') // ['é', '👍🏽']
 */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (part) => part.segment);
}

// Flags are Regional_Indicator pairs and keycaps end in U+20E3; neither is Extended_Pictographic.
const emojiCodePoint = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{20E3}]/u;

/** True when a grapheme is an emoji (sequences included: ZWJ families, flags, skin tones, keycaps). */
export function isEmojiGrapheme(grapheme: string): boolean {
  return emojiCodePoint.test(grapheme);
}
