import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentRuns, agentRunSteps } from '@plume/db/schema/agents';
import { AppError } from '@plume/errors/app-error';
import type { GenerateRequest } from '@plume/llm/gateway/gateway';
import { saveBudget } from '../llm/manage-llm-settings.ts';
import { agentProgram } from './agent-program.ts';
import { noCompetitors } from './intelligence/competitor-source.ts';
import { executeRun } from './runner.ts';
import { cancelRun, readRunView } from './run-views.ts';
import { resumeRun } from './resume-run.ts';
import { startAgentRun } from './start-run.ts';
import { callsTo, createAgentWorld, spendThisMonth, type AgentWorld } from './test-support/agent-setup.ts';

let world: AgentWorld;
const services = { competitors: noCompetitors };
const pillars = [
  { key: 'bakes', name: 'Daily bakes', share: 50 },
  { key: 'team', name: 'Behind the counter', share: 30 },
  { key: 'offers', name: 'Offers', share: 20 },
];
const actor = { type: 'system' as const, id: null, name: 'agents test' };

beforeAll(async () => {
  world = await createAgentWorld();
});
afterAll(async () => {
  await world.close();
});

async function start(workspace: { id: string; timezone: string }, months = 2) {
  return startAgentRun(
    { db: world.db, llm: world.llm, services },
    {
      workspace,
      userId: null,
      body: { kind: 'intelligence_strategy', months, startMonth: '2027-01', pillars, goals: ['More walk-ins'] },
    },
  );
}

type Generate = (request: GenerateRequest) => ReturnType<AgentWorld['llm']['gateway']['generate']>;
const run = (runId: string, generate: Generate = (request) => world.llm.gateway.generate(request)) =>
  executeRun({ db: world.db, gateway: { generate } }, runId, agentProgram(services));

describe('an intelligence + strategy run', () => {
  it('is estimated before it starts, then stores each step with its model, tokens, cost and time, and a typed proposal', async () => {
    const workspace = await world.workspace('paid');
    const started = await start(workspace);
    expect(started).toMatchObject({ state: 'queued', plannedSteps: 3, doneSteps: 0, localOnly: false });
    expect(started.estimateMicros).toBeGreaterThan(0);
    expect(await run(started.id)).toEqual({ runId: started.id, state: 'succeeded' });
    const view = await readRunView(world.db, workspace.id, started.id);
    expect(view.state).toBe('succeeded');
    expect(view.steps.map((step) => [step.key, step.state, step.provider])).toEqual([
      ['facts', 'succeeded', null],
      ['intelligence', 'succeeded', 'openai'],
      ['strategy', 'succeeded', 'openai'],
    ]);
    for (const step of view.steps.slice(1)) {
      expect(step.model).toBe('gpt-4o-mini');
      expect(step.promptChars).toBeGreaterThan(200);
      expect(step.promptTokens).toBeGreaterThan(0);
      expect(step.completionTokens).toBeGreaterThan(0);
      expect(step.costMicros).toBeGreaterThan(0);
    }
    expect(view.costMicros).toBe(view.steps.reduce((sum, step) => sum + step.costMicros, 0));
    expect(view.costMicros).toBeLessThanOrEqual(view.estimateMicros);
    expect(view.output?.strategy?.months.map((month) => month.month)).toEqual(['2027-01', '2027-02']);
    expect(view.output?.strategy?.months[0]?.pillarMix.map((item) => item.pillar)).toEqual(['bakes', 'team', 'offers']);
    expect(view.output?.intelligence?.reading.highlights.length).toBeGreaterThan(0);
    expect(view.doneSteps).toBe(3);
  });

  it('resumed after a crash during the strategy call, pays for the intelligence call once and asks the lost call again once', async () => {
    const workspace = await world.workspace('paid');
    const started = await start(workspace, 1);
    world.openai.requests.length = 0;
    // The process dies after the model answered the strategy call, before its result was stored.
    const crash = new Error('process killed');
    await run(started.id, async (request) => {
      const answer = await world.llm.gateway.generate(request);
      if (request.task === 'plan') throw crash;
      return answer;
    });
    // What a killed process leaves behind: the run and the step in flight still `running`.
    await world.db
      .update(agentRuns)
      .set({ state: 'running', error: null, finishedAt: null })
      .where(eq(agentRuns.id, started.id));
    await world.db
      .update(agentRunSteps)
      .set({ state: 'running', error: null, finishedAt: null })
      .where(and(eq(agentRunSteps.runId, started.id), eq(agentRunSteps.key, 'strategy')));
    const before = await readRunView(world.db, workspace.id, started.id);
    expect(before.steps.find((step) => step.key === 'intelligence')?.state).toBe('succeeded');

    expect((await run(started.id)).state).toBe('succeeded');
    expect(callsTo(world, 'intelligence analyst'), 'intelligence asked once in all').toBe(1);
    expect(callsTo(world, 'content strategist'), 'the call lost in the crash, asked again once').toBe(2);
    const view = await readRunView(world.db, workspace.id, started.id);
    expect(view.steps.map((step) => [step.key, step.attempts])).toEqual([
      ['facts', 1],
      ['intelligence', 1],
      ['strategy', 2],
    ]);
    // A finished run given to the runner again does nothing and asks no model.
    expect((await run(started.id)).state).toBe('skipped');
    expect(callsTo(world, 'content strategist')).toBe(2);
  });
});

describe('the current strategy', () => {
  it('gives the pillars and goals when the request names none', async () => {
    const workspace = await world.workspace('local');
    const current = {
      pillars: [
        { key: 'recipes', name: 'Recipes', share: 70 },
        { key: 'events', name: 'Events', share: 30 },
      ],
      goals: ['Sell out the Saturday market'],
    };
    const started = await startAgentRun(
      {
        db: world.db,
        llm: world.llm,
        services: { ...services, strategy: { current: () => Promise.resolve(current) } },
      },
      { workspace, userId: null, body: { kind: 'intelligence_strategy', months: 1 } },
    );
    expect(started.input).toMatchObject(current);
    expect((await run(started.id)).state).toBe('succeeded');
    const view = await readRunView(world.db, workspace.id, started.id);
    expect(view.output?.strategy?.months[0]?.pillarMix.map((item) => item.pillar)).toEqual(['recipes', 'events']);
  });
});

describe('malformed answers', () => {
  it('asks once more with the validation error, as a step of its own, and uses the second answer', async () => {
    const workspace = await world.workspace('paid');
    const started = await start(workspace, 1);
    let strategyCalls = 0;
    const prompts: string[] = [];
    await run(started.id, async (request) => {
      if (request.task !== 'plan') return world.llm.gateway.generate(request);
      strategyCalls += 1;
      prompts.push(request.call.messages.at(-1)?.content ?? '');
      const answer = await world.llm.gateway.generate(request);
      // The first answer names a pillar the workspace does not have.
      return strategyCalls === 1 ? { ...answer, text: answer.text.replace('"bakes"', '"memes"') } : answer;
    });
    const view = await readRunView(world.db, workspace.id, started.id);
    expect(view.state).toBe('succeeded');
    expect(view.steps.map((step) => step.key)).toEqual(['facts', 'intelligence', 'strategy', 'strategy:retry']);
    expect(view.steps[3]?.costMicros, 'the retry is paid and recorded too').toBeGreaterThan(0);
    expect(prompts[1]).toContain('Unknown pillar "memes"');
    expect(view.doneSteps).toBe(3);
  });

  it('fails the step in plain words when the second answer is no better', async () => {
    const workspace = await world.workspace('paid');
    const started = await start(workspace, 1);
    await run(started.id, async (request) => {
      const answer = await world.llm.gateway.generate(request);
      return request.task === 'analysis'
        ? { ...answer, text: 'Sure! Here are my thoughts: the bakery is great.' }
        : answer;
    });
    const view = await readRunView(world.db, workspace.id, started.id);
    expect(view.state).toBe('failed');
    expect(view.error).toMatch(
      /^The model's answer for the intelligence reading was not usable twice .*no JSON object/,
    );
    expect(view.steps.map((step) => [step.key, step.state])).toEqual([
      ['facts', 'succeeded'],
      ['intelligence', 'succeeded'],
      ['intelligence:retry', 'failed'],
    ]);
    expect(view.steps[1]?.error).toBe('Answer not usable: The reply holds no JSON object');
    expect(view.output).toBeNull();
  });
});

describe('budget', () => {
  it('refuses a run its budget cannot cover when no local model may do it (402, nothing stored)', async () => {
    const workspace = await world.workspace('paid');
    await saveBudget(world.db, {
      workspaceId: workspace.id,
      actor,
      budget: { dailyLimitMicros: null, monthlyLimitMicros: 50, dailyRequestLimit: null, monthlyRequestLimit: null },
    });
    const refused = await start(workspace).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('llm_budget_exceeded');
    expect((refused as AppError).message + String((refused as AppError).detail)).toMatch(/estimated at \$0\.0\d+/);
    expect(await world.db.select().from(agentRuns).where(eq(agentRuns.workspaceId, workspace.id))).toEqual([]);
  });

  it('degrades to local models when each call fits the budget but the whole run does not, and a local model can answer', async () => {
    const workspace = await world.workspace('paid_then_local');
    const unlimited = await start(workspace, 1);
    expect(unlimited).toMatchObject({ localOnly: false });
    await cancelRun(world.db, workspace.id, unlimited.id);
    const cap = Math.ceil(unlimited.estimateMicros * 0.75);
    await saveBudget(world.db, {
      workspaceId: workspace.id,
      actor,
      budget: { dailyLimitMicros: null, monthlyLimitMicros: cap, dailyRequestLimit: null, monthlyRequestLimit: null },
    });
    const started = await start(workspace, 1);
    expect(started).toMatchObject({ localOnly: true, estimateMicros: 0 });
    expect((await run(started.id)).state).toBe('succeeded');
    const view = await readRunView(world.db, workspace.id, started.id);
    expect(view.steps.slice(1).map((step) => [step.provider, step.costMicros])).toEqual([
      ['ollama', 0],
      ['ollama', 0],
    ]);
  });

  it('exhausted in the middle of a run: the run fails saying so, keeps what was done and paid, and resumes without paying it again', async () => {
    const workspace = await world.workspace('paid');
    await saveBudget(world.db, {
      workspaceId: workspace.id,
      actor,
      budget: {
        dailyLimitMicros: null,
        monthlyLimitMicros: 20_000,
        dailyRequestLimit: null,
        monthlyRequestLimit: null,
      },
    });
    const started = await start(workspace, 1);
    await run(started.id, async (request) => {
      // Other work uses the month's budget up while the run is between its two model calls.
      if (request.task === 'plan') await spendThisMonth(world.db, workspace.id, 19_990);
      return world.llm.gateway.generate(request);
    });
    const view = await readRunView(world.db, workspace.id, started.id);
    expect(view.state).toBe('failed');
    expect(view.error).toMatch(/budget/);
    expect(view.steps.map((step) => [step.key, step.state])).toEqual([
      ['facts', 'succeeded'],
      ['intelligence', 'succeeded'],
      ['strategy', 'failed'],
    ]);
    expect(view.costMicros).toBe(view.steps[1]?.costMicros);
    expect(view.costMicros).toBeGreaterThan(0);

    // The budget is raised and the run resumed: the intelligence call is read back, not paid again.
    await spendThisMonth(world.db, workspace.id, 0);
    world.openai.requests.length = 0;
    world.ollama.requests.length = 0;
    expect((await resumeRun(world.db, workspace.id, started.id)).state).toBe('queued');
    expect((await run(started.id)).state).toBe('succeeded');
    expect(callsTo(world, 'intelligence analyst')).toBe(0);
    expect(callsTo(world, 'content strategist')).toBe(1);
    const resumed = await readRunView(world.db, workspace.id, started.id);
    expect(resumed.steps.map((step) => [step.key, step.state, step.attempts])).toEqual([
      ['facts', 'succeeded', 1],
      ['intelligence', 'succeeded', 1],
      ['strategy', 'succeeded', 2],
    ]);
    expect(resumed.costMicros).toBe(resumed.steps.reduce((sum, step) => sum + step.costMicros, 0));
    await expect(resumeRun(world.db, workspace.id, started.id)).rejects.toMatchObject({ code: 'invalid_state' });
  });
});

describe('cancelling', () => {
  it('a queued run is cancelled at once and never asks a model', async () => {
    const workspace = await world.workspace('paid');
    const started = await start(workspace, 1);
    const cancelled = await cancelRun(world.db, workspace.id, started.id);
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelRequested: true });
    expect((await run(started.id)).state).toBe('skipped');
    expect((await readRunView(world.db, workspace.id, started.id)).steps).toEqual([]);
    await expect(cancelRun(world.db, workspace.id, started.id)).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('a running run stops before its next step', async () => {
    const workspace = await world.workspace('paid');
    const started = await start(workspace, 1);
    const result = await run(started.id, async (request) => {
      const answer = await world.llm.gateway.generate(request);
      if (request.task === 'analysis') await cancelRun(world.db, workspace.id, started.id);
      return answer;
    });
    expect(result.state).toBe('cancelled');
    const view = await readRunView(world.db, workspace.id, started.id);
    expect(view.steps.map((step) => step.key)).toEqual(['facts', 'intelligence']);
    expect(view.error).toBe('Cancelled on request.');
  });

  it("another workspace's run is not found", async () => {
    const mine = await world.workspace('paid');
    const other = await world.workspace('paid');
    const started = await start(mine, 1);
    await expect(readRunView(world.db, other.id, started.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(cancelRun(world.db, other.id, started.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
