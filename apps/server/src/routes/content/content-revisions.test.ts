import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import type { TestUser, TestWorkspace } from '../../test-support/factories.ts';
import type { TestApp } from '../../test-support/test-app.ts';
import { postFor, scriptContentModel, variantsJson, type ContentScript } from './content-fake-model.ts';
import { setUpStudio, type StudioFixture } from './content-studio-fixture.ts';

let studio: StudioFixture;
let t: TestApp;
let fake: OllamaFake;
let script: ContentScript;
let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let otherWorkspace: TestWorkspace;
const accounts: Record<string, string> = {};

type Post = { revisionId: string; text: string; title?: string; thread: string[] };
type Generated = { draftId: string; variants: { perNetwork: Record<string, Post> }[]; warnings: string[] };
type Revision = {
  id: string;
  parentId: string | null;
  source: string;
  text: string;
  title: string | null;
  thread: string[];
  count: number;
  limit: number;
  fits: boolean;
  warnings: string[];
  quality: { score: number; criteria: { id: string; score: number | null }[] };
};
type Problem = { code: string; errors?: { path: string }[] };

beforeAll(async () => {
  studio = await setUpStudio('Rev', ['x', 'youtube']);
  ({ t, fake, editor, viewer, outsider, workspace, otherWorkspace } = studio);
  Object.assign(accounts, studio.accounts);
});

beforeEach(() => {
  fake.reset();
  script = scriptContentModel(fake);
});

afterAll(() => studio.close());

const base = (ws = workspace.id) => `/api/v1/workspaces/${ws}/content`;
const brief = { topic: 'Cold brew at home' };
const longTitle = `Cold brew at home: ${'the slow and patient way '.repeat(6)}explained`;
const tooLongPart = `Cold water ${'pulls the sweet notes out slowly '.repeat(12)}overnight`;

/** The model suggests a title and thread parts for every network; Plume keeps what each network can hold. */
function withExtras(): void {
  script.generation = (ask) =>
    variantsJson(ask.networks, ask.variants, (network, variant) => ({
      ...postFor(network, variant),
      title: longTitle,
      thread: ['Grind coarse, then wait sixteen hours.', tooLongPart],
    }));
}

async function generate(targets: string[]): Promise<Generated> {
  const response = await t.app.inject({
    method: 'POST',
    url: `${base()}/generate`,
    headers: editor.headers,
    payload: { brief, targets, variants: 1 },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Generated>();
}

const edit = (draftId: string, revisionId: string, payload: object, user = editor, ws = workspace.id) =>
  t.app.inject({
    method: 'POST',
    url: `${base(ws)}/drafts/${draftId}/revisions/${revisionId}/edit`,
    headers: user.headers,
    payload,
  });

describe('title and thread', () => {
  it('keeps a YouTube title within 100 characters and X thread parts within 280, drops what a network cannot hold, and carries both into the post', async () => {
    withExtras();
    const generated = await generate(['youtube', 'x']);
    const youtube = generated.variants[0]!.perNetwork['youtube']!;
    const x = generated.variants[0]!.perNetwork['x']!;
    expect(youtube.title!.length).toBeLessThanOrEqual(100);
    expect(longTitle.startsWith(youtube.title!.replace(/…$/, ''))).toBe(true);
    expect(youtube.thread).toEqual([]);
    expect(x.title).toBeUndefined();
    expect(x.thread[0]).toBe('Grind coarse, then wait sixteen hours.');
    expect(x.thread[1]!.length).toBeLessThanOrEqual(280);
    expect(tooLongPart.startsWith(x.thread[1]!.replace(/…$/, ''))).toBe(true);
    expect(generated.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('YouTube has no threads'),
        expect.stringContaining('X posts have no title'),
        expect.stringContaining('shortened'),
      ]),
    );

    const draft = await t.app.inject({
      method: 'GET',
      url: `${base()}/drafts/${generated.draftId}`,
      headers: editor.headers,
    });
    const stored = draft.json<{ revisions: Revision[] }>().revisions;
    expect(stored.find((revision) => revision.id === youtube.revisionId)).toMatchObject({
      title: youtube.title,
      thread: [],
    });
    expect(stored.find((revision) => revision.id === x.revisionId)).toMatchObject({ title: null, thread: x.thread });

    const rewrite = await t.app.inject({
      method: 'POST',
      url: `${base()}/drafts/${generated.draftId}/revisions/${x.revisionId}/rewrite`,
      headers: editor.headers,
      payload: { action: 'shorter' },
    });
    expect(rewrite.json<{ revision: Revision }>().revision.thread).toEqual(x.thread);

    const accept = await t.app.inject({
      method: 'POST',
      url: `${base()}/drafts/${generated.draftId}/accept`,
      headers: editor.headers,
      payload: { revisionIds: [youtube.revisionId, x.revisionId], accountIds: [accounts['youtube'], accounts['x']] },
    });
    expect(accept.statusCode, accept.body).toBe(201);
    const targets = accept.json<{
      targets: { network: string; override: { title?: string; thread?: { text: string }[] } }[];
    }>().targets;
    const byNetwork = Object.fromEntries(targets.map((target) => [target.network, target.override]));
    expect(byNetwork['youtube']?.title).toBe(youtube.title);
    expect(byNetwork['x']?.thread?.map((part) => part.text)).toEqual(x.thread);
  });
});

describe('manual edit', () => {
  it('stores the edit as a manual child revision, rescored without a model call', async () => {
    const generated = await generate(['x']);
    const parent = generated.variants[0]!.perNetwork['x']!;
    const before = fake.requests.length;
    const response = await edit(generated.draftId, parent.revisionId, {
      text: 'Our own words: cold brew, sixteen hours, no fuss. Shop the beans!',
      thread: ['Part two, in our words.'],
    });
    expect(response.statusCode, response.body).toBe(201);
    const revision = response.json<{ revision: Revision }>().revision;
    expect(revision).toMatchObject({
      source: 'manual',
      parentId: parent.revisionId,
      thread: ['Part two, in our words.'],
      fits: true,
      limit: 280,
      warnings: [],
    });
    expect(revision.quality.score).toEqual(expect.any(Number));
    expect(revision.quality.criteria.find((criterion) => criterion.id === 'voice')?.score).toBeNull();
    expect(fake.requests.length).toBe(before);

    const draft = await t.app.inject({
      method: 'GET',
      url: `${base()}/drafts/${generated.draftId}`,
      headers: editor.headers,
    });
    expect(draft.json<{ revisions: Revision[] }>().revisions.at(-1)).toMatchObject({
      id: revision.id,
      source: 'manual',
    });
  });

  it('keeps over-limit text and a too-long title as written and flags them', async () => {
    const generated = await generate(['youtube', 'x']);
    const x = generated.variants[0]!.perNetwork['x']!;
    const long = `${'Cold brew is smoother than iced coffee. '.repeat(10)}Shop the beans!`;
    const response = await edit(generated.draftId, x.revisionId, { text: long, hashtags: [] });
    expect(response.statusCode, response.body).toBe(201);
    const revision = response.json<{ revision: Revision }>().revision;
    expect(revision).toMatchObject({ text: long, fits: false, limit: 280 });
    expect(revision.count).toBeGreaterThan(280);
    expect(revision.quality.score).toBeLessThanOrEqual(40);
    expect(revision.warnings[0]).toContain('shorten it');

    const youtube = generated.variants[0]!.perNetwork['youtube']!;
    const titled = await edit(generated.draftId, youtube.revisionId, { text: 'How we brew.', title: longTitle });
    expect(titled.statusCode, titled.body).toBe(201);
    expect(titled.json<{ revision: Revision }>().revision).toMatchObject({
      title: longTitle,
      warnings: [expect.stringContaining('allows 100')],
    });
  });

  it('names the field of bad input, refuses a viewer, and keeps other workspaces out', async () => {
    const generated = await generate(['youtube']);
    const youtube = generated.variants[0]!.perNetwork['youtube']!;
    const cases: [object, string][] = [
      [{}, 'body/text'],
      [{ text: 'Hi', hashtags: ['no spaces allowed'] }, 'body/hashtags/0'],
      [{ text: 'Hi', thread: ['A second part'] }, 'body/thread'],
    ];
    for (const [payload, path] of cases) {
      const response = await edit(generated.draftId, youtube.revisionId, payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(
        response.json<Problem>().errors?.map((error) => error.path),
        JSON.stringify(payload),
      ).toContain(path);
    }
    expect((await edit(generated.draftId, youtube.revisionId, { text: 'Hi' }, viewer)).statusCode).toBe(403);
    expect(
      (await edit(generated.draftId, youtube.revisionId, { text: 'Hi' }, outsider, otherWorkspace.id)).statusCode,
    ).toBe(404);
    expect((await edit(generated.draftId, '00000000-0000-4000-8000-000000000000', { text: 'Hi' })).statusCode).toBe(
      404,
    );
  });
});
