import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { startOllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import type { OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createOllamaManager } from './ollama-manager.ts';
import type { OllamaManager, PullProgress } from './ollama-manager.ts';
import { OllamaManagerError } from './ollama-manager-error.ts';

const GIB = 1024 ** 3;
let fake: OllamaFake;
let manager: OllamaManager;

beforeAll(async () => {
  fake = await startOllamaFake();
  manager = createOllamaManager({
    baseUrl: fake.url,
    readMemory: () => ({ totalBytes: 16 * GIB, freeBytes: 8 * GIB }),
  });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function rejection(promise: Promise<unknown>): Promise<OllamaManagerError> {
  return rejectionOf(promise, OllamaManagerError);
}

describe('ollama manager: installed models', () => {
  it('lists installed models with size, family and quantization', async () => {
    const models = await manager.installed();
    expect(models.map((model) => model.name)).toEqual(['llama3.2:3b', 'qwen2.5:0.5b']);
    expect(models[0]).toMatchObject({
      sizeBytes: 2_019_393_189,
      family: 'llama',
      parameterSize: '3.2B',
      quantization: 'Q4_K_M',
    });
  });

  it('shows a model with its context length and parameter count', async () => {
    const details = await manager.show('qwen2.5:0.5b');
    expect(details).toMatchObject({
      family: 'qwen2',
      contextLength: 32_768,
      parameterCount: 494_030_000,
      capabilities: ['completion'],
    });
  });

  it('lists running models after a generation, with keep_alive expiry', async () => {
    expect(await manager.running()).toEqual([]);
    await fetchChat(fake.url, {
      model: 'qwen2.5:0.5b',
      keep_alive: '10m',
      messages: [{ role: 'user', content: 'hi' }],
      stream: false,
    });
    const running = await manager.running();
    expect(running).toHaveLength(1);
    expect(running[0]).toMatchObject({ name: 'qwen2.5:0.5b', contextLength: 4096 });
    expect(Date.parse(running[0]?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 9 * 60_000);
  });

  it('reports the version', async () => {
    expect(await manager.version()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('deletes a model, and says clearly when it is not installed', async () => {
    fake.installed.set('gemma2:2b', {
      name: 'gemma2:2b',
      sizeBytes: 1_600_000_000,
      parameterSize: '2.6B',
      quantization: 'Q4_0',
      contextLength: 8192,
    });
    await manager.delete('gemma2:2b');
    expect(fake.installed.has('gemma2:2b')).toBe(false);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/delete', body: { name: 'gemma2:2b' } });
    const error = await rejection(manager.delete('gemma2:2b'));
    expect(error).toMatchObject({ kind: 'not_installed', status: 404 });
    expect(error.message).toContain('gemma2:2b is not installed');
  });

  it('says Ollama is not running when nothing listens', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await rejection(createOllamaManager({ baseUrl: url }).installed());
    expect(error.kind).toBe('not_running');
    expect(error.message).toBe(`Ollama is not running at ${url}: start it with \`ollama serve\`.`);
  });
});

describe('ollama manager: pull', () => {
  it('reports progress in order up to 100 % and installs the model', async () => {
    const steps: PullProgress[] = [];
    await manager.pull('llama3.2:1b', (step) => steps.push(step));
    expect(steps[0]).toEqual({ status: 'pulling manifest' });
    expect(steps.slice(-3).map((step) => step.status)).toEqual([
      'verifying sha256 digest',
      'writing manifest',
      'success',
    ]);
    const percents = steps.flatMap((step) => (step.percent === undefined ? [] : [step.percent]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(steps.some((step) => step.percent === 50)).toBe(true);
    expect(steps[1]).toMatchObject({
      status: expect.stringMatching(/^pulling [0-9a-f]{12}$/),
      digest: expect.stringMatching(/^sha256:/),
      completed: 0,
    });
    expect(fake.installed.has('llama3.2:1b')).toBe(true);
  });

  it('names the problem when the library has no such model', async () => {
    const error = await rejection(manager.pull('llama9:7b', () => undefined));
    expect(error.kind).toBe('unknown_model');
    expect(error.message).toContain('no model named "llama9:7b"');
  });

  it('refuses a model that cannot fit in memory, unless forced', async () => {
    const error = await rejection(manager.pull('llama3.1:405b', () => undefined));
    expect(error.kind).toBe('does_not_fit');
    expect(error.message).toMatch(/needs about \d+\.\d GiB of memory, but this machine has 16\.0 GiB/);
    expect(fake.requests).toHaveLength(0);
    await manager.pull('llama3.1:405b', () => undefined, { force: true });
    expect(fake.installed.has('llama3.1:405b')).toBe(true);
    fake.installed.delete('llama3.1:405b');
  });

  it('stops when the caller aborts', async () => {
    fake.setChunkDelay(30);
    const controller = new AbortController();
    const steps: PullProgress[] = [];
    const pulling = manager.pull(
      'gemma2:2b',
      (step) => {
        steps.push(step);
        if (steps.length === 2) controller.abort();
      },
      { signal: controller.signal },
    );
    const error = await rejection(pulling);
    expect(error.kind).toBe('cancelled');
    expect(steps).toHaveLength(2);
    expect(fake.installed.has('gemma2:2b')).toBe(false);
  });

  it('gives up when the pull goes quiet', async () => {
    fake.setChunkDelay(300);
    const error = await rejection(manager.pull('gemma2:2b', () => undefined, { idleTimeoutMs: 100 }));
    expect(error.kind).toBe('timeout');
  });
});

/** A chat straight to the fake (as the provider would), to load a model. */
async function fetchChat(url: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/api/chat`, { method: 'POST', body: JSON.stringify(body) });
  await response.json();
}
