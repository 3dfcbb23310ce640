import { describe, expect, it } from 'vitest';
import { bannedTopicIn, checkGuardrails, type AutoScheduleCandidate, type GuardrailSettings } from './guardrails.ts';

const settings: GuardrailSettings = {
  approvedPillars: ['tips'],
  postsPerDayPerAccount: 1,
  bannedTopics: [],
  requireAiDisclosure: true,
  quietHours: [{ fromMinute: 22 * 60, toMinute: 7 * 60 }],
};
const candidate: AutoScheduleCandidate = {
  pillar: 'tips',
  slot: new Date('2031-07-14T10:00:00Z'),
  minuteOfDay: 12 * 60,
  texts: ['Cold brew at home, step by step.'],
  postsThatDay: 0,
  aiLabelNetworks: [],
  hasAiLabelledMedia: false,
  personaDisclosure: null,
};

describe('bannedTopicIn', () => {
  it('matches whole words and phrases in any case, hashtags included, across lines', () => {
    expect(bannedTopicIn(['We love ICED   coffee'], ['iced coffee'])).toBe('iced coffee');
    expect(bannedTopicIn(['#Coffee time'], ['coffee'])).toBe('coffee');
    expect(bannedTopicIn(['Coffeehouse news'], ['coffee'])).toBeNull();
    expect(bannedTopicIn(['Politik heute'], ['politik'])).toBe('politik');
    expect(bannedTopicIn(['a', 'b c'], ['c'])).toBe('c');
  });
});

describe('checkGuardrails', () => {
  it('passes a clean draft of an approved pillar', () => {
    expect(checkGuardrails(candidate, settings)).toBeNull();
  });

  it('answers the first guardrail that fails', () => {
    const fail = (patch: Partial<AutoScheduleCandidate>, more: Partial<GuardrailSettings> = {}) =>
      checkGuardrails({ ...candidate, ...patch }, { ...settings, ...more })?.guardrail;
    expect(fail({ pillar: 'product' })).toBe('pillar_not_approved');
    expect(fail({ slot: null })).toBe('no_slot');
    expect(fail({}, { bannedTopics: ['cold brew'] })).toBe('banned_topic');
    expect(fail({ minuteOfDay: 23 * 60 })).toBe('quiet_hours');
    expect(fail({ postsThatDay: 1 })).toBe('daily_limit');
    expect(fail({ aiLabelNetworks: ['x'] })).toBe('ai_disclosure');
    expect(fail({ aiLabelNetworks: ['x'], hasAiLabelledMedia: true })).toBeUndefined();
    expect(fail({ aiLabelNetworks: ['x'] }, { requireAiDisclosure: false })).toBeUndefined();
    expect(fail({ personaDisclosure: 'AI-assisted account.' })).toBe('ai_disclosure');
    expect(fail({ personaDisclosure: 'AI-assisted account.', texts: ['Hi!\nAI-assisted account.'] })).toBeUndefined();
  });
});
