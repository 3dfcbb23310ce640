/** The instance-wide publishing switch: a restored copy starts paused until the instance admin resumes it. */
import { z } from 'zod';
import { timestamp, type Wire } from '../wire.ts';

export const publishingPauseSchema = z.object({
  paused: z.boolean(),
  pausedAt: timestamp.nullable(),
  reason: z.string().nullable(),
  changedBy: z.string().nullable(),
});

export const resumedPublishingSchema = publishingPauseSchema.extend({
  queued: z.number().int().describe('Publishing jobs put back for pending posts'),
});

export type PublishingPause = Wire<typeof publishingPauseSchema>;
export type ResumedPublishing = Wire<typeof resumedPublishingSchema>;
