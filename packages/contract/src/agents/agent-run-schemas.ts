/** Agent runs over HTTP: start one, list them, read one with its steps, cancel it, follow it live. */
import { z } from 'zod';
import { workspaceIdParam, workspaceParams } from '../common-schemas.ts';
import { pageOf, timestamp, type Wire } from '../wire.ts';
import { agentRunOutputSchema, monthSchema } from './agent-outputs.ts';
import { contentRunFields, checkContentRunBody } from './content-run-schemas.ts';
import { mondaySchema } from './learning-outputs.ts';

export const AGENT_RUN_KINDS = ['intelligence', 'intelligence_strategy', 'content', 'learning', 'execution'] as const;
export const AGENT_RUN_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const AGENT_STEP_STATES = ['running', 'succeeded', 'failed'] as const;
export const agentRunKindSchema = z.enum(AGENT_RUN_KINDS);
export const agentRunStateSchema = z.enum(AGENT_RUN_STATES);

export const agentPillarSchema = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_-]+$/, 'Use lower-case letters, digits, - and _ for a pillar key.'),
  name: z.string().trim().min(1).max(60),
  share: z.number().min(0).max(100),
});

export const startAgentRunBody = z
  .strictObject({
    kind: agentRunKindSchema.describe(
      "`intelligence`: what the workspace knows; `intelligence_strategy`: that, then a strategy proposal; `content`: a plan's briefs and drafts; `learning`: a retrospective of a week; `execution`: place a plan's weeks and submit their drafts",
    ),
    week: mondaySchema.optional().describe('For `learning`: the Monday of the week (default: the last full week)'),
    startMonth: monthSchema.optional().describe('First month the strategy covers (default: next month)'),
    months: z.number().int().min(1).max(3).default(1),
    pillars: z
      .array(agentPillarSchema)
      .min(1)
      .max(10)
      .optional()
      .describe("Content pillars and their share of the mix (default: the brand profile's topics, equal shares)"),
    goals: z
      .array(z.string().trim().min(1).max(200))
      .max(10)
      .optional()
      .describe("Goals to turn into KPI targets (default: the brand profile's goals)"),
    ...contentRunFields,
  })
  .superRefine((body, context) => {
    checkContentRunBody(body, context);
    if (body.week !== undefined && new Date(`${body.week}T12:00:00Z`).getUTCDay() !== 1)
      context.addIssue({ code: 'custom', path: ['week'], message: 'Give the Monday of the week, as YYYY-MM-DD.' });
    if (body.pillars === undefined) return;
    const total = body.pillars.reduce((sum, pillar) => sum + pillar.share, 0);
    if (Math.abs(total - 100) > 1)
      context.addIssue({
        code: 'custom',
        path: ['pillars'],
        message: `The pillar shares add up to ${total}; make them add up to 100.`,
      });
    const keys = new Set<string>();
    body.pillars.forEach((pillar, index) => {
      if (keys.has(pillar.key))
        context.addIssue({
          code: 'custom',
          path: ['pillars', index, 'key'],
          message: 'Each pillar needs its own key.',
        });
      keys.add(pillar.key);
    });
  });

export const agentRunParams = z.object({ workspaceId: workspaceIdParam, runId: z.uuid('Not a run id') });
export const agentRunListParams = workspaceParams;
export const agentRunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const agentStepSchema = z.object({
  key: z.string(),
  position: z.number().int(),
  state: z.enum(AGENT_STEP_STATES),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  promptChars: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  costMicros: z.number().int(),
  ms: z.number().int(),
  attempts: z.number().int().describe('More than 1: the step was interrupted (a crash) and run again'),
  error: z.string().nullable(),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
});

export const agentRunSummarySchema = z.object({
  id: z.string(),
  kind: agentRunKindSchema,
  state: agentRunStateSchema,
  estimateMicros: z.number().int().describe('Cost estimated before the run started, in micro-dollars'),
  costMicros: z.number().int().describe('What its model calls cost so far, in micro-dollars'),
  localOnly: z.boolean().describe('The budget could not cover paid models: the run uses local models only'),
  plannedSteps: z.number().int(),
  doneSteps: z.number().int(),
  error: z.string().nullable(),
  cancelRequested: z.boolean(),
  requestedBy: z.string().nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});

export const agentRunSchema = agentRunSummarySchema.extend({
  input: z.record(z.string(), z.unknown()).describe('The input the run was started with'),
  output: agentRunOutputSchema.nullable(),
  appliedAt: timestamp.nullable().describe('When its proposal was applied (strategy and learning runs)'),
  steps: z.array(agentStepSchema),
});

export const agentRunPageSchema = pageOf(agentRunSummarySchema);

export type StartAgentRunInput = z.output<typeof startAgentRunBody>;
export type AgentRunView = z.output<typeof agentRunSchema>;
export type AgentRunSummaryView = z.output<typeof agentRunSummarySchema>;
export type AgentStepView = z.output<typeof agentStepSchema>;
export type WireAgentRun = Wire<typeof agentRunSchema>;
export type WireAgentRunSummary = Wire<typeof agentRunSummarySchema>;
