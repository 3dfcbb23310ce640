/** Insights in the product: expected engagement of a draft, best free times, what works. */
import { z } from 'zod';
import { workspaceParams } from '../common-schemas.ts';

export const insightParams = workspaceParams;

/** The most accounts one composer asks about at once (a post's targets). */
export const MAX_PREDICT_ACCOUNTS = 20;
/** Best times look at most four weeks ahead. */
export const MAX_BEST_TIME_RANGE_DAYS = 28;

const dateTime = z.iso.datetime({ offset: true });

export const predictBody = z.strictObject({
  accountIds: z
    .array(z.uuid('Choose an account from the list.'))
    .min(1, 'Choose at least one account.')
    .max(MAX_PREDICT_ACCOUNTS, `Choose at most ${MAX_PREDICT_ACCOUNTS} accounts.`),
  text: z.string().max(100_000, 'The text is too long to predict (100,000 characters at most).'),
  mediaCount: z.number().int().min(0).max(100).default(0),
  hasLink: z.boolean().default(false),
  hashtags: z.array(z.string().max(200)).max(100).default([]),
  isThread: z.boolean().default(false),
  scheduledAt: dateTime.optional().describe('When the post would go out (default: now)'),
});

export const accountPredictionSchema = z.discriminatedUnion('status', [
  z.object({
    accountId: z.string(),
    accountHandle: z.string(),
    status: z.literal('predicted'),
    expected: z.number().describe('Expected engagements (likes, reposts, replies… as the network counts them)'),
    low: z.number(),
    high: z.number(),
    coverage: z.number().describe('How often the actual result falls between low and high (0.8)'),
    historyPosts: z.number().describe("The account's measured posts the prediction stands on"),
    model: z.string(),
  }),
  z.object({
    accountId: z.string(),
    accountHandle: z.string(),
    status: z.literal('not_enough_history'),
    historyPosts: z.number(),
    needed: z.number().describe('Measured posts needed before Plume gives a range'),
  }),
]);

export const predictResponse = z.object({ accounts: z.array(accountPredictionSchema) });

export const bestTimesQuery = z
  .object({
    accountId: z.uuid('Choose an account from the list.'),
    from: dateTime.optional().describe('Earliest time to suggest (default: now)'),
    to: dateTime.optional().describe('Latest time to suggest (default: 7 days after `from`)'),
  })
  .superRefine((query, context) => {
    if (query.from === undefined || query.to === undefined) return;
    const span = Date.parse(query.to) - Date.parse(query.from);
    if (span <= 0) context.addIssue({ code: 'custom', path: ['to'], message: 'Choose an end after the start.' });
    else if (span > MAX_BEST_TIME_RANGE_DAYS * 86_400_000)
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Choose a range of at most ${MAX_BEST_TIME_RANGE_DAYS} days.`,
      });
  });

export const bestTimesResponse = z.object({
  accountId: z.string(),
  timezone: z.string(),
  suggestions: z.array(
    z.object({
      at: z.string().describe('UTC, ISO 8601'),
      local: z.string().describe('The same moment on the workspace clock, `YYYY-MM-DD HH:mm`'),
      hour: z.number(),
      lift: z.number().describe('Expected engagement compared with a typical hour (1.2 = 20 % more)'),
    }),
  ),
  confidence: z.number().describe("0–1: the share of the ranking resting on the account's own posts"),
  confidenceLabel: z.enum(['low', 'medium', 'high']),
  historyPosts: z.number(),
  prior: z
    .object({ share: z.number(), source: z.string() })
    .nullable()
    .describe('The public data the rest of the ranking comes from, while own history is short'),
});

export const whatWorksQuery = z.object({
  accountId: z.uuid('Choose an account from the list.').optional().describe('Default: every account together'),
});

export const findingSchema = z.object({
  factor: z.enum(['hashtags', 'media', 'links', 'length', 'hour']),
  group: z.string(),
  comparedWith: z.string(),
  postsInGroup: z.number(),
  postsCompared: z.number(),
  effect: z.number().describe('Engagement of the group ÷ the rest (1.3 = 30 % more)'),
  low: z.number().describe('95 % interval'),
  high: z.number(),
  isClear: z.boolean().describe('The interval excludes "no effect"'),
  summary: z.string(),
});

export const whatWorksResponse = z.object({
  accountId: z.string().nullable(),
  postsAnalysed: z.number(),
  minPostsPerGroup: z.number(),
  findings: z.array(findingSchema),
});

/** On the post page: what was expected of a target and, after 24 h, what it got. */
export const targetPredictionSchema = z.object({
  targetId: z.string(),
  expected: z.number(),
  low: z.number(),
  high: z.number(),
  historyPosts: z.number(),
  model: z.string(),
  predictedAt: z.string(),
  actual: z.number().nullable().describe('Measured engagements, once the post has been out 24 h'),
  actualAt: z.string().nullable(),
  verdict: z.enum(['below', 'within', 'above']).nullable(),
});

export type PredictBody = z.input<typeof predictBody>;
export type AccountPrediction = z.output<typeof accountPredictionSchema>;
export type BestTimesResponse = z.output<typeof bestTimesResponse>;
export type WhatWorksResponse = z.output<typeof whatWorksResponse>;
export type TargetPrediction = z.output<typeof targetPredictionSchema>;
