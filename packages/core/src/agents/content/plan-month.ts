/**
 * A Content agent run started and run in this process (not by a worker), for benchmarks and scripts:
 * checked and estimated as over HTTP, then executed with the given gateway. Its job stays queued; a
 * worker that takes it later finds the run over and does nothing.
 */
import type { Database } from '@plume/db/client';
import type { LlmGateway } from '@plume/llm/gateway/gateway';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { LlmServices } from '../../llm/llm-services.ts';
import type { NetworkRuntime } from '../../social/network-runtime.ts';
import { agentProgram } from '../agent-program.ts';
import { noCompetitors } from '../intelligence/competitor-source.ts';
import { executeRun } from '../runner.ts';
import { readRunView, type RunView } from '../run-views.ts';
import { startAgentRun } from '../start-run.ts';

export type PlanMonthDeps = {
  db: Database;
  llm: LlmServices;
  runtime: NetworkRuntime;
  /** Default: the LLM services' gateway. */
  gateway?: Pick<LlmGateway, 'generate'>;
};

export async function planMonthWithAgent(
  deps: PlanMonthDeps,
  input: {
    workspace: { id: string; timezone: string };
    planId: string;
    userId: string | null;
    weeks?: string[];
    networks?: NetworkId[];
  },
): Promise<RunView> {
  const services = { competitors: noCompetitors, content: { runtime: deps.runtime } };
  const started = await startAgentRun(
    { db: deps.db, llm: deps.llm, services },
    {
      workspace: input.workspace,
      userId: input.userId,
      body: {
        kind: 'content',
        months: 1,
        planId: input.planId,
        ...(input.weeks ? { weeks: input.weeks } : {}),
        ...(input.networks ? { networks: input.networks } : {}),
      },
    },
  );
  await executeRun({ db: deps.db, gateway: deps.gateway ?? deps.llm.gateway }, started.id, agentProgram(services));
  return readRunView(deps.db, input.workspace.id, started.id);
}
