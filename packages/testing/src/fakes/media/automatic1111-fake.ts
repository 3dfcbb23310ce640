/**
 * A fake of the AUTOMATIC1111 Stable Diffusion web UI API (`--api`), following its FastAPI schema
 * (github.com/AUTOMATIC1111/stable-diffusion-webui/wiki/API and the server's own `/docs`):
 * - `POST /sdapi/v1/txt2img` and `/sdapi/v1/img2img` (JSON: prompt, negative_prompt, seed (-1 random),
 *   width, height, steps, cfg_scale, batch_size, override_settings.sd_model_checkpoint; img2img adds
 *   init_images (base64) and denoising_strength) → `{images: [base64...], parameters, info}` where
 *   `info` is a JSON string with `seed` and `all_seeds`; a batch of more than one image is preceded by
 *   a grid image (the web UI's default `return_grid`);
 * - validation errors 422 `{detail: [{loc, msg, type}]}`; failures 500 `{error, detail, body, errors}`;
 * - `--api-auth user:password` → 401 `{detail: "Incorrect username or password"}` without Basic auth;
 * - `GET /sdapi/v1/sd-models` → `[{title, model_name, hash, sha256, filename, config}]`;
 * - `GET /sdapi/v1/options` → the settings, with the loaded `sd_model_checkpoint`.
 * A1111 has no content policy of its own; a checkpoint missing on disk fails with 500 like the web UI.
 */
import type { ServerResponse } from 'node:http';
import { fakePng } from './fake-media-files.ts';
import { sendJson, startMediaFakeServer } from './media-fake-server.ts';
import type { MediaFakeControls, MediaFakeRequest } from './media-fake-server.ts';

export const A1111_FAKE_MODELS = [
  'sd_xl_base_1.0.safetensors [31e35c80fc]',
  'v1-5-pruned-emaonly.safetensors [6ce0161689]',
];

export interface Automatic1111FakeOptions {
  /** `user:password` when the fake should require Basic auth, like `--api-auth`. */
  auth?: string;
  models?: readonly string[];
  /** The loaded checkpoint `GET /sdapi/v1/options` reports (default the first model). */
  loaded?: string;
}

interface GenerateBody {
  prompt?: unknown;
  negative_prompt?: unknown;
  seed?: unknown;
  width?: unknown;
  height?: unknown;
  steps?: unknown;
  batch_size?: unknown;
  init_images?: unknown;
  denoising_strength?: unknown;
  override_settings?: { sd_model_checkpoint?: unknown };
}

/** Starts the fake; point the adapter's baseUrl at `fake.url`. */
export async function startAutomatic1111Fake(options: Automatic1111FakeOptions = {}): Promise<MediaFakeControls> {
  const models = options.models ?? A1111_FAKE_MODELS;
  return startMediaFakeServer({
    errorBody: (status) => ({
      error: status === 500 ? 'OutOfMemoryError' : 'HTTPException',
      detail: '',
      body: '',
      errors: 'CUDA out of memory.',
    }),
    handler: async (request, res) => {
      const expected = options.auth === undefined ? undefined : `Basic ${Buffer.from(options.auth).toString('base64')}`;
      if (expected !== undefined && request.headers.authorization !== expected) {
        sendJson(res, 401, { detail: 'Incorrect username or password' });
      } else if (request.method === 'GET' && request.path === '/sdapi/v1/options') {
        sendJson(res, 200, { sd_model_checkpoint: options.loaded ?? models[0], samples_save: true });
      } else if (request.method === 'GET' && request.path === '/sdapi/v1/sd-models') {
        sendJson(res, 200, models.map(describeModel));
      } else if (request.method === 'POST' && /^\/sdapi\/v1\/(txt2img|img2img)$/.test(request.path)) {
        await generate(request, res, models);
      } else {
        sendJson(res, 404, { detail: 'Not Found' });
      }
    },
  });
}

function describeModel(title: string): Record<string, unknown> {
  const [filename = title, hash = ''] = title.split(' ');
  return {
    title,
    model_name: filename.replace(/\.safetensors$/, ''),
    hash: hash.replace(/[[\]]/g, ''),
    sha256: null,
    filename: `/models/Stable-diffusion/${filename}`,
    config: null,
  };
}

async function generate(request: MediaFakeRequest, res: ServerResponse, models: readonly string[]): Promise<void> {
  const body = (request.json ?? {}) as GenerateBody;
  const problem = validate(body, request.path.endsWith('img2img'));
  if (problem !== undefined) {
    sendJson(res, 422, { detail: [{ loc: ['body', problem.field], msg: problem.msg, type: 'type_error' }] });
    return;
  }
  const checkpoint = body.override_settings?.sd_model_checkpoint;
  if (typeof checkpoint === 'string' && !models.includes(checkpoint)) {
    const errors = `Checkpoint ${checkpoint} not found; loading fallback`;
    sendJson(res, 500, { error: 'RuntimeError', detail: '', body: '', errors });
    return;
  }
  const count = typeof body.batch_size === 'number' ? body.batch_size : 1;
  const firstSeed = typeof body.seed === 'number' && body.seed >= 0 ? body.seed : Math.floor(Math.random() * 2 ** 32);
  const seeds = Array.from({ length: count }, (_, index) => firstSeed + index);
  const width = Number(body.width ?? 512);
  const height = Number(body.height ?? 512);
  const images = seeds.map((seed) => fakePng(width / 8, height / 8, seed).toString('base64'));
  const grid = count > 1 ? [fakePng(width / 8, height / 8, 0).toString('base64')] : [];
  const info = { prompt: body.prompt, seed: firstSeed, all_seeds: seeds, sd_model_name: checkpoint ?? models[0] };
  sendJson(res, 200, { images: [...grid, ...images], parameters: body, info: JSON.stringify(info) });
  await Promise.resolve();
}

function validate(body: GenerateBody, img2img: boolean): { field: string; msg: string } | undefined {
  if (typeof body.prompt !== 'string') return { field: 'prompt', msg: 'str type expected' };
  for (const field of ['width', 'height'] as const) {
    const value = body[field];
    if (value !== undefined && (typeof value !== 'number' || value % 8 !== 0 || value < 64 || value > 2048)) {
      return { field, msg: 'must be a multiple of 8 between 64 and 2048' };
    }
  }
  if (!img2img) return undefined;
  if (!Array.isArray(body.init_images) || body.init_images.length === 0) {
    return { field: 'init_images', msg: 'at least one image is required' };
  }
  const strength = body.denoising_strength;
  if (typeof strength !== 'number' || strength < 0 || strength > 1) {
    return { field: 'denoising_strength', msg: 'must be between 0 and 1' };
  }
  return undefined;
}
