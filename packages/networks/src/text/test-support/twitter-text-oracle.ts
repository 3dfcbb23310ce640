/**
 * twitter-text 3.1.0 as the oracle for X counting in tests, and the one documented class where Plume
 * departs from it on purpose (see weighted-count.ts): an RGI emoji sequence newer than its 2019
 * emoji data, which twitter-text weighs per code point and Plume (like X) as 2.
 */
import twitterText from 'twitter-text';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const rgiEmoji = new RegExp('^\\p{RGI_Emoji}$', 'v');

/** What `parseTweet` says about a text: its weighted length and whether X would take it. */
export function parseTweetVerdict(text: string): { weightedLength: number; valid: boolean } {
  const { weightedLength, valid } = twitterText.parseTweet(text);
  return { weightedLength, valid };
}

/** The emoji in `text` that twitter-text's stale data does not weigh as one emoji (2). */
export function staleEmojiIn(text: string): string[] {
  return Array.from(segmenter.segment(text.normalize('NFC')), (part) => part.segment).filter(
    (grapheme) => rgiEmoji.test(grapheme) && twitterText.parseTweet(grapheme).weightedLength !== 2,
  );
}
