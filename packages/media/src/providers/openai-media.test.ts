import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import { startOpenAiMediaFake, type OpenAiMediaFake } from '@plume/testing/fakes/media/openai-media-fake';
import { freePort } from '@plume/testing/free-port';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createMediaProvider } from './create-media-provider.ts';
import { LlmProviderError, type ImageCall } from './media-provider-contract.ts';

const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'], retries: 0 });
const square: ImageCall = {
  model: 'gpt-image-1',
  prompt: 'a cup of coffee',
  aspectRatio: '1:1',
  width: 1080,
  height: 1080,
  count: 1,
};

describe('OpenAI images and speech against the fake', () => {
  let fake: OpenAiMediaFake;
  const openai = () =>
    createMediaProvider(
      { id: 'openai', kind: 'openai', baseUrl: `${fake.url}/v1`, apiKey: 'test-openai-key' },
      { http },
    );

  beforeAll(async () => {
    fake = await startOpenAiMediaFake();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('asks gpt-image-1 for the nearest size at medium quality, without response_format, and reads the PNG', async () => {
    const answer = await openai().generateImages!({
      ...square,
      aspectRatio: '16:9',
      width: 1920,
      height: 1080,
      count: 2,
    });
    expect(fake.requests[0]?.body).toEqual({
      model: 'gpt-image-1',
      prompt: 'a cup of coffee',
      n: 2,
      size: '1536x1024',
      quality: 'medium',
    });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-openai-key');
    expect(answer.images).toHaveLength(2);
    const meta = await sharp(answer.images[0]!.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1536, 1024]);
  });

  it('asks dall-e-3 once per image (n must be 1) with b64_json, and keeps its revised prompt', async () => {
    const answer = await openai().generateImages!({
      ...square,
      model: 'dall-e-3',
      aspectRatio: '9:16',
      width: 1080,
      height: 1920,
      count: 2,
      style: 'photorealistic',
    });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]?.body).toMatchObject({
      n: 1,
      size: '1024x1792',
      response_format: 'b64_json',
      style: 'natural',
    });
    expect(answer.images[0]?.revisedPrompt).toBe('A detailed picture of a cup of coffee');
  });

  it('types a content policy refusal as content_filter (never fallen back on)', async () => {
    const error = await rejectionOf(
      openai().generateImages!({ ...square, prompt: 'a forbidden thing' }),
      LlmProviderError,
    );
    expect(error.kind).toBe('content_filter');
    expect(error.fallback).toBe(false);
    expect(error.message).toMatch(/OpenAI refused this request: Your request was rejected/);
  });

  it('types 429 with Retry-After, 5xx, a bad key, an unknown model and a broken body', async () => {
    fake.failNext({ status: 429, headers: { 'retry-after': '12' } });
    const limited = await rejectionOf(openai().generateImages!(square), LlmProviderError);
    expect([limited.kind, limited.retryAfterMs]).toEqual(['rate_limited', 12_000]);
    fake.failNext({ status: 503 });
    expect((await rejectionOf(openai().generateImages!(square), LlmProviderError)).kind).toBe('server_error');
    const wrongKey = createMediaProvider(
      { id: 'openai', kind: 'openai', baseUrl: `${fake.url}/v1`, apiKey: 'nope' },
      { http },
    );
    expect((await rejectionOf(wrongKey.generateImages!(square), LlmProviderError)).kind).toBe('auth');
    expect(
      (await rejectionOf(openai().generateImages!({ ...square, model: 'gpt-image-9' }), LlmProviderError)).kind,
    ).toBe('model_not_found');
    fake.malformNext();
    expect((await rejectionOf(openai().generateImages!(square), LlmProviderError)).kind).toBe('malformed_response');
  });

  it('stops a slow answer at the deadline as a timeout', async () => {
    fake.setFirstByteDelay(2000);
    const error = await rejectionOf(openai().generateImages!({ ...square, timeoutMs: 200 }), LlmProviderError);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('OpenAI did not answer within 200 ms.');
  });

  it('speaks with tts-1 (no instructions sent) and with gpt-4o-mini-tts (instructions sent)', async () => {
    const call = {
      model: 'tts-1',
      text: 'Hello there',
      voice: 'alloy',
      format: 'mp3' as const,
      speed: 1.25,
      instructions: 'warm',
    };
    const answer = await openai().synthesizeSpeech!(call);
    expect(fake.requests[0]?.body).toEqual({
      model: 'tts-1',
      input: 'Hello there',
      voice: 'alloy',
      response_format: 'mp3',
      speed: 1.25,
    });
    expect(answer.audio.mimeType).toBe('audio/mpeg');
    expect([...answer.audio.bytes.subarray(0, 2)]).toEqual([0xff, 0xfb]);
    await openai().synthesizeSpeech!({ ...call, model: 'gpt-4o-mini-tts', format: 'wav' });
    expect(fake.requests[1]?.body).toMatchObject({ instructions: 'warm', response_format: 'wav' });
  });

  it('refuses text longer than 4096 characters before any request', async () => {
    const error = await rejectionOf(
      openai().synthesizeSpeech!({ model: 'tts-1', text: 'a'.repeat(4097), voice: 'alloy', format: 'mp3' }),
      LlmProviderError,
    );
    expect(error.kind).toBe('bad_request');
    expect(fake.requests).toHaveLength(0);
  });

  it('lists only the media models and reports health from the model list', async () => {
    const models = await openai().listModels();
    expect(models.map((model) => model.id)).toEqual(['gpt-image-1', 'dall-e-3', 'tts-1', 'gpt-4o-mini-tts']);
    expect((await openai().health()).ok).toBe(true);
  });
});

describe('an OpenAI-compatible server (LocalAI, Kokoro-FastAPI) against the fake', () => {
  let fake: OpenAiMediaFake;
  beforeAll(async () => {
    fake = await startOpenAiMediaFake({ apiKey: null, flavor: 'compatible', models: ['stablediffusion', 'kokoro'] });
  });
  afterAll(() => fake.close());

  it('sends the shape scaled to 1024 on the longer side, the seed and the negative prompt, without a key', async () => {
    const server = createMediaProvider(
      { id: 'office', kind: 'openai_compatible', baseUrl: `${fake.url}/v1/` },
      { http },
    );
    const answer = await server.generateImages!({
      ...square,
      model: 'stablediffusion',
      aspectRatio: '4:5',
      width: 1080,
      height: 1350,
      seed: 7,
      negativePrompt: 'blurry',
    });
    expect(fake.requests.at(-1)?.body).toMatchObject({
      size: '832x1024',
      seed: 7,
      negative_prompt: 'blurry',
      response_format: 'b64_json',
    });
    expect(fake.requests.at(-1)?.headers.authorization).toBeUndefined();
    expect(answer.images).toHaveLength(1);
    expect(await server.listModels()).toEqual([
      { id: 'stablediffusion', makes: ['image'] },
      { id: 'kokoro', makes: ['speech'] },
    ]);
  });

  it('says in plain words when the server is not running', async () => {
    const down = createMediaProvider(
      { id: 'office', kind: 'openai_compatible', baseUrl: `http://127.0.0.1:${await freePort()}/v1` },
      { http },
    );
    const health = await down.health();
    expect(health.ok).toBe(false);
    expect(health.reason).toMatch(/is not running \(connection refused\)/);
  });

  it('cannot be built without its base URL', () => {
    expect(() => createMediaProvider({ id: 'office', kind: 'openai_compatible' }, { http })).toThrow(
      /needs a base URL/,
    );
  });
});
