/**
 * A workspace's strategy: what its posts are about (pillars and their share of the mix), what they
 * are for (goals, KPI targets), who they are for and how they sound, how often per network, and the
 * monthly AI budget. The onboarding wizard creates the first one from an industry template.
 */
import { z } from 'zod';
import { localeSchema } from '../common-schemas.ts';
import { timestamp, type Wire } from '../wire.ts';
import { NETWORK_IDS } from '../networks/network-enums.ts';
import {
  GOALS,
  checkPillars,
  industryTemplateSchema,
  kpiSchema,
  pillarSchema,
  templateIdSchema,
} from './template-schemas.ts';

const line = (max: number) => z.string().trim().min(1).max(max);

/** Posts per week on a network: at least one, at most 50 (about seven a day). */
export const postsPerWeekSchema = z.number().int().min(1).max(50);

export const cadenceSchema = z
  .partialRecord(z.enum(NETWORK_IDS), postsPerWeekSchema)
  .refine((cadence) => Object.keys(cadence).length > 0, 'Choose at least one network and how often to post there');

export const kpiTargetSchema = kpiSchema.pick({ key: true, name: true, unit: true }).extend({
  /** The number to reach per month; null = tracked, no target yet. */
  target: z.number().min(0).max(1_000_000_000).nullable(),
});

export const monthlyAiBudgetSchema = z
  .number()
  .min(0)
  .max(100_000)
  .nullable()
  .describe('US dollars a calendar month for AI; null = no cap');

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:mm (00:00–23:59)');

/**
 * The slot rules placement and the plan checks keep. Absent from a strategy: Plume's defaults (2 posts
 * a day per account, quiet 22:00–07:00, 120 minutes apart, no natural cadence).
 */
export const postingRulesSchema = z
  .strictObject({
    postsPerDayPerAccount: z.number().int().min(1).max(24).describe('Most posts of one account on one local day'),
    quietHours: z
      .strictObject({ from: clock, to: clock })
      .nullable()
      .describe('No post from `from` to `to` on the workspace clock (22:00–07:00 wraps past midnight); null: none'),
    minGapMinutes: z.number().int().min(0).max(1440).describe('Two posts of one account at least this far apart'),
    naturalCadenceMinutes: z
      .number()
      .int()
      .min(0)
      .max(15)
      .describe('Each placed time moves by up to ± this many minutes, shown as natural cadence; 0: off'),
  })
  .superRefine((rules, context) => {
    if (rules.quietHours !== null && rules.quietHours.from === rules.quietHours.to)
      context.addIssue({
        code: 'custom',
        path: ['quietHours', 'to'],
        message: 'Quiet hours need an end different from their start.',
      });
  });
export type PostingRules = z.infer<typeof postingRulesSchema>;

const strategyShape = z.strictObject({
  pillars: z.array(pillarSchema).min(1).max(8),
  goals: z.array(z.enum(GOALS)).min(1).max(4),
  audience: line(500),
  tone: z.array(line(30)).min(1).max(8),
  cadence: cadenceSchema,
  kpiTargets: z.array(kpiTargetSchema).max(10),
  locale: localeSchema,
  monthlyAiBudgetUsd: monthlyAiBudgetSchema,
  templateId: templateIdSchema.nullable(),
  templateVersion: z.number().int().min(1).nullable(),
  rules: postingRulesSchema.optional(),
});

export const workspaceStrategySchema = strategyShape.superRefine((strategy, context) => {
  checkPillars(strategy.pillars, context, ['pillars']);
  if (new Set(strategy.goals).size !== strategy.goals.length)
    context.addIssue({ code: 'custom', path: ['goals'], message: 'Each goal once' });
});
export type WorkspaceStrategy = z.infer<typeof workspaceStrategySchema>;

export const seasonalDateSchema = z.object({
  date: z.string().describe('YYYY-MM-DD in the workspace calendar'),
  id: z.string(),
  name: z.string(),
  angle: z.string(),
  kind: z.enum(['public_holiday', 'observance', 'retail', 'industry']),
});

export const strategyResponse = z.object({
  strategy: z.object({ ...strategyShape.shape, updatedAt: timestamp }).nullable(),
  /** The template's seasonal dates in the next 90 days, in the workspace's calendar and zone. */
  upcoming: z.array(seasonalDateSchema),
  /** The calendar used for `upcoming` (from the strategy's locale), or null when none fits it. */
  calendarLocale: z.string().nullable(),
  timezone: z.string(),
  hint: z.string().nullable(),
});

export const onboardingBody = z.strictObject({
  templateId: templateIdSchema,
  goals: z.array(z.enum(GOALS)).min(1, 'Choose at least one goal').max(4),
  audience: line(500),
  tone: z.array(line(30)).min(1, 'Give at least one word for the tone').max(8),
  /** The networks to post on, each with posts per week. */
  cadence: cadenceSchema,
  monthlyAiBudgetUsd: monthlyAiBudgetSchema,
});

export const onboardingResponse = z.object({
  strategy: strategyResponse,
  brandProfile: z.enum(['saved', 'needs_persona']),
  templateCopy: z.object({ templateId: z.string(), templateVersion: z.number(), kept: z.boolean() }),
  notes: z.array(z.string()),
});

export const templateCopyResponse = z.object({
  copy: z
    .object({
      templateId: z.string(),
      templateVersion: z.number(),
      latestVersion: z.number().nullable(),
      edited: z.boolean(),
      template: industryTemplateSchema,
      updatedAt: timestamp,
    })
    .nullable(),
});

export type StrategyView = Wire<typeof strategyResponse>;
export type StrategyBody = Wire<typeof workspaceStrategySchema>;
export type OnboardingBody = Wire<typeof onboardingBody>;
export type OnboardingResult = Wire<typeof onboardingResponse>;
export type TemplateCopyView = Wire<typeof templateCopyResponse>;
export type SeasonalDate = Wire<typeof seasonalDateSchema>;
