import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@plume/db/schema/audit';
import { plans } from '@plume/db/schema/planning';
import { getWorkspaceStrategy, putWorkspaceStrategy } from '../../planning/strategy/strategy-store.ts';
import { agentProgram } from '../agent-program.ts';
import { applyRun } from '../apply-run.ts';
import { noCompetitors } from '../intelligence/competitor-source.ts';
import { executeRun } from '../runner.ts';
import { readRunView } from '../run-views.ts';
import { startAgentRun } from '../start-run.ts';
import { createAgentWorld, type AgentWorld } from '../test-support/agent-setup.ts';
import { ACTOR, STRATEGY } from '../test-support/learning-fixture.ts';
import { storedStrategy } from './current-strategy-source.ts';
import { mergeKpiTargets, themesForWeeks, wholeShares } from './apply-proposal.ts';

let world: AgentWorld;

beforeAll(async () => {
  world = await createAgentWorld();
});
afterAll(async () => {
  await world.close();
});

async function strategyRun(
  workspace: { id: string; timezone: string },
  kind: 'intelligence' | 'intelligence_strategy',
) {
  const services = { competitors: noCompetitors, strategy: storedStrategy(world.db) };
  const run = await startAgentRun(
    { db: world.db, llm: world.llm, services },
    { workspace, userId: null, body: { kind, startMonth: '2027-01', months: 2 } },
  );
  await executeRun({ db: world.db, gateway: world.llm.gateway }, run.id, agentProgram(services));
  return run.id;
}

describe('applying a strategy proposal', () => {
  it('writes the shares and KPI targets into the strategy and the themes into each month’s plan, once', async () => {
    const workspace = await world.workspace('paid');
    await putWorkspaceStrategy(world.db, { workspaceId: workspace.id, actor: ACTOR, strategy: STRATEGY });
    const [february] = await world.db
      .insert(plans)
      .values({ workspaceId: workspace.id, month: '2027-02', themes: [{ week: '2027-02-01', theme: 'Old' }] })
      .returning();
    const runId = await strategyRun(workspace, 'intelligence_strategy');

    const applied = await applyRun(world.db, { workspaceId: workspace.id, runId, actor: ACTOR, userId: null });
    // The recorded answer splits three pillars 34 / 33 / 33.
    expect(applied.strategy?.pillars).toEqual([
      { key: 'bakes', before: 50, after: 34 },
      { key: 'team', before: 30, after: 33 },
      { key: 'offers', before: 20, after: 33 },
    ]);
    const strategy = await getWorkspaceStrategy(world.db, workspace.id);
    expect(strategy?.pillars.map((pillar) => pillar.share)).toEqual([34, 33, 33]);
    expect(strategy?.kpiTargets).toEqual([
      { key: 'engagement_rate', name: 'Engagement rate', unit: 'percent', target: 4.5 },
      { key: 'reach', name: 'Reach', unit: 'count', target: 5000 },
      { key: 'new_followers', name: 'New followers', unit: 'count', target: 120 },
    ]);
    expect(applied.strategy?.plans).toEqual([
      { id: expect.any(String), month: '2027-01', created: true },
      { id: february?.id, month: '2027-02', created: false },
    ]);
    const [january] = await world.db
      .select()
      .from(plans)
      .where(and(eq(plans.workspaceId, workspace.id), eq(plans.month, '2027-01')));
    expect(january?.themes.map((theme) => theme.week)).toEqual([
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
      '2027-01-18',
      '2027-01-25',
    ]);
    expect(new Set(january?.themes.map((theme) => theme.theme))).toEqual(
      new Set(['Behind the counter, part 1', 'Seasonal favourites']),
    );
    const [feb] = await world.db
      .select()
      .from(plans)
      .where(eq(plans.id, february?.id ?? ''));
    expect(feb?.themes[0]).toEqual({ week: '2027-02-01', theme: 'Behind the counter, part 2' });
    const audit = await world.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id));
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(['strategy.proposal_applied', 'agent_run.applied']),
    );

    const again = applyRun(world.db, { workspaceId: workspace.id, runId, actor: ACTOR, userId: null });
    await expect(again).rejects.toThrow(/applied already/);
    const other = await world.workspace('paid');
    const elsewhere = applyRun(world.db, { workspaceId: other.id, runId, actor: ACTOR, userId: null });
    await expect(elsewhere).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a run without a proposal and a workspace without a strategy, changing nothing', async () => {
    const workspace = await world.workspace('paid');
    await putWorkspaceStrategy(world.db, { workspaceId: workspace.id, actor: ACTOR, strategy: STRATEGY });
    const reading = await strategyRun(workspace, 'intelligence');
    await expect(
      applyRun(world.db, { workspaceId: workspace.id, runId: reading, actor: ACTOR, userId: null }),
    ).rejects.toThrow(/Only a strategy run or a learning run/);

    const bare = await world.workspace('paid');
    const services = { competitors: noCompetitors };
    const run = await startAgentRun(
      { db: world.db, llm: world.llm, services },
      {
        workspace: bare,
        userId: null,
        body: { kind: 'intelligence_strategy', months: 1, pillars: [{ key: 'bakes', name: 'Bakes', share: 100 }] },
      },
    );
    await executeRun({ db: world.db, gateway: world.llm.gateway }, run.id, agentProgram(services));
    await expect(
      applyRun(world.db, { workspaceId: bare.id, runId: run.id, actor: ACTOR, userId: null }),
    ).rejects.toThrow(/no strategy yet/);
    expect(await world.db.select().from(plans).where(eq(plans.workspaceId, bare.id))).toEqual([]);
    // The refusal rolled back: the run can be applied once a strategy exists.
    expect((await readRunView(world.db, bare.id, run.id)).appliedAt).toBeNull();
  });
});

describe('the pieces of applying', () => {
  it('rounds shares to whole numbers adding up to 100', () => {
    expect(wholeShares([33.4, 33.3, 33.3])).toEqual([34, 33, 33]);
    expect(wholeShares([50.5, 49.5])).toEqual([51, 49]);
    expect(wholeShares([0, 0])).toEqual([100, 0]);
    expect(wholeShares([10, 10, 10]).reduce((sum, share) => sum + share, 0)).toBe(100);
  });

  it('matches KPIs by key or name and adds new ones with a unit read from words', () => {
    const merged = mergeKpiTargets(
      [{ key: 'reach', name: 'Reach', unit: 'count', target: null }],
      [
        { kpi: 'REACH', target: 900, unit: 'people', reason: 'r' },
        { kpi: 'Posts a week', target: 5, unit: 'per week', reason: 'r' },
        { kpi: '2x clicks', target: -3, unit: '%', reason: 'r' },
      ],
    );
    expect(merged).toEqual([
      { key: 'reach', name: 'Reach', unit: 'count', target: 900 },
      { key: 'posts_a_week', name: 'Posts a week', unit: 'per_week', target: 5 },
      { key: 'k_2x_clicks', name: '2x clicks', unit: 'percent', target: 0 },
    ]);
  });

  it('spreads themes over the weeks of the month in order', () => {
    expect(themesForWeeks('2027-03', ['A', 'B']).map((item) => item.theme)).toEqual(['A', 'A', 'A', 'B', 'B']);
  });
});
