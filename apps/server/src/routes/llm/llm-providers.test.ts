import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LLM_TASKS } from '@plume/contract/llm/llm-enums';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { llmProviders } from '@plume/db/schema/llm';
import type { LlmFakeControls } from '@plume/testing/fakes/llm/llm-fake-server';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { startOpenAiFake } from '@plume/testing/fakes/llm/openai-fake';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

const KEY = 'sk-providers-test-key-0123456789';
let t: TestApp;
let ollama: OllamaFake;
let openai: LlmFakeControls;
let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let otherWorkspace: TestWorkspace;

type Provider = {
  providerId: string;
  kind: string;
  source: string;
  hasKey: boolean;
  enabled: boolean;
  baseUrl: string | null;
  circuit: { state: string };
  health?: { ok: boolean; reason?: string };
};
type Policy = {
  task: string;
  mode: string;
  candidates: Array<{ provider: string; model: string }>;
  isDefault: boolean;
};

beforeAll(async () => {
  [ollama, openai] = await Promise.all([startOllamaFake(), startOpenAiFake({ apiKey: KEY })]);
  t = await createTestApp({ OLLAMA_URL: ollama.url, HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  owner = await createUser(t.app, t.db, { name: 'Mo Models' });
  viewer = await createUser(t.app, t.db, { name: 'Vi Viewer' });
  outsider = await createUser(t.app, t.db, { name: 'Otto Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  otherWorkspace = await createWorkspaceAs(t.app, outsider);
  await addMember(t.app, workspace, owner, viewer, 'viewer');
});

afterAll(async () => {
  await t.close();
  await Promise.all([ollama.close(), openai.close()]);
});

const url = (path: string, ws = workspace.id) => `/api/v1/workspaces/${ws}/llm/${path}`;
const saveOpenAi = (user = owner, payload: object = { kind: 'openai', baseUrl: `${openai.url}/v1`, apiKey: KEY }) =>
  t.app.inject({ method: 'PUT', url: url('providers/openai'), headers: user.headers, payload });

describe('providers', () => {
  it('lists the instance Ollama with its circuit, and its health only when asked', async () => {
    const plain = await t.app.inject({ method: 'GET', url: url('providers'), headers: viewer.headers });
    expect(plain.statusCode, plain.body).toBe(200);
    const [item] = plain.json<{ items: Provider[] }>().items;
    expect(item).toMatchObject({
      providerId: 'ollama',
      kind: 'ollama',
      source: 'instance',
      baseUrl: ollama.url,
      circuit: { state: 'closed' },
    });
    expect(item?.health).toBeUndefined();
    const checked = await t.app.inject({ method: 'GET', url: url('providers?check=true'), headers: viewer.headers });
    expect(checked.json<{ items: Provider[] }>().items[0]?.health).toMatchObject({ ok: true });
  });

  it('saves a key encrypted and never returns it', async () => {
    const saved = await saveOpenAi();
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ providerId: 'openai', kind: 'openai', hasKey: true, enabled: true });
    const [row] = await t.db.select().from(llmProviders).where(eq(llmProviders.workspaceId, workspace.id));
    expect(row?.apiKeyCiphertext).toBeTruthy();
    expect(row?.apiKeyCiphertext).not.toContain(KEY);
    const list = await t.app.inject({ method: 'GET', url: url('providers?check=true'), headers: owner.headers });
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/audit-log`,
      headers: owner.headers,
    });
    for (const body of [saved.body, list.body, audit.body]) expect(body).not.toContain(KEY);
    const openAi = list.json<{ items: Provider[] }>().items.find((item) => item.providerId === 'openai');
    expect(openAi).toMatchObject({ source: 'workspace', hasKey: true, health: { ok: true } });
  });

  it('tests a saved provider and an unsaved configuration, with the reason in plain words', async () => {
    const saved = await t.app.inject({ method: 'POST', url: url('providers/openai/test'), headers: owner.headers });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ok: true });
    const wrong = await t.app.inject({
      method: 'POST',
      url: url('providers/test'),
      headers: owner.headers,
      payload: { kind: 'openai', baseUrl: `${openai.url}/v1`, apiKey: 'sk-wrong' },
    });
    expect(wrong.statusCode, wrong.body).toBe(200);
    const health = wrong.json<{ ok: boolean; reason?: string }>();
    expect(health.ok).toBe(false);
    expect(health.reason).toEqual(expect.any(String));
    expect(wrong.body).not.toContain('sk-wrong');
    const unknown = await t.app.inject({
      method: 'POST',
      url: url('providers/nothing-here/test'),
      headers: owner.headers,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('says a saved key this server cannot read (restored without its secret key) in words, never a 500', async () => {
    const foreign = createKeyring(parseKey(generateKey()));
    await t.db.insert(llmProviders).values({
      workspaceId: workspace.id,
      providerId: 'groq',
      kind: 'groq',
      apiKeyCiphertext: foreign.encrypt('gsk-lost'),
    });
    t.context.llm.directory.invalidate(workspace.id);
    const because = new RegExp(
      `The API key saved for this provider cannot be read: it was encrypted with the secret key ${foreign.currentKeyId}.*Enter the API key again on the Models page`,
    );
    try {
      const list = await t.app.inject({ method: 'GET', url: url('providers'), headers: owner.headers });
      expect(list.statusCode, list.body).toBe(200);
      const groq = list.json<{ items: Provider[] }>().items.find((item) => item.providerId === 'groq');
      expect(groq).toMatchObject({ source: 'workspace', hasKey: true, health: { ok: false } });
      expect(groq?.health?.reason).toMatch(because);
      const tested = await t.app.inject({ method: 'POST', url: url('providers/groq/test'), headers: owner.headers });
      expect(tested.statusCode, tested.body).toBe(200);
      expect(tested.json()).toMatchObject({ ok: false, reason: expect.stringMatching(because) });
    } finally {
      await t.db.delete(llmProviders).where(eq(llmProviders.providerId, 'groq'));
      t.context.llm.directory.invalidate(workspace.id);
    }
  });

  it('refuses a viewer (403) and hides the workspace from outsiders (404)', async () => {
    const byViewer = await saveOpenAi(viewer);
    expect(byViewer.statusCode).toBe(403);
    expect(byViewer.headers['content-type']).toMatch(/problem\+json/);
    const list = await t.app.inject({ method: 'GET', url: url('providers'), headers: outsider.headers });
    expect(list.statusCode).toBe(404);
    const own = await t.app.inject({
      method: 'GET',
      url: url('providers', otherWorkspace.id),
      headers: outsider.headers,
    });
    expect(own.json<{ items: Provider[] }>().items.map((item) => item.providerId)).toEqual(['ollama']);
  });

  it('asks for a key a cloud provider needs, and answers 404 for a provider it does not have', async () => {
    const keyless = await t.app.inject({
      method: 'PUT',
      url: url('providers/groq'),
      headers: owner.headers,
      payload: { kind: 'groq' },
    });
    expect(keyless.statusCode).toBe(400);
    expect(keyless.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body/apiKey' }] });
    const missing = await t.app.inject({ method: 'DELETE', url: url('providers/groq'), headers: owner.headers });
    expect(missing.statusCode).toBe(404);
  });

  it('removes a provider and forgets it at once', async () => {
    await saveOpenAi(owner, { kind: 'openai_compatible', baseUrl: `${openai.url}/v1` }).then((response) =>
      expect(response.statusCode).toBe(409),
    );
    const removed = await t.app.inject({ method: 'DELETE', url: url('providers/openai'), headers: owner.headers });
    expect(removed.statusCode).toBe(204);
    const list = await t.app.inject({ method: 'GET', url: url('providers'), headers: owner.headers });
    expect(list.json<{ items: Provider[] }>().items.map((item) => item.providerId)).toEqual(['ollama']);
  });
});

describe('policies and budget', () => {
  it('lists every task with its default, stores one, and goes back to the default', async () => {
    const before = await t.app.inject({ method: 'GET', url: url('policies'), headers: viewer.headers });
    const items = before.json<{ items: Policy[] }>().items;
    expect(items).toHaveLength(LLM_TASKS.length);
    expect(items.every((item) => item.isDefault)).toBe(true);
    expect(items.find((item) => item.task === 'caption')).toMatchObject({
      mode: 'local_first',
      candidates: [{ provider: 'ollama', model: 'auto' }],
    });

    const policy = { mode: 'fastest', candidates: [{ provider: 'ollama', model: 'qwen2.5:0.5b' }] };
    const put = await t.app.inject({
      method: 'PUT',
      url: url('policies/caption'),
      headers: owner.headers,
      payload: policy,
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: url('policies'), headers: viewer.headers });
    expect(after.json<{ items: Policy[] }>().items.find((item) => item.task === 'caption')).toEqual({
      task: 'caption',
      ...policy,
      isDefault: false,
    });
    const reset = await t.app.inject({ method: 'DELETE', url: url('policies/caption'), headers: owner.headers });
    expect(reset.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'GET', url: url('policies'), headers: viewer.headers });
    expect(again.json<{ items: Policy[] }>().items.find((item) => item.task === 'caption')?.isDefault).toBe(true);
  });

  it('validates task, mode and the number of candidates', async () => {
    const candidate = { provider: 'ollama', model: 'auto' };
    const cases = [
      { path: 'policies/painting', payload: { mode: 'fastest', candidates: [candidate] }, field: 'params/task' },
      { path: 'policies/caption', payload: { mode: 'random', candidates: [candidate] }, field: 'body/mode' },
      { path: 'policies/caption', payload: { mode: 'fastest', candidates: [] }, field: 'body/candidates' },
      {
        path: 'policies/caption',
        payload: { mode: 'fastest', candidates: Array.from({ length: 9 }, () => candidate) },
        field: 'body/candidates',
      },
    ];
    for (const item of cases) {
      const response = await t.app.inject({
        method: 'PUT',
        url: url(item.path),
        headers: owner.headers,
        payload: item.payload,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<{ errors: Array<{ path: string }> }>().errors[0]?.path).toBe(item.field);
    }
  });

  it('stores the budget in dollars and shows the spend', async () => {
    const budget = {
      dailyLimitUsd: 1.5,
      monthlyLimitUsd: null,
      dailyRequestLimit: 100,
      monthlyRequestLimit: null,
      degradeAtPercent: 70,
    };
    const put = await t.app.inject({ method: 'PUT', url: url('budget'), headers: owner.headers, payload: budget });
    expect(put.statusCode, put.body).toBe(200);
    const get = await t.app.inject({ method: 'GET', url: url('budget'), headers: viewer.headers });
    expect(get.json()).toEqual({
      ...budget,
      today: { costUsd: 0, requests: 0 },
      thisMonth: { costUsd: 0, requests: 0 },
      degraded: false,
    });
    const byViewer = await t.app.inject({
      method: 'PUT',
      url: url('budget'),
      headers: viewer.headers,
      payload: budget,
    });
    expect(byViewer.statusCode).toBe(403);
  });
});
