import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let ollama: OllamaFake;
let admin: TestUser;
let member: TestUser;
let workspace: TestWorkspace;

type Pull = {
  pullId: string;
  model: string;
  status: string;
  percent: number;
  error: { kind: string; message: string } | null;
};
type Problem = { code: string; detail: string };

beforeAll(async () => {
  ollama = await startOllamaFake();
  t = await createTestApp({ OLLAMA_URL: ollama.url });
  admin = await createUser(t.app, t.db, { name: 'Ada Admin' });
  member = await createUser(t.app, t.db, { name: 'Mel Member' });
  workspace = await createWorkspaceAs(t.app, member);
});

afterAll(async () => {
  await t.close();
  await ollama.close();
});

const get = (path: string, user = member) =>
  t.app.inject({ method: 'GET', url: `/api/v1/ollama/${path}`, headers: user.headers });
const install = (payload: object, user = admin) =>
  t.app.inject({ method: 'POST', url: '/api/v1/ollama/models/install', headers: user.headers, payload });

/** Server-Sent Events of a finished stream, in order. */
function parseSse(body: string): Array<{ event: string; id?: string; data: Record<string, unknown> }> {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const fields = new Map(
        block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
      );
      return {
        event: fields.get('event') ?? '',
        ...(fields.has('id') ? { id: fields.get('id') } : {}),
        data: JSON.parse(fields.get('data') ?? '{}') as Record<string, unknown>,
      };
    });
}

async function waitForEnd(pullId: string): Promise<Pull> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const pull = (await get(`pulls/${pullId}`)).json<Pull>();
    if (pull.status !== 'running') return pull;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the pull did not end');
}

describe('installed models', () => {
  it('lists installed models with their details to any signed-in user, and which are loaded', async () => {
    const response = await get('models/available');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{
      items: Array<{ name: string; family: string; parameterSize: string; quantization: string; running: boolean }>;
    }>().items;
    expect(items.map((item) => item.name).sort()).toEqual(['llama3.2:3b', 'qwen2.5:0.5b']);
    expect(items.find((item) => item.name === 'llama3.2:3b')).toMatchObject({
      family: 'llama',
      parameterSize: '3.2B',
      quantization: 'Q4_K_M',
      running: false,
    });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/ollama/models/available' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 503 with the reason when Ollama fails', async () => {
    ollama.failNext({ status: 500, path: '/api/tags', body: { error: 'disk full' } });
    const response = await get('models/available');
    expect(response.statusCode).toBe(503);
    expect(response.json<Problem>()).toMatchObject({ code: 'llm_unavailable' });
    expect(response.json<Problem>().detail).toContain('disk full');
  });

  it('shows one model with whether it fits, and 404 for one not installed', async () => {
    const status = await get('models/llama3.2:3b/status');
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({
      name: 'llama3.2:3b',
      family: 'llama',
      running: false,
      contextLength: 131_072,
      fit: { fits: true },
    });
    const missing = await get('models/mistral:7b/status');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<Problem>().detail).toContain('not installed');
  });

  it('says how much memory a model needs and the version of Ollama', async () => {
    const huge = await get('system/requirements?model=llama3.1:405b');
    expect(huge.statusCode, huge.body).toBe(200);
    expect(huge.json()).toMatchObject({ model: 'llama3.1:405b', fits: false });
    expect(huge.json<{ reason: string }>().reason).toContain('needs about');
    const version = await get('version');
    expect(version.json()).toEqual({ url: ollama.url, running: true, version: '0.12.6', reason: null });
  });

  it('lets only the instance admin delete a model', async () => {
    const byMember = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/ollama/models/qwen2.5:0.5b',
      headers: member.headers,
    });
    expect(byMember.statusCode).toBe(403);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/ollama/models/qwen2.5:0.5b',
      headers: admin.headers,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const names = (await get('models/available'))
      .json<{ items: Array<{ name: string }> }>()
      .items.map((item) => item.name);
    expect(names).toEqual(['llama3.2:3b']);
    const again = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/ollama/models/qwen2.5:0.5b',
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(404);
  });
});

describe('pulls', () => {
  it('streams progress in order to 100 % over Server-Sent Events, then lists the model', async () => {
    ollama.setChunkDelay(15);
    const started = await install({ name: 'llama3.2:1b' });
    expect(started.statusCode, started.body).toBe(202);
    const pull = started.json<Pull>();
    expect(pull).toMatchObject({ model: 'llama3.2:1b', status: 'running' });
    const again = await install({ name: 'llama3.2:1b' });
    expect(again.json<Pull>().pullId).toBe(pull.pullId);

    const stream = await get(`pulls/${pull.pullId}/events`);
    ollama.setChunkDelay(0);
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = parseSse(stream.body);
    const progress = events.filter((event) => event.event === 'progress');
    expect(progress.map((event) => Number(event.id))).toEqual(progress.map((_event, index) => index + 1));
    const percents = progress
      .map((event) => event.data['percent'])
      .filter((value): value is number => typeof value === 'number');
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(progress.at(-1)?.data['status']).toBe('success');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'succeeded', percent: 100, error: null } });

    const names = (await get('models/available'))
      .json<{ items: Array<{ name: string }> }>()
      .items.map((item) => item.name);
    expect(names).toContain('llama3.2:1b');
    const resumed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ollama/pulls/${pull.pullId}/events`,
      headers: { ...member.headers, 'last-event-id': String(progress.length - 1) },
    });
    expect(parseSse(resumed.body).map((event) => event.event)).toEqual(['progress', 'done']);
  });

  it('refuses a model that cannot fit with 409 and the reason, unless forced', async () => {
    const refused = await install({ name: 'llama3.1:405b' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.json<Problem>()).toMatchObject({ code: 'model_does_not_fit' });
    expect(refused.json<Problem>().detail).toContain('needs about');
    expect(
      ollama.requests.some((request) => request.path === '/api/pull' && request.body?.['model'] === 'llama3.1:405b'),
    ).toBe(false);
  });

  it('reports a name the library does not have as a failed pull', async () => {
    const started = await install({ name: 'no-such-model:1b' });
    expect(started.statusCode).toBe(202);
    const ended = await waitForEnd(started.json<Pull>().pullId);
    expect(ended).toMatchObject({ status: 'failed', error: { kind: 'unknown_model' } });
  });

  it('cancels a running pull (instance admin only)', async () => {
    ollama.setChunkDelay(100);
    const started = await install({ name: 'gemma2:2b' });
    const { pullId } = started.json<Pull>();
    const byMember = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/ollama/pulls/${pullId}`,
      headers: member.headers,
    });
    expect(byMember.statusCode).toBe(403);
    const cancelled = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/ollama/pulls/${pullId}`,
      headers: admin.headers,
    });
    expect(cancelled.statusCode).toBe(204);
    expect(await waitForEnd(pullId)).toMatchObject({ status: 'cancelled', error: { kind: 'cancelled' } });
    ollama.setChunkDelay(0);
    const unknown = await get('pulls/4d9e7f0a-5a4e-4f0e-9d43-2b4d3f1f8a11');
    expect(unknown.statusCode).toBe(404);
    const installByMember = await install({ name: 'gemma2:2b' }, member);
    expect(installByMember.statusCode).toBe(403);
  });
});

describe('performance metrics', () => {
  it('shows ledger statistics of Ollama models per workspace to members, and across the instance to the admin', async () => {
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/llm/generate-with-fallback`,
      headers: member.headers,
      payload: { task: 'caption', prompt: 'Hello', cache: false },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const mine = await get(`performance/metrics?workspaceId=${workspace.id}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<{ items: Array<{ provider: string; calls: number }> }>().items).toEqual([
      expect.objectContaining({ provider: 'ollama', calls: 1 }),
    ]);
    const notMine = await get(`performance/metrics?workspaceId=${workspace.id}`, admin);
    expect(notMine.statusCode).toBe(404);
    expect((await get('performance/metrics')).statusCode).toBe(403);
    const instance = await get('performance/metrics', admin);
    expect(instance.json<{ items: Array<{ calls: number }> }>().items[0]?.calls).toBe(1);
  });
});
