/**
 * The Learning agent's prompt (the week's results as short lines) and the checks on its answer beyond
 * the schema: pillar shares only for the workspace's pillars, every pillar once, adding up to 100, none
 * moved more than MAX_SHARE_CHANGE points in a week; an hour not both preferred and avoided.
 */
import { describeAbTests } from './week-ab-tests.ts';
import type { z } from 'zod';
import {
  MAX_SHARE_CHANGE,
  retrospectiveSchema,
  type Retrospective,
  type WeekResults,
} from '@plume/contract/agents/learning-outputs';
import type { ModelPrompt } from '../model-step.ts';

export type LearningPillar = { key: string; name: string; share: number };

export const LEARNING_SYSTEM = [
  "You are Plume's learning analyst for a small business's social media.",
  "Compare the week's results with its plan and propose small adjustments for the next weeks.",
  'Answer with one JSON object and nothing else:',
  '{"summary": "…", "whatWorked": ["…"], "whatDidnt": ["…"],',
  ' "adjustments": {"pillarShares": [{"key": "<pillar key>", "share": 40}], "preferHours": [9], "avoidHours": [22],',
  '  "topicsToRepeat": ["…"], "topicsToAvoid": ["…"]},',
  ' "reasons": ["…"]}',
  `Every adjustment is optional. pillarShares lists every pillar once, adds up to 100 and moves none more than ${MAX_SHARE_CHANGE} points.`,
  'Hours are 0-23 on the workspace clock. One week is little evidence: prefer small changes and say so. Reasons cite the results.',
].join('\n');

const signed = (value: number) => (value >= 0 ? `+${value}` : String(value));

/** The results as lines a model reads quickly. */
export function describeResults(results: WeekResults): string[] {
  const lines = [
    `Week of ${results.week} (${results.timezone}). Planned ${results.planned}, published ${results.published} (${results.unplanned} outside the plan), measured ${results.measured}.`,
    'Engagement index: 100 = the account’s median post over 90 days.',
  ];
  for (const pillar of results.pillars)
    lines.push(
      `Pillar ${pillar.key} (${pillar.name}): strategy ${pillar.strategyShare ?? '-'}%, planned ${pillar.plannedShare}%, published ${pillar.actualShare}% (${pillar.published} posts), index ${pillar.index ?? 'n/a'}.`,
    );
  for (const post of results.posts)
    lines.push(
      `Post ${post.network} @${post.handle} ${post.slot} [${post.pillar ?? 'unplanned'}] "${post.topic}": ${post.engagements ?? 'not measured'} engagements, index ${post.index ?? 'n/a'}.`,
    );
  for (const slot of results.goodSlots)
    lines.push(`Beat expectation: ${slot.network} ${slot.slot}, index ${slot.index} vs expected ${slot.expected}.`);
  for (const slot of results.badSlots)
    lines.push(`Below expectation: ${slot.network} ${slot.slot}, index ${slot.index} vs expected ${slot.expected}.`);
  for (const item of results.missed)
    lines.push(`Not published (${item.what}): ${item.network} [${item.pillar}] "${item.topic}": ${item.reason}`);
  if (results.missedTotal > results.missed.length)
    lines.push(`… and ${results.missedTotal - results.missed.length} more not published.`);
  for (const kpi of results.kpis)
    lines.push(
      `KPI ${kpi.name} (${kpi.unit}): target ${kpi.target ?? 'none'}, this week ${kpi.week ?? 'not measured'}, monthly pace ${kpi.monthPace ?? 'n/a'}.`,
    );
  lines.push(...describeAbTests(results.abTests));
  return lines;
}

export function retrospectivePrompt(results: WeekResults, pillars: readonly LearningPillar[]): ModelPrompt {
  const pillarLine =
    pillars.length === 0
      ? 'The workspace has no strategy pillars: leave pillarShares out.'
      : `Current pillar shares (key: share %): ${pillars.map((pillar) => `${pillar.key}: ${pillar.share}`).join('; ')}.`;
  return {
    system: LEARNING_SYSTEM,
    user: [pillarLine, ...describeResults(results)].join('\n'),
    maxOutputTokens: 1500,
  };
}

/** Issues with proposed shares against the current ones (also used when applying). */
export function shareProblems(
  proposed: ReadonlyArray<{ key: string; share: number }>,
  pillars: readonly LearningPillar[],
): Array<{ index: number | null; message: string }> {
  const problems: Array<{ index: number | null; message: string }> = [];
  const current = new Map(pillars.map((pillar) => [pillar.key, pillar.share]));
  const seen = new Set<string>();
  proposed.forEach((item, index) => {
    const was = current.get(item.key);
    if (was === undefined)
      problems.push({ index, message: `Unknown pillar "${item.key}"; use one of ${[...current.keys()].join(', ')}.` });
    else if (Math.abs(item.share - was) > MAX_SHARE_CHANGE)
      problems.push({
        index,
        message: `${item.key} moves ${signed(Math.round(item.share - was))} points; at most ${MAX_SHARE_CHANGE} a week.`,
      });
    if (seen.has(item.key)) problems.push({ index, message: `${item.key} is listed twice.` });
    seen.add(item.key);
  });
  const missing = [...current.keys()].filter((key) => !seen.has(key));
  if (missing.length > 0)
    problems.push({ index: null, message: `List every pillar once (missing ${missing.join(', ')}).` });
  const total = proposed.reduce((sum, item) => sum + item.share, 0);
  if (Math.abs(total - 100) > 1) problems.push({ index: null, message: `The shares add up to ${total}, not 100.` });
  return problems;
}

/** The retrospective's schema with this workspace's rules. */
export function retrospectiveSchemaFor(pillars: readonly LearningPillar[]): z.ZodType<Retrospective> {
  return retrospectiveSchema.superRefine((answer, context) => {
    const shares = answer.adjustments.pillarShares;
    if (shares !== undefined && shares.length > 0) {
      if (pillars.length === 0)
        context.addIssue({
          code: 'custom',
          path: ['adjustments', 'pillarShares'],
          message: 'The workspace has no pillars: leave pillarShares out.',
        });
      else
        for (const problem of shareProblems(shares, pillars))
          context.addIssue({
            code: 'custom',
            path: ['adjustments', 'pillarShares', ...(problem.index === null ? [] : [problem.index, 'share'])],
            message: problem.message,
          });
    }
    const avoid = new Set(answer.adjustments.avoidHours ?? []);
    const both = (answer.adjustments.preferHours ?? []).filter((hour) => avoid.has(hour));
    if (both.length > 0)
      context.addIssue({
        code: 'custom',
        path: ['adjustments', 'avoidHours'],
        message: `Hour ${both.join(', ')} is both preferred and avoided.`,
      });
  });
}
