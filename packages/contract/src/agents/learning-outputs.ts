/**
 * What the Learning agent produces: the week's results compared with its plan (computed, no model;
 * bounded in size so a local 8B model reads it), and the model's retrospective with the adjustments it
 * proposes for the next weeks. Applying them is a separate, reviewed step.
 */
import { z } from 'zod';
import { AB_TEST_KINDS, AB_VARIANTS } from '../planning/ab-test-enums.ts';

const shortText = (max: number) => z.string().trim().min(1).max(max);
export const mondaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a day as YYYY-MM-DD, a Monday.');

export const MAX_WEEK_POSTS = 12;
export const MAX_MISSED = 8;
export const MAX_SLOTS = 3;
export const MAX_LEARNING_PILLARS = 8;
export const MAX_KPIS = 10;
export const MAX_AB_TESTS = 4;
/** How far one retrospective may move a pillar's share, in percentage points. */
export const MAX_SHARE_CHANGE = 10;

/** One post that went out that week, with its engagement index (100 = the account's median post). */
export const weekPostSchema = z.object({
  network: z.string(),
  handle: z.string(),
  /** Null: published outside the plan. */
  pillar: z.string().nullable(),
  topic: z.string().max(80),
  /** Local weekday and hour: "Tue 09:00". */
  slot: z.string(),
  engagements: z.number().nullable(),
  index: z.number().nullable(),
});

export const weekPillarSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** The strategy's share, null when the workspace has none. */
  strategyShare: z.number().nullable(),
  plannedShare: z.number(),
  actualShare: z.number(),
  published: z.number().int(),
  /** Mean engagement index of its published posts; null when none was measured. */
  index: z.number().nullable(),
});

export const weekSlotSchema = z.object({
  slot: z.string(),
  network: z.string(),
  index: z.number(),
  /** What the best-time model expected there, as an index (100 = usual). */
  expected: z.number(),
});

export const missedBriefSchema = z.object({
  network: z.string(),
  pillar: z.string(),
  topic: z.string().max(80),
  what: z.enum(['failed', 'rejected', 'replaced', 'not_scheduled', 'not_published']),
  reason: z.string().max(160),
});

export const weekKpiSchema = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
  /** The week's value (null: Plume does not measure it), and that pace over a month. */
  week: z.number().nullable(),
  monthPace: z.number().nullable(),
});

/** A measured A/B test of the week (planning/ab-tests): what differed and the verdict. */
export const weekAbTestSchema = z.object({
  kind: z.enum(AB_TEST_KINDS),
  network: z.string(),
  pillar: z.string(),
  topic: z.string(),
  winner: z.enum(AB_VARIANTS).nullable(),
  verdict: z.string(),
  /** Each variant's opening words (a text test) or its time on the workspace clock (a time test). */
  a: z.string(),
  b: z.string(),
});

export const weekResultsSchema = z.object({
  week: z.string(),
  timezone: z.string(),
  planned: z.number().int(),
  published: z.number().int(),
  measured: z.number().int(),
  unplanned: z.number().int(),
  posts: z.array(weekPostSchema).max(MAX_WEEK_POSTS),
  pillars: z.array(weekPillarSchema).max(MAX_LEARNING_PILLARS),
  goodSlots: z.array(weekSlotSchema).max(MAX_SLOTS),
  badSlots: z.array(weekSlotSchema).max(MAX_SLOTS),
  missed: z.array(missedBriefSchema).max(MAX_MISSED),
  missedTotal: z.number().int(),
  kpis: z.array(weekKpiSchema).max(MAX_KPIS),
  /** Absent in results stored before A/B tests were read. */
  abTests: z.array(weekAbTestSchema).max(MAX_AB_TESTS).default([]),
});

const hoursSchema = z.array(z.number().int().min(0).max(23)).max(6);
const topicsSchema = z.array(shortText(80)).max(5);

export const learningAdjustmentsSchema = z.strictObject({
  pillarShares: z
    .array(z.strictObject({ key: shortText(40), share: z.number().min(0).max(100) }))
    .max(MAX_LEARNING_PILLARS)
    .optional(),
  preferHours: hoursSchema.optional(),
  avoidHours: hoursSchema.optional(),
  topicsToRepeat: topicsSchema.optional(),
  topicsToAvoid: topicsSchema.optional(),
});

export const retrospectiveSchema = z.strictObject({
  summary: shortText(400),
  whatWorked: z.array(shortText(240)).max(5),
  whatDidnt: z.array(shortText(240)).max(5),
  adjustments: learningAdjustmentsSchema,
  reasons: z.array(shortText(300)).min(1).max(5),
});

/** The run's output: the results, and the retrospective (null when nothing was published that week). */
export const learningOutputSchema = z.object({
  results: weekResultsSchema,
  retrospective: retrospectiveSchema.nullable(),
});

export type WeekResults = z.infer<typeof weekResultsSchema>;
export type WeekPost = z.infer<typeof weekPostSchema>;
export type WeekPillar = z.infer<typeof weekPillarSchema>;
export type WeekSlot = z.infer<typeof weekSlotSchema>;
export type MissedBrief = z.infer<typeof missedBriefSchema>;
export type WeekKpi = z.infer<typeof weekKpiSchema>;
export type WeekAbTest = z.infer<typeof weekAbTestSchema>;
export type LearningAdjustments = z.infer<typeof learningAdjustmentsSchema>;
export type Retrospective = z.infer<typeof retrospectiveSchema>;
export type LearningOutput = z.infer<typeof learningOutputSchema>;
