import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import { freePort } from '@plume/testing/free-port';
import { startOpenAiFake } from '@plume/testing/fakes/llm/openai-fake';
import type { LlmFakeControls } from '@plume/testing/fakes/llm/llm-fake-server';
import { rejectionOf } from '@plume/testing/rejection-of';
import { LlmProviderError } from '../provider-contract.ts';
import type { LlmProvider, ModelCall } from '../provider-contract.ts';
import { createProvider } from './create-provider.ts';
import { JSON_INSTRUCTION } from './generate-with-sdk.ts';

const KEY = 'sk-test-openai-secret-1234';
const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
const call: ModelCall = {
  model: 'gpt-4o-mini',
  system: 'You write captions.',
  messages: [{ role: 'user', content: 'A caption about spring rain' }],
};

let fake: LlmFakeControls;
let provider: LlmProvider;

beforeAll(async () => {
  fake = await startOpenAiFake({ apiKey: KEY });
  provider = createProvider({ id: 'openai', kind: 'openai', baseUrl: `${fake.url}/v1`, apiKey: KEY }, { http });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
});

async function failure(promise: Promise<unknown>): Promise<LlmProviderError> {
  const error = await rejectionOf(promise, LlmProviderError);
  expect(error.message).not.toContain(KEY);
  return error;
}

describe('OpenAI provider', () => {
  it('streams an answer with usage, first-token time and the key as a Bearer token', async () => {
    const deltas: string[] = [];
    const answer = await provider.generate({ ...call, onDelta: (delta) => deltas.push(delta) });

    expect(answer.text).toBe('Fake gpt-4o-mini answer to: A caption about spring rain');
    expect(deltas.join('')).toBe(answer.text);
    expect(deltas.length).toBeGreaterThan(1);
    expect(answer).toMatchObject({ inputTokens: 8, outputTokens: 9, finishReason: 'stop', model: 'gpt-4o-mini' });
    expect(answer.firstTokenMs).toBeLessThanOrEqual(answer.latencyMs);
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.body).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('asks for JSON with response_format json_object and says so in the system prompt', async () => {
    const answer = await provider.generate({ ...call, responseFormat: 'json' });

    expect(JSON.parse(answer.text)).toEqual({ text: 'Fake gpt-4o-mini answer to: A caption about spring rain' });
    const body = fake.requests[0]?.body as { response_format: unknown; messages: { role: string; content: string }[] };
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]?.content).toContain(JSON_INSTRUCTION);
  });

  it('reports a cut answer as finishReason length', async () => {
    const answer = await provider.generate({ ...call, maxOutputTokens: 3 });
    expect(answer).toMatchObject({ text: 'Fake gpt-4o-mini answer', outputTokens: 3, finishReason: 'length' });
  });

  it('types a refused key as auth without repeating the key', async () => {
    const wrong = createProvider(
      { id: 'openai', kind: 'openai', baseUrl: `${fake.url}/v1`, apiKey: `${KEY}-wrong` },
      { http },
    );
    const error = await failure(wrong.generate(call));
    expect(error).toMatchObject({ kind: 'auth', status: 401, providerId: 'openai', fallback: true });
    expect(error.message).toBe('The OpenAI key was refused (401): check it on the Models page.');
  });

  it('never writes the key to the HTTP log', async () => {
    const lines: unknown[] = [];
    const logger = {
      debug: (obj: object, msg: string) => lines.push([msg, obj]),
      warn: (obj: object, msg: string) => lines.push([msg, obj]),
    };
    const logged = createProvider(
      { id: 'openai', kind: 'openai', baseUrl: `${fake.url}/v1`, apiKey: KEY },
      { http: createHttpClient({ allowPrivateHosts: ['127.0.0.1'], logger }) },
    );
    fake.failNext({ status: 401 });
    await failure(logged.generate(call));
    await logged.generate(call);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(lines)).not.toContain(KEY);
  });

  it('fails as auth before any request when no key is set', async () => {
    const keyless = createProvider({ id: 'openai', kind: 'openai', baseUrl: `${fake.url}/v1` }, { http });
    expect(await failure(keyless.generate(call))).toMatchObject({ kind: 'auth' });
    expect(fake.requests).toHaveLength(0);
  });

  it('types an unknown model and an over-long prompt from the error codes', async () => {
    expect(await failure(provider.generate({ ...call, model: 'gpt-404' }))).toMatchObject({
      kind: 'model_not_found',
      status: 404,
    });
    const long = { ...call, model: 'tiny-context', messages: [{ role: 'user' as const, content: 'word '.repeat(60) }] };
    expect(await failure(provider.generate(long))).toMatchObject({ kind: 'context_overflow', status: 400 });
  });

  it('types 429 with its Retry-After, and does not retry by itself', async () => {
    fake.failNext({ status: 429, headers: { 'retry-after': '7' } });
    const error = await failure(provider.generate(call));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000 });
    expect(fake.requests).toHaveLength(1);
  });

  it.each([500, 503])('types %i as server_error', async (status) => {
    fake.failNext({ status });
    expect(await failure(provider.generate(call))).toMatchObject({ kind: 'server_error', status });
  });

  it('types a refused connection', async () => {
    const port = await freePort();
    const nowhere = createProvider(
      { id: 'openai', kind: 'openai', baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: KEY },
      { http },
    );
    expect(await failure(nowhere.generate(call))).toMatchObject({ kind: 'connection_refused' });
  });

  it('types a dropped connection and an unreadable stream', async () => {
    fake.dropNext();
    expect(await failure(provider.generate(call))).toMatchObject({ kind: 'server_error' });
    fake.malformNext();
    expect(await failure(provider.generate(call))).toMatchObject({ kind: 'malformed_response' });
  });

  it('gives up on a slow first byte at timeoutMs and on a stalled stream at idleTimeoutMs', async () => {
    fake.setFirstByteDelay(2000);
    const startedAt = Date.now();
    expect(await failure(provider.generate({ ...call, timeoutMs: 100 }))).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - startedAt).toBeLessThan(1000);
    fake.setFirstByteDelay(0);
    fake.setChunkDelay(400);
    expect(await failure(provider.generate({ ...call, idleTimeoutMs: 100 }))).toMatchObject({ kind: 'timeout' });
  });

  it('types the caller’s abort as cancelled', async () => {
    fake.setFirstByteDelay(2000);
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    const error = await failure(provider.generate({ ...call, signal: controller.signal }));
    expect(error).toMatchObject({ kind: 'cancelled', fallback: false });
  });

  it('lists models with their context windows and reports health in plain words', async () => {
    expect(await provider.listModels()).toEqual([
      { id: 'gpt-4o-mini', contextWindow: 128_000 },
      { id: 'tiny-context', contextWindow: 50 },
    ]);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect(await provider.health()).toMatchObject({ ok: true, models: 2 });

    fake.failNext({ status: 401 });
    const health = await provider.health();
    expect(health).toMatchObject({
      ok: false,
      reason: 'The OpenAI key was refused (401): check it on the Models page.',
    });
  });
});
