/** Plans and the week board (docs/planning.md "Plans and the week board"). */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { CONTENT_TYPES } from '../content/content-enums.ts';
import { NETWORK_IDS } from '../networks/network-enums.ts';
import { POST_STATES } from '../posts/post-states.ts';
import { timestamp, type Wire } from '../wire.ts';
import { BRIEF_STATES, GENERATION_STATES, PLAN_STATES } from './plan-enums.ts';

const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM, like 2031-07.')
  .describe('`YYYY-MM`')
  .meta({ examples: ['2031-07'] });

const daySchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Use YYYY-MM-DD, like 2031-07-14.')
  .describe("`YYYY-MM-DD` in the workspace's calendar")
  .meta({ examples: ['2031-07-14'] });

const weekSchema = daySchema
  .describe("The week's Monday, `YYYY-MM-DD` in the workspace's calendar")
  .meta({ examples: ['2031-07-14'] });

export const planParams = z.object({ workspaceId: workspaceIdParam, planId: z.uuid() });
export const briefParams = planParams.extend({ briefId: z.uuid() });
export const weekParams = planParams.extend({ week: weekSchema });

const themeSchema = z.strictObject({ week: weekSchema, theme: z.string().trim().min(1).max(200) });

export const createPlanBody = z.strictObject({
  month: monthSchema,
  themes: z.array(themeSchema).max(6).default([]),
});

export const updatePlanBody = z.strictObject({
  themes: z.array(themeSchema).max(6).optional(),
  state: z.enum(PLAN_STATES).optional(),
});

const topicSchema = z.string().trim().min(3, 'Write at least a few words.').max(500);
const pillarSchema = z.string().trim().min(1, 'Choose a pillar.').max(60);
const notesSchema = z
  .string()
  .trim()
  .max(1000, 'Keep the notes under 1,000 characters.')
  .describe("Notes for the writer (angle, product, link…); in the draft's prompt");

export const createBriefBody = z.strictObject({
  day: daySchema,
  accountId: z.uuid(),
  pillar: pillarSchema,
  topic: topicSchema,
  format: z.enum(CONTENT_TYPES).default('educational'),
  notes: notesSchema.optional(),
});

export const updateBriefBody = z.strictObject({
  day: daySchema.optional(),
  accountId: z.uuid().optional(),
  pillar: pillarSchema.optional(),
  topic: topicSchema.optional(),
  format: z.enum(CONTENT_TYPES).optional(),
  notes: notesSchema.nullable().optional(),
  slot: z.iso
    .datetime({ offset: true })
    .nullable()
    .optional()
    .describe('A time on the day (ISO 8601 instant), or null to unplace it; moving the day unplaces it too'),
});

export const reasonBody = z.strictObject({
  reason: z.string().trim().min(3, 'Say in a few words what is wrong.').max(500),
});

export const approveWeekBody = z.strictObject({
  except: z.array(z.uuid()).max(200).default([]).describe('Briefs left out of the approval'),
});

export const briefSchema = z.object({
  id: z.string(),
  planId: z.string(),
  day: z.string(),
  network: z.enum(NETWORK_IDS),
  accountId: z.string(),
  accountHandle: z.string(),
  pillar: z.string(),
  topic: z.string(),
  format: z.enum(CONTENT_TYPES),
  notes: z.string().nullable(),
  visualBrief: z.string().nullable().describe('What the picture or video should show (the Content agent writes it)'),
  agentRunId: z.string().nullable().describe('The Content agent run that wrote the brief; null when added by hand'),
  slot: timestamp.nullable(),
  slotLocal: z.string().nullable().describe('The slot on the workspace clock, `YYYY-MM-DD HH:mm`'),
  placementReason: z.string().nullable(),
  state: z.enum(BRIEF_STATES),
  postId: z.string().nullable(),
  postState: z.enum(POST_STATES).nullable(),
  postText: z.string().nullable(),
  replacesId: z.string().nullable(),
  replacedById: z.string().nullable(),
  rejectionReason: z.string().nullable(),
});

export const generationSchema = z.object({
  week: z.string(),
  state: z.enum(GENERATION_STATES),
  total: z.number(),
  done: z.number(),
  failed: z.array(z.object({ briefId: z.string(), message: z.string() })),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
});

export const planSummarySchema = z.object({
  id: z.string(),
  month: z.string(),
  state: z.enum(PLAN_STATES),
  themes: z.array(z.object({ week: z.string(), theme: z.string() })),
  briefCount: z.number(),
  createdAt: timestamp,
});

export const pillarMixSchema = z.object({
  pillar: z.string(),
  name: z.string(),
  planned: z.number().describe('Briefs of the plan on this pillar (replaced ones not counted)'),
  plannedShare: z.number().describe('0–100'),
  strategyShare: z.number().nullable().describe('0–100, the strategy’s share; null when no strategy names it'),
});

export const planDetailSchema = planSummarySchema.extend({
  timezone: z.string(),
  weeks: z.array(z.string()).describe('The Mondays of the weeks the month touches'),
  briefs: z.array(briefSchema),
  pillarMix: z.array(pillarMixSchema),
  generation: generationSchema.nullable(),
});

export const planListResponse = z.object({ items: z.array(planSummarySchema) });

export const placeWeekResponse = z.object({
  placed: z.array(z.object({ briefId: z.string(), slot: timestamp, local: z.string(), reason: z.string() })),
  unplaced: z.array(z.object({ briefId: z.string(), reason: z.string(), message: z.string() })),
});

export const planChecksResponse = z.object({
  violations: z.array(z.object({ check: z.string(), briefIds: z.array(z.string()), message: z.string() })),
});

export const approveWeekResponse = z.object({
  approved: z.array(z.string()).describe('Briefs whose post is approved or scheduled now'),
  pending: z
    .array(z.object({ briefId: z.string(), postId: z.string(), message: z.string() }))
    .describe('Briefs whose post was sent for review but needs another approver, or could not be approved'),
  skipped: z.array(z.string()).describe('Briefs left out (the exceptions)'),
});

export const replacementResponse = z.object({ rejected: briefSchema, replacement: briefSchema });

export type PlanBrief = Wire<typeof briefSchema>;
export type PlanDetail = Wire<typeof planDetailSchema>;
export type PlanSummary = Wire<typeof planSummarySchema>;
export type PlanGenerationView = Wire<typeof generationSchema>;
export type PlaceWeekResult = Wire<typeof placeWeekResponse>;
export type ApproveWeekResult = Wire<typeof approveWeekResponse>;
export type PlanChecks = Wire<typeof planChecksResponse>;
