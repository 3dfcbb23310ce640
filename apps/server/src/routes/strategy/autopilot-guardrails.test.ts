import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { findNegativeSpike } from '@plume/core/planning/autopilot/negative-spike';
import type { AutopilotSettings, AutopilotSettingsBody } from '@plume/contract/planning/autopilot-schemas';
import { measuredPosts } from '@plume/db/schema/analytics';
import { llmBudgets, llmSpend } from '@plume/db/schema/llm';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { workspaceAutopilots } from '@plume/db/schema/strategy';
import { setUpAutopilot, type AutopilotWorld } from './test-support/autopilot-world.ts';

let w: AutopilotWorld;

const settings: AutopilotSettingsBody = {
  level: 'auto_schedule',
  approvedPillars: ['tips'],
  postsPerDayPerAccount: 1,
  bannedTopics: [],
  requireAiDisclosure: false,
  pauseOnNegativeSpike: true,
};

beforeAll(async () => {
  w = await setUpAutopilot('Autopilot');
  await w.saveStrategy();
});
afterAll(() => w.close());
beforeEach(async () => {
  await w.t.db.delete(workspaceAutopilots).where(eq(workspaceAutopilots.workspaceId, w.workspace.id));
});

async function setAutopilot(patch: Partial<AutopilotSettingsBody> = {}): Promise<AutopilotSettings> {
  const saved = await w.call(w.owner, 'PUT', w.ws('/autopilot'), { ...settings, ...patch });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json<AutopilotSettings>();
}

/** One drafted week run by the Execution agent at the current level; answers its week. */
async function runWeek(briefs: Parameters<AutopilotWorld['week']>[0]) {
  const { plan, week } = await w.week(briefs);
  const run = await w.execute(plan.id, [week]);
  expect(run.state, run.error ?? '').toBe('succeeded');
  return run.output!.execution!.weeks[0]!;
}

async function postState(postId: string) {
  const [row] = await w.t.db.select({ state: posts.state }).from(posts).where(eq(posts.id, postId));
  return row?.state;
}

describe('autopilot settings', () => {
  it('defaults to draft; raising the level takes an admin; pillars must be the strategy’s; another workspace is 404', async () => {
    const read = await w.call(w.viewer, 'GET', w.ws('/autopilot'));
    expect(read.json<AutopilotSettings>()).toMatchObject({ level: 'draft', paused: null, approvedPillars: [] });
    const byEditor = await w.call(w.editor, 'PUT', w.ws('/autopilot'), settings);
    expect(byEditor.statusCode).toBe(403);
    const lower = await w.call(w.editor, 'PUT', w.ws('/autopilot'), { ...settings, level: 'off' });
    expect(lower.statusCode, lower.body).toBe(200);
    const unknown = await w.call(w.owner, 'PUT', w.ws('/autopilot'), { ...settings, approvedPillars: ['recipes'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ errors: { path: string; message: string }[] }>().errors[0]).toMatchObject({
      path: 'body/approvedPillars/0',
      message: 'Not a pillar of the strategy.',
    });
    const bad = await w.call(w.owner, 'PUT', w.ws('/autopilot'), { ...settings, postsPerDayPerAccount: 0 });
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body/postsPerDayPerAccount');
    const outsider = await w.call(w.outsider, 'GET', w.ws('/autopilot'));
    expect(outsider.statusCode).toBe(404);
    expect((await setAutopilot()).level).toBe('auto_schedule');
    const [audit] = (await w.audit('autopilot.updated')).slice(-1);
    expect(audit).toMatchObject({ actorType: 'user', actorId: w.owner.id });
  });
});

describe('auto_schedule within the guardrails', () => {
  it('schedules an approved pillar’s draft as the autopilot, with an audit entry; another pillar waits', async () => {
    await setAutopilot();
    const week = await runWeek([
      { day: 0, network: 'mastodon', pillar: 'tips' },
      { day: 1, network: 'mastodon', pillar: 'product' },
    ]);
    expect(week.autoScheduled).toHaveLength(1);
    expect(week.held).toEqual([expect.objectContaining({ guardrail: 'pillar_not_approved' })]);
    const scheduled = week.autoScheduled[0]!;
    expect(await postState(scheduled.postId)).toBe('scheduled');
    expect(await postState(week.held[0]!.postId)).toBe('in_review');
    const audit = (await w.audit('autopilot.scheduled')).find((row) => row.subjectId === scheduled.postId);
    expect(audit).toMatchObject({
      actorType: 'system',
      actorId: 'autopilot',
      actorName: 'Autopilot',
      subjectType: 'post',
    });
    expect(audit?.data['why']).toContain('Pillar tips is approved');
    expect((await w.audit('autopilot.held')).some((row) => row.subjectId === week.held[0]!.postId)).toBe(true);
  });

  it('never schedules a draft mentioning a banned topic', async () => {
    await setAutopilot({ bannedTopics: ['Iced Coffee'] });
    const week = await runWeek([{ day: 2, network: 'mastodon', pillar: 'tips' }]);
    expect(week.autoScheduled).toEqual([]);
    expect(week.held[0]).toMatchObject({ guardrail: 'banned_topic' });
    expect(week.held[0]?.message).toContain('"Iced Coffee"');
  });

  it('keeps to its posts a day per account', async () => {
    await setAutopilot({ postsPerDayPerAccount: 1 });
    const week = await runWeek([
      { day: 3, network: 'mastodon', pillar: 'tips' },
      { day: 3, network: 'mastodon', pillar: 'tips' },
    ]);
    expect(week.autoScheduled).toHaveLength(1);
    expect(week.held).toEqual([expect.objectContaining({ guardrail: 'daily_limit' })]);
  });

  it('requires the AI label where the network takes one', async () => {
    await setAutopilot({ requireAiDisclosure: true });
    const week = await runWeek([
      { day: 4, network: 'x', pillar: 'tips' },
      { day: 4, network: 'mastodon', pillar: 'tips' },
    ]);
    expect(week.held).toEqual([expect.objectContaining({ guardrail: 'ai_disclosure' })]);
    expect(week.held[0]?.message).toContain('x takes an AI-generated label');
    expect(week.autoScheduled).toHaveLength(1);
  });

  it('keeps quiet hours even when they changed after placing', async () => {
    await setAutopilot();
    const { plan, week } = await w.week([{ day: 5, network: 'mastodon', pillar: 'tips' }]);
    await w.saveStrategy({
      postsPerDayPerAccount: 2,
      quietHours: { from: '00:00', to: '23:59' },
      minGapMinutes: 120,
      naturalCadenceMinutes: 0,
    });
    try {
      const run = await w.execute(plan.id, [week]);
      expect(run.output?.execution?.weeks[0]?.held[0]).toMatchObject({ guardrail: 'quiet_hours' });
    } finally {
      await w.saveStrategy();
    }
  });

  it('stops at the monthly budget’s alert threshold', async () => {
    await setAutopilot();
    const month = `month:${new Date().toISOString().slice(0, 7)}`;
    await w.t.db.insert(llmBudgets).values({ workspaceId: w.workspace.id, monthlyLimitMicros: 1_000_000 });
    await w.t.db
      .insert(llmSpend)
      .values({ workspaceId: w.workspace.id, period: month, costMicros: 850_000, requests: 3 })
      .onConflictDoUpdate({ target: [llmSpend.workspaceId, llmSpend.period], set: { costMicros: 850_000 } });
    try {
      const week = await runWeek([{ day: 6, network: 'mastodon', pillar: 'tips' }]);
      expect(week.autoScheduled).toEqual([]);
      expect(week.stopped).toContain("month's AI budget has reached its alert threshold");
      expect(week.submitted).toHaveLength(1);
    } finally {
      await w.t.db.delete(llmBudgets).where(eq(llmBudgets.workspaceId, w.workspace.id));
      await w.t.db.delete(llmSpend).where(eq(llmSpend.workspaceId, w.workspace.id));
    }
  });
});

describe('pause on a negative spike', () => {
  it('pauses on a failure burst, says why, and a person resumes it', async () => {
    await setAutopilot();
    // Three targets failed to publish just now: a failure burst.
    const failed: string[] = [];
    for (const network of ['mastodon', 'x', 'mastodon'] as const) {
      const [post] = await w.t.db
        .insert(posts)
        .values({
          workspaceId: w.workspace.id,
          state: 'failed',
          content: { text: 'x', mediaIds: [], thread: [], hashtags: [] },
        })
        .returning({ id: posts.id });
      failed.push(post!.id);
      await w.t.db.insert(postTargets).values({
        postId: post!.id,
        workspaceId: w.workspace.id,
        accountId: w.accounts[network]!,
        network,
        state: 'failed',
      });
    }
    const week = await runWeek([{ day: 0, network: 'mastodon', pillar: 'tips' }]);
    expect(week.autoScheduled).toEqual([]);
    expect(week.stopped).toContain('The autopilot paused itself: 3 posts failed to publish in the last 24 hours');
    const read = (await w.call(w.viewer, 'GET', w.ws('/autopilot'))).json<AutopilotSettings>();
    expect(read.paused?.reason).toContain('failure burst');
    expect(await w.audit('autopilot.paused')).toHaveLength(1);

    expect((await w.call(w.editor, 'POST', w.ws('/autopilot/resume'))).statusCode).toBe(403);
    const resumed = await w.call(w.owner, 'POST', w.ws('/autopilot/resume'));
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json<AutopilotSettings>().paused).toBeNull();
    expect((await w.call(w.owner, 'POST', w.ws('/autopilot/resume'))).statusCode).toBe(409);
    // The same failures, already seen by a person, do not pause it again.
    const after = await runWeek([{ day: 1, network: 'mastodon', pillar: 'tips' }]);
    expect(after.stopped).toBeNull();
    expect(after.autoScheduled).toHaveLength(1);
    await w.t.db.delete(posts).where(inArray(posts.id, failed));
  });

  it('finds an engagement collapse far below the account’s median, and not a normal post', async () => {
    const now = new Date();
    const accountId = w.accounts['x']!;
    const day = 86_400_000;
    await w.t.db.insert(measuredPosts).values(
      Array.from({ length: 15 }, (_, i) => ({
        workspaceId: w.workspace.id,
        accountId,
        network: 'x' as const,
        remoteId: `base-${i}`,
        source: 'backfill' as const,
        publishedAt: new Date(now.getTime() - (10 + i) * day),
        lastMeasuredAt: now,
        engagements: 100 + i,
      })),
    );
    const since = null;
    const recent = {
      workspaceId: w.workspace.id,
      accountId,
      network: 'x' as const,
      source: 'backfill' as const,
      publishedAt: new Date(now.getTime() - 30 * 3_600_000),
      lastMeasuredAt: now,
    };
    await w.t.db.insert(measuredPosts).values({ ...recent, remoteId: 'normal', engagements: 60 });
    expect(await findNegativeSpike(w.t.db, { workspaceId: w.workspace.id, now, since })).toBeNull();
    await w.t.db.insert(measuredPosts).values({ ...recent, remoteId: 'collapse', engagements: 4 });
    const spike = await findNegativeSpike(w.t.db, { workspaceId: w.workspace.id, now, since });
    expect(spike?.evidence).toMatchObject({ rule: 'engagement_collapse', engagements: 4 });
    expect(spike?.reason).toContain('under 20 %');
    // Before the last resume it is not evidence any more.
    expect(await findNegativeSpike(w.t.db, { workspaceId: w.workspace.id, now, since: now })).toBeNull();
    await w.t.db.delete(measuredPosts).where(eq(measuredPosts.accountId, accountId));
  });
});
