import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import type { BudgetAlert } from '@plume/llm/gateway/attempt';
import { NO_LIMITS } from '@plume/llm/gateway/budget';
import { createCircuitBreakers } from '@plume/llm/gateway/circuit-breaker';
import { LlmGatewayError } from '@plume/llm/gateway/gateway-error';
import { createMemoryGatewayStore, type MemoryGatewayStore } from '@plume/testing/fakes/llm/memory-gateway-store';
import { startOpenAiMediaFake, type OpenAiMediaFake } from '@plume/testing/fakes/media/openai-media-fake';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createMediaProviderDirectory } from '../providers/media-provider-directory.ts';
import { createMediaGateway, type MediaGatewayService } from './media-gateway.ts';

const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'], retries: 0 });
const image = { prompt: 'a lighthouse at dawn', aspectRatio: '1:1' as const, width: 1080, height: 1080, count: 2 };
const cloudOnly = { mode: 'local_first' as const, candidates: [{ provider: 'openai', model: 'gpt-image-1' }] };

describe('media gateway against real fakes over HTTP', () => {
  let local: OpenAiMediaFake;
  let cloud: OpenAiMediaFake;
  let store: MemoryGatewayStore;
  let gateway: MediaGatewayService;
  let alerts: BudgetAlert[];

  beforeAll(async () => {
    local = await startOpenAiMediaFake({ apiKey: null, flavor: 'compatible', models: ['sdxl-turbo', 'kokoro'] });
    cloud = await startOpenAiMediaFake();
  });
  afterAll(async () => {
    await Promise.all([local.close(), cloud.close()]);
  });
  beforeEach(() => {
    local.reset();
    cloud.reset();
    store = createMemoryGatewayStore();
    alerts = [];
    // The instance has a local image and speech server; the workspace its own OpenAI key (at the fake).
    const directory = createMediaProviderDirectory({
      store: {
        listWorkspaceMediaProviders: async () => [
          {
            providerId: 'openai',
            kind: 'openai',
            baseUrl: `${cloud.url}/v1`,
            apiKeyCiphertext: 'test-openai-key',
            enabled: true,
            updatedAt: new Date(0),
          },
        ],
      },
      decrypt: (ciphertext) => ciphertext,
      instance: { openaiCompatibleImageUrl: `${local.url}/v1`, speechUrl: `${local.url}/v1` },
      instanceHttp: http,
      workspaceHttp: http,
    });
    gateway = createMediaGateway({
      store,
      providers: (workspaceId) => directory.list(workspaceId),
      breakers: createCircuitBreakers({ failureThreshold: 2, coolDownMs: 60_000 }),
      onBudgetAlert: async (alert) => {
        alerts.push(alert);
      },
    });
  });

  it('asks the local server first and records a free ledger row', async () => {
    const result = await gateway.generateImages({ workspaceId: 'w1', call: image });
    expect(result).toMatchObject({
      provider: 'local-images',
      model: 'sdxl-turbo',
      costMicros: 0,
      priceVersion: 'local',
    });
    expect(result.images).toHaveLength(2);
    expect(result.images[0]?.mimeType).toBe('image/png');
    expect(cloud.requests).toHaveLength(0);
    expect(local.requests.at(-1)?.body).toMatchObject({ size: '1024x1024', n: 2, response_format: 'b64_json' });
    expect(store.ledger).toHaveLength(1);
    expect(store.ledger[0]).toMatchObject({ task: 'image', outcome: 'ok', costMicros: 0, inputTokens: 0 });
    expect(store.ledger[0]?.id).toBe(result.usageId);
  });

  it('falls back to the cloud on a 5xx and prices the images by the table', async () => {
    local.failNext({ status: 500 });
    const result = await gateway.generateImages({
      workspaceId: 'w1',
      call: { ...image, aspectRatio: '4:5', height: 1350 },
    });
    expect(result.provider).toBe('openai');
    expect(result.chain.map((step) => step.outcome)).toEqual(['server_error', 'ok']);
    expect(cloud.requests.at(-1)?.body).toMatchObject({ model: 'gpt-image-1', size: '1024x1536', quality: 'medium' });
    // Two portrait gpt-image-1 images at medium quality: 2 × $0.063.
    expect(result.costMicros).toBe(126_000);
    expect(result.priceVersion).toBe('2025-10');
    expect(store.ledger).toHaveLength(1);
    expect(store.ledger[0]).toMatchObject({ provider: 'openai', costMicros: 126_000, countsAsRequest: true });
  });

  it('never falls back on a refusal: it is final, and recorded', async () => {
    const error = await rejectionOf(
      gateway.generateImages({ workspaceId: 'w1', call: { ...image, prompt: 'something forbidden' } }),
      LlmGatewayError,
    );
    expect(error.code).toBe('all_failed');
    expect(error.chain.at(-1)?.outcome).toBe('content_filter');
    expect(error.message).toMatch(/refused/);
    expect(cloud.requests).toHaveLength(0);
    expect(store.ledger[0]).toMatchObject({ outcome: 'content_filter', costMicros: 0 });
  });

  it('skips a paid candidate whose estimate would pass the budget, before any request', async () => {
    store.limits.set('w1', { ...NO_LIMITS, dailyLimitMicros: 50_000 });
    const error = await rejectionOf(
      gateway.generateImages({ workspaceId: 'w1', call: image, policy: cloudOnly }),
      LlmGatewayError,
    );
    expect(error.code).toBe('budget_exceeded');
    expect(error.chain[0]).toMatchObject({ outcome: 'budget_skipped' });
    expect(cloud.requests).toHaveLength(0);
    expect(store.ledger[0]).toMatchObject({ outcome: 'budget_exceeded', countsAsRequest: false });
  });

  it('refuses every call once a request cap is reached', async () => {
    store.limits.set('w1', { ...NO_LIMITS, dailyRequestLimit: 1 });
    await gateway.generateImages({ workspaceId: 'w1', call: image });
    const error = await rejectionOf(gateway.generateImages({ workspaceId: 'w1', call: image }), LlmGatewayError);
    expect(error.code).toBe('budget_exceeded');
    expect(local.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('announces a budget threshold once when a paid call crosses it', async () => {
    store.limits.set('w1', { ...NO_LIMITS, dailyLimitMicros: 100_000 });
    await gateway.generateImages({ workspaceId: 'w1', call: image, policy: cloudOnly });
    expect(alerts).toEqual([expect.objectContaining({ workspaceId: 'w1', threshold: 80, usedMicros: 84_000 })]);
  });

  it('opens the circuit after a 429 with Retry-After and skips the provider until then', async () => {
    cloud.failNext({ status: 429, headers: { 'retry-after': '30' } });
    const first = await rejectionOf(
      gateway.generateImages({ workspaceId: 'w1', call: image, policy: cloudOnly }),
      LlmGatewayError,
    );
    expect(first.chain[0]).toMatchObject({ outcome: 'rate_limited' });
    const second = await rejectionOf(
      gateway.generateImages({ workspaceId: 'w1', call: image, policy: cloudOnly }),
      LlmGatewayError,
    );
    expect(second.chain[0]).toMatchObject({ outcome: 'circuit_open' });
    expect(cloud.requests).toHaveLength(1);
    expect(gateway.breakers.view('workspace:w1:openai').state).toBe('open');
  });

  it('falls back when the local server is too slow', async () => {
    local.setFirstByteDelay(3000);
    const result = await gateway.generateImages({ workspaceId: 'w1', call: { ...image, count: 1, timeoutMs: 1000 } });
    expect(result.provider).toBe('openai');
    expect(result.chain[0]).toMatchObject({ provider: 'local-images', outcome: 'timeout' });
  });

  it('routes speech only to providers that make speech, and prices characters', async () => {
    const call = { text: 'Hello from Plume', voice: 'af_bella', format: 'wav' as const };
    const local = await gateway.synthesizeSpeech({ workspaceId: 'w1', call });
    expect(local).toMatchObject({ provider: 'local-speech', model: 'kokoro', costMicros: 0 });
    expect(local.audio.mimeType).toBe('audio/wav');
    const paid = await gateway.synthesizeSpeech({
      workspaceId: 'w1',
      call: { ...call, voice: 'alloy', format: 'mp3' },
      policy: { mode: 'local_first', candidates: [{ provider: 'openai', model: 'tts-1' }] },
    });
    // 16 characters at $15 per million.
    expect(paid).toMatchObject({ provider: 'openai', costMicros: 240 });
    expect(store.ledger.map((row) => row.task)).toEqual(['speech', 'speech']);
  });

  it('says plainly that nothing makes video when no provider can', async () => {
    const error = await rejectionOf(
      gateway.generateVideo({ workspaceId: 'w1', call: { prompt: 'waves', aspectRatio: '9:16', durationSec: 5 } }),
      LlmGatewayError,
    );
    expect(error.code).toBe('no_provider');
    expect(error.message).toMatch(/No provider that makes videos is set up/);
  });
});
