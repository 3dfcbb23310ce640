import { z } from 'zod';
import type { Database } from '@plume/db/client';
import type { LlmGateway } from '@plume/llm/gateway/gateway';
import { agentProgram, type AgentServices } from '../agents/agent-program.ts';
import { AGENT_RUN_JOB } from '../agents/run-store.ts';
import { executeRun } from '../agents/runner.ts';
import { handOverToAutopilot } from '../agents/content/hand-over.ts';
import { defineJob } from './define-job.ts';

export type AgentRunJobDeps = { db: Database; gateway: Pick<LlmGateway, 'generate'>; services: AgentServices };

/**
 * Runs (or resumes) one agent run. After a crash the job runs again: steps already done are read back
 * from their rows, not run again (docs/planning.md, "Agent runs").
 */
export const agentRunJob = defineJob({
  id: AGENT_RUN_JOB,
  payload: z.object({ runId: z.uuid() }),
  run: async (deps: AgentRunJobDeps, payload) => {
    const result = await executeRun({ db: deps.db, gateway: deps.gateway }, payload.runId, agentProgram(deps.services));
    // A Content run that wrote its weeks' drafts hands them to the autopilot, as "Generate drafts" does.
    if (result.state === 'succeeded') await handOverToAutopilot(deps.db, payload.runId);
    return result;
  },
});
