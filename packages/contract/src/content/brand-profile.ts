/**
 * Who speaks in a workspace's posts. Every workspace has a brand profile (audience, goals, voice,
 * restrictions, language, hashtags); a character workspace adds a persona. Plume never builds an
 * undisclosed automated persona: a persona's disclosure line (posts are AI-assisted) is required.
 */
import { z } from 'zod';

const line = (max: number) => z.string().trim().min(1).max(max);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).default([]);

/** A hashtag as stored: without '#', letters, digits and underscores. '#Coffee' is accepted as 'Coffee'. */
export const hashtagSchema = z
  .string()
  .trim()
  .max(100)
  .transform((tag) => tag.replace(/^#/, ''))
  .pipe(z.string().regex(/^[\p{L}\p{N}_]+$/u, 'A hashtag is letters, digits and underscores, with or without #'));

/** A BCP-47 language tag, stored canonical ('en-us' → 'en-US'). */
export const languageTagSchema = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .transform((tag, context) => {
    try {
      return Intl.getCanonicalLocales(tag)[0]!;
    } catch {
      context.addIssue({ code: 'custom', message: `"${tag}" is not a BCP-47 language tag (e.g. en, en-GB, pt-BR)` });
      return z.NEVER;
    }
  });

export const EMOJI_USES = ['none', 'some', 'lots'] as const;
export type EmojiUse = (typeof EMOJI_USES)[number];
export const GRAMMATICAL_PERSONS = ['first_singular', 'first_plural', 'third'] as const;
export type GrammaticalPerson = (typeof GRAMMATICAL_PERSONS)[number];

export const brandVoiceSchema = z.strictObject({
  /** A few words for the tone, e.g. ['warm', 'witty', 'direct']. */
  tone: z.array(line(30)).min(1).max(8),
  /** 0 = very casual, 1 = very formal. */
  formality: z.number().min(0).max(1),
  emoji: z.enum(EMOJI_USES),
  person: z.enum(GRAMMATICAL_PERSONS),
});

export const brandProfileSchema = z
  .strictObject({
    name: line(100),
    industry: line(100),
    audience: line(500),
    goals: list(line(200), 10),
    voice: brandVoiceSchema,
    /** What the brand talks about (content pillars); hashtag relevance is measured against these. */
    topics: list(line(100), 30),
    topicsToAvoid: list(line(100), 50),
    /** Calls to action the brand uses, most preferred first, e.g. 'Book a free call'. */
    ctaDefaults: list(line(200), 10),
    language: languageTagSchema,
    hashtags: z
      .strictObject({ always: list(hashtagSchema, 10), never: list(hashtagSchema, 50) })
      .default({ always: [], never: [] }),
  })
  .superRefine((profile, context) => {
    const never = new Set(profile.hashtags.never.map((tag) => tag.toLowerCase()));
    profile.hashtags.always.forEach((tag, index) => {
      if (never.has(tag.toLowerCase())) {
        context.addIssue({
          code: 'custom',
          path: ['hashtags', 'always', index],
          message: `#${tag} is both always and never used`,
        });
      }
    });
  });

export type BrandVoice = z.infer<typeof brandVoiceSchema>;
export type BrandProfile = z.infer<typeof brandProfileSchema>;
export type BrandProfileInput = z.input<typeof brandProfileSchema>;

/** A disclosure users can start from; the persona schema still requires one to be stated. */
export const SUGGESTED_DISCLOSURE = 'Posts on this account are written with AI assistance.';

const traitName = z.string().regex(/^[a-z][a-z_]{0,29}$/, 'A trait is a lowercase word, e.g. humor or warmth');

export const personaSchema = z.strictObject({
  name: line(80),
  /** Trait → strength 0..1, e.g. { humor: 0.8, warmth: 0.6, curiosity: 0.9 }. */
  traits: z
    .record(traitName, z.number().min(0).max(1))
    .refine((traits) => Object.keys(traits).length <= 12, 'At most 12 traits'),
  styleNotes: z.string().trim().max(1000).default(''),
  interests: list(line(100), 20),
  backstory: z.string().trim().max(4000).default(''),
  /** Shown on the account and used by Plume wherever it must say posts are AI-assisted. */
  disclosure: line(200),
});

export type Persona = z.infer<typeof personaSchema>;
export type PersonaInput = z.input<typeof personaSchema>;

/** Who speaks: the brand, or a persona within the brand's restrictions (language, topics, hashtags). */
export type VoiceProfile = { brand: BrandProfile; persona?: Persona };

/** A workspace's saved profile as `PUT …/brand-profile` takes it: the brand, and a persona in character workspaces. */
export const storedProfileSchema = z.strictObject({
  brand: brandProfileSchema,
  persona: personaSchema.nullable().optional(),
});
export type StoredProfileInput = z.input<typeof storedProfileSchema>;
