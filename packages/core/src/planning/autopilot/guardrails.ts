/**
 * The guardrails a draft must pass before the autopilot approves and schedules it by itself. Pure:
 * the caller reads the post, the account's day and the settings. The first guardrail that fails is
 * the reason the draft waits for a person, in plain words.
 */
import type { QuietHours } from '../placement/placement-types.ts';
import { describeQuietHours, isQuiet } from '../placement/slot-calendar.ts';

export type GuardrailName =
  'pillar_not_approved' | 'no_slot' | 'banned_topic' | 'quiet_hours' | 'daily_limit' | 'ai_disclosure';

export type GuardrailFailure = { guardrail: GuardrailName; message: string };

export type AutoScheduleCandidate = {
  pillar: string;
  /** The post's slot, and its minute of the day on the workspace clock. */
  slot: Date | null;
  minuteOfDay: number;
  /** Every text the post publishes: base text, thread parts, first comment, hashtags. */
  texts: readonly string[];
  /** Posts of its account already approved or scheduled on the slot's local day (auto-scheduled ones included). */
  postsThatDay: number;
  /** Networks of its targets that take an AI-generated label, and whether the post's media carry it. */
  aiLabelNetworks: readonly string[];
  hasAiLabelledMedia: boolean;
  /** The persona's disclosure line when the brand speaks as a persona. */
  personaDisclosure: string | null;
};

export type GuardrailSettings = {
  approvedPillars: readonly string[];
  postsPerDayPerAccount: number;
  bannedTopics: readonly string[];
  requireAiDisclosure: boolean;
  quietHours: readonly QuietHours[];
};

const normalise = (text: string) => text.normalize('NFKC').toLocaleLowerCase();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first banned word or phrase the texts mention (whole words, any case, `#coffee` mentions "coffee"). */
export function bannedTopicIn(texts: readonly string[], banned: readonly string[]): string | null {
  const haystack = normalise(texts.join('\n'));
  for (const topic of banned) {
    const words = normalise(topic).trim().split(/\s+/).map(escape).join('\\s+');
    if (words === '') continue;
    if (new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'u').test(haystack)) return topic;
  }
  return null;
}

/** Null when the autopilot may schedule the draft; else the first guardrail it fails. */
export function checkGuardrails(
  candidate: AutoScheduleCandidate,
  settings: GuardrailSettings,
): GuardrailFailure | null {
  if (!settings.approvedPillars.includes(candidate.pillar))
    return {
      guardrail: 'pillar_not_approved',
      message: `Its pillar, ${candidate.pillar}, is not one the autopilot may schedule: a person approves it.`,
    };
  if (candidate.slot === null) return { guardrail: 'no_slot', message: 'It has no time yet: place the week first.' };
  const banned = bannedTopicIn(candidate.texts, settings.bannedTopics);
  if (banned !== null)
    return { guardrail: 'banned_topic', message: `It mentions "${banned}", a banned topic: a person decides.` };
  if (isQuiet(settings.quietHours, candidate.minuteOfDay))
    return {
      guardrail: 'quiet_hours',
      message: `Its time is in quiet hours (${describeQuietHours(settings.quietHours)}).`,
    };
  if (candidate.postsThatDay >= settings.postsPerDayPerAccount)
    return {
      guardrail: 'daily_limit',
      message: `Its account already has ${candidate.postsThatDay} post${candidate.postsThatDay === 1 ? '' : 's'} that day, the autopilot's limit of ${settings.postsPerDayPerAccount} a day.`,
    };
  if (settings.requireAiDisclosure) {
    if (candidate.aiLabelNetworks.length > 0 && !candidate.hasAiLabelledMedia)
      return {
        guardrail: 'ai_disclosure',
        message: `${candidate.aiLabelNetworks.join(', ')} takes an AI-generated label only on media marked AI-generated, and this post has none: a person approves it.`,
      };
    const disclosure = candidate.personaDisclosure;
    if (disclosure !== null && !candidate.texts.some((text) => text.includes(disclosure.trim())))
      return {
        guardrail: 'ai_disclosure',
        message: "It lacks the persona's AI disclosure line: a person approves it.",
      };
  }
  return null;
}
