/**
 * Where post text may be cut: after a sentence, before a clause separator, or between whitespace-
 * separated tokens. Tokens are never split, so URLs, hashtags and mentions stay whole; cuts that would
 * fall inside a URL (sentence punctuation in a query string) are left out.
 */
import { findUrls } from '@plume/networks/text/find-urls';

export type CutPoints = { sentence: number[]; clause: number[]; word: number[] };

const clauseSeparator = /\s*(?:[,;:]|\s[—–-])(?=\s)/gu;
// What a word cut leaves dangling at its end: separators and opening brackets.
const dangling = /[\s,;:\-–—([{"'“‘]+$/u;

/** UTF-16 offsets where a prefix `text.slice(0, offset)` ends cleanly, ascending, without duplicates. */
export function findCutPoints(text: string, language?: string): CutPoints {
  const urls = findUrls(text);
  const isInsideUrl = (offset: number) => urls.some((url) => offset > url.start && offset < url.end);
  const keep = (offsets: number[]) =>
    [...new Set(offsets)].filter((offset) => offset > 0 && !isInsideUrl(offset)).sort((a, b) => a - b);

  const sentences = Array.from(
    new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text),
    (part) => part.index + part.segment.trimEnd().length,
  );
  const clauses = Array.from(text.matchAll(clauseSeparator), (match) => match.index);
  const words = Array.from(text.matchAll(/\S(?=\s)/gu), (match) => match.index + 1).map((end) =>
    trimDangling(text, end),
  );
  return { sentence: keep(sentences), clause: keep(clauses), word: keep(words) };
}

function trimDangling(text: string, end: number): number {
  return text.slice(0, end).replace(dangling, '').length;
}
