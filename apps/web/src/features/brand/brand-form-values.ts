import type { BrandProfile, EmojiUse, GrammaticalPerson, Persona } from '@plume/contract/content/brand-profile';

/** The brand form as typed: lists as text (one per line, or words split by commas). */
export interface BrandFormValues {
  name: string;
  industry: string;
  audience: string;
  goals: string;
  tone: string;
  formality: number;
  emoji: EmojiUse;
  person: GrammaticalPerson;
  topics: string;
  topicsToAvoid: string;
  ctaDefaults: string;
  language: string;
  hashtagsAlways: string;
  hashtagsNever: string;
}

export interface PersonaFormValues {
  name: string;
  traits: { name: string; value: number }[];
  styleNotes: string;
  interests: string;
  backstory: string;
  disclosure: string;
}

/** Non-empty trimmed lines. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Non-empty trimmed items separated by commas or new lines (spaces stay inside an item). */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Hashtags typed with or without '#', separated by spaces or commas. */
export function splitHashtags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '' && tag !== '#');
}

/** The form for a stored profile, or a starting point named after the workspace. */
export function brandToForm(
  brand: Partial<BrandProfile> | undefined,
  defaults: { name: string; language: string },
): BrandFormValues {
  return {
    name: brand?.name ?? defaults.name,
    industry: brand?.industry ?? '',
    audience: brand?.audience ?? '',
    goals: (brand?.goals ?? []).join('\n'),
    tone: (brand?.voice?.tone ?? []).join(', '),
    formality: brand?.voice?.formality ?? 0.5,
    emoji: brand?.voice?.emoji ?? 'some',
    person: brand?.voice?.person ?? 'first_plural',
    topics: (brand?.topics ?? []).join('\n'),
    topicsToAvoid: (brand?.topicsToAvoid ?? []).join('\n'),
    ctaDefaults: (brand?.ctaDefaults ?? []).join('\n'),
    language: brand?.language ?? defaults.language,
    hashtagsAlways: (brand?.hashtags?.always ?? []).map((tag) => `#${tag}`).join(' '),
    hashtagsNever: (brand?.hashtags?.never ?? []).map((tag) => `#${tag}`).join(' '),
  };
}

/** The profile the API takes; it validates and reports problems by path (`brand/voice/tone`). */
export function formToBrand(values: BrandFormValues): BrandProfile {
  return {
    name: values.name.trim(),
    industry: values.industry.trim(),
    audience: values.audience.trim(),
    goals: splitLines(values.goals),
    voice: { tone: splitList(values.tone), formality: values.formality, emoji: values.emoji, person: values.person },
    topics: splitLines(values.topics),
    topicsToAvoid: splitLines(values.topicsToAvoid),
    ctaDefaults: splitLines(values.ctaDefaults),
    language: values.language.trim(),
    hashtags: { always: splitHashtags(values.hashtagsAlways), never: splitHashtags(values.hashtagsNever) },
  };
}

export function personaToForm(
  persona: Partial<Persona> | null | undefined,
  suggestedDisclosure: string,
): PersonaFormValues {
  return {
    name: persona?.name ?? '',
    traits: Object.entries(persona?.traits ?? { warmth: 0.6, humor: 0.5 }).map(([name, value]) => ({ name, value })),
    styleNotes: persona?.styleNotes ?? '',
    interests: (persona?.interests ?? []).join('\n'),
    backstory: persona?.backstory ?? '',
    disclosure: persona?.disclosure ?? suggestedDisclosure,
  };
}

export function formToPersona(values: PersonaFormValues): Persona {
  return {
    name: values.name.trim(),
    traits: Object.fromEntries(
      values.traits
        .filter((trait) => trait.name.trim() !== '')
        .map((trait) => [trait.name.trim().toLowerCase(), trait.value]),
    ),
    styleNotes: values.styleNotes.trim(),
    interests: splitLines(values.interests),
    backstory: values.backstory.trim(),
    disclosure: values.disclosure.trim(),
  };
}

/**
 * The first problem at a field or inside it: `brand/goals` also finds `brand/goals/2`.
 * @example problemAt({ 'brand/goals/1': 'Too long' }, 'brand/goals') // 'Too long'
 */
export function problemAt(problems: Record<string, string>, path: string): string | undefined {
  const key = Object.keys(problems).find((candidate) => candidate === path || candidate.startsWith(`${path}/`));
  return key === undefined ? undefined : problems[key];
}

/** How formal a 0–1 formality reads. */
export function formalityLabel(value: number): string {
  if (value < 0.25) return 'Very casual';
  if (value < 0.45) return 'Casual';
  if (value <= 0.55) return 'Neutral';
  if (value <= 0.75) return 'Formal';
  return 'Very formal';
}

/** The brand and persona fields by their API path, named as the form labels them (for the error list). */
export const BRAND_FIELD_LABELS: Readonly<Record<string, string>> = {
  'brand/name': 'Brand name',
  'brand/industry': 'Industry',
  'brand/audience': 'Audience',
  'brand/goals': 'Goals',
  'brand/voice/tone': 'Tone words',
  'brand/voice/formality': 'Formality',
  'brand/voice/emoji': 'Emoji',
  'brand/voice/person': 'Speaks as',
  'brand/topics': 'Topics',
  'brand/topicsToAvoid': 'Topics to avoid',
  'brand/ctaDefaults': 'Calls to action',
  'brand/language': 'Language',
  'brand/hashtags/always': 'Always use hashtags',
  'brand/hashtags/never': 'Never use hashtags',
  persona: 'Persona',
  'persona/name': 'Persona name',
  'persona/traits': 'Traits',
  'persona/styleNotes': 'Style',
  'persona/interests': 'Interests',
  'persona/backstory': 'Backstory',
  'persona/disclosure': 'Disclosure line',
};
