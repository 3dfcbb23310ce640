import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import { A1111_FAKE_MODELS, startAutomatic1111Fake } from '@plume/testing/fakes/media/automatic1111-fake';
import { fakePng } from '@plume/testing/fakes/media/fake-media-files';
import type { MediaFakeControls } from '@plume/testing/fakes/media/media-fake-server';
import { freePort } from '@plume/testing/free-port';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createAutomatic1111Provider } from './automatic1111.ts';
import { LlmProviderError } from './media-provider-contract.ts';
import type { ImageCall, MediaProvider } from './media-provider-contract.ts';

const AUTH = 'plume:local-secret';
const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
const XL = A1111_FAKE_MODELS[0] ?? '';
const call: ImageCall = {
  model: XL,
  prompt: 'A cosy bakery window, morning light',
  negativePrompt: 'blurry',
  aspectRatio: '9:16',
  width: 1080,
  height: 1920,
  count: 1,
  seed: 42,
};

let fake: MediaFakeControls;
let provider: MediaProvider;

beforeAll(async () => {
  fake = await startAutomatic1111Fake({ auth: AUTH });
  provider = createAutomatic1111Provider({ id: 'a1111', kind: 'automatic1111', baseUrl: fake.url, apiKey: AUTH }, http);
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
});

async function failure(promise: Promise<unknown> | undefined): Promise<LlmProviderError> {
  const error = await rejectionOf(promise ?? Promise.resolve(), LlmProviderError);
  expect(error.message).not.toContain('local-secret');
  return error;
}

describe('AUTOMATIC1111 adapter', () => {
  it('asks txt2img for the model native size with the seed, negative prompt and checkpoint', async () => {
    const answer = await provider.generateImages?.(call);

    expect(answer?.images).toHaveLength(1);
    expect(answer?.images[0]).toMatchObject({ mimeType: 'image/png', seed: 42 });
    const request = fake.requests[0];
    expect(request?.path).toBe('/sdapi/v1/txt2img');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(AUTH).toString('base64')}`);
    expect(request?.json).toMatchObject({
      prompt: call.prompt,
      negative_prompt: 'blurry',
      seed: 42,
      width: 768,
      height: 1344,
      batch_size: 1,
      override_settings: { sd_model_checkpoint: XL },
      override_settings_restore_afterwards: true,
    });
  });

  it('uses 512-pixel sizes for an SD 1.5 checkpoint', async () => {
    await provider.generateImages?.({
      ...call,
      model: A1111_FAKE_MODELS[1] ?? '',
      aspectRatio: '1:1',
      width: 1080,
      height: 1080,
    });
    expect(fake.requests[0]?.json).toMatchObject({ width: 512, height: 512 });
  });

  it('returns a batch without the grid image, each with its seed', async () => {
    const answer = await provider.generateImages?.({ ...call, count: 3, seed: undefined });

    expect(answer?.images).toHaveLength(3);
    const seeds = answer?.images.map((image) => image.seed ?? -1) ?? [];
    expect(seeds[1]).toBe((seeds[0] ?? 0) + 1);
    expect(fake.requests[0]?.json).toMatchObject({ seed: -1, batch_size: 3 });
  });

  it('sends references to img2img as init_images with a denoising strength', async () => {
    const reference = new Uint8Array(fakePng(8, 8));
    await provider.generateImages?.({
      ...call,
      referenceImages: [{ bytes: reference, mimeType: 'image/png' }],
      referenceStrength: 0.6,
    });

    const request = fake.requests[0];
    expect(request?.path).toBe('/sdapi/v1/img2img');
    const body = request?.json as { init_images: string[]; denoising_strength: number };
    expect(body.init_images).toEqual([Buffer.from(reference).toString('base64')]);
    expect(body.denoising_strength).toBeCloseTo(0.4);
  });

  it('names the field of a 422 and types it bad_request', async () => {
    fake.failNext({
      status: 422,
      body: { detail: [{ loc: ['body', 'steps'], msg: 'value is not a valid integer', type: 'type_error' }] },
    });
    const error = await failure(provider.generateImages?.(call));
    expect(error).toMatchObject({ kind: 'bad_request', fallback: false });
    expect(error.message).toContain('steps: value is not a valid integer');
  });

  it('types a failed generation (out of memory, missing checkpoint) as server_error', async () => {
    fake.failNext({ status: 500 });
    const oom = await failure(provider.generateImages?.(call));
    expect(oom.kind).toBe('server_error');
    expect(oom.message).toContain('CUDA out of memory');

    const missing = await failure(provider.generateImages?.({ ...call, model: 'nope.safetensors' }));
    expect(missing.message).toContain('Checkpoint nope.safetensors not found');
  });

  it('says in plain words when nothing listens at the address', async () => {
    const port = await freePort();
    const down = createAutomatic1111Provider(
      { id: 'a1111', kind: 'automatic1111', baseUrl: `http://127.0.0.1:${port}` },
      http,
    );
    const error = await failure(down.generateImages?.(call));
    expect(error.kind).toBe('connection_refused');
    expect(error.message).toContain(`AUTOMATIC1111 is not running at http://127.0.0.1:${port}`);
    const health = await down.health();
    expect(health).toMatchObject({ ok: false });
    expect(health.reason).toContain('is not running');
  });

  it('types wrong --api-auth credentials as auth', async () => {
    const wrong = createAutomatic1111Provider(
      { id: 'a1111', kind: 'automatic1111', baseUrl: fake.url, apiKey: 'plume:wrong' },
      http,
    );
    expect(await failure(wrong.generateImages?.(call))).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('stops at timeoutMs', async () => {
    fake.setDelay(2_000);
    expect((await failure(provider.generateImages?.({ ...call, timeoutMs: 150 }))).kind).toBe('timeout');
  });

  it('rejects an image that is not one as malformed_response', async () => {
    fake.failNext({ status: 200, body: { images: [Buffer.from('not an image').toString('base64')], info: '{}' } });
    expect((await failure(provider.generateImages?.(call))).kind).toBe('malformed_response');
  });

  it('lists checkpoints for the model picker and health', async () => {
    expect((await provider.listModels()).map((model) => model.id)).toEqual(A1111_FAKE_MODELS);
    expect(await provider.health()).toMatchObject({ ok: true });
  });

  it("lists the loaded checkpoint first, so the gateway's auto model needs no reload", async () => {
    const other = await startAutomatic1111Fake({ loaded: A1111_FAKE_MODELS[1] });
    try {
      const server = createAutomatic1111Provider({ id: 'a1111', kind: 'automatic1111', baseUrl: other.url }, http);
      expect((await server.listModels()).map((model) => model.id)).toEqual([...A1111_FAKE_MODELS].reverse());
    } finally {
      await other.close();
    }
  });
});
