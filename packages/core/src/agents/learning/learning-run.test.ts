import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentRuns } from '@plume/db/schema/agents';
import { auditEvents } from '@plume/db/schema/audit';
import { learningAdjustments } from '@plume/db/schema/learning';
import { recordedAgentAnswer } from '@plume/testing/fakes/llm/agent-answers';
import { defaultAnswer, type FakePrompt } from '@plume/testing/fakes/llm/llm-fake-server';
import { AppError } from '@plume/errors/app-error';
import { getWorkspaceStrategy } from '../../planning/strategy/strategy-store.ts';
import { clearModelCache } from '../../insights/account-models.ts';
import { agentProgram } from '../agent-program.ts';
import { applyRun } from '../apply-run.ts';
import { noCompetitors } from '../intelligence/competitor-source.ts';
import { executeRun } from '../runner.ts';
import { readRunView } from '../run-views.ts';
import { startAgentRun } from '../start-run.ts';
import { storedStrategy } from '../strategy/current-strategy-source.ts';
import { createAgentWorld, type AgentWorld } from '../test-support/agent-setup.ts';
import { ACTOR, seedLearningWorkspace, WEEK } from '../test-support/learning-fixture.ts';
import { storedAdjustments } from './adjustments-source.ts';
import { lastFullWeek } from './learning-input.ts';
import { queueLearningRuns } from './queue-learning-runs.ts';

let world: AgentWorld;

const VALID = {
  summary: 'Morning bakes did three times the usual; the evening team post and the offers did not land.',
  whatWorked: ['Sourdough at 09:00 on Tuesday: index 310.'],
  whatDidnt: ['Meet our baker at 21:00: index 60.', 'The weekend discount failed to publish.'],
  adjustments: {
    pillarShares: [
      { key: 'bakes', share: 58 },
      { key: 'team', share: 25 },
      { key: 'offers', share: 17 },
    ],
    preferHours: [9],
    avoidHours: [21],
    topicsToRepeat: ['sourdough'],
    topicsToAvoid: ['discounts'],
  },
  reasons: ['Bakes posts scored 260 on average against 60 for the team post.'],
};
/** A paid answer that breaks the rules beyond the schema: bakes moves 30 points in one week. */
const TOO_BIG = {
  ...VALID,
  adjustments: {
    ...VALID.adjustments,
    pillarShares: [
      { key: 'bakes', share: 80 },
      { key: 'team', share: 10 },
      { key: 'offers', share: 10 },
    ],
  },
};

/** The fakes answer the learning prompt from `queue` (first in, first out), anything else as recorded. */
function answerLearningWith(queue: object[]): void {
  world.openai.requests.length = 0;
  world.openai.answerWith((prompt: FakePrompt) => {
    if ((prompt.system ?? '').includes('learning analyst')) return JSON.stringify(queue.shift() ?? VALID);
    return recordedAgentAnswer(defaultAnswer)(prompt);
  });
}
const learningCalls = () =>
  world.openai.requests.filter((request) => JSON.stringify(request.body ?? '').includes('learning analyst')).length;

beforeAll(async () => {
  world = await createAgentWorld();
  clearModelCache();
});
afterAll(async () => {
  await world.close();
});

async function startLearning(workspace: { id: string; timezone: string }, week = WEEK) {
  const services = { competitors: noCompetitors, strategy: storedStrategy(world.db) };
  const run = await startAgentRun(
    { db: world.db, llm: world.llm, services },
    { workspace, userId: null, body: { kind: 'learning', week, months: 1 } },
  );
  const result = await executeRun({ db: world.db, gateway: world.llm.gateway }, run.id, agentProgram(services));
  return { run, result, view: await readRunView(world.db, workspace.id, run.id) };
}

describe('a learning run', () => {
  it('compares the week with its plan, asks again after a malformed answer, and applies its adjustments once', async () => {
    const workspace = await world.workspace('paid');
    await seedLearningWorkspace(world.db, workspace.id);
    answerLearningWith([TOO_BIG, VALID]);
    const { run, result, view } = await startLearning(workspace);
    expect(run.estimateMicros).toBeGreaterThan(0);
    expect(result.state).toBe('succeeded');
    expect(learningCalls()).toBe(2);
    expect(view.steps.map((step) => [step.key, step.state])).toEqual([
      ['results', 'succeeded'],
      ['retrospective', 'succeeded'],
      ['retrospective:retry', 'succeeded'],
    ]);
    expect(view.steps[1]?.error).toMatch(/bakes moves \+30 points; at most 10 a week/);

    const results = view.output?.learning?.results;
    expect(results).toMatchObject({ week: WEEK, planned: 5, published: 4, unplanned: 1, measured: 4 });
    expect(results?.pillars).toEqual([
      {
        key: 'bakes',
        name: 'Daily bakes',
        strategyShare: 50,
        plannedShare: 40,
        actualShare: 67,
        published: 2,
        index: 260,
      },
      {
        key: 'team',
        name: 'Behind the counter',
        strategyShare: 30,
        plannedShare: 40,
        actualShare: 33,
        published: 1,
        index: 60,
      },
      { key: 'offers', name: 'Offers', strategyShare: 20, plannedShare: 20, actualShare: 0, published: 0, index: null },
    ]);
    expect(results?.posts.map((post) => [post.slot, post.index, post.pillar])).toEqual([
      ['Tue 09:00', 310, 'bakes'],
      ['Wed 09:00', 210, 'bakes'],
      ['Fri 16:00', 100, null],
      ['Thu 21:00', 60, 'team'],
    ]);
    expect(results?.goodSlots.map((slot) => slot.slot)).toContain('Tue 09:00');
    expect(results?.badSlots.map((slot) => slot.slot)).toContain('Thu 21:00');
    expect(results?.missed.map((item) => [item.what, item.topic, item.reason])).toEqual([
      ['failed', 'Weekend discount', 'The server answered 503 three times'],
      ['replaced', 'Gift cards', 'Too salesy for the week before Advent'],
      ['not_scheduled', 'Shop dog', 'Never drafted.'],
    ]);
    expect(results?.kpis.map((kpi) => [kpi.key, kpi.target, kpi.week === null])).toEqual([
      ['engagement_rate', 4, false],
      ['reach', 5000, true],
    ]);
    expect(view.output?.learning?.retrospective?.adjustments.preferHours).toEqual([9]);

    const applied = await applyRun(world.db, { workspaceId: workspace.id, runId: run.id, actor: ACTOR, userId: null });
    expect(applied.learning?.pillars).toEqual([
      { key: 'bakes', before: 50, after: 58 },
      { key: 'team', before: 30, after: 25 },
      { key: 'offers', before: 20, after: 17 },
    ]);
    const strategy = await getWorkspaceStrategy(world.db, workspace.id);
    expect(strategy?.pillars.map((pillar) => pillar.share)).toEqual([58, 25, 17]);
    const adjustments = await storedAdjustments(world.db).current(workspace.id);
    expect(adjustments).toMatchObject({ week: WEEK, preferHours: [9], topicsToAvoid: ['discounts'] });
    const audit = await world.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id));
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(['learning.adjustments_applied', 'strategy.learning_applied', 'agent_run.applied']),
    );
    expect((await readRunView(world.db, workspace.id, run.id)).appliedAt).not.toBeNull();

    const again = applyRun(world.db, { workspaceId: workspace.id, runId: run.id, actor: ACTOR, userId: null });
    await expect(again).rejects.toMatchObject({ code: 'conflict' });
    const other = await world.workspace('paid');
    const elsewhere = applyRun(world.db, { workspaceId: other.id, runId: run.id, actor: ACTOR, userId: null });
    await expect(elsewhere).rejects.toBeInstanceOf(AppError);
    await expect(elsewhere).rejects.toMatchObject({ code: 'not_found' });
  });

  it('fails after two malformed answers, paying for both and applying nothing', async () => {
    const workspace = await world.workspace('paid');
    await seedLearningWorkspace(world.db, workspace.id);
    answerLearningWith([TOO_BIG, { ...VALID, adjustments: { preferHours: [9], avoidHours: [9] } }]);
    const { run, result, view } = await startLearning(workspace);
    expect(result.state).toBe('failed');
    expect(view.error).toMatch(/retrospective was not usable twice.*Hour 9 is both preferred and avoided/);
    expect(view.steps.every((step) => step.costMicros > 0 || step.key === 'results')).toBe(true);
    const refused = applyRun(world.db, { workspaceId: workspace.id, runId: run.id, actor: ACTOR, userId: null });
    await expect(refused).rejects.toMatchObject({ code: 'conflict' });
    const rows = await world.db
      .select()
      .from(learningAdjustments)
      .where(eq(learningAdjustments.workspaceId, workspace.id));
    expect(rows).toEqual([]);
  });

  it('ends after its results, with no model call, when nothing was published that week', async () => {
    const workspace = await world.workspace('paid');
    await seedLearningWorkspace(world.db, workspace.id, { withWeek: false });
    answerLearningWith([]);
    const { run, result, view } = await startLearning(workspace);
    expect(result.state).toBe('succeeded');
    expect(run.estimateMicros).toBe(0);
    expect([view.plannedSteps, view.doneSteps]).toEqual([1, 1]);
    expect(learningCalls()).toBe(0);
    expect(view.output?.learning).toMatchObject({ results: { published: 0, planned: 0 }, retrospective: null });
    const refused = applyRun(world.db, { workspaceId: workspace.id, runId: run.id, actor: ACTOR, userId: null });
    await expect(refused).rejects.toThrow(/Nothing was published that week/);
  });

  it('defaults to the last full week in the zone and refuses a week not over yet', async () => {
    // Monday 00:30 in Paris is still Sunday in UTC: the week that just ended is the one before.
    expect(lastFullWeek('Europe/Paris', new Date('2026-12-06T23:30:00Z'))).toBe('2026-11-30');
    expect(lastFullWeek('UTC', new Date('2026-12-06T23:30:00Z'))).toBe('2026-11-23');
    const workspace = await world.workspace('paid');
    const future = startLearning(workspace, lastFullWeek('Europe/Paris', new Date(Date.now() + 14 * 86_400_000)));
    await expect(future).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('the weekly learning cron', () => {
  it('queues one learning run of last week per workspace with an active plan, however often it runs', async () => {
    const active = await world.workspace('paid');
    await seedLearningWorkspace(world.db, active.id);
    const idle = await world.workspace('paid');
    const services = { competitors: noCompetitors, strategy: storedStrategy(world.db) };
    const deps = { db: world.db, llm: world.llm, services };
    const monday = new Date('2026-11-30T12:00:00Z');
    const first = await queueLearningRuns(deps, monday);
    expect(first.queued).toBeGreaterThanOrEqual(1);
    const second = await queueLearningRuns(deps, monday);
    expect(second.queued).toBe(0);
    const runsOf = (workspaceId: string) =>
      world.db.select().from(agentRuns).where(eq(agentRuns.workspaceId, workspaceId));
    const runs = await runsOf(active.id);
    expect(runs.map((run) => [run.kind, (run.input as { week?: string }).week, run.requestedBy])).toEqual([
      ['learning', WEEK, null],
    ]);
    expect(await runsOf(idle.id)).toEqual([]);
    const off = await queueLearningRuns(
      { ...deps, autopilotOff: () => Promise.resolve(true) },
      new Date('2026-12-07T12:00:00Z'),
    );
    expect(off.queued).toBe(0);
    expect(off.off).toBeGreaterThanOrEqual(1);
  });
});
