/** Automation rules, their runs and the dry run (docs/automation.md). */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { httpUrlSchema } from '../http-url-schema.ts';
import { pageOf, timestamp, type Wire } from '../wire.ts';
import { AUTOMATION_ACTIONS, AUTOMATION_TRIGGERS, CONDITION_OPERATORS } from './automation-triggers.ts';

export const triggerSchema = z
  .object({
    type: z.enum(AUTOMATION_TRIGGERS, { error: 'Choose what starts the rule' }),
    cron: z
      .string()
      .trim()
      .max(100, 'Use at most 100 characters')
      .optional()
      .describe('For `schedule`: a cron expression (5 fields) read in the workspace time zone'),
  })
  .strict();

export const conditionSchema = z
  .object({
    field: z.string().trim().min(1, 'Choose a field').max(40),
    operator: z.enum(CONDITION_OPERATORS, { error: 'Choose how to compare' }),
    value: z.union([
      z.string().max(500, 'Use at most 500 characters'),
      z.number(),
      z.array(z.string().max(100)).max(20, 'Choose at most 20 values'),
    ]),
  })
  .strict();

const words = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`);
const needed = (max: number, what: string) => words(max).min(1, `Enter ${what}`);

export const actionSchema = z.discriminatedUnion(
  'type',
  [
    z
      .object({
        type: z.literal('generate_draft'),
        topic: needed(500, 'what the post is about'),
        accountIds: z.array(z.uuid('Choose an account')).min(1, 'Choose at least one account').max(10),
      })
      .strict(),
    z.object({ type: z.literal('schedule_next_slot') }).strict(),
    z.object({ type: z.literal('draft_reply'), instructions: words(500).default('') }).strict(),
    z.object({ type: z.literal('send_reply'), text: needed(2000, 'the reply') }).strict(),
    z.object({ type: z.literal('assign'), userId: needed(64, 'a member') }).strict(),
    z.object({ type: z.literal('tag'), tag: needed(40, 'a tag') }).strict(),
    z
      .object({
        type: z.literal('notify'),
        audience: z.enum(['managers', 'members']).default('managers').describe('managers: owners and admins'),
        title: needed(120, 'a title'),
        body: words(1000).default(''),
      })
      .strict(),
    z.object({ type: z.literal('call_webhook'), url: httpUrlSchema() }).strict(),
    z.object({ type: z.literal('pause_autopilot'), reason: needed(300, 'why') }).strict(),
  ],
  { error: `Choose an action (${AUTOMATION_ACTIONS.join(', ')})` },
);
export type AutomationAction = z.infer<typeof actionSchema>;
export type AutomationActionWire = Wire<typeof actionSchema>;
export type AutomationCondition = z.infer<typeof conditionSchema>;

export const ruleInputSchema = z
  .object({
    name: needed(100, 'a name'),
    enabled: z.boolean().default(true),
    trigger: triggerSchema,
    conditions: z.array(conditionSchema).max(10, 'Use at most 10 conditions').default([]),
    actions: z.array(actionSchema).min(1, 'Add at least one action').max(10, 'Use at most 10 actions'),
  })
  .strict();
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const ruleUpdateSchema = ruleInputSchema.partial().strict();

export const ruleSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  trigger: triggerSchema,
  conditions: z.array(conditionSchema),
  actions: z.array(actionSchema),
  pausedReason: z.string().nullable().describe('Why Plume turned the rule off (it fired too often), if it did'),
  nextRunAt: timestamp.nullable().describe('For `schedule`: the next time it fires'),
  lastRunAt: timestamp.nullable(),
  runCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const createdRuleSchema = ruleSchema.extend({
  signingSecret: z
    .string()
    .describe("The secret (`whsec_…`) that signs this rule's webhook calls; shown once, at creation"),
});

export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'skipped'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const actionResultSchema = z.object({
  type: z.enum(AUTOMATION_ACTIONS),
  ok: z.boolean(),
  output: z.string().nullable().describe('What it did, in plain words'),
  error: z.string().nullable(),
  refs: z.record(z.string(), z.string()).describe('Ids it made or touched (postId, replyId, …)'),
});
export type ActionResult = z.infer<typeof actionResultSchema>;

export const runSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  trigger: z.enum(AUTOMATION_TRIGGERS),
  status: z.enum(RUN_STATUSES),
  skipReason: z.string().nullable(),
  input: z.record(z.string(), z.unknown()).describe("The trigger's data"),
  actions: z.array(actionResultSchema),
  depth: z.number().int().describe('0 when a person or the outside world caused the event; +1 per rule in between'),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  durationMs: z.number().int().nullable(),
});
export type AutomationRun = Wire<typeof runSchema>;

export const dryRunBody = z
  .object({
    ruleId: z.uuid().optional().describe('A saved rule'),
    rule: ruleInputSchema.partial({ name: true }).optional().describe('A rule not saved yet (or being edited)'),
  })
  .strict();

export const dryRunMatchSchema = z.object({
  at: timestamp,
  source: z.enum(['post_event', 'inbox_item', 'notification', 'plan_approval', 'schedule']),
  summary: z.string(),
  input: z.record(z.string(), z.unknown()),
  actions: z.array(z.object({ type: z.enum(AUTOMATION_ACTIONS), wouldDo: z.string() })),
});

export const dryRunSchema = z.object({
  from: timestamp,
  to: timestamp,
  zone: z.string(),
  considered: z.number().int().describe('Events of the trigger in the window, matching or not'),
  matches: z.array(dryRunMatchSchema).describe('Newest first, at most 100'),
  truncated: z.boolean(),
});

export const ruleParams = z.object({ workspaceId: workspaceIdParam, ruleId: z.uuid() });
export const runListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export const runPageSchema = pageOf(runSchema);

export type AutomationRule = Wire<typeof ruleSchema>;
export type CreatedAutomationRule = Wire<typeof createdRuleSchema>;
export type DryRun = Wire<typeof dryRunSchema>;
export type RuleInputWire = Wire<typeof ruleInputSchema>;
