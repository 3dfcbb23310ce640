import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { generatePlanWeekJob } from '@plume/core/jobs/plan-jobs';
import type { EmergencyReplaceResult } from '@plume/contract/planning/emergency-schemas';
import type { PlanBrief, PlanDetail } from '@plume/contract/planning/plan-schemas';
import { auditEvents } from '@plume/db/schema/audit';
import type { TestUser } from '../../test-support/factories.ts';
import { scriptContentModel, variantsJson } from '../content/content-fake-model.ts';
import { setUpStudio, type StudioFixture } from '../content/content-studio-fixture.ts';

type Post = { id: string; state: string; scheduledAt: string | null; targets: { accountId: string }[] };

let s: StudioFixture;
let prompts: string[];

/** The fake model writes variants and keeps each generation prompt. */
function installScript(): void {
  const script = scriptContentModel(s.fake);
  script.generation = (ask) => {
    prompts.push(ask.prompt.messages.map((message) => message.content).join('\n'));
    return variantsJson(ask.networks, ask.variants);
  };
}

beforeAll(async () => {
  s = await setUpStudio('Emergency', ['mastodon', 'bluesky']);
  prompts = [];
  installScript();
});
afterAll(() => s.close());

const posts = () => `/api/v1/workspaces/${s.workspace.id}/posts`;
const call = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: object) =>
  s.t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000 + 3_600_000).toISOString();

async function post(id: string): Promise<Post> {
  const response = await call(s.owner, 'GET', `${posts()}/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Post>();
}

async function scheduledPost(text: string, days: number): Promise<Post> {
  const created = await call(s.owner, 'POST', posts(), {
    content: { text },
    targets: [{ accountId: s.accounts['mastodon'] }, { accountId: s.accounts['bluesky'] }],
    scheduledAt: inDays(days),
    submit: true,
  });
  expect(created.statusCode, created.body).toBe(201);
  const body = created.json<Post>();
  expect(body.state).toBe('scheduled');
  return body;
}

const pull = (user: TestUser, postId: string, reason: unknown, workspaceId = s.workspace.id) =>
  call(user, 'POST', `/api/v1/workspaces/${workspaceId}/posts/${postId}/emergency-replace`, { reason });

describe('emergency replacement of a scheduled post', () => {
  it('pulls the post and writes a replacement for the same slot and accounts, with the reason and old text', async () => {
    const old = await scheduledPost('Our summer sale starts tomorrow at nine, everything half price.', 3);
    expect((await pull(s.viewer, old.id, 'Viewers cannot do this.')).statusCode).toBe(403);
    expect((await pull(s.outsider, old.id, 'Not my workspace at all.')).statusCode).toBe(404);
    expect((await pull(s.outsider, old.id, 'Not my post at all.', s.otherWorkspace.id)).statusCode).toBe(404);
    const tooShort = await pull(s.editor, old.id, 'x');
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('body/reason');

    const pulled = await pull(s.editor, old.id, 'The sale was called off this morning.');
    expect(pulled.statusCode, pulled.body).toBe(201);
    const result = pulled.json<EmergencyReplaceResult>();
    expect(result).toMatchObject({ pulledPostId: old.id, replacementBriefId: null, problem: null });
    expect((await post(old.id)).state).toBe('cancelled');
    const replacement = await post(result.replacementPostId ?? '');
    expect(replacement.state).toBe('draft');
    expect(replacement.scheduledAt).toBe(old.scheduledAt);
    expect(replacement.targets.map((target) => target.accountId).sort()).toEqual(
      old.targets.map((target) => target.accountId).sort(),
    );
    const prompt = prompts.at(-1) ?? '';
    expect(prompt).toContain('The sale was called off this morning.');
    expect(prompt).toContain('Our summer sale starts tomorrow at nine');

    const audit = await s.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, old.id), eq(auditEvents.action, 'post.emergency_replaced')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.data).toMatchObject({ replacementPostId: replacement.id, draftWritten: true });

    // Pulled already (cancelled), and a draft is not scheduled either: both refused with 409.
    expect((await pull(s.editor, old.id, 'Once more please.')).statusCode).toBe(409);
    const again = await pull(s.editor, replacement.id, 'It is only a draft.');
    expect(again.statusCode).toBe(409);
    expect(again.json<{ detail: string }>().detail).toContain('this one is draft');
  });

  it('keeps the pull when the model fails, and says why no draft was written', async () => {
    const old = await scheduledPost('Live music on Friday night from eight.', 4);
    s.fake.failNext({ path: '/api/chat', status: 400, body: { error: 'model refuses' }, times: 10 });
    const pulled = await pull(s.editor, old.id, 'The band cancelled.');
    s.fake.reset();
    installScript();
    expect(pulled.statusCode, pulled.body).toBe(201);
    const result = pulled.json<EmergencyReplaceResult>();
    expect(result.replacementPostId).toBeNull();
    expect(result.problem).toBeTruthy();
    expect((await post(old.id)).state).toBe('cancelled');
  });

  it("replaces a plan brief's scheduled post through its plan: a replacement brief in the same slot", async () => {
    const plans = `/api/v1/workspaces/${s.workspace.id}/plans`;
    const created = await call(s.editor, 'POST', plans, { month: `${new Date().getUTCFullYear() + 1}-03` });
    const plan = created.json<PlanDetail>();
    const week = plan.weeks[1]!;
    const added = await call(s.editor, 'POST', `${plans}/${plan.id}/briefs`, {
      day: week,
      accountId: s.accounts['mastodon'],
      pillar: 'tips',
      topic: 'Cold brew at home',
    });
    expect(added.statusCode, added.body).toBe(201);
    await call(s.editor, 'POST', `${plans}/${plan.id}/weeks/${week}/place`);
    await call(s.editor, 'POST', `${plans}/${plan.id}/weeks/${week}/generate`);
    const actor = { userId: s.owner.id, name: s.owner.name, role: 'owner' as const, kind: 'user' as const };
    const deps = { db: s.t.db, runtime: s.t.context.publishing.runtime, gateway: s.t.context.llm.gateway };
    await generatePlanWeekJob.run(deps, { planId: plan.id, workspaceId: s.workspace.id, week, actor });
    const approved = await call(s.owner, 'POST', `${plans}/${plan.id}/weeks/${week}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const brief = (await call(s.owner, 'GET', `${plans}/${plan.id}`)).json<PlanDetail>().briefs[0]!;
    expect(brief.postState).toBe('scheduled');

    const pulled = await pull(s.editor, brief.postId ?? '', 'A competitor ran the same tip today.');
    expect(pulled.statusCode, pulled.body).toBe(201);
    const result = pulled.json<EmergencyReplaceResult>();
    const board = (await call(s.owner, 'GET', `${plans}/${plan.id}`)).json<PlanDetail>().briefs;
    const replacement = board.find((item) => item.id === result.replacementBriefId) as PlanBrief;
    expect(replacement).toMatchObject({ replacesId: brief.id, slot: brief.slot, postId: result.replacementPostId });
    expect(board.find((item) => item.id === brief.id)).toMatchObject({ state: 'replaced', postState: 'cancelled' });
    expect(prompts.at(-1)).toContain('A competitor ran the same tip today.');
  });
});
