import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LLM_TASKS } from '@plume/contract/llm/llm-enums';
import { llmUsage } from '@plume/db/schema/llm';
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

const KEY = 'sk-generate-test-key-0123456789';
let t: TestApp;
let ollama: OllamaFake;
let openai: LlmFakeControls;
let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;

type Answer = {
  text: string;
  provider: string;
  model: string;
  costUsd: number;
  cacheHit: boolean;
  usageId: string;
  chain: Array<{ provider: string; outcome: string }>;
  inputTokens: number;
  outputTokens: number;
};
type Problem = { code: string; status: number; detail: string };

beforeAll(async () => {
  [ollama, openai] = await Promise.all([startOllamaFake(), startOpenAiFake({ apiKey: KEY })]);
  t = await createTestApp({ OLLAMA_URL: ollama.url, HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  owner = await createUser(t.app, t.db, { name: 'Gen Owner' });
  viewer = await createUser(t.app, t.db, { name: 'Gen Viewer' });
  outsider = await createUser(t.app, t.db, { name: 'Gen Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  await createWorkspaceAs(t.app, outsider);
  await addMember(t.app, workspace, owner, viewer, 'viewer');
  const saved = await t.app.inject({
    method: 'PUT',
    url: url('providers/openai'),
    headers: owner.headers,
    payload: { kind: 'openai', baseUrl: `${openai.url}/v1`, apiKey: KEY },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});

afterAll(async () => {
  await t.close();
  await Promise.all([ollama.close(), openai.close()]);
});

function url(path: string, ws = workspace.id): string {
  return `/api/v1/workspaces/${ws}/llm/${path}`;
}
const generate = (payload: object, user = owner, ws = workspace.id) =>
  t.app.inject({ method: 'POST', url: url('generate-with-fallback', ws), headers: user.headers, payload });

const answers: Answer[] = [];

describe('generate with fallback', () => {
  it('answers through Ollama, writes a ledger row and says what it cost', async () => {
    const response = await generate({ task: 'caption', prompt: 'Say hello to the bakery', cache: false });
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json<Answer>();
    answers.push(answer);
    expect(answer).toMatchObject({ provider: 'ollama', model: 'llama3.2:3b', costUsd: 0, cacheHit: false });
    expect(answer.text).toContain('Say hello to the bakery');
    const [row] = await t.db.select().from(llmUsage).where(eq(llmUsage.id, answer.usageId));
    expect(row).toMatchObject({
      workspaceId: workspace.id,
      userId: owner.id,
      task: 'caption',
      provider: 'ollama',
      outcome: 'ok',
      costMicros: 0,
    });
  });

  it('falls back to the workspace OpenAI provider when Ollama fails, and costs money there', async () => {
    ollama.failNext({ status: 500, path: '/api/chat', body: { error: 'model runner crashed' } });
    const response = await generate({
      task: 'caption',
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Announce the new bread' }],
      cache: false,
    });
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json<Answer>();
    answers.push(answer);
    expect(answer).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', cacheHit: false });
    expect(answer.costUsd).toBeGreaterThan(0);
    expect(answer.chain.map((step) => [step.provider, step.outcome])).toEqual([
      ['ollama', 'server_error'],
      ['openai', 'ok'],
    ]);
    expect(response.body).not.toContain(KEY);
  });

  it('serves the same request from the cache at no cost', async () => {
    const first = await generate({ task: 'hashtags', prompt: 'Tags for sourdough' });
    const second = await generate({ task: 'hashtags', prompt: 'Tags for sourdough' });
    answers.push(first.json<Answer>(), second.json<Answer>());
    expect(second.json<Answer>()).toMatchObject({ cacheHit: true, costUsd: 0, text: first.json<Answer>().text });
  });

  it('wants either a prompt or messages, and an editor', async () => {
    const neither = await generate({ task: 'caption' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json<{ errors: Array<{ path: string }> }>().errors[0]?.path).toBe('body/prompt');
    const byViewer = await generate({ task: 'caption', prompt: 'hi' }, viewer);
    expect(byViewer.statusCode).toBe(403);
    const byOutsider = await generate({ task: 'caption', prompt: 'hi' }, outsider);
    expect(byOutsider.statusCode).toBe(404);
  });

  it('limits generation per workspace, not per caller', async () => {
    const busy = await createWorkspaceAs(t.app, owner);
    // Invalid bodies count too: the limit is checked before anything else.
    // One after another: @fastify/rate-limit's local store hands every request of one tick the same counter object.
    const calls = [];
    for (let index = 0; index < 61; index++) calls.push(await generate({ task: 'caption' }, owner, busy.id));
    expect(calls.filter((call) => call.statusCode === 429)).toHaveLength(1);
    expect(calls.find((call) => call.statusCode === 429)?.json<Problem>().code).toBe('rate_limited');
    const elsewhere = await generate({ task: 'caption' });
    expect(elsewhere.statusCode).toBe(400);
  });

  it('answers 503 in plain words when no provider of the policy is set up', async () => {
    await t.app.inject({
      method: 'PUT',
      url: url('policies/research'),
      headers: owner.headers,
      payload: { mode: 'local_first', candidates: [{ provider: 'perplexity', model: 'sonar' }] },
    });
    const response = await generate({ task: 'research', prompt: 'What is new in baking?' });
    expect(response.statusCode, response.body).toBe(503);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('llm_unavailable');
    expect(problem.detail).toContain('the provider "perplexity" is not set up for this workspace');
  });

  it('refuses with 402 when the budget is used up', async () => {
    const other = await createWorkspaceAs(t.app, owner);
    const budget = { dailyLimitUsd: null, monthlyLimitUsd: null, dailyRequestLimit: 0, monthlyRequestLimit: null };
    expect(
      (await t.app.inject({ method: 'PUT', url: url('budget', other.id), headers: owner.headers, payload: budget }))
        .statusCode,
    ).toBe(200);
    const response = await generate({ task: 'caption', prompt: 'One more please', cache: false }, owner, other.id);
    expect(response.statusCode, response.body).toBe(402);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.json<Problem>()).toMatchObject({ code: 'llm_budget_exceeded', status: 402 });
    expect(response.json<Problem>().detail).toContain('daily limit of 0 model requests');
  });
});

describe('statistics and costs', () => {
  type Stats = {
    provider: string;
    model: string;
    task: string;
    calls: number;
    successRate: number;
    p50LatencyMs: number | null;
    totalCostUsd: number;
    cacheHits: number;
  };
  type Costs = {
    items: Array<{ key: string; calls: number; costUsd: number; cacheHits: number; failures: number }>;
    totals: { calls: number; costUsd: number; failures: number };
  };

  it('reports usage statistics per provider, model and task', async () => {
    const response = await t.app.inject({ method: 'GET', url: url('usage-statistics'), headers: viewer.headers });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: Stats[] }>().items;
    const local = items.find((item) => item.provider === 'ollama' && item.task === 'caption');
    expect(local).toMatchObject({ model: 'llama3.2:3b', calls: 1, successRate: 1, totalCostUsd: 0 });
    expect(local?.p50LatencyMs).toEqual(expect.any(Number));
    const cloud = items.find((item) => item.provider === 'openai');
    expect(cloud?.totalCostUsd).toBeCloseTo(answers[1]?.costUsd ?? -1, 9);
    expect(items.find((item) => item.task === 'hashtags')).toMatchObject({ calls: 2, cacheHits: 1 });
  });

  it('adds up the cost analysis by provider, with totals', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: url('cost-analysis?groupBy=provider'),
      headers: viewer.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const costs = response.json<Costs>();
    const spent = answers.reduce((sum, answer) => sum + answer.costUsd, 0);
    expect(costs.totals.costUsd).toBeCloseTo(spent, 9);
    expect(costs.items[0]).toMatchObject({ key: 'openai', calls: 1 });
    // 4 answers + the refused research call, which is in the ledger with no provider.
    expect(costs.totals.calls).toBe(5);
    expect(costs.items.find((item) => item.key === 'none')).toMatchObject({ calls: 1, failures: 1 });
    const byDay = await t.app.inject({ method: 'GET', url: url('cost-analysis'), headers: viewer.headers });
    expect(byDay.json<Costs>().items).toHaveLength(1);
    const backwards = await t.app.inject({
      method: 'GET',
      url: url('cost-analysis?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z'),
      headers: viewer.headers,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it("keeps another workspace's usage invisible", async () => {
    for (const path of ['usage-statistics', 'cost-analysis', 'budget', 'performance-comparison']) {
      const response = await t.app.inject({ method: 'GET', url: url(path), headers: outsider.headers });
      expect(response.statusCode, path).toBe(404);
    }
  });

  it('plans a call without asking a model and recommends a mode', async () => {
    const chats = ollama.requests.filter((request) => request.path === '/api/chat').length;
    const plan = await t.app.inject({
      method: 'POST',
      url: url('select-optimal-model'),
      headers: owner.headers,
      payload: { task: 'caption', promptChars: 2000 },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json()).toMatchObject({
      mode: 'local_first',
      selected: { provider: 'ollama', model: 'llama3.2:3b', estimatedCostUsd: 0 },
    });
    const costs = await t.app.inject({
      method: 'POST',
      url: url('cost-optimize-request'),
      headers: owner.headers,
      payload: { task: 'caption', promptTokens: 1000, maxOutputTokens: 500 },
    });
    const items = costs.json<{ items: Array<{ provider: string; estimatedCostUsd: number }> }>().items;
    // gpt-4o-mini: $0.15 per million in, $0.60 out.
    expect(items.find((item) => item.provider === 'openai')?.estimatedCostUsd).toBeCloseTo(
      (1000 * 0.15 + 500 * 0.6) / 1e6,
      9,
    );
    const advice = await t.app.inject({
      method: 'GET',
      url: url('model-recommendations?task=caption'),
      headers: viewer.headers,
    });
    expect(advice.json()).toMatchObject({
      recommendedMode: 'local_first',
      currentMode: 'local_first',
      isDefaultPolicy: true,
    });
    const proposals = await t.app.inject({
      method: 'POST',
      url: url('optimize-selection'),
      headers: owner.headers,
      payload: {},
    });
    expect(proposals.statusCode, proposals.body).toBe(200);
    expect(proposals.json<{ items: unknown[] }>().items).toHaveLength(LLM_TASKS.length);
    expect(ollama.requests.filter((request) => request.path === '/api/chat').length).toBe(chats);
  });
});

// Last: it adds calls the statistics above do not count.
describe('routing policies', () => {
  it('follows a saved routing policy from the next call on, and the default again once it is reset', async () => {
    const cloudFirst = await t.app.inject({
      method: 'PUT',
      url: url('policies/plan'),
      headers: owner.headers,
      payload: {
        mode: 'best_quality',
        candidates: [
          { provider: 'openai', model: 'gpt-4o-mini' },
          { provider: 'ollama', model: 'auto' },
        ],
      },
    });
    expect(cloudFirst.statusCode, cloudFirst.body).toBe(200);
    const planned = await generate({ task: 'plan', prompt: 'Plan a week of bread posts', cache: false });
    expect(planned.json<Answer>().provider).toBe('openai');
    expect(
      (await t.app.inject({ method: 'DELETE', url: url('policies/plan'), headers: owner.headers })).statusCode,
    ).toBe(204);
    const again = await generate({ task: 'plan', prompt: 'Plan a week of cake posts', cache: false });
    expect(again.json<Answer>().provider).toBe('ollama');
  });
});
