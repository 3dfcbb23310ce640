/**
 * A fake of Stability AI's REST API (v2beta Stable Image), following
 * platform.stability.ai/docs/api-reference#tag/Generate:
 * - `POST /v2beta/stable-image/generate/{ultra|core|sd3}`, multipart/form-data with `prompt`,
 *   `negative_prompt`, `aspect_ratio` (16:9 1:1 21:9 2:3 3:2 4:5 5:4 9:16 9:21), `seed`
 *   (0–4294967294), `output_format` (png jpeg webp; sd3: png jpeg), `style_preset` (core), `model`
 *   (sd3: sd3.5-large …), `image` + `strength` (ultra; sd3 with `mode=image-to-image`);
 * - `accept: image/*` answers the bytes with `finish-reason` and `seed` headers, `application/json`
 *   answers `{image, finish_reason, seed}`; `finish_reason` CONTENT_FILTERED when the result was filtered;
 * - errors `{id, name, errors: [...]}`: 400 bad_request, 401 unauthorized, 402 payment_required,
 *   403 content_moderation, 429 rate_limit_exceeded, 500 internal_error;
 * - `GET /v1/user/balance` → `{credits}` (the cheap authenticated call used for health).
 * A prompt with FAKE_REFUSED_WORD is refused with 403; one with STABILITY_FILTERED_WORD comes back
 * CONTENT_FILTERED (the output was filtered).
 */
import type { ServerResponse } from 'node:http';
import { FAKE_REFUSED_WORD, fakePng } from './fake-media-files.ts';
import { sendJson, startMediaFakeServer } from './media-fake-server.ts';
import type { MediaFakeControls, MediaFakeRequest } from './media-fake-server.ts';

export const STABILITY_FILTERED_WORD = 'filtered-output';
const ASPECTS = ['16:9', '1:1', '21:9', '2:3', '3:2', '4:5', '5:4', '9:16', '9:21'];
const SD3_MODELS = ['sd3.5-large', 'sd3.5-large-turbo', 'sd3.5-medium', 'sd3.5-flash'];
const STYLE_PRESETS = ['3d-model', 'analog-film', 'anime', 'cinematic', 'comic-book', 'digital-art', 'enhance'];
const MORE_PRESETS = ['fantasy-art', 'isometric', 'line-art', 'low-poly', 'neon-punk', 'origami', 'photographic'];
const PRESETS = [...STYLE_PRESETS, ...MORE_PRESETS, 'modeling-compound', 'pixel-art', 'tile-texture'];

export interface StabilityFakeOptions {
  apiKey?: string;
  /** Side of a 1:1 answer in pixels (others keep about the same area); small keeps tests fast. */
  side?: number;
}

function stabilityError(name: string, errors: string[]): unknown {
  return { id: `fake-${name}`, name, errors };
}

/** Starts the fake; point the adapter's baseUrl at `fake.url`. */
export async function startStabilityFake(options: StabilityFakeOptions = {}): Promise<MediaFakeControls> {
  const apiKey = options.apiKey ?? 'sk-test-stability';
  const side = options.side ?? 64;
  return startMediaFakeServer({
    errorBody: (status) =>
      status === 429
        ? stabilityError('rate_limit_exceeded', ['You have exceeded the rate limit of 150 requests within 10 seconds.'])
        : stabilityError('internal_error', ['An unexpected server error has occurred, please try again later.']),
    handler: async (request, res) => {
      if (request.headers.authorization !== `Bearer ${apiKey}`) {
        sendJson(res, 401, stabilityError('unauthorized', ['authorization: invalid or missing header value']));
      } else if (request.method === 'GET' && request.path === '/v1/user/balance') {
        sendJson(res, 200, { credits: 42.5 });
      } else if (request.method === 'POST' && request.path.startsWith('/v2beta/stable-image/generate/')) {
        await generate(request, res, side);
      } else {
        sendJson(res, 404, stabilityError('not_found', [`${request.method} ${request.path} does not exist`]));
      }
    },
  });
}

async function generate(request: MediaFakeRequest, res: ServerResponse, side: number): Promise<void> {
  const service = request.path.split('/').at(-1) ?? '';
  const form = request.form;
  if (form === undefined) {
    sendJson(res, 400, stabilityError('bad_request', ['content-type: must be multipart/form-data']));
    return;
  }
  const problem = validate(service, form);
  if (problem !== undefined) {
    sendJson(res, service === 'unknown' ? 404 : 400, stabilityError('bad_request', [problem]));
    return;
  }
  const prompt = field(form, 'prompt') ?? '';
  if (prompt.toLowerCase().includes(FAKE_REFUSED_WORD)) {
    const words = 'Your request was flagged by our content moderation system, as a result your request was denied.';
    sendJson(res, 403, stabilityError('content_moderation', [words]));
    return;
  }
  const seedField = form.get('seed');
  const seed = typeof seedField === 'string' ? Number(seedField) : Math.floor(Math.random() * 4_294_967_294);
  const { width, height } = sizeOf(field(form, 'aspect_ratio') ?? '1:1', side);
  const image = fakePng(width, height, seed);
  const finishReason = prompt.includes(STABILITY_FILTERED_WORD) ? 'CONTENT_FILTERED' : 'SUCCESS';
  if ((request.headers.accept ?? 'image/*').includes('application/json')) {
    sendJson(res, 200, { image: image.toString('base64'), finish_reason: finishReason, seed });
    return;
  }
  res.writeHead(200, { 'content-type': 'image/png', 'finish-reason': finishReason, seed: String(seed) });
  res.end(image);
  await Promise.resolve();
}

function validate(service: string, form: FormData): string | undefined {
  if (!['ultra', 'core', 'sd3'].includes(service)) return `no such service: ${service}`;
  const prompt = field(form, 'prompt');
  if (prompt === undefined || prompt.length === 0) return 'prompt: cannot be empty';
  if (prompt.length > 10_000) return 'prompt: must be at most 10000 characters';
  const aspect = field(form, 'aspect_ratio');
  if (aspect !== undefined && !ASPECTS.includes(aspect)) return `aspect_ratio: must be one of ${ASPECTS.join(', ')}`;
  const format = field(form, 'output_format') ?? 'png';
  const formats = service === 'sd3' ? ['png', 'jpeg'] : ['png', 'jpeg', 'webp'];
  if (!formats.includes(format)) return `output_format: must be one of ${formats.join(', ')}`;
  const seed = field(form, 'seed');
  if (seed !== undefined && !(Number(seed) >= 0 && Number(seed) <= 4_294_967_294)) return 'seed: out of range';
  const preset = field(form, 'style_preset');
  if (preset !== undefined && !PRESETS.includes(preset)) return 'style_preset: unknown preset';
  const model = field(form, 'model');
  if (service === 'sd3' && model !== undefined && !SD3_MODELS.includes(model)) return `model: unknown ${model}`;
  return validateImageInput(service, form);
}

function validateImageInput(service: string, form: FormData): string | undefined {
  const image = form.get('image');
  const imageMode = service === 'ultra' ? image !== null : form.get('mode') === 'image-to-image';
  if (!imageMode) return undefined;
  if (service === 'core') return 'image: not accepted by this service';
  if (!(image instanceof Blob) || image.size === 0) return 'image: required for image-to-image';
  const strength = Number(field(form, 'strength'));
  if (!(strength >= 0 && strength <= 1)) return 'strength: must be between 0 and 1';
  return undefined;
}

function sizeOf(aspect: string, side: number): { width: number; height: number } {
  const [w = 1, h = 1] = aspect.split(':').map(Number);
  const scale = Math.sqrt((side * side) / (w * h));
  return { width: Math.round(w * scale), height: Math.round(h * scale) };
}

/** A text field of the form (files and absent fields are undefined). */
function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}
