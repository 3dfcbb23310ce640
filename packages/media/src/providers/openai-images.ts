/**
 * `POST /images/generations` as OpenAI documents it (platform.openai.com/docs/api-reference/images/create),
 * also spoken by LocalAI and other OpenAI-compatible image servers:
 * - gpt-image-1 (and -mini): sizes 1024x1024, 1024x1536, 1536x1024; always base64 (`response_format` is
 *   not accepted); `quality: "medium"`, the price the table charges; `n` up to 10;
 * - dall-e-3: sizes 1024x1024, 1024x1792, 1792x1024; `n` must be 1 (so one request per image),
 *   `style` vivid or natural, `revised_prompt` in the answer; dall-e-2: squares only;
 * - compatible servers: the shape asked for, longer side 1024, multiples of 64; `b64_json` asked for,
 *   a `url` answer fetched.
 * A refusal is HTTP 400 with `error.code` `content_policy_violation` (DALL·E) or `moderation_blocked`
 * (gpt-image-1) → `content_filter`.
 */
import type { HttpClient } from '@plume/http/http-client';
import type { GeneratedImage, ImageAnswer, ImageCall } from './media-provider-contract.ts';
import { failure, parseJsonAnswer, sendMediaRequest, sniffImageType, type MediaHttpContext } from './media-http.ts';

export type ImagesTarget = {
  providerId: string;
  vendor: string;
  baseUrl: string;
  headers: Record<string, string>;
  /** `openai`: the vendor's size rules per model; `compatible`: any size. */
  flavor: 'openai' | 'compatible';
  http: HttpClient;
};

type AnswerItem = { b64_json?: string; url?: string; revised_prompt?: string };

/** The `data` items of an answer, or null when it has none. */
function answerItems(body: unknown): AnswerItem[] | null {
  const data = body instanceof Object ? (body as { data?: unknown }).data : undefined;
  if (!Array.isArray(data) || data.length === 0) return null;
  return data.map((item: unknown) => {
    const record = (item instanceof Object ? item : {}) as Record<string, unknown>;
    const text = (key: string) => (typeof record[key] === 'string' ? { [key]: record[key] } : {});
    return { ...text('b64_json'), ...text('url'), ...text('revised_prompt') };
  });
}

/** Time for one generation request when the call sets none: local servers on a CPU are slow. */
const CLOUD_TIMEOUT_MS = 180_000;
const LOCAL_TIMEOUT_MS = 600_000;

const REFUSAL_CODES = /"code"\s*:\s*"(content_policy_violation|moderation_blocked)"/;

export function isOpenAiRefusal(status: number, bodyText: string): boolean {
  return status === 400 && REFUSAL_CODES.test(bodyText);
}

/** The size the model offers nearest to the shape asked for. */
export function openAiImageSize(model: string, width: number, height: number, flavor: ImagesTarget['flavor']): string {
  const shape = width === height ? 'square' : width > height ? 'landscape' : 'portrait';
  if (flavor === 'compatible') {
    const scale = 1024 / Math.max(width, height);
    const round = (value: number) => Math.max(64, Math.round((value * scale) / 64) * 64);
    return `${round(width)}x${round(height)}`;
  }
  if (model.startsWith('dall-e-2')) return '1024x1024';
  if (model.startsWith('dall-e-3'))
    return { square: '1024x1024', landscape: '1792x1024', portrait: '1024x1792' }[shape];
  return { square: '1024x1024', landscape: '1536x1024', portrait: '1024x1536' }[shape];
}

function requestBody(call: ImageCall, target: ImagesTarget, n: number): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: call.model,
    prompt: call.prompt,
    n,
    size: openAiImageSize(call.model, call.width, call.height, target.flavor),
  };
  const isGptImage = call.model.startsWith('gpt-image');
  if (target.flavor === 'openai' && isGptImage) body['quality'] = 'medium';
  if (!isGptImage || target.flavor === 'compatible') body['response_format'] = 'b64_json';
  if (call.model.startsWith('dall-e-3'))
    body['style'] = call.style === 'photorealistic' || call.style === 'minimalist' ? 'natural' : 'vivid';
  // Compatible servers (LocalAI's diffusers backend) read these; OpenAI would refuse unknown fields.
  if (target.flavor === 'compatible') {
    if (call.negativePrompt) body['negative_prompt'] = call.negativePrompt;
    if (call.seed !== undefined) body['seed'] = call.seed;
  }
  return body;
}

/** Generates `call.count` images; DALL·E 3 makes one per request, so it is asked that many times. */
export async function generateOpenAiImages(target: ImagesTarget, call: ImageCall): Promise<ImageAnswer> {
  const startedAt = performance.now();
  const context: MediaHttpContext = {
    providerId: target.providerId,
    vendor: target.vendor,
    model: call.model,
    timeoutMs: call.timeoutMs ?? (target.flavor === 'openai' ? CLOUD_TIMEOUT_MS : LOCAL_TIMEOUT_MS),
    signal: call.signal,
    isRefusal: isOpenAiRefusal,
  };
  const perRequest = call.model.startsWith('dall-e-3') ? 1 : Math.min(call.count, 10);
  const images: GeneratedImage[] = [];
  while (images.length < call.count) {
    const n = Math.min(perRequest, call.count - images.length);
    const made = await requestImages(target, call, n, context);
    images.push(...made);
    if (made.length < n) break;
  }
  return { images, model: call.model, latencyMs: Math.round(performance.now() - startedAt) };
}

async function requestImages(
  target: ImagesTarget,
  call: ImageCall,
  n: number,
  context: MediaHttpContext,
): Promise<GeneratedImage[]> {
  const answer = await sendMediaRequest(
    target.http,
    `${target.baseUrl}/images/generations`,
    {
      method: 'POST',
      headers: { ...target.headers, 'content-type': 'application/json' },
      body: JSON.stringify(requestBody(call, target, n)),
    },
    context,
  );
  const items = answerItems(parseJsonAnswer(answer, context));
  if (items === null) throw failure(context, 'malformed_response', `${target.vendor} answered without any image.`);
  const images: GeneratedImage[] = [];
  for (const item of items) {
    const bytes = item.b64_json
      ? Uint8Array.from(Buffer.from(item.b64_json, 'base64'))
      : item.url
        ? (await sendMediaRequest(target.http, item.url, { headers: target.headers }, context)).bytes
        : new Uint8Array();
    const mimeType = sniffImageType(bytes);
    if (mimeType === undefined)
      throw failure(
        context,
        'malformed_response',
        `${target.vendor} sent an image Plume cannot read (not PNG, JPEG or WebP).`,
      );
    images.push({
      bytes,
      mimeType,
      ...(item.revised_prompt === undefined ? {} : { revisedPrompt: item.revised_prompt }),
    });
  }
  return images;
}
