/**
 * A fake of OpenAI's image and speech endpoints, which also stands in for the servers that copy them
 * (LocalAI, speaches, Kokoro-FastAPI: `flavor: "compatible"`). Built on the LLM fakes' server, so it
 * records requests and misbehaves on demand (`failNext` 429 + Retry-After / 5xx, `dropNext`,
 * `malformNext`, `setFirstByteDelay` for slow answers and timeouts).
 *
 * Follows platform.openai.com/docs/api-reference:
 * - images/create: `prompt` required; gpt-image-1 sizes 1024x1024, 1536x1024, 1024x1536, auto, always
 *   `b64_json`, `response_format` refused as an unknown parameter; dall-e-3 sizes 1024x1024, 1792x1024,
 *   1024x1792, `n` must be 1, `revised_prompt` in each item; answer `{created, data: [{b64_json}]}`;
 * - a prompt the safety system rejects: 400 `{error: {code: "content_policy_violation"}}` (DALL·E) or
 *   `moderation_blocked` (gpt-image-1);
 * - audio/createSpeech: `model`, `input` (≤ 4096 characters), `voice` required; `response_format` mp3
 *   (default), wav, opus…; `speed` 0.25–4; `instructions` refused by tts-1 and tts-1-hd; the body is
 *   the audio (wav: a real tone; mp3: real frames of silence; other formats: the WAV bytes, labelled);
 * - models/list; guides/error-codes (401 `invalid_api_key`, 404 `model_not_found`, 429, 500, 503).
 */
import type { ServerResponse } from 'node:http';
import { startLlmFakeServer, type LlmFakeControls, type LlmFakeRequest } from '../llm/llm-fake-server.ts';
import { writeJson } from '../llm/sse.ts';
import { fakeMp3, fakePng, fakeWav, speakingSeconds } from './fake-media-bytes.ts';

export interface OpenAiMediaFakeOptions {
  /** The accepted `Authorization: Bearer` key; null serves without auth (a local server). Default `test-openai-key`. */
  apiKey?: string | null;
  /** `openai`: the vendor's size and parameter rules; `compatible`: any size, extra fields accepted. */
  flavor?: 'openai' | 'compatible';
  models?: readonly string[];
  /** Prompts the safety system rejects. Default: any prompt containing "forbidden". */
  refuses?: (prompt: string) => boolean;
  /** Prompts answered with a blank (one-colour) image, for quality checks. Default: "blank canvas". */
  blanks?: (prompt: string) => boolean;
}

export type OpenAiMediaFake = LlmFakeControls & {
  /** The next request is refused as a content policy violation. */
  refuseNext(): void;
};

export const OPENAI_MEDIA_MODELS = ['gpt-image-1', 'dall-e-3', 'tts-1', 'gpt-4o-mini-tts', 'gpt-4o-mini'];

const SIZES: Record<string, readonly string[]> = {
  'gpt-image-1': ['1024x1024', '1536x1024', '1024x1536', 'auto'],
  'dall-e-3': ['1024x1024', '1792x1024', '1024x1792'],
  'dall-e-2': ['256x256', '512x512', '1024x1024'],
};

export function openAiError(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

const refusal = (model: string) =>
  openAiError(
    'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
    model.startsWith('gpt-image') ? 'image_generation_user_error' : 'invalid_request_error',
    model.startsWith('gpt-image') ? 'moderation_blocked' : 'content_policy_violation',
  );

/** Starts the fake on 127.0.0.1; point a provider at `${fake.url}/v1`. */
export async function startOpenAiMediaFake(options: OpenAiMediaFakeOptions = {}): Promise<OpenAiMediaFake> {
  const apiKey = options.apiKey === undefined ? 'test-openai-key' : options.apiKey;
  const flavor = options.flavor ?? 'openai';
  const refuses = options.refuses ?? ((prompt: string) => /forbidden/i.test(prompt));
  const blanks = options.blanks ?? ((prompt: string) => /blank canvas/i.test(prompt));
  const models = options.models ?? OPENAI_MEDIA_MODELS;
  const controls = await startLlmFakeServer({
    models: models.map((id) => ({ id, contextWindow: 0 })),
    errorBody: (status) =>
      status === 429
        ? openAiError('Rate limit reached for images per minute.', 'requests', 'rate_limit_exceeded')
        : openAiError('The server had an error while processing your request.', 'server_error', null),
    handler: async (request, res, context) => {
      const known = context.models.map((model) => model.id);
      if (apiKey !== null && request.headers.authorization !== `Bearer ${apiKey}`) {
        writeJson(res, 401, openAiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
      } else if (request.method === 'GET' && request.path.endsWith('/models')) {
        writeJson(res, 200, {
          object: 'list',
          data: known.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'openai' })),
        });
      } else if (context.malformed) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data": [');
      } else if (request.method === 'POST' && request.path.endsWith('/images/generations')) {
        createImages(request, res, { flavor, known, refuses, blanks });
      } else if (request.method === 'POST' && request.path.endsWith('/audio/speech')) {
        createSpeech(request, res, { flavor, known, refuses, blanks });
      } else {
        writeJson(
          res,
          404,
          openAiError(`Invalid URL (${request.method} ${request.path})`, 'invalid_request_error', null),
        );
      }
    },
  });
  return {
    ...controls,
    refuseNext() {
      controls.failNext({ status: 400, body: refusal('dall-e-3') });
    },
  };
}

type Rules = {
  flavor: 'openai' | 'compatible';
  known: readonly string[];
  refuses: (prompt: string) => boolean;
  blanks: (prompt: string) => boolean;
};

const bad = (res: ServerResponse, message: string, param: string | null = null) =>
  writeJson(res, 400, openAiError(message, 'invalid_request_error', null, param));

function createImages(request: LlmFakeRequest, res: ServerResponse, rules: Rules): void {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const model = typeof body['model'] === 'string' ? body['model'] : 'dall-e-2';
  const prompt = body['prompt'];
  const n = typeof body['n'] === 'number' ? body['n'] : 1;
  const size = typeof body['size'] === 'string' ? body['size'] : rules.flavor === 'openai' ? '1024x1024' : '512x512';
  if (!rules.known.includes(model))
    return writeJson(
      res,
      404,
      openAiError(`The model '${model}' does not exist.`, 'invalid_request_error', 'model_not_found'),
    );
  if (typeof prompt !== 'string' || prompt.length === 0)
    return bad(res, "Missing required parameter: 'prompt'.", 'prompt');
  if (rules.flavor === 'openai') {
    if (model.startsWith('gpt-image') && 'response_format' in body)
      return bad(res, "Unknown parameter: 'response_format'.", 'response_format');
    const sizes = SIZES[model.startsWith('gpt-image') ? 'gpt-image-1' : model] ?? [];
    if (!sizes.includes(size))
      return bad(
        res,
        `Invalid value: '${size}'. Supported values are: ${sizes.map((s) => `'${s}'`).join(', ')}.`,
        'size',
      );
    if (model === 'dall-e-3' && n !== 1) return bad(res, 'You must provide n=1 for this model.', 'n');
  }
  if (n < 1 || n > 10) return bad(res, `${n} is not between 1 and 10 - 'n'`, 'n');
  if (rules.refuses(prompt)) return writeJson(res, 400, refusal(model));
  const [width, height] = size === 'auto' ? [1024, 1024] : size.split('x').map(Number);
  const data = Array.from({ length: n }, (_, index) => ({
    b64_json: fakePng(width ?? 1024, height ?? 1024, `${prompt} ${index}`, rules.blanks(prompt)).toString('base64'),
    ...(model === 'dall-e-3' ? { revised_prompt: `A detailed picture of ${prompt}` } : {}),
  }));
  writeJson(res, 200, { created: Math.floor(Date.now() / 1000), data });
}

const SPEECH_TYPES: Record<string, string> = { mp3: 'audio/mpeg', wav: 'audio/wav', opus: 'audio/ogg' };

function createSpeech(request: LlmFakeRequest, res: ServerResponse, rules: Rules): void {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const { model, input, voice } = body;
  const format = typeof body['response_format'] === 'string' ? body['response_format'] : 'mp3';
  const speed = typeof body['speed'] === 'number' ? body['speed'] : 1;
  if (typeof model !== 'string' || !rules.known.includes(model))
    return writeJson(
      res,
      404,
      openAiError(`The model '${String(model)}' does not exist.`, 'invalid_request_error', 'model_not_found'),
    );
  if (typeof input !== 'string' || input.length === 0) return bad(res, "Missing required parameter: 'input'.", 'input');
  if (input.length > 4096)
    return bad(res, "Invalid 'input': string too long. Expected a string with maximum length 4096.", 'input');
  if (typeof voice !== 'string') return bad(res, "Missing required parameter: 'voice'.", 'voice');
  if (speed < 0.25 || speed > 4) return bad(res, `${speed} is not between 0.25 and 4 - 'speed'`, 'speed');
  if (rules.flavor === 'openai' && model.startsWith('tts-1') && 'instructions' in body)
    return bad(res, 'Instructions are not supported for this model.', 'instructions');
  if (rules.refuses(input)) return writeJson(res, 400, refusal(model));
  const seconds = speakingSeconds(input, speed);
  const audio = format === 'mp3' ? fakeMp3(seconds) : fakeWav(seconds);
  res.writeHead(200, { 'content-type': SPEECH_TYPES[format] ?? 'application/octet-stream' });
  res.end(audio);
}
