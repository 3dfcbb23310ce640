import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { generatePlanWeekJob } from '@plume/core/jobs/plan-jobs';
import { abResultsForWeek } from '@plume/core/planning/ab-tests/ab-results';
import { decideAbTest, decideDueAbTests } from '@plume/core/planning/ab-tests/decide-ab-test';
import type { AbTest } from '@plume/contract/planning/ab-test-schemas';
import type { PlanBrief, PlanDetail } from '@plume/contract/planning/plan-schemas';
import { measuredPosts, postMetricSnapshots } from '@plume/db/schema/analytics';
import { abTests } from '@plume/db/schema/planning';
import { posts, postTargets } from '@plume/db/schema/publishing';
import type { TestUser } from '../../test-support/factories.ts';
import { scriptContentModel, variantsJson, type ContentScript } from '../content/content-fake-model.ts';
import { setUpStudio, type StudioFixture } from '../content/content-studio-fixture.ts';

let s: StudioFixture;
let script: ContentScript;
let prompts: string[];
const month = `${new Date().getUTCFullYear() + 1}-06`;
const HOUR = 3_600_000;

beforeAll(async () => {
  s = await setUpStudio('AbTests', ['mastodon']);
  script = scriptContentModel(s.fake);
  prompts = [];
  script.generation = (ask) => {
    prompts.push(ask.prompt.messages.map((message) => message.content).join('\n'));
    return variantsJson(ask.networks, ask.variants);
  };
});
afterAll(() => s.close());

const base = () => `/api/v1/workspaces/${s.workspace.id}/plans`;
const call = (user: TestUser, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  s.t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

async function detail(planId: string): Promise<PlanDetail> {
  const response = await call(s.owner, 'GET', `${base()}/${planId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PlanDetail>();
}

/** A plan with three drafted briefs on Mastodon, Tuesday to Thursday of its third week, placed by the plan's own routes. */
async function draftedPlan() {
  const plan = (await call(s.editor, 'POST', base(), { month })).json<PlanDetail>();
  const week = plan.weeks[2]!;
  for (const offset of [1, 2, 3]) {
    const day = new Date(Date.parse(`${week}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const added = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs`, {
      day,
      accountId: s.accounts['mastodon'],
      pillar: 'education',
      topic: `Cold brew at home, part ${offset}`,
    });
    expect(added.statusCode, added.body).toBe(201);
  }
  expect((await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/place`)).statusCode).toBe(200);
  expect((await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${week}/generate`)).statusCode).toBe(202);
  const deps = { db: s.t.db, runtime: s.t.context.publishing.runtime, gateway: s.t.context.llm.gateway };
  const actor = { userId: s.editor.id, name: s.editor.name, role: 'editor' as const, kind: 'user' as const };
  await generatePlanWeekJob.run(deps, { planId: plan.id, workspaceId: s.workspace.id, week, actor });
  return { plan: await detail(plan.id), week };
}

/** Publishes a brief's post as the publisher would record it, with snapshot rows at the given hours after it went out. */
async function publishWithReadings(brief: PlanBrief, readings: [hours: number, engagements: number][]) {
  const publishedAt = new Date(brief.slot!);
  await s.t.db.update(posts).set({ state: 'published' }).where(eq(posts.id, brief.postId!));
  const [target] = await s.t.db
    .update(postTargets)
    .set({ state: 'published', publishedAt, remoteId: `remote-${brief.id}` })
    .where(eq(postTargets.postId, brief.postId!))
    .returning();
  const [measured] = await s.t.db
    .insert(measuredPosts)
    .values({
      workspaceId: s.workspace.id,
      accountId: brief.accountId,
      network: brief.network,
      remoteId: `remote-${brief.id}`,
      targetId: target!.id,
      source: 'plume',
      publishedAt,
    })
    .returning();
  for (const [hours, engagements] of readings)
    await s.t.db.insert(postMetricSnapshots).values({
      measuredPostId: measured!.id,
      workspaceId: s.workspace.id,
      offsetMin: Math.round(hours * 60),
      takenAt: new Date(publishedAt.getTime() + hours * HOUR),
      engagements,
    });
  return publishedAt;
}

const localHour = (slotLocal: string | null) => Number(slotLocal!.slice(11, 13));
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());

describe('A/B tests in plans', () => {
  let plan: PlanDetail;
  let week: string;
  let textTest: AbTest;
  let quietTest: AbTest;

  beforeAll(async () => {
    ({ plan, week } = await draftedPlan());
    expect(plan.briefs.every((brief) => brief.state === 'drafted')).toBe(true);
  });

  it('refuses a brief without a draft in plain words, and another workspace’s plan reads as missing', async () => {
    const added = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs`, {
      day: plan.briefs[0]!.day,
      accountId: s.accounts['mastodon'],
      pillar: 'education',
      topic: 'Not drafted yet',
    });
    const bare = added.json<PlanBrief>();
    const refused = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs/${bare.id}/ab-test`, { kind: 'text' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<{ detail: string }>().detail).toBe(
      'This brief has no draft yet: generate its draft first, then start an A/B test.',
    );
    const a = plan.briefs[0]!;
    const other = `/api/v1/workspaces/${s.otherWorkspace.id}/plans/${plan.id}/briefs/${a.id}/ab-test`;
    expect((await call(s.outsider, 'POST', other, { kind: 'text' })).statusCode).toBe(404);
    expect((await call(s.outsider, 'GET', `${base()}/${plan.id}/ab-tests`)).statusCode).toBe(404);
    expect(
      (await call(s.viewer, 'POST', `${base()}/${plan.id}/briefs/${a.id}/ab-test`, { kind: 'text' })).statusCode,
    ).toBe(403);
    const badKind = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs/${a.id}/ab-test`, { kind: 'colour' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body/kind');
  });

  it('starts a text test: a second text from the content studio on a comparable slot, queued for 24 h after the later post', async () => {
    const a = plan.briefs[0]!;
    const before = prompts.length;
    const started = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs/${a.id}/ab-test`, { kind: 'text' });
    expect(started.statusCode, started.body).toBe(201);
    textTest = started.json<AbTest>();
    expect(textTest).toMatchObject({ kind: 'text', state: 'running', a: { briefId: a.id, postState: 'draft' } });
    expect(textTest.b).toMatchObject({ postState: 'draft' });
    expect(prompts).toHaveLength(before + 1);
    expect(prompts.at(-1)).toContain('This is variant B of an A/B test. Variant A reads:');
    expect(prompts.at(-1)).toContain(a.postText!.slice(0, 40));

    const b = (await detail(plan.id)).briefs.find((brief) => brief.id === textTest.b.briefId)!;
    expect(b).toMatchObject({ accountId: a.accountId, network: a.network, topic: a.topic, state: 'drafted' });
    expect(b.placementReason).toMatch(/^A\/B test variant B \(text\)/);
    // Comparable: another day, within 7 days, the same kind of day, within 2 hours of A's time.
    expect(b.day).not.toBe(a.day);
    expect(Math.abs(Date.parse(b.slot!) - Date.parse(a.slot!))).toBeLessThanOrEqual(7 * 24 * HOUR);
    expect(isWeekend(b.day)).toBe(isWeekend(a.day));
    expect(Math.abs(localHour(b.slotLocal) - localHour(a.slotLocal))).toBeLessThanOrEqual(2);
    const [post] = await s.t.db.select().from(posts).where(eq(posts.id, b.postId!));
    expect(post?.scheduledAt?.toISOString()).toBe(b.slot);

    const later = Math.max(Date.parse(a.slot!), Date.parse(b.slot!));
    const jobs = await s.t.db.execute<{ run_at: Date }>(
      sql`SELECT run_at FROM graphile_worker.jobs WHERE key = ${`ab-test:${textTest.id}`}`,
    );
    expect(new Date(jobs.rows[0]!.run_at).getTime()).toBe(later + 24 * HOUR + 30 * 60_000);

    const again = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs/${a.id}/ab-test`, { kind: 'time' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ detail: string }>().detail).toBe('This brief is in an A/B test already.');
  });

  it('starts a time test with the same text, refuses a slot that is not comparable, and cancels it before B goes out', async () => {
    const a = plan.briefs[1]!;
    const url = `${base()}/${plan.id}/briefs/${a.id}/ab-test`;
    const sameDay = await call(s.editor, 'POST', url, { kind: 'time', slot: `${a.day}T18:00:00+02:00` });
    expect(sameDay.statusCode, sameDay.body).toBe(400);
    expect(sameDay.json<{ errors: { path: string; message: string }[] }>().errors[0]).toMatchObject({
      path: 'body/slot',
      message: expect.stringMatching(/another day than A/),
    });
    const started = await call(s.editor, 'POST', url, { kind: 'time' });
    expect(started.statusCode, started.body).toBe(201);
    const timeTest = started.json<AbTest>();
    const b = (await detail(plan.id)).briefs.find((brief) => brief.id === timeTest.b.briefId)!;
    expect(b.postText).toBe(a.postText);
    expect(Math.abs(localHour(b.slotLocal) - localHour(a.slotLocal))).toBeGreaterThanOrEqual(3);
    // The pair reads alike on purpose: the plan checks do not call it repetition.
    const checks = await call(s.editor, 'GET', `${base()}/${plan.id}/checks`);
    const similar = checks
      .json<{ violations: { check: string; briefIds: string[] }[] }>()
      .violations.filter((violation) => violation.check === 'similar_posts');
    const pair = [a.id, b.id].sort().join('|');
    expect(similar.filter((violation) => [...violation.briefIds].sort().join('|') === pair)).toEqual([]);

    const cancelled = await call(s.editor, 'DELETE', `${base()}/${plan.id}/ab-tests/${timeTest.id}`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<AbTest>()).toMatchObject({ state: 'cancelled', b: { postState: 'cancelled' } });
    expect(cancelled.json<AbTest>().verdict).toMatch(/^Cancelled by .* before variant B went out/);
    expect((await call(s.editor, 'DELETE', `${base()}/${plan.id}/ab-tests/${timeTest.id}`)).statusCode).toBe(409);
    const jobs = await s.t.db.execute(sql`SELECT 1 FROM graphile_worker.jobs WHERE key = ${`ab-test:${timeTest.id}`}`);
    expect(jobs.rows).toHaveLength(0);
    // A itself can be tested again once its test is cancelled.
    const third = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs/${plan.briefs[2]!.id}/ab-test`, {
      kind: 'text',
    });
    expect(third.statusCode, third.body).toBe(201);
    quietTest = third.json<AbTest>();
  });

  it('decides at 24 h from the reading nearest 24 h: too early stays running, a clear difference wins', async () => {
    const board = await detail(plan.id);
    const byId = (id: string) => board.briefs.find((brief) => brief.id === id)!;
    // A 12 h reading that would tell another story, the 24 h one, and a 72 h one outside the window.
    const aAt = await publishWithReadings(byId(textTest.a.briefId), [
      [12, 400],
      [24.1, 20],
      [72, 900],
    ]);
    const bAt = await publishWithReadings(byId(textTest.b.briefId), [
      [4, 2],
      [23.9, 300],
    ]);
    const later = Math.max(aAt.getTime(), bAt.getTime());

    expect(await decideAbTest(s.t.db, textTest.id, new Date(later + 23 * HOUR))).toBeNull();
    const [still] = await s.t.db.select().from(abTests).where(eq(abTests.id, textTest.id));
    expect(still?.state).toBe('running');

    const decided = await decideAbTest(s.t.db, textTest.id, new Date(later + 24.5 * HOUR));
    expect(decided).toMatchObject({ state: 'decided', winner: 'b', method: 'exact_poisson', spread: null });
    expect(decided?.readingA).toMatchObject({ engagements: 20, impressions: null });
    expect(decided?.readingB).toMatchObject({ engagements: 300 });
    expect(decided!.pValue!).toBeLessThan(0.05);
    const listed = (await call(s.viewer, 'GET', `${base()}/${plan.id}/ab-tests`)).json<{ items: AbTest[] }>().items;
    const shown = listed.find((test) => test.id === textTest.id)!;
    expect(shown.verdict).toBe('B got 15.0× the engagements of A (300 to 20); beyond noise (p = 0.019).');
    // Run again (the job and the sweep both): nothing changes.
    expect(await decideAbTest(s.t.db, textTest.id, new Date(later + 30 * HOUR))).toBeNull();
  });

  it('calls a difference within noise no winner, with the p-value, and hands measured tests to learning', async () => {
    const board = await detail(plan.id);
    const byId = (id: string) => board.briefs.find((brief) => brief.id === id)!;
    const aAt = await publishWithReadings(byId(quietTest.a.briefId), [[24, 40]]);
    const bAt = await publishWithReadings(byId(quietTest.b.briefId), [[24, 52]]);
    const later = Math.max(aAt.getTime(), bAt.getTime());
    expect(await decideDueAbTests(s.t.db, new Date(later + 25 * HOUR))).toBe(1);
    const [row] = await s.t.db.select().from(abTests).where(eq(abTests.id, quietTest.id));
    expect(row).toMatchObject({ state: 'no_winner', winner: null });
    expect(row?.reason).toBe('No clear winner: the difference is within noise (A 40, B 52 engagements; p = 0.25).');

    const results = await abResultsForWeek(s.t.db, s.workspace.id, week);
    expect(results.map((result) => [result.testId, result.state, result.winner])).toEqual([
      [textTest.id, 'decided', 'b'],
      [quietTest.id, 'no_winner', null],
    ]);
    expect(results[0]?.a.text.length).toBeGreaterThan(0);
    expect(results[0]?.b.reading?.engagements).toBe(300);
  });

  it('waits for a reading near 24 h until 48 h, then calls it no winner and says which variant had none', async () => {
    const later = plan.weeks[3]!;
    const added = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs`, {
      day: new Date(Date.parse(`${later}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
      accountId: s.accounts['mastodon'],
      pillar: 'education',
      topic: 'Cold brew concentrate',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${later}/place`)).statusCode).toBe(200);
    expect((await call(s.editor, 'POST', `${base()}/${plan.id}/weeks/${later}/generate`)).statusCode).toBe(202);
    const deps = { db: s.t.db, runtime: s.t.context.publishing.runtime, gateway: s.t.context.llm.gateway };
    const actor = { userId: s.editor.id, name: s.editor.name, role: 'editor' as const, kind: 'user' as const };
    await generatePlanWeekJob.run(deps, { planId: plan.id, workspaceId: s.workspace.id, week: later, actor });
    const a = (await detail(plan.id)).briefs.find((brief) => brief.id === added.json<PlanBrief>().id)!;
    const started = await call(s.editor, 'POST', `${base()}/${plan.id}/briefs/${a.id}/ab-test`, { kind: 'time' });
    expect(started.statusCode, started.body).toBe(201);
    const test = started.json<AbTest>();
    const b = (await detail(plan.id)).briefs.find((brief) => brief.id === test.b.briefId)!;
    // A's only reading is at 4 h, outside the 20–48 h window.
    const aAt = await publishWithReadings(a, [[4, 30]]);
    const bAt = await publishWithReadings(b, [[24, 31]]);
    const last = Math.max(aAt.getTime(), bAt.getTime());
    expect(await decideAbTest(s.t.db, test.id, new Date(last + 30 * HOUR))).toBeNull();
    expect(await decideAbTest(s.t.db, test.id, new Date(last + 49 * HOUR))).toMatchObject({
      state: 'no_winner',
      readingA: null,
      readingB: { engagements: 31 },
      reason: 'No clear winner: no reading near 24 hours for variant A (analytics could not read it in time).',
    });
  });
});
