import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import { freePort } from '@plume/testing/free-port';
import { startAnthropicFake } from '@plume/testing/fakes/llm/anthropic-fake';
import type { LlmFakeControls } from '@plume/testing/fakes/llm/llm-fake-server';
import { rejectionOf } from '@plume/testing/rejection-of';
import { LlmProviderError } from '../provider-contract.ts';
import type { LlmProvider, ModelCall } from '../provider-contract.ts';
import { createProvider } from './create-provider.ts';
import { JSON_INSTRUCTION } from './generate-with-sdk.ts';

const KEY = 'sk-ant-test-secret-5678';
const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
const call: ModelCall = {
  model: 'claude-sonnet-4-5',
  system: 'You write threads.',
  messages: [{ role: 'user', content: 'A thread about bread baking' }],
};

let fake: LlmFakeControls;
let provider: LlmProvider;

beforeAll(async () => {
  fake = await startAnthropicFake({ apiKey: KEY });
  provider = createProvider({ id: 'anthropic', kind: 'anthropic', baseUrl: `${fake.url}/v1`, apiKey: KEY }, { http });
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

describe('Anthropic provider', () => {
  it('streams an answer with usage and first-token time, the key in x-api-key', async () => {
    const deltas: string[] = [];
    const answer = await provider.generate({ ...call, onDelta: (delta) => deltas.push(delta) });

    expect(answer.text).toBe('Fake claude-sonnet-4-5 answer to: A thread about bread baking');
    expect(deltas.join('')).toBe(answer.text);
    expect(answer).toMatchObject({ inputTokens: 8, outputTokens: 9, finishReason: 'stop', model: 'claude-sonnet-4-5' });
    expect(answer.firstTokenMs).toBeLessThanOrEqual(answer.latencyMs);
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers['x-api-key']).toBe(KEY);
    expect(request?.headers['anthropic-version']).toBeDefined();
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body).toMatchObject({
      model: 'claude-sonnet-4-5',
      stream: true,
      system: [{ type: 'text', text: 'You write threads.' }],
    });
  });

  it('asks for JSON in the system prompt, the only schema-less way Anthropic has', async () => {
    fake.answerWith(() => '{"thread": ["one", "two"]}');
    const answer = await provider.generate({ ...call, responseFormat: 'json' });

    expect(JSON.parse(answer.text)).toEqual({ thread: ['one', 'two'] });
    const body = fake.requests[0]?.body as Record<string, unknown>;
    expect(JSON.stringify(body.system)).toContain(JSON_INSTRUCTION);
    expect(body).not.toHaveProperty('output_config');
    expect(body).not.toHaveProperty('tools');
  });

  it('reports max_tokens as finishReason length', async () => {
    const answer = await provider.generate({ ...call, maxOutputTokens: 2 });
    expect(answer).toMatchObject({ text: 'Fake claude-sonnet-4-5', outputTokens: 2, finishReason: 'length' });
  });

  it('types authentication_error, not_found_error and "prompt is too long"', async () => {
    const wrong = createProvider(
      { id: 'anthropic', kind: 'anthropic', baseUrl: `${fake.url}/v1`, apiKey: 'sk-ant-wrong' },
      { http },
    );
    expect(await failure(wrong.generate(call))).toMatchObject({ kind: 'auth', status: 401 });
    expect(await failure(provider.generate({ ...call, model: 'claude-0' }))).toMatchObject({
      kind: 'model_not_found',
      status: 404,
    });
    const long = {
      ...call,
      model: 'claude-tiny-context',
      maxOutputTokens: 10,
      messages: [{ role: 'user' as const, content: 'word '.repeat(60) }],
    };
    expect(await failure(provider.generate(long))).toMatchObject({ kind: 'context_overflow', status: 400 });
  });

  it('types rate_limit_error with retry-after, and overloaded_error (529) and api_error (500) as server_error', async () => {
    fake.failNext({ status: 429, headers: { 'retry-after': '30' } });
    expect(await failure(provider.generate(call))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });
    fake.failNext({ status: 529 });
    const overloaded = await failure(provider.generate(call));
    expect(overloaded).toMatchObject({ kind: 'server_error', status: 529 });
    expect(overloaded.message).toBe('Anthropic is overloaded (529); this is usually temporary.');
    fake.failNext({ status: 500 });
    expect(await failure(provider.generate(call))).toMatchObject({ kind: 'server_error', status: 500 });
    expect(fake.requests).toHaveLength(3);
  });

  it('types a refused connection, a dropped one and an unreadable stream', async () => {
    const nowhere = createProvider(
      { id: 'anthropic', kind: 'anthropic', baseUrl: `http://127.0.0.1:${await freePort()}/v1`, apiKey: KEY },
      { http },
    );
    expect(await failure(nowhere.generate(call))).toMatchObject({ kind: 'connection_refused' });
    fake.dropNext();
    expect(await failure(provider.generate(call))).toMatchObject({ kind: 'server_error' });
    fake.malformNext();
    expect(await failure(provider.generate(call))).toMatchObject({ kind: 'malformed_response' });
  });

  it('types a slow first byte as timeout and an abort as cancelled', async () => {
    fake.setFirstByteDelay(2000);
    expect(await failure(provider.generate({ ...call, timeoutMs: 100 }))).toMatchObject({ kind: 'timeout' });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    expect(await failure(provider.generate({ ...call, signal: controller.signal }))).toMatchObject({
      kind: 'cancelled',
    });
  });

  it('lists models with the version header and reports health', async () => {
    expect(await provider.listModels()).toEqual([{ id: 'claude-sonnet-4-5' }, { id: 'claude-tiny-context' }]);
    expect(fake.requests[0]?.headers['anthropic-version']).toBe('2023-06-01');
    expect(await provider.health()).toMatchObject({ ok: true, models: 2 });
    fake.failNext({ status: 401 });
    expect(await provider.health()).toMatchObject({
      ok: false,
      reason: 'The Anthropic key was refused (401): check it on the Models page.',
    });
  });
});
