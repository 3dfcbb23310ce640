/** An execution run's stored input: the plan, the weeks resolved at start, and who asked. */
import { z } from 'zod';

export const executionInputSchema = z.object({
  kind: z.literal('execution'),
  planId: z.string(),
  weeks: z.array(z.string()).min(1),
  /** `person`: started from the API or web app; `autopilot`: started by itself after a week's drafts were written. */
  trigger: z.enum(['person', 'autopilot']),
});

export type ExecutionInput = z.infer<typeof executionInputSchema>;
