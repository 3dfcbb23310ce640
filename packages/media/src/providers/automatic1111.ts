/**
 * AUTOMATIC1111's Stable Diffusion web UI API (started with `--api`; wiki "API" and the server's
 * `/docs`): the local-first image provider. Nothing leaves the machine and nothing is paid per image.
 * - `POST /sdapi/v1/txt2img` with prompt, negative_prompt, seed, the model's native size in multiples
 *   of 64, steps, cfg_scale and `batch_size` = count; the model is chosen per call through
 *   `override_settings.sd_model_checkpoint` (restored afterwards).
 * - References: `POST /sdapi/v1/img2img` with the first reference as `init_images` and
 *   `denoising_strength` = 1 − referenceStrength.
 * - Answers: base64 `images` (a batch starts with a grid image, skipped) and an `info` JSON string
 *   with the seeds used.
 * - Models: `GET /sdapi/v1/sd-models`, the loaded one (`GET /sdapi/v1/options`) first.
 * - `apiKey`, when set, is `user:password` for `--api-auth` (sent as Basic auth).
 * A1111 has no content policy, so it never answers `content_filter`; Plume's own safety rules apply
 * before any call.
 */
import type { HttpClient } from '@plume/http/http-client';
import { imageFromBase64, toBase64 } from './media-bytes.ts';
import type {
  GeneratedImage,
  ImageAnswer,
  ImageCall,
  MediaModelInfo,
  MediaProvider,
  MediaProviderHealth,
  MediaProviderSettings,
} from './media-provider-contract.ts';
import { stableDiffusionSize } from './media-sizes.ts';
import {
  clip,
  jsonOf,
  malformed,
  sendWithin,
  startBudget,
  statusFailure,
  transportFailure,
  trimBase,
} from './vendor-call.ts';
import type { CallBudget, VendorContext, VendorResponse } from './vendor-call.ts';

export const DEFAULT_AUTOMATIC1111_URL = 'http://127.0.0.1:7860';
/** Whole-call deadline by default: a batch on a small GPU (or a CPU) takes minutes. */
export const DEFAULT_AUTOMATIC1111_TIMEOUT_MS = 10 * 60_000;
const LIST_TIMEOUT_MS = 10_000;
const STEPS = 25;
const CFG_SCALE = 7;
const DEFAULT_REFERENCE_STRENGTH = 0.35;

/**
 * Creates the adapter for one AUTOMATIC1111 server.
 * @example createAutomatic1111Provider({ id: 'a1111', kind: 'automatic1111', baseUrl: 'http://127.0.0.1:7860' }, http)
 */
export function createAutomatic1111Provider(settings: MediaProviderSettings, http: HttpClient): MediaProvider {
  const baseUrl = trimBase(settings.baseUrl ?? DEFAULT_AUTOMATIC1111_URL);
  const context: VendorContext = {
    providerId: settings.id,
    vendor: 'AUTOMATIC1111',
    baseUrl,
    local: true,
    secret: settings.apiKey,
  };
  const headers: Record<string, string> = { accept: 'application/json' };
  if (settings.apiKey !== undefined && settings.apiKey !== '') {
    headers['authorization'] = `Basic ${Buffer.from(settings.apiKey).toString('base64')}`;
  }

  async function generateImages(call: ImageCall): Promise<ImageAnswer> {
    const budget = startBudget(call.timeoutMs ?? DEFAULT_AUTOMATIC1111_TIMEOUT_MS, call.signal);
    const startedAt = performance.now();
    try {
      const reference = call.referenceImages?.[0];
      const endpoint = reference === undefined ? 'txt2img' : 'img2img';
      const body = {
        ...requestBody(call),
        ...(reference === undefined
          ? {}
          : {
              init_images: [toBase64(reference.bytes)],
              denoising_strength: clamp(1 - (call.referenceStrength ?? DEFAULT_REFERENCE_STRENGTH)),
            }),
      };
      const response = await sendWithin(
        http,
        `${baseUrl}/sdapi/v1/${endpoint}`,
        { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) },
        budget,
        context,
      );
      if (response.status !== 200) throw failureOf(response, call.model, context);
      const images = readImages(response, Math.max(1, call.count), context);
      return { images, model: call.model, latencyMs: Math.round(performance.now() - startedAt) };
    } finally {
      budget.dispose();
    }
  }

  async function fetchModels(budget: CallBudget): Promise<MediaModelInfo[]> {
    const response = await sendWithin(
      http,
      `${baseUrl}/sdapi/v1/sd-models`,
      { method: 'GET', headers },
      budget,
      context,
    );
    if (response.status !== 200) throw failureOf(response, '(list)', context);
    const body = jsonOf(response.bytes);
    if (!Array.isArray(body)) throw malformed(context, 'the model list is not a list');
    const titles = body.flatMap((model: unknown) =>
      model instanceof Object && 'title' in model && typeof model.title === 'string' ? [model.title] : [],
    );
    // The loaded checkpoint first: the gateway's `auto` takes the first, and switching costs a reload.
    const current = await loadedCheckpoint(budget);
    const ordered =
      current !== undefined && titles.includes(current) ? [current, ...titles.filter((t) => t !== current)] : titles;
    return ordered.map((id) => ({ id, makes: ['image'] as const }));
  }

  /** `GET /sdapi/v1/options` names the loaded checkpoint; undefined when it cannot be read. */
  async function loadedCheckpoint(budget: CallBudget): Promise<string | undefined> {
    try {
      const response = await sendWithin(
        http,
        `${baseUrl}/sdapi/v1/options`,
        { method: 'GET', headers },
        budget,
        context,
      );
      const body = response.status === 200 ? jsonOf(response.bytes) : undefined;
      const value = body instanceof Object && 'sd_model_checkpoint' in body ? body.sd_model_checkpoint : undefined;
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  async function listModels(signal?: AbortSignal): Promise<MediaModelInfo[]> {
    const budget = startBudget(LIST_TIMEOUT_MS, signal);
    try {
      return await fetchModels(budget);
    } catch (error) {
      throw transportFailure(error, budget, context);
    } finally {
      budget.dispose();
    }
  }

  async function health(signal?: AbortSignal): Promise<MediaProviderHealth> {
    const budget = startBudget(LIST_TIMEOUT_MS, signal);
    const startedAt = performance.now();
    const latency = (): number => Math.round(performance.now() - startedAt);
    try {
      const models = await fetchModels(budget);
      if (models.length > 0) return { ok: true, latencyMs: latency() };
      const reason = `AUTOMATIC1111 is running at ${baseUrl} but has no checkpoints: put one in models/Stable-diffusion.`;
      return { ok: false, latencyMs: latency(), reason };
    } catch (error) {
      return { ok: false, latencyMs: latency(), reason: transportFailure(error, budget, context).message };
    } finally {
      budget.dispose();
    }
  }

  return {
    id: settings.id,
    kind: 'automatic1111',
    capabilities: { image: true, video: false, speech: false, seed: true, referenceImages: true, negativePrompt: true },
    generateImages,
    listModels,
    health,
  };
}

function requestBody(call: ImageCall): Record<string, unknown> {
  const size = stableDiffusionSize(call.width, call.height, call.model);
  return {
    prompt: call.prompt,
    negative_prompt: call.negativePrompt ?? '',
    seed: call.seed ?? -1,
    width: size.width,
    height: size.height,
    steps: STEPS,
    cfg_scale: CFG_SCALE,
    batch_size: Math.max(1, call.count),
    n_iter: 1,
    send_images: true,
    save_images: false,
    override_settings: { sd_model_checkpoint: call.model },
    override_settings_restore_afterwards: true,
  };
}

/** The last `count` images are the batch (a grid comes first); seeds come from `info.all_seeds`. */
function readImages(response: VendorResponse, count: number, context: VendorContext): GeneratedImage[] {
  const body = jsonOf(response.bytes);
  const images = body instanceof Object && 'images' in body && Array.isArray(body.images) ? body.images : undefined;
  if (images === undefined || images.length < count) throw malformed(context, 'fewer images than asked for');
  const seeds = seedsOf(body instanceof Object && 'info' in body ? body.info : undefined);
  return images.slice(images.length - count).map((data: unknown, index) => {
    if (typeof data !== 'string') throw malformed(context, 'an image is not base64 text');
    const seed = seeds[index];
    return { ...imageFromBase64(data, context), ...(seed === undefined ? {} : { seed }) };
  });
}

function seedsOf(info: unknown): number[] {
  const parsed = typeof info === 'string' ? jsonOf(Buffer.from(info)) : undefined;
  if (!(parsed instanceof Object) || !('all_seeds' in parsed) || !Array.isArray(parsed.all_seeds)) return [];
  return parsed.all_seeds.filter((seed: unknown): seed is number => typeof seed === 'number');
}

/** 422 lists the fields FastAPI refused; 500 carries the Python error in `errors`. */
function failureOf(response: VendorResponse, model: string, context: VendorContext): Error {
  const body = jsonOf(response.bytes);
  let detail = '';
  if (body instanceof Object && 'detail' in body && Array.isArray(body.detail)) {
    detail = body.detail.map(describeIssue).join('; ');
  } else if (body instanceof Object && 'detail' in body && typeof body.detail === 'string' && body.detail !== '') {
    detail = body.detail;
  } else if (body instanceof Object && 'errors' in body && typeof body.errors === 'string') {
    detail = clip(body.errors);
  }
  return statusFailure({ status: response.status, headers: response.headers, detail, model }, context);
}

function describeIssue(issue: unknown): string {
  if (!(issue instanceof Object)) return String(issue);
  const loc = 'loc' in issue && Array.isArray(issue.loc) ? issue.loc.filter((part) => part !== 'body').join('.') : '';
  const msg = 'msg' in issue && typeof issue.msg === 'string' ? issue.msg : 'invalid';
  return loc === '' ? msg : `${loc}: ${msg}`;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
