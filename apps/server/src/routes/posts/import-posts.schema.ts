import { z } from 'zod';
import { problemSchema } from '../../lib/common-schemas.ts';

/** JSON, not multipart: API clients and scripts send a string; the web app reads the file first. */
export const importBody = z.strictObject({
  csv: z.string().min(1).describe('The whole CSV file as text (UTF-8, header row first; a BOM is fine). Columns: see docs/publishing.md.'),
  dryRun: z.boolean().default(false).describe('Check every row and report, saving nothing'),
});

const fieldError = z.object({ path: z.string(), message: z.string() });

const rowReport = z.object({
  row: z.number().describe('1 = the first record after the header'),
  line: z.number().describe('The line of the file the record starts on'),
  ok: z.boolean(),
  errors: z.array(fieldError),
  postId: z.string().optional(),
});

export const importReport = z.object({
  dryRun: z.boolean(),
  ok: z.boolean(),
  rows: z.array(rowReport),
  postIds: z.array(z.string()),
});

export const importRejected = problemSchema.extend({ rows: z.array(rowReport) });
