import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { startOllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import type { OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { rejectionOf } from '@plume/testing/rejection-of';
import { LlmProviderError } from '../provider-contract.ts';
import type { LlmProvider, ModelCall } from '../provider-contract.ts';
import { createOllamaProvider } from './ollama.ts';

let fake: OllamaFake;
let ollama: LlmProvider;

beforeAll(async () => {
  fake = await startOllamaFake();
  ollama = createOllamaProvider({ id: 'ollama', kind: 'ollama', baseUrl: fake.url });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const hello: ModelCall = { model: 'llama3.2:3b', messages: [{ role: 'user', content: 'Write a caption about bread' }] };

function failure(call: ModelCall, provider: LlmProvider = ollama): Promise<LlmProviderError> {
  return rejectionOf(provider.generate(call), LlmProviderError);
}

describe('ollama provider: generate', () => {
  it('streams the answer with token counts, first-token time and deltas', async () => {
    fake.setChunkDelay(15);
    const deltas: string[] = [];
    const answer = await ollama.generate({ ...hello, onDelta: (delta) => deltas.push(delta) });
    expect(answer.text).toBe('You said: Write a caption about bread');
    expect(deltas.join('')).toBe(answer.text);
    expect(deltas.length).toBe(7);
    expect(answer.outputTokens).toBe(7);
    expect(answer.inputTokens).toBeGreaterThan(0);
    expect(answer.finishReason).toBe('stop');
    expect(answer.model).toBe('llama3.2:3b');
    expect(answer.firstTokenMs).toBeLessThan(answer.latencyMs);
    expect(answer.latencyMs).toBeGreaterThanOrEqual(6 * 15 - 5);
  });

  it('reports the model Ollama says answered (a bare name gets its tag)', async () => {
    const answer = await ollama.generate({ ...hello, model: 'qwen2.5:0.5b' });
    expect(answer.model).toBe('qwen2.5:0.5b');
    fake.installed.set('phi3:latest', {
      name: 'phi3',
      sizeBytes: 1,
      parameterSize: '3.8B',
      quantization: 'Q4_0',
      contextLength: 4096,
    });
    expect((await ollama.generate({ ...hello, model: 'phi3' })).model).toBe('phi3:latest');
    fake.installed.delete('phi3:latest');
  });

  it('always sends num_ctx (8192 by default), and keep_alive and the system prompt when given', async () => {
    await ollama.generate(hello);
    await ollama.generate({ ...hello, numCtx: 16_384, keepAlive: '10m', system: 'Be brief.', temperature: 0.2 });
    const [first, second] = fake.requests
      .filter((request) => request.path === '/api/chat')
      .map((request) => request.body ?? {});
    expect(first).toMatchObject({ model: 'llama3.2:3b', stream: true, options: { num_ctx: 8192 } });
    expect(first).not.toHaveProperty('keep_alive');
    expect(second).toMatchObject({ keep_alive: '10m', options: { num_ctx: 16_384, temperature: 0.2 } });
    expect(second?.['messages']).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Write a caption about bread' },
    ]);
  });

  it('asks for JSON with format "json"', async () => {
    const answer = await ollama.generate({ ...hello, responseFormat: 'json' });
    expect(fake.requests.at(-1)?.body).toMatchObject({ format: 'json' });
    expect(JSON.parse(answer.text)).toEqual({ echo: 'Write a caption about bread' });
  });

  it('reports a truncated answer as finishReason length', async () => {
    const answer = await ollama.generate({ ...hello, maxOutputTokens: 3 });
    expect(fake.requests.at(-1)?.body).toMatchObject({ options: { num_predict: 3 } });
    expect(answer).toMatchObject({ text: 'You said: Write', outputTokens: 3, finishReason: 'length' });
  });
});

describe('ollama provider: failures', () => {
  it('model not found (404) tells how to pull it', async () => {
    const error = await failure({ ...hello, model: 'mistral:7b' });
    expect(error).toMatchObject({ kind: 'model_not_found', status: 404, providerId: 'ollama', fallback: true });
    expect(error.message).toContain('ollama pull mistral:7b');
  });

  it('429 is rate_limited with Retry-After in ms', async () => {
    fake.failNext({ status: 429, headers: { 'retry-after': '7' }, body: { error: 'server busy, please try again' } });
    const error = await failure(hello);
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000 });
    expect(fake.requests).toHaveLength(1);
  });

  it('500 is a server_error, not retried by the provider', async () => {
    fake.failNext({ status: 500, body: { error: 'llama runner process has terminated' } });
    const error = await failure(hello);
    expect(error).toMatchObject({ kind: 'server_error', status: 500 });
    expect(error.message).toContain('llama runner process has terminated');
    expect(fake.requests).toHaveLength(1);
  });

  it('an error about the context length is context_overflow', async () => {
    fake.failNext({ status: 400, body: { error: 'input length exceeds the context length' } });
    expect(await failure(hello)).toMatchObject({ kind: 'context_overflow', status: 400 });
  });

  it('a prompt that fills num_ctx (nothing generated, done_reason length) is context_overflow', async () => {
    const error = await failure({ ...hello, numCtx: 4, messages: [{ role: 'user', content: 'x'.repeat(200) }] });
    expect(error.kind).toBe('context_overflow');
    expect(error.message).toContain('4-token context window');
  });

  it('a closed port is connection_refused with how to start Ollama', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await failure(hello, createOllamaProvider({ id: 'ollama', kind: 'ollama', baseUrl: url }));
    expect(error.kind).toBe('connection_refused');
    expect(error.message).toBe(`Ollama is not running at ${url}: start it with \`ollama serve\`.`);
  });

  it('a first byte slower than the whole-call timeout is a timeout', async () => {
    fake.delayFirstByte(1_000);
    const startedAt = Date.now();
    const error = await failure({ ...hello, timeoutMs: 200 });
    expect(error.kind).toBe('timeout');
    expect(Date.now() - startedAt).toBeLessThan(900);
  });

  it('a stream that goes quiet longer than idleTimeoutMs is a timeout', async () => {
    fake.setChunkDelay(400);
    const deltas: string[] = [];
    const error = await failure({ ...hello, idleTimeoutMs: 150, onDelta: (delta) => deltas.push(delta) });
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('sent nothing for 150 ms');
    expect(deltas).toEqual(['You']);
  });

  it('a connection dropped mid-stream is a server_error', async () => {
    fake.dropMidStream(3);
    const error = await failure(hello);
    expect(error.kind).toBe('server_error');
    expect(error.message).toContain('closed the connection');
  });

  it('the caller aborting is cancelled (no fallback)', async () => {
    fake.setChunkDelay(100);
    const controller = new AbortController();
    const call = ollama.generate({ ...hello, signal: controller.signal, onDelta: () => controller.abort() });
    const error: unknown = await call.catch((reason: unknown) => reason);
    expect(error).toMatchObject({ kind: 'cancelled', fallback: false });
  });

  it('a body that is not Ollama NDJSON is malformed_response', async () => {
    fake.failNext({ status: 200, body: 'not json at all' });
    expect(await failure(hello)).toMatchObject({ kind: 'malformed_response' });
  });
});

describe('ollama provider: models and health', () => {
  it('lists installed models with their size', async () => {
    const models = await ollama.listModels();
    expect(models).toEqual([
      { id: 'llama3.2:3b', sizeBytes: 2_019_393_189 },
      { id: 'qwen2.5:0.5b', sizeBytes: 397_821_319 },
    ]);
  });

  it('is healthy when Ollama answers and has models', async () => {
    const health = await ollama.health();
    expect(health).toMatchObject({ ok: true, models: 2 });
    expect(fake.requests.map((request) => request.path)).toEqual(['/api/version', '/api/tags']);
  });

  it('says in plain words when Ollama is not running', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const health = await createOllamaProvider({ id: 'ollama', kind: 'ollama', baseUrl: url }).health();
    expect(health.ok).toBe(false);
    expect(health.reason).toContain(`Ollama is not running at ${url}`);
  });
});
