/**
 * AI generation jobs of the media studio: what a person asks for (images, a video, a voice-over) and
 * the job as the studio shows it while it runs (state, progress 0–1, results in the vault, the error
 * in plain words). Results land in the vault as `pending` until someone approves them.
 */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { timestamp, type Wire } from '../wire.ts';
import { ASPECT_RATIOS, GENERATION_KINDS, GENERATION_STATES, IMAGE_STYLES, VIDEO_STYLES } from './media-enums.ts';

/** Most images one job makes. */
export const MAX_IMAGES_PER_JOB = 8;
export const SPEECH_VOICE_FORMATS = ['mp3', 'wav', 'opus'] as const;

const prompt = z.string().trim().min(3, 'Describe what to make in a few words.').max(2000);
const negativePrompt = z.string().trim().max(1000).optional();
/** Providers take 32-bit unsigned seeds. */
const seed = z.number().int().min(0).max(4_294_967_295).optional();
const characterFields = { characterId: z.uuid().optional(), variationId: z.uuid().optional() };

export const imageGenerationBody = z.strictObject({
  kind: z.literal('image'),
  prompt,
  negativePrompt,
  style: z.enum(IMAGE_STYLES).optional(),
  aspectRatio: z.enum(ASPECT_RATIOS).default('1:1'),
  count: z.number().int().min(1).max(MAX_IMAGES_PER_JOB).default(1),
  seed,
  ...characterFields,
});

export const videoGenerationBody = z.strictObject({
  kind: z.literal('video'),
  prompt,
  negativePrompt,
  style: z.enum(VIDEO_STYLES).optional(),
  aspectRatio: z.enum(ASPECT_RATIOS).default('9:16'),
  durationSec: z.number().int().min(2).max(60).default(6),
  /** Image-to-video: animate this vault image instead of starting from text alone. */
  imageMediaId: z.uuid().optional(),
  seed,
  ...characterFields,
});

export const speechGenerationBody = z.strictObject({
  kind: z.literal('speech'),
  text: z.string().trim().min(1, 'Write what the voice should say.').max(4096),
  /** The provider's voice name; without it, the character's voice (or the provider's default). */
  voice: z.string().trim().min(1).max(100).optional(),
  format: z.enum(SPEECH_VOICE_FORMATS).default('mp3'),
  speed: z.number().min(0.25).max(4).optional(),
  /** How to say it, where the model takes instructions ("warm and upbeat"). */
  instructions: z.string().trim().max(500).optional(),
  characterId: z.uuid().optional(),
});

export const createGenerationBody = z.discriminatedUnion('kind', [
  imageGenerationBody,
  videoGenerationBody,
  speechGenerationBody,
]);
export type CreateGenerationInput = z.infer<typeof createGenerationBody>;
export type ImageGenerationInput = z.infer<typeof imageGenerationBody>;
export type VideoGenerationInput = z.infer<typeof videoGenerationBody>;
export type SpeechGenerationInput = z.infer<typeof speechGenerationBody>;

/** An item a quality check dropped before it reached the vault. */
export const droppedItemSchema = z.object({ index: z.number(), reason: z.string() });

export const generationSchema = z.object({
  id: z.string(),
  kind: z.enum(GENERATION_KINDS),
  state: z.enum(GENERATION_STATES),
  progress: z.number(),
  request: z.record(z.string(), z.unknown()),
  characterId: z.string().nullable(),
  variationId: z.string().nullable(),
  /** Vault items made by this job (pending approval). */
  resultMediaIds: z.array(z.string()),
  /** Results the quality checks dropped, with why. */
  dropped: z.array(droppedItemSchema),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  costMicros: z.number(),
  /** Plain words when it failed. */
  error: z.string().nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});
export type Generation = Wire<typeof generationSchema>;

export const generationParams = z.object({ workspaceId: workspaceIdParam, generationId: z.uuid() });

export const listGenerationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  kind: z.enum(GENERATION_KINDS).optional(),
  state: z.enum(GENERATION_STATES).optional(),
});

/** Alt text a vision model suggests for a vault image; nothing is saved until the person saves it. */
export const altTextSuggestionSchema = z.object({
  altText: z.string(),
  provider: z.string(),
  model: z.string(),
  costMicros: z.number(),
});
export type AltTextSuggestion = Wire<typeof altTextSuggestionSchema>;

export const suggestAltTextBody = z.strictObject({
  /** What the post is about, so the description stresses what matters (optional). */
  context: z.string().trim().max(1000).optional(),
  /** A BCP 47 language tag for the answer (default English). */
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Enter a language tag such as en or fr-FR.')
    .optional(),
});
