/** What the Execution agent's run answers: per week, what it placed, submitted and scheduled, and what not and why. */
import { z } from 'zod';
import { AUTOPILOT_LEVELS } from '../planning/autopilot-schemas.ts';

const briefMessage = z.object({ briefId: z.string(), message: z.string() });

export const executionWeekSchema = z.object({
  week: z.string().describe("The week's Monday"),
  level: z.enum(AUTOPILOT_LEVELS).describe('The autopilot level the week was run at'),
  placed: z.array(z.object({ briefId: z.string(), slot: z.string(), local: z.string(), reason: z.string() })),
  notPlaced: z.array(briefMessage.extend({ reason: z.string() })),
  /** Sent for review (or held by the network's checks), with the reason. */
  submitted: z.array(briefMessage.extend({ postId: z.string() })),
  /** Drafts not submitted: the workspace needs no approval, so submitting would schedule them. */
  notSubmitted: z.array(briefMessage),
  /** Approved and scheduled by the autopilot (level `auto_schedule`). */
  autoScheduled: z.array(
    z.object({
      briefId: z.string(),
      postId: z.string(),
      at: z.string(),
      local: z.string().describe('Workspace clock'),
    }),
  ),
  /** Drafts the autopilot left for a person, with the guardrail that held each. */
  held: z.array(briefMessage.extend({ postId: z.string(), guardrail: z.string() })),
  /** Why the autopilot scheduled nothing this week (paused, a spike, the budget), or why the week was skipped. */
  stopped: z.string().nullable(),
});

export const executionOutputSchema = z.object({
  planId: z.string(),
  weeks: z.array(executionWeekSchema),
});

export type ExecutionWeek = z.infer<typeof executionWeekSchema>;
export type ExecutionOutput = z.infer<typeof executionOutputSchema>;
