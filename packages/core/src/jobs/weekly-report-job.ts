import { z } from 'zod';
import type { Database } from '@plume/db/client';
import { generateDueWeeklyReports } from '../reports/generate-weekly-reports.ts';
import { defineJob } from './define-job.ts';

/** Hourly: last week's report for every workspace whose clock has passed Monday 08:00 (once per week). */
export const weeklyReportsJob = defineJob({
  id: 'weekly_reports',
  payload: z.object({}).passthrough(),
  run: (deps: { db: Database }) => generateDueWeeklyReports(deps.db, new Date()),
});
