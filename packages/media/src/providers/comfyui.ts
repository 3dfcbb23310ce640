/**
 * ComfyUI's HTTP API (docs.comfy.org/development/comfyui-server/comms_routes), a local image server:
 * 1. references are uploaded first (`POST /upload/image`, multipart `image`) into its input folder;
 * 2. `POST /prompt` with the built-in workflow (comfyui-workflow.ts) → `{prompt_id}`, or 400 with
 *    `node_errors` (a checkpoint not on disk, a bad value) → bad_request with the node's message;
 * 3. `GET /history/{prompt_id}` until it has the prompt (empty `{}` while queued or running): `status`
 *    `success` with `outputs[save node].images[]`, or `error` with an `execution_error` message;
 * 4. each image from `GET /view?filename=…&subfolder=…&type=output`.
 * Models: `GET /object_info/CheckpointLoaderSimple` (the checkpoint names the loader accepts).
 * ComfyUI has no auth and no content policy of its own; `apiKey`, when set, is sent as a Bearer token
 * for a reverse proxy in front of it.
 */
import type { HttpClient } from '@plume/http/http-client';
import { expectImage } from './media-bytes.ts';
import type {
  GeneratedImage,
  ImageAnswer,
  ImageCall,
  InputImage,
  MediaModelInfo,
  MediaProvider,
  MediaProviderHealth,
  MediaProviderSettings,
} from './media-provider-contract.ts';
import { stableDiffusionSize } from './media-sizes.ts';
import { buildWorkflow, NODE } from './comfyui-workflow.ts';
import { fieldOf, listOf, textOf } from './json-fields.ts';
import {
  clip,
  jsonOf,
  malformed,
  pause,
  sendWithin,
  startBudget,
  statusFailure,
  transportFailure,
  trimBase,
} from './vendor-call.ts';
import type { CallBudget, VendorContext, VendorResponse } from './vendor-call.ts';

export const DEFAULT_COMFYUI_URL = 'http://127.0.0.1:8188';
export const DEFAULT_COMFYUI_TIMEOUT_MS = 10 * 60_000;
const LIST_TIMEOUT_MS = 10_000;
const DEFAULT_POLL_INTERVAL_MS = 1_000;
const DEFAULT_REFERENCE_STRENGTH = 0.35;

export interface ComfyUiProviderOptions {
  /** Between history polls (default 1 s). */
  pollIntervalMs?: number;
}

interface Comfy {
  http: HttpClient;
  baseUrl: string;
  headers: Record<string, string>;
  context: VendorContext;
}

/**
 * Creates the adapter for one ComfyUI server.
 * @example createComfyUiProvider({ id: 'comfyui', kind: 'comfyui', baseUrl: 'http://127.0.0.1:8188' }, http)
 */
export function createComfyUiProvider(
  settings: MediaProviderSettings,
  http: HttpClient,
  options: ComfyUiProviderOptions = {},
): MediaProvider {
  const baseUrl = trimBase(settings.baseUrl ?? DEFAULT_COMFYUI_URL);
  const comfy: Comfy = {
    http,
    baseUrl,
    headers: settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {},
    context: { providerId: settings.id, vendor: 'ComfyUI', baseUrl, local: true, secret: settings.apiKey },
  };
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;

  async function generateImages(call: ImageCall): Promise<ImageAnswer> {
    const budget = startBudget(call.timeoutMs ?? DEFAULT_COMFYUI_TIMEOUT_MS, call.signal);
    const startedAt = performance.now();
    try {
      const reference = call.referenceImages?.[0];
      const uploaded = reference === undefined ? undefined : await upload(comfy, reference, budget);
      const seed = call.seed ?? Math.floor(Math.random() * 2 ** 32);
      const size = stableDiffusionSize(call.width, call.height, call.model);
      const workflow = buildWorkflow({
        checkpoint: call.model,
        prompt: call.prompt,
        negativePrompt: call.negativePrompt ?? '',
        ...size,
        batchSize: Math.max(1, call.count),
        seed,
        steps: 25,
        cfg: 7,
        ...(uploaded === undefined
          ? {}
          : { reference: { name: uploaded, keep: call.referenceStrength ?? DEFAULT_REFERENCE_STRENGTH } }),
      });
      const promptId = await queue(comfy, workflow, call.model, budget);
      const files = await waitForOutputs(comfy, promptId, budget, pollIntervalMs);
      const images: GeneratedImage[] = [];
      for (const file of files) images.push(await view(comfy, file, budget));
      // One seed drives a whole batch's noise: it reproduces an image only when there was one.
      const withSeed = images.length === 1 ? images.map((image) => ({ ...image, seed })) : images;
      return { images: withSeed, model: call.model, latencyMs: Math.round(performance.now() - startedAt) };
    } catch (error) {
      throw transportFailure(error, budget, comfy.context);
    } finally {
      budget.dispose();
    }
  }

  async function listModels(signal?: AbortSignal): Promise<MediaModelInfo[]> {
    const budget = startBudget(LIST_TIMEOUT_MS, signal);
    try {
      const response = await get(comfy, '/object_info/CheckpointLoaderSimple', budget);
      if (response.status !== 200) throw failureOf(response, '(list)', comfy.context);
      return checkpointsOf(jsonOf(response.bytes)).map((id) => ({ id, makes: ['image'] as const }));
    } catch (error) {
      throw transportFailure(error, budget, comfy.context);
    } finally {
      budget.dispose();
    }
  }

  async function health(signal?: AbortSignal): Promise<MediaProviderHealth> {
    const startedAt = performance.now();
    const latency = (): number => Math.round(performance.now() - startedAt);
    try {
      const models = await listModels(signal);
      if (models.length > 0) return { ok: true, latencyMs: latency() };
      const reason = `ComfyUI is running at ${baseUrl} but has no checkpoints: put one in models/checkpoints.`;
      return { ok: false, latencyMs: latency(), reason };
    } catch (error) {
      return { ok: false, latencyMs: latency(), reason: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    id: settings.id,
    kind: 'comfyui',
    capabilities: { image: true, video: false, speech: false, seed: true, referenceImages: true, negativePrompt: true },
    generateImages,
    listModels,
    health,
  };
}

function get(comfy: Comfy, path: string, budget: CallBudget): Promise<VendorResponse> {
  const headers = { ...comfy.headers, accept: 'application/json' };
  return sendWithin(comfy.http, `${comfy.baseUrl}${path}`, { method: 'GET', headers }, budget, comfy.context);
}

async function upload(comfy: Comfy, image: InputImage, budget: CallBudget): Promise<string> {
  const form = new FormData();
  const extension = image.mimeType.split('/')[1] ?? 'png';
  const name = `plume-reference-${Date.now()}-${Math.floor(Math.random() * 1e6)}.${extension}`;
  form.set('image', new Blob([Buffer.from(image.bytes)], { type: image.mimeType }), name);
  form.set('overwrite', 'true');
  const response = await sendWithin(
    comfy.http,
    `${comfy.baseUrl}/upload/image`,
    { method: 'POST', headers: comfy.headers, body: form },
    budget,
    comfy.context,
  );
  if (response.status !== 200) throw failureOf(response, '(upload)', comfy.context);
  const body = jsonOf(response.bytes);
  const stored = textOf(body, 'name');
  if (stored === undefined) throw malformed(comfy.context, 'the upload has no file name');
  const subfolder = textOf(body, 'subfolder') ?? '';
  return subfolder === '' ? stored : `${subfolder}/${stored}`;
}

async function queue(comfy: Comfy, workflow: unknown, model: string, budget: CallBudget): Promise<string> {
  const body = JSON.stringify({ prompt: workflow, client_id: 'plume' });
  const headers = { ...comfy.headers, 'content-type': 'application/json', accept: 'application/json' };
  const response = await sendWithin(
    comfy.http,
    `${comfy.baseUrl}/prompt`,
    { method: 'POST', headers, body },
    budget,
    comfy.context,
  );
  if (response.status !== 200) throw failureOf(response, model, comfy.context);
  const promptId = textOf(jsonOf(response.bytes), 'prompt_id');
  if (promptId === undefined) throw malformed(comfy.context, 'the queued prompt has no prompt_id');
  return promptId;
}

interface OutputFile {
  filename: string;
  subfolder: string;
  type: string;
}

async function waitForOutputs(
  comfy: Comfy,
  promptId: string,
  budget: CallBudget,
  pollIntervalMs: number,
): Promise<OutputFile[]> {
  for (;;) {
    const response = await get(comfy, `/history/${encodeURIComponent(promptId)}`, budget);
    if (response.status !== 200) throw failureOf(response, '(history)', comfy.context);
    const entry = fieldOf(jsonOf(response.bytes), promptId);
    if (entry !== undefined) return outputsOf(comfy.context, entry);
    await pause(pollIntervalMs, budget, comfy.context);
  }
}

function outputsOf(context: VendorContext, entry: unknown): OutputFile[] {
  const status = fieldOf(entry, 'status');
  if (textOf(status, 'status_str') === 'error') {
    // `messages` are `[event, data]` pairs; the failure is the `execution_error` one.
    const failed = listOf(status, 'messages').find(
      (message) => Array.isArray(message) && (message as unknown[])[0] === 'execution_error',
    );
    const details = Array.isArray(failed) ? (failed as unknown[])[1] : undefined;
    const node = textOf(details, 'node_type') ?? 'a node';
    const detail = `${node} failed: ${textOf(details, 'exception_message') ?? 'execution error'}`;
    throw statusFailure({ status: 500, headers: new Headers(), detail, model: '' }, context);
  }
  const files = listOf(fieldOf(fieldOf(entry, 'outputs'), NODE.save), 'images').flatMap((image) => {
    const filename = textOf(image, 'filename');
    if (filename === undefined) return [];
    return [{ filename, subfolder: textOf(image, 'subfolder') ?? '', type: textOf(image, 'type') ?? 'output' }];
  });
  if (files.length === 0) throw malformed(context, 'the finished prompt saved no image');
  return files;
}

async function view(comfy: Comfy, file: OutputFile, budget: CallBudget): Promise<GeneratedImage> {
  const query = new URLSearchParams({ filename: file.filename, subfolder: file.subfolder, type: file.type });
  const response = await sendWithin(
    comfy.http,
    `${comfy.baseUrl}/view?${query.toString()}`,
    { method: 'GET', headers: comfy.headers },
    budget,
    comfy.context,
  );
  if (response.status !== 200) throw failureOf(response, '(view)', comfy.context);
  return { bytes: response.bytes, mimeType: expectImage(response.bytes, comfy.context) };
}

/** The loader's `ckpt_name` choices: `[[names], {…}]` in older servers, `["COMBO", {options}]` in newer. */
function checkpointsOf(body: unknown): string[] {
  const required = fieldOf(fieldOf(fieldOf(body, 'CheckpointLoaderSimple'), 'input'), 'required');
  const spec = listOf(required, 'ckpt_name');
  const first = spec[0];
  const names = Array.isArray(first) ? (first as unknown[]) : listOf(spec[1], 'options');
  return names.filter((name): name is string => typeof name === 'string');
}

/** 400 from /prompt names the node that refused; other statuses mean what they usually do. */
function failureOf(response: VendorResponse, model: string, context: VendorContext): Error {
  const body = jsonOf(response.bytes);
  const nodeErrors = fieldOf(body, 'node_errors');
  const messages: string[] = [];
  if (nodeErrors instanceof Object) {
    for (const node of Object.values(nodeErrors as Record<string, unknown>)) {
      const type = textOf(node, 'class_type') ?? 'node';
      for (const error of listOf(node, 'errors')) {
        const words = [textOf(error, 'message'), textOf(error, 'details')].filter(
          (part) => part !== undefined && part !== '',
        );
        messages.push(`${type}: ${words.join(': ')}`);
      }
    }
  }
  const error = fieldOf(body, 'error');
  const detail = messages.length > 0 ? messages.join('; ') : (textOf(error, 'message') ?? textOf(body, 'error') ?? '');
  return statusFailure({ status: response.status, headers: response.headers, detail: clip(detail), model }, context);
}
