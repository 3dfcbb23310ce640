import { z } from 'zod';
import type { Database } from '@plume/db/client';
import type { AutomationServices } from '../automation/automation-services.ts';
import { fireDueSchedules } from '../automation/fire-due-schedules.ts';
import { RUN_AUTOMATION_JOB } from '../automation/fire-trigger.ts';
import { runAutomationEvent } from '../automation/run-automation.ts';
import { defineJob } from './define-job.ts';

/** Runs one automation event against the workspace's rules (docs/automation.md). */
export const runAutomationJob = defineJob({
  id: RUN_AUTOMATION_JOB,
  payload: z.object({ eventId: z.uuid() }),
  run: (deps: AutomationServices, payload) => runAutomationEvent(deps, payload.eventId),
});

/** Every minute: schedule rules whose time has come get their event. */
export const fireAutomationSchedulesJob = defineJob({
  id: 'fire_automation_schedules',
  payload: z.object({}).passthrough(),
  run: (deps: { db: Database }) => fireDueSchedules(deps.db),
});
