/**
 * "Generate the week's drafts" as a job: the request records the generation on the plan (week, total,
 * done, failures) and queues `generate_plan_week`; the job drafts each brief of the week still without
 * a draft, one by one, updating the progress the web app polls. Resumable: a brief already drafted is
 * skipped, and one whose content draft was written but not yet accepted is accepted without a new call.
 * A refused budget stops the run (the next brief would be refused too); any other failure is noted on
 * its brief and the run goes on.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { plans, type PlanGeneration } from '@plume/db/schema/planning';
import { workspaces, type WorkspaceRole } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import { LlmGatewayError } from '@plume/llm/gateway/gateway-error';
import { daysOfWeek } from './plan-calendar.ts';
import { draftBrief, type DraftDeps } from './draft-brief.ts';
import { checkWeek } from './place-week.ts';
import { listBriefRows, type BriefRow, type PlanRow } from './plan-store.ts';
import { isLive } from './plan-world.ts';

export const GENERATE_WEEK_JOB = 'generate_plan_week';

export type GenerationPayload = {
  planId: string;
  workspaceId: string;
  week: string;
  actor: { userId: string | null; name: string | null; role: WorkspaceRole; kind: 'user' | 'api_key' };
};

const toDraft = (briefs: readonly BriefRow[], week: string) => {
  const days = new Set(daysOfWeek(week));
  return briefs.filter((brief) => isLive(brief) && days.has(brief.day) && brief.state === 'brief');
};

const running = (generation: PlanGeneration | null) =>
  generation !== null && (generation.state === 'queued' || generation.state === 'running');

/** Records and queues the week's generation; a generation still queued or running is answered as it is. */
export async function startWeekGeneration(
  db: Database,
  plan: PlanRow,
  week: string,
  actor: GenerationPayload['actor'],
): Promise<PlanGeneration> {
  checkWeek(plan, week);
  if (running(plan.generation)) {
    if (plan.generation!.week === week) return plan.generation!;
    throw AppError.conflict(`The drafts of the week of ${plan.generation!.week} are being written; wait for them.`);
  }
  const total = toDraft(await listBriefRows(db, plan.id), week).length;
  const generation: PlanGeneration = {
    week,
    state: total === 0 ? 'done' : 'queued',
    total,
    done: 0,
    failed: [],
    startedAt: new Date().toISOString(),
    ...(total === 0 ? { finishedAt: new Date().toISOString() } : {}),
  };
  const payload: GenerationPayload = { planId: plan.id, workspaceId: plan.workspaceId, week, actor };
  await db.transaction(async (tx) => {
    await tx.update(plans).set({ generation, updatedAt: new Date() }).where(eq(plans.id, plan.id));
    if (total > 0)
      await tx.execute(sql`
        SELECT graphile_worker.add_job(${GENERATE_WEEK_JOB}, ${JSON.stringify(payload)}::json,
          job_key => ${`plan-week:${plan.id}`}, max_attempts => 3)`);
  });
  return generation;
}

async function save(db: Database, planId: string, generation: PlanGeneration): Promise<void> {
  await db.update(plans).set({ generation, updatedAt: new Date() }).where(eq(plans.id, planId));
}

function failureMessage(error: unknown): string {
  if (error instanceof LlmGatewayError || error instanceof AppError) return error.message;
  return 'The draft could not be written; try again.';
}

/** The job's body. Safe to run again: it only drafts what has no draft yet. */
export async function runWeekGeneration(deps: DraftDeps, payload: GenerationPayload): Promise<PlanGeneration | null> {
  const [plan] = await deps.db.select().from(plans).where(eq(plans.id, payload.planId));
  const [workspace] = await deps.db.select().from(workspaces).where(eq(workspaces.id, payload.workspaceId));
  if (!plan || !workspace || plan.workspaceId !== workspace.id) return null;
  const briefs = await listBriefRows(deps.db, plan.id);
  const pending = toDraft(briefs, payload.week);
  const before = plan.generation?.week === payload.week ? plan.generation : null;
  const generation: PlanGeneration = {
    week: payload.week,
    state: 'running',
    total: (before?.done ?? 0) + pending.length,
    done: before?.done ?? 0,
    failed: [],
    startedAt: before?.startedAt ?? new Date().toISOString(),
  };
  await save(deps.db, plan.id, generation);
  const context = {
    plan,
    workspace: { id: workspace.id, name: workspace.name, kind: workspace.kind, locale: workspace.locale },
    actor: payload.actor,
  };
  for (const brief of pending) {
    try {
      await draftBrief(deps, { ...context, brief, rejectedBecause: reasonFor(briefs, brief) });
      generation.done += 1;
    } catch (error) {
      generation.failed.push({ briefId: brief.id, message: failureMessage(error) });
      if (error instanceof LlmGatewayError && error.code === 'budget_exceeded') break;
    }
    await save(deps.db, plan.id, generation);
  }
  const finished: PlanGeneration = {
    ...generation,
    state: generation.failed.length > 0 ? 'failed' : 'done',
    finishedAt: new Date().toISOString(),
  };
  await save(deps.db, plan.id, finished);
  return finished;
}

/** A replacement brief carries the reason its predecessor's draft was rejected into its prompt. */
function reasonFor(briefs: readonly BriefRow[], brief: BriefRow): string | null {
  if (brief.replacesId === null) return null;
  return briefs.find((other) => other.id === brief.replacesId)?.rejectionReason ?? null;
}
