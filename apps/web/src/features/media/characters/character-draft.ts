import type { Character } from '@plume/contract/media/character-schemas';

/** A character's look as the API takes it. */
export type Appearance = Character['appearance'];

/** The appearance attributes a person fills in, in the order the form shows them. */
export const APPEARANCE_FIELDS = [
  { key: 'age', label: 'Age', placeholder: 'early thirties' },
  { key: 'hair', label: 'Hair', placeholder: 'short curly black hair' },
  { key: 'eyes', label: 'Eyes', placeholder: 'brown' },
  { key: 'skinTone', label: 'Skin tone', placeholder: 'warm olive' },
  { key: 'bodyType', label: 'Build', placeholder: 'tall, athletic' },
  { key: 'clothing', label: 'Clothing', placeholder: 'denim jacket, white tee' },
  { key: 'setting', label: 'Usual setting', placeholder: 'a sunny coffee shop' },
  { key: 'aesthetics', label: 'Aesthetics', placeholder: 'soft light, film grain' },
  { key: 'extra', label: 'Always add', placeholder: 'freckles, silver ring' },
] as const satisfies readonly { key: keyof Appearance; label: string; placeholder: string }[];

/** Providers take 32-bit unsigned seeds. */
export const MAX_SEED = 4_294_967_295;

export type AppearanceKey = (typeof APPEARANCE_FIELDS)[number]['key'];

/** The character form as typed. */
export interface CharacterDraft {
  name: string;
  description: string;
  appearance: Record<AppearanceKey, string>;
  style: string;
  seed: string;
  referenceStrength: string;
  voice: string;
}

function emptyAppearance(): Record<AppearanceKey, string> {
  return Object.fromEntries(APPEARANCE_FIELDS.map((field) => [field.key, ''])) as Record<AppearanceKey, string>;
}

export function emptyCharacterDraft(): CharacterDraft {
  return {
    name: '',
    description: '',
    appearance: emptyAppearance(),
    style: '',
    seed: '',
    referenceStrength: '0.6',
    voice: '',
  };
}

/** A saved character, ready to edit. */
export function characterDraftOf(character: Character): CharacterDraft {
  const appearance = emptyAppearance();
  for (const field of APPEARANCE_FIELDS) appearance[field.key] = character.appearance[field.key] ?? '';
  return {
    name: character.name,
    description: character.description,
    appearance,
    style: character.style ?? '',
    seed: character.seed === null ? '' : String(character.seed),
    referenceStrength: String(character.referenceStrength),
    voice: character.voice?.voice ?? '',
  };
}

export type CharacterErrors = Partial<Record<'name' | 'seed' | 'referenceStrength', string>>;

/** What is wrong before saving (the API checks again). */
export function checkCharacterDraft(draft: CharacterDraft): CharacterErrors {
  const errors: CharacterErrors = {};
  if (draft.name.trim() === '') errors.name = 'Give the character a name.';
  if (draft.seed.trim() !== '' && !/^\d+$/.test(draft.seed.trim()))
    errors.seed = 'A seed is a whole number, 0 or more (or leave it empty).';
  else if (Number(draft.seed.trim()) > MAX_SEED) errors.seed = `A seed is at most ${MAX_SEED}.`;
  const strength = Number(draft.referenceStrength);
  if (draft.referenceStrength.trim() === '' || !(strength >= 0 && strength <= 1))
    errors.referenceStrength = 'Choose a strength between 0 and 1.';
  return errors;
}

/** Only the attributes that were filled in. */
export function appearanceOf(values: Partial<Record<AppearanceKey, string>>): Appearance {
  const result: Appearance = {};
  for (const field of APPEARANCE_FIELDS) {
    const value = values[field.key]?.trim() ?? '';
    if (value !== '') result[field.key] = value;
  }
  return result;
}

/**
 * The request body that creates or saves the character; a blank style or voice clears it, a blank
 * seed keeps the one the character has (a new character gets one drawn for it).
 */
export function characterRequest(draft: CharacterDraft): Record<string, unknown> {
  const voice = draft.voice.trim();
  const seed = draft.seed.trim();
  return {
    name: draft.name.trim(),
    description: draft.description.trim(),
    appearance: appearanceOf(draft.appearance),
    style: draft.style === '' ? null : draft.style,
    ...(seed === '' ? {} : { seed: Number(seed) }),
    referenceStrength: Number(draft.referenceStrength),
    voice: voice === '' ? null : { voice },
  };
}

/** Characters whose name holds the search words (any case, any order). */
export function searchCharacters<Item extends { name: string }>(items: readonly Item[], search: string): Item[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => words.every((word) => item.name.toLowerCase().includes(word)));
}
