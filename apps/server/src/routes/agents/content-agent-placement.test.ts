/**
 * The Content agent drafts a week before it is placed: "Place the week" then gives those drafted briefs
 * (no slot yet) their hour, their draft posts move with them, and the plan checks judge the week. A brief
 * placed before it was drafted keeps its slot (placing again moves nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { agentProgram } from '@plume/core/agents/agent-program';
import { noCompetitors } from '@plume/core/agents/intelligence/competitor-source';
import { executeRun } from '@plume/core/agents/runner';
import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import type { PlanDetail } from '@plume/contract/planning/plan-schemas';
import { planBriefs } from '@plume/db/schema/planning';
import { posts } from '@plume/db/schema/publishing';
import { scriptContentModel } from '../content/content-fake-model.ts';
import { setUpStudio, type StudioFixture } from '../content/content-studio-fixture.ts';
import { saveCoffeeStrategy } from './coffee-strategy.ts';

let s: StudioFixture;
const year = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  s = await setUpStudio('ContentPlacement', ['mastodon', 'bluesky']);
  scriptContentModel(s.fake);
  await saveCoffeeStrategy(s, [
    { key: 'tips', name: 'Brewing tips', share: 60, description: 'How to brew' },
    { key: 'beans', name: 'Our beans', share: 40, description: 'The roasts' },
  ]);
});
afterAll(() => s.close());

const plans = () => `/api/v1/workspaces/${s.workspace.id}/plans`;
const post = (url: string, payload?: object) =>
  s.t.app.inject({ method: 'POST', url, headers: s.editor.headers, ...(payload ? { payload } : {}) });

describe('placing a week the Content agent drafted', () => {
  it('gives each drafted brief an hour, moves its draft post there, and the checks pass', async () => {
    const created = await post(plans(), { month: `${year}-05` });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json<PlanDetail>();
    const week = plan.weeks[2]!;
    const started = await post(`/api/v1/workspaces/${s.workspace.id}/agent-runs`, {
      kind: 'content',
      planId: plan.id,
      weeks: [week],
    });
    expect(started.statusCode, started.body).toBe(201);
    const program = agentProgram({ competitors: noCompetitors, content: { runtime: s.t.context.publishing.runtime } });
    const gateway = { generate: s.t.context.llm.gateway.generate.bind(s.t.context.llm.gateway) };
    expect(await executeRun({ db: s.t.db, gateway }, started.json<WireAgentRun>().id, program)).toMatchObject({
      state: 'succeeded',
    });
    const drafted = await s.t.db.select().from(planBriefs).where(eq(planBriefs.planId, plan.id));
    expect(drafted).toHaveLength(5);
    expect(drafted.every((brief) => brief.state === 'drafted' && brief.slot === null)).toBe(true);

    const placed = await post(`${plans()}/${plan.id}/weeks/${week}/place`);
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json<{ placed: unknown[]; unplaced: unknown[] }>()).toMatchObject({ unplaced: [] });
    const briefs = await s.t.db.select().from(planBriefs).where(eq(planBriefs.planId, plan.id));
    expect(briefs.every((brief) => brief.slot !== null && brief.state === 'drafted')).toBe(true);
    const rows = await s.t.db
      .select({ id: posts.id, scheduledAt: posts.scheduledAt, state: posts.state })
      .from(posts)
      .where(
        inArray(
          posts.id,
          briefs.map((brief) => brief.postId!),
        ),
      );
    for (const brief of briefs) {
      const row = rows.find((item) => item.id === brief.postId);
      expect(row?.state).toBe('draft');
      expect(row?.scheduledAt?.toISOString()).toBe(brief.slot?.toISOString());
    }
    const checks = await s.t.app.inject({
      method: 'GET',
      url: `${plans()}/${plan.id}/checks`,
      headers: s.viewer.headers,
    });
    expect(checks.statusCode, checks.body).toBe(200);
    const slotChecks = ['quiet_hours', 'cadence', 'daily_cap', 'min_gap', 'text_limit'];
    const violations = checks.json<{ violations: Array<{ check: string }> }>().violations;
    expect(violations.filter((violation) => slotChecks.includes(violation.check))).toEqual([]);

    // Placing again: every brief has its slot, nothing moves.
    const again = await post(`${plans()}/${plan.id}/weeks/${week}/place`);
    expect(again.json<{ placed: unknown[] }>().placed).toEqual([]);
  });
});
