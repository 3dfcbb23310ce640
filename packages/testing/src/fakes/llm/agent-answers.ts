/**
 * Recorded answers of the planning agents for the LLM fakes: a valid intelligence reading or strategy
 * proposal, recognised by the agent's system prompt; the strategy proposal takes its months and pillar
 * keys from the prompt, as a model would. Anything else gets `fallback` (the fake's echo by default).
 */
import { contentAnswerFor } from './content-agent-answers.ts';

type Prompt = { system?: string | undefined; messages: readonly { role: string; content: string }[] };

export const INTELLIGENCE_ANSWER = {
  highlights: ['Posts with a photo of the day’s bake get about a third more engagement than the rest.'],
  opportunities: ['Tuesday and Thursday mornings are strong and under-used.'],
  risks: ['History is short on LinkedIn, so its best hours rest on the public prior.'],
};

function systemOf(prompt: Prompt): string {
  return prompt.system ?? prompt.messages.find((message) => message.role === 'system')?.content ?? '';
}

function userOf(prompt: Prompt): string {
  return prompt.messages.findLast((message) => message.role === 'user')?.content ?? '';
}

/** Which agent a prompt is for, from its system prompt. */
export function agentOf(prompt: Prompt): 'intelligence' | 'strategy' | 'content' | null {
  const system = systemOf(prompt);
  if (system.includes('content planner')) return 'content';
  if (system.includes('intelligence analyst')) return 'intelligence';
  if (system.includes('content strategist')) return 'strategy';
  return null;
}

/** A valid proposal for the months and pillars the strategy prompt names. */
export function strategyAnswerFor(user: string): object {
  const months = /^Months: (.+)\.$/m.exec(user)?.[1]?.split(', ') ?? [];
  const pillarLine = /^Pillars \(key: name, current share %\): (.+)\.$/m.exec(user)?.[1] ?? '';
  const keys = pillarLine.split('; ').map((item) => item.split(':')[0] ?? '');
  const base = Math.floor(100 / Math.max(1, keys.length));
  const shares = keys.map((_, index) => (index === 0 ? 100 - base * (keys.length - 1) : base));
  return {
    months: months.map((month, index) => ({
      month,
      themes: [`Behind the counter, part ${index + 1}`, 'Seasonal favourites'],
      pillarMix: keys.map((pillar, position) => ({ pillar, share: shares[position] ?? 0 })),
      reasons: ['Photo posts of the day’s bake do best, so the themes lean on them.'],
    })),
    kpiTargets: [
      { kpi: 'Engagement rate', target: 4.5, unit: '%', reason: 'Up from about 3.8 % with more photo posts.' },
      { kpi: 'New followers', target: 120, unit: 'per month', reason: 'Awareness goal; two more posts a week.' },
    ],
  };
}

/** The recorded answer for an agent prompt, or `fallback(prompt)` for any other. */
export function recordedAgentAnswer<P extends Prompt>(fallback: (prompt: P) => string) {
  return (prompt: P): string => {
    const agent = agentOf(prompt);
    if (agent === 'intelligence') return JSON.stringify(INTELLIGENCE_ANSWER);
    if (agent === 'strategy') return JSON.stringify(strategyAnswerFor(userOf(prompt)));
    if (agent === 'content') return JSON.stringify(contentAnswerFor(userOf(prompt)));
    return fallback(prompt);
  };
}
