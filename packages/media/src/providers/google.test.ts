import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import { fakePng } from '@plume/testing/fakes/media/fake-media-files';
import { startGoogleFake } from '@plume/testing/fakes/media/google-fake';
import type { GoogleFakeControls } from '@plume/testing/fakes/media/google-fake';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createGoogleProvider } from './google.ts';
import { veoDuration } from './google-video.ts';
import { LlmProviderError } from './media-provider-contract.ts';
import type { ImageCall, MediaProvider, VideoCall } from './media-provider-contract.ts';

const KEY = 'AIza-google-secret-9012';
const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
const imagen: ImageCall = {
  model: 'imagen-4.0-generate-001',
  prompt: 'A bowl of ramen, overhead shot',
  negativePrompt: 'chopsticks',
  aspectRatio: '4:5',
  width: 1080,
  height: 1350,
  count: 2,
};
const veo: VideoCall = {
  model: 'veo-3.0-generate-001',
  prompt: 'Waves on a beach at sunset',
  negativePrompt: 'people',
  aspectRatio: '9:16',
  durationSec: 6,
  seed: 9,
};

let fake: GoogleFakeControls;
let provider: MediaProvider;

beforeAll(async () => {
  fake = await startGoogleFake({ apiKey: KEY, pollsUntilDone: 3 });
  provider = createGoogleProvider({ id: 'google', kind: 'google', baseUrl: fake.url, apiKey: KEY }, http, {
    pollIntervalMs: 20,
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
});

async function failure(promise: Promise<unknown> | undefined): Promise<LlmProviderError> {
  const error = await rejectionOf(promise ?? Promise.resolve(), LlmProviderError);
  expect(error.message).not.toContain(KEY);
  return error;
}

describe('Google adapter: images', () => {
  it('calls Imagen predict with the nearest aspect ratio, the key in a header and the negative prompt said', async () => {
    const answer = await provider.generateImages?.(imagen);

    expect(answer?.images).toHaveLength(2);
    expect(answer?.images[0]?.mimeType).toBe('image/png');
    const request = fake.requests[0];
    expect(request?.path).toBe('/v1beta/models/imagen-4.0-generate-001:predict');
    expect(request?.headers['x-goog-api-key']).toBe(KEY);
    expect(request?.query.get('key')).toBeNull();
    expect(request?.json).toEqual({
      instances: [{ prompt: 'A bowl of ramen, overhead shot\n\nAvoid: chopsticks' }],
      parameters: { sampleCount: 2, aspectRatio: '3:4', personGeneration: 'allow_adult', includeRaiReason: true },
    });
  });

  it('asks Imagen in batches of four', async () => {
    const answer = await provider.generateImages?.({ ...imagen, count: 6 });
    expect(answer?.images).toHaveLength(6);
    expect(
      fake.requests.map((r) => (r.json as { parameters: { sampleCount: number } }).parameters.sampleCount),
    ).toEqual([4, 2]);
  });

  it('sends references inline to a Gemini image model and reads the image part', async () => {
    const reference = { bytes: new Uint8Array(fakePng(8, 8)), mimeType: 'image/png' };
    const answer = await provider.generateImages?.({
      ...imagen,
      model: 'gemini-2.5-flash-image',
      count: 1,
      seed: 5,
      aspectRatio: '9:16',
      width: 1080,
      height: 1920,
      referenceImages: [reference, reference],
    });

    expect(answer?.images).toHaveLength(1);
    const body = fake.requests[0]?.json as {
      contents: { parts: { inlineData?: { data: string }; text?: string }[] }[];
      generationConfig: unknown;
    };
    expect(body.contents[0]?.parts.map((part) => (part.inlineData === undefined ? 'text' : 'image'))).toEqual([
      'image',
      'image',
      'text',
    ]);
    expect(body.contents[0]?.parts[0]?.inlineData?.data).toBe(Buffer.from(reference.bytes).toString('base64'));
    expect(body.generationConfig).toEqual({
      responseModalities: ['TEXT', 'IMAGE'],
      imageConfig: { aspectRatio: '9:16' },
      seed: 5,
    });
  });

  it('lets the gateway move on when Imagen is given references', async () => {
    const reference = { bytes: new Uint8Array(fakePng(8, 8)), mimeType: 'image/png' };
    expect((await failure(provider.generateImages?.({ ...imagen, referenceImages: [reference] }))).kind).toBe(
      'model_not_found',
    );
  });

  it('types safety-filtered results from Imagen and blocked prompts from Gemini as content_filter', async () => {
    const filtered = await failure(provider.generateImages?.({ ...imagen, prompt: 'a forbidden thing' }));
    expect(filtered).toMatchObject({ kind: 'content_filter', fallback: false });
    expect(filtered.message).toContain('may violate our policies');

    const blocked = await failure(
      provider.generateImages?.({ ...imagen, model: 'gemini-2.5-flash-image', prompt: 'a forbidden thing' }),
    );
    expect(blocked.kind).toBe('content_filter');
    expect(blocked.message).toContain('PROHIBITED_CONTENT');
  });

  it('takes the wait from RetryInfo on 429, and types 503 and an unknown model', async () => {
    fake.failNext({ status: 429 });
    expect(await failure(provider.generateImages?.(imagen))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 27_000,
    });
    fake.failNext({ status: 503, headers: { 'retry-after': '3' } });
    expect(await failure(provider.generateImages?.(imagen))).toMatchObject({
      kind: 'server_error',
      retryAfterMs: 3_000,
    });
    expect((await failure(provider.generateImages?.({ ...imagen, model: 'imagen-0' }))).kind).toBe('model_not_found');
  });

  it('types an invalid key (400 API_KEY_INVALID) as auth, and a slow answer as timeout', async () => {
    const wrong = createGoogleProvider({ id: 'google', kind: 'google', baseUrl: fake.url, apiKey: 'AIza-wrong' }, http);
    const error = await failure(wrong.generateImages?.(imagen));
    expect(error).toMatchObject({ kind: 'auth' });
    expect(error.message).toContain('API key not valid');

    fake.setDelay(2_000);
    expect((await failure(provider.generateImages?.({ ...imagen, timeoutMs: 150 }))).kind).toBe('timeout');
  });
});

describe('Google adapter: models and health', () => {
  it('lists only the image and video models', async () => {
    expect(await provider.listModels()).toEqual([
      { id: 'gemini-2.5-flash-image', makes: ['image'] },
      { id: 'imagen-4.0-generate-001', makes: ['image'] },
      { id: 'veo-3.0-generate-001', makes: ['video'] },
    ]);
    expect(await provider.health()).toMatchObject({ ok: true });
    fake.failNext({ status: 500 });
    expect(await provider.health()).toMatchObject({ ok: false });
  });
});

describe('Google adapter: Veo video', () => {
  it('starts a job, polls it with progress, and downloads the video without sending the key to the signed link', async () => {
    const progress: number[] = [];
    const answer = await provider.generateVideo?.({ ...veo, onProgress: (fraction) => progress.push(fraction) });

    expect(answer?.video.mimeType).toBe('video/mp4');
    expect(answer?.durationSec).toBe(6);
    const paths = fake.requests.map((request) => request.path);
    expect(paths[0]).toBe('/v1beta/models/veo-3.0-generate-001:predictLongRunning');
    expect(paths.filter((path) => path.includes('/operations/'))).toHaveLength(3);
    expect(paths.at(-2)).toBe('/v1beta/files/op1:download');
    expect(paths.at(-1)).toBe('/signed/op1');
    expect(fake.requests.at(-2)?.headers['x-goog-api-key']).toBe(KEY);
    expect(fake.requests.at(-1)?.headers['x-goog-api-key']).toBeUndefined();
    expect(fake.requests[0]?.json).toEqual({
      instances: [{ prompt: veo.prompt }],
      parameters: { aspectRatio: '9:16', durationSeconds: 6, negativePrompt: 'people', seed: 9 },
    });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThanOrEqual(4);
  });

  it('animates a first frame when given one', async () => {
    const image = { bytes: new Uint8Array(fakePng(8, 8)), mimeType: 'image/png' };
    await provider.generateVideo?.({ ...veo, image, aspectRatio: '16:9' });
    const instance = (fake.requests[0]?.json as { instances: { image: unknown }[] }).instances[0];
    expect(instance?.image).toEqual({
      bytesBase64Encoded: Buffer.from(image.bytes).toString('base64'),
      mimeType: 'image/png',
    });
  });

  it('types an RAI-filtered job as content_filter and a failed job by its code', async () => {
    const filtered = await failure(provider.generateVideo?.({ ...veo, prompt: 'a forbidden scene' }));
    expect(filtered.kind).toBe('content_filter');

    fake.failNextJob({ code: 13, message: 'Video generation failed.' });
    const failed = await failure(provider.generateVideo?.(veo));
    expect(failed.kind).toBe('server_error');
    expect(failed.message).toContain('Video generation failed.');
  });

  it('stops polling at timeoutMs and on the caller signal', async () => {
    const slow = createGoogleProvider({ id: 'google', kind: 'google', baseUrl: fake.url, apiKey: KEY }, http, {
      pollIntervalMs: 5_000,
    });
    const startedAt = Date.now();
    expect((await failure(slow.generateVideo?.({ ...veo, timeoutMs: 200 }))).kind).toBe('timeout');
    expect(Date.now() - startedAt).toBeLessThan(2_000);

    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 100);
    expect((await failure(slow.generateVideo?.({ ...veo, signal: controller.signal }))).kind).toBe('cancelled');
  });

  it('maps the wanted length to what each Veo model makes', () => {
    expect(veoDuration('veo-3.0-generate-001', 15)).toBe(8);
    expect(veoDuration('veo-3.0-generate-001', 5)).toBe(4);
    expect(veoDuration('veo-2.0-generate-001', 3)).toBe(5);
  });
});
