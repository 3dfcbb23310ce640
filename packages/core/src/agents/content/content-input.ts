/**
 * A Content agent run's stored input: the plan, the weeks (Mondays) and networks resolved at start,
 * who asked (the draft posts are theirs), and the local models a run over the budget is limited to.
 */
import { z } from 'zod';
import { NETWORK_IDS } from '@plume/contract/networks/network-enums';
import { candidateSchema } from '../run-input.ts';

export const contentRunInputSchema = z.object({
  kind: z.literal('content'),
  planId: z.string(),
  weeks: z.array(z.string()),
  /** Null: every network with a connected account. */
  networks: z.array(z.enum(NETWORK_IDS)).nullable(),
  actor: z.object({
    userId: z.string().nullable(),
    name: z.string().nullable(),
    role: z.enum(['owner', 'admin', 'editor', 'viewer']),
    kind: z.enum(['user', 'api_key']),
  }),
  localCandidates: z.array(candidateSchema).nullable(),
});

export type ContentRunInput = z.infer<typeof contentRunInputSchema>;
