export const EMOJI_USES = ['none', 'some', 'lots'] as const;
export type EmojiUse = (typeof EMOJI_USES)[number];
export const GRAMMATICAL_PERSONS = ['first_singular', 'first_plural', 'third'] as const;
export type GrammaticalPerson = (typeof GRAMMATICAL_PERSONS)[number];

/** The brand profile as `PUT …/brand-profile` takes it (`brand`). */
export interface BrandProfile {
  name: string;
  industry: string;
  audience: string;
  goals: string[];
  voice: { tone: string[]; formality: number; emoji: EmojiUse; person: GrammaticalPerson };
  topics: string[];
  topicsToAvoid: string[];
  ctaDefaults: string[];
  language: string;
  hashtags: { always: string[]; never: string[] };
}

/** A character workspace's persona; the disclosure line is required. */
export interface Persona {
  name: string;
  traits: Record<string, number>;
  styleNotes: string;
  interests: string[];
  backstory: string;
  disclosure: string;
}

/** `GET …/brand-profile`: the profile, or null with what to do next. */
export interface BrandProfileResponse {
  profile: { kind: 'brand' | 'persona'; brand: Partial<BrandProfile>; persona: Partial<Persona> | null; updatedAt: string } | null;
  hint: string | null;
}

export interface SaveProfileBody {
  brand: BrandProfile;
  persona?: Persona | null;
}
