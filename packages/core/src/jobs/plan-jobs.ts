import { z } from 'zod';
import type { Database } from '@plume/db/client';
import type { LlmGateway } from '@plume/llm/gateway/gateway';
import type { NetworkId } from '@plume/networks/contract';
import type { TargetNetwork } from '../content/target-network.ts';
import { GENERATE_WEEK_JOB, runWeekGeneration } from '../planning/plans/generate-week.ts';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import { startAutopilotRun } from '../planning/autopilot/autopilot-trigger.ts';
import { defineJob } from './define-job.ts';

export type PlanJobDeps = { db: Database; runtime: NetworkRuntime; gateway: Pick<LlmGateway, 'generate'> };

/** The content studio's network facts, from the runtime's providers. */
export function manifestOf(runtime: NetworkRuntime) {
  return (id: NetworkId): TargetNetwork | undefined =>
    runtime.providers.find((provider) => provider.manifest.id === id)?.manifest;
}

/** Writes the drafts of one week of a plan (docs/planning.md "Plans and the week board"); idempotent. */
export const generatePlanWeekJob = defineJob({
  id: GENERATE_WEEK_JOB,
  payload: z.object({
    planId: z.uuid(),
    workspaceId: z.string(),
    week: z.string(),
    actor: z.object({
      userId: z.string().nullable(),
      name: z.string().nullable(),
      role: z.enum(['owner', 'admin', 'editor', 'viewer']),
      kind: z.enum(['user', 'api_key']),
    }),
  }),
  run: async (deps: PlanJobDeps, payload) => {
    const finished = await runWeekGeneration(
      {
        db: deps.db,
        runtime: deps.runtime,
        manifest: manifestOf(deps.runtime),
        caller: { gateway: deps.gateway, workspaceId: payload.workspaceId, userId: payload.actor.userId },
      },
      payload,
    );
    // The autopilot takes over from here unless it is off (docs/planning.md "Autopilot and guardrails").
    if (finished !== null)
      await startAutopilotRun(deps.db, {
        workspaceId: payload.workspaceId,
        planId: payload.planId,
        weeks: [payload.week],
      });
    return finished;
  },
});
