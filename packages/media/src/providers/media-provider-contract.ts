/**
 * The contract every image, video and speech provider adapter implements (`providers/<vendor>.ts`),
 * beside the text one (`@plume/llm/provider-contract`). The media gateway (routing, fallback, budgets,
 * ledger, price table) only ever talks to this interface, so a provider is one file that turns a call
 * into the vendor's request and the vendor's failures into a typed `LlmProviderError`:
 * - `content_filter`: the vendor refused the prompt or the result (never retried on another provider:
 *   a refusal is an answer, not an outage);
 * - `rate_limited` (with `retryAfterMs`), `timeout`, `server_error`, `connection_refused`, `auth`,
 *   `model_not_found`: the gateway tries the next candidate;
 * - `bad_request`: our request was wrong (reported as is);
 * - `malformed_response`: the vendor answered something that is not an image/video/audio.
 */
import type { AspectRatio, ImageStyle, MediaProviderKind, VideoStyle } from '@plume/contract/media/media-enums';

export { LlmProviderError } from '@plume/llm/provider-contract';
export type { LlmErrorKind } from '@plume/llm/provider-contract';

export interface MediaProviderSettings {
  /** Stable id of this configured provider (`openai`, `automatic1111`, or an admin's name for a server). */
  id: string;
  kind: MediaProviderKind;
  /** API base URL; each adapter has the vendor's default (local servers have none and need one). */
  baseUrl?: string;
  /** Decrypted API key, only in memory, never logged. */
  apiKey?: string;
}

/** An image sent along with a request: a character's reference, or the first frame of a video. */
export interface InputImage {
  bytes: Uint8Array;
  mimeType: string;
}

export interface ImageCall {
  model: string;
  /** The full prompt as sent (style words, the character's look and the brief already merged). */
  prompt: string;
  negativePrompt?: string;
  style?: ImageStyle;
  aspectRatio: AspectRatio;
  /** The size wanted (ASPECT_SIZES); an adapter asks for the nearest size its model offers. */
  width: number;
  height: number;
  /** How many images (a provider that makes one per call is called this many times by its adapter). */
  count: number;
  /** Same seed, same prompt → the same face where the provider honours seeds. */
  seed?: number;
  /** A character's references, where the provider takes image prompts (img2img, IP-Adapter, Gemini). */
  referenceImages?: readonly InputImage[];
  /** 0–1: how strongly references steer the result. */
  referenceStrength?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface GeneratedImage {
  bytes: Uint8Array;
  mimeType: string;
  /** The seed the provider used, when it says. */
  seed?: number;
  /** The prompt the provider actually used, when it rewrote ours (OpenAI's `revised_prompt`). */
  revisedPrompt?: string;
}

export interface ImageAnswer {
  images: GeneratedImage[];
  /** The model the vendor says answered. */
  model: string;
  latencyMs: number;
}

export interface VideoCall {
  model: string;
  prompt: string;
  negativePrompt?: string;
  style?: VideoStyle;
  aspectRatio: AspectRatio;
  durationSec: number;
  /** Animate this image (image-to-video) instead of starting from text alone. */
  image?: InputImage;
  seed?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Long-running jobs: called with 0–1 as the vendor reports progress (or as polls go by). */
  onProgress?: (fraction: number) => void;
}

export interface VideoAnswer {
  video: { bytes: Uint8Array; mimeType: string };
  model: string;
  latencyMs: number;
  durationSec?: number;
}

export const SPEECH_FORMATS = ['mp3', 'wav', 'opus'] as const;
export type SpeechFormat = (typeof SPEECH_FORMATS)[number];

export interface SpeechCall {
  model: string;
  text: string;
  /** The provider's voice name (`alloy`, `af_bella`, espeak-ng's `en-us+f3`). */
  voice: string;
  format: SpeechFormat;
  /** 0.25–4, 1 is normal. */
  speed?: number;
  /** How to say it, where the model takes instructions ("warm and upbeat"). */
  instructions?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface SpeechAnswer {
  audio: { bytes: Uint8Array; mimeType: string };
  model: string;
  latencyMs: number;
}

export interface MediaModelInfo {
  id: string;
  /** What the model makes. */
  makes: readonly ('image' | 'video' | 'speech')[];
}

export interface MediaProviderHealth {
  ok: boolean;
  latencyMs: number;
  /** Plain words when not ok ("AUTOMATIC1111 is not running at http://127.0.0.1:7860"). */
  reason?: string;
}

/** What an adapter can do; the gateway routes a call only to providers that can make it. */
export interface MediaCapabilities {
  image: boolean;
  video: boolean;
  speech: boolean;
  /** Honours `seed`. */
  seed: boolean;
  /** Takes `referenceImages` (character consistency beyond the prompt). */
  referenceImages: boolean;
  negativePrompt: boolean;
}

export interface MediaProvider {
  readonly id: string;
  readonly kind: MediaProviderKind;
  readonly capabilities: MediaCapabilities;
  generateImages?(call: ImageCall): Promise<ImageAnswer>;
  generateVideo?(call: VideoCall): Promise<VideoAnswer>;
  synthesizeSpeech?(call: SpeechCall): Promise<SpeechAnswer>;
  listModels(signal?: AbortSignal): Promise<MediaModelInfo[]>;
  /** "Test connection": a cheap call (list models), never a paid generation. */
  health(signal?: AbortSignal): Promise<MediaProviderHealth>;
}
