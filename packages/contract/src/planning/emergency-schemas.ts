/** Emergency replacement of any scheduled post (docs/publishing.md "Emergency replacement"). */
import { z } from 'zod';

export const emergencyReplaceBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3, 'Say in a few words why the post must not go out.')
    .max(500)
    .describe('Why the post is pulled; the writer of the replacement gets it'),
});

export const emergencyReplaceResponse = z.object({
  pulledPostId: z.string().describe('The post pulled: unscheduled and cancelled'),
  replacementPostId: z
    .string()
    .nullable()
    .describe('The replacement draft, in the same slot for the same accounts; null when it could not be written'),
  replacementBriefId: z.string().nullable().describe("The replacement brief, when the post was a plan brief's"),
  problem: z.string().nullable().describe('Why no replacement draft was written (the pull stands)'),
});

export type EmergencyReplaceResult = z.infer<typeof emergencyReplaceResponse>;
