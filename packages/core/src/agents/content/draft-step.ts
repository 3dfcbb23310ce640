/**
 * One brief's draft as a run step, through the same path as "Generate drafts" (draftBrief: the content
 * studio's generateVariants with its voice, limits and quality score, then acceptVariant). The step's
 * stored result means the brief is never drafted (or paid for) again; draftBrief itself keeps the
 * content draft's id on the brief as soon as the model has answered, so a crash between the answer and
 * the step's result costs nothing either. The gateway is metered to record what the step used.
 */
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { workspaces } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import type { GenerateRequest, GenerateResult } from '@plume/llm/gateway/gateway';
import { manifestOf } from '../../jobs/plan-jobs.ts';
import { draftBrief } from '../../planning/plans/draft-brief.ts';
import { findBrief, type PlanRow } from '../../planning/plans/plan-store.ts';
import type { NetworkRuntime } from '../../social/network-runtime.ts';
import type { RunContext } from '../runner.ts';
import type { StepUsage } from '../run-store.ts';
import type { ContentRunInput } from './content-input.ts';

/** What the Content agent needs besides the database and the gateway: the networks, for drafts. */
export type ContentAgentServices = { runtime: NetworkRuntime };

export const draftResultSchema = z.object({
  briefId: z.string(),
  postId: z.string().nullable(),
  /** Why the content studio could not draft it (the brief stays in state `brief`). */
  error: z.string().nullable(),
});
export type DraftResult = z.infer<typeof draftResultSchema>;

function usageOf(calls: readonly GenerateResult[], chars: number): StepUsage | undefined {
  const main = calls[0];
  if (main === undefined) return undefined;
  return {
    provider: main.provider,
    model: main.model,
    promptChars: chars,
    promptTokens: calls.reduce((sum, call) => sum + call.inputTokens, 0),
    completionTokens: calls.reduce((sum, call) => sum + call.outputTokens, 0),
    costMicros: calls.reduce((sum, call) => sum + call.costMicros, 0),
  };
}

/** The run's gateway, counting each call and keeping a local-only run on its local models. */
function metered(context: RunContext, input: ContentRunInput) {
  const calls: GenerateResult[] = [];
  let chars = 0;
  const candidates = input.localCandidates;
  const gateway = {
    async generate(request: GenerateRequest) {
      const routed =
        candidates !== null && candidates.length > 0 && request.policy === undefined
          ? { ...request, policy: { mode: 'local_first' as const, candidates } }
          : request;
      const answer = await context.gateway.generate(routed);
      chars += (request.call.system ?? '').length + request.call.messages.reduce((sum, m) => sum + m.content.length, 0);
      calls.push(answer);
      return answer;
    },
  };
  return { gateway, usage: () => usageOf(calls, chars) };
}

export async function draftStep(
  context: RunContext,
  services: ContentAgentServices,
  input: { plan: PlanRow; briefId: string; run: ContentRunInput },
): Promise<DraftResult> {
  return context.step(`draft:${input.briefId}`, draftResultSchema, async () => {
    const [workspace] = await context.db.select().from(workspaces).where(eq(workspaces.id, input.plan.workspaceId));
    if (!workspace) throw new Error('The workspace is gone.');
    const brief = await findBrief(context.db, input.plan, input.briefId);
    const meter = metered(context, input.run);
    const deps = {
      db: context.db,
      runtime: services.runtime,
      manifest: manifestOf(services.runtime),
      caller: { gateway: meter.gateway, workspaceId: workspace.id, userId: input.run.actor.userId },
    };
    try {
      const postId = await draftBrief(deps, {
        plan: input.plan,
        brief,
        workspace: { id: workspace.id, name: workspace.name, kind: workspace.kind, locale: workspace.locale },
        actor: input.run.actor,
        rejectedBecause: null,
      });
      return { result: { briefId: brief.id, postId, error: null }, usage: meter.usage() };
    } catch (error) {
      // The content studio gave up on this brief (two unusable answers, a brief it cannot write): noted,
      // and the run goes on. Gateway failures (budget, no model) fail the run; Resume goes on from here.
      if (!(error instanceof AppError)) throw error;
      return { result: { briefId: brief.id, postId: null, error: error.message }, usage: meter.usage() };
    }
  });
}
