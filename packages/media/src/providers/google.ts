/**
 * Google's image and video models through the Gemini API (generativelanguage.googleapis.com), the
 * models seed 003 uses: Imagen and Gemini image models for images (google-images.ts), Veo for video
 * (google-video.ts). One key (`x-goog-api-key`) serves all three.
 * - Capabilities: references through Gemini image models (Imagen takes none: model_not_found, so the
 *   gateway moves on);
 *   negative prompts natively on Veo and said as "Avoid: …" in image prompts; seeds are passed where
 *   the API takes them (Gemini, Veo 3) but Google does not promise the same image for the same seed,
 *   so `seed` is reported false.
 * - `listModels`: `GET /v1beta/models`, keeping the ones that make images (`predict` on Imagen,
 *   `…-image` Gemini models) or video (`predictLongRunning`).
 */
import type { HttpClient } from '@plume/http/http-client';
import type {
  ImageAnswer,
  ImageCall,
  MediaModelInfo,
  MediaProvider,
  MediaProviderHealth,
  MediaProviderSettings,
  VideoAnswer,
  VideoCall,
} from './media-provider-contract.ts';
import { DEFAULT_GOOGLE_URL, getGoogle } from './google-api.ts';
import { listOf, textOf } from './json-fields.ts';
import type { GoogleClient } from './google-api.ts';
import { generateWithGemini, generateWithImagen, isImagenModel } from './google-images.ts';
import { generateWithVeo } from './google-video.ts';
import { startBudget, transportFailure, trimBase } from './vendor-call.ts';

/** Whole-call deadlines by default: images within two minutes, a Veo job within fifteen. */
export const DEFAULT_GOOGLE_IMAGE_TIMEOUT_MS = 120_000;
export const DEFAULT_GOOGLE_VIDEO_TIMEOUT_MS = 15 * 60_000;
const LIST_TIMEOUT_MS = 10_000;
const DEFAULT_POLL_INTERVAL_MS = 10_000;

export interface GoogleProviderOptions {
  /** Between Veo operation polls (default 10 s, as Google's examples). */
  pollIntervalMs?: number;
}

/**
 * Creates the adapter for a Gemini API key.
 * @example createGoogleProvider({ id: 'google', kind: 'google', apiKey }, http).generateVideo?.(call)
 */
export function createGoogleProvider(
  settings: MediaProviderSettings,
  http: HttpClient,
  options: GoogleProviderOptions = {},
): MediaProvider {
  const baseUrl = trimBase(settings.baseUrl ?? DEFAULT_GOOGLE_URL);
  const client: GoogleClient = {
    http,
    baseUrl,
    apiKey: settings.apiKey ?? '',
    context: { providerId: settings.id, vendor: 'Google', baseUrl, local: false, secret: settings.apiKey },
  };
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;

  async function generateImages(call: ImageCall): Promise<ImageAnswer> {
    const budget = startBudget(call.timeoutMs ?? DEFAULT_GOOGLE_IMAGE_TIMEOUT_MS, call.signal);
    const startedAt = performance.now();
    try {
      const images = isImagenModel(call.model)
        ? await generateWithImagen(client, call, budget)
        : await generateWithGemini(client, call, budget);
      return { images, model: call.model, latencyMs: Math.round(performance.now() - startedAt) };
    } catch (error) {
      throw transportFailure(error, budget, client.context);
    } finally {
      budget.dispose();
    }
  }

  async function generateVideo(call: VideoCall): Promise<VideoAnswer> {
    const budget = startBudget(call.timeoutMs ?? DEFAULT_GOOGLE_VIDEO_TIMEOUT_MS, call.signal);
    const startedAt = performance.now();
    try {
      const answer = await generateWithVeo(client, call, budget, { pollIntervalMs });
      return { ...answer, latencyMs: Math.round(performance.now() - startedAt) };
    } catch (error) {
      throw transportFailure(error, budget, client.context);
    } finally {
      budget.dispose();
    }
  }

  async function listModels(signal?: AbortSignal): Promise<MediaModelInfo[]> {
    const budget = startBudget(LIST_TIMEOUT_MS, signal);
    try {
      const answer = await getGoogle(client, 'models?pageSize=1000', budget, '(list)');
      return listOf(answer, 'models').flatMap((model) => {
        const info = mediaModelOf(model);
        return info === undefined ? [] : [info];
      });
    } catch (error) {
      throw transportFailure(error, budget, client.context);
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
      return { ok: false, latencyMs: latency(), reason: 'This Google key can use no image or video model.' };
    } catch (error) {
      return { ok: false, latencyMs: latency(), reason: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    id: settings.id,
    kind: 'google',
    capabilities: { image: true, video: true, speech: false, seed: false, referenceImages: true, negativePrompt: true },
    generateImages,
    generateVideo,
    listModels,
    health,
  };
}

/** An image or video model from the list, or undefined for the text and embedding models. */
function mediaModelOf(model: unknown): MediaModelInfo | undefined {
  const name = textOf(model, 'name');
  if (name === undefined) return undefined;
  const id = name.replace(/^models\//, '');
  const methods = listOf(model, 'supportedGenerationMethods').map(String);
  if (methods.includes('predictLongRunning') && /veo/i.test(id)) return { id, makes: ['video'] };
  if (methods.includes('predict') && isImagenModel(id)) return { id, makes: ['image'] };
  if (methods.includes('generateContent') && /-image/.test(id)) return { id, makes: ['image'] };
  return undefined;
}
