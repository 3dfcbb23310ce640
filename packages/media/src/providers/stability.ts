/**
 * Stability AI's Stable Image API (platform.stability.ai/docs/api-reference#tag/Generate):
 * `POST /v2beta/stable-image/generate/{ultra|core|sd3}` as multipart/form-data, one image per call,
 * answered as bytes (`accept: image/*`) with `finish-reason` and `seed` headers.
 * - Sizes: an `aspect_ratio` from Stability's list, the nearest to the size asked for.
 * - Seeds and negative prompts are honoured; styles map to Core's `style_preset` where one fits.
 * - References: the first reference image is sent as `image` with `strength` (image-to-image) on
 *   Ultra and SD 3.5; Core takes no image, so a call with references to Core fails as model_not_found (the
 *   gateway moves on to a candidate that takes references).
 * - Refusals: 403 `content_moderation`, or a 200 whose `finish-reason` is CONTENT_FILTERED (the
 *   image came back blurred) are both `content_filter`.
 */
import type { ImageStyle } from '@plume/contract/media/media-enums';
import type { HttpClient } from '@plume/http/http-client';
import { expectImage } from './media-bytes.ts';
import type {
  GeneratedImage,
  ImageAnswer,
  ImageCall,
  MediaModelInfo,
  MediaProvider,
  MediaProviderHealth,
  MediaProviderSettings,
} from './media-provider-contract.ts';
import { nearestAspectRatio } from './media-sizes.ts';
import {
  jsonOf,
  malformed,
  modelCannot,
  refused,
  sendWithin,
  startBudget,
  statusFailure,
  transportFailure,
  trimBase,
} from './vendor-call.ts';
import type { VendorContext, VendorResponse } from './vendor-call.ts';

export const DEFAULT_STABILITY_URL = 'https://api.stability.ai';
/** Whole-call deadline by default (Stability's own limit per request is about a minute). */
export const DEFAULT_STABILITY_TIMEOUT_MS = 180_000;
const HEALTH_TIMEOUT_MS = 10_000;

const ASPECT_RATIOS = ['16:9', '1:1', '21:9', '2:3', '3:2', '4:5', '5:4', '9:16', '9:21'] as const;
/** Model id → the service path and, for SD 3.5, the `model` field. */
const MODELS: Record<string, { service: 'ultra' | 'core' | 'sd3'; model?: string }> = {
  'stable-image-ultra': { service: 'ultra' },
  'stable-image-core': { service: 'core' },
  'sd3.5-large': { service: 'sd3', model: 'sd3.5-large' },
  'sd3.5-large-turbo': { service: 'sd3', model: 'sd3.5-large-turbo' },
  'sd3.5-medium': { service: 'sd3', model: 'sd3.5-medium' },
  'sd3.5-flash': { service: 'sd3', model: 'sd3.5-flash' },
};
/** Core's presets that match seed 003's looks (the style words are in the prompt anyway). */
const STYLE_PRESETS: Partial<Record<ImageStyle, string>> = {
  photorealistic: 'photographic',
  illustration: 'digital-art',
  cartoon: 'comic-book',
  vintage: 'analog-film',
  minimalist: 'line-art',
  cyberpunk: 'neon-punk',
};
/** Stability's `strength` is how much to change the input; 0.35 of the reference by default. */
const DEFAULT_REFERENCE_STRENGTH = 0.35;
const MAX_SEED = 4_294_967_294;

/**
 * Creates the adapter for Stability AI.
 * @example createStabilityProvider({ id: 'stability', kind: 'stability', apiKey }, http).generateImages?.(call)
 */
export function createStabilityProvider(settings: MediaProviderSettings, http: HttpClient): MediaProvider {
  const baseUrl = trimBase(settings.baseUrl ?? DEFAULT_STABILITY_URL);
  const context: VendorContext = {
    providerId: settings.id,
    vendor: 'Stability AI',
    baseUrl,
    local: false,
    secret: settings.apiKey,
  };
  const headers = (accept: string): Record<string, string> => ({
    authorization: `Bearer ${settings.apiKey ?? ''}`,
    accept,
  });

  async function generateImages(call: ImageCall): Promise<ImageAnswer> {
    const target = MODELS[call.model];
    if (target === undefined) {
      throw statusFailure({ status: 404, headers: new Headers(), detail: '', model: call.model }, context);
    }
    if (target.service === 'core' && (call.referenceImages?.length ?? 0) > 0) {
      throw modelCannot(context, call.model, 'takes no reference image (Ultra and SD 3.5 do)');
    }
    const budget = startBudget(call.timeoutMs ?? DEFAULT_STABILITY_TIMEOUT_MS, call.signal);
    const startedAt = performance.now();
    try {
      const images: GeneratedImage[] = [];
      for (let index = 0; index < Math.max(1, call.count); index++) {
        const seed = call.seed === undefined ? undefined : (call.seed + index) % (MAX_SEED + 1);
        const form = buildForm(call, target, seed);
        const url = `${baseUrl}/v2beta/stable-image/generate/${target.service}`;
        const response = await sendWithin(
          http,
          url,
          { method: 'POST', headers: headers('image/*'), body: form },
          budget,
          context,
        );
        images.push(readImage(response, call.model, context));
      }
      return { images, model: call.model, latencyMs: Math.round(performance.now() - startedAt) };
    } finally {
      budget.dispose();
    }
  }

  async function listModels(): Promise<MediaModelInfo[]> {
    // The v2beta API has no model list: these are the documented generate services.
    return Promise.resolve(Object.keys(MODELS).map((id) => ({ id, makes: ['image'] as const })));
  }

  async function health(signal?: AbortSignal): Promise<MediaProviderHealth> {
    const budget = startBudget(HEALTH_TIMEOUT_MS, signal);
    const startedAt = performance.now();
    const latency = (): number => Math.round(performance.now() - startedAt);
    try {
      const response = await sendWithin(
        http,
        `${baseUrl}/v1/user/balance`,
        { method: 'GET', headers: headers('application/json') },
        budget,
        context,
      );
      if (response.status !== 200) throw failureOf(response, '(balance)', context);
      const body = jsonOf(response.bytes);
      const credits = body instanceof Object && 'credits' in body ? body.credits : undefined;
      if (typeof credits !== 'number') throw malformed(context, 'the balance has no credits');
      if (credits <= 0) {
        return { ok: false, latencyMs: latency(), reason: 'The Stability AI account has no credits left.' };
      }
      return { ok: true, latencyMs: latency() };
    } catch (error) {
      return { ok: false, latencyMs: latency(), reason: transportFailure(error, budget, context).message };
    } finally {
      budget.dispose();
    }
  }

  return {
    id: settings.id,
    kind: 'stability',
    capabilities: { image: true, video: false, speech: false, seed: true, referenceImages: true, negativePrompt: true },
    generateImages,
    listModels,
    health,
  };
}

function buildForm(call: ImageCall, target: { service: string; model?: string }, seed: number | undefined): FormData {
  const form = new FormData();
  form.set('prompt', call.prompt);
  form.set('output_format', 'png');
  if (target.model !== undefined) form.set('model', target.model);
  if (call.negativePrompt !== undefined && call.negativePrompt !== '') form.set('negative_prompt', call.negativePrompt);
  if (seed !== undefined) form.set('seed', String(seed));
  const preset = call.style === undefined ? undefined : STYLE_PRESETS[call.style];
  if (target.service === 'core' && preset !== undefined) form.set('style_preset', preset);
  const reference = call.referenceImages?.[0];
  if (reference === undefined) {
    form.set('aspect_ratio', nearestAspectRatio(call.width, call.height, ASPECT_RATIOS));
    return form;
  }
  // Image-to-image: the output keeps the reference's shape, so no aspect_ratio is sent.
  if (target.service === 'sd3') form.set('mode', 'image-to-image');
  form.set('image', new Blob([Buffer.from(reference.bytes)], { type: reference.mimeType }), 'reference');
  const strength = 1 - (call.referenceStrength ?? DEFAULT_REFERENCE_STRENGTH);
  form.set('strength', String(Math.min(1, Math.max(0, strength))));
  return form;
}

function readImage(response: VendorResponse, model: string, context: VendorContext): GeneratedImage {
  if (response.status !== 200) throw failureOf(response, model, context);
  const finishReason = response.headers.get('finish-reason');
  if (finishReason === 'CONTENT_FILTERED') throw refused(context, 'the image was filtered');
  if (finishReason !== null && finishReason !== 'SUCCESS') throw malformed(context, `finish-reason ${finishReason}`);
  const mimeType = expectImage(response.bytes, context);
  const seedHeader = Number(response.headers.get('seed') ?? Number.NaN);
  return { bytes: response.bytes, mimeType, ...(Number.isInteger(seedHeader) ? { seed: seedHeader } : {}) };
}

/** Stability's error bodies are `{id, name, errors: [...]}`; 403 content_moderation is a refusal. */
function failureOf(response: VendorResponse, model: string, context: VendorContext): Error {
  const body = jsonOf(response.bytes);
  const name = body instanceof Object && 'name' in body ? String(body.name) : '';
  const errors = body instanceof Object && 'errors' in body && Array.isArray(body.errors) ? body.errors : [];
  const detail = errors.map(String).join('; ');
  if (response.status === 403 && name === 'content_moderation') return refused(context, detail);
  return statusFailure({ status: response.status, headers: response.headers, detail, model }, context);
}
