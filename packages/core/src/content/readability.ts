/**
 * Readability. English: Flesch reading ease (206.835 − 1.015 × words per sentence − 84.6 × syllables
 * per word; 60+ is plain English), syllables counted with a vowel-group heuristic. Other languages:
 * the formula's constants are English-only, so we use average sentence length in words instead
 * (15 or fewer reads easily, 35 or more is hard), words segmented for the language.
 */
import { proseOf, sentencesOf, wordsOf } from './text-words.ts';

export type Readability = { score: number; reason: string };

/** Syllables in an English word, by vowel groups minus a silent final 'e'; at least 1. */
export function countSyllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length <= 3) return 1;
  const trimmed = letters
    .replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (ending) => ending.charAt(0))
    .replace(/^y/, '');
  return Math.max(1, trimmed.match(/[aeiouy]+/g)?.length ?? 0);
}

/** Flesch reading ease of English text, or undefined when it has no words. */
export function fleschReadingEase(text: string): number | undefined {
  const sentences = sentencesOf(text, 'en');
  const words = wordsOf(text, 'en');
  if (words.length === 0 || sentences.length === 0) return undefined;
  const syllables = words.reduce((total, word) => total + countSyllables(word), 0);
  return 206.835 - 1.015 * (words.length / sentences.length) - 84.6 * (syllables / words.length);
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/**
 * @example scoreReadability('Cold brew is easy. Try it.', 'en') // { score: 1, reason: 'Reading ease 100 …' }
 */
export function scoreReadability(text: string, language: string): Readability {
  const prose = proseOf(text);
  if (language.toLowerCase().startsWith('en')) {
    const ease = fleschReadingEase(prose);
    if (ease === undefined) return { score: 1, reason: 'There is no prose to read, only links or tags.' };
    const rounded = Math.round(Math.min(100, ease));
    const verdict =
      ease >= 60
        ? 'easy to read'
        : ease >= 30
          ? 'fairly hard to read; shorter sentences and words help'
          : 'hard to read; use shorter sentences and simpler words';
    return { score: clamp((ease - 10) / 50), reason: `Reading ease ${rounded} of 100 (Flesch): ${verdict}.` };
  }
  const sentences = sentencesOf(prose, language);
  if (sentences.length === 0) return { score: 1, reason: 'There is no prose to read, only links or tags.' };
  const average = wordsOf(prose, language).length / sentences.length;
  const rounded = Math.round(average);
  const verdict = average <= 15 ? 'easy to follow' : average <= 25 ? 'somewhat long' : 'long; split them up';
  return {
    score: clamp((35 - average) / 20),
    reason: `Sentences average ${rounded} words: ${verdict} (sentence-length check; the Flesch formula is for English).`,
  };
}
