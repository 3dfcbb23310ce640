import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countText } from '@plume/networks/text/count-text';
import type { OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { createWorkspaceAs, type TestUser, type TestWorkspace } from '../../test-support/factories.ts';
import type { TestApp } from '../../test-support/test-app.ts';
import { postFor, scriptContentModel, variantsJson, type ContentScript } from './content-fake-model.ts';
import { setUpStudio, type StudioFixture } from './content-studio-fixture.ts';

let studio: StudioFixture;
let t: TestApp;
let fake: OllamaFake;
let script: ContentScript;
let owner: TestUser;
let editor: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let otherWorkspace: TestWorkspace;
const accounts: Record<string, string> = {};

type Post = {
  revisionId: string;
  text: string;
  hashtags: string[];
  count: number;
  limit: number;
  fits: boolean;
  repaired?: string;
  quality: { score: number; criteria: { id: string; score: number | null }[] };
};
type Generated = {
  draftId: string;
  variants: { variant: number; perNetwork: Record<string, Post> }[];
  usage: { provider: string; costUsd: number; calls: number };
  warnings: string[];
};
type Problem = { code: string; detail?: string; errors?: { path: string }[] };

beforeAll(async () => {
  studio = await setUpStudio('Gen', ['x', 'linkedin']);
  ({ t, fake, owner, editor, outsider, workspace, otherWorkspace } = studio);
  Object.assign(accounts, studio.accounts);
});

beforeEach(() => {
  fake.reset();
  script = scriptContentModel(fake);
});

afterAll(() => studio.close());

const base = (ws = workspace.id) => `/api/v1/workspaces/${ws}/content`;
const generate = (payload: object, user = editor, ws = workspace.id) =>
  t.app.inject({ method: 'POST', url: `${base(ws)}/generate`, headers: user.headers, payload });
const brief = { topic: 'Cold brew at home', keyPoints: ['16 hours in the fridge'] };
const generationCalls = () =>
  fake.requests.filter(
    (request) => request.path === '/api/chat' && JSON.stringify(request.body).includes('You write social media posts'),
  );

describe('generate', () => {
  it("writes 2 variants for X and LinkedIn, counted each network's way, stored as revisions with ledger rows", async () => {
    const response = await generate({ brief, targets: ['x', { accountId: accounts['linkedin'] }], variants: 2 });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Generated>();
    expect(body.variants.map((variant) => Object.keys(variant.perNetwork).sort())).toEqual([
      ['linkedin', 'x'],
      ['linkedin', 'x'],
    ]);
    const x = body.variants[0]!.perNetwork['x']!;
    const linkedin = body.variants[0]!.perNetwork['linkedin']!;
    const composed = `${postFor('x', 1).text}\n\n#ColdBrew`;
    // X counts the URL as 23 weighted characters; LinkedIn counts UTF-16 units.
    expect(x).toMatchObject({ count: countText(composed, { kind: 'weighted' }), limit: 280, fits: true });
    expect(linkedin).toMatchObject({ limit: 3000, fits: true });
    expect(linkedin.count).toBe(countText(`${postFor('linkedin', 1).text}\n\n#ColdBrew`, { kind: 'utf16_units' }));
    expect(x.count).toBeLessThan(countText(composed, { kind: 'utf16_units' }));
    expect(x.quality.criteria.find((item) => item.id === 'voice')?.score).toBe(0.8);
    expect(body.usage).toMatchObject({ provider: 'ollama' });
    expect(body.warnings).toEqual([]);

    const draft = await t.app.inject({
      method: 'GET',
      url: `${base()}/drafts/${body.draftId}`,
      headers: editor.headers,
    });
    const revisions = draft.json<{
      revisions: { id: string; seq: number; source: string; variant: number; network: string }[];
    }>().revisions;
    expect(revisions.map((revision) => [revision.seq, revision.variant, revision.source])).toEqual([
      [1, 1, 'generated'],
      [2, 1, 'generated'],
      [3, 2, 'generated'],
      [4, 2, 'generated'],
    ]);
    expect(revisions.map((revision) => revision.id)).toContain(x.revisionId);

    const ledger = await t.db.execute<{ task: string; quality_score: number | null }>(
      sql`SELECT task, quality_score FROM llm_usage WHERE workspace_id = ${workspace.id}`,
    );
    const tasks = ledger.rows.map((row) => row.task);
    expect(tasks.filter((task) => task === 'caption')).toHaveLength(1);
    expect(tasks.filter((task) => task === 'voice_match').length).toBeGreaterThan(0);
    expect(ledger.rows.find((row) => row.task === 'caption')?.quality_score).toEqual(expect.any(Number));

    const list = await t.app.inject({ method: 'GET', url: `${base()}/drafts?limit=1`, headers: editor.headers });
    expect(list.json<{ items: { id: string; revisionCount: number }[] }>().items[0]).toMatchObject({
      id: body.draftId,
      revisionCount: 4,
    });
  });

  it('re-asks once when the model answers malformed JSON, then succeeds', async () => {
    script.generation = (ask) =>
      ask.attempt === 1 ? 'Sure! Here are your posts: {"variants": [' : variantsJson(ask.networks, ask.variants);
    const response = await generate({ brief, targets: ['x'], variants: 1 });
    expect(response.statusCode, response.body).toBe(201);
    const calls = generationCalls();
    expect(calls).toHaveLength(2);
    expect(JSON.stringify(calls[1]!.body)).toContain('Your answer could not be used');
  });

  it('answers 422 llm_refused when the second answer is unusable too', async () => {
    script.generation = () => 'I cannot write JSON today.';
    const response = await generate({ brief, targets: ['x'], variants: 1 });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json<Problem>()).toMatchObject({ code: 'llm_refused', detail: expect.stringContaining('JSON') });
  });

  it('repairs an over-long X post at a sentence boundary and flags it', async () => {
    const long =
      'Cold brew is smoother than iced coffee. ' +
      'Cold water pulls out the sweet notes and leaves the sharp ones behind, so the cup tastes rounder and calmer. '.repeat(
        2,
      ) +
      'Try it this week with a coarse grind and sixteen hours in the fridge.';
    script.generation = (ask) =>
      variantsJson(ask.networks, ask.variants, () => ({ text: long, hashtags: ['ColdBrew'], cta: 'Shop' }));
    const response = await generate({ brief, targets: ['x'], variants: 1 });
    expect(response.statusCode, response.body).toBe(201);
    const x = response.json<Generated>().variants[0]!.perNetwork['x']!;
    expect(x.repaired).toBe('trimmed_sentence');
    expect(x.fits).toBe(true);
    expect(x.text.endsWith('.')).toBe(true);
    expect(long.startsWith(x.text)).toBe(true);
  });

  it('asks the model for a shorter post when not even one sentence fits', async () => {
    const oneSentence = `Cold brew ${'really '.repeat(60)}is smoother`;
    script.generation = (ask) =>
      variantsJson(ask.networks, ask.variants, () => ({ text: oneSentence, hashtags: [], cta: 'Shop' }));
    script.rewrite = () => 'Cold brew is smoother. Shop the beans!';
    const response = await generate({ brief, targets: ['x'], variants: 1 });
    expect(response.statusCode, response.body).toBe(201);
    const x = response.json<Generated>().variants[0]!.perNetwork['x']!;
    expect(x).toMatchObject({
      repaired: 'rewritten_shorter',
      text: 'Cold brew is smoother. Shop the beans!',
      fits: true,
    });
    const rewrite = fake.requests.find((request) =>
      JSON.stringify(request.body).includes('You rewrite social media posts'),
    );
    expect(JSON.stringify(rewrite?.body)).toContain('Never exceed 280');
  });

  it('names the field of bad input and of an unknown account', async () => {
    const cases: [object, string][] = [
      [{ brief, targets: ['x'], variants: 6 }, 'body/variants'],
      [{ brief: { topic: '' }, targets: ['x'], variants: 1 }, 'body/brief/topic'],
      [{ brief, targets: ['myspace'], variants: 1 }, 'body/targets/0'],
      [
        { brief, targets: [{ accountId: '00000000-0000-4000-8000-000000000000' }], variants: 1 },
        'body/targets/0/accountId',
      ],
      [
        { brief: { ...brief, contentType: 'promotional' }, targets: ['x'], variants: 1 },
        'body/brief/templateValues/product',
      ],
    ];
    for (const [payload, path] of cases) {
      const response = await generate(payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(
        response.json<Problem>().errors?.map((error) => error.path),
        JSON.stringify(payload),
      ).toContain(path);
    }
  });
});

describe('rewrite and accept', () => {
  it('rewrites shorter into a child revision, then accepts per-network texts into a draft post', async () => {
    const generated = (await generate({ brief, targets: ['x', 'linkedin'], variants: 1 })).json<Generated>();
    const x = generated.variants[0]!.perNetwork['x']!;
    const linkedin = generated.variants[0]!.perNetwork['linkedin']!;
    const rewrite = await t.app.inject({
      method: 'POST',
      url: `${base()}/drafts/${generated.draftId}/revisions/${x.revisionId}/rewrite`,
      headers: editor.headers,
      payload: { action: 'shorter' },
    });
    expect(rewrite.statusCode, rewrite.body).toBe(201);
    const child = rewrite.json<{
      revision: { id: string; parentId: string; source: string; seq: number; text: string; quality: { score: number } };
    }>().revision;
    expect(child).toMatchObject({
      parentId: x.revisionId,
      source: 'rewrite:shorter',
      seq: 3,
      text: 'Cold brew, made simple. Shop the beans!',
    });
    expect(child.quality.score).toEqual(expect.any(Number));

    const translate = await t.app.inject({
      method: 'POST',
      url: `${base()}/drafts/${generated.draftId}/revisions/${x.revisionId}/rewrite`,
      headers: editor.headers,
      payload: { action: 'translate' },
    });
    expect(translate.statusCode, translate.body).toBe(400);
    expect(translate.json<Problem>().errors?.[0]?.path).toBe('body/language');

    const accept = await t.app.inject({
      method: 'POST',
      url: `${base()}/drafts/${generated.draftId}/accept`,
      headers: editor.headers,
      payload: { revisionIds: [child.id, linkedin.revisionId], accountIds: [accounts['x'], accounts['linkedin']] },
    });
    expect(accept.statusCode, accept.body).toBe(201);
    const post = accept.json<{
      id: string;
      state: string;
      targets: { network: string; override: { text?: string; hashtags?: string[] } }[];
    }>();
    expect(post.state).toBe('draft');
    const byNetwork = Object.fromEntries(post.targets.map((target) => [target.network, target.override]));
    // Hashtags as a post stores them (`#tag`, see composePost), without those the text already holds.
    expect(byNetwork['x']).toEqual({ text: child.text, hashtags: ['#ColdBrew'] });
    expect(byNetwork['linkedin']).toEqual({ text: linkedin.text, hashtags: ['#ColdBrew'] });
    const draft = await t.app.inject({
      method: 'GET',
      url: `${base()}/drafts/${generated.draftId}`,
      headers: editor.headers,
    });
    expect(draft.json()).toMatchObject({ postId: post.id });

    // Accepting again into the same post edits it (under the post's own rules).
    const again = await t.app.inject({
      method: 'POST',
      url: `${base()}/drafts/${generated.draftId}/accept`,
      headers: editor.headers,
      payload: { revisionIds: [x.revisionId], accountIds: [accounts['x']], postId: post.id },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<{ targets: { override: { text?: string } }[] }>().targets).toEqual([
      expect.objectContaining({ override: expect.objectContaining({ text: x.text }) }),
    ]);
  });

  it('refuses an account whose network has no chosen revision, naming the field', async () => {
    const generated = (await generate({ brief, targets: ['x'], variants: 1 })).json<Generated>();
    const accept = await t.app.inject({
      method: 'POST',
      url: `${base()}/drafts/${generated.draftId}/accept`,
      headers: editor.headers,
      payload: {
        revisionIds: [generated.variants[0]!.perNetwork['x']!.revisionId],
        accountIds: [accounts['linkedin']],
      },
    });
    expect(accept.statusCode, accept.body).toBe(400);
    expect(accept.json<Problem>().errors?.[0]?.path).toBe('body/accountIds/0');
  });

  it("keeps other workspaces' drafts out of reach (404)", async () => {
    const generated = (await generate({ brief, targets: ['x'], variants: 1 })).json<Generated>();
    const revisionId = generated.variants[0]!.perNetwork['x']!.revisionId;
    const outsiderOwn = await t.app.inject({
      method: 'GET',
      url: `${base(otherWorkspace.id)}/drafts/${generated.draftId}`,
      headers: outsider.headers,
    });
    expect(outsiderOwn.statusCode).toBe(404);
    const viaOther = await t.app.inject({
      method: 'POST',
      url: `${base(otherWorkspace.id)}/drafts/${generated.draftId}/revisions/${revisionId}/rewrite`,
      headers: outsider.headers,
      payload: { action: 'shorter' },
    });
    expect(viaOther.statusCode).toBe(404);
    const intoOther = await t.app.inject({
      method: 'GET',
      url: `${base()}/drafts/${generated.draftId}`,
      headers: outsider.headers,
    });
    expect(intoOther.statusCode).toBe(404);
  });
});

describe('when no model can answer', () => {
  it('answers 503 llm_unavailable with the gateway message, and generates with a neutral voice warning when there is no profile', async () => {
    const fresh = await createWorkspaceAs(t.app, owner);
    const neutral = await generate({ brief, targets: ['bluesky'], variants: 1 }, owner, fresh.id);
    expect(neutral.statusCode, neutral.body).toBe(201);
    expect(neutral.json<Generated>().warnings[0]).toContain('neutral voice');

    script.generation = () => {
      throw new Error('model crashed');
    };
    const response = await generate({ brief, targets: ['x'], variants: 1 });
    expect(response.statusCode, response.body).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<Problem>()).toMatchObject({
      code: 'llm_unavailable',
      detail: expect.stringContaining('ollama'),
    });
  });
});
