/** The onboarding wizard's answers as the form holds them, checked step by step before they are sent. */
import type { Goal, IndustryTemplate } from '@plume/contract/planning/template-schemas';
import type { OnboardingBody } from '@plume/contract/planning/strategy-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { FieldErrors } from '../../lib/field-errors.ts';

export const STEPS = ['Business', 'Goals', 'Audience and tone', 'Networks', 'AI budget'] as const;

export const GOAL_CHOICES: { value: Goal; label: string; description: string }[] = [
  { value: 'awareness', label: 'Awareness', description: 'More people know the name and what it offers.' },
  { value: 'leads', label: 'Leads', description: 'Enquiries, sign-ups, calls and booked demos.' },
  { value: 'sales', label: 'Sales', description: 'Orders, bookings and revenue.' },
  { value: 'community', label: 'Community', description: 'Conversations, regulars and loyal followers.' },
];

export type Answers = {
  templateId: string;
  goals: Goal[];
  audience: string;
  /** Comma-separated words, as typed. */
  tone: string;
  /** Network → posts per week as typed; a network is chosen when it has an entry. */
  cadence: Partial<Record<NetworkId, string>>;
  /** US dollars as typed; empty = no cap. */
  budget: string;
};

export const emptyAnswers: Answers = { templateId: '', goals: [], audience: '', tone: '', cadence: {}, budget: '' };

/** The answers after choosing a template: its goals, tone and cadence, keeping what was already typed. */
export function withTemplate(answers: Answers, template: IndustryTemplate): Answers {
  const cadence = Object.fromEntries(
    Object.entries(template.networks).map(([network, plan]) => [network, String(plan.postsPerWeek)]),
  );
  return {
    ...answers,
    templateId: template.id,
    goals: answers.goals.length > 0 ? answers.goals : template.goals,
    audience: answers.audience || template.audience,
    tone: answers.tone || template.tone.join(', '),
    cadence,
  };
}

export function toneWords(tone: string): string[] {
  return tone
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);
}

function postsPerWeekError(value: string): string | undefined {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number)) return 'Enter a whole number of posts a week.';
  if (number < 1 || number > 50) return 'Between 1 and 50 posts a week.';
  return undefined;
}

/** The problems of one step, by field name (the API's names, so server errors land at the same fields). */
export function stepErrors(step: number, answers: Answers): FieldErrors {
  const errors: FieldErrors = {};
  if (step === 0 && !answers.templateId) errors.templateId = 'Choose the kind of business closest to yours.';
  if (step === 1 && answers.goals.length === 0) errors.goals = 'Choose at least one goal.';
  if (step === 2) {
    if (!answers.audience.trim()) errors.audience = 'Say who the posts are for.';
    else if (answers.audience.trim().length > 500) errors.audience = 'At most 500 characters.';
    const words = toneWords(answers.tone);
    if (words.length === 0) errors.tone = 'Give at least one word for the tone, e.g. friendly.';
    else if (words.length > 8 || words.some((word) => word.length > 30))
      errors.tone = 'At most 8 words, each up to 30 characters.';
  }
  if (step === 3) {
    const chosen = Object.entries(answers.cadence);
    if (chosen.length === 0) errors.cadence = 'Choose at least one network.';
    for (const [network, value] of chosen) {
      const problem = postsPerWeekError(value ?? '');
      if (problem) errors[network] = problem;
    }
  }
  if (step === 4 && answers.budget.trim() !== '') {
    const number = Number(answers.budget);
    if (!Number.isFinite(number) || number < 0 || number > 100_000)
      errors.monthlyAiBudgetUsd = 'Enter an amount in US dollars between 0 and 100,000, or leave it empty for no cap.';
  }
  return errors;
}

/** The step a server-side problem belongs to, so the wizard can go back to it. */
export function stepOfField(field: string): number {
  if (field === 'templateId') return 0;
  if (field === 'goals') return 1;
  if (field === 'audience' || field === 'tone') return 2;
  if (field === 'monthlyAiBudgetUsd') return 4;
  return 3;
}

export function toBody(answers: Answers): OnboardingBody {
  const cadence = Object.fromEntries(
    Object.entries(answers.cadence).map(([network, value]) => [network, Number(value)]),
  );
  return {
    templateId: answers.templateId,
    goals: answers.goals,
    audience: answers.audience.trim(),
    tone: toneWords(answers.tone),
    cadence,
    monthlyAiBudgetUsd: answers.budget.trim() === '' ? null : Number(answers.budget),
  };
}
