/**
 * Text as the safety rules read it: lower case, accents removed, common look-alike characters
 * mapped back to letters (`p0rn`, `$ex`, `nud3`), letters spelled out one by one joined up again
 * (`n u d e`, `s.e.x`, `p-o-r-n`), everything else that is not a letter or digit a single space.
 */
const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '€': 'e',
};

/** Runs of single characters split by spaces or punctuation: "n u d e", "s.e.x", "p-o-r-n". */
const SPELLED_OUT = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}$@!|€][\s.\-_*+'~,]+){2,}[\p{L}\p{N}$@!|€](?![\p{L}\p{N}])/gu;

/** Characters between letters that hide a word (`s*x`, `n.ude`, `p_orn`) when both sides are letters. */
const INNER_MARKS = /(?<=\p{L})[*._\-~'+]+(?=\p{L})/gu;

export function normaliseForSafety(text: string): string {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const joined = plain.replace(SPELLED_OUT, (run) => run.replace(/[\s.\-_*+'~,]+/g, ''));
  const unmarked = joined.replace(INNER_MARKS, '');
  const mapped = [...unmarked].map((character) => LOOK_ALIKES[character] ?? character).join('');
  return mapped.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
