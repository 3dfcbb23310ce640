/**
 * Words and sentences of post text for scoring. URLs, hashtags and mentions are left out: they are
 * neither prose to read nor topic words to compare.
 */
import { findUrls } from '@plume/networks/text/find-urls';

const tagOrMention = /(?<![\p{L}\p{N}_])[#@][\p{L}\p{N}_.]+/gu;

/** The text without URLs, hashtags and @mentions. */
export function proseOf(text: string): string {
  let prose = '';
  let cursor = 0;
  for (const url of findUrls(text)) {
    prose += text.slice(cursor, url.start);
    cursor = url.end;
  }
  return (prose + text.slice(cursor)).replace(tagOrMention, ' ');
}

/** Lowercased words, segmented for the language (dictionary-based for Chinese, Japanese, Thai). */
export function wordsOf(text: string, language?: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  return Array.from(segmenter.segment(text))
    .filter((part) => part.isWordLike)
    .map((part) => part.segment.toLocaleLowerCase(language));
}

/** Sentences with at least one word. */
export function sentencesOf(text: string, language?: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  return Array.from(segmenter.segment(text), (part) => part.segment.trim()).filter(
    (sentence) => wordsOf(sentence, language).length > 0,
  );
}

/** A crude English-leaning stem so 'topics' meets 'topic' and 'brewing' meets 'brew'. */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length > 5 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  for (const suffix of ['ing', 'es', 'ed', 's']) {
    if (lower.length - suffix.length >= 4 && lower.endsWith(suffix)) return lower.slice(0, -suffix.length);
  }
  return lower;
}
