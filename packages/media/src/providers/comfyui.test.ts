import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import { COMFYUI_FAKE_CHECKPOINTS, startComfyUiFake } from '@plume/testing/fakes/media/comfyui-fake';
import type { ComfyUiFakeControls } from '@plume/testing/fakes/media/comfyui-fake';
import { fakePng } from '@plume/testing/fakes/media/fake-media-files';
import { freePort } from '@plume/testing/free-port';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createComfyUiProvider } from './comfyui.ts';
import { NODE } from './comfyui-workflow.ts';
import type { WorkflowNode } from './comfyui-workflow.ts';
import { LlmProviderError } from './media-provider-contract.ts';
import type { ImageCall, MediaProvider } from './media-provider-contract.ts';

const TOKEN = 'proxy-token-3456';
const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
const call: ImageCall = {
  model: COMFYUI_FAKE_CHECKPOINTS[0] ?? '',
  prompt: 'A red bicycle against a white wall',
  negativePrompt: 'people',
  aspectRatio: '16:9',
  width: 1920,
  height: 1080,
  count: 1,
  seed: 77,
};

let fake: ComfyUiFakeControls;
let provider: MediaProvider;

beforeAll(async () => {
  fake = await startComfyUiFake({ pollsUntilDone: 3, bearer: TOKEN });
  provider = createComfyUiProvider({ id: 'comfyui', kind: 'comfyui', baseUrl: fake.url, apiKey: TOKEN }, http, {
    pollIntervalMs: 20,
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
});

async function failure(promise: Promise<unknown> | undefined): Promise<LlmProviderError> {
  const error = await rejectionOf(promise ?? Promise.resolve(), LlmProviderError);
  expect(error.message).not.toContain(TOKEN);
  return error;
}

function graphOf(index = 0): Record<string, WorkflowNode> {
  return (
    fake.requests.filter((request) => request.path === '/prompt')[index]?.json as {
      prompt: Record<string, WorkflowNode>;
    }
  ).prompt;
}

describe('ComfyUI adapter', () => {
  it('queues the txt2img workflow, polls the history and fetches the saved image', async () => {
    const answer = await provider.generateImages?.(call);

    expect(answer?.images).toHaveLength(1);
    expect(answer?.images[0]).toMatchObject({ mimeType: 'image/png', seed: 77 });
    const paths = fake.requests.map((request) => request.path);
    expect(paths[0]).toBe('/prompt');
    expect(paths.filter((path) => path.startsWith('/history/'))).toHaveLength(3);
    expect(paths.at(-1)).toBe('/view');
    expect(fake.requests.at(-1)?.query.get('filename')).toBe('plume_00001_.png');
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const graph = graphOf();
    expect(graph[NODE.checkpoint]?.inputs).toEqual({ ckpt_name: call.model });
    expect(graph[NODE.positive]?.inputs['text']).toBe(call.prompt);
    expect(graph[NODE.negative]?.inputs['text']).toBe('people');
    expect(graph[NODE.latent]?.inputs).toEqual({ width: 1344, height: 768, batch_size: 1 });
    expect(graph[NODE.sampler]?.inputs).toMatchObject({ seed: 77, denoise: 1, latent_image: [NODE.latent, 0] });
  });

  it('makes a batch in one run', async () => {
    const answer = await provider.generateImages?.({ ...call, count: 3 });
    expect(answer?.images).toHaveLength(3);
    expect(answer?.images[0]?.seed).toBeUndefined();
    expect(fake.requests.filter((request) => request.path === '/view')).toHaveLength(3);
  });

  it('uploads a reference and starts from it with a partial denoise', async () => {
    const reference = new Uint8Array(fakePng(8, 8));
    await provider.generateImages?.({
      ...call,
      referenceImages: [{ bytes: reference, mimeType: 'image/png' }],
      referenceStrength: 0.4,
    });

    expect(fake.requests[0]?.path).toBe('/upload/image');
    const [name, stored] = [...fake.uploads.entries()][0] ?? [];
    expect(stored?.equals(Buffer.from(reference))).toBe(true);
    const graph = graphOf();
    expect(graph[NODE.loadImage]?.inputs).toEqual({ image: name });
    expect(graph[NODE.latent]).toBeUndefined();
    expect(graph[NODE.sampler]?.inputs).toMatchObject({ denoise: 0.6, latent_image: [NODE.repeat, 0] });
  });

  it("types a node's validation error as bad_request with the node's message", async () => {
    const error = await failure(provider.generateImages?.({ ...call, model: 'missing.safetensors' }));
    expect(error).toMatchObject({ kind: 'bad_request', status: 400 });
    expect(error.message).toContain("CheckpointLoaderSimple: Value not in list: ckpt_name: 'missing.safetensors'");
  });

  it('types a run that failed on the server as server_error with the node and exception', async () => {
    fake.failNextRun({ nodeType: 'KSampler', message: 'CUDA out of memory. Tried to allocate 2.00 GiB' });
    const error = await failure(provider.generateImages?.(call));
    expect(error.kind).toBe('server_error');
    expect(error.message).toContain('KSampler failed: CUDA out of memory');
  });

  it('says in plain words when ComfyUI is not running, and types a refused proxy token as auth', async () => {
    const port = await freePort();
    const down = createComfyUiProvider({ id: 'comfyui', kind: 'comfyui', baseUrl: `http://127.0.0.1:${port}` }, http);
    const refused = await failure(down.generateImages?.(call));
    expect(refused.kind).toBe('connection_refused');
    expect(refused.message).toContain(`ComfyUI is not running at http://127.0.0.1:${port}`);

    const noToken = createComfyUiProvider({ id: 'comfyui', kind: 'comfyui', baseUrl: fake.url }, http);
    expect((await failure(noToken.generateImages?.(call))).kind).toBe('auth');
  });

  it('types 503 as server_error and stops polling at timeoutMs', async () => {
    fake.failNext({ status: 503 });
    expect((await failure(provider.generateImages?.(call))).kind).toBe('server_error');

    const slow = createComfyUiProvider({ id: 'comfyui', kind: 'comfyui', baseUrl: fake.url, apiKey: TOKEN }, http, {
      pollIntervalMs: 5_000,
    });
    const startedAt = Date.now();
    expect((await failure(slow.generateImages?.({ ...call, timeoutMs: 200 }))).kind).toBe('timeout');
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });

  it('rejects a saved file that is not an image as malformed_response', async () => {
    fake.failNext({ status: 200, body: 'GIF? no', pathIncludes: '/view' });
    expect((await failure(provider.generateImages?.(call))).kind).toBe('malformed_response');
  });

  it('lists the checkpoints the loader accepts', async () => {
    expect((await provider.listModels()).map((model) => model.id)).toEqual(COMFYUI_FAKE_CHECKPOINTS);
    expect(await provider.health()).toMatchObject({ ok: true });
  });
});
