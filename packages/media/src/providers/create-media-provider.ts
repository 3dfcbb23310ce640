/**
 * Builds the adapter for a configured media provider: the one place that knows which file serves which
 * `MediaProviderKind`. Add a vendor: write `providers/<vendor>.ts` against `MediaProvider`, then one line
 * in `ADAPTERS`. A kind without an adapter in this build gives a provider that says so, in plain words,
 * from its health check and every call (it is never silently skipped).
 */
import type { MediaProviderKind } from '@plume/contract/media/media-enums';
import type { HttpClient } from '@plume/http/http-client';
import { createEspeakProvider } from './espeak.ts';
import { LlmProviderError, type MediaProvider, type MediaProviderSettings } from './media-provider-contract.ts';
import { createOpenAiMediaProvider } from './openai-media.ts';

export type MediaProviderDeps = {
  /** Every outbound request goes through it; its SSRF policy must allow the servers the operator configured. */
  http: HttpClient;
  /** espeak-ng's program (ESPEAK_PATH or `espeak-ng` on PATH); absent: the espeak provider says it is missing. */
  espeakPath?: string | undefined;
};

type AdapterConstructor = (settings: MediaProviderSettings, deps: MediaProviderDeps) => MediaProvider;

/** Kind → adapter. The providers engineer adds google, stability, automatic1111 and comfyui here. */
const ADAPTERS: Partial<Record<MediaProviderKind, AdapterConstructor>> = {
  openai: createOpenAiMediaProvider,
  openai_compatible: createOpenAiMediaProvider,
  espeak: createEspeakProvider,
};

/** Kinds that cannot work without a base URL (local servers have no vendor default). */
const NEEDS_BASE_URL: readonly MediaProviderKind[] = ['openai_compatible', 'automatic1111', 'comfyui'];

/**
 * Dispatches on `settings.kind`. A configuration that cannot work (a local server without its URL)
 * throws a `bad_request` `LlmProviderError` at once.
 * @example createMediaProvider({ id: 'openai', kind: 'openai', apiKey }, { http }).generateImages?.(call)
 */
export function createMediaProvider(settings: MediaProviderSettings, deps: MediaProviderDeps): MediaProvider {
  if (NEEDS_BASE_URL.includes(settings.kind) && settings.baseUrl === undefined)
    throw new LlmProviderError({
      kind: 'bad_request',
      providerId: settings.id,
      message: `The server "${settings.id}" needs a base URL, e.g. http://127.0.0.1:7860.`,
    });
  const adapter = ADAPTERS[settings.kind];
  return adapter === undefined ? missingAdapter(settings) : adapter(settings, deps);
}

/** Which kinds this build has an adapter for. */
export function supportedMediaKinds(): MediaProviderKind[] {
  return Object.keys(ADAPTERS) as MediaProviderKind[];
}

function missingAdapter(settings: MediaProviderSettings): MediaProvider {
  const reason = `This Plume build has no adapter for ${settings.kind} media providers yet.`;
  const fail = () =>
    Promise.reject(new LlmProviderError({ kind: 'bad_request', providerId: settings.id, message: reason }));
  return {
    id: settings.id,
    kind: settings.kind,
    capabilities: {
      image: false,
      video: false,
      speech: false,
      seed: false,
      referenceImages: false,
      negativePrompt: false,
    },
    listModels: fail,
    health: async () => ({ ok: false, latencyMs: 0, reason }),
  };
}
