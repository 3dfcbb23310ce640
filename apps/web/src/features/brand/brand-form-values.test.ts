import { describe, expect, it } from 'vitest';
import {
  brandToForm,
  formalityLabel,
  formToBrand,
  formToPersona,
  personaToForm,
  problemAt,
  splitHashtags,
  splitList,
} from './brand-form-values.ts';

describe('brand-form-values', () => {
  it('round-trips a profile through the form', () => {
    const brand = {
      name: 'Acme',
      industry: 'Coffee',
      audience: 'Commuters',
      goals: ['Sell beans', 'Grow'],
      voice: { tone: ['warm', 'witty'], formality: 0.3, emoji: 'some' as const, person: 'first_plural' as const },
      topics: ['beans'],
      topicsToAvoid: ['politics'],
      ctaDefaults: ['Visit us'],
      language: 'en',
      hashtags: { always: ['coffee'], never: ['ad'] },
    };
    const form = brandToForm(brand, { name: 'x', language: 'fr' });
    expect(form.hashtagsAlways).toBe('#coffee');
    expect(formToBrand(form)).toEqual({ ...brand, hashtags: { always: ['#coffee'], never: ['#ad'] } });
  });

  it('starts from the workspace name and language', () => {
    const form = brandToForm(undefined, { name: 'Acme', language: 'en-GB' });
    expect(form.name).toBe('Acme');
    expect(form.language).toBe('en-GB');
    expect(formToBrand(form).goals).toEqual([]);
  });

  it('splits lists and hashtags', () => {
    expect(splitList('warm, very direct\nkind,')).toEqual(['warm', 'very direct', 'kind']);
    expect(splitHashtags('#a b, #c #')).toEqual(['#a', 'b', '#c']);
  });

  it('turns persona traits into a record and drops unnamed ones', () => {
    const form = personaToForm(null, 'AI-assisted.');
    expect(form.disclosure).toBe('AI-assisted.');
    const persona = formToPersona({
      ...form,
      traits: [
        { name: ' Humor ', value: 0.8 },
        { name: '', value: 1 },
      ],
    });
    expect(persona.traits).toEqual({ humor: 0.8 });
  });

  it('finds problems at and inside a field', () => {
    expect(problemAt({ 'brand/goals/1': 'Too long' }, 'brand/goals')).toBe('Too long');
    expect(problemAt({ 'brand/goalsX': 'no' }, 'brand/goals')).toBeUndefined();
  });

  it('names formality', () => {
    expect(formalityLabel(0.1)).toBe('Very casual');
    expect(formalityLabel(0.5)).toBe('Neutral');
    expect(formalityLabel(0.9)).toBe('Very formal');
  });
});
