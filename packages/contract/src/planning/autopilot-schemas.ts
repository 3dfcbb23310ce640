/**
 * A workspace's autopilot (docs/planning.md "Autopilot and guardrails"): how far Plume acts on its own,
 * the guardrails it keeps when it schedules by itself, and its pause.
 */
import { z } from 'zod';
import { timestamp, type Wire } from '../wire.ts';

export const AUTOPILOT_LEVELS = ['off', 'draft', 'auto_schedule'] as const;
export type AutopilotLevel = (typeof AUTOPILOT_LEVELS)[number];

const pillarKey = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9_-]+$/, 'Use the pillar key as the strategy names it (lower-case letters, digits, - and _).');

const bannedTopic = z.string().trim().min(2, 'Give at least 2 characters.').max(80, 'At most 80 characters.');

export const autopilotSettingsBody = z
  .strictObject({
    level: z
      .enum(AUTOPILOT_LEVELS)
      .describe(
        '`off`: nothing runs by itself; `draft`: plans are placed and drafts sent for approval (default); `auto_schedule`: drafts of the approved pillars are approved and scheduled within the guardrails',
      ),
    approvedPillars: z
      .array(pillarKey)
      .max(8)
      .describe('Pillar keys whose drafts the autopilot may approve and schedule itself'),
    postsPerDayPerAccount: z
      .number()
      .int()
      .min(1)
      .max(24)
      .describe('Most posts a day per account the autopilot schedules up to (posts already scheduled count)'),
    bannedTopics: z
      .array(bannedTopic)
      .max(50)
      .describe('Words or phrases: a draft mentioning one is never auto-scheduled'),
    requireAiDisclosure: z
      .boolean()
      .describe("Auto-schedule only posts carrying the AI label where the network takes one (and the persona's line)"),
    pauseOnNegativeSpike: z.boolean().describe('Pause by itself on a negative spike (see the docs for the rule)'),
  })
  .superRefine((body, context) => {
    const seen = new Set<string>();
    body.approvedPillars.forEach((key, index) => {
      if (seen.has(key))
        context.addIssue({ code: 'custom', path: ['approvedPillars', index], message: 'Each pillar once.' });
      seen.add(key);
    });
  });

export const autopilotSettingsSchema = z.object({
  level: z.enum(AUTOPILOT_LEVELS),
  approvedPillars: z.array(z.string()),
  postsPerDayPerAccount: z.number().int(),
  bannedTopics: z.array(z.string()),
  requireAiDisclosure: z.boolean(),
  pauseOnNegativeSpike: z.boolean(),
  paused: z
    .object({ at: timestamp, reason: z.string() })
    .nullable()
    .describe('Set while the autopilot is paused: nothing is scheduled by itself until someone resumes it'),
  updatedAt: timestamp.nullable(),
});

export type AutopilotSettingsInput = z.output<typeof autopilotSettingsBody>;
export type AutopilotSettings = z.output<typeof autopilotSettingsSchema>;
export type WireAutopilotSettings = Wire<typeof autopilotSettingsSchema>;
export type AutopilotSettingsBody = Wire<typeof autopilotSettingsBody>;
