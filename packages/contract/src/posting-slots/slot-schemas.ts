/** Posting slots: the weekly times an account usually posts at, in the workspace's time zone. */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import type { Wire } from '../wire.ts';

export const slotParams = z.object({ workspaceId: workspaceIdParam, accountId: z.uuid() });

export const slotItem = z.strictObject({
  weekday: z.number().int().min(0).max(6).describe('0 = Sunday … 6 = Saturday, in the workspace time zone'),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:mm (00:00–23:59)')
    .describe('Wall-clock time in the workspace time zone'),
});

/** Every quarter hour of the week is more than anyone posts; the cap keeps a PUT small. */
const MAX_SLOTS = 7 * 96;

export const putSlotsBody = z.strictObject({
  slots: z
    .array(slotItem)
    .max(MAX_SLOTS)
    .superRefine((slots, context) => {
      const seen = new Set<string>();
      slots.forEach((slot, index) => {
        const key = `${slot.weekday} ${slot.time}`;
        if (seen.has(key)) context.addIssue({ code: 'custom', path: [index], message: 'This slot is listed twice.' });
        seen.add(key);
      });
    }),
});

export const slotsResponse = z.object({
  timezone: z.string(),
  slots: z.array(z.object({ weekday: z.number(), time: z.string() })),
});

export const nextSlotQuery = z.object({
  after: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Look for a slot strictly after this instant (default: now; a past instant counts as now)'),
});

export const nextSlotResponse = z.object({
  at: z.string().describe('The slot, in UTC (ISO 8601)'),
  timezone: z.string(),
  local: z.string().describe('The same moment on the workspace clock, `YYYY-MM-DD HH:mm`'),
  weekday: z.number(),
  reason: z
    .enum(['earliest', 'best_time'])
    .describe("`best_time`: a later free slot the account's history rates better than the earliest one"),
});

export type Slots = Wire<typeof slotsResponse>;
export type PostingSlotView = Wire<typeof slotItem>;
export type NextSlot = Wire<typeof nextSlotResponse>;
