/**
 * Servers that speak OpenAI's Chat Completions API, through `@ai-sdk/openai-compatible`:
 * - `meta`: Meta's Llama API, compatibility endpoint `https://api.llama.com/compat/v1`
 *   (llama.developer.meta.com/docs/features/compatibility)
 * - `openai_compatible`: vLLM, LM Studio, LocalAI… at the base URL the admin gives (key optional)
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { HttpClient } from '@plume/http/http-client';
import type { LlmProvider, ProviderSettings } from '../provider-contract.ts';
import { LlmProviderError } from '../provider-contract.ts';
import { fetchModelList } from './model-list.ts';
import { createSdkFetch } from './sdk-fetch.ts';
import { baseUrlOf, createSdkProvider } from './sdk-provider.ts';

export const META_LLAMA_BASE_URL = 'https://api.llama.com/compat/v1';

/**
 * The Meta Llama API provider (`meta`) or a self-hosted server (`openai_compatible`, whose
 * `baseUrl` is required, e.g. `http://127.0.0.1:8000/v1` for vLLM).
 */
export function createOpenAiCompatibleProvider(settings: ProviderSettings, deps: { http: HttpClient }): LlmProvider {
  const isMeta = settings.kind === 'meta';
  if (!isMeta && settings.baseUrl === undefined) {
    throw new LlmProviderError({
      kind: 'bad_request',
      providerId: settings.id,
      message: `The server "${settings.id}" needs a base URL, e.g. http://127.0.0.1:8000/v1.`,
    });
  }
  const baseURL = baseUrlOf(settings, META_LLAMA_BASE_URL);
  const apiKey = settings.apiKey === '' ? undefined : settings.apiKey;
  const compatible = createOpenAICompatible({
    name: settings.id,
    baseURL,
    apiKey,
    includeUsage: true,
    fetch: createSdkFetch(deps.http),
  });
  const headers: Record<string, string> = apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` };
  return createSdkProvider({
    settings,
    kind: isMeta ? 'meta' : 'openai_compatible',
    label: isMeta ? 'Meta Llama API' : settings.id,
    json: 'json_object',
    requiresKey: isMeta,
    languageModel: (modelId) => compatible.chatModel(modelId),
    listModels: (signal) => fetchModelList(deps.http, `${baseURL}/models`, headers, signal),
  });
}
