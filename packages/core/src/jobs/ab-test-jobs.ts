import { z } from 'zod';
import type { Database } from '@plume/db/client';
import { DECIDE_AB_TEST_JOB, SWEEP_AB_TESTS_JOB } from '../planning/ab-tests/ab-test-queue.ts';
import { decideAbTest, decideDueAbTests } from '../planning/ab-tests/decide-ab-test.ts';
import { defineJob } from './define-job.ts';

/** Decides one A/B test, queued for 24 h after its later post (docs/planning.md "A/B tests in plans"); idempotent. */
export const decideAbTestJob = defineJob({
  id: DECIDE_AB_TEST_JOB,
  payload: z.object({ testId: z.uuid() }),
  run: (deps: { db: Database }, payload) => decideAbTest(deps.db, payload.testId),
});

/** Hourly: decides every running test that is due (a post that went out late, a moved brief, a worker that was down). */
export const sweepAbTestsJob = defineJob({
  id: SWEEP_AB_TESTS_JOB,
  payload: z.object({}).passthrough(),
  run: (deps: { db: Database }) => decideDueAbTests(deps.db),
});
