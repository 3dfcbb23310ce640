import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { generatePlanWeekJob } from '@plume/core/jobs/plan-jobs';
import type { PlanBrief, PlanDetail } from '@plume/contract/planning/plan-schemas';
import { putWorkspaceStrategy } from '@plume/core/planning/strategy/strategy-store';
import { planBriefs } from '@plume/db/schema/planning';
import { contentDrafts } from '@plume/db/schema/content';
import { posts } from '@plume/db/schema/publishing';
import type { TestUser } from '../../test-support/factories.ts';
import { scriptContentModel, variantsJson, type ContentScript } from '../content/content-fake-model.ts';
import { setUpStudio, type StudioFixture } from '../content/content-studio-fixture.ts';

let s: StudioFixture;
let script: ContentScript;
let prompts: string[];
const month = `${new Date().getUTCFullYear() + 1}-05`;

beforeAll(async () => {
  s = await setUpStudio('Plans', ['mastodon', 'bluesky']);
  script = scriptContentModel(s.fake);
  prompts = [];
  script.generation = (ask) => {
    prompts.push(ask.prompt.messages.map((message) => message.content).join('\n'));
    return variantsJson(ask.networks, ask.variants);
  };
});
afterAll(() => s.close());

const base = () => `/api/v1/workspaces/${s.workspace.id}/plans`;
const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  s.t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

async function detail(planId: string): Promise<PlanDetail> {
  const response = await call(s.owner, 'GET', `${base()}/${planId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PlanDetail>();
}

/** The job as the worker runs it, against the app's own gateway (the fake Ollama behind it). */
async function runQueuedGeneration(planId: string, week: string, user: TestUser, role: 'owner' | 'editor') {
  const deps = { db: s.t.db, runtime: s.t.context.publishing.runtime, gateway: s.t.context.llm.gateway };
  const actor = { userId: user.id, name: user.name, role, kind: 'user' as const };
  return generatePlanWeekJob.run(deps, { planId, workspaceId: s.workspace.id, week, actor });
}

async function planWithBriefs(count: number): Promise<{ plan: PlanDetail; week: string; briefs: PlanBrief[] }> {
  const created = await call(s.editor, 'POST', base(), { month });
  expect(created.statusCode, created.body).toBe(201);
  const plan = created.json<PlanDetail>();
  const week = plan.weeks[2]!;
  const briefs: PlanBrief[] = [];
  for (let index = 0; index < count; index++) {
    const day = new Date(Date.parse(`${week}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10);
    const added = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs`, {
      day,
      accountId: s.accounts['mastodon'],
      pillar: index === 0 ? 'education' : 'product',
      topic: `Cold brew idea number ${index + 1}`,
    });
    expect(added.statusCode, added.body).toBe(201);
    briefs.push(added.json<PlanBrief>());
  }
  return { plan, week, briefs };
}

describe('plans and the week board', () => {
  it('creates a month, places, drafts, approves with an exception, rejects into a replacement and pulls a post', async () => {
    const { plan, week, briefs } = await planWithBriefs(3);
    expect((await call(s.editor, 'POST', base(), { month })).statusCode).toBe(409);
    expect(plan.weeks.length).toBeGreaterThanOrEqual(4);

    const placed = await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/place`);
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json<{ placed: unknown[] }>().placed).toHaveLength(3);
    let board = await detail(plan.id);
    for (const brief of board.briefs) {
      expect(brief.slot).not.toBeNull();
      expect(brief.slotLocal?.slice(0, 10)).toBe(brief.day);
      const hour = Number(brief.slotLocal?.slice(11, 13));
      expect(hour >= 7 && hour < 22).toBe(true);
    }
    expect(board.pillarMix.find((mix) => mix.pillar === 'product')?.planned).toBe(2);

    // The workspace is in Europe/Berlin (+02:00 in May). A move into quiet hours is refused with the rule's words; 10:00 is kept.
    const first = briefs[0]!;
    const quiet = await call(s.editor, 'PATCH', `${base()}/${plan.id}/briefs/${first.id}`, {
      slot: `${first.day}T23:00:00+02:00`,
    });
    expect(quiet.statusCode, quiet.body).toBe(409);
    expect(quiet.json<{ detail: string }>().detail).toMatch(/quiet hours/);
    const moved = await call(s.editor, 'PATCH', `${base()}/${plan.id}/briefs/${first.id}`, {
      slot: `${first.day}T10:00:00+02:00`,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<PlanBrief>().slotLocal).toBe(`${first.day} 10:00`);
    const badDay = await call(s.editor, 'PATCH', `${base()}/${plan.id}/briefs/${first.id}`, { day: '2020-01-01' });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body/day');

    const started = await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/generate`);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ state: 'queued', total: 3, done: 0 });
    const finished = await runQueuedGeneration(plan.id, week, s.editor, 'editor');
    expect(finished).toMatchObject({ state: 'done', total: 3, done: 3, failed: [] });
    expect(prompts).toHaveLength(3);
    board = await detail(plan.id);
    expect(board.generation).toMatchObject({ state: 'done', done: 3 });
    for (const brief of board.briefs) {
      expect(brief).toMatchObject({ state: 'drafted', postState: 'draft' });
      const [post] = await s.t.db.select().from(posts).where(eq(posts.id, brief.postId!));
      expect(post?.scheduledAt?.toISOString()).toBe(new Date(brief.slot!).toISOString());
    }
    // Run again (a retried job): nothing is drafted twice, no model call is made.
    await runQueuedGeneration(plan.id, week, s.editor, 'editor');
    expect(prompts).toHaveLength(3);

    const [keep, except, third] = board.briefs as [PlanBrief, PlanBrief, PlanBrief];
    const approved = await call(s.owner, 'POST', `${base()}/${plan.id}/weeks/${week}/approve`, {
      except: [except.id],
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toEqual({ approved: [keep.id, third.id], pending: [], skipped: [except.id] });
    board = await detail(plan.id);
    expect(board.briefs.find((brief) => brief.id === keep.id)).toMatchObject({
      state: 'scheduled',
      postState: 'scheduled',
    });
    expect(board.briefs.find((brief) => brief.id === except.id)).toMatchObject({
      state: 'drafted',
      postState: 'draft',
    });

    const rejected = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs/${except.id}/reject`, {
      reason: 'Too salesy, talk about brewing at home.',
    });
    expect(rejected.statusCode, rejected.body).toBe(201);
    const { rejected: old, replacement } = rejected.json<{ rejected: PlanBrief; replacement: PlanBrief }>();
    expect(old).toMatchObject({ state: 'replaced', replacedById: replacement.id, postState: 'cancelled' });
    expect(replacement).toMatchObject({ state: 'drafted', replacesId: old.id, slot: except.slot, day: except.day });
    expect(replacement.postId).not.toBe(except.postId);
    expect(prompts.at(-1)).toContain('Too salesy, talk about brewing at home.');

    const pulled = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs/${keep.id}/emergency-replace`, {
      reason: 'The offer ended early.',
    });
    expect(pulled.statusCode, pulled.body).toBe(201);
    const pulledBody = pulled.json<{ rejected: PlanBrief; replacement: PlanBrief }>();
    expect(pulledBody.rejected.postState).toBe('cancelled');
    expect(pulledBody.replacement).toMatchObject({ state: 'drafted', slot: keep.slot, postState: 'draft' });
    // A draft is not a scheduled post: pulling it is refused.
    const notScheduled = await call(
      s.editor,
      'POST',
      `${base()}/${plan.id}/briefs/${replacement.id}/emergency-replace`,
      {
        reason: 'Nope, not scheduled.',
      },
    );
    expect(notScheduled.statusCode).toBe(409);
  });

  it('leaves posts in review and lists them when another approver is needed', async () => {
    const settings = await call(s.owner, 'PUT', `/api/v1/workspaces/${s.workspace.id}/publishing-settings`, {
      approvalMode: 'specific',
      approverIds: [s.owner.id],
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const created = await call(s.editor, 'POST', base(), { month: `${month.slice(0, 4)}-06` });
    const plan = created.json<PlanDetail>();
    const week = plan.weeks[1]!;
    const added = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs`, {
      day: week,
      accountId: s.accounts['bluesky'],
      pillar: 'product',
      topic: 'Our new grinder',
    });
    expect(added.statusCode, added.body).toBe(201);
    await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/place`);
    await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/generate`);
    await runQueuedGeneration(plan.id, week, s.editor, 'editor');
    const approved = await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const body = approved.json<{ approved: string[]; pending: { briefId: string; message: string }[] }>();
    expect(body.approved).toEqual([]);
    expect(body.pending).toEqual([
      expect.objectContaining({
        briefId: added.json<PlanBrief>().id,
        message: expect.stringMatching(/approvers named/),
      }),
    ]);
    const [brief] = await s.t.db.select().from(planBriefs).where(eq(planBriefs.planId, plan.id));
    const [post] = await s.t.db.select().from(posts).where(eq(posts.id, brief!.postId!));
    expect(post?.state).toBe('in_review');
    // The named approver approves; the editor then moves it two hours earlier: the approval lock sends it back to review.
    const byOwner = await call(s.owner, 'POST', `${base()}/${plan.id}/weeks/${week}/approve`, {});
    expect(byOwner.json<{ approved: string[] }>().approved).toEqual([brief!.id]);
    const later = new Date(brief!.slot!.getTime() - 2 * 3_600_000);
    const moved = await call(s.editor, 'PATCH', `${base()}/${plan.id}/briefs/${brief!.id}`, {
      slot: later.toISOString(),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<PlanBrief>()).toMatchObject({ state: 'drafted', postState: 'in_review' });
    // Another workspace's plan reads as missing.
    expect((await call(s.outsider, 'GET', `${base()}/${plan.id}`)).statusCode).toBe(404);
  });

  it('resumes after a crash between the model answer and the post without paying again', async () => {
    const created = await call(s.editor, 'POST', base(), { month: `${month.slice(0, 4)}-07` });
    const plan = created.json<PlanDetail>();
    const week = plan.weeks[1]!;
    for (const topic of ['Crash before accept', 'Crash after accept']) {
      const added = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs`, {
        day: week,
        accountId: s.accounts['mastodon'],
        pillar: 'tips',
        topic,
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/generate`);
    await runQueuedGeneration(plan.id, week, s.editor, 'editor');
    const calls = prompts.length;
    const rows = await s.t.db.select().from(planBriefs).where(eq(planBriefs.planId, plan.id));
    const before = rows.find((row) => row.topic === 'Crash before accept')!;
    const after = rows.find((row) => row.topic === 'Crash after accept')!;
    // As a crash would leave them: the model's draft stored on both briefs; one never became a post,
    // the other did, but the brief was not yet told.
    await s.t.db.update(posts).set({ state: 'cancelled' }).where(eq(posts.id, before.postId!));
    await s.t.db.update(contentDrafts).set({ postId: null }).where(eq(contentDrafts.id, before.contentDraftId!));
    for (const row of [before, after])
      await s.t.db.update(planBriefs).set({ state: 'brief', postId: null }).where(eq(planBriefs.id, row.id));

    await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/generate`);
    const resumed = await runQueuedGeneration(plan.id, week, s.editor, 'editor');
    expect(resumed).toMatchObject({ state: 'done', failed: [] });
    expect(prompts).toHaveLength(calls);
    const again = await s.t.db.select().from(planBriefs).where(eq(planBriefs.planId, plan.id));
    const againBefore = again.find((row) => row.id === before.id)!;
    expect(againBefore).toMatchObject({ state: 'drafted', contentDraftId: before.contentDraftId });
    expect(againBefore.postId).not.toBe(before.postId);
    expect(again.find((row) => row.id === after.id)).toMatchObject({ state: 'drafted', postId: after.postId });
  });

  // Last in the file: from here on the workspace has a strategy.
  it('follows the workspace strategy: its pillar shares in the month view, its cadence in placement', async () => {
    const actor = { type: 'user' as const, id: s.owner.id, name: s.owner.name };
    await putWorkspaceStrategy(s.t.db, {
      workspaceId: s.workspace.id,
      actor,
      strategy: {
        pillars: [
          { key: 'tips', name: 'Tips', share: 75, description: 'Brewing tips' },
          { key: 'product', name: 'Product', share: 25, description: 'Our beans' },
        ],
        goals: ['awareness'],
        audience: 'Home baristas',
        tone: ['warm'],
        cadence: { mastodon: 1 },
        kpiTargets: [],
        locale: 'en-US',
        monthlyAiBudgetUsd: null,
        templateId: null,
        templateVersion: null,
      },
    });
    const created = await call(s.editor, 'POST', base(), { month: `${month.slice(0, 4)}-09` });
    const plan = created.json<PlanDetail>();
    const week = plan.weeks[1]!;
    for (const [index, pillar] of ['tips', 'tips'].entries()) {
      const day = new Date(Date.parse(`${week}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10);
      const added = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs`, {
        day,
        accountId: s.accounts['mastodon'],
        pillar,
        topic: `Strategy brief ${index + 1}`,
      });
      expect(added.statusCode, added.body).toBe(201);
    }

    const board = await detail(plan.id);
    expect(board.pillarMix.find((entry) => entry.pillar === 'tips')).toMatchObject({ planned: 2, strategyShare: 75 });
    // One Mastodon post a week in the strategy: the second brief of the week finds no slot.
    const placed = await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/place`);
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json<{ placed: unknown[]; unplaced: unknown[] }>()).toMatchObject({
      placed: [expect.anything()],
      unplaced: [expect.anything()],
    });
  });
  it("keeps a brief's notes for the writer: in the draft's prompt, edited, and cleared when empty", async () => {
    const created = await call(s.editor, 'POST', base(), { month: `${month.slice(0, 4)}-10` });
    const plan = created.json<PlanDetail>();
    const week = plan.weeks[1]!;
    const added = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs`, {
      day: week,
      accountId: s.accounts['mastodon'],
      pillar: 'tips',
      topic: 'Grind size for cold brew',
      notes: 'Mention the coarse setting on our grinder.',
    });
    expect(added.statusCode, added.body).toBe(201);
    const brief = added.json<PlanBrief>();
    expect(brief.notes).toBe('Mention the coarse setting on our grinder.');
    const tooLong = await call(s.editor, 'PATCH', `${base()}/${plan.id}/briefs/${brief.id}`, {
      notes: 'x'.repeat(1001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('body/notes');
    await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/generate`);
    await runQueuedGeneration(plan.id, week, s.editor, 'editor');
    expect(prompts.at(-1)).toContain('Notes from the planner: Mention the coarse setting on our grinder.');
    const cleared = await call(s.editor, 'PATCH', `${base()}/${plan.id}/briefs/${brief.id}`, { notes: '  ' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json<PlanBrief>().notes).toBeNull();
  });
});
