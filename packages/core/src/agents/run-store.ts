/**
 * The runs' and steps' rows. A step's result is written in the same statement that marks it done, and
 * the run's running cost in the same transaction: a step is either done with its result and cost, or
 * not done at all, which is what lets a resumed run skip it without paying again.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { agentRuns, agentRunSteps } from '@plume/db/schema/agents';

export type RunRow = typeof agentRuns.$inferSelect;
export type StepRow = typeof agentRunSteps.$inferSelect;

/** What a finished step used; a step without a model call leaves it out. */
export type StepUsage = {
  provider: string;
  model: string;
  promptChars: number;
  promptTokens: number;
  completionTokens: number;
  costMicros: number;
};

export const AGENT_RUN_JOB = 'agent_run';

export async function readRun(db: Pick<Database, 'select'>, runId: string): Promise<RunRow | null> {
  const [row] = await db.select().from(agentRuns).where(eq(agentRuns.id, runId));
  return row ?? null;
}

export async function readSteps(db: Pick<Database, 'select'>, runId: string): Promise<StepRow[]> {
  return db.select().from(agentRunSteps).where(eq(agentRunSteps.runId, runId)).orderBy(asc(agentRunSteps.position));
}

/**
 * Takes a queued run (or one left `running` by a crashed worker) into `running`. A run with a cancel
 * request ends `cancelled` here instead. Null: the run is already over.
 */
export async function claimRun(db: Database, runId: string, now: Date): Promise<RunRow | null> {
  const [row] = await db
    .update(agentRuns)
    .set({
      state: sql`CASE WHEN ${agentRuns.cancelRequestedAt} IS NULL THEN 'running' ELSE 'cancelled' END`,
      startedAt: sql`coalesce(${agentRuns.startedAt}, ${now})`,
      finishedAt: sql`CASE WHEN ${agentRuns.cancelRequestedAt} IS NULL THEN NULL ELSE ${now}::timestamptz END`,
      updatedAt: now,
    })
    .where(and(eq(agentRuns.id, runId), inArray(agentRuns.state, ['queued', 'running'])))
    .returning();
  return row?.state === 'running' ? row : null;
}

/** True when someone asked to cancel the run. */
export async function cancelRequested(db: Pick<Database, 'select'>, runId: string): Promise<boolean> {
  const [row] = await db.select({ at: agentRuns.cancelRequestedAt }).from(agentRuns).where(eq(agentRuns.id, runId));
  return row?.at !== null && row?.at !== undefined;
}

/**
 * Marks a step started: a new row, or one more attempt on a row a crash left running or a failed
 * attempt left failed. Never touches a succeeded step.
 */
export async function beginStep(
  db: Database,
  input: { runId: string; key: string; position: number; now: Date },
): Promise<void> {
  await db
    .insert(agentRunSteps)
    .values({ runId: input.runId, key: input.key, position: input.position, startedAt: input.now })
    .onConflictDoUpdate({
      target: [agentRunSteps.runId, agentRunSteps.key],
      set: {
        state: 'running',
        attempts: sql`${agentRunSteps.attempts} + 1`,
        error: null,
        startedAt: input.now,
        finishedAt: null,
      },
      setWhere: sql`${agentRunSteps.state} <> 'succeeded'`,
    });
}

/** The step's result and usage, and the run's cost, in one transaction. */
export async function completeStep(
  db: Database,
  input: { runId: string; key: string; result: unknown; usage: StepUsage | null; ms: number; now: Date },
): Promise<void> {
  const usage = input.usage;
  await db.transaction(async (tx) => {
    const done = await tx
      .update(agentRunSteps)
      .set({
        state: 'succeeded',
        result: input.result,
        ms: input.ms,
        finishedAt: input.now,
        ...(usage === null ? {} : usage),
      })
      .where(
        and(eq(agentRunSteps.runId, input.runId), eq(agentRunSteps.key, input.key), eq(agentRunSteps.state, 'running')),
      )
      .returning({ id: agentRunSteps.id });
    if (done.length === 0 || usage === null || usage.costMicros === 0) return;
    await tx
      .update(agentRuns)
      .set({ costMicros: sql`${agentRuns.costMicros} + ${usage.costMicros}`, updatedAt: input.now })
      .where(eq(agentRuns.id, input.runId));
  });
}

export async function failStep(
  db: Database,
  input: { runId: string; key: string; error: string; ms: number; now: Date },
): Promise<void> {
  await db
    .update(agentRunSteps)
    .set({ state: 'failed', error: input.error, ms: input.ms, finishedAt: input.now })
    .where(and(eq(agentRunSteps.runId, input.runId), eq(agentRunSteps.key, input.key)));
}

/** Ends a running run (only a running one: a cancelled run stays cancelled). */
export async function finishRun(
  db: Database,
  runId: string,
  end: { state: 'succeeded'; output: unknown } | { state: 'failed' | 'cancelled'; error: string },
  now: Date,
): Promise<void> {
  await db
    .update(agentRuns)
    .set({
      state: end.state,
      ...(end.state === 'succeeded' ? { output: end.output, error: null } : { error: end.error }),
      finishedAt: now,
      updatedAt: now,
    })
    .where(and(eq(agentRuns.id, runId), eq(agentRuns.state, 'running')));
}

/**
 * Asks a run to stop: a queued run is cancelled at once; a running one stops before its next step.
 * Returns false when the run is already over.
 */
export async function requestCancel(db: Database, runId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(agentRuns)
    .set({
      cancelRequestedAt: sql`coalesce(${agentRuns.cancelRequestedAt}, ${now}::timestamptz)`,
      state: sql`CASE WHEN ${agentRuns.state} = 'queued' THEN 'cancelled' ELSE ${agentRuns.state} END`,
      finishedAt: sql`CASE WHEN ${agentRuns.state} = 'queued' THEN ${now}::timestamptz ELSE ${agentRuns.finishedAt} END`,
      error: sql`CASE WHEN ${agentRuns.state} = 'queued' THEN 'Cancelled before it started.' ELSE ${agentRuns.error} END`,
      updatedAt: now,
    })
    .where(and(eq(agentRuns.id, runId), inArray(agentRuns.state, ['queued', 'running'])))
    .returning({ id: agentRuns.id });
  return rows.length > 0;
}

/** Notes why a stored step's result was not usable; `failed` also marks it failed (its result stays). */
export async function noteStepError(
  db: Database,
  input: { runId: string; key: string; error: string; failed: boolean },
): Promise<void> {
  await db
    .update(agentRunSteps)
    .set({ error: input.error, ...(input.failed ? { state: 'failed' as const } : {}) })
    .where(and(eq(agentRunSteps.runId, input.runId), eq(agentRunSteps.key, input.key)));
}
