import { describe, expect, it } from 'vitest';
import type { IndustryTemplate } from '@plume/contract/planning/template-schemas';
import { emptyAnswers, stepErrors, stepOfField, toBody, toneWords, withTemplate } from './onboarding-answers.ts';

const template = {
  id: 'restaurant',
  goals: ['sales', 'community'],
  audience: 'Local diners',
  tone: ['warm', 'welcoming'],
  networks: { instagram: { postsPerWeek: 5, formats: ['Reels'] }, facebook: { postsPerWeek: 4, formats: ['Event'] } },
} as unknown as IndustryTemplate;

describe('onboarding answers', () => {
  it('a chosen template fills goals, audience, tone and cadence, keeping what was typed', () => {
    const answers = withTemplate({ ...emptyAnswers, audience: 'Students near campus' }, template);
    expect(answers).toMatchObject({
      templateId: 'restaurant',
      goals: ['sales', 'community'],
      audience: 'Students near campus',
      tone: 'warm, welcoming',
      cadence: { instagram: '5', facebook: '4' },
    });
  });

  it('each step names its problems by the API field names', () => {
    expect(stepErrors(0, emptyAnswers)).toEqual({ templateId: expect.any(String) });
    expect(stepErrors(1, emptyAnswers)).toEqual({ goals: 'Choose at least one goal.' });
    expect(stepErrors(2, { ...emptyAnswers, audience: ' ', tone: ',' })).toEqual({
      audience: 'Say who the posts are for.',
      tone: expect.stringContaining('at least one word'),
    });
    expect(stepErrors(3, emptyAnswers)).toEqual({ cadence: 'Choose at least one network.' });
    expect(stepErrors(3, { ...emptyAnswers, cadence: { bluesky: '0', x: '2.5', threads: '7' } })).toEqual({
      bluesky: 'Between 1 and 50 posts a week.',
      x: 'Enter a whole number of posts a week.',
    });
    expect(stepErrors(4, { ...emptyAnswers, budget: '-1' })).toHaveProperty('monthlyAiBudgetUsd');
    expect(stepErrors(4, { ...emptyAnswers, budget: '' })).toEqual({});
  });

  it('a server problem leads back to its step, and the body carries numbers', () => {
    expect(stepOfField('tone')).toBe(2);
    expect(stepOfField('facebook')).toBe(3);
    expect(stepOfField('monthlyAiBudgetUsd')).toBe(4);
    expect(toneWords(' warm, , direct ')).toEqual(['warm', 'direct']);
    const body = toBody({ ...withTemplate(emptyAnswers, template), budget: '' });
    expect(body).toMatchObject({
      cadence: { instagram: 5, facebook: 4 },
      monthlyAiBudgetUsd: null,
      tone: ['warm', 'welcoming'],
    });
  });
});
