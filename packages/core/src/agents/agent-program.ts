/**
 * The Intelligence and Strategy agents as one program over a run's steps:
 * `facts` (read analytics and learned models) → `intelligence` (the model's reading) → for
 * `intelligence_strategy`, `strategy` (the model's proposal). Each model step may add a `:retry` step.
 */
import {
  intelligenceFactsSchema,
  intelligenceReadingSchema,
  type AgentRunOutput,
} from '@plume/contract/agents/agent-outputs';
import { eq } from 'drizzle-orm';
import { workspaces } from '@plume/db/schema/workspaces';
import { runContentAgent } from './content/content-program.ts';
import type { ContentAgentServices } from './content/draft-step.ts';
import { gatherFacts } from './intelligence/gather-facts.ts';
import type { CompetitorSummarySource } from './intelligence/competitor-source.ts';
import type { CurrentStrategySource } from './strategy/current-strategy-source.ts';
import { runExecution, type ExecutionServices } from './execution/execution-program.ts';
import { intelligencePrompt } from './intelligence/intelligence-prompt.ts';
import { learningProgram } from './learning/learning-program.ts';
import { modelStep } from './model-step.ts';
import type { AgentProgram } from './runner.ts';
import { runInputSchema } from './run-input.ts';
import { proposalSchemaFor, strategyPrompt } from './strategy/strategy-prompt.ts';

export type AgentServices = {
  competitors: CompetitorSummarySource;
  /** The workspace's current strategy, when the strategy module is wired in (else request or brand profile). */
  strategy?: CurrentStrategySource;
  /** The networks' runtime, for the Content agent's drafts (agents/content). */
  content?: ContentAgentServices;
  /** The Execution agent's network runtime (post checks on submit); runs of kind `execution` need it. */
  execution?: ExecutionServices;
};

export function agentProgram(services: AgentServices): AgentProgram {
  return async (context): Promise<AgentRunOutput> => {
    if (context.run.kind === 'content') {
      if (services.content === undefined) throw new Error('This worker has no network runtime for drafts.');
      return runContentAgent(context, services.content);
    }
    if (context.run.kind === 'execution') {
      if (services.execution === undefined) throw new Error('The Execution agent is not wired in this worker.');
      return runExecution(context, services.execution);
    }
    const input = runInputSchema.parse(context.run.input);
    const workspaceId = context.run.workspaceId;
    const [workspace] = await context.db
      .select({ timezone: workspaces.timezone })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    const zone = workspace?.timezone ?? 'UTC';
    if (input.kind === 'learning') return learningProgram(context, input, zone);
    const facts = await context.step('facts', intelligenceFactsSchema, async () => {
      return {
        result: await gatherFacts({ db: context.db, competitors: services.competitors }, { workspaceId, zone }),
      };
    });
    const reading = await modelStep(context, {
      key: 'intelligence',
      what: 'the intelligence reading',
      task: 'analysis',
      prompt: intelligencePrompt(facts),
      schema: intelligenceReadingSchema,
    });
    const intelligence = { facts, reading };
    if (input.kind === 'intelligence') return { intelligence };
    const brief = { brand: input.brand, pillars: input.pillars, goals: input.goals, months: input.months };
    const strategy = await modelStep(context, {
      key: 'strategy',
      what: 'the strategy proposal',
      task: 'plan',
      prompt: strategyPrompt(brief, intelligence),
      schema: proposalSchemaFor(brief),
    });
    return { intelligence, strategy };
  };
}
