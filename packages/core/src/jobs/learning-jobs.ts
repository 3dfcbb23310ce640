import { z } from 'zod';
import { queueLearningRuns, type LearningSweepDeps } from '../agents/learning/queue-learning-runs.ts';
import { defineJob } from './define-job.ts';

export const QUEUE_LEARNING_RUNS_JOB = 'queue_learning_runs';

/** Weekly (Monday noon UTC): a learning run of last week for each workspace with an active plan; idempotent. */
export const queueLearningRunsJob = defineJob({
  id: QUEUE_LEARNING_RUNS_JOB,
  payload: z.object({}).passthrough(),
  run: (deps: LearningSweepDeps) => queueLearningRuns(deps, new Date()),
});
