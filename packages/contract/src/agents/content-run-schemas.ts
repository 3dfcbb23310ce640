/**
 * The Content agent's words: what a `content` run is asked (a plan, its weeks, the networks), the
 * briefs the model answers for a week, and what the run reports. The model's answer is checked again
 * on the server against the week, the workspace's accounts, pillars and cadence (agents/content).
 */
import { z } from 'zod';
import { CONTENT_TYPES } from '../content/content-enums.ts';
import { NETWORK_IDS } from '../networks/network-enums.ts';

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a day as YYYY-MM-DD.');

/** The kinds that work on a plan's weeks: `content` (briefs and drafts) and `execution` (place and submit). */
const PLAN_RUN_KINDS: readonly string[] = ['content', 'execution'];

/** Fields a start request carries for a `content` or `execution` run (all optional in the shared body). */
export const contentRunFields = {
  planId: z
    .uuid('Not a plan id')
    .optional()
    .describe(
      '`content` and `execution` runs: the plan whose weeks get briefs and drafts, or are placed and submitted',
    ),
  weeks: z
    .array(daySchema)
    .min(1)
    .max(6)
    .optional()
    .describe(
      "`content` and `execution` runs: the weeks, by their Monday (default: every week of the plan's month; for `execution`, those not over yet)",
    ),
  networks: z
    .array(z.enum(NETWORK_IDS))
    .min(1)
    .max(NETWORK_IDS.length)
    .optional()
    .describe('`content` runs: only these networks (default: every network the workspace has an account on)'),
};

type ContentFields = { kind: string; planId?: string | undefined; weeks?: string[] | undefined; networks?: unknown };

/** A content or execution run needs its plan; the other kinds take none of these fields; each week once. */
export function checkContentRunBody(body: ContentFields, context: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
  if (PLAN_RUN_KINDS.includes(body.kind)) {
    if (body.planId === undefined)
      issue(['planId'], body.kind === 'content' ? 'Choose the plan the agent fills.' : 'Name the plan to execute.');
  } else
    for (const field of ['planId', 'weeks'] as const)
      if (body[field] !== undefined) issue([field], 'Only a content or execution run takes this field.');
  if (body.kind !== 'content' && body.networks !== undefined)
    issue(['networks'], 'Only a content run takes this field.');
  const seen = new Set<string>();
  body.weeks?.forEach((week, index) => {
    if (seen.has(week)) issue(['weeks', index], 'Each week once.');
    seen.add(week);
  });
}

/** One post to be, as the model proposes it for a week. */
export const contentBriefSchema = z.strictObject({
  day: daySchema,
  network: z.enum(NETWORK_IDS),
  pillar: z.string().trim().min(1).max(40),
  topic: z.string().trim().min(3).max(140),
  format: z.enum(CONTENT_TYPES),
  visualBrief: z.string().trim().min(3).max(240),
});

export const contentBriefsAnswerSchema = z.strictObject({
  briefs: z.array(contentBriefSchema).min(1).max(80),
});

export const contentRunOutputSchema = z.object({
  planId: z.string(),
  weeks: z.array(z.object({ week: z.string(), briefs: z.number().int() })),
  drafted: z.number().int().describe('Briefs with a draft post at the end of the run'),
  failed: z
    .array(z.object({ briefId: z.string(), message: z.string() }))
    .describe('Briefs the content studio could not draft; "Generate drafts" on the plan tries them again'),
});

export type ContentBrief = z.infer<typeof contentBriefSchema>;
export type ContentBriefsAnswer = z.infer<typeof contentBriefsAnswerSchema>;
export type ContentRunOutput = z.infer<typeof contentRunOutputSchema>;
