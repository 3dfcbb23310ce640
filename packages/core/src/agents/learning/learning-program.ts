/**
 * The Learning agent (kind `learning`): `results` (no model: the week's plan beside its results) →
 * `retrospective` (task `analysis`: what worked, what did not, adjustments for the next weeks). A week
 * with nothing published ends after `results`, with no model call.
 */
import { eq } from 'drizzle-orm';
import { agentRuns } from '@plume/db/schema/agents';
import type { AgentRunOutput } from '@plume/contract/agents/agent-outputs';
import { weekResultsSchema } from '@plume/contract/agents/learning-outputs';
import { modelStep } from '../model-step.ts';
import type { RunInput } from '../run-input.ts';
import type { RunContext } from '../runner.ts';
import { retrospectivePrompt, retrospectiveSchemaFor } from './retrospective-prompt.ts';
import { readWeekResults } from './week-results-reader.ts';

export async function learningProgram(context: RunContext, input: RunInput, zone: string): Promise<AgentRunOutput> {
  const monday = input.week;
  if (monday === undefined) throw new Error('A learning run needs its week.');
  const results = await context.step('results', weekResultsSchema, async () => ({
    result: await readWeekResults(context.db, {
      workspaceId: context.run.workspaceId,
      zone,
      monday,
      pillars: input.pillars,
    }),
  }));
  if (results.published === 0) {
    // No model call: the run is complete after its one step.
    await context.db.update(agentRuns).set({ plannedSteps: 1 }).where(eq(agentRuns.id, context.run.id));
    return { learning: { results, retrospective: null } };
  }
  const retrospective = await modelStep(context, {
    key: 'retrospective',
    what: 'the retrospective',
    task: 'analysis',
    prompt: retrospectivePrompt(results, input.pillars),
    schema: retrospectiveSchemaFor(input.pillars),
  });
  return { learning: { results, retrospective } };
}
