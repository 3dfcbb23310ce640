/**
 * Starting a run: the request resolved into the run's stored input, its cost estimated against the
 * budget (refused or degraded to local models), then the run row and its job written in one
 * transaction, so a run is never left without the job that runs it. A `content` run is resolved and
 * priced in agents/content.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { agentRuns } from '@plume/db/schema/agents';
import { workspaces } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import type { StartAgentRunInput } from '@plume/contract/agents/agent-run-schemas';
import { getBrandProfile } from '../content/brand-profile-store.ts';
import type { LlmServices } from '../llm/llm-services.ts';
import { utcToWall } from '../scheduling/zoned-time.ts';
import type { AgentServices } from './agent-program.ts';
import { prepareContentRun } from './content/start-content-run.ts';
import { estimateRun, type PlannedCall } from './estimate-run.ts';
import { gatherFacts } from './intelligence/gather-facts.ts';
import { intelligencePrompt } from './intelligence/intelligence-prompt.ts';
import { learningCalls, learningInput } from './learning/learning-input.ts';
import { PLANNED_STEPS, type RunInput } from './run-input.ts';
import { AGENT_RUN_JOB } from './run-store.ts';
import { strategyPrompt } from './strategy/strategy-prompt.ts';
import { startExecutionRun } from './execution/start-execution.ts';
import { readRunView, type RunView } from './run-views.ts';

export type StartRunDeps = { db: Database; llm: LlmServices; services: AgentServices; now?: () => Date };

/** `count` months from `first` (YYYY-MM), or from the month after `now` in `zone`. */
export function monthsFrom(first: string | undefined, count: number, zone: string, now: Date): string[] {
  const wall = utcToWall(zone, now);
  const [year, month] = first === undefined ? [wall.year, wall.month + 1] : first.split('-').map(Number);
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year ?? wall.year, (month ?? 1) - 1 + index, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

async function resolveInput(
  deps: StartRunDeps,
  workspace: { id: string; timezone: string },
  body: StartAgentRunInput,
  now: Date,
): Promise<RunInput> {
  if (body.kind === 'learning') return learningInput(deps.services.strategy, workspace, body.week, now);
  const profile = await getBrandProfile(deps.db, workspace.id);
  const current = (await deps.services.strategy?.current(workspace.id)) ?? null;
  const brand = profile?.brand ?? null;
  const topics = brand?.topics.slice(0, 6) ?? [];
  const pillars =
    body.pillars ??
    (current !== null && current.pillars.length > 0 ? current.pillars : undefined) ??
    topics.map((topic, index) => ({
      key:
        topic
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || `pillar-${index + 1}`,
      name: topic,
      share: Math.round((100 / topics.length) * 10) / 10,
    }));
  if (body.kind === 'intelligence_strategy' && pillars.length === 0)
    throw AppError.validation(
      'body/pillars',
      'Give the content pillars and their shares, or list the topics the brand covers in its brand profile.',
    );
  return {
    kind: body.kind,
    months: monthsFrom(body.startMonth, body.months, workspace.timezone, now),
    pillars,
    goals:
      body.goals ?? (current !== null && current.goals.length > 0 ? current.goals : undefined) ?? brand?.goals ?? [],
    brand:
      brand === null
        ? null
        : {
            name: brand.name,
            industry: brand.industry,
            audience: brand.audience.slice(0, 200),
            tone: brand.voice.tone.join(', '),
            language: brand.language,
          },
    localCandidates: null,
  };
}

/** The model calls a run will make, with prompts sized from the facts as they are now. */
async function plannedCalls(deps: StartRunDeps, workspace: { id: string; timezone: string }, input: RunInput) {
  if (input.kind === 'learning') return learningCalls(deps.db, workspace, input);
  const facts = await gatherFacts(
    { db: deps.db, competitors: deps.services.competitors },
    { workspaceId: workspace.id, zone: workspace.timezone },
  );
  const calls: PlannedCall[] = [{ task: 'analysis', prompt: intelligencePrompt(facts) }];
  if (input.kind === 'intelligence_strategy') {
    // The reading is not known yet: sized at its largest (5 items of each kind at the length limit).
    const item = 'x'.repeat(240);
    const reading = { highlights: Array(5).fill(item), opportunities: Array(5).fill(item), risks: Array(5).fill(item) };
    calls.push({ task: 'plan', prompt: strategyPrompt({ ...input }, { facts, reading }) });
  }
  return calls;
}

export async function startAgentRun(
  deps: StartRunDeps,
  command: { workspace: { id: string; timezone: string }; userId: string | null; body: StartAgentRunInput },
): Promise<RunView> {
  if (command.body.kind === 'content') return startContentRun(deps, command);
  if (command.body.kind === 'execution')
    return startExecutionRun(deps, {
      workspaceId: command.workspace.id,
      userId: command.userId,
      planId: command.body.planId ?? '',
      weeks: command.body.weeks,
      trigger: 'person',
      weeksPath: 'body/weeks',
    });
  const now = deps.now?.() ?? new Date();
  const input = await resolveInput(deps, command.workspace, command.body, now);
  const calls = await plannedCalls(deps, command.workspace, input);
  const estimate = await estimateRun(
    { db: deps.db, llm: deps.llm, now: () => now },
    { workspaceId: command.workspace.id, calls },
  );
  const stored: RunInput = { ...input, localCandidates: estimate.localCandidates };
  return queueRun(deps, {
    workspaceId: command.workspace.id,
    kind: input.kind,
    input: stored,
    estimateMicros: estimate.estimateMicros,
    plannedSteps: PLANNED_STEPS[input.kind],
    userId: command.userId,
    now,
  });
}

/** The run's row and its job in one transaction, so a run is never left without the job that runs it. */
export async function queueRun(
  deps: Pick<StartRunDeps, 'db'>,
  run: {
    workspaceId: string;
    kind: string;
    input: { localCandidates: unknown[] | null };
    estimateMicros: number;
    plannedSteps: number;
    userId: string | null;
    now: Date;
  },
): Promise<RunView> {
  const runId = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agentRuns)
      .values({
        workspaceId: run.workspaceId,
        kind: run.kind,
        input: run.input,
        estimateMicros: run.estimateMicros,
        localOnly: run.input.localCandidates !== null,
        plannedSteps: run.plannedSteps,
        requestedBy: run.userId,
        createdAt: run.now,
        updatedAt: run.now,
      })
      .returning({ id: agentRuns.id });
    if (!row) throw new Error('agent run insert returned no row');
    await tx.execute(sql`
      SELECT graphile_worker.add_job(${AGENT_RUN_JOB}, json_build_object('runId', ${row.id}::text),
        job_key => ${`agent-run:${row.id}`}, max_attempts => 5)`);
    return row.id;
  });
  return readRunView(deps.db, run.workspaceId, runId);
}

async function startContentRun(
  deps: StartRunDeps,
  command: { workspace: { id: string; timezone: string }; userId: string | null; body: StartAgentRunInput },
): Promise<RunView> {
  const [workspace] = await deps.db.select().from(workspaces).where(eq(workspaces.id, command.workspace.id));
  if (!workspace) throw AppError.notFound('workspace');
  const now = deps.now?.() ?? new Date();
  const start = await prepareContentRun({ ...deps, now: () => now }, { ...command, workspace });
  return queueRun(deps, { workspaceId: workspace.id, kind: 'content', userId: command.userId, now, ...start });
}
