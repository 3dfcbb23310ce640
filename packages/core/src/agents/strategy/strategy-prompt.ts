/**
 * The Strategy agent's prompt and the checks on its answer beyond the schema: exactly the months
 * asked for, and only the workspace's pillars in each month's mix. The prompt carries the
 * intelligence reading and a few facts, not the history.
 */
import { type z } from 'zod';
import { strategyProposalSchema, type IntelligenceResult } from '@plume/contract/agents/agent-outputs';
import type { ModelPrompt } from '../model-step.ts';
import { describeReading } from '../intelligence/intelligence-prompt.ts';

export type StrategyBrief = {
  brand: { name: string; industry: string; audience: string; tone: string; language: string } | null;
  pillars: Array<{ key: string; name: string; share: number }>;
  goals: string[];
  months: string[];
};

export const STRATEGY_SYSTEM = [
  "You are Plume's content strategist for a small business's social media.",
  'From the brand, its content pillars, its goals and what its analytics say, propose monthly themes,',
  'a pillar mix per month and KPI targets. Answer with one JSON object and nothing else:',
  '{"months": [{"month": "YYYY-MM", "themes": ["…"], "pillarMix": [{"pillar": "<pillar key>", "share": 40}], "reasons": ["…"]}],',
  ' "kpiTargets": [{"kpi": "…", "target": 3.5, "unit": "…", "reason": "…"}]}',
  'One entry per month asked, in order. Pillar shares add up to 100; keep each within 10 points of the',
  'current share unless a reason says why. Turn each goal into a measurable KPI target. Reasons cite the facts.',
].join('\n');

export function strategyPrompt(brief: StrategyBrief, intelligence: IntelligenceResult): ModelPrompt {
  const { facts } = intelligence;
  const brand = brief.brand;
  const lines = [
    brand === null
      ? 'Brand: not described yet.'
      : `Brand: ${brand.name} (${brand.industry}). Audience: ${brand.audience}. Tone: ${brand.tone}. Language: ${brand.language}.`,
    `Pillars (key: name, current share %): ${brief.pillars.map((pillar) => `${pillar.key}: ${pillar.name}, ${pillar.share}`).join('; ')}.`,
    `Goals: ${brief.goals.length === 0 ? 'not stated; propose sensible ones for awareness and engagement' : brief.goals.join('; ')}.`,
    `Months: ${brief.months.join(', ')}.`,
    `Measured posts: ${facts.postsAnalysed}.`,
    ...describeReading(intelligence.reading),
  ];
  if (facts.hashtags.length > 0)
    lines.push(
      `Strong hashtags: ${facts.hashtags
        .slice(0, 5)
        .map((tag) => `#${tag.tag} (${tag.index})`)
        .join(', ')}.`,
    );
  if (facts.topics.length > 0)
    lines.push(
      `Frequent topics: ${facts.topics
        .slice(0, 6)
        .map((t) => t.term)
        .join(', ')}.`,
    );
  return { system: STRATEGY_SYSTEM, user: lines.join('\n'), maxOutputTokens: 400 + 300 * brief.months.length };
}

/** The proposal schema with this run's own rules: the months asked, and only known pillar keys. */
export function proposalSchemaFor(brief: StrategyBrief) {
  const keys = new Set(brief.pillars.map((pillar) => pillar.key));
  return strategyProposalSchema.superRefine((proposal, context) => {
    const months = proposal.months.map((month) => month.month);
    if (months.join(',') !== brief.months.join(','))
      context.addIssue({
        code: 'custom',
        path: ['months'],
        message: `Give exactly these months in order: ${brief.months.join(', ')} (got ${months.join(', ') || 'none'}).`,
      });
    proposal.months.forEach((month, monthIndex) => {
      month.pillarMix.forEach((item, index) => {
        if (!keys.has(item.pillar))
          context.addIssue({
            code: 'custom',
            path: ['months', monthIndex, 'pillarMix', index, 'pillar'],
            message: `Unknown pillar "${item.pillar}"; use one of ${[...keys].join(', ')}.`,
          });
      });
    });
  }) as z.ZodType<z.output<typeof strategyProposalSchema>>;
}
