/** The Execution agent's part of "start a run": which plan, and which of its weeks. */
import { z } from 'zod';

const weekSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Use YYYY-MM-DD, like 2031-07-14.')
  .describe("A week's Monday, `YYYY-MM-DD` in the workspace's calendar");

export const executionRunFields = {
  planId: z.uuid('Not a plan id').optional().describe('Execution: the plan whose weeks to place and submit'),
  weeks: z
    .array(weekSchema)
    .min(1)
    .max(6)
    .optional()
    .describe("Execution: the weeks' Mondays (default: every week of the plan's month not over yet)"),
};

/** `planId` is needed for an execution run, and only for one. */
export function checkExecutionRun(
  body: { kind: string; planId?: string | undefined; weeks?: string[] | undefined },
  context: z.RefinementCtx,
): void {
  if (body.kind === 'execution' && body.planId === undefined)
    context.addIssue({ code: 'custom', path: ['planId'], message: 'Name the plan to execute.' });
  if (body.kind !== 'execution' && (body.planId !== undefined || body.weeks !== undefined))
    context.addIssue({
      code: 'custom',
      path: [body.planId !== undefined ? 'planId' : 'weeks'],
      message: 'Only an execution run takes a plan and weeks.',
    });
  const seen = new Set<string>();
  body.weeks?.forEach((week, index) => {
    if (seen.has(week)) context.addIssue({ code: 'custom', path: ['weeks', index], message: 'Each week once.' });
    seen.add(week);
  });
}
