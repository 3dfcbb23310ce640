/**
 * What the agents produce: the Intelligence agent's compact summary of what the workspace knows, and
 * the Strategy agent's proposal (monthly themes, pillar mix, KPI targets, each with reasons). The same
 * schemas validate a model's answer on the server and type the run page in the web app.
 */
import { z } from 'zod';
import { contentRunOutputSchema } from './content-run-schemas.ts';
import { learningOutputSchema } from './learning-outputs.ts';
import { executionOutputSchema } from './execution-output.ts';

const shortText = (max: number) => z.string().trim().min(1).max(max);
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give a month as YYYY-MM, like 2027-01.');

/** One post as the summary quotes it: its first words, its engagements and when it went out. */
export const summaryPostSchema = z.object({
  text: z.string().max(140),
  engagements: z.number(),
  publishedAt: z.string(),
});

export const accountSummarySchema = z.object({
  network: z.string(),
  handle: z.string(),
  postsAnalysed: z.number().int(),
  /** Best local hours (0–23), best first. */
  bestHours: z.array(z.number().int().min(0).max(23)).max(3),
  confidence: z.enum(['low', 'medium', 'high']),
  /** Where the best hours come from when the account's own history carries less than 70 % of them. */
  priorSource: z.string().nullable(),
  topPosts: z.array(summaryPostSchema).max(3),
  weakPosts: z.array(summaryPostSchema).max(3),
});

export const competitorSummarySchema = z.object({
  network: z.string(),
  handle: z.string(),
  summary: z.string().max(300),
});

/** What the workspace knows, bounded in size whatever its history (a local 8B model reads it). */
export const intelligenceFactsSchema = z.object({
  timezone: z.string(),
  postsAnalysed: z.number().int(),
  accounts: z.array(accountSummarySchema).max(8),
  hashtags: z.array(z.object({ tag: z.string(), posts: z.number().int(), index: z.number() })).max(10),
  topics: z.array(z.object({ term: z.string(), posts: z.number().int() })).max(10),
  /** Engagement per weekday in the workspace's zone, 100 = its usual; Monday first. */
  weekdayIndex: z.array(z.number()).length(7),
  findings: z.array(z.string().max(200)).max(5),
  competitors: z.array(competitorSummarySchema).max(5),
});

/** The model's reading of the facts. */
export const intelligenceReadingSchema = z.strictObject({
  highlights: z.array(shortText(240)).min(1).max(5),
  opportunities: z.array(shortText(240)).max(5),
  risks: z.array(shortText(240)).max(5),
});

export const intelligenceResultSchema = z.object({
  facts: intelligenceFactsSchema,
  reading: intelligenceReadingSchema,
});

export const pillarShareSchema = z.strictObject({
  pillar: shortText(60),
  share: z.number().min(0).max(100),
});

export const strategyMonthSchema = z.strictObject({
  month: monthSchema,
  themes: z.array(shortText(120)).min(1).max(5),
  pillarMix: z
    .array(pillarShareSchema)
    .min(1)
    .max(10)
    .refine((mix) => Math.abs(mix.reduce((sum, item) => sum + item.share, 0) - 100) <= 1, {
      message: 'The pillar shares must add up to 100.',
    }),
  reasons: z.array(shortText(300)).min(1).max(5),
});

export const kpiTargetSchema = z.strictObject({
  kpi: shortText(80),
  target: z.number(),
  unit: shortText(30),
  reason: shortText(300),
});

/** The Strategy agent's proposal; applying it to the workspace strategy is a separate, reviewed step. */
export const strategyProposalSchema = z.strictObject({
  months: z.array(strategyMonthSchema).min(1).max(3),
  kpiTargets: z.array(kpiTargetSchema).min(1).max(8),
});

export const agentRunOutputSchema = z.object({
  /** Absent for a `content`, `learning` or `execution` run. */
  intelligence: intelligenceResultSchema.optional(),
  strategy: strategyProposalSchema.optional(),
  content: contentRunOutputSchema.optional(),
  learning: learningOutputSchema.optional(),
  execution: executionOutputSchema.optional(),
});

export type IntelligenceFacts = z.infer<typeof intelligenceFactsSchema>;
export type IntelligenceReading = z.infer<typeof intelligenceReadingSchema>;
export type IntelligenceResult = z.infer<typeof intelligenceResultSchema>;
export type StrategyProposal = z.infer<typeof strategyProposalSchema>;
export type AgentRunOutput = z.infer<typeof agentRunOutputSchema>;
export type CompetitorSummary = z.infer<typeof competitorSummarySchema>;
