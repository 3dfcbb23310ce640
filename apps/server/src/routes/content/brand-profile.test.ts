import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { northwind, scriptContentModel } from './content-fake-model.ts';

let t: TestApp;
let fake: OllamaFake;
let owner: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;
let character: TestWorkspace;

type Problem = { code: string; errors?: { path: string; message: string }[] };

beforeAll(async () => {
  fake = await startOllamaFake();
  scriptContentModel(fake);
  t = await createTestApp({ OLLAMA_URL: fake.url });
  owner = await createUser(t.app, t.db, { name: 'Bea Brand' });
  viewer = await createUser(t.app, t.db, { name: 'Vic Viewer' });
  workspace = await createWorkspaceAs(t.app, owner);
  character = await createWorkspaceAs(t.app, owner, { kind: 'character' });
  await addMember(t.app, workspace, owner, viewer, 'viewer');
});

afterAll(async () => {
  await t.close();
  await fake.close();
});

const url = (ws = workspace.id) => `/api/v1/workspaces/${ws}/brand-profile`;
const put = (payload: object, user = owner, ws = workspace.id) =>
  t.app.inject({ method: 'PUT', url: url(ws), headers: user.headers, payload });

describe('brand profile', () => {
  it('starts empty with a hint, then round-trips what an admin saves (canonical language, hashtags without #)', async () => {
    const empty = await t.app.inject({ method: 'GET', url: url(), headers: viewer.headers });
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ profile: null, hint: expect.stringContaining('neutral voice') });
    expect(empty.json<{ hint: string }>().hint).not.toContain('PUT this path');

    const saved = await put({ brand: northwind });
    expect(saved.statusCode, saved.body).toBe(200);
    const read = await t.app.inject({ method: 'GET', url: url(), headers: viewer.headers });
    expect(read.json()).toMatchObject({
      profile: {
        kind: 'brand',
        brand: { name: 'Northwind Roasters', language: 'en-GB', hashtags: { always: ['Northwind'] } },
        persona: null,
      },
      hint: null,
    });

    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/audit-log`,
      headers: owner.headers,
    });
    expect(audit.json<{ items: { action: string }[] }>().items.map((item) => item.action)).toContain(
      'brand_profile.updated',
    );
  });

  it('names the field of a bad value, and lets only admins write', async () => {
    const bad = await put({ brand: { ...northwind, voice: { ...northwind.voice, formality: 3 } } });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json<Problem>().errors?.map((error) => error.path)).toEqual(['body/brand/voice/formality']);
    // Each error is in plain words at its field, never zod's "Too big: expected array to have <=8 items".
    const tones = await put({
      brand: {
        ...northwind,
        voice: {
          ...northwind.voice,
          tone: ['warm', 'witty', 'direct', 'calm', 'bold', 'kind', 'brief', 'bright', 'wry'],
        },
      },
    });
    expect(tones.statusCode, tones.body).toBe(400);
    expect(tones.json<Problem>().errors).toEqual([
      { path: 'body/brand/voice/tone', message: 'Use at most 8 items (this has 9).' },
    ]);
    expect(tones.body).not.toMatch(/Too big|expected array/);
    const clash = await put({ brand: { ...northwind, hashtags: { always: ['Coffee'], never: ['coffee'] } } });
    expect(clash.json<Problem>().errors?.[0]?.path).toBe('body/brand/hashtags/always/0');
    expect((await put({ brand: northwind }, viewer)).statusCode).toBe(403);
  });

  it('requires a persona with its disclosure in a character workspace', async () => {
    const missing = await put({ brand: northwind }, owner, character.id);
    expect(missing.statusCode, missing.body).toBe(400);
    expect(missing.json<Problem>().errors?.[0]?.path).toBe('body/persona');
    const noDisclosure = await put(
      { brand: northwind, persona: { name: 'Ada', traits: { humor: 0.8 } } },
      owner,
      character.id,
    );
    expect(noDisclosure.json<Problem>().errors?.[0]?.path).toBe('body/persona/disclosure');
    const saved = await put(
      {
        brand: northwind,
        persona: { name: 'Ada', traits: { humor: 0.8 }, disclosure: 'AI-assisted account run by Northwind.' },
      },
      owner,
      character.id,
    );
    expect(saved.json()).toMatchObject({
      profile: { kind: 'persona', persona: { name: 'Ada', disclosure: 'AI-assisted account run by Northwind.' } },
    });
  });

  it('previews a sample post in the voice, scored, for the chosen network', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${url()}/preview`,
      headers: owner.headers,
      payload: { network: 'bluesky' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      network: string;
      sample: {
        text: string;
        fits: boolean;
        quality: { score: number; criteria: { id: string; score: number | null }[] };
      };
      usage: { provider: string };
    }>();
    expect(body.network).toBe('bluesky');
    expect(body.sample.text).toContain('Variant 1 for bluesky');
    expect(body.sample.quality.criteria.find((item) => item.id === 'voice')?.score).toBe(0.8);
    expect(body.usage.provider).toBe('ollama');
  });
});

describe('content templates', () => {
  const templates = (ws = workspace.id) => `/api/v1/workspaces/${ws}/content-templates`;

  it('lists built-ins, overrides one (flagged), refuses an unknown placeholder, and resets', async () => {
    const list = await t.app.inject({ method: 'GET', url: templates(), headers: viewer.headers });
    expect(list.json<{ items: { contentType: string; isOverridden: boolean }[] }>().items).toHaveLength(7);

    const bad = await t.app.inject({
      method: 'PUT',
      url: `${templates()}/review`,
      headers: owner.headers,
      payload: { skeleton: 'Review {{prodct}}' },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json<Problem>().errors?.map((error) => error.path)).toContain('body/skeleton');

    const saved = await t.app.inject({
      method: 'PUT',
      url: `${templates()}/review`,
      headers: owner.headers,
      payload: { name: 'Honest take' },
    });
    expect(saved.json()).toMatchObject({ contentType: 'review', name: 'Honest take', isOverridden: true });
    const after = await t.app.inject({ method: 'GET', url: templates(), headers: viewer.headers });
    expect(
      after
        .json<{ items: { contentType: string; name: string; isOverridden: boolean }[] }>()
        .items.find((item) => item.contentType === 'review'),
    ).toMatchObject({ name: 'Honest take', isOverridden: true });

    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `${templates()}/review`,
          headers: viewer.headers,
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const reset = await t.app.inject({ method: 'DELETE', url: `${templates()}/review`, headers: owner.headers });
    expect(reset.statusCode).toBe(204);
    const final = await t.app.inject({ method: 'GET', url: templates(), headers: viewer.headers });
    expect(
      final
        .json<{ items: { contentType: string; name: string; isOverridden: boolean }[] }>()
        .items.find((item) => item.contentType === 'review'),
    ).toMatchObject({ name: 'Review', isOverridden: false });
  });
});
