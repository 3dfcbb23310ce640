/**
 * The agent runner. A run is a sequence of named steps; each step's result is stored when it is done,
 * and a step with a stored result is never run again. So a run resumed after a crash (the job runs
 * again) picks up where it was: the model calls already answered are read back, not paid twice. A call
 * in flight at the moment of the crash had no stored result; it is asked again once on resume.
 * Cancellation is checked before each step.
 */
import type { z } from 'zod';
import type { Database } from '@plume/db/client';
import type { LlmGateway } from '@plume/llm/gateway/gateway';
import {
  beginStep,
  cancelRequested,
  claimRun,
  completeStep,
  failStep,
  finishRun,
  readSteps,
  type RunRow,
  type StepUsage,
} from './run-store.ts';

/** What a step's work returns: its result (stored as JSON) and, for a model call, what it used. */
export type StepOutcome<T> = { result: T; usage?: StepUsage };

/** Thrown between steps when the run was asked to stop. */
export class RunCancelled extends Error {}

/** A step failure with a message meant for the person who started the run. */
export class AgentStepError extends Error {}

export type RunContext = {
  run: RunRow;
  db: Database;
  gateway: Pick<LlmGateway, 'generate'>;
  /**
   * Runs `work` as step `key`, or returns its stored result when it was done before. The stored result
   * is read through `schema`, so a resumed run sees exactly the type a fresh one does.
   */
  step<T>(key: string, schema: z.ZodType<T>, work: () => Promise<StepOutcome<T>>): Promise<T>;
};

export type AgentDeps = { db: Database; gateway: Pick<LlmGateway, 'generate'>; now?: () => Date };

/** An agent: how to run it on a claimed run, producing the run's output. */
export type AgentProgram = (context: RunContext) => Promise<unknown>;

export type RunResult = { runId: string; state: 'succeeded' | 'failed' | 'cancelled' | 'skipped' };

/** Runs (or resumes) a run to its end. Safe to call again for the same run: finished steps are skipped. */
export async function executeRun(deps: AgentDeps, runId: string, program: AgentProgram): Promise<RunResult> {
  const now = deps.now ?? (() => new Date());
  const run = await claimRun(deps.db, runId, now());
  if (run === null) return { runId, state: 'skipped' };
  const stored = new Map((await readSteps(deps.db, runId)).map((step) => [step.key, step]));
  let position = stored.size;

  const context: RunContext = {
    run,
    db: deps.db,
    gateway: deps.gateway,
    async step(key, schema, work) {
      const done = stored.get(key);
      if (done?.state === 'succeeded') return schema.parse(done.result);
      if (await cancelRequested(deps.db, runId)) throw new RunCancelled('Cancelled on request.');
      const startedAt = now();
      await beginStep(deps.db, { runId, key, position: done?.position ?? position, now: startedAt });
      if (done === undefined) position += 1;
      try {
        const outcome = await work();
        const result = schema.parse(outcome.result);
        const finishedAt = now();
        await completeStep(deps.db, {
          runId,
          key,
          result,
          usage: outcome.usage ?? null,
          ms: finishedAt.getTime() - startedAt.getTime(),
          now: finishedAt,
        });
        return result;
      } catch (error) {
        const finishedAt = now();
        await failStep(deps.db, {
          runId,
          key,
          error: messageOf(error),
          ms: finishedAt.getTime() - startedAt.getTime(),
          now: finishedAt,
        });
        throw error;
      }
    },
  };

  try {
    const output = await program(context);
    await finishRun(deps.db, runId, { state: 'succeeded', output }, now());
    return { runId, state: 'succeeded' };
  } catch (error) {
    const cancelled = error instanceof RunCancelled;
    await finishRun(deps.db, runId, { state: cancelled ? 'cancelled' : 'failed', error: messageOf(error) }, now());
    return { runId, state: cancelled ? 'cancelled' : 'failed' };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
