/**
 * A run's stored input: the request resolved at start (months spelled out, pillars and goals taken
 * from the brand profile when the request gave none, the brand in a few words), so a resumed run
 * works on exactly what the first attempt did.
 */
import { z } from 'zod';
import { agentPillarSchema, agentRunKindSchema } from '@plume/contract/agents/agent-run-schemas';

export const candidateSchema = z.object({ provider: z.string(), model: z.string() });

export const runInputSchema = z.object({
  kind: agentRunKindSchema,
  months: z.array(z.string()),
  pillars: z.array(agentPillarSchema),
  goals: z.array(z.string()),
  brand: z
    .object({ name: z.string(), industry: z.string(), audience: z.string(), tone: z.string(), language: z.string() })
    .nullable(),
  /** For `learning`: the Monday of the week looked at. */
  week: z.string().optional(),
  /** Set when the budget cannot pay for paid models: the local models the run may use. */
  localCandidates: z.array(candidateSchema).nullable(),
});

export type RunInput = z.infer<typeof runInputSchema>;

/** Steps each kind plans (model retries come on top when an answer is malformed). */
export const PLANNED_STEPS: Record<RunInput['kind'], number> = {
  intelligence: 2,
  intelligence_strategy: 3,
  // A content run's steps depend on its weeks and cadence: counted when it starts (agents/content).
  content: 0,
  learning: 2,
  execution: 1, // one step per week: start-execution.ts stores the real count
};
