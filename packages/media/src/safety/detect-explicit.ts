/**
 * The first safety rule: Plume does not generate explicit or sexual media. A prompt is refused before
 * any provider is called when it holds a term of `EXPLICIT_TERMS`, whole words, after normalising
 * look-alikes and spelled-out letters; a letter repeated to dodge the list (`nuuude`) still matches.
 *
 * Limits (docs/media.md): it reads words, not meaning. Euphemisms and other languages than English
 * pass unless listed; a harmless use of a listed word ("sex education", "same-sex couple") is refused.
 * The providers' own content filters stay on behind it.
 */
import { EXPLICIT_TERMS } from './explicit-terms.ts';
import { normaliseForSafety } from './normalise-text.ts';

function termPattern(term: string): RegExp {
  const isPrefix = term.endsWith('*');
  const words = (isPrefix ? term.slice(0, -1) : term).split(' ');
  // Each letter may be repeated (`nuuude`, `pooorn`).
  const body = words.map((word) => [...word].map((letter) => `${letter}+`).join('')).join(' ');
  return new RegExp(`(?:^| )(${body}${isPrefix ? '[a-z]*' : 's?'})(?= |$)`, 'u');
}

const PATTERNS = EXPLICIT_TERMS.map((term) => ({ term, pattern: termPattern(term) }));

/** The listed term the text holds, or null. @example findExplicitTerm('a n.u.d.e portrait') // 'nude*' */
export function findExplicitTerm(text: string): string | null {
  const normalised = normaliseForSafety(text);
  if (normalised === '') return null;
  return PATTERNS.find((item) => item.pattern.test(normalised))?.term ?? null;
}
