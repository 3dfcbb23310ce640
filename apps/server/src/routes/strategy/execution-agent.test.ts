import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { agentProgram } from '@plume/core/agents/agent-program';
import { noCompetitors } from '@plume/core/agents/intelligence/competitor-source';
import { executeRun } from '@plume/core/agents/runner';
import { clearModelCache } from '@plume/core/insights/account-models';
import { putApprovalSettings } from '@plume/core/posts/approval-settings';
import type { PlanDetail } from '@plume/contract/planning/plan-schemas';
import { agentRunSteps, agentRuns } from '@plume/db/schema/agents';
import { measuredPosts } from '@plume/db/schema/analytics';
import { posts } from '@plume/db/schema/publishing';
import { setUpAutopilot, type AutopilotWorld } from './test-support/autopilot-world.ts';

let w: AutopilotWorld;

beforeAll(async () => {
  w = await setUpAutopilot('Execution');
  await w.saveStrategy();
});
afterAll(() => w.close());

/** 30 measured posts on the account, the ones at 15:00 UTC doing five times better than the rest. */
async function seedHistory(accountId: string) {
  const now = Date.now();
  await w.t.db.insert(measuredPosts).values(
    Array.from({ length: 30 }, (_, i) => {
      const at = new Date(now - (3 + i) * 86_400_000);
      at.setUTCHours(i % 2 === 0 ? 15 : 9, 0, 0, 0);
      return {
        workspaceId: w.workspace.id,
        accountId,
        network: 'mastodon' as const,
        remoteId: `history-${i}`,
        source: 'backfill' as const,
        publishedAt: at,
        text: `History post ${i}`,
        engagements: i % 2 === 0 ? 100 + (i % 7) : 20 + (i % 5),
      };
    }),
  );
  clearModelCache();
}

describe('the Execution agent', () => {
  it("places with the account's learned best times when it has the history, else with the network's prior", async () => {
    await seedHistory(w.accounts['mastodon']!);
    const { plan } = await w.week(
      [
        { day: 1, network: 'mastodon', pillar: 'tips' },
        { day: 1, network: 'x', pillar: 'tips' },
      ],
      { draft: false },
    );
    const board = (await w.call(w.viewer, 'GET', w.ws(`/plans/${plan.id}`))).json<PlanDetail>();
    const mastodon = board.briefs.find((brief) => brief.network === 'mastodon')!;
    const x = board.briefs.find((brief) => brief.network === 'x')!;
    expect(mastodon.placementReason).toMatch(/learned from its 30 measured posts, \d+ % its own history/);
    // The learned hour is 15:00 UTC, where the history did best.
    expect(new Date(mastodon.slot!).getUTCHours()).toBe(15);
    expect(x.placementReason).toContain("the network's public prior: 0 measured posts, 10 needed to learn");
  });

  it('applies the strategy rules and a natural cadence, and says so in the reason', async () => {
    await w.saveStrategy({
      postsPerDayPerAccount: 1,
      quietHours: { from: '20:00', to: '12:00' },
      minGapMinutes: 60,
      naturalCadenceMinutes: 10,
    });
    try {
      const { plan } = await w.week(
        [
          { day: 2, network: 'x', pillar: 'tips' },
          { day: 2, network: 'x', pillar: 'product' },
        ],
        { draft: false },
      );
      const board = (await w.call(w.viewer, 'GET', w.ws(`/plans/${plan.id}`))).json<PlanDetail>();
      const [placed, refused] = [
        board.briefs.find((b) => b.slot !== null)!,
        board.briefs.find((b) => b.slot === null)!,
      ];
      expect(refused.placementReason).toContain('daily cap (1 post a day per account)');
      const hour = Number(placed.slotLocal?.slice(11, 13));
      const minute = Number(placed.slotLocal?.slice(14, 16));
      expect(hour >= 11 && hour < 20).toBe(true);
      if (minute === 0) expect(placed.placementReason).not.toContain('natural cadence');
      else expect(placed.placementReason).toMatch(/Moved [+−]\d+ min natural cadence\./);
    } finally {
      await w.saveStrategy();
    }
  });

  it('places and submits a week as a run with stored steps, and reports what it did and did not', async () => {
    const { plan, week } = await w.week(
      [
        { day: 0, network: 'mastodon', pillar: 'tips' },
        { day: 1, network: 'mastodon', pillar: 'product' },
      ],
      { place: false, draft: false },
    );
    const first = await w.execute(plan.id, [week]);
    expect(first.state).toBe('succeeded');
    expect(first.steps.map((step) => [step.key, step.state, step.model, step.costMicros])).toEqual([
      [`week:${week}`, 'succeeded', null, 0],
    ]);
    const placedWeek = first.output?.execution?.weeks[0];
    expect(placedWeek).toMatchObject({ week, level: 'draft', submitted: [], stopped: null });
    expect(placedWeek?.placed).toHaveLength(2);

    // Drafts written, a second run submits them for approval (never approves them).
    const { generatePlanWeekJob } = await import('@plume/core/jobs/plan-jobs');
    const deps = { db: w.t.db, runtime: w.t.context.publishing.runtime, gateway: w.t.context.llm.gateway };
    const actor = { userId: w.editor.id, name: w.editor.name, role: 'editor' as const, kind: 'user' as const };
    await generatePlanWeekJob.run(deps, { planId: plan.id, workspaceId: w.workspace.id, week, actor });
    const second = await w.execute(plan.id, [week]);
    const submitted = second.output?.execution?.weeks[0]?.submitted ?? [];
    expect(submitted).toHaveLength(2);
    expect(submitted[0]?.message).toBe('Sent for review: an admin of the workspace must approve it.');
    for (const item of submitted) {
      const [post] = await w.t.db.select({ state: posts.state }).from(posts).where(eq(posts.id, item.postId));
      expect(post?.state).toBe('in_review');
    }
    expect((await w.audit('autopilot.submitted')).length).toBeGreaterThanOrEqual(2);

    // Resumed (the job run again): the week's step is read back, not redone.
    const placedBefore = (await w.audit('autopilot.placed')).length;
    await w.t.db.update(agentRuns).set({ state: 'queued', finishedAt: null }).where(eq(agentRuns.id, second.id));
    const program = agentProgram({
      competitors: noCompetitors,
      execution: { runtime: w.t.context.publishing.runtime },
    });
    expect((await executeRun({ db: w.t.db, gateway: w.t.context.llm.gateway }, second.id, program)).state).toBe(
      'succeeded',
    );
    const steps = await w.t.db.select().from(agentRunSteps).where(eq(agentRunSteps.runId, second.id));
    expect(steps.map((step) => step.attempts)).toEqual([1]);
    expect((await w.audit('autopilot.placed')).length).toBe(placedBefore);
  });

  it('submits nothing where the workspace needs no approval (a submit would schedule it)', async () => {
    await putApprovalSettings(w.t.db, w.workspace.id, { approvalMode: 'none', approverIds: [] });
    try {
      const { plan, week } = await w.week([{ day: 4, network: 'mastodon', pillar: 'tips' }]);
      const run = await w.execute(plan.id, [week]);
      const result = run.output?.execution?.weeks[0];
      expect(result?.submitted).toEqual([]);
      expect(result?.notSubmitted[0]?.message).toContain('this workspace needs no approval');
      const board = (await w.call(w.viewer, 'GET', w.ws(`/plans/${plan.id}`))).json<PlanDetail>();
      expect(board.briefs[0]?.postState).toBe('draft');
    } finally {
      await putApprovalSettings(w.t.db, w.workspace.id, { approvalMode: 'any_admin', approverIds: [] });
    }
  });

  it('is cancelled before its next week', async () => {
    const { plan, week } = await w.week([{ day: 0, network: 'mastodon', pillar: 'tips' }], { draft: false });
    const started = await w.call(w.editor, 'POST', w.ws('/agent-runs'), {
      kind: 'execution',
      planId: plan.id,
      weeks: [week, plan.weeks[2]],
    });
    const runId = started.json<{ id: string }>().id;
    expect((await w.call(w.editor, 'POST', w.ws(`/agent-runs/${runId}/cancel`))).statusCode).toBe(200);
    const read = (await w.call(w.viewer, 'GET', w.ws(`/agent-runs/${runId}`))).json<{ state: string }>();
    expect(read.state).toBe('cancelled');
  });

  it("refuses another workspace's plan (404), a week outside the plan and a run without a plan (400 at the field)", async () => {
    const { plan } = await w.week([], { place: false, draft: false });
    const other = await w.call(w.outsider, 'POST', `/api/v1/workspaces/${w.otherWorkspace.id}/agent-runs`, {
      kind: 'execution',
      planId: plan.id,
    });
    expect(other.statusCode, other.body).toBe(404);
    const unknown = await w.call(w.editor, 'POST', w.ws('/agent-runs'), { kind: 'execution', planId: randomUUID() });
    expect(unknown.statusCode).toBe(404);
    const badWeek = await w.call(w.editor, 'POST', w.ws('/agent-runs'), {
      kind: 'execution',
      planId: plan.id,
      weeks: ['2020-01-06'],
    });
    expect(badWeek.statusCode).toBe(400);
    expect(badWeek.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body/weeks/0');
    const noPlan = await w.call(w.editor, 'POST', w.ws('/agent-runs'), { kind: 'execution' });
    expect(noPlan.statusCode).toBe(400);
    expect(noPlan.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body/planId');
  });

  it('starts by itself once a week is drafted, unless the autopilot is off', async () => {
    const count = async () =>
      Number(
        (
          await w.t.db.execute<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM agent_runs WHERE workspace_id = ${w.workspace.id} AND kind = 'execution' AND requested_by IS NULL`,
          )
        ).rows[0]?.n,
      );
    const before = await count();
    await w.week([{ day: 3, network: 'mastodon', pillar: 'tips' }]);
    expect(await count()).toBe(before + 1);
    const off = await w.call(w.owner, 'PUT', w.ws('/autopilot'), {
      level: 'off',
      approvedPillars: [],
      postsPerDayPerAccount: 1,
      bannedTopics: [],
      requireAiDisclosure: true,
      pauseOnNegativeSpike: true,
    });
    expect(off.statusCode, off.body).toBe(200);
    await w.week([{ day: 3, network: 'mastodon', pillar: 'tips' }]);
    expect(await count()).toBe(before + 1);
  });
});
