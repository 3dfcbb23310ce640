/**
 * The Content agent end to end on the app: started over HTTP (checked, estimated), run by the runner
 * against the app's gateway and the fake model with recorded answers: a malformed week of briefs asked
 * again once, briefs with their visual brief on the board, drafts through the content studio; then a
 * budget used up in the middle (the gateway refuses the next call), the run failed with the steps done
 * kept, and Resume finishing it without asking any finished call again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { agentProgram } from '@plume/core/agents/agent-program';
import { noCompetitors } from '@plume/core/agents/intelligence/competitor-source';
import { handOverToAutopilot } from '@plume/core/agents/content/hand-over';
import { planMonthWithAgent } from '@plume/core/agents/content/plan-month';
import { executeRun } from '@plume/core/agents/runner';
import { saveBudget } from '@plume/core/llm/manage-llm-settings';
import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import type { PlanDetail } from '@plume/contract/planning/plan-schemas';
import { planBriefs } from '@plume/db/schema/planning';
import type { GenerateRequest } from '@plume/llm/gateway/gateway';
import { contentAnswerFor } from '@plume/testing/fakes/llm/content-agent-answers';
import type { TestUser } from '../../test-support/factories.ts';
import { scriptContentModel, type ContentScript } from '../content/content-fake-model.ts';
import { setUpStudio, type StudioFixture } from '../content/content-studio-fixture.ts';
import { saveCoffeeStrategy } from './coffee-strategy.ts';

let s: StudioFixture;
let script: ContentScript;
const year = new Date().getUTCFullYear() + 1;
const planner = () =>
  s.fake.requests.filter((request) => JSON.stringify(request.body ?? '').includes('content planner'));
const studio = () =>
  s.fake.requests.filter((request) => JSON.stringify(request.body ?? '').includes('You write social media posts'));

beforeAll(async () => {
  s = await setUpStudio('ContentAgent', ['mastodon', 'bluesky']);
  script = scriptContentModel(s.fake);
  await saveCoffeeStrategy(s, [
    { key: 'tips', name: 'Brewing tips', share: 50, description: 'How to brew' },
    { key: 'beans', name: 'Our beans', share: 30, description: 'The roasts' },
    { key: 'team', name: 'The team', share: 20, description: 'Behind the counter' },
  ]);
});
afterAll(() => s.close());

const runs = () => `/api/v1/workspaces/${s.workspace.id}/agent-runs`;
const call = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: object) =>
  s.t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

async function newPlan(month: string): Promise<PlanDetail> {
  const created = await call(s.editor, 'POST', `/api/v1/workspaces/${s.workspace.id}/plans`, { month });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<PlanDetail>();
}

async function start(body: object): Promise<WireAgentRun> {
  const started = await call(s.editor, 'POST', runs(), { kind: 'content', ...body });
  expect(started.statusCode, started.body).toBe(201);
  return started.json<WireAgentRun>();
}

type Generate = (request: GenerateRequest) => ReturnType<StudioFixture['t']['context']['llm']['gateway']['generate']>;
const program = () =>
  agentProgram({
    competitors: noCompetitors,
    content: { runtime: s.t.context.publishing.runtime },
    execution: { runtime: s.t.context.publishing.runtime },
  });
const run = (runId: string, generate: Generate = (request) => s.t.context.llm.gateway.generate(request)) =>
  executeRun({ db: s.t.db, gateway: { generate } }, runId, program());

async function readRun(runId: string): Promise<WireAgentRun> {
  const read = await call(s.viewer, 'GET', `${runs()}/${runId}`);
  expect(read.statusCode, read.body).toBe(200);
  return read.json<WireAgentRun>();
}

describe('starting a content run', () => {
  it('answers 400 at the field, 404 for another workspace’s plan, and 403 for a viewer', async () => {
    const plan = await newPlan(`${year}-02`);
    const missing = await call(s.editor, 'POST', runs(), { kind: 'content' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('planId');
    const wrongWeek = await call(s.editor, 'POST', runs(), {
      kind: 'content',
      planId: plan.id,
      weeks: [`${year}-06-01`],
    });
    expect(wrongWeek.statusCode, wrongWeek.body).toBe(400);
    expect(wrongWeek.body).toContain('weeks/0');
    const noAccount = await call(s.editor, 'POST', runs(), { kind: 'content', planId: plan.id, networks: ['x'] });
    expect(noAccount.statusCode, noAccount.body).toBe(400);
    expect(noAccount.body).toContain('networks/0');
    const other = await call(s.outsider, 'POST', `/api/v1/workspaces/${s.otherWorkspace.id}/agent-runs`, {
      kind: 'content',
      planId: plan.id,
    });
    expect(other.statusCode, other.body).toBe(404);
    const viewer = await call(s.viewer, 'POST', runs(), { kind: 'content', planId: plan.id });
    expect(viewer.statusCode).toBe(403);
    const notContent = await call(s.editor, 'POST', runs(), { kind: 'intelligence', planId: plan.id });
    expect(notContent.statusCode).toBe(400);
  });
});

describe('a content run', () => {
  it('writes a week of briefs (a malformed answer asked again once), their drafts, and shows them on the board', async () => {
    const plan = await newPlan(`${year}-03`);
    const week = plan.weeks[2]!;
    let bad = 1;
    script.planner = (user) =>
      bad-- > 0 ? '{"briefs": [{"day": "someday"}]}' : JSON.stringify(contentAnswerFor(user));
    const started = await start({ planId: plan.id, weeks: [week] });
    // context + briefs + store + 5 drafts (mastodon 3, bluesky 2).
    expect(started).toMatchObject({ kind: 'content', state: 'queued', plannedSteps: 8 });
    const before = planner().length;
    expect(await run(started.id)).toMatchObject({ state: 'succeeded' });
    expect(planner().length - before, 'the bad answer and its retry').toBe(2);

    const view = await readRun(started.id);
    expect(view.steps.map((step) => step.key.replace(/[0-9a-f-]{36}$/, 'ID'))).toEqual([
      'context',
      `briefs:${week}`,
      `briefs:${week}:retry`,
      `store:${week}`,
      ...Array<string>(5).fill('draft:ID'),
    ]);
    expect(view.steps[1]?.error).toContain('Answer not usable');
    expect(view.output?.content).toMatchObject({
      planId: plan.id,
      weeks: [{ week, briefs: 5 }],
      drafted: 5,
      failed: [],
    });
    const drafts = view.steps.filter((step) => step.key.startsWith('draft:'));
    for (const step of drafts) expect(step).toMatchObject({ state: 'succeeded', provider: 'ollama' });
    expect(drafts.every((step) => step.promptTokens > 0 && step.completionTokens > 0)).toBe(true);

    const board = (
      await call(s.viewer, 'GET', `/api/v1/workspaces/${s.workspace.id}/plans/${plan.id}`)
    ).json<PlanDetail>();
    expect(board.briefs).toHaveLength(5);
    expect(board.briefs.filter((brief) => brief.network === 'mastodon')).toHaveLength(3);
    for (const brief of board.briefs) {
      expect(brief).toMatchObject({ state: 'drafted', agentRunId: started.id });
      expect(brief.visualBrief).toMatch(/photo/);
      expect(brief.postText).toBeTruthy();
      expect(['tips', 'beans', 'team']).toContain(brief.pillar);
    }
    // Run again: a finished run is skipped, nothing asked, no brief written twice.
    expect((await run(started.id)).state).toBe('skipped');
    const rows = await s.t.db.select().from(planBriefs).where(eq(planBriefs.agentRunId, started.id));
    expect(rows).toHaveLength(5);
  });

  it('fails clearly when the budget runs out mid-run, keeps the steps done, and Resume pays for nothing twice', async () => {
    const plan = await newPlan(`${year}-04`);
    const weeks = plan.weeks.slice(1, 3);
    script.planner = (user) => JSON.stringify(contentAnswerFor(user));
    const started = await start({ planId: plan.id, weeks });
    const plannerBefore = planner().length;
    const studioBefore = studio().length;
    // Other work uses up the month's requests after the run's third draft.
    let drafts = 0;
    const outcome = await run(started.id, async (request) => {
      if (request.task === 'caption' && ++drafts === 4)
        await saveBudget(s.t.db, {
          workspaceId: s.workspace.id,
          actor: { type: 'system', id: null, name: 'test' },
          budget: { monthlyRequestLimit: 1, dailyRequestLimit: null, monthlyLimitMicros: null, dailyLimitMicros: null },
        });
      return s.t.context.llm.gateway.generate(request);
    });
    expect(outcome.state).toBe('failed');
    const failed = await readRun(started.id);
    expect(failed.error).toMatch(/limit of 1 model requests/);
    const done = failed.steps.filter((step) => step.state === 'succeeded').map((step) => step.key);
    expect(done.filter((key) => key.startsWith('draft:'))).toHaveLength(3);
    expect(done).toContain(`store:${weeks[1]}`);

    await saveBudget(s.t.db, {
      workspaceId: s.workspace.id,
      actor: { type: 'system', id: null, name: 'test' },
      budget: { monthlyRequestLimit: null, dailyRequestLimit: null, monthlyLimitMicros: null, dailyLimitMicros: null },
    });
    const resumed = await call(s.editor, 'POST', `${runs()}/${started.id}/resume`);
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect((await run(started.id)).state).toBe('succeeded');
    const finished = await readRun(started.id);
    expect(planner().length - plannerBefore, 'one briefs call per week, never again').toBe(2);
    expect(studio().length - studioBefore, 'one content-studio call per brief').toBe(10);
    expect(finished.output?.content?.drafted).toBe(10);
    const rows = await s.t.db
      .select()
      .from(planBriefs)
      .where(and(eq(planBriefs.planId, plan.id), eq(planBriefs.state, 'drafted')));
    expect(rows).toHaveLength(10);
  });

  it('runs in process for benchmarks and scripts (planMonthWithAgent)', async () => {
    const plan = await newPlan(`${year}-05`);
    script.planner = (user) => JSON.stringify(contentAnswerFor(user));
    const view = await planMonthWithAgent(
      { db: s.t.db, llm: s.t.context.llm, runtime: s.t.context.publishing.runtime },
      {
        workspace: { id: s.workspace.id, timezone: 'UTC' },
        planId: plan.id,
        userId: s.editor.id,
        weeks: [plan.weeks[1]!],
      },
    );
    expect(view).toMatchObject({ state: 'succeeded', kind: 'content' });
    expect(view.output?.content).toMatchObject({ drafted: 5, failed: [] });
  });

  it('hands a finished run to the autopilot: an Execution run places its drafts', async () => {
    const plan = await newPlan(`${year}-06`);
    script.planner = (user) => JSON.stringify(contentAnswerFor(user));
    const view = await planMonthWithAgent(
      { db: s.t.db, llm: s.t.context.llm, runtime: s.t.context.publishing.runtime },
      {
        workspace: { id: s.workspace.id, timezone: 'UTC' },
        planId: plan.id,
        userId: s.editor.id,
        weeks: [plan.weeks[1]!],
      },
    );
    const unplaced = await s.t.db.select().from(planBriefs).where(eq(planBriefs.planId, plan.id));
    expect(unplaced.map((brief) => [brief.state, brief.slot])).toEqual(unplaced.map(() => ['drafted', null]));

    const executionId = await handOverToAutopilot(s.t.db, view.id);
    expect(executionId).not.toBeNull();
    expect(await run(executionId!)).toMatchObject({ state: 'succeeded' });
    const placed = await s.t.db.select().from(planBriefs).where(eq(planBriefs.planId, plan.id));
    expect(placed).toHaveLength(5);
    expect(placed.filter((brief) => brief.slot === null)).toEqual([]);
    // Only a Content run hands over: the Execution run starts nothing more.
    expect(await handOverToAutopilot(s.t.db, executionId!)).toBeNull();
  });
});
