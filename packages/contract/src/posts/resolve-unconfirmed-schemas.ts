/** Resolving unconfirmed posts in bulk: mark them published, or publish them now. */
import { z } from 'zod';
import type { Wire } from '../wire.ts';
import { POST_STATES } from './post-states.ts';

export const RESOLUTIONS = ['published', 'republish'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const resolveUnconfirmedBody = z.strictObject({
  postIds: z.array(z.uuid()).min(1).max(100),
  resolution: z
    .enum(RESOLUTIONS)
    .describe('`published`: it is on the network, mark it published. `republish`: it is not, publish it now.'),
});

/** Why one post could not be resolved (the others still are). */
export const RESOLVE_FAILURE_CODES = ['not_found', 'invalid_state', 'validation_failed'] as const;

export const resolvedPostSchema = z.union([
  z.object({ postId: z.string(), ok: z.literal(true), state: z.enum(POST_STATES) }),
  z.object({
    postId: z.string(),
    ok: z.literal(false),
    code: z.string().describe(RESOLVE_FAILURE_CODES.join(', ')),
    message: z.string(),
  }),
]);

export const resolveUnconfirmedResponse = z.object({ results: z.array(resolvedPostSchema) });

export type ResolvedPost = Wire<typeof resolvedPostSchema>;
