import { describe, expect, it } from 'vitest';
import { brandProfileSchema, personaSchema, type BrandProfileInput } from './brand-profile.ts';

const input: BrandProfileInput = {
  name: 'Northwind Roasters',
  industry: 'Specialty coffee',
  audience: 'Home baristas in Europe',
  voice: { tone: ['warm', 'expert'], formality: 0.4, emoji: 'some', person: 'first_plural' },
  language: 'en-gb',
  hashtags: { always: ['#Northwind'], never: [] },
};

describe('brandProfileSchema', () => {
  it('fills defaults, strips # and canonicalises the language', () => {
    const profile = brandProfileSchema.parse(input);
    expect(profile.language).toBe('en-GB');
    expect(profile.hashtags.always).toEqual(['Northwind']);
    expect(profile.goals).toEqual([]);
    expect(profile.topicsToAvoid).toEqual([]);
  });

  it('rejects a bad language, a bad hashtag and contradicting hashtag rules', () => {
    const result = brandProfileSchema.safeParse({
      ...input,
      language: 'not a language',
      hashtags: { always: ['coffee', 'bad tag'], never: ['Coffee'] },
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('language');
    expect(paths).toContain('hashtags.always.1');
  });

  it('rejects unknown fields and out-of-range formality', () => {
    expect(brandProfileSchema.safeParse({ ...input, mood: 'x' }).success).toBe(false);
    expect(brandProfileSchema.safeParse({ ...input, voice: { ...input.voice, formality: 1.5 } }).success).toBe(false);
  });
});

describe('personaSchema', () => {
  const persona = {
    name: 'Ada',
    traits: { humor: 0.8, warmth: 0.6 },
    disclosure: 'AI-assisted account run by Northwind.',
  };

  it('accepts a persona with a disclosure', () => {
    expect(personaSchema.parse(persona).interests).toEqual([]);
  });

  it('requires a disclosure and keeps traits within 0..1', () => {
    expect(personaSchema.safeParse({ ...persona, disclosure: undefined }).success).toBe(false);
    expect(personaSchema.safeParse({ ...persona, disclosure: '  ' }).success).toBe(false);
    expect(personaSchema.safeParse({ ...persona, traits: { humor: 2 } }).success).toBe(false);
    expect(personaSchema.safeParse({ ...persona, traits: { 'Bad Trait': 0.5 } }).success).toBe(false);
  });
});
