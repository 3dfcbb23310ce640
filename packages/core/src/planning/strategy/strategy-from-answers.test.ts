import { describe, expect, it } from 'vitest';
import { brandProfileSchema } from '@plume/contract/content/brand-profile';
import { findIndustryTemplate } from '../templates/industry-templates.ts';
import { brandFromAnswers, strategyFromAnswers, type OnboardingAnswers } from './strategy-from-answers.ts';

const template = findIndustryTemplate('fitness')!;
const answers: OnboardingAnswers = {
  templateId: 'fitness',
  goals: ['community'],
  audience: 'Beginners in Lyon',
  tone: ['motivating'],
  cadence: { instagram: 4 },
  monthlyAiBudgetUsd: null,
};

describe('strategyFromAnswers', () => {
  it("takes the template's pillars and the KPIs of the chosen goals, keeping earlier targets", () => {
    const first = strategyFromAnswers(template, answers, { locale: 'fr-FR', previous: null });
    expect(first.pillars.reduce((sum, pillar) => sum + pillar.share, 0)).toBe(100);
    expect(first.kpiTargets).toEqual([
      { key: 'engagement_rate', name: 'Engagement rate', unit: 'percent', target: null },
    ]);
    expect(first).toMatchObject({ locale: 'fr-FR', templateId: 'fitness', templateVersion: template.version });
    const withTarget = { ...first, kpiTargets: [{ ...first.kpiTargets[0]!, target: 4.5 }] };
    const again = strategyFromAnswers(template, answers, { locale: 'fr-FR', previous: withTarget });
    expect(again.kpiTargets[0]?.target).toBe(4.5);
  });

  it('falls back to "en" for a locale the strategy cannot hold', () => {
    expect(strategyFromAnswers(template, answers, { locale: '??', previous: null }).locale).toBe('en');
  });
});

describe('brandFromAnswers', () => {
  it('replaces the answered fields and keeps the rest of an existing profile', () => {
    const existing = brandProfileSchema.parse({
      name: 'Gym Lumière',
      industry: 'Sport',
      audience: 'Everyone',
      goals: ['Grow'],
      voice: { tone: ['calm'], formality: 0.2, emoji: 'lots', person: 'first_singular' },
      topics: ['Yoga'],
      topicsToAvoid: ['Diets'],
      language: 'fr-FR',
      hashtags: { always: ['Lyon'], never: [] },
    });
    const brand = brandFromAnswers(existing, template, answers, { name: 'Workspace', locale: 'en' });
    expect(brand).toMatchObject({
      name: 'Gym Lumière',
      industry: 'Fitness / gym / coach',
      audience: 'Beginners in Lyon',
      goals: ['Community'],
      voice: { tone: ['motivating'], formality: 0.2, emoji: 'lots', person: 'first_singular' },
      topics: ['Yoga'],
      topicsToAvoid: ['Diets'],
      ctaDefaults: template.ctaStyles,
      language: 'fr-FR',
      hashtags: { always: ['Lyon'], never: [] },
    });
  });

  it('starts a new profile from the workspace and the template', () => {
    const brand = brandFromAnswers(null, template, answers, { name: 'Studio Nord', locale: 'de-DE' });
    expect(brand).toMatchObject({
      name: 'Studio Nord',
      language: 'de-DE',
      topics: template.pillars.map((p) => p.name),
    });
  });
});
