import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import { fakePng } from '@plume/testing/fakes/media/fake-media-files';
import type { MediaFakeControls } from '@plume/testing/fakes/media/media-fake-server';
import { startStabilityFake, STABILITY_FILTERED_WORD } from '@plume/testing/fakes/media/stability-fake';
import { rejectionOf } from '@plume/testing/rejection-of';
import { LlmProviderError } from './media-provider-contract.ts';
import type { ImageCall, MediaProvider } from './media-provider-contract.ts';
import { createStabilityProvider } from './stability.ts';

const KEY = 'sk-stability-secret-5678';
const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
const call: ImageCall = {
  model: 'stable-image-core',
  prompt: 'A lighthouse at dawn, watercolor',
  negativePrompt: 'text, watermark',
  style: 'cyberpunk',
  aspectRatio: '4:5',
  width: 1080,
  height: 1350,
  count: 1,
  seed: 1234,
};

let fake: MediaFakeControls;
let provider: MediaProvider;

beforeAll(async () => {
  fake = await startStabilityFake({ apiKey: KEY });
  provider = createStabilityProvider({ id: 'stability', kind: 'stability', baseUrl: fake.url, apiKey: KEY }, http);
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

function generate(overrides: Partial<ImageCall> = {}): Promise<unknown> {
  return provider.generateImages?.({ ...call, ...overrides }) ?? Promise.reject(new Error('no images'));
}

describe('Stability AI adapter', () => {
  it('sends a multipart request with the nearest aspect ratio, seed, negative prompt and preset', async () => {
    const answer = await provider.generateImages?.(call);

    expect(answer?.images).toHaveLength(1);
    expect(answer?.images[0]).toMatchObject({ mimeType: 'image/png', seed: 1234 });
    expect(answer?.model).toBe('stable-image-core');
    const request = fake.requests[0];
    expect(request?.path).toBe('/v2beta/stable-image/generate/core');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers.accept).toBe('image/*');
    const form = Object.fromEntries(
      [...(request?.form?.entries() ?? [])].map(([k, v]) => [k, typeof v === 'string' ? v : 'file']),
    );
    expect(form).toEqual({
      prompt: call.prompt,
      negative_prompt: 'text, watermark',
      aspect_ratio: '4:5',
      seed: '1234',
      style_preset: 'neon-punk',
      output_format: 'png',
    });
  });

  it('makes one call per image and steps the seed so a batch differs', async () => {
    const answer = await provider.generateImages?.({ ...call, model: 'sd3.5-large', count: 3, aspectRatio: '9:16' });

    expect(answer?.images.map((image) => image.seed)).toEqual([1234, 1235, 1236]);
    expect(fake.requests.map((request) => request.path)).toEqual(
      Array.from({ length: 3 }, () => '/v2beta/stable-image/generate/sd3'),
    );
    expect(fake.requests[0]?.form?.get('model')).toBe('sd3.5-large');
    expect(fake.requests[0]?.form?.get('style_preset')).toBeNull();
  });

  it('sends the first reference as image-to-image with strength from the reference strength', async () => {
    const reference = { bytes: new Uint8Array(fakePng(8, 8)), mimeType: 'image/png' };
    await provider.generateImages?.({
      ...call,
      model: 'sd3.5-medium',
      referenceImages: [reference],
      referenceStrength: 0.7,
    });

    const form = fake.requests[0]?.form;
    expect(form?.get('mode')).toBe('image-to-image');
    expect(Number(form?.get('strength'))).toBeCloseTo(0.3);
    expect(form?.get('aspect_ratio')).toBeNull();
    expect((form?.get('image') as Blob).size).toBe(reference.bytes.length);
  });

  it('lets the gateway move on when Core is given references, which it cannot take', async () => {
    const reference = { bytes: new Uint8Array(fakePng(8, 8)), mimeType: 'image/png' };
    const error = await failure(generate({ referenceImages: [reference] }));
    expect(error).toMatchObject({ kind: 'model_not_found', fallback: true });
    expect(fake.requests).toHaveLength(0);
  });

  it('types a moderation refusal and a filtered result as content_filter', async () => {
    const refusedPrompt = await failure(generate({ prompt: 'a forbidden scene' }));
    expect(refusedPrompt).toMatchObject({ kind: 'content_filter', fallback: false });
    expect(refusedPrompt.message).toContain('content moderation');

    const filtered = await failure(generate({ prompt: `a ${STABILITY_FILTERED_WORD} scene` }));
    expect(filtered.kind).toBe('content_filter');
  });

  it('passes on 429 with Retry-After, and 402 out of credits, as rate_limited', async () => {
    fake.failNext({ status: 429, headers: { 'retry-after': '12' } });
    const limited = await failure(generate());
    expect(limited).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 12_000 });

    fake.failNext({
      status: 402,
      body: { id: 'x', name: 'payment_required', errors: ['You lack sufficient credits'] },
    });
    const broke = await failure(generate());
    expect(broke.kind).toBe('rate_limited');
    expect(broke.message).toContain('out of credits');
  });

  it('types a 500 as server_error and a wrong key as auth without repeating the key', async () => {
    fake.failNext({ status: 500 });
    expect((await failure(generate())).kind).toBe('server_error');

    const wrong = createStabilityProvider(
      { id: 'stability', kind: 'stability', baseUrl: fake.url, apiKey: `${KEY}-wrong` },
      http,
    );
    const error = await failure(wrong.generateImages?.(call) ?? Promise.resolve());
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('never repeats the key even when the vendor echoes it in an error', async () => {
    fake.failNext({ status: 400, body: { id: 'x', name: 'bad_request', errors: [`key ${KEY} is malformed`] } });
    const error = await failure(generate());
    expect(error.message).toContain('key [key] is malformed');
  });

  it('types a connection dropped before the answer as server_error', async () => {
    fake.dropNext();
    const error = await failure(generate());
    expect(error.kind).toBe('server_error');
  });

  it('rejects an answer that is not an image as malformed_response', async () => {
    fake.failNext({ status: 200, body: '<html>maintenance</html>' });
    expect((await failure(generate())).kind).toBe('malformed_response');
  });

  it('reports health from the balance and lists the documented models', async () => {
    expect(await provider.health()).toMatchObject({ ok: true });
    expect(fake.requests[0]?.path).toBe('/v1/user/balance');
    const models = await provider.listModels();
    expect(models.map((model) => model.id)).toContain('stable-image-ultra');

    fake.failNext({ status: 401 });
    const unhealthy = await provider.health();
    expect(unhealthy.ok).toBe(false);
    expect(unhealthy.reason).toContain('refused the key');
  });

  it('stops at timeoutMs and on the caller signal', async () => {
    fake.setDelay(2_000);
    const startedAt = Date.now();
    const slow = await failure(generate({ timeoutMs: 150 }));
    expect(slow.kind).toBe('timeout');
    expect(Date.now() - startedAt).toBeLessThan(1_500);

    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    expect((await failure(generate({ signal: controller.signal }))).kind).toBe('cancelled');
  });
});
