/**
 * The Content agent's prompt for one week and the checks on its answer beyond the schema: days of the
 * week still open in the plan's month, only the networks and pillars of the workspace, exactly the
 * cadence's count per network, each pillar within one brief of its share, and no topic the month
 * already has. The prompt carries summaries only (a brand line, pillar shares, counts, a few findings,
 * the month's topics cut short), so a local 8B model with an 8k context can answer it.
 */
import type { z } from 'zod';
import { CONTENT_TYPES } from '@plume/contract/content/content-enums';
import { contentBriefsAnswerSchema, type ContentBriefsAnswer } from '@plume/contract/agents/content-run-schemas';
import type { ModelPrompt } from '../model-step.ts';
import {
  shorten,
  USED_TOPIC_CHARS,
  USED_TOPICS_SHOWN,
  weekTotal,
  type ContentContext,
  type ContentWeek,
} from './content-context.ts';

export const CONTENT_PLANNER_SYSTEM = [
  "You are Plume's content planner for a small business's social media.",
  'Write the briefs for one week: what each post is about, on which day and network, under which content pillar,',
  'in which format, and what its picture or video should show. Answer with one JSON object and nothing else:',
  '{"briefs": [{"day": "YYYY-MM-DD", "network": "<network>", "pillar": "<pillar key>", "topic": "…",',
  ' "format": "<format>", "visualBrief": "…"}]}',
  'Give exactly the number of briefs asked per network, on the days given, spread over the week.',
  'Keep each pillar near its share. A topic is one concrete idea (under 140 characters), never one the',
  'month already has. The visual brief says what to photograph or draw (under 240 characters).',
].join('\n');

/** Answer tokens allowed per brief (a brief is 70 to 130 tokens of JSON), plus the wrapper. */
export const ANSWER_TOKENS_PER_BRIEF = 120;
/** The most briefs one week's call asks for, so prompt and answer stay within an 8k context. */
export const MAX_BRIEFS_PER_CALL = 52;
const ANSWER_TOKENS_BASE = 120;

/** How many briefs of `total` a pillar should get: its share of the pillars' sum, within one brief. */
export function pillarRange(share: number, shareSum: number, total: number): { low: number; high: number } {
  const expected = shareSum === 0 ? 0 : (share / shareSum) * total;
  return { low: Math.max(0, Math.ceil(expected - 1 - 1e-9)), high: Math.floor(expected + 1 + 1e-9) };
}

const normal = (topic: string) =>
  topic
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function countsLine(week: ContentWeek): string {
  return Object.entries(week.counts)
    .filter(([, count]) => count > 0)
    .map(([network, count]) => `${network} ${count}`)
    .join(', ');
}

function pillarLines(context: ContentContext, week: ContentWeek): string[] {
  const shareSum = context.pillars.reduce((sum, pillar) => sum + pillar.share, 0);
  const total = weekTotal(week);
  const ranges = context.pillars.map((pillar) => {
    const range = pillarRange(pillar.share, shareSum, total);
    return `${pillar.key} ${range.low === range.high ? range.low : `${range.low}-${range.high}`}`;
  });
  return [
    `Pillars (key: name, share %): ${context.pillars.map((pillar) => `${pillar.key}: ${pillar.name}, ${pillar.share}`).join('; ')}.`,
    `Briefs per pillar this week: ${ranges.join(', ')}.`,
  ];
}

export function briefsPrompt(context: ContentContext, week: ContentWeek, usedTopics: readonly string[]): ModelPrompt {
  const total = weekTotal(week);
  const shown = usedTopics.slice(-USED_TOPICS_SHOWN).map((topic) => shorten(topic, USED_TOPIC_CHARS));
  const lines = [
    context.brand,
    ...pillarLines(context, week),
    `Week of ${week.week}${week.theme ? `, theme: ${week.theme}` : ''}.`,
    `Days: ${week.days.join(', ')}.`,
    `Briefs per network (exactly): ${countsLine(week)}.`,
    `Formats: ${CONTENT_TYPES.join(', ')}.`,
    ...(week.seasonal.length > 0 ? [`Dates this week: ${week.seasonal.join('; ')}.`] : []),
    ...context.findings.map((finding) => `What works: ${finding}`),
    ...context.lessons.map((lesson) => `Last week's review: ${lesson}`),
    ...(shown.length > 0 ? [`Topics already in the month (do not repeat): ${shown.join('; ')}.`] : []),
  ];
  return {
    system: CONTENT_PLANNER_SYSTEM,
    user: lines.join('\n'),
    maxOutputTokens: ANSWER_TOKENS_BASE + ANSWER_TOKENS_PER_BRIEF * total,
  };
}

type Issue = { path: (string | number)[]; message: string };

function itemIssues(context: ContentContext, week: ContentWeek, answer: ContentBriefsAnswer, used: Set<string>) {
  const issues: Issue[] = [];
  const days = new Set(week.days);
  const keys = new Set(context.pillars.map((pillar) => pillar.key));
  const seen = new Set(used);
  answer.briefs.forEach((brief, index) => {
    if (!days.has(brief.day))
      issues.push({ path: ['briefs', index, 'day'], message: `Use one of the days ${week.days.join(', ')}.` });
    if ((week.counts[brief.network] ?? 0) === 0)
      issues.push({ path: ['briefs', index, 'network'], message: `Use one of the networks: ${countsLine(week)}.` });
    if (!keys.has(brief.pillar))
      issues.push({
        path: ['briefs', index, 'pillar'],
        message: `Use one of the pillar keys ${[...keys].join(', ')}.`,
      });
    const topic = normal(brief.topic);
    if (seen.has(topic))
      issues.push({ path: ['briefs', index, 'topic'], message: 'This topic is already in the month; give a new one.' });
    seen.add(topic);
  });
  return issues;
}

function countIssues(context: ContentContext, week: ContentWeek, answer: ContentBriefsAnswer): Issue[] {
  const issues: Issue[] = [];
  for (const [network, count] of Object.entries(week.counts)) {
    const got = answer.briefs.filter((brief) => brief.network === network).length;
    if (got !== count) issues.push({ path: ['briefs'], message: `Give exactly ${count} for ${network} (got ${got}).` });
  }
  const shareSum = context.pillars.reduce((sum, pillar) => sum + pillar.share, 0);
  for (const pillar of context.pillars) {
    const range = pillarRange(pillar.share, shareSum, answer.briefs.length);
    const got = answer.briefs.filter((brief) => brief.pillar === pillar.key).length;
    if (got < range.low || got > range.high)
      issues.push({
        path: ['briefs'],
        message: `Pillar ${pillar.key} has ${got}; give it ${range.low === range.high ? range.low : `${range.low} to ${range.high}`} (share ${pillar.share} %).`,
      });
  }
  return issues;
}

/** The answer schema with this week's rules. */
export function briefsSchemaFor(context: ContentContext, week: ContentWeek, usedTopics: readonly string[]) {
  const used = new Set(usedTopics.map(normal));
  return contentBriefsAnswerSchema.superRefine((answer, refinement) => {
    const issues = [...itemIssues(context, week, answer, used), ...countIssues(context, week, answer)];
    for (const issue of issues) refinement.addIssue({ code: 'custom', ...issue });
  }) as z.ZodType<ContentBriefsAnswer>;
}
