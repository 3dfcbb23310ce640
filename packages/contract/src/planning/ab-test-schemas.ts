/** A/B tests in plans (docs/planning.md "A/B tests in plans"). */
import { z } from 'zod';
import { POST_STATES } from '../posts/post-states.ts';
import { timestamp, type Wire } from '../wire.ts';
import { AB_TEST_KINDS, AB_TEST_STATES, AB_VARIANTS } from './ab-test-enums.ts';
import { planParams } from './plan-schemas.ts';

export const abTestParams = planParams.extend({ testId: z.uuid() });

export const startAbTestBody = z.strictObject({
  kind: z
    .enum(AB_TEST_KINDS)
    .describe('`text`: a second text on a comparable slot; `time`: the same text at another comparable time'),
  slot: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("Variant B's time (ISO 8601 instant); absent: the best comparable slot"),
});

const readingSchema = z.object({
  engagements: z.number(),
  impressions: z.number().nullable(),
  publishedAt: z.string(),
  takenAt: z.string().describe('When the reading nearest 24 h after publishing was taken'),
});

const variantSchema = z.object({
  briefId: z.string(),
  slotLocal: z.string().nullable().describe('The slot on the workspace clock, `YYYY-MM-DD HH:mm`'),
  postState: z.enum(POST_STATES).nullable(),
});

export const abTestSchema = z.object({
  id: z.string(),
  planId: z.string(),
  kind: z.enum(AB_TEST_KINDS),
  state: z.enum(AB_TEST_STATES),
  a: variantSchema,
  b: variantSchema,
  decidedAt: timestamp.nullable(),
  winner: z.enum(AB_VARIANTS).nullable(),
  pValue: z.number().nullable().describe('The larger of the sampling and post-to-post tests’ p-values'),
  method: z.string().nullable(),
  lift: z.number().nullable(),
  spread: z.number().nullable().describe("The account's post-to-post spread used; null: the prior 0.8"),
  readingA: readingSchema.nullable(),
  readingB: readingSchema.nullable(),
  verdict: z.string().describe('The state and, once measured, the verdict with its figures in plain words'),
  createdAt: timestamp,
});

export const abTestListResponse = z.object({ items: z.array(abTestSchema) });

export type AbTest = Wire<typeof abTestSchema>;
export type StartAbTestBody = z.input<typeof startAbTestBody>;
