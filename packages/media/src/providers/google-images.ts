/**
 * Google's image models on the Gemini API:
 * - Imagen (ai.google.dev/gemini-api/docs/imagen): `POST /v1beta/models/{model}:predict` with
 *   `instances: [{prompt}]` and `parameters: {sampleCount (1–4), aspectRatio (1:1 3:4 4:3 9:16 16:9),
 *   personGeneration, includeRaiReason}` → `predictions: [{bytesBase64Encoded, mimeType}]`; images the
 *   safety filter removed are missing or carry `raiFilteredReason`. Imagen takes no reference image.
 * - Gemini image models (ai.google.dev/gemini-api/docs/image-generation): `:generateContent` with the
 *   references as `inlineData` parts before the text, `responseModalities: [TEXT, IMAGE]` and
 *   `imageConfig.aspectRatio`; the image comes back as an `inlineData` part. A blocked prompt has
 *   `promptFeedback.blockReason`; a blocked result a `finishReason` such as IMAGE_SAFETY. One image per call.
 */
import { imageFromBase64, toBase64 } from './media-bytes.ts';
import type { GeneratedImage, ImageCall } from './media-provider-contract.ts';
import { nearestAspectRatio } from './media-sizes.ts';
import { postGoogle, withAvoid } from './google-api.ts';
import { fieldOf, listOf, textOf } from './json-fields.ts';
import type { GoogleClient } from './google-api.ts';
import { clip, malformed, modelCannot, refused } from './vendor-call.ts';
import type { CallBudget } from './vendor-call.ts';

const IMAGEN_ASPECTS = ['1:1', '3:4', '4:3', '9:16', '16:9'] as const;
const GEMINI_ASPECTS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'] as const;
const IMAGEN_MAX_SAMPLES = 4;
/** Finish reasons that mean the result was withheld by a safety or policy filter. */
const BLOCKED_FINISH = /SAFETY|PROHIBITED|BLOCKLIST|SPII|RECITATION/;

/** Imagen models are named `imagen-…`; everything else goes through generateContent. */
export function isImagenModel(model: string): boolean {
  return /^(models\/)?imagen-/.test(model);
}

/** Imagen: batches of up to four per request until `count` images are made. */
export async function generateWithImagen(
  client: GoogleClient,
  call: ImageCall,
  budget: CallBudget,
): Promise<GeneratedImage[]> {
  if ((call.referenceImages?.length ?? 0) > 0) {
    throw modelCannot(client.context, call.model, 'takes no reference image (Gemini image models do)');
  }
  const images: GeneratedImage[] = [];
  let filteredReason = '';
  let remaining = Math.max(1, call.count);
  while (remaining > 0) {
    const sampleCount = Math.min(IMAGEN_MAX_SAMPLES, remaining);
    const body = {
      instances: [{ prompt: withAvoid(call.prompt, call.negativePrompt) }],
      parameters: {
        sampleCount,
        aspectRatio: nearestAspectRatio(call.width, call.height, IMAGEN_ASPECTS),
        personGeneration: 'allow_adult',
        includeRaiReason: true,
      },
    };
    const answer = await postGoogle(client, `${modelPath(call.model)}:predict`, body, budget, call.model);
    for (const prediction of listOf(answer, 'predictions')) {
      const data = textOf(prediction, 'bytesBase64Encoded');
      if (data !== undefined) images.push(imageFromBase64(data, client.context));
      else filteredReason ||= textOf(prediction, 'raiFilteredReason') ?? '';
    }
    remaining -= sampleCount;
  }
  // Some filtered is still an answer (fewer images); all filtered is a refusal.
  if (images.length === 0) throw refused(client.context, filteredReason || 'every image was filtered');
  return images;
}

/** Gemini image models: one generateContent call per image, references inline. */
export async function generateWithGemini(
  client: GoogleClient,
  call: ImageCall,
  budget: CallBudget,
): Promise<GeneratedImage[]> {
  const images: GeneratedImage[] = [];
  for (let index = 0; index < Math.max(1, call.count); index++) {
    const references = (call.referenceImages ?? []).map((image) => ({
      inlineData: { mimeType: image.mimeType, data: toBase64(image.bytes) },
    }));
    const body = {
      contents: [{ role: 'user', parts: [...references, { text: withAvoid(call.prompt, call.negativePrompt) }] }],
      generationConfig: {
        responseModalities: ['TEXT', 'IMAGE'],
        imageConfig: { aspectRatio: nearestAspectRatio(call.width, call.height, GEMINI_ASPECTS) },
        ...(call.seed === undefined ? {} : { seed: call.seed + index }),
      },
    };
    const answer = await postGoogle(client, `${modelPath(call.model)}:generateContent`, body, budget, call.model);
    images.push(imageOfCandidate(client, answer));
  }
  return images;
}

function imageOfCandidate(client: GoogleClient, answer: unknown): GeneratedImage {
  const blockReason = textOf(fieldOf(answer, 'promptFeedback'), 'blockReason');
  if (blockReason !== undefined) throw refused(client.context, `prompt blocked: ${blockReason}`);
  const candidate = listOf(answer, 'candidates')[0];
  const finishReason = textOf(candidate, 'finishReason') ?? '';
  if (BLOCKED_FINISH.test(finishReason)) throw refused(client.context, `result blocked: ${finishReason}`);
  const parts = listOf(fieldOf(candidate, 'content'), 'parts');
  for (const part of parts) {
    const inline = fieldOf(part, 'inlineData');
    const data = textOf(inline, 'data');
    if (data !== undefined) return imageFromBase64(data, client.context);
  }
  const said = parts.map((part) => textOf(part, 'text') ?? '').join(' ');
  throw malformed(client.context, said.trim() === '' ? 'no image in the answer' : `no image, only: ${clip(said, 160)}`);
}

/** `imagen-4.0-generate-001` → `models/imagen-4.0-generate-001` (a full name is kept). */
export function modelPath(model: string): string {
  return model.startsWith('models/') ? model : `models/${model}`;
}
