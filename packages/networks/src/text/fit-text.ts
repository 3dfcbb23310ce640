import { countText, refusedCharacter, type CountMethod } from './count-text.ts';
import { findUrls, type TextSpan } from './find-urls.ts';
import { splitGraphemes } from './graphemes.ts';
import { findMastodonUrls } from './mastodon-urls.ts';
import { findXUrls } from './weighted-count.ts';

/**
 * A network's text limit: at most `max`, measured with `method`, and, where the network also caps
 * the encoded size (Bluesky: 300 graphemes and 3,000 bytes), at most `maxBytes` bytes of UTF-8.
 */
export type TextLimit = { max: number; method: CountMethod; maxBytes?: number };

/**
 * `bytes` is there when the limit has `maxBytes`; `refusedCharacter` when the text holds a character
 * the network refuses whatever the length (X: U+FEFF). Either can make `fits` false.
 */
export type LimitCheck = {
  count: number;
  limit: number;
  remaining: number;
  fits: boolean;
  bytes?: number;
  refusedCharacter?: string;
};

const utf8 = new TextEncoder();

/**
 * Measures text against a limit; `remaining` goes negative when the text is too long.
 *
 * @example fitsLimit('hello', { max: 300, method: { kind: 'graphemes' } }) // { count: 5, limit: 300, remaining: 295, fits: true }
 */
export function fitsLimit(text: string, limit: TextLimit): LimitCheck {
  const count = countText(text, limit.method);
  const check: LimitCheck = { count, limit: limit.max, remaining: limit.max - count, fits: count <= limit.max };
  if (limit.maxBytes !== undefined) {
    check.bytes = utf8.encode(text).length;
    check.fits &&= check.bytes <= limit.maxBytes;
  }
  const refused = refusedCharacter(text, limit.method);
  if (refused !== undefined) {
    check.refusedCharacter = refused;
    check.fits = false;
  }
  return check;
}

/** The URLs the network itself recognises: a cut never falls inside one. */
function urlSpans(text: string, method: CountMethod): TextSpan[] {
  if (method.kind === 'weighted') return findXUrls(text);
  if (method.kind === 'mastodon') return findMastodonUrls(text);
  return findUrls(text);
}

const ellipsis = '…';
const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
// What a cut leaves dangling before the ellipsis: spaces, separators, opening brackets.
const danglingGrapheme = /^[\s,;:\-–—([{"'“‘]+$/u;

/**
 * Shortens text to fit a limit, returning a prefix of it. Prefers the last whole sentence that fits
 * (kept as is) when it keeps at least half of what a word cut would; otherwise cuts after the last whole
 * word and adds '…' when that still fits. Never cuts inside a grapheme or a URL; a first word longer than
 * the limit is the only case cut between graphemes inside a word.
 *
 * @example truncateToLimit('the quick brown fox', { max: 12, method: { kind: 'graphemes' } }) // 'the quick…'
 */
export function truncateToLimit(text: string, limit: TextLimit): string {
  if (fitsLimit(text, limit).fits) return text;
  const cuts = new CutFinder(text, limit);
  const ceiling = cuts.longestFittingPrefix();
  if (ceiling === 0) return '';

  const wordCut = cuts.lastFitting(segmentStarts(text, wordSegmenter), ceiling);
  const sentenceCut = cuts.lastFitting(segmentStarts(text, sentenceSegmenter), ceiling);
  if (sentenceCut > 0 && sentenceCut * 2 >= wordCut) return text.slice(0, sentenceCut);
  return wordCut > 0 ? cuts.withEllipsis(wordCut) : cuts.withEllipsis(ceiling, { stepBack: true });
}

function segmentStarts(text: string, segmenter: Intl.Segmenter): number[] {
  return Array.from(segmenter.segment(text), (part) => part.index).concat(text.length);
}

/** Cut positions are UTF-16 offsets that sit on grapheme boundaries. */
class CutFinder {
  readonly text: string;
  readonly limit: TextLimit;
  readonly boundaries: number[];
  readonly boundaryIndex: Map<number, number>;
  readonly urls: TextSpan[];
  /**
   * For each boundary index, the index left once dangling separators before it are dropped. Computed in
   * one pass: trimming at every candidate instead made a long run of separators (63,000 '(' for
   * Facebook) quadratic, minutes of CPU.
   */
  readonly trimmedIndex: Int32Array;

  constructor(text: string, limit: TextLimit) {
    this.text = text;
    this.limit = limit;
    this.boundaries = [0];
    const graphemes = splitGraphemes(text);
    this.trimmedIndex = new Int32Array(graphemes.length + 1);
    for (const [index, grapheme] of graphemes.entries()) {
      this.boundaries.push(this.boundaries.at(-1)! + grapheme.length);
      this.trimmedIndex[index + 1] = danglingGrapheme.test(grapheme) ? this.trimmedIndex[index]! : index + 1;
    }
    this.boundaryIndex = new Map(this.boundaries.map((offset, index) => [offset, index]));
    this.urls = urlSpans(text, limit.method);
  }

  fits(end: number, suffix = ''): boolean {
    return fitsLimit(this.text.slice(0, end) + suffix, this.limit).fits;
  }

  /** Binary search over grapheme boundaries; counts grow with the prefix (nearly always monotone). */
  longestFittingPrefix(): number {
    let low = 0;
    let high = this.boundaries.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.fits(this.boundaries[middle]!)) low = middle;
      else high = middle - 1;
    }
    const end = this.boundaries[low]!;
    return this.fits(end) ? end : 0;
  }

  /** The last candidate ≤ ceiling that, once dangling separators are trimmed, is non-empty and fits. */
  lastFitting(candidates: number[], ceiling: number): number {
    let refused = -1;
    for (let i = candidates.length - 1; i >= 0; i -= 1) {
      const candidate = candidates[i]!;
      if (candidate > ceiling || !this.boundaryIndex.has(candidate) || this.isInsideUrl(candidate)) continue;
      const end = this.trimDangling(candidate);
      // Candidates descend, and so do their trimmed ends: one that was refused need not be measured again.
      if (end === 0 || end === refused) continue;
      if (this.fits(end)) return end;
      refused = end;
    }
    return 0;
  }

  /**
   * Adds '…' after `end` (dangling separators trimmed) when the result still fits. With `stepBack`
   * (a word cut mid-way anyway) it gives up trailing graphemes to make room for the '…'.
   */
  withEllipsis(end: number, { stepBack = false } = {}): string {
    let index = this.boundaryIndex.get(this.trimDangling(end)) ?? 0;
    while (index > 0 && !this.fits(this.boundaries[index]!, ellipsis)) {
      if (!stepBack) return this.text.slice(0, end);
      index = this.boundaryIndex.get(this.trimDangling(this.boundaries[index - 1]!)) ?? 0;
    }
    return index > 0 ? this.text.slice(0, this.boundaries[index]) + ellipsis : this.text.slice(0, end);
  }

  private isInsideUrl(offset: number): boolean {
    return this.urls.some((url) => offset > url.start && offset < url.end);
  }

  private trimDangling(end: number): number {
    return this.boundaries[this.trimmedIndex[this.boundaryIndex.get(end) ?? 0]!]!;
  }
}
