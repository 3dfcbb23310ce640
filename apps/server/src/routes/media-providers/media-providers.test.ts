import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmProviders, llmUsage } from '@plume/db/schema/llm';
import { startOpenAiMediaFake, type OpenAiMediaFake } from '@plume/testing/fakes/media/openai-media-fake';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

const KEY = 'test-openai-key';
let t: TestApp;
let speech: OpenAiMediaFake;
let cloud: OpenAiMediaFake;
let owner: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let otherWorkspace: TestWorkspace;

type Status = {
  items: Array<{ providerId: string; kind: string; source: string; hasKey: boolean; makes: Record<string, boolean> }>;
  canMake: { image: boolean; video: boolean; speech: boolean };
};

beforeAll(async () => {
  [speech, cloud] = await Promise.all([
    startOpenAiMediaFake({ apiKey: null, flavor: 'compatible', models: ['kokoro'] }),
    startOpenAiMediaFake({ apiKey: KEY }),
  ]);
  t = await createTestApp({ SPEECH_URL: `${speech.url}/v1`, HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  owner = await createUser(t.app, t.db, { name: 'Mia Media' });
  outsider = await createUser(t.app, t.db, { name: 'Otto Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  otherWorkspace = await createWorkspaceAs(t.app, outsider);
});

afterAll(async () => {
  await t.close();
  await Promise.all([speech.close(), cloud.close()]);
});

const url = (path: string, ws = workspace.id) => `/api/v1/workspaces/${ws}/media/${path}`;

describe('media providers', () => {
  it("lists the instance's speech server and says images cannot be made yet", async () => {
    const response = await t.app.inject({ method: 'GET', url: url('providers?check=true'), headers: owner.headers });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Status>();
    const local = body.items.find((item) => item.providerId === 'local-speech');
    expect(local).toMatchObject({
      kind: 'openai_compatible',
      source: 'instance',
      makes: { image: false, speech: true },
    });
    expect(body.canMake.speech).toBe(true);
    expect(body.canMake.image).toBe(false);
  });

  it('saves an OpenAI media key apart from the text providers, never returning it, and routes images to it', async () => {
    const saved = await t.app.inject({
      method: 'PUT',
      url: url('providers/openai'),
      headers: owner.headers,
      payload: { kind: 'openai', baseUrl: `${cloud.url}/v1`, apiKey: KEY },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain(KEY);
    const [row] = await t.db
      .select()
      .from(llmProviders)
      .where(and(eq(llmProviders.workspaceId, workspace.id), eq(llmProviders.providerId, 'openai')));
    expect(row?.purpose).toBe('media');
    const textProviders = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/llm/providers`,
      headers: owner.headers,
    });
    expect(
      textProviders.json<{ items: Array<{ providerId: string }> }>().items.map((item) => item.providerId),
    ).not.toContain('openai');
    const result = await t.context.llm.media.gateway.generateImages({
      workspaceId: workspace.id,
      call: { prompt: 'a red kite', aspectRatio: '1:1', width: 1080, height: 1080, count: 1 },
    });
    expect(result).toMatchObject({ provider: 'openai', model: 'gpt-image-1', costMicros: 42_000 });
    const [usage] = await t.db.select().from(llmUsage).where(eq(llmUsage.id, result.usageId));
    expect(usage).toMatchObject({ task: 'image', costMicros: 42_000, priceVersion: '2025-10', outcome: 'ok' });
    const test = await t.app.inject({ method: 'POST', url: url('providers/openai/test'), headers: owner.headers });
    expect(test.json()).toMatchObject({ ok: true });
  });

  it('refuses a local server without its URL, at its field', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: url('providers/office-sd'),
      headers: owner.headers,
      payload: { kind: 'automatic1111' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'body/baseUrl' }] });
  });

  it('refuses espeak-ng from a workspace: only the operator may run a program', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: url('providers/espeak'),
      headers: owner.headers,
      payload: { kind: 'espeak' },
    });
    expect(response.statusCode).toBe(400);
  });

  it('stores a policy per media task and goes back to the local-first default', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: url('policies/speech'),
      headers: owner.headers,
      payload: { mode: 'cheapest', candidates: [{ provider: 'openai', model: 'tts-1' }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: url('policies'), headers: owner.headers });
    const items = list.json<{ items: Array<{ task: string; isDefault: boolean; candidates: unknown[] }> }>().items;
    expect(items.map((item) => [item.task, item.isDefault])).toEqual([
      ['image', true],
      ['video', true],
      ['speech', false],
    ]);
    expect(items[0]?.candidates).toEqual([{ provider: 'openai', model: 'gpt-image-1' }]);
    await t.app.inject({ method: 'DELETE', url: url('policies/speech'), headers: owner.headers });
    const after = await t.app.inject({ method: 'GET', url: url('policies'), headers: owner.headers });
    // Local first: the speech server (and espeak-ng where installed) before the cloud.
    const candidates = after.json<{ items: Array<{ candidates: Array<{ provider: string }> }> }>().items[2]?.candidates;
    expect(candidates?.[0]).toEqual({ provider: 'local-speech', model: 'auto' });
    expect(candidates?.at(-1)).toEqual({ provider: 'openai', model: 'tts-1' });
  });

  it("keeps other workspaces' providers apart: 404 for a non-member", async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: url('providers', otherWorkspace.id),
      headers: owner.headers,
    });
    expect(response.statusCode).toBe(404);
  });

  it('removes a media provider', async () => {
    const removed = await t.app.inject({ method: 'DELETE', url: url('providers/openai'), headers: owner.headers });
    expect(removed.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'DELETE', url: url('providers/openai'), headers: owner.headers });
    expect(again.statusCode).toBe(404);
  });
});
