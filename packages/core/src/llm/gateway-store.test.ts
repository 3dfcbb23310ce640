import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { llmBudgets, llmCache, llmProviders, llmSpend, llmUsage } from '@plume/db/schema/llm';
import { workspaces } from '@plume/db/schema/workspaces';
import { createHttpClient } from '@plume/http/http-client';
import { freePort } from '@plume/testing/free-port';
import type { LlmFakeControls } from '@plume/testing/fakes/llm/llm-fake-server';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { startOpenAiFake } from '@plume/testing/fakes/llm/openai-fake';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createCircuitBreakers } from '@plume/llm/gateway/circuit-breaker';
import { createLlmGateway, type BudgetAlert, type GenerateRequest } from '@plume/llm/gateway/gateway';
import { LlmGatewayError } from '@plume/llm/gateway/gateway-error';
import { costMicros, PRICE_TABLE } from '@plume/llm/gateway/price-table';
import { createProviderDirectory } from '@plume/llm/gateway/provider-directory';
import { createGatewayStore } from './gateway-store.ts';

const KEY = 'sk-gateway-test-key';
const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'], retries: 0 });
let database: TestDatabase;
let db: Database;
let ollama: OllamaFake;
let openai: LlmFakeControls;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 4 });
  [ollama, openai] = await Promise.all([startOllamaFake(), startOpenAiFake({ apiKey: KEY })]);
});
afterAll(async () => {
  await Promise.all([ollama.close(), openai.close()]);
  await closeDatabase(db);
  await database.drop();
});
beforeEach(() => {
  ollama.reset();
  openai.reset();
});

/** A workspace with the fake OpenAI as its own provider (key "encrypted" by reversing it) and a gateway over it. */
async function setUp(
  options: { ollamaUrl?: string; withOpenAi?: boolean; budget?: Partial<typeof llmBudgets.$inferInsert> } = {},
) {
  const workspaceId = `ws_${randomUUID().slice(0, 8)}`;
  await db.insert(workspaces).values({ id: workspaceId, name: 'Gateway', slug: workspaceId });
  if (options.withOpenAi !== false) {
    await db.insert(llmProviders).values({
      workspaceId,
      providerId: 'openai',
      kind: 'openai',
      baseUrl: `${openai.url}/v1`,
      apiKeyCiphertext: [...KEY].reverse().join(''),
    });
  }
  if (options.budget) await db.insert(llmBudgets).values({ workspaceId, ...options.budget });
  const store = createGatewayStore(db);
  const directory = createProviderDirectory({
    store,
    decrypt: (ciphertext) => [...ciphertext].reverse().join(''),
    instance: { ollamaUrl: options.ollamaUrl ?? ollama.url, keys: {} },
    instanceHttp: http,
    workspaceHttp: http,
  });
  const alerts: BudgetAlert[] = [];
  const gateway = createLlmGateway({
    store,
    providers: (id) => directory.list(id),
    cacheTtlSeconds: 3600,
    breakers: createCircuitBreakers({ failureThreshold: 3, coolDownMs: 60_000 }),
    onBudgetAlert: async (alert) => {
      alerts.push(alert);
    },
  });
  const request = (overrides: Partial<GenerateRequest> = {}): GenerateRequest => ({
    workspaceId,
    task: 'caption',
    call: {
      system: 'You write short captions.',
      messages: [{ role: 'user', content: `A caption about bread ${randomUUID()}` }],
      maxOutputTokens: 200,
    },
    ...overrides,
  });
  const ledger = () =>
    db.select().from(llmUsage).where(eq(llmUsage.workspaceId, workspaceId)).orderBy(llmUsage.createdAt);
  return { workspaceId, gateway, request, ledger, alerts };
}

function refusal(promise: Promise<unknown>): Promise<LlmGatewayError> {
  return rejectionOf(promise, LlmGatewayError);
}

const chatCalls = (fake: OllamaFake) => fake.requests.filter((request) => request.path === '/api/chat').length;

// The gateway on its PostgreSQL store: ledger rows, spend, cache entries and alert claims are real rows.
describe('LLM gateway on PostgreSQL', () => {
  it('asks the local model first, sends num_ctx, costs nothing and writes the ledger row', async () => {
    const { gateway, request, ledger } = await setUp();
    const result = await gateway.generate(request());

    expect(result).toMatchObject({ provider: 'ollama', model: 'llama3.2:3b', costMicros: 0, cacheHit: false });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.chain).toEqual([{ provider: 'ollama', model: 'llama3.2:3b', outcome: 'ok' }]);
    const chat = ollama.requests.find((item) => item.path === '/api/chat');
    expect(chat?.body).toMatchObject({ model: 'llama3.2:3b', options: { num_ctx: 8192 } });
    const [row] = await ledger();
    expect(row).toMatchObject({
      provider: 'ollama',
      model: 'llama3.2:3b',
      task: 'caption',
      costMicros: 0,
      priceVersion: 'local',
      outcome: 'ok',
      cacheHit: false,
    });
    expect(row?.inputTokens).toBeGreaterThan(0);
    expect(row?.outputTokens).toBeGreaterThan(0);
    expect(openai.requests).toHaveLength(0);
  });

  it('falls back to the next candidate on a 5xx, records the chain and prices the cloud answer', async () => {
    const { gateway, request, ledger } = await setUp();
    ollama.failNext({ path: '/api/chat', status: 500, body: { error: 'llama runner process has terminated' } });
    const result = await gateway.generate(request());

    expect(result.provider).toBe('openai');
    expect(result.chain.map((step) => `${step.provider}:${step.outcome}`)).toEqual([
      'ollama:server_error',
      'openai:ok',
    ]);
    expect(result.costMicros).toBe(costMicros(PRICE_TABLE.prices.openai['gpt-4o-mini'], result));
    expect(result.costMicros).toBeGreaterThan(0);
    const [row] = await ledger();
    expect(row).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o-mini',
      costMicros: result.costMicros,
      priceVersion: PRICE_TABLE.version,
    });
    expect(row?.fallbackChain).toEqual(result.chain);
  });

  it('answers an identical request from the cache, unless the call opts out', async () => {
    const { gateway, request, ledger } = await setUp();
    const same = request();
    const first = await gateway.generate(same);
    const second = await gateway.generate({
      ...same,
      call: {
        ...same.call,
        messages: same.call.messages.map((m) => ({ ...m, content: `  ${m.content.replace(' ', '   ')} ` })),
      },
    });
    expect(second).toMatchObject({ cacheHit: true, text: first.text, costMicros: 0, provider: 'ollama' });
    expect(chatCalls(ollama)).toBe(1);
    const hitsCounted = await db
      .select({ hits: llmCache.hits })
      .from(llmCache)
      .where(eq(llmCache.workspaceId, same.workspaceId));
    expect(hitsCounted.map((entry) => entry.hits)).toEqual([1]);
    await gateway.generate({ ...same, cache: false });
    expect(chatCalls(ollama)).toBe(2);
    expect((await ledger()).map((row) => row.cacheHit)).toEqual([false, true, false]);
  });

  it('skips paid models that would go over the budget, keeps local ones, and refuses when nothing is left', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { gateway, request, ledger } = await setUp({ ollamaUrl: closed, budget: { dailyLimitMicros: 10 } });
    const error = await refusal(gateway.generate(request()));
    expect(error.code).toBe('budget_exceeded');
    expect(error.chain.at(-1)).toMatchObject({ provider: 'openai', outcome: 'budget_skipped' });
    expect(error.chain.at(-1)?.detail).toContain('daily budget of $0.0000');
    expect(openai.requests).toHaveLength(0);
    expect((await ledger())[0]).toMatchObject({ outcome: 'budget_exceeded', costMicros: 0 });

    const local = await setUp({ budget: { dailyLimitMicros: 10 } });
    ollama.failNext({ path: '/api/chat', status: 500 });
    const localError = await refusal(local.gateway.generate(local.request()));
    expect(localError.chain.map((step) => step.outcome)).toEqual(['server_error', 'budget_skipped']);
    expect((await local.gateway.generate(local.request())).provider).toBe('ollama');
  });

  it('refuses every call once a request cap is reached', async () => {
    const { gateway, request, workspaceId } = await setUp({ budget: { dailyRequestLimit: 1 } });
    await gateway.generate(request());
    const error = await refusal(gateway.generate(request()));
    expect(error.code).toBe('budget_exceeded');
    expect(error.message).toContain('daily limit of 1 model requests');
    const spend = await db.select().from(llmSpend).where(eq(llmSpend.workspaceId, workspaceId));
    expect(spend.map((row) => row.requests)).toEqual([1, 1]);
  });

  it('degrades to cheaper models near the cap and alerts once per threshold', async () => {
    const { gateway, request, alerts, workspaceId } = await setUp({ budget: { monthlyLimitMicros: 1_000_000 } });
    const bestFirst = {
      mode: 'best_quality' as const,
      candidates: [
        { provider: 'openai', model: 'gpt-4o-mini' },
        { provider: 'ollama', model: 'auto' },
      ],
    };
    expect((await gateway.generate(request({ policy: bestFirst }))).provider).toBe('openai');

    const month = `month:${new Date().toISOString().slice(0, 7)}`;
    await db.update(llmSpend).set({ costMicros: 850_000 }).where(eq(llmSpend.period, month));
    expect((await gateway.generate(request({ policy: bestFirst }))).provider).toBe('ollama');

    ollama.failNext({ path: '/api/chat', status: 500 });
    await gateway.generate(request({ policy: bestFirst }));
    ollama.failNext({ path: '/api/chat', status: 500 });
    await gateway.generate(request({ policy: bestFirst }));
    expect(alerts.map((alert) => [alert.period, alert.threshold, alert.workspaceId])).toEqual([
      [month, 80, workspaceId],
    ]);
  });
});
