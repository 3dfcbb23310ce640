import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import { startOpenAiFake } from '@plume/testing/fakes/llm/openai-fake';
import type { LlmFakeControls } from '@plume/testing/fakes/llm/llm-fake-server';
import { LlmProviderError } from '../provider-contract.ts';
import type { ModelCall, ProviderKind } from '../provider-contract.ts';
import { createProvider } from './create-provider.ts';

const KEY = 'gsk-test-compatible-secret-9012';
const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
const call: ModelCall = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Three hashtags for a bakery' }] };

const fakes: Partial<Record<'openai' | 'groq' | 'perplexity' | 'keyless', LlmFakeControls>> = {};
const fake = (name: keyof typeof fakes): LlmFakeControls =>
  fakes[name] ?? expect.unreachable(`fake ${name} not started`);

beforeAll(async () => {
  [fakes.openai, fakes.groq, fakes.perplexity, fakes.keyless] = await Promise.all([
    startOpenAiFake({ apiKey: KEY }),
    startOpenAiFake({ apiKey: KEY, flavor: 'groq' }),
    startOpenAiFake({ apiKey: KEY, flavor: 'perplexity' }),
    startOpenAiFake({ apiKey: null }),
  ]);
});
afterAll(() => Promise.all(Object.values(fakes).map((started) => started.close())));
beforeEach(() => {
  for (const started of Object.values(fakes)) started.reset();
});

/** Each vendor is the OpenAI fake in the vendor's flavor, behind the vendor's own base path. */
const vendors: {
  kind: ProviderKind;
  label: string;
  fake: 'openai' | 'groq' | 'perplexity';
  prefix: string;
  modelsPath: string;
  jsonFormat: unknown;
}[] = [
  {
    kind: 'groq',
    label: 'Groq',
    fake: 'groq',
    prefix: '/openai/v1',
    modelsPath: '/openai/v1/models',
    jsonFormat: { type: 'json_object' },
  },
  {
    kind: 'perplexity',
    label: 'Perplexity',
    fake: 'perplexity',
    prefix: '',
    modelsPath: '/router/v1/models',
    jsonFormat: { type: 'json_schema', json_schema: { schema: { type: 'object' } } },
  },
  {
    kind: 'meta',
    label: 'Meta Llama API',
    fake: 'openai',
    prefix: '/compat/v1',
    modelsPath: '/compat/v1/models',
    jsonFormat: { type: 'json_object' },
  },
];

describe.each(vendors)('$label provider', ({ kind, label, fake: fakeName, prefix, modelsPath, jsonFormat }) => {
  let keyed: LlmFakeControls;
  beforeAll(() => {
    keyed = fake(fakeName);
  });
  const provider = () => createProvider({ id: kind, kind, baseUrl: `${keyed.url}${prefix}`, apiKey: KEY }, { http });

  it('streams with usage from the vendor path, the key as a Bearer token', async () => {
    const answer = await provider().generate(call);
    expect(answer).toMatchObject({
      text: 'Fake gpt-4o-mini answer to: Three hashtags for a bakery',
      inputTokens: 5,
      outputTokens: 9,
      finishReason: 'stop',
    });
    expect(keyed.requests[0]).toMatchObject({ path: `${prefix}/chat/completions`, body: { stream: true } });
    expect(keyed.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('asks for JSON the way the vendor documents it', async () => {
    const answer = await provider().generate({ ...call, responseFormat: 'json' });
    expect(JSON.parse(answer.text)).toHaveProperty('text');
    expect((keyed.requests[0]?.body as { response_format: unknown }).response_format).toEqual(jsonFormat);
  });

  it('types errors and reports health in the vendor’s name', async () => {
    keyed.failNext({ status: 429, headers: { 'retry-after': '2' } });
    const limited: unknown = await provider()
      .generate(call)
      .catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(LlmProviderError);
    expect(limited).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000, providerId: kind });

    expect(await provider().listModels()).toHaveLength(2);
    expect(keyed.requests.at(-1)?.path).toBe(modelsPath);
    keyed.failNext({ status: 401 });
    expect(await provider().health()).toMatchObject({
      ok: false,
      reason: `The ${label} key was refused (401): check it on the Models page.`,
    });
  });
});

describe('self-hosted OpenAI-compatible server (vLLM, LM Studio)', () => {
  let keyless: LlmFakeControls;
  beforeAll(() => {
    keyless = fake('keyless');
  });
  const settings = () => ({ id: 'vllm-lan', kind: 'openai_compatible' as const, baseUrl: `${keyless.url}/v1` });

  it('works without a key and sends no Authorization header', async () => {
    const provider = createProvider(settings(), { http });
    const answer = await provider.generate({ ...call, responseFormat: 'json' });
    expect(answer.inputTokens).toBeGreaterThan(0);
    expect(keyless.requests[0]?.headers.authorization).toBeUndefined();
    expect(keyless.requests[0]?.body).toMatchObject({
      response_format: { type: 'json_object' },
      stream_options: { include_usage: true },
    });
    expect(await provider.health()).toMatchObject({ ok: true, models: 2 });
  });

  it('names the server in messages and requires a base URL', async () => {
    const provider = createProvider(settings(), { http });
    const error = await provider.generate({ ...call, model: 'missing' }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({
      kind: 'model_not_found',
      message: 'vllm-lan does not offer the model "missing", or this key may not use it (404).',
    });
    expect(() => createProvider({ id: 'lmstudio', kind: 'openai_compatible' }, { http })).toThrow(/needs a base URL/);
  });
});
