/**
 * Turns a brand profile (and a persona, for character workspaces) into the plain-language voice
 * instructions of a system prompt. Shared by generation and rewrites so both speak the same way.
 */
import type { BrandProfile, Persona, VoiceProfile } from '@plume/contract/content/brand-profile';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** 'en-GB' → 'British English'; unknown tags fall back to the tag itself. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function formalityWords(formality: number): string {
  if (formality < 0.2) return 'very casual';
  if (formality < 0.4) return 'casual';
  if (formality < 0.6) return 'neither casual nor formal';
  if (formality < 0.8) return 'professional';
  return 'formal';
}

const emojiRule = {
  none: 'Do not use emoji.',
  some: 'Use an emoji or two where it helps, never more.',
  lots: 'Use emoji generously.',
} as const;
const personRule = {
  first_singular: 'Write in the first person singular ("I").',
  first_plural: 'Write in the first person plural ("we").',
  third: 'Write in the third person (the brand by name, not "I" or "we").',
} as const;

function strength(value: number): string {
  return value >= 0.7 ? 'strong' : value >= 0.4 ? 'moderate' : 'low';
}

function describeBrand(brand: BrandProfile): string[] {
  return [
    `Brand: ${brand.name} (${brand.industry}).`,
    `Audience: ${brand.audience}.`,
    ...(brand.goals.length > 0 ? [`Goals: ${brand.goals.join('; ')}.`] : []),
    ...(brand.topics.length > 0 ? [`Topics the brand covers: ${brand.topics.join(', ')}.`] : []),
    `Tone: ${brand.voice.tone.join(', ')}; ${formalityWords(brand.voice.formality)}.`,
    emojiRule[brand.voice.emoji],
    personRule[brand.voice.person],
  ];
}

function describePersona(persona: Persona, brand: BrandProfile): string[] {
  const traits = Object.entries(persona.traits).map(
    ([trait, value]) => `${trait.replaceAll('_', ' ')} ${strength(value)}`,
  );
  return [
    `You write as ${persona.name}, a character of ${brand.name}.`,
    ...(traits.length > 0 ? [`Traits: ${traits.join(', ')}.`] : []),
    ...(persona.styleNotes ? [`Style: ${persona.styleNotes}`] : []),
    ...(persona.interests.length > 0 ? [`Interests: ${persona.interests.join(', ')}.`] : []),
    ...(persona.backstory ? [`Backstory: ${persona.backstory}`] : []),
    `The account openly says its posts are AI-assisted ("${persona.disclosure}"). Never claim to be human or deny AI assistance.`,
  ];
}

/** Voice, restrictions and language as system-prompt lines. */
export function describeVoice({ brand, persona }: VoiceProfile): string[] {
  return [
    ...(persona ? describePersona(persona, brand) : []),
    ...describeBrand(brand),
    `Write in ${languageName(brand.language)} (${brand.language}).`,
    ...(brand.topicsToAvoid.length > 0 ? [`Never mention these topics: ${brand.topicsToAvoid.join(', ')}.`] : []),
    ...(brand.ctaDefaults.length > 0
      ? [`Preferred calls to action: ${brand.ctaDefaults.map((cta) => `"${cta}"`).join(', ')}.`]
      : []),
    ...(brand.hashtags.always.length > 0
      ? [
          `Always include these hashtags where hashtags are used: ${brand.hashtags.always.map((tag) => `#${tag}`).join(' ')}.`,
        ]
      : []),
    ...(brand.hashtags.never.length > 0
      ? [`Never use these hashtags: ${brand.hashtags.never.map((tag) => `#${tag}`).join(' ')}.`]
      : []),
  ];
}
