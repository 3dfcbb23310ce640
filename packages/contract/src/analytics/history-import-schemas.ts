/** Importing an account's past performance from a CSV (docs/analytics.md "Importing past performance"). */
import { z } from 'zod';
import { timezoneSchema } from '../common-schemas.ts';
import type { Wire } from '../wire.ts';

/** About 40,000 long tweets; the route's body limit is a little above it. */
export const MAX_HISTORY_CSV_CHARS = 10_000_000;

/** JSON like the posts import: the web app reads the file (UTF-8, else Latin-1) and sends its text. */
export const historyImportBody = z.strictObject({
  csv: z
    .string()
    .min(1, 'Choose a CSV file with a header line and one post a line.')
    .max(MAX_HISTORY_CSV_CHARS, 'The file is larger than 10 MB: split it.')
    .describe("The whole CSV file as text: FiveThirtyEight's tweet export or the generic format"),
  sourceZone: timezoneSchema
    .optional()
    .describe("Zone of FiveThirtyEight's created_at times (they carry no offset); UTC when not given"),
});

export const historyImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: check the file and show what would be stored, saving nothing'),
});

const previewRowSchema = z.object({
  publishedAt: z.string(),
  text: z.string(),
  likes: z.number().int(),
  reposts: z.number().int(),
  replies: z.number().int(),
  impressions: z.number().int().nullable(),
  engagements: z.number().int().nullable(),
  hasMedia: z.boolean(),
  hasLink: z.boolean(),
});

export const historyImportReportSchema = z.object({
  dryRun: z.boolean(),
  format: z.enum(['fivethirtyeight', 'generic']),
  valid: z.number().int().describe('Posts that can be stored'),
  added: z.number().int().describe('New posts (would be, in a dry run)'),
  updated: z.number().int().describe('Posts imported before whose numbers changed'),
  unchanged: z.number().int().describe('Posts already there, left as they are'),
  duplicates: z.number().int().describe('Rows repeating a post earlier in the file'),
  errorCount: z.number().int(),
  errors: z
    .array(z.object({ line: z.number().int().nullable(), message: z.string() }))
    .describe('The first 200 rows left out, by line of the file (the header is line 1)'),
  preview: z.array(previewRowSchema).describe('The first 20 posts (oldest first) as they are stored'),
});

export type HistoryImportReport = Wire<typeof historyImportReportSchema>;
