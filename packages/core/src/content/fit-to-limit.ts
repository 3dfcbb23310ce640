/**
 * Repairs a generated post that is too long for a network, without a model: keep the words, cut at the
 * last sentence that fits (else a clause, else a word), never inside a word, URL or hashtag, then keep
 * as many of the ranked hashtags as still fit. When not even the first sentence fits, the caller should
 * ask the model for a shorter version (`needs_rewrite`).
 */
import { fitsLimit, type TextLimit } from '@plume/networks/text/fit-text';
import { splitGraphemes } from '@plume/networks/text/graphemes';
import { composePost } from '@plume/contract/posts/compose-post';
import { findCutPoints } from './cut-points.ts';

export type FitAction =
  'fits' | 'dropped_hashtags' | 'trimmed_sentence' | 'trimmed_clause' | 'trimmed_word' | 'needs_rewrite';

export interface FitResult {
  /** The body after repair (for `needs_rewrite`: the best word cut, to show if a re-ask fails). */
  text: string;
  /** The hashtags kept, in rank order. */
  hashtags: string[];
  droppedHashtags: string[];
  /** Body and hashtags as published (see composePost). */
  composed: string;
  action: FitAction;
  /** Graphemes removed from the composed post (the '…' of a clause or word cut not counted). */
  removedChars: number;
}

export type PostToFit = { text: string; hashtags?: readonly string[] };

const ellipsis = '…';
/** A sentence (or clause) cut is preferred while it keeps at least this share of what a word cut keeps. */
const preferCoarserCut = 0.5;

/**
 * @example fitToLimit({ text: 'One. Two three.', hashtags: [] }, { max: 5, method: { kind: 'graphemes' } })
 * // { text: 'One.', action: 'trimmed_sentence', … }
 */
export function fitToLimit(post: PostToFit, limit: TextLimit, language?: string): FitResult {
  const tags = [...(post.hashtags ?? [])];
  const fits = (text: string) => fitsLimit(text, limit).fits;
  const original = composePost(post.text, tags);
  const result = (text: string, action: FitAction, kept = text): FitResult => {
    const hashtags = keepRankedTags(text, tags, fits);
    const composed = composePost(text, hashtags);
    const removedChars = splitGraphemes(original).length - splitGraphemes(composePost(kept, hashtags)).length;
    return { text, hashtags, droppedHashtags: tags.slice(hashtags.length), composed, action, removedChars };
  };

  if (fits(original)) return result(post.text, 'fits');
  const body = post.text.trimEnd();
  if (fits(body)) return result(body, 'dropped_hashtags');

  const cuts = findCutPoints(body, language);
  const lastFitting = (offsets: number[], suffix: string) => {
    for (let i = offsets.length - 1; i >= 0; i -= 1) {
      const prefix = body.slice(0, offsets[i]);
      if (fits(prefix + suffix)) return prefix;
      if (suffix && fits(prefix)) return prefix;
    }
    return '';
  };
  const sentence = lastFitting(cuts.sentence, '');
  const clause = lastFitting(cuts.clause, ellipsis);
  const word = lastFitting(cuts.word, ellipsis);
  const withEllipsis = (prefix: string) => (fits(prefix + ellipsis) ? prefix + ellipsis : prefix);

  if (!sentence) return result(word ? withEllipsis(word) : '', 'needs_rewrite', word);
  if (sentence.length >= preferCoarserCut * word.length) return result(sentence, 'trimmed_sentence');
  if (clause.length >= preferCoarserCut * word.length) return result(withEllipsis(clause), 'trimmed_clause', clause);
  return result(withEllipsis(word), 'trimmed_word', word);
}

/** The longest rank-order prefix of the hashtags that still fits after the body. */
function keepRankedTags(body: string, tags: string[], fits: (text: string) => boolean): string[] {
  for (let count = tags.length; count > 0; count -= 1) {
    if (fits(composePost(body, tags.slice(0, count)))) return tags.slice(0, count);
  }
  return [];
}
