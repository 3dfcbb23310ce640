/**
 * OpenAI's images and speech (`kind: "openai"`, api.openai.com with a key) and any server that copies
 * those two endpoints (`kind: "openai_compatible"`: LocalAI, speaches, Kokoro-FastAPI; a base URL and
 * an optional key). "Test connection" lists models (`GET /models`), never a paid generation.
 */
import type { HttpClient } from '@plume/http/http-client';
import type {
  MediaCapabilities,
  MediaModelInfo,
  MediaProvider,
  MediaProviderHealth,
  MediaProviderSettings,
} from './media-provider-contract.ts';
import { failure, parseJsonAnswer, sendMediaRequest, type MediaHttpContext } from './media-http.ts';
import { generateOpenAiImages, type ImagesTarget } from './openai-images.ts';
import { synthesizeOpenAiSpeech } from './openai-speech.ts';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const LIST_TIMEOUT_MS = 10_000;

const CAPABILITIES: MediaCapabilities = {
  image: true,
  video: false,
  speech: true,
  seed: false,
  referenceImages: false,
  negativePrompt: false,
};

/** What a listed model makes, from its name (neither OpenAI's nor LocalAI's list says). */
export function modelMakes(id: string): MediaModelInfo['makes'] {
  if (/tts|speech|kokoro|piper|voice|bark|melo|orpheus/i.test(id)) return ['speech'];
  if (/^gpt-image|^dall-e|stable|diffusion|sdxl|sd[-_.\d]|flux|dreamshaper|image/i.test(id)) return ['image'];
  return [];
}

export function createOpenAiMediaProvider(settings: MediaProviderSettings, deps: { http: HttpClient }): MediaProvider {
  const compatible = settings.kind === 'openai_compatible';
  const baseUrl = (settings.baseUrl ?? OPENAI_BASE_URL).replace(/\/+$/, '');
  const target: ImagesTarget = {
    providerId: settings.id,
    vendor: compatible ? `The server "${settings.id}" at ${baseUrl}` : 'OpenAI',
    baseUrl,
    headers: settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {},
    flavor: compatible ? 'compatible' : 'openai',
    http: deps.http,
  };
  const capabilities = compatible ? { ...CAPABILITIES, seed: true, negativePrompt: true } : CAPABILITIES;

  async function listModels(signal?: AbortSignal): Promise<MediaModelInfo[]> {
    const context: MediaHttpContext = {
      providerId: settings.id,
      vendor: target.vendor,
      model: '(list)',
      timeoutMs: LIST_TIMEOUT_MS,
      signal,
    };
    const answer = await sendMediaRequest(deps.http, `${baseUrl}/models`, { headers: target.headers }, context);
    const body = parseJsonAnswer(answer, context);
    const data = body instanceof Object ? (body as { data?: unknown }).data : undefined;
    if (!Array.isArray(data)) throw failure(context, 'malformed_response', `${target.vendor} sent no model list.`);
    const ids = data.flatMap((item: unknown) =>
      item instanceof Object && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : [],
    );
    const models = ids.map((id) => ({ id, makes: modelMakes(id) }));
    // OpenAI lists its chat models too; only the ones that make media matter here.
    return compatible ? models : models.filter((model) => model.makes.length > 0);
  }

  async function health(signal?: AbortSignal): Promise<MediaProviderHealth> {
    const startedAt = performance.now();
    const latency = () => Math.round(performance.now() - startedAt);
    try {
      await listModels(signal);
      return { ok: true, latencyMs: latency() };
    } catch (error) {
      return { ok: false, latencyMs: latency(), reason: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    id: settings.id,
    kind: settings.kind,
    capabilities,
    generateImages: (call) => generateOpenAiImages(target, call),
    synthesizeSpeech: (call) => synthesizeOpenAiSpeech(target, call),
    listModels,
    health,
  };
}
