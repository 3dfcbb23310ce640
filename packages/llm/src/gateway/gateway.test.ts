// Routing, fallback and circuit breaking, with real HTTP fakes for the models and the gateway's store in
// memory (packages/llm has no database). The store's own behaviour on PostgreSQL (ledger rows, spend,
// cache, budgets, alerts) is tested in packages/core/src/llm/gateway-store.test.ts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import { freePort } from '@plume/testing/free-port';
import type { LlmFakeControls } from '@plume/testing/fakes/llm/llm-fake-server';
import { createMemoryGatewayStore } from '@plume/testing/fakes/llm/memory-gateway-store';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { startOpenAiFake } from '@plume/testing/fakes/llm/openai-fake';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createCircuitBreakers } from './circuit-breaker.ts';
import { createLlmGateway, type GenerateRequest } from './gateway.ts';
import { LlmGatewayError } from './gateway-error.ts';
import { createProviderDirectory } from './provider-directory.ts';

const KEY = 'sk-gateway-test-key';
const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'], retries: 0 });
let ollama: OllamaFake;
let openai: LlmFakeControls;

beforeAll(async () => {
  [ollama, openai] = await Promise.all([startOllamaFake(), startOpenAiFake({ apiKey: KEY })]);
});
afterAll(async () => {
  await Promise.all([ollama.close(), openai.close()]);
});
beforeEach(() => {
  ollama.reset();
  openai.reset();
});

/** A workspace with the fake OpenAI as its own provider (key "encrypted" by reversing it) and a gateway over it. */
function setUp(options: { ollamaUrl?: string; withOpenAi?: boolean } = {}) {
  const workspaceId = `ws_${randomUUID().slice(0, 8)}`;
  const store = createMemoryGatewayStore();
  if (options.withOpenAi !== false) {
    store.providers.set(workspaceId, [
      {
        providerId: 'openai',
        kind: 'openai',
        baseUrl: `${openai.url}/v1`,
        apiKeyCiphertext: [...KEY].reverse().join(''),
        enabled: true,
        updatedAt: new Date(),
      },
    ]);
  }
  const directory = createProviderDirectory({
    store,
    decrypt: (ciphertext) => [...ciphertext].reverse().join(''),
    instance: { ollamaUrl: options.ollamaUrl ?? ollama.url, keys: {} },
    instanceHttp: http,
    workspaceHttp: http,
  });
  const gateway = createLlmGateway({
    store,
    providers: (id) => directory.list(id),
    cacheTtlSeconds: 3600,
    breakers: createCircuitBreakers({ failureThreshold: 3, coolDownMs: 60_000 }),
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
  return { gateway, request, store };
}

const chatCalls = (fake: OllamaFake) => fake.requests.filter((request) => request.path === '/api/chat').length;

describe('LLM gateway routing', () => {
  it('asks the local model first, sends num_ctx, costs nothing and records the call', async () => {
    const { gateway, request, store } = setUp();
    const result = await gateway.generate(request());

    expect(result).toMatchObject({ provider: 'ollama', model: 'llama3.2:3b', costMicros: 0, cacheHit: false });
    expect(result.chain).toEqual([{ provider: 'ollama', model: 'llama3.2:3b', outcome: 'ok' }]);
    const chat = ollama.requests.find((item) => item.path === '/api/chat');
    expect(chat?.body).toMatchObject({ model: 'llama3.2:3b', options: { num_ctx: 8192 } });
    expect(store.ledger).toHaveLength(1);
    expect(store.ledger[0]).toMatchObject({
      id: result.usageId,
      provider: 'ollama',
      priceVersion: 'local',
      outcome: 'ok',
      countsAsRequest: true,
    });
    expect(openai.requests).toHaveLength(0);
  });

  it('goes to the cloud when Ollama is not running, and says what to do when nothing can answer', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const withCloud = setUp({ ollamaUrl: closed });
    const result = await withCloud.gateway.generate(withCloud.request());
    expect(result.chain.map((step) => `${step.provider}:${step.outcome}`)).toEqual([
      'ollama:connection_refused',
      'openai:ok',
    ]);

    const alone = setUp({ ollamaUrl: closed, withOpenAi: false });
    const error = await rejectionOf(alone.gateway.generate(alone.request()), LlmGatewayError);
    expect(error.message).toMatch(/Ollama is not running.*ollama serve/s);
    expect(error.message).toContain('add a cloud provider key');
    expect(alone.store.ledger[0]).toMatchObject({ outcome: 'connection_refused', provider: '', costMicros: 0 });
  });

  it('opens the circuit after three failures in a row and skips the provider without calling it', async () => {
    const { gateway, request } = setUp();
    ollama.failNext({ path: '/api/chat', status: 503, times: 3 });
    for (let i = 0; i < 3; i += 1) expect((await gateway.generate(request())).provider).toBe('openai');
    expect(chatCalls(ollama)).toBe(3);

    const fourth = await gateway.generate(request());
    expect(fourth.chain[0]).toMatchObject({ provider: 'ollama', outcome: 'circuit_open' });
    expect(chatCalls(ollama)).toBe(3);
  });

  it('waits out a 429 Retry-After on that provider', async () => {
    const { gateway, request } = setUp({ ollamaUrl: `http://127.0.0.1:${await freePort()}` });
    openai.failNext({ status: 429, headers: { 'retry-after': '30' } });
    const error = await rejectionOf(gateway.generate(request()), LlmGatewayError);
    expect(error.chain.at(-1)).toMatchObject({ provider: 'openai', outcome: 'rate_limited' });
    const again = await rejectionOf(gateway.generate(request()), LlmGatewayError);
    expect(again.chain.at(-1)).toMatchObject({ provider: 'openai', outcome: 'circuit_open' });
    expect(openai.requests).toHaveLength(1);
  });

  it('serves a cached answer even when a request cap is reached, and asks no model', async () => {
    const { gateway, request, store } = setUp();
    const same = request();
    await gateway.generate(same);
    const workspaceId = same.workspaceId;
    store.limits.set(workspaceId, {
      dailyLimitMicros: null,
      monthlyLimitMicros: null,
      dailyRequestLimit: 1,
      monthlyRequestLimit: null,
      degradeAtPercent: 80,
    });
    expect(await gateway.generate(same)).toMatchObject({ cacheHit: true, costMicros: 0 });
    expect(chatCalls(ollama)).toBe(1);
    const refused = await rejectionOf(gateway.generate(request()), LlmGatewayError);
    expect(refused.code).toBe('budget_exceeded');
    expect(store.ledger.map((row) => [row.outcome, row.cacheHit, row.countsAsRequest])).toEqual([
      ['ok', false, true],
      ['ok', true, false],
      ['budget_exceeded', false, false],
    ]);
  });
});
