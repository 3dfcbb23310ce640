/**
 * Runs as the API shows them: a list page (newest first) and one run with its steps. Another
 * workspace's run is "not found".
 */
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { agentRuns } from '@plume/db/schema/agents';
import { AppError } from '@plume/errors/app-error';
import { agentRunOutputSchema, type AgentRunOutput } from '@plume/contract/agents/agent-outputs';
import type { AgentRunSummaryView, AgentStepView } from '@plume/contract/agents/agent-run-schemas';
import { readSteps, requestCancel, type RunRow, type StepRow } from './run-store.ts';

export type RunView = AgentRunSummaryView & {
  input: Record<string, unknown>;
  output: AgentRunOutput | null;
  appliedAt: Date | null;
  steps: AgentStepView[];
};

function summaryOf(row: RunRow, doneSteps: number): AgentRunSummaryView {
  return {
    id: row.id,
    kind: row.kind as AgentRunSummaryView['kind'],
    state: row.state,
    estimateMicros: row.estimateMicros,
    costMicros: row.costMicros,
    localOnly: row.localOnly,
    plannedSteps: row.plannedSteps,
    doneSteps: Math.min(doneSteps, row.plannedSteps),
    error: row.error,
    cancelRequested: row.cancelRequestedAt !== null,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/** Steps done, counting a model step once whether or not it needed its retry. */
function doneOf(steps: readonly Pick<StepRow, 'key' | 'state'>[]): number {
  return steps.filter((step) => step.state === 'succeeded' && !step.key.endsWith(':retry')).length;
}

function stepView(step: StepRow): AgentStepView {
  return {
    key: step.key,
    position: step.position,
    state: step.state,
    provider: step.provider,
    model: step.model,
    promptChars: step.promptChars,
    promptTokens: step.promptTokens,
    completionTokens: step.completionTokens,
    costMicros: step.costMicros,
    ms: step.ms,
    attempts: step.attempts,
    error: step.error,
    startedAt: step.startedAt,
    finishedAt: step.finishedAt,
  };
}

async function runInWorkspace(db: Pick<Database, 'select'>, workspaceId: string, runId: string): Promise<RunRow> {
  const [row] = await db
    .select()
    .from(agentRuns)
    .where(and(eq(agentRuns.id, runId), eq(agentRuns.workspaceId, workspaceId)));
  if (!row) throw new AppError('not_found', { detail: 'No such agent run in this workspace.' });
  return row;
}

export async function readRunView(db: Pick<Database, 'select'>, workspaceId: string, runId: string): Promise<RunView> {
  const row = await runInWorkspace(db, workspaceId, runId);
  const steps = await readSteps(db, runId);
  const output = row.output === null ? null : agentRunOutputSchema.safeParse(row.output);
  return {
    ...summaryOf(row, doneOf(steps)),
    input: (row.input ?? {}) as Record<string, unknown>,
    output: output?.success === true ? output.data : null,
    appliedAt: row.appliedAt,
    steps: steps.map(stepView),
  };
}

const encodeCursor = (row: RunRow) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (id === undefined || Number.isNaN(date.getTime()))
    throw AppError.validation('querystring/cursor', 'This cursor is not one a previous page gave.');
  return { at: date, id };
}

export async function listRunViews(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: AgentRunSummaryView[]; nextCursor: string | null }> {
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  const rows = await db
    .select({
      run: agentRuns,
      done: sql<number>`(SELECT count(*)::int FROM agent_run_steps s WHERE s.run_id = agent_runs.id AND s.state = 'succeeded' AND s.key NOT LIKE '%:retry')`,
    })
    .from(agentRuns)
    .where(
      and(
        eq(agentRuns.workspaceId, workspaceId),
        after === undefined
          ? undefined
          : or(lt(agentRuns.createdAt, after.at), and(eq(agentRuns.createdAt, after.at), lt(agentRuns.id, after.id))),
      ),
    )
    .orderBy(desc(agentRuns.createdAt), desc(agentRuns.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map((item) => summaryOf(item.run, item.done)),
    nextCursor: rows.length > page.limit && last !== undefined ? encodeCursor(last.run) : null,
  };
}

/** Cancels a queued run at once, or asks a running one to stop before its next step. */
export async function cancelRun(db: Database, workspaceId: string, runId: string, now = new Date()): Promise<RunView> {
  await runInWorkspace(db, workspaceId, runId);
  if (!(await requestCancel(db, runId, now)))
    throw new AppError('invalid_state', { detail: 'This run is already over: there is nothing to cancel.' });
  return readRunView(db, workspaceId, runId);
}
