/** Applying a run's proposal: what changed (pillar shares before → after, KPI targets, plans, adjustments). */
import { z } from 'zod';
import { timestamp, type Wire } from '../wire.ts';
import { kpiTargetSchema } from '../planning/strategy-schemas.ts';
import { learningAdjustmentsSchema } from './learning-outputs.ts';

const pillarChangeSchema = z.object({ key: z.string(), before: z.number(), after: z.number() });

export const applyRunResponse = z.object({
  runId: z.string(),
  appliedAt: timestamp,
  strategy: z
    .object({
      pillars: z.array(pillarChangeSchema),
      kpiTargets: z.array(kpiTargetSchema),
      plans: z.array(z.object({ id: z.string(), month: z.string(), created: z.boolean() })),
    })
    .nullable()
    .describe("A strategy run's proposal: the strategy's shares and KPI targets, the months' themes"),
  learning: z
    .object({ pillars: z.array(pillarChangeSchema), adjustments: learningAdjustmentsSchema })
    .nullable()
    .describe("A learning run's retrospective: the strategy's shares and the adjustments recorded"),
});

export type ApplyRunResult = z.output<typeof applyRunResponse>;
export type WireApplyRunResult = Wire<typeof applyRunResponse>;
