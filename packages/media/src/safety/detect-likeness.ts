/**
 * The second safety rule: no likeness of a real person without a recorded consent. This finds the
 * people a prompt names as the subject of an image: "photo of Jane Doe", "portrait of Jane Doe",
 * "in the likeness of …", "looks like …", "resembling …", "Jane Doe's face", and the public figures of
 * `PUBLIC_FIGURES` anywhere. The caller refuses the prompt unless each name matches a person whose
 * consent the workspace recorded on a character reference.
 *
 * Limits (docs/media.md): after "photo of" a name is two to four capitalised words ("photo of Golden
 * Gate Bridge" is no name thanks to `NOT_NAME_WORDS`, but an unlisted place may be taken for one and
 * refused); a name in lower case is caught only when it is a listed public figure; a description of
 * someone's features without their name passes.
 */
import { NOT_NAME_WORDS, PUBLIC_FIGURES } from './likeness-words.ts';

/** Cues after which a name is the subject of the image (case-insensitive). */
const SUBJECT_CUE =
  /\b(?:photo(?:graph)?|picture|pic|image|portrait|selfie|headshot|painting|drawing|rendering|video|clip|footage|deepfake)s?\s+(?:of|showing|featuring)\s+(?:the\s+real\s+)?/giu;
const LIKENESS_CUE =
  /\b(?:in\s+the\s+likeness\s+of|likeness\s+of|looks?\s+like|looking\s+like|resembl(?:es|ing|e)|lookalike\s+of|impersonat(?:es|e|ing)|dressed\s+(?:up\s+)?as|posing\s+as)\s+/giu;
/** Capitalised words right where a cue ends (case-sensitive, sticky). */
const CAPITALISED_WORDS = /\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}/uy;
const POSSESSIVE = /(\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+){1,3})['’]s\s+(?:face|likeness|body|voice)\b/gu;

/** Lower case, accents and extra spaces removed: how names are compared. */
export function normaliseName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
}

function capitalisedAt(text: string, index: number): string | null {
  CAPITALISED_WORDS.lastIndex = index;
  const match = CAPITALISED_WORDS.exec(text);
  if (match === null) return null;
  // Trailing "'s" belongs to the sentence, not the name.
  const words = match[0].replace(/['’]s$/u, '').split(/\s+/);
  while (words.length > 0 && NOT_NAME_WORDS.has((words.at(-1) ?? '').toLowerCase())) words.pop();
  return words.length === 0 ? null : words.join(' ');
}

const isPlaceOrThing = (name: string) => name.split(/\s+/).some((word) => NOT_NAME_WORDS.has(word.toLowerCase()));

/**
 * The real people a prompt names as its subject, as written (deduplicated, case-insensitively).
 * @example findNamedPeople('A photo of Jane Doe at the beach') // ['Jane Doe']
 */
export function findNamedPeople(prompt: string): string[] {
  const found = new Map<string, string>();
  const add = (name: string) => {
    const key = normaliseName(name);
    if (!found.has(key)) found.set(key, name.trim());
  };
  for (const cue of prompt.matchAll(SUBJECT_CUE)) {
    const name = capitalisedAt(prompt, cue.index + cue[0].length);
    // After "photo of", a full name: "photo of Paris" is a city.
    if (name !== null && name.includes(' ') && !isPlaceOrThing(name)) add(name);
  }
  for (const cue of prompt.matchAll(LIKENESS_CUE)) {
    // After "looks like", one capitalised word is enough: "looks like Einstein".
    const name = capitalisedAt(prompt, cue.index + cue[0].length);
    if (name !== null && !isPlaceOrThing(name)) add(name);
  }
  for (const match of prompt.matchAll(POSSESSIVE)) {
    const name = match[1] ?? '';
    if (!isPlaceOrThing(name)) add(name);
  }
  const plain = ` ${normaliseName(prompt).replace(/[^\p{L}\p{N}' ]+/gu, ' ')} `;
  for (const figure of PUBLIC_FIGURES) if (plain.includes(` ${figure} `)) add(figure);
  return [...found.values()];
}
