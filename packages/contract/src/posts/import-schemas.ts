/** Bulk scheduling from a CSV file. */
import { z } from 'zod';
import { fieldProblemSchema, problemSchema, type Wire } from '../wire.ts';

/** JSON, not multipart: API clients and scripts send a string; the web app reads the file first. */
export const importBody = z.strictObject({
  csv: z
    .string()
    .min(1)
    .describe('The whole CSV file as text (UTF-8, header row first; a BOM is fine). Columns: see docs/publishing.md.'),
  dryRun: z.boolean().default(false).describe('Check every row and report, saving nothing'),
});

export const importRowSchema = z.object({
  row: z.number().describe('1 = the first record after the header'),
  line: z.number().describe('The line of the file the record starts on'),
  ok: z.boolean(),
  errors: z.array(fieldProblemSchema),
  postId: z.string().optional(),
});

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  ok: z.boolean(),
  rows: z.array(importRowSchema),
  postIds: z.array(z.string()),
});

/** The 422 `import_rejected` problem: the same per-row report as a check. */
export const importRejectedSchema = problemSchema.extend({ rows: z.array(importRowSchema) });

export type ImportReport = Wire<typeof importReportSchema>;
export type ImportRowReport = Wire<typeof importRowSchema>;
