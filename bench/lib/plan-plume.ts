// Plume's way for `npm run bench:plan`, through the real code paths: the Content agent started over the
// API for the whole month (checked and estimated there), run by the runner as the `agent_run` job runs it
// (a briefs call per week, then each brief's draft through the content studio), each week placed over the
// API, then the plan checks and the month view read back over the API.
import { performance } from 'node:perf_hooks';
import { agentProgram } from '@plume/core/agents/agent-program';
import { noCompetitors } from '@plume/core/agents/intelligence/competitor-source';
import { executeRun } from '@plume/core/agents/runner';
import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import type { PlanDetail } from '@plume/contract/planning/plan-schemas';
import { expectJson, type PlanWorld } from './plan-setup.ts';

export type PlumeResult = {
  runState: string;
  wallMs: { start: number; run: number; place: number; checks: number };
  briefs: number;
  drafted: number;
  placed: number;
  /** Briefs with a draft post and a slot: the finished posts. */
  finished: number;
  unplaced: string[];
  violations: Array<{ check: string; briefIds: string[]; message: string }>;
  pillarMix: PlanDetail['pillarMix'];
  texts: Array<{ network: string; text: string }>;
  stepCount: number;
};

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const from = performance.now();
  const value = await work();
  return [value, performance.now() - from];
};

export async function runPlume(world: PlanWorld): Promise<PlumeResult> {
  const { app, headers } = world;
  const base = `/api/v1/workspaces/${world.workspaceId}`;
  const [started, startMs] = await timed(() =>
    expectJson<WireAgentRun>(
      app,
      { method: 'POST', url: `${base}/agent-runs`, headers, payload: { kind: 'content', planId: world.planId } },
      201,
    ),
  );
  const program = agentProgram({ competitors: noCompetitors, content: { runtime: world.publishing.runtime } });
  const [outcome, runMs] = await timed(() =>
    executeRun({ db: world.db, gateway: world.llm.gateway }, started.id, program),
  );
  const planUrl = `${base}/plans/${world.planId}`;
  const before = await expectJson<PlanDetail>(app, { method: 'GET', url: planUrl, headers }, 200);
  const unplaced: string[] = [];
  const [, placeMs] = await timed(async () => {
    for (const week of before.weeks) {
      const placed = await expectJson<{ unplaced: Array<{ message: string }> }>(
        app,
        { method: 'POST', url: `${planUrl}/weeks/${week}/place`, headers },
        200,
      );
      unplaced.push(...placed.unplaced.map((item) => item.message));
    }
  });
  const [checked, checksMs] = await timed(() =>
    expectJson<{ violations: PlumeResult['violations'] }>(
      app,
      { method: 'GET', url: `${planUrl}/checks`, headers },
      200,
    ),
  );
  const plan = await expectJson<PlanDetail>(app, { method: 'GET', url: planUrl, headers }, 200);
  const run = await expectJson<WireAgentRun>(
    app,
    { method: 'GET', url: `${base}/agent-runs/${started.id}`, headers },
    200,
  );
  const drafted = plan.briefs.filter((brief) => brief.postText);
  return {
    runState: run.state === 'succeeded' ? run.state : `${outcome.state}: ${run.error ?? ''}`,
    wallMs: { start: startMs, run: runMs, place: placeMs, checks: checksMs },
    briefs: plan.briefs.length,
    drafted: drafted.length,
    placed: plan.briefs.filter((brief) => brief.slot !== null).length,
    finished: drafted.filter((brief) => brief.slot !== null).length,
    unplaced,
    violations: checked.violations,
    pillarMix: plan.pillarMix,
    texts: drafted.map((brief) => ({ network: brief.network, text: brief.postText ?? '' })),
    stepCount: run.steps.length,
  };
}
